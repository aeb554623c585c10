/**
 * A period's picture with generated text in every text field: the November/December 2023
 * picture of the seeded programme, for the renderer and preview properties.
 */
import type { IPeriodPicture } from '../../../src/domain';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../../src/fixtures/improvementPlanPhase2';
import { pictureOf } from '../../../src/fixtures/picture';
import { withoutUnsavable } from './hostile';

/** Generated texts for a picture, and perhaps one very long text. */
export interface IGenerated {
  texts: string[];
  long: string | null;
}

/** The fields a generated picture's texts went into, by where the renderer prints them as written. */
export interface IHostilePicture {
  picture: IPeriodPicture;
  /** Texts printed in table cells exactly as written (bar whitespace and unsavable characters). */
  cellTexts: string[];
  /** A word only this document holds, in the overview. */
  marker: string;
}

/**
 * Puts generated texts into every text field of the November/December 2023 picture, and the
 * long text, if any, into one sponsor comment and one milestone (a picture has hundreds of fields:
 * a long text in all of them would make a document of thousands of pages).
 */
export function hostilePicture({ texts, long }: IGenerated, index: number): IHostilePicture {
  const p: IPeriodPicture = JSON.parse(JSON.stringify(pictureOf(IMPROVEMENT_PLAN_PHASE_2, 2))) as IPeriodPicture;
  let i: number = 0;
  const next = (): string => texts[i++ % texts.length];
  const cellTexts: string[] = [];
  const cell = (): string => {
    const t: string = next();
    cellTexts.push(t);
    return t;
  };
  const marker: string = `Zebra${index}Quokka`;
  p.programme.title = next();
  p.programme.organisation = next();
  p.programme.board = next();
  p.programme.ragKeyIntroduction = next();
  p.programme.ragDefinitions = p.programme.ragDefinitions.map((d) => ({ ...d, definition: `${cell()}.` }));
  p.period.title = next();
  p.period.overview = `${marker} ${next()}`;
  p.period.overviewAuthor = next();
  for (const w of p.workstreams) {
    w.title = next();
    w.description = next();
    w.outcomes = [{ heading: next(), items: [next(), next()] }, { items: [next()] }];
    w.sponsor = { name: next() };
    w.projectManagers = [{ name: next() }, { name: next() }];
    w.pmoSupport = [{ name: next() }];
    w.agreedCompletionAsWritten = next();
    w.forecastCompletionAsWritten = next();
  }
  // A picture holds only the previous reports' rating, agreed completion date and state.
  for (const r of p.previousStatusReports) {
    r.agreedCompletionAsWritten = next();
  }
  for (const r of p.statusReports) {
    r.keyActivities = next();
    r.engagement = next();
    r.concernsIssues = next();
    r.managerUpdate = next();
    r.ragRationale = next();
    r.agreedCompletionAsWritten = next();
    r.forecastCompletionAsWritten = next();
    r.completionDateChangeNote = next();
    r.reportingPeriodAsWritten = next();
    r.completedBy = next();
    r.completionDateAsWritten = next();
    r.returnReason = next();
    r.namesAsWritten = [next()];
  }
  for (const c of p.sponsorComments) {
    c.text = next();
  }
  for (const m of p.milestones) {
    m.title = cell();
    m.number = cell();
    m.status = cell();
  }
  for (const r of p.risks) {
    r.description = cell();
    r.mitigation = cell();
    r.number = cell();
    r.owner = next();
  }
  for (const f of p.feedback) {
    f.text = next();
  }
  if (long !== null) {
    p.sponsorComments[0].text = long;
    p.milestones[0].title = long;
    cellTexts.push(long);
  }
  return { picture: p, cellTexts, marker };
}

/** Text without whitespace and the characters no renderer may print, for comparing what is printed with what was written. */
export function compact(text: string): string {
  return withoutUnsavable(text).replace(/\s+/g, '');
}
