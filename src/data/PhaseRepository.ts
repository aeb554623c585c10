/**
 * Phases and their close-down (issue 16), over the same list transport as the rest of the
 * programme's data: whichever protocol, the rules are these. Got from
 * {@link ProgrammeRepository.phases}.
 *
 * A phase is open while it reports; the programme office drafts its close-down from the phase's
 * records (the phase is then closing), edits it with the workstream leads, and locks it, which
 * closes the phase. A closed phase's close-down is not changed again.
 */
import {
  checkCloseDown,
  type ICloseDownFinding,
  type ICloseDownInput,
  type ICloseDownItem,
  type IPhase,
  type IPhaseMembership,
  type NewCloseDownItem
} from '../domain/phases';
import { DataError } from './errors';
import { writesPart } from './writesPart';
import { message, wordOf, type PhaseDoing } from '../domain/messages';
import type { ICloseDownSnapshot, ISnapshotTheme } from './snapshot';
import { preloadSnapshotPart, snapshotPart } from './snapshotPart';
import type { IMilestone, IPeriod, IRisk } from '../domain/model';
import { CLOSE_DOWN_FIELDS, PHASE_FIELDS, readFields, writeAll, writeFields, type PhaseRow } from './fields';
import { toEntity, toPeriod, toWorkstream } from './mapping';
import { type Saved, type UserRights } from './repository';
import type { IRowTransport, QuerySet, Row, RowValues } from './transport';

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function ref(value: unknown): number | undefined {
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
function membershipOf(records: { [name: string]: Row[] }): IPhaseMembership {
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
   * earlier themes whose items came into it. Two round trips at most: the phases, periods,
   * workstreams, the close-down rows naming it and its carried milestones together; then, only when
   * there are any, the milestones carried from its rows, the rows its milestones came from, and the
   * snapshots of the locked close-downs those rows are in.
   */
  public async getJourney(workstreamId: number): Promise<IWorkstreamJourney> {
    const action: string = phaseAction('readJourney');
    const { records } = await this._transport.read(
      {
        phases: { list: 'phases' },
        periods: { list: 'periods', columns: ['Phase'] },
        workstreams: { list: 'workstreams', columns: ['Phase', 'Code', 'Title'] },
        items: { list: 'closeDown', filter: { anyOf: [{ column: 'Workstream', value: workstreamId }, { column: 'DestinationWorkstream', value: workstreamId }] } },
        carriedIn: { list: 'milestones', columns: ['Origin', 'Workstream'], filter: { anyOf: [{ column: 'Workstream', value: workstreamId }] } }
      },
      { action }
    );
    const membership: IPhaseMembership = membershipOf(records);
    const phaseById = (id: number): IPhase | undefined => membership.phases.filter((p) => p.id === id)[0];
    const snapshotIdOf: { [phaseId: number]: string } = {};
    for (const r of records.phases) {
      const sid: string | undefined = text(r.values.CloseDownSnapshotId);
      if (sid !== undefined && toPhase(r).state === 'Closed') {
        snapshotIdOf[r.id] = sid;
      }
    }
    let items: ICloseDownItem[] = records.items.map(toCloseDownItem);
    const origins: Array<{ phaseId: number; itemId: number; workstreamId: number }> = [];
    for (const m of records.carriedIn) {
      const o = parseCloseDownOrigin(text(m.values.Origin));
      if (o && ref(m.values.Workstream) === workstreamId) {
        origins.push({ ...o, workstreamId });
      }
    }
    const own: ICloseDownItem[] = items.filter((i) => i.workstreamId === workstreamId);
    const sourcePhases: number[] = origins.map((o) => o.phaseId).filter((id, i, all) => all.indexOf(id) === i && phaseById(id) !== undefined);
    const lockedPhases: number[] = [...items.map((i) => i.phaseId), ...sourcePhases].filter((id, i, all) => all.indexOf(id) === i && snapshotIdOf[id] !== undefined);
    const carriedOut: Row[] = [];
    const snapshots: { [phaseId: number]: ICloseDownSnapshot } = {};
    const more: QuerySet = {};
    if (own.length > 0) {
      more.carriedOut = { list: 'milestones', columns: ['Origin', 'Workstream'], filter: { anyOf: own.map((i) => ({ column: 'Origin', value: closeDownOrigin(i.phaseId, i.id) })) } };
    }
    if (sourcePhases.length > 0) {
      more.sources = { list: 'closeDown', filter: { anyOf: sourcePhases.map((id) => ({ column: 'Phase', value: id })) } };
    }
    if (lockedPhases.length > 0) {
      more.snapshots = { list: 'snapshots', filter: { anyOf: lockedPhases.map((id) => ({ column: 'SnapshotId', value: snapshotIdOf[id] })) } };
      preloadSnapshotPart();
    }
    if (Object.keys(more).length > 0) {
      const second = await this._transport.read(more, { action });
      carriedOut.push(...(second.records.carriedOut || []));
      for (const r of second.records.sources || []) {
        if (!items.some((i) => i.id === r.id)) {
          items.push(toCloseDownItem(r));
        }
      }
      for (const phaseId of lockedPhases) {
        const phase: IPhase = phaseById(phaseId) as IPhase;
        const parts: Row[] = (second.records.snapshots || []).filter((r) => text(r.values.SnapshotId) === snapshotIdOf[phaseId]);
        snapshots[phaseId] = (await (await snapshotPart()).readCloseDownSnapshot(parts, snapshotIdOf[phaseId], phase.title)).closeDown;
      }
    }
    // A locked close-down's rows as the Board saw them.
    items = items.map((i) => {
      const snap: ICloseDownSnapshot | undefined = snapshots[i.phaseId];
      const kept: ICloseDownItem | undefined = snap ? snap.items.filter((x) => x.id === i.id)[0] : undefined;
      return kept ? { ...kept, sources: kept.sources || [] } : i;
    });
    for (const phaseId of Object.keys(snapshots).map(Number)) {
      for (const kept of snapshots[phaseId].items) {
        if (!items.some((i) => i.id === kept.id) && (kept.workstreamId === workstreamId || kept.destinationWorkstreamId === workstreamId)) {
          items.push(kept);
        }
      }
    }
    const carriedTo = (item: ICloseDownItem): number[] =>
      carriedOut
        .filter((m) => {
          const o = parseCloseDownOrigin(text(m.values.Origin));
          return !!o && o.phaseId === item.phaseId && o.itemId === item.id;
        })
        .map((m) => ref(m.values.Workstream) as number)
        .filter((id) => id !== undefined);
    const unique = (ids: number[]): number[] => ids.filter((id, i) => id !== workstreamId && ids.indexOf(id) === i);
    const phaseStart = (id: number): string => (phaseById(id) || { start: '' }).start;
    const byPhase = (a: IJourneyRow, b: IJourneyRow): number =>
      phaseStart(a.phaseId) < phaseStart(b.phaseId) ? -1 : phaseStart(a.phaseId) > phaseStart(b.phaseId) ? 1 : a.phaseId - b.phaseId || a.item.order - b.item.order || a.item.id - b.item.id;
    const rows: IJourneyRow[] = items
      .filter((i) => i.workstreamId === workstreamId)
      .map((item) => ({ phaseId: item.phaseId, item, wentTo: unique([...(item.destination === 'NextPhaseTheme' && item.destinationWorkstreamId !== undefined ? [item.destinationWorkstreamId] : []), ...carriedTo(item)]) }))
      .sort(byPhase);
    const cameFrom: IJourneyRow[] = items
      .filter((i) => i.workstreamId !== workstreamId && (i.destinationWorkstreamId === workstreamId || origins.some((o) => o.phaseId === i.phaseId && o.itemId === i.id)))
      .map((item) => ({ phaseId: item.phaseId, item, wentTo: [workstreamId] }))
      .sort(byPhase);
    // The themes named: as a locked close-down's snapshot names them, else as they are now.
    const named: number[] = unique([workstreamId, ...rows.reduce<number[]>((all, r) => all.concat(r.wentTo), []), ...cameFrom.map((r) => r.item.workstreamId as number)].filter((id) => id !== undefined));
    named.unshift(workstreamId);
    const themes: ISnapshotTheme[] = [];
    for (const id of named.filter((x, i) => named.indexOf(x) === i)) {
      const live: Row | undefined = records.workstreams.filter((r) => r.id === id)[0];
      const kept: ISnapshotTheme | undefined = Object.keys(snapshots)
        .map((k) => snapshots[Number(k)].workstreams.filter((w) => w.id === id)[0])
        .filter((w) => w !== undefined)[0];
      if (live) {
        themes.push({ id, code: text(live.values.Code) || '', title: text(live.values.Title) || '' });
      } else if (kept) {
        themes.push(kept);
      }
    }
    return { workstreamId, membership, rows, cameFrom, themes };
  }

  /** A phase's close-down: its rows in order, the phase's records and the readiness findings. */
  public async getCloseDown(phaseId: number): Promise<ICloseDown> {
    const action: string = phaseAction('readCloseDown');
    const byPhase = { anyOf: [{ column: 'Phase', value: phaseId }] };
    const { records, people } = await this._transport.read(
      { phase: { list: 'phases', id: phaseId }, periods: { list: 'periods', filter: byPhase }, workstreams: { list: 'workstreams', filter: byPhase }, items: { list: 'closeDown', filter: byPhase } },
      { action, people: true }
    );
    if (records.phase.length === 0) {
      throw new DataError('notFound', message('noSuchPhase', { action, phaseId, deleted: true }), { status: 404 });
    }
    const phase: Saved<IPhase> = { ...toPhase(records.phase[0]), etag: records.phase[0].etag };
    const periods = records.periods.map(toPeriod);
    const workstreams = records.workstreams.map((r) => toWorkstream(r, people || (() => undefined)));
    const periodIds: number[] = periods.map((p) => p.id);
    let milestones: ICloseDownInput['milestones'] = [];
    let risks: ICloseDownInput['risks'] = [];
    if (periodIds.length > 0) {
      const lookup = people || (() => undefined);
      const more = await this._transport.read(
        {
          milestones: { list: 'milestones', filter: { anyOf: periodIds.map((id) => ({ column: 'ReportingPeriod', value: id })) } },
          risks: { list: 'risks', filter: { anyOf: periodIds.map((id) => ({ column: 'RaisedPeriod', value: id })) } }
        },
        { action }
      );
      milestones = more.records.milestones.map((r) => toEntity('milestone', r, lookup));
      risks = more.records.risks.map((r) => toEntity('risk', r, lookup));
    }
    const input: ICloseDownInput = { phase, periods, workstreams, milestones, risks };
    const snapshotId: string | undefined = text(records.phase[0].values.CloseDownSnapshotId);
    if (phase.state === 'Closed' && snapshotId !== undefined) {
      // Locked: the close-down as the Board saw it, however its rows have changed since.
      const reading = snapshotPart();
      reading.catch(() => undefined);
      const parts = await this._transport.read({ snapshots: { list: 'snapshots', filter: { anyOf: [{ column: 'SnapshotId', value: snapshotId }] } } }, { action });
      const { closeDown, sha256 } = await (await reading).readCloseDownSnapshot(parts.records.snapshots, snapshotId, phase.title);
      return {
        phase: { ...phase, closeDownNote: closeDown.phase.closeDownNote },
        items: closeDown.items.map((i) => ({ ...i, etag: '' })).sort((a, b) => a.order - b.order || a.id - b.id),
        findings: [],
        records: input,
        snapshot: { id: snapshotId, sha256, boardMeetingDate: closeDown.boardMeetingDate, workstreams: closeDown.workstreams }
      };
    }
    const items: Array<Saved<ICloseDownItem>> = records.items
      .map((r) => ({ ...toCloseDownItem(r), etag: r.etag }))
      .sort((a, b) => a.order - b.order || a.id - b.id);
    return { phase, items, findings: checkCloseDown({ ...input, items }), records: input };
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
