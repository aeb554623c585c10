/**
 * A large portfolio for the benchmark: 60 workstreams reporting over 36 monthly periods with
 * ten milestones each a month and six open risks, three of them replaced each month, and an archive of 48 earlier months of
 * reports, sponsor comments and IIB feedback — years of reporting in the same lists, every list
 * that grows over time past SharePoint's 5,000-item threshold. Past periods are locked with their
 * snapshots. Deterministic: the same portfolio every run.
 */
import type { IMilestone, IPeriod, IRisk, IStatusReport, IWorkstream, Rag } from '../domain';
import { RAG_SCALE } from '../domain';
import type { ISeedProgramme } from '../fixtures/improvementPlanPhase2';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../fixtures/improvementPlanPhase2';
import { pictureOf } from '../fixtures/picture';
import { periodValues, programmeValues, toValues, workstreamValues } from '../data/mapping';
import type { RowValues } from '../data/transport';
import { LIST_TITLES, type ListKey } from '../data/repository';
import { lockRecords, makeSnapshot } from '../data/snapshotWrites';
import { WRITTEN_TEXTS } from '../ui/writtenTexts';
import { seededRandom } from '../emulator/random';
import { entityTypeName } from '../emulator/schema';
import type { Emulator } from '../emulator/server';
import type { IUser } from '../emulator/store';

/** The shape of the portfolio. */
export interface IPortfolioShape {
  workstreams: number;
  periods: number;
  archivePeriods: number;
  milestonesPerMonth: number;
  risksPerWorkstream: number;
  feedbackPerMonth: number;
}

/** The benchmark's portfolio. */
export const LARGE_PORTFOLIO: IPortfolioShape = { workstreams: 60, periods: 36, archivePeriods: 48, milestonesPerMonth: 10, risksPerWorkstream: 3, feedbackPerMonth: 1 };

const WORDS: string[] = (
  'the workstream group met agreed reviewed delivered engagement with partners board committee training plan risk register procurement ' +
  'governance assurance framework officers members scrutiny budget milestones progress report consultation implementation evidence ' +
  'case studies directorate policy framework capacity recruitment values behaviours leadership performance dashboard'
).split(' ');

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i: number = 0; i < words; i++) {
    out.push(WORDS[Math.floor(next() * WORDS.length)]);
  }
  const s: string = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function paragraph(next: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(next, 8 + Math.floor(next() * 10))).join(' ');
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthPeriod(index: number, state: 'Open' | 'Locked'): IPeriod {
  // Month 0 is January 2019.
  const year: number = 2019 + Math.floor(index / 12);
  const month: number = (index % 12) + 1;
  const last: number = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const name: string = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return { id: index + 1, title: `${name} ${year}`, start: iso(year, month, 1), end: iso(year, month, last), state };
}

/** The portfolio as a seed programme (the same shape as the real one). */
export function makePortfolio(shape: IPortfolioShape = LARGE_PORTFOLIO): ISeedProgramme {
  const next: () => number = seededRandom(2026);
  const seed: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2;
  const people = seed.users;
  const sponsors = people.filter((u) => u.groups.indexOf('Sponsors') >= 0);
  const managers = people.filter((u) => u.groups.indexOf('Workstream Leads') >= 0);
  const totalPeriods: number = shape.archivePeriods + shape.periods;
  const periods: IPeriod[] = Array.from({ length: totalPeriods }, (_v, i) => monthPeriod(i, i === totalPeriods - 1 ? 'Open' : 'Locked'));
  // Each period's overview as a lead executive director writes one (about 2 KB), with the overall
  // rating and its author, as the real reports carry them: what a screen that reads every past
  // period's would grow with. From a random sequence of their own, so the rest is as it was.
  const overviews: () => number = seededRandom(2027);
  for (const p of periods) {
    p.overview = paragraph(overviews, 16);
    p.overallRag = RAG_SCALE[Math.floor(overviews() * 5)];
    p.overviewAuthor = people[0].name;
  }
  const workstreams: IWorkstream[] = Array.from({ length: shape.workstreams }, (_v, i) => {
    const sponsor = sponsors[i % sponsors.length];
    const manager = managers[i % managers.length];
    return {
      id: i + 1,
      code: `WS${String(i + 1).padStart(3, '0')}`,
      title: `Workstream ${i + 1}: ${sentence(next, 4).replace(/\.$/, '')}`,
      description: paragraph(next, 3),
      outcomes: [{ items: Array.from({ length: 6 }, () => sentence(next, 7)) }],
      sponsor: { name: sponsor.name, login: sponsor.login },
      projectManagers: [{ name: manager.name, login: manager.login }],
      pmoSupport: [{ name: people[0].name, login: people[0].login }],
      agreedCompletionAsWritten: '31/03/2027',
      forecastCompletionAsWritten: '31/03/2027',
      order: i + 1
    };
  });
  const statusReports: IStatusReport[] = [];
  const sponsorComments: ISeedProgramme['sponsorComments'] = [];
  const feedback: ISeedProgramme['feedback'] = [];
  const milestones: IMilestone[] = [];
  const risks: IRisk[] = [];
  const ragOf: Map<string, Rag> = new Map<string, Rag>();
  for (const period of periods) {
    const detailed: boolean = period.id > shape.archivePeriods;
    for (const ws of workstreams) {
      const previous: Rag | undefined = ragOf.get(`${ws.id}:${period.id - 1}`);
      const rag: Rag = RAG_SCALE[Math.min(4, Math.floor(next() * next() * 5))];
      ragOf.set(`${ws.id}:${period.id}`, rag);
      statusReports.push({
        id: statusReports.length + 1,
        workstreamId: ws.id,
        periodId: period.id,
        rag,
        previousRag: previous === undefined ? null : previous,
        keyActivities: `${paragraph(next, 4)}\n\n- ${sentence(next, 9)}\n- ${sentence(next, 9)}`,
        engagement: paragraph(next, 3),
        concernsIssues: paragraph(next, 2),
        ragRationale: paragraph(next, 2),
        agreedCompletionAsWritten: ws.agreedCompletionAsWritten,
        forecastCompletionAsWritten: ws.forecastCompletionAsWritten,
        completedBy: ws.projectManagers[0].name,
        completionDateAsWritten: period.end.split('-').reverse().join('/'),
        state: period.state === 'Locked' ? 'Approved' : 'Submitted'
      });
      sponsorComments.push({ id: sponsorComments.length + 1, workstreamId: ws.id, periodId: period.id, text: paragraph(next, 4), author: ws.sponsor });
      for (let f: number = 0; f < shape.feedbackPerMonth; f++) {
        feedback.push({ id: feedback.length + 1, workstreamId: ws.id, periodId: period.id, kind: next() < 0.3 ? 'Challenge' : 'Feedback', text: paragraph(next, 2) });
      }
      if (!detailed) {
        continue;
      }
      for (let m: number = 0; m < shape.milestonesPerMonth; m++) {
        const thisPeriod: boolean = m < shape.milestonesPerMonth * 0.6;
        milestones.push({
          id: milestones.length + 1,
          workstreamId: ws.id,
          periodId: period.id,
          timing: thisPeriod ? 'ThisPeriod' : 'NextPeriod',
          number: String(thisPeriod ? m + 1 : m + 1 - Math.ceil(shape.milestonesPerMonth * 0.6)),
          title: sentence(next, 6 + Math.floor(next() * 6)).replace(/\.$/, ''),
          status: thisPeriod ? (next() < 0.5 ? 'Complete' : 'Ongoing') : undefined,
          statusCategory: thisPeriod ? (next() < 0.5 ? 'Complete' : 'Ongoing') : undefined,
          order: m + 1
        });
      }
      // A workstream keeps six open risks; each month it closes its three oldest and raises three.
      if (period.id > shape.archivePeriods + 1) {
        const open: IRisk[] = risks.filter((x) => x.workstreamId === ws.id && x.state === 'Open').slice(0, shape.risksPerWorkstream);
        for (const r of open) {
          r.state = 'Closed';
          r.closedPeriodId = period.id;
        }
      }
      const raise: number = period.id === shape.archivePeriods + 1 ? shape.risksPerWorkstream * 2 : shape.risksPerWorkstream;
      for (let r: number = 0; r < raise; r++) {
        const n: number = risks.filter((x) => x.workstreamId === ws.id).length + 1;
        risks.push({ id: risks.length + 1, workstreamId: ws.id, number: String(n), description: sentence(next, 14), mitigation: paragraph(next, 2), likelihood: 1 + Math.floor(next() * 5), impact: 1 + Math.floor(next() * 5), state: 'Open', raisedPeriodId: period.id, order: n });
      }
    }
  }
  return { programme: seed.programme, users: seed.users, periods, workstreams, statusReports, sponsorComments, milestones, risks, feedback };
}

/** Counts written, per list. */
export type PortfolioCounts = { [listTitle: string]: number };

/**
 * Writes a portfolio straight into an emulator's store (one transaction; the reads are what a
 * benchmark measures), with snapshots of the locked periods made as the product makes them.
 */
export async function loadPortfolio(emulator: Emulator, portfolio: ISeedProgramme): Promise<PortfolioCounts> {
  const lead: IUser = emulator.store.users[0];
  const byLogin = (login: string | undefined): number | undefined => {
    const u: IUser | undefined = login ? emulator.site.userByLogin(login) : undefined;
    return u ? u.id : undefined;
  };
  const counts: PortfolioCounts = {};
  const snapshots: RowValues[] = [];
  const history: RowValues[] = [];
  for (const p of portfolio.periods.filter((x) => x.state === 'Locked')) {
    const picture = pictureOf(portfolio, p.id);
    const parts = await makeSnapshot(picture, `bench-${p.id}`);
    // As a lock by this version stores them: the whole snapshot, the programme view's part and the workstreams' parts.
    const stored = await lockRecords(parts, picture, p, WRITTEN_TEXTS);
    snapshots.push(...stored.whole, ...stored.programme, ...stored.workstreams);
    history.push({ Title: `${p.title} locked`, ReportingPeriod: p.id, PeriodAction: 'Locked', Reason: null, SnapshotId: parts.id });
  }
  const write = (list: ListKey, records: RowValues[]): void => {
    const stored = emulator.store.listByTitle(LIST_TITLES[list]);
    if (!stored) {
      throw new Error(`The emulator has no ${LIST_TITLES[list]} list.`);
    }
    for (const r of records) {
      emulator.site.createItem(lead, stored, r, `SP.Data.${entityTypeName(stored.definition.url)}`);
    }
    counts[LIST_TITLES[list]] = stored.items.size;
  };
  emulator.store.transaction(() => {
    const { programme, definitions } = programmeValues(portfolio.programme);
    write('programme', [programme]);
    write('ragDefinitions', definitions);
    write(
      'workstreams',
      portfolio.workstreams.map((w) =>
        workstreamValues({ ...w, sponsor: w.sponsor ? { ...w.sponsor, id: byLogin(w.sponsor.login) } : undefined, projectManagers: w.projectManagers.map((p) => ({ ...p, id: byLogin(p.login) })), pmoSupport: w.pmoSupport.map((p) => ({ ...p, id: byLogin(p.login) })) })
      )
    );
    write('periods', portfolio.periods.map((p) => periodValues(p)));
    const omit = <T extends { id: number }>(x: T): Omit<T, 'id'> => {
      const { id: _ignored, ...rest } = x;
      void _ignored;
      return rest;
    };
    write('statusReports', portfolio.statusReports.map((r) => ({ ...toValues('statusReport', omit(r)), Title: `${r.workstreamId}-${r.periodId}` })));
    write('sponsorComments', portfolio.sponsorComments.map((c) => toValues('sponsorComment', { workstreamId: c.workstreamId, periodId: c.periodId, text: c.text })));
    write('milestones', portfolio.milestones.map((m) => toValues('milestone', omit(m))));
    write('risks', portfolio.risks.map((r) => toValues('risk', omit(r))));
    write('feedback', portfolio.feedback.map((f) => toValues('feedback', { workstreamId: f.workstreamId, periodId: f.periodId, kind: f.kind, text: f.text })));
    write('snapshots', snapshots);
    write('history', history);
    // Years of reporting are not all written this minute: the reference lists (programme, RAG
    // key, workstreams, periods) are dated as last changed an hour before, as a programme's stand
    // between changes, so a returning page keeps them for the session (see README, Performance).
    const before: string = new Date(Date.now() - 3600000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    for (const list of ['programme', 'ragDefinitions', 'workstreams', 'periods'] as ListKey[]) {
      const stored = emulator.store.listByTitle(LIST_TITLES[list]);
      stored!.items.forEach((item) => emulator.store.updateItem(stored!, { ...item, created: before, modified: before }));
    }
  });
  emulator.store.setMeta('seeded', new Date().toISOString());
  return counts;
}
