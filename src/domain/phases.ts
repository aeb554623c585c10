/**
 * Phases of an improvement plan and the close-down that ends one (issue 16).
 *
 * A programme runs in phases; each has its own themes (workstreams) and reporting periods. A
 * phase ends with a close-down table the Board reads: per theme, the phase's tasks and actions,
 * the activity undertaken and its evidence, the activity outstanding, and where each outstanding
 * item goes next. {@link draftCloseDown} drafts that table from the phase's own records;
 * {@link checkCloseDown} says what must be put right before it can be locked.
 *
 * Pure TypeScript, like the rest of the domain.
 */
import type { IMilestone, IPeriod, IRisk, IWorkstream, IsoDate } from './model';
import { isBlank, squash } from './text';
import type { FindingSeverity } from './readiness';
import { message, wordOf, type CloseDownRowName, type ICloseDownDraftTexts, type IMessage } from './messages';

/** Where a phase is in its life. */
export type PhaseState = 'Open' | 'Closing' | 'Closed';

/** A phase of the improvement plan, e.g. "Phase 2". */
export interface IPhase {
  id: number;
  title: string;
  start: IsoDate;
  end?: IsoDate;
  state: PhaseState;
  /** Printed above the close-down table, e.g. the next phase's themes, as written. */
  closeDownNote?: string;
  /** The date of the Board meeting its close-down went to, given when it was locked. */
  boardMeetingDate?: IsoDate;
}

/** Which phase each period and workstream belongs to. */
export interface IPhaseMembership {
  phases: IPhase[];
  /** Phase id by period id; a period of no phase is absent. */
  periodPhase: { [periodId: number]: number };
  /** Phase id by workstream id. */
  workstreamPhase: { [workstreamId: number]: number };
}

/** Where an outstanding item goes when its phase closes. */
export type CloseDownDestination = 'Completed' | 'NextPhaseTheme' | 'DirectoratePlans' | 'KeepUnderReview';

/** The destinations in the colour key's order. */
export const CLOSE_DOWN_DESTINATIONS: readonly CloseDownDestination[] = ['Completed', 'NextPhaseTheme', 'DirectoratePlans', 'KeepUnderReview'];

/**
 * How each destination is shown, in the report and on the dashboard: its fill and its text colour
 * (dark text on light fills, contrast above 4.5:1). Its label, in the edge's words
 * (src/ui/destinationWords.ts), is always shown with the colour: colour alone fails colour-blind
 * readers and black-and-white print.
 */
export const DESTINATION_STYLES: { readonly [d in CloseDownDestination]: { fill: string; text: string } } = {
  Completed: { fill: 'C6E0B4', text: '000000' },
  NextPhaseTheme: { fill: 'BDD7EE', text: '000000' },
  DirectoratePlans: { fill: 'F8CBAD', text: '000000' },
  KeepUnderReview: { fill: 'FFE699', text: '000000' }
};

/** One row of a close-down table. */
export interface ICloseDownItem {
  id: number;
  phaseId: number;
  /** The theme (workstream) of the closing phase, when the row is linked to one. */
  workstreamId?: number;
  /** The theme as the paper writes it, where it differs or is not a workstream. */
  themeAsWritten?: string;
  /** The phase's task or action. */
  task: string;
  /** Activity undertaken (completed). */
  undertaken?: string;
  /** The evidence for what was completed. */
  evidence?: string;
  /** Activity outstanding. */
  outstanding?: string;
  destination?: CloseDownDestination;
  /** The next phase's theme an item moves into, when it is a workstream. */
  destinationWorkstreamId?: number;
  /** Where it goes, as the paper writes it ("Continuous Improvement Improvement theme (Phase 3)"). */
  destinationAsWritten?: string;
  /** The phase's records a drafted row came from: "milestone:12", "risk:3". */
  sources: string[];
  order: number;
}

/** What a close-down needs of a workstream: its id and title (a locked close-down keeps them as they were). */
export type ThemeName = Pick<IWorkstream, 'id' | 'title'>;

/** The theme a row belongs to, as the paper writes it when it does, else its workstream's title. */
export function themeOf(item: ICloseDownItem, workstreams: readonly ThemeName[]): string {
  if (!isBlank(item.themeAsWritten)) {
    return (item.themeAsWritten as string).trim();
  }
  const ws: ThemeName | undefined = workstreams.filter((w) => w.id === item.workstreamId)[0];
  return ws ? ws.title : '';
}

/**
 * Where a row goes: its destination (none yet, when it has none) and, where there is one, the
 * theme or plan named — as the paper writes it, else the target workstream's title.
 */
export function destinationOf(item: ICloseDownItem, workstreams: readonly ThemeName[]): { destination?: CloseDownDestination; detail?: string } {
  if (!item.destination) {
    return {};
  }
  const target: ThemeName | undefined = workstreams.filter((w) => w.id === item.destinationWorkstreamId)[0];
  const detail: string | undefined = !isBlank(item.destinationAsWritten) ? (item.destinationAsWritten as string).trim() : target ? target.title : undefined;
  return { destination: item.destination, detail };
}

/** A close-down row before it is stored. */
export type NewCloseDownItem = Omit<ICloseDownItem, 'id'>;

/** What a phase's records hold for a draft. */
export interface ICloseDownInput {
  phase: IPhase;
  /** The phase's periods (any order). */
  periods: IPeriod[];
  /** The phase's workstreams. */
  workstreams: IWorkstream[];
  /** Milestones of the phase's periods. */
  milestones: IMilestone[];
  /** Risks raised in the phase's periods. */
  risks: IRisk[];
}

/** A reference to a record a row was drafted from. */
export function sourceRef(kind: 'milestone' | 'risk', id: number): string {
  return `${kind}:${id}`;
}

/**
 * The milestones still open at the end of a phase, and the completed ones: each milestone's
 * latest report in the phase (the same wording in a later period supersedes an earlier one; a
 * milestone reported this period supersedes one planned for the next in the same period).
 */
export function phaseMilestones(input: Pick<ICloseDownInput, 'periods' | 'milestones'>): { completed: IMilestone[]; open: IMilestone[] } {
  const rank: Map<number, number> = new Map<number, number>();
  input.periods
    .slice()
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id))
    .forEach((p, i) => rank.set(p.id, i));
  const latest: Map<string, IMilestone> = new Map<string, IMilestone>();
  const score = (m: IMilestone): number => (rank.get(m.periodId) || 0) * 2 + (m.timing === 'ThisPeriod' ? 1 : 0);
  for (const m of input.milestones) {
    if (!rank.has(m.periodId) || isBlank(m.title)) {
      continue;
    }
    const key: string = `${m.workstreamId}|${squash(m.title).toLowerCase()}`;
    const known: IMilestone | undefined = latest.get(key);
    if (!known || score(m) > score(known)) {
      latest.set(key, m);
    }
  }
  const all: IMilestone[] = Array.from(latest.values()).sort((a, b) => a.workstreamId - b.workstreamId || a.order - b.order || a.id - b.id);
  return { completed: all.filter((m) => m.timing === 'ThisPeriod' && m.statusCategory === 'Complete'), open: all.filter((m) => !(m.timing === 'ThisPeriod' && m.statusCategory === 'Complete')) };
}

/** The risks still open at the end of a phase: raised in one of its periods and not closed. */
export function phaseOpenRisks(input: Pick<ICloseDownInput, 'periods' | 'risks'>): IRisk[] {
  const ids: Set<number> = new Set<number>(input.periods.map((p) => p.id));
  return input.risks.filter((r) => ids.has(r.raisedPeriodId) && r.state === 'Open').sort((a, b) => a.workstreamId - b.workstreamId || a.order - b.order || a.id - b.id);
}

/**
 * Drafts a phase's close-down from its own records, to be edited: per workstream (in workstream
 * order), each completed milestone as a task with its completion as evidence, destination
 * Completed; each open milestone and each open risk as activity outstanding with no destination
 * yet — the programme office and the workstream lead decide where it goes. What a row says of
 * its milestone or risk is in the edge's words (`texts`).
 */
export function draftCloseDown(input: ICloseDownInput, texts: ICloseDownDraftTexts): NewCloseDownItem[] {
  const periodTitle: Map<number, string> = new Map<number, string>(input.periods.map((p) => [p.id, p.title]));
  const { completed, open } = phaseMilestones(input);
  const risks: IRisk[] = phaseOpenRisks(input);
  const rows: NewCloseDownItem[] = [];
  const workstreams: IWorkstream[] = input.workstreams.slice().sort((a, b) => a.order - b.order || a.id - b.id);
  for (const ws of workstreams) {
    for (const m of completed.filter((x) => x.workstreamId === ws.id)) {
      rows.push({
        phaseId: input.phase.id,
        workstreamId: ws.id,
        task: m.title.trim(),
        undertaken: m.title.trim(),
        evidence: texts.reportedComplete({ period: String(periodTitle.get(m.periodId)), number: m.number || undefined, status: isBlank(m.status) ? undefined : (m.status as string).trim() }),
        destination: 'Completed',
        sources: [sourceRef('milestone', m.id)],
        order: rows.length + 1
      });
    }
    for (const m of open.filter((x) => x.workstreamId === ws.id)) {
      rows.push({
        phaseId: input.phase.id,
        workstreamId: ws.id,
        task: m.title.trim(),
        outstanding: isBlank(m.status) ? m.title.trim() : `${m.title.trim()} (${(m.status as string).trim()})`,
        sources: [sourceRef('milestone', m.id)],
        order: rows.length + 1
      });
    }
    for (const r of risks.filter((x) => x.workstreamId === ws.id)) {
      rows.push({
        phaseId: input.phase.id,
        workstreamId: ws.id,
        task: texts.riskTask({ number: r.number || undefined, description: r.description.trim() }),
        outstanding: isBlank(r.mitigation) ? r.description.trim() : texts.riskMitigation({ mitigation: r.mitigation.trim() }),
        sources: [sourceRef('risk', r.id)],
        order: rows.length + 1
      });
    }
  }
  return rows;
}

/** The rules a close-down is checked against. */
export type CloseDownRule = 'closedown-no-destination' | 'closedown-completed-without-evidence' | 'closedown-dropped' | 'closedown-theme-not-in-next-phase' | 'closedown-period-open';

/** One fault in a close-down. */
export interface ICloseDownFinding {
  severity: FindingSeverity;
  rule: CloseDownRule;
  /** What is wrong, in the words the edge installed (the {@link detail}'s). */
  message: string;
  /** What is wrong as a code and values (src/domain/messages.ts). */
  detail: IMessage;
  /** The row at fault, or the record dropped (milestone:12, risk:3). */
  itemId?: number;
  source?: string;
}

/** What a readiness check of a close-down needs. */
export interface ICloseDownCheckInput extends ICloseDownInput {
  items: ICloseDownItem[];
}

/** A row as a finding names it: its task (the first 57 characters of a long one), or its place when it has none. */
function rowName(item: ICloseDownItem): CloseDownRowName {
  const task: string = squash(item.task);
  return task ? { task: task.length > 60 ? `${task.slice(0, 57)}…` : task } : { order: item.order };
}

function finding(severity: FindingSeverity, rule: CloseDownRule, detail: IMessage, about: { itemId?: number; source?: string } = {}): ICloseDownFinding {
  return { severity, rule, message: wordOf(detail), detail, ...about };
}

/**
 * What must be put right before a close-down can be locked: every outstanding item has a
 * destination; every completed claim has evidence; no open milestone or open risk of the phase is
 * left out without a word. Errors stop the lock; warnings need a look.
 */
export function checkCloseDown(input: ICloseDownCheckInput): ICloseDownFinding[] {
  const findings: ICloseDownFinding[] = [];
  const items: ICloseDownItem[] = input.items.slice().sort((a, b) => a.order - b.order || a.id - b.id);
  for (const item of items) {
    if (!isBlank(item.outstanding) && !item.destination) {
      findings.push(finding('error', 'closedown-no-destination', message('closeDownNoDestination', { row: rowName(item) }), { itemId: item.id }));
    }
    if (item.destination === 'Completed' && isBlank(item.undertaken) && isBlank(item.evidence)) {
      findings.push(finding('error', 'closedown-completed-without-evidence', message('closeDownNoEvidence', { row: rowName(item) }), { itemId: item.id }));
    }
    if (item.destination === 'NextPhaseTheme' && item.destinationWorkstreamId === undefined && isBlank(item.destinationAsWritten)) {
      findings.push(finding('error', 'closedown-theme-not-in-next-phase', message('closeDownNoTheme', { row: rowName(item) }), { itemId: item.id }));
    }
  }
  const cited: Set<string> = new Set<string>();
  for (const item of items) {
    for (const s of item.sources) {
      cited.add(s);
    }
  }
  // A workstream by its title, or by its id when it is not among the phase's.
  const wsOf = (id: number): { workstream?: string; workstreamId: number } => {
    const w: IWorkstream | undefined = input.workstreams.filter((x) => x.id === id)[0];
    return w ? { workstream: w.title, workstreamId: id } : { workstreamId: id };
  };
  for (const m of phaseMilestones(input).open) {
    const ref: string = sourceRef('milestone', m.id);
    if (!cited.has(ref)) {
      findings.push(finding('error', 'closedown-dropped', message('closeDownMilestoneDropped', { milestone: squash(m.title), ...wsOf(m.workstreamId) }), { source: ref }));
    }
  }
  for (const r of phaseOpenRisks(input)) {
    const ref: string = sourceRef('risk', r.id);
    if (!cited.has(ref)) {
      findings.push(finding('error', 'closedown-dropped', message('closeDownRiskDropped', { ...(r.number ? { number: r.number } : {}), description: squash(r.description), ...wsOf(r.workstreamId) }), { source: ref }));
    }
  }
  // The phase closes with its periods locked, each after its report went to the Board: locking
  // one for it would record as the Board's a report the Board never saw, past its own checks.
  const open: IPeriod[] = input.periods.filter((p) => p.state !== 'Locked').sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id));
  if (open.length > 0) {
    findings.push(finding('error', 'closedown-period-open', message('closeDownPeriodsOpen', { periods: open.map((p) => p.title), phase: input.phase.title })));
  }
  return findings;
}

/** Whether a close-down may be locked: no error-level finding. */
export function closeDownLockBlockers(findings: readonly ICloseDownFinding[]): ICloseDownFinding[] {
  return findings.filter((f) => f.severity === 'error');
}
