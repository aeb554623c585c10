/**
 * Phases and their close-down (issue 16), over the same list transport as the rest of the
 * programme's data: whichever protocol, the rules are these. Got from
 * {@link ProgrammeRepository.phases}.
 *
 * A phase is open while it reports; the programme office drafts its close-down from the phase's
 * records (the phase is then closing), edits it with the workstream leads, and locks it, which
 * closes the phase. A closed phase's close-down is not changed again.
 */
import type { ICloseDownFinding, ICloseDownInput, ICloseDownItem, IPhase, IPhaseMembership, NewCloseDownItem } from '../domain/phases';
import { readerNotLoaded } from './errors';
import { writesPart } from './writesPart';
import { message, wordOf, type PhaseDoing } from '../domain/messages';
import type { ISnapshotTheme } from './snapshot';
import type { IMilestone, IPeriod, IRisk } from '../domain/model';
import { CLOSE_DOWN_FIELDS, PHASE_FIELDS, readFields, writeAll, writeFields, type PhaseRow } from './fields';
import { type Saved, type UserRights } from './repository';
import type { IRowTransport, Row, RowValues } from './transport';

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function ref(value: unknown): number | undefined {
  const n: number = Number(value);
  return value !== null && value !== undefined && value !== '' && isFinite(n) && n > 0 ? n : undefined;
}

/** What is being done with a phase, in the installed words, for a failure's message and the transport's. */
export function phaseAction(doing: PhaseDoing): string {
  return wordOf(message('phaseAction', { doing }));
}

/** A field of a next phase's plan as a refusal names it (DataError.field); the dashboard's form keys its fields the same. */
export type NextPhaseField = 'title' | 'start' | 'periodTitle' | 'periodStart' | 'periodEnd' | 'themes' | 'risks';

/** A phase from its list item (by the Phases list's field table). */
export function toPhase(r: Row): IPhase {
  // The close-down's snapshot is read where the close-down is (getCloseDown), not with the phase.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { closeDownSnapshotId, ...phase } = readFields(PHASE_FIELDS, r);
  return phase as IPhase;
}

/** The column values of a phase: every field, one not given cleared (by the Phases list's field table; its close-down's snapshot is written when the close-down is locked). */
export function phaseRecord(p: Omit<IPhase, 'id'>): RowValues {
  return writeAll<PhaseRow>(
    PHASE_FIELDS.filter((f) => f.key !== 'closeDownSnapshotId'),
    p
  );
}

/** A close-down row from its list item. */
export function toCloseDownItem(r: Row): ICloseDownItem {
  return readFields(CLOSE_DOWN_FIELDS, r);
}

/** The column values of a close-down row, or of the fields of one that changed. */
export function closeDownItemValues(item: Partial<NewCloseDownItem>): RowValues {
  return writeFields(CLOSE_DOWN_FIELDS, item);
}

/** The origin a milestone carried from a close-down row records: "closeDown:<phase id>:<row id>". */
export function closeDownOrigin(phaseId: number, itemId: number): string {
  return `closeDown:${phaseId}:${itemId}`;
}

/** The phase and row a milestone's origin names, when it names a close-down row. */
export function parseCloseDownOrigin(origin: string | undefined): { phaseId: number; itemId: number } | undefined {
  const m: RegExpExecArray | null = /^closeDown:(\d+):(\d+)$/.exec((origin || '').trim());
  return m ? { phaseId: Number(m[1]), itemId: Number(m[2]) } : undefined;
}

/** A theme of the next phase: an existing workstream, or a new one. */
export interface INextPhaseTheme {
  /** An existing workstream that joins the next phase. */
  existingId?: number;
  /** A new theme's unique code and title. */
  code?: string;
  title?: string;
}

/** What to decide about one of the closed phase's open risks. */
export type RiskDecision = { carryTo: number } | { closeReason: string };

/** How the next phase starts from a closed phase's close-down. */
export interface INextPhasePlan {
  /** An open phase already set up to be the next; else a new one is made from `title` and `start`. */
  existingPhaseId?: number;
  title: string;
  /** dd/mm/yyyy. */
  start: string;
  /** The next phase's first reporting period; dates dd/mm/yyyy. */
  period: { title: string; start: string; end: string };
  themes: INextPhaseTheme[];
  /**
   * The theme (an index into `themes`) each row moving to the next phase goes to. A row whose
   * destination names one of the themes' workstreams goes there without being placed.
   */
  placements?: { [itemId: number]: number };
  /** Each of the closed phase's open risks: carried into a theme (an index into `themes`) or closed with a reason. */
  risks?: { [riskId: number]: RiskDecision };
}

/** What starting the next phase made. */
export interface INextPhaseResult {
  phase: IPhase;
  period: IPeriod;
  /** The themes, in the plan's order. */
  workstreamIds: number[];
  milestones: IMilestone[];
  carriedRisks: IRisk[];
  closedRisks: number[];
}

/** A phase's close-down, with what its readiness check found. */
export interface ICloseDown {
  /** The phase; once closed, its close-down note is the snapshot's. */
  phase: Saved<IPhase>;
  /** Its rows; once closed, the snapshot's (with no ETags: they are not edited again). */
  items: Array<Saved<ICloseDownItem>>;
  /** What its readiness check finds; none once it is locked (it passed the check then). */
  findings: ICloseDownFinding[];
  /** The phase's records the draft and the check are made from, as they are now. */
  records: ICloseDownInput;
  /**
   * Once locked: the snapshot it is read from, the Board meeting it went to, and the workstreams its
   * rows name, as they were named then. Absent for a close-down locked before snapshots were kept.
   */
  snapshot?: { id: string; sha256: string; boardMeetingDate: string; workstreams: ISnapshotTheme[] };
}

/** What locking a close-down needs. */
export interface ICloseDownLockOptions {
  /** The date of the Board meeting the close-down went to, dd/mm/yyyy. */
  boardMeetingDate: string;
}

/**
 * The workstreams to name a close-down's themes and destinations by: a locked one's as they were
 * named when it was locked, then the others as they are now.
 */
export function closeDownThemes<T extends { id: number; title: string }>(closeDown: Pick<ICloseDown, 'snapshot'>, live: readonly T[]): Array<{ id: number; title: string }> {
  if (!closeDown.snapshot) {
    return live.slice();
  }
  const kept: ISnapshotTheme[] = closeDown.snapshot.workstreams;
  return [...kept, ...live.filter((w) => !kept.some((k) => k.id === w.id))];
}

/** One row of a close-down on a workstream's journey, and where its outstanding item went. */
export interface IJourneyRow {
  /** The phase whose close-down holds the row. */
  phaseId: number;
  /** The row: a locked close-down's as the Board saw it (its snapshot), else as it is now. */
  item: ICloseDownItem;
  /**
   * The next-phase themes the row's item went to: the row's destination theme, and the themes of
   * the milestones carried from it (Milestones.Origin), each once.
   */
  wentTo: number[];
}

/** A workstream across the programme's phases (issue 16): what the journey view shows. */
export interface IWorkstreamJourney {
  workstreamId: number;
  /** Every phase, earliest first, and which phase each period and workstream belongs to. */
  membership: IPhaseMembership;
  /** The workstream's own close-down rows, by the phase whose close-down holds them, in order. */
  rows: IJourneyRow[];
  /** Rows of other themes' close-downs whose items came into this one (destination or carried milestone). */
  cameFrom: IJourneyRow[];
  /**
   * The workstreams the journey names (its own, the themes its items went to and came from), as
   * a locked close-down's snapshot names them, else as they are now.
   */
  themes: ISnapshotTheme[];
}

/** Every phase, earliest first, and the phase of each period and workstream, from their records. */
export function membershipOf(records: { [name: string]: Row[] }): IPhaseMembership {
  const phases: IPhase[] = records.phases.map(toPhase).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id));
  const periodPhase: { [id: number]: number } = {};
  const workstreamPhase: { [id: number]: number } = {};
  for (const r of records.periods) {
    if (ref(r.values.Phase) !== undefined) {
      periodPhase[r.id] = ref(r.values.Phase) as number;
    }
  }
  for (const r of records.workstreams) {
    if (ref(r.values.Phase) !== undefined) {
      workstreamPhase[r.id] = ref(r.values.Phase) as number;
    }
  }
  return { phases, periodPhase, workstreamPhase };
}

/**
 * The close-down's and the journey's reads (./closeDownReads.ts, with the close-down's checks),
 * loaded when first asked for: in the web part, with the close-down's views (the same chunk), so
 * that the programme view's first load carries only the phases' list. A part that cannot be
 * fetched is refused as such.
 */
function closeDownReads(): Promise<typeof import('./closeDownReads')> {
  return import(/* webpackChunkName: 'ph-closedown' */ './closeDownReads').catch(() => {
    throw readerNotLoaded();
  });
}

/** The close-down's writes (./phaseWrites.ts), loaded when one is first asked for (./writesPart.ts). */
function phaseWrites(): Promise<typeof import('./phaseWrites')> {
  return writesPart().then((part) => part.phases);
}

/** Phases and close-downs over a list transport. */
export class PhaseRepository {
  /** Internal: for ./phaseWrites.ts as for this class. */
  public readonly _transport: IRowTransport;
  /** Internal: for ./phaseWrites.ts as for this class. */
  public readonly _rights: () => Promise<UserRights>;
  private readonly _landing?: () => Promise<IPhaseMembership> | undefined;

  /**
   * @param landing - the phases read with the programme summary as the programme view landed, if
   * any and still fresh: the first {@link getPhases} takes them instead of reading again.
   */
  constructor(transport: IRowTransport, rights: () => Promise<UserRights>, landing?: () => Promise<IPhaseMembership> | undefined) {
    this._transport = transport;
    this._rights = rights;
    this._landing = landing;
  }

  /** Every phase, earliest first, and which phase each period and workstream belongs to. */
  public async getPhases(): Promise<IPhaseMembership> {
    const read: Promise<IPhaseMembership> | undefined = this._landing ? this._landing() : undefined;
    if (read) {
      return read;
    }
    return this.readPhases();
  }

  /** {@link getPhases}, always read now. */
  public async readPhases(): Promise<IPhaseMembership> {
    const { records } = await this._transport.read(
      { phases: { list: 'phases' }, periods: { list: 'periods', columns: ['Phase'] }, workstreams: { list: 'workstreams', columns: ['Phase'] } },
      { action: phaseAction('readPhases') }
    );
    return membershipOf(records);
  }

  /**
   * A workstream's journey across the phases: the phases and their periods, its rows of each
   * close-down (a locked one's from its snapshot), the themes of the next phase its outstanding items
   * went to (a row's destination theme, and milestones whose Origin names the row), and the rows of
   * earlier themes whose items came into it (./closeDownReads.ts, loaded when first asked for).
   */
  public async getJourney(workstreamId: number): Promise<IWorkstreamJourney> {
    return (await closeDownReads()).readJourney(this, workstreamId);
  }

  /** A phase's close-down: its rows in order, the phase's records and the readiness findings (./closeDownReads.ts). */
  public async getCloseDown(phaseId: number): Promise<ICloseDown> {
    return (await closeDownReads()).readCloseDown(this, phaseId);
  }

  /**
   * Drafts the close-down from the phase's records and marks the phase closing. Refused when the
   * phase already has close-down rows (a second draft would duplicate them) or is closed.
   */
  public async draftCloseDown(phaseId: number): Promise<ICloseDown> {
    return (await phaseWrites()).draftCloseDown(this, phaseId);
  }

  /** Adds a row to an open or closing phase's close-down. */
  public async createCloseDownItem(item: NewCloseDownItem): Promise<Saved<ICloseDownItem>> {
    return (await phaseWrites()).createCloseDownItem(this, item);
  }

  /** Changes a close-down row; refused once its phase is closed, or on someone else's change (412). */
  public async updateCloseDownItem(id: number, changes: Partial<Omit<NewCloseDownItem, 'phaseId'>>, etag: string): Promise<Saved<ICloseDownItem>> {
    return (await phaseWrites()).updateCloseDownItem(this, id, changes, etag);
  }

  /**
   * Locks the close-down and closes the phase, as a period is locked: with the date of the Board
   * meeting it went to, and a snapshot of it as the Board saw it (in Period Snapshots, in the same
   * checksummed, versioned format as a period's), from which it is read from then on. Refused,
   * changing nothing, for a date that is not one (31/06/23), and while the readiness check finds
   * an error (an outstanding item with no destination, a completed claim with no evidence, an
   * open milestone or risk in no row, a period of the phase still open).
   */
  public async lockCloseDown(phaseId: number, options: ICloseDownLockOptions): Promise<IPhase> {
    return (await phaseWrites()).lockCloseDown(this, phaseId, options);
  }

  /**
   * Starts the next phase from a closed phase's close-down: the phase and its first reporting
   * period, its themes (new workstreams, or existing ones that join it), each outstanding item
   * that moves to the next phase as a milestone of its theme with a link back to its close-down
   * row (Origin), and each of the closed phase's open risks carried into a theme (a new risk
   * raised in the new period; the old one closed there, saying where it went) or closed with a
   * reason. Everything is checked before anything is written; refused unless the phase's
   * close-down is locked.
   */
  public async startNextPhase(closedPhaseId: number, plan: INextPhasePlan): Promise<INextPhaseResult> {
    return (await phaseWrites()).startNextPhase(this, closedPhaseId, plan);
  }
}
