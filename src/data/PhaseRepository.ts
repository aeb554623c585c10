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
  closeDownLockBlockers,
  draftCloseDown,
  isBlank,
  type ICloseDownFinding,
  type ICloseDownInput,
  type ICloseDownItem,
  type IPhase,
  type IPhaseMembership,
  type NewCloseDownItem,
  type PhaseState
} from '../domain';
import { DataError, isDataError } from './errors';
import { compareIsoDates, parseUkDate } from '../domain/dates';
import { DomainValidationError } from '../domain/errors';
import { newRequestKey } from './lists';
import { BOARD_MEETING_FIELD } from './rules';
import { closeDownSnapshotRecords, makeCloseDownSnapshot, readCloseDownSnapshot, type ICloseDownSnapshot, type ISnapshotTheme } from './snapshot';
import { phaseOpenRisks } from '../domain/phases';
import type { IMilestone, IPeriod, IRisk } from '../domain/model';
import { CLOSE_DOWN_FIELDS, fieldOf, readFields, writeFields } from './fields';
import { dateOnly, periodRecord, toEntity, toPeriod, toRecord, toWorkstream, workstreamRecord, type ListRecord } from './mapping';
import { ETAG } from './picture';
import { isProgrammeOffice, type Saved, type UserRights } from './repository';
import type { IListTransport, QuerySet } from './transport';

const STATES: readonly PhaseState[] = ['Open', 'Closing', 'Closed'];

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function ref(value: unknown): number | undefined {
  const n: number = Number(value);
  return value !== null && value !== undefined && value !== '' && isFinite(n) && n > 0 ? n : undefined;
}

const or = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v);

/** A phase from its list item. */
export function toPhase(r: ListRecord): IPhase {
  const state: PhaseState = STATES.indexOf(r.PhaseState as PhaseState) >= 0 ? (r.PhaseState as PhaseState) : 'Open';
  return {
    id: Number(r.Id),
    title: text(r.Title) || '',
    start: dateOnly(r.PhaseStart) || '',
    end: dateOnly(r.PhaseEnd),
    state,
    closeDownNote: text(r.CloseDownNote),
    boardMeetingDate: dateOnly(r.BoardMeetingDate)
  };
}

/** The record of a phase. */
export function phaseRecord(p: Omit<IPhase, 'id'>): ListRecord {
  return { Title: p.title, PhaseStart: p.start, PhaseEnd: p.end || null, PhaseState: p.state, CloseDownNote: or(p.closeDownNote), BoardMeetingDate: p.boardMeetingDate || null };
}

/** A close-down row from its list item. */
export function toCloseDownItem(r: ListRecord): ICloseDownItem {
  return readFields(CLOSE_DOWN_FIELDS, r);
}

/** The record of a close-down row, or of the fields of one that changed. */
export function closeDownRecord(item: Partial<NewCloseDownItem>): ListRecord {
  return writeFields(CLOSE_DOWN_FIELDS, item);
}

/** A close-down row's text fields and their limits, checked before anything is sent. */
function validateRow(item: Partial<NewCloseDownItem>): void {
  if (Object.prototype.hasOwnProperty.call(item, 'task') && isBlank(item.task)) {
    throw new DataError('validation', 'Tasks/actions: a close-down row needs its task or action.', { field: 'task' });
  }
  if (item.task !== undefined && item.task.length > 255) {
    throw new DataError('validation', `Tasks/actions: at most 255 characters (this one has ${item.task.length}).`, { field: 'task' });
  }
  for (const [key, label] of [['themeAsWritten', 'Theme as written'], ['destinationAsWritten', 'Where it goes next, as written']] as const) {
    const v: string | undefined = item[key];
    if (v !== undefined && v.length > 255) {
      throw new DataError('validation', `${label}: at most 255 characters (this one has ${v.length}).`, { field: key });
    }
  }
  if (item.destination !== undefined && item.destination !== null && (fieldOf(CLOSE_DOWN_FIELDS, 'destination').rules?.choices || []).indexOf(item.destination) < 0) {
    throw new DataError('validation', `Where it goes next: "${String(item.destination)}" is not a destination.`, { field: 'destination' });
  }
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
function membershipOf(records: { [name: string]: ListRecord[] }): IPhaseMembership {
  const phases: IPhase[] = records.phases.map(toPhase).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id));
  const periodPhase: { [id: number]: number } = {};
  const workstreamPhase: { [id: number]: number } = {};
  for (const r of records.periods) {
    if (ref(r.PhaseId) !== undefined) {
      periodPhase[Number(r.Id)] = ref(r.PhaseId) as number;
    }
  }
  for (const r of records.workstreams) {
    if (ref(r.PhaseId) !== undefined) {
      workstreamPhase[Number(r.Id)] = ref(r.PhaseId) as number;
    }
  }
  return { phases, periodPhase, workstreamPhase };
}

/** Phases and close-downs over a list transport. */
export class PhaseRepository {
  private readonly _transport: IListTransport;
  private readonly _rights: () => Promise<UserRights>;
  private readonly _landing?: () => Promise<IPhaseMembership> | undefined;

  /**
   * @param landing - the phases read with the programme summary as the programme view landed, if
   * any and still fresh: the first {@link getPhases} takes them instead of reading again.
   */
  constructor(transport: IListTransport, rights: () => Promise<UserRights>, landing?: () => Promise<IPhaseMembership> | undefined) {
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
      { action: 'read the phases' }
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
    const action: string = 'read the workstream\'s journey across phases';
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
      const sid: string | undefined = text(r.CloseDownSnapshotId);
      if (sid !== undefined && toPhase(r).state === 'Closed') {
        snapshotIdOf[Number(r.Id)] = sid;
      }
    }
    let items: ICloseDownItem[] = records.items.map(toCloseDownItem);
    const origins: Array<{ phaseId: number; itemId: number; workstreamId: number }> = [];
    for (const m of records.carriedIn) {
      const o = parseCloseDownOrigin(text(m.Origin));
      if (o && ref(m.WorkstreamId) === workstreamId) {
        origins.push({ ...o, workstreamId });
      }
    }
    const own: ICloseDownItem[] = items.filter((i) => i.workstreamId === workstreamId);
    const sourcePhases: number[] = origins.map((o) => o.phaseId).filter((id, i, all) => all.indexOf(id) === i && phaseById(id) !== undefined);
    const lockedPhases: number[] = [...items.map((i) => i.phaseId), ...sourcePhases].filter((id, i, all) => all.indexOf(id) === i && snapshotIdOf[id] !== undefined);
    const carriedOut: ListRecord[] = [];
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
    }
    if (Object.keys(more).length > 0) {
      const second = await this._transport.read(more, { action });
      carriedOut.push(...(second.records.carriedOut || []));
      for (const r of second.records.sources || []) {
        if (!items.some((i) => i.id === Number(r.Id))) {
          items.push(toCloseDownItem(r));
        }
      }
      for (const phaseId of lockedPhases) {
        const phase: IPhase = phaseById(phaseId) as IPhase;
        const parts: ListRecord[] = (second.records.snapshots || []).filter((r) => text(r.SnapshotId) === snapshotIdOf[phaseId]);
        snapshots[phaseId] = (await readCloseDownSnapshot(parts, snapshotIdOf[phaseId], phase.title)).closeDown;
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
          const o = parseCloseDownOrigin(text(m.Origin));
          return !!o && o.phaseId === item.phaseId && o.itemId === item.id;
        })
        .map((m) => ref(m.WorkstreamId) as number)
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
      const live: ListRecord | undefined = records.workstreams.filter((r) => Number(r.Id) === id)[0];
      const kept: ISnapshotTheme | undefined = Object.keys(snapshots)
        .map((k) => snapshots[Number(k)].workstreams.filter((w) => w.id === id)[0])
        .filter((w) => w !== undefined)[0];
      if (live) {
        themes.push({ id, code: text(live.Code) || '', title: text(live.Title) || '' });
      } else if (kept) {
        themes.push(kept);
      }
    }
    return { workstreamId, membership, rows, cameFrom, themes };
  }

  /** A phase's close-down: its rows in order, the phase's records and the readiness findings. */
  public async getCloseDown(phaseId: number): Promise<ICloseDown> {
    const action: string = 'read the close-down';
    const byPhase = { anyOf: [{ column: 'Phase', value: phaseId }] };
    const { records, people } = await this._transport.read(
      { phase: { list: 'phases', id: phaseId }, periods: { list: 'periods', filter: byPhase }, workstreams: { list: 'workstreams', filter: byPhase }, items: { list: 'closeDown', filter: byPhase } },
      { action, people: true }
    );
    if (records.phase.length === 0) {
      throw new DataError('notFound', `Could not ${action}: there is no phase ${phaseId}. Someone may have deleted it.`, { status: 404 });
    }
    const phase: Saved<IPhase> = { ...toPhase(records.phase[0]), etag: String(records.phase[0][ETAG]) };
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
    const snapshotId: string | undefined = text(records.phase[0].CloseDownSnapshotId);
    if (phase.state === 'Closed' && snapshotId !== undefined) {
      // Locked: the close-down as the Board saw it, however its rows have changed since.
      const parts = await this._transport.read({ snapshots: { list: 'snapshots', filter: { anyOf: [{ column: 'SnapshotId', value: snapshotId }] } } }, { action });
      const { closeDown, sha256 } = await readCloseDownSnapshot(parts.records.snapshots, snapshotId, phase.title);
      return {
        phase: { ...phase, closeDownNote: closeDown.phase.closeDownNote },
        items: closeDown.items.map((i) => ({ ...i, etag: '' })).sort((a, b) => a.order - b.order || a.id - b.id),
        findings: [],
        records: input,
        snapshot: { id: snapshotId, sha256, boardMeetingDate: closeDown.boardMeetingDate, workstreams: closeDown.workstreams }
      };
    }
    const items: Array<Saved<ICloseDownItem>> = records.items
      .map((r) => ({ ...toCloseDownItem(r), etag: String(r[ETAG]) }))
      .sort((a, b) => a.order - b.order || a.id - b.id);
    return { phase, items, findings: checkCloseDown({ ...input, items }), records: input };
  }

  private async _office(action: string): Promise<void> {
    if (!isProgrammeOffice(await this._rights())) {
      throw new DataError('forbidden', `Could not ${action}: only the programme office does this.`);
    }
  }

  private _open(phase: IPhase, action: string): void {
    if (phase.state === 'Closed') {
      throw new DataError('locked', `Could not ${action}: ${phase.title} is closed and its close-down locked.`);
    }
  }

  /**
   * Drafts the close-down from the phase's records and marks the phase closing. Refused when the
   * phase already has close-down rows (a second draft would duplicate them) or is closed.
   */
  public async draftCloseDown(phaseId: number): Promise<ICloseDown> {
    const action: string = 'draft the close-down';
    await this._office(action);
    const current: ICloseDown = await this.getCloseDown(phaseId);
    this._open(current.phase, action);
    if (current.items.length > 0) {
      throw new DataError('validation', `${current.phase.title} already has a close-down of ${current.items.length} rows: edit it instead of drafting another.`);
    }
    const rows: NewCloseDownItem[] = draftCloseDown(current.records);
    if (rows.length > 0) {
      await this._transport.createMany('closeDown', rows.map(closeDownRecord), action);
    }
    if (current.phase.state === 'Open') {
      await this._transport.update('phases', phaseId, { PhaseState: 'Closing' }, current.phase.etag, action);
    }
    return this.getCloseDown(phaseId);
  }

  /** Adds a row to an open or closing phase's close-down. */
  public async createCloseDownItem(item: NewCloseDownItem): Promise<Saved<ICloseDownItem>> {
    const action: string = 'add the close-down row';
    validateRow({ ...item, task: item.task });
    const { records } = await this._transport.read({ phase: { list: 'phases', id: item.phaseId } }, { action });
    if (records.phase.length === 0) {
      throw new DataError('notFound', `Could not ${action}: there is no phase ${item.phaseId}.`, { status: 404 });
    }
    this._open(toPhase(records.phase[0]), action);
    const stored: ListRecord = await this._transport.create('closeDown', closeDownRecord(item), action);
    return { ...toCloseDownItem(stored), etag: String(stored[ETAG]) };
  }

  /** Changes a close-down row; refused once its phase is closed, or on someone else's change (412). */
  public async updateCloseDownItem(id: number, changes: Partial<Omit<NewCloseDownItem, 'phaseId'>>, etag: string): Promise<Saved<ICloseDownItem>> {
    const action: string = 'save the close-down row';
    validateRow(changes);
    const { records } = await this._transport.read({ item: { list: 'closeDown', id } }, { action });
    if (records.item.length === 0) {
      throw new DataError('notFound', `Could not ${action}: there is no such row. Someone may have deleted it.`, { status: 404 });
    }
    const phaseId: number = toCloseDownItem(records.item[0]).phaseId;
    const phase = await this._transport.read({ phase: { list: 'phases', id: phaseId } }, { action });
    this._open(toPhase(phase.records.phase[0]), action);
    let stored: ListRecord;
    try {
      stored = await this._transport.update('closeDown', id, closeDownRecord(changes), etag, action);
    } catch (e) {
      // Someone else saved the row meanwhile: the conflict carries the row as it now is, to compare.
      if (isDataError(e, 'conflict') && e.current) {
        const theirs: ListRecord = e.current as ListRecord;
        throw new DataError('conflict', e.detail || e.message, { status: e.status, current: { ...toCloseDownItem(theirs), etag: String(theirs[ETAG]) }, serverCode: e.serverCode, serverMessage: e.serverMessage });
      }
      throw e;
    }
    return { ...toCloseDownItem(stored), etag: String(stored[ETAG]) };
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
    const action: string = 'lock the close-down';
    await this._office(action);
    const given: string = options && typeof options.boardMeetingDate === 'string' ? options.boardMeetingDate.trim() : '';
    if (given === '') {
      throw new DataError('validation', `${BOARD_MEETING_FIELD}: give the date of the Board meeting the close-down went to, as dd/mm/yyyy.`, { field: BOARD_MEETING_FIELD });
    }
    let boardMeetingDate: string;
    try {
      boardMeetingDate = parseUkDate(given, BOARD_MEETING_FIELD);
    } catch (e) {
      if (e instanceof DomainValidationError) {
        throw new DataError('validation', e.message, { field: e.field });
      }
      throw e;
    }
    const current: ICloseDown = await this.getCloseDown(phaseId);
    this._open(current.phase, action);
    const blockers: ICloseDownFinding[] = closeDownLockBlockers(current.findings);
    if (blockers.length > 0) {
      throw new DataError('validation', `Could not ${action}: ${blockers.length} ${blockers.length === 1 ? 'thing needs' : 'things need'} putting right first. ${blockers[0].message}`);
    }
    const periods: IPeriod[] = current.records.periods.slice().sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id));
    if (periods.length === 0) {
      throw new DataError('validation', `Could not ${action}: ${current.phase.title} has no reporting periods, so nothing of it has gone to the Board.`);
    }
    // Every workstream a row names, of this phase or the next, as it is named now.
    const all = await this._transport.read({ workstreams: { list: 'workstreams' } }, { action });
    const named: Set<number> = new Set<number>();
    for (const i of current.items) {
      for (const id of [i.workstreamId, i.destinationWorkstreamId]) {
        if (id !== undefined) {
          named.add(id);
        }
      }
    }
    const workstreams: ISnapshotTheme[] = all.records.workstreams
      .filter((r) => named.has(Number(r.Id)))
      .map((r) => ({ id: Number(r.Id), code: text(r.Code) || '', title: text(r.Title) || '' }))
      .sort((a, b) => a.id - b.id);
    const take = (items: Array<Saved<ICloseDownItem>>): ICloseDownSnapshot => ({
      phase: { id: current.phase.id, title: current.phase.title, start: current.phase.start, end: current.phase.end, closeDownNote: current.phase.closeDownNote },
      boardMeetingDate,
      items: items.map((i) => ({ ...i })),
      workstreams
    });
    // Closed first, so that from now on the product refuses changes to its rows; then the snapshot,
    // taken again (under a new id) if a change that passed its check before the lock landed
    // meanwhile; then the phase names it. Anything failing on the way puts the phase back.
    const closed: ListRecord = await this._transport.update('phases', phaseId, { PhaseState: 'Closed', BoardMeetingDate: boardMeetingDate }, current.phase.etag, action);
    let done: ListRecord;
    try {
      const lastPeriod: IPeriod = periods[periods.length - 1];
      const versions = (rows: Array<Saved<ICloseDownItem>>): string => rows.map((r) => `${r.id}:${r.etag}`).join(';');
      let items: Array<Saved<ICloseDownItem>> = current.items;
      let snapshotId: string;
      for (let attempt: number = 0; ; attempt++) {
        snapshotId = newRequestKey();
        const snapshot = await makeCloseDownSnapshot(take(items), snapshotId);
        await this._transport.createMany('snapshots', closeDownSnapshotRecords(snapshot, phaseId, current.phase.title, lastPeriod.id), action);
        const again = await this._transport.read({ items: { list: 'closeDown', filter: { anyOf: [{ column: 'Phase', value: phaseId }] } } }, { action });
        const now: Array<Saved<ICloseDownItem>> = again.records.items.map((r) => ({ ...toCloseDownItem(r), etag: String(r[ETAG]) })).sort((a, b) => a.order - b.order || a.id - b.id);
        if (versions(now) === versions(items)) {
          break;
        }
        if (attempt === 2) {
          throw new DataError('conflict', `Could not ${action}: its rows kept changing while it was being locked. Try again in a minute.`);
        }
        items = now;
      }
      done = await this._transport.update('phases', phaseId, { CloseDownSnapshotId: snapshotId }, String(closed[ETAG]), action);
    } catch (e) {
      await this._transport.update('phases', phaseId, { PhaseState: current.phase.state, BoardMeetingDate: null }, String(closed[ETAG]), action).catch(() => undefined);
      throw e;
    }
    return toPhase(done);
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
    const action: string = 'start the next phase';
    await this._office(action);
    const closeDown: ICloseDown = await this.getCloseDown(closedPhaseId);
    const closed: IPhase = closeDown.phase;
    if (closed.state !== 'Closed') {
      throw new DataError('validation', `Could not ${action}: lock the close-down of ${closed.title} first.`);
    }
    const fail = (message: string, field?: string): never => {
      throw new DataError('validation', message, field ? { field } : {});
    };
    // Started once only: a row already carried into a milestone is not carried again.
    const toMove: ICloseDownItem[] = closeDown.items.filter((i) => i.destination === 'NextPhaseTheme');
    if (toMove.length > 0) {
      const carried = await this._transport.read({ milestones: { list: 'milestones', filter: { anyOf: toMove.map((i) => ({ column: 'Origin', value: closeDownOrigin(closed.id, i.id) })) } } }, { action });
      if (carried.records.milestones.length > 0) {
        fail(`Could not ${action}: the close-down of ${closed.title} has already been carried into the next phase.`);
      }
    }
    const reuse: boolean = plan.existingPhaseId !== undefined;
    if (!reuse && isBlank(plan.title)) {
      fail('Phase: the next phase needs a title.', 'Phase');
    }
    const start: string = reuse ? '' : parseUkDate(plan.start, 'Phase start');
    if (isBlank(plan.period.title)) {
      fail('Period: the first reporting period needs a title.', 'Period');
    }
    const periodStart: string = parseUkDate(plan.period.start, 'Period start');
    const periodEnd: string = parseUkDate(plan.period.end, 'Period end');
    if (compareIsoDates(periodEnd, periodStart) < 0) {
      fail(`Period end: ${plan.period.end} is before the start (${plan.period.start}).`, 'Period end');
    }
    const { records, people } = await this._transport.read({ phases: { list: 'phases' }, periods: { list: 'periods' }, workstreams: { list: 'workstreams' } }, { action, people: true });
    const chosen: ListRecord | undefined = reuse ? records.phases.filter((r) => Number(r.Id) === plan.existingPhaseId)[0] : undefined;
    if (reuse && (!chosen || toPhase(chosen).state !== 'Open' || Number(chosen.Id) === closed.id)) {
      fail(`Phase: phase ${plan.existingPhaseId} is not an open phase that can follow ${closed.title}.`, 'Phase');
    }
    if (!reuse && records.phases.some((r) => (text(r.Title) || '').trim().toLowerCase() === plan.title.trim().toLowerCase())) {
      fail(`Phase: there is already a phase called "${plan.title.trim()}".`, 'Phase');
    }
    const periods: IPeriod[] = records.periods.map(toPeriod);
    const overlap: IPeriod | undefined = periods.filter((p) => !(compareIsoDates(periodEnd, p.start) < 0 || compareIsoDates(periodStart, p.end) > 0))[0];
    if (overlap) {
      fail(`Period: the first period overlaps ${overlap.title}; reporting periods may not overlap.`, 'Period start');
    }
    if (periods.some((p) => p.title.trim().toLowerCase() === plan.period.title.trim().toLowerCase())) {
      fail(`Period: there is already a period called "${plan.period.title.trim()}".`, 'Period');
    }
    const existing = records.workstreams.map((r) => toWorkstream(r, people || (() => undefined)));
    if (plan.themes.length === 0) {
      fail('Themes: the next phase needs at least one theme.', 'Themes');
    }
    const codes: string[] = existing.map((w) => w.code.trim().toLowerCase());
    plan.themes.forEach((t, i) => {
      if (t.existingId !== undefined) {
        if (!existing.some((w) => w.id === t.existingId)) {
          fail(`Theme ${i + 1}: there is no workstream ${t.existingId}.`, 'Themes');
        }
        return;
      }
      if (isBlank(t.code) || isBlank(t.title)) {
        fail(`Theme ${i + 1}: a new theme needs a code and a title.`, 'Themes');
      }
      const code: string = (t.code as string).trim().toLowerCase();
      if (codes.indexOf(code) >= 0) {
        fail(`Theme ${i + 1}: the code "${(t.code as string).trim()}" is already used by another workstream.`, 'Themes');
      }
      codes.push(code);
    });
    // Where each row moving to the next phase goes.
    const placements: { [itemId: number]: number } = plan.placements || {};
    const moving: Array<{ item: ICloseDownItem; theme: number }> = [];
    for (const item of closeDown.items.filter((i) => i.destination === 'NextPhaseTheme')) {
      let theme: number | undefined = placements[item.id];
      if (theme === undefined && item.destinationWorkstreamId !== undefined) {
        const at: number = plan.themes.map((t) => t.existingId).indexOf(item.destinationWorkstreamId);
        theme = at >= 0 ? at : undefined;
      }
      if (theme === undefined || !(theme >= 0 && theme < plan.themes.length)) {
        fail(`"${item.task.trim()}" moves to the next phase: choose which of its themes it goes to.`, 'Themes');
      }
      moving.push({ item, theme: theme as number });
    }
    const decisions: { [riskId: number]: RiskDecision } = plan.risks || {};
    const openRisks: IRisk[] = phaseOpenRisks(closeDown.records);
    for (const r of openRisks) {
      const d: RiskDecision | undefined = decisions[r.id];
      if (!d || ('carryTo' in d ? !(d.carryTo >= 0 && d.carryTo < plan.themes.length) : isBlank(d.closeReason))) {
        fail(`The open risk ${r.number ? `${r.number} ` : ''}"${r.description.trim()}" of ${closed.title}: carry it into a theme of the next phase, or close it with a reason.`, 'Risks');
      }
    }

    // Checked: now written, in order.
    const phase: IPhase = chosen ? toPhase(chosen) : toPhase(await this._transport.create('phases', phaseRecord({ title: plan.title.trim(), start, state: 'Open' }), action));
    const maxOrder: number = existing.reduce((m, w) => Math.max(m, w.order), 0);
    const workstreamIds: number[] = [];
    for (const [i, t] of plan.themes.entries()) {
      if (t.existingId !== undefined) {
        const current = records.workstreams.filter((r) => Number(r.Id) === t.existingId)[0];
        await this._transport.update('workstreams', t.existingId, { PhaseId: phase.id }, String(current[ETAG]), action);
        workstreamIds.push(t.existingId);
      } else {
        const created: ListRecord = await this._transport.create(
          'workstreams',
          { ...workstreamRecord({ code: (t.code as string).trim(), title: (t.title as string).trim(), description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: maxOrder + i + 1 }), PhaseId: phase.id },
          action
        );
        workstreamIds.push(Number(created.Id));
      }
    }
    const periodStored: ListRecord = await this._transport.create('periods', { ...periodRecord({ title: plan.period.title.trim(), start: periodStart, end: periodEnd, state: 'Open' }), PhaseId: phase.id }, action);
    const period: IPeriod = toPeriod(periodStored);
    const milestones: IMilestone[] = [];
    const perTheme: { [ws: number]: number } = {};
    for (const { item, theme } of moving) {
      const ws: number = workstreamIds[theme];
      perTheme[ws] = (perTheme[ws] || 0) + 1;
      const status: string = [`From the close-down of ${closed.title}.`, isBlank(item.outstanding) ? '' : `Outstanding: ${(item.outstanding as string).trim()}`].filter((x) => x !== '').join(' ');
      const m: ListRecord = await this._transport.create(
        'milestones',
        toRecord('milestone', { workstreamId: ws, periodId: period.id, timing: 'ThisPeriod', number: String(perTheme[ws]), title: item.task.trim(), status, statusCategory: 'NotStarted', order: perTheme[ws], origin: closeDownOrigin(closed.id, item.id) }),
        action
      );
      milestones.push(toEntity('milestone', m, () => undefined));
    }
    const carriedRisks: IRisk[] = [];
    const closedRisks: number[] = [];
    const raisedIn: number[] = closeDown.records.periods.map((p) => p.id);
    const riskRecords: ListRecord[] =
      openRisks.length > 0 ? (await this._transport.read({ risks: { list: 'risks', filter: { anyOf: raisedIn.map((id) => ({ column: 'RaisedPeriod', value: id })) } } }, { action })).records.risks : [];
    for (const r of openRisks) {
      const d: RiskDecision = decisions[r.id];
      const stored = riskRecords.filter((x) => Number(x.Id) === r.id)[0];
      let note: string;
      if ('carryTo' in d) {
        const ws: number = workstreamIds[d.carryTo];
        const created: ListRecord = await this._transport.create(
          'risks',
          toRecord('risk', { workstreamId: ws, number: r.number, description: r.description, mitigation: r.mitigation, likelihood: r.likelihood, impact: r.impact, owner: r.owner, state: 'Open', raisedPeriodId: period.id, order: r.order }),
          action
        );
        carriedRisks.push(toEntity('risk', created, () => undefined));
        note = `Carried into ${phase.title} as a risk of its theme.`;
      } else {
        note = `Closed at the close-down of ${closed.title}: ${d.closeReason.trim()}`;
      }
      await this._transport.update('risks', r.id, toRecord('risk', { state: 'Closed', closedPeriodId: period.id, mitigation: isBlank(r.mitigation) ? note : `${r.mitigation.trim()}\n\n${note}` }), String(stored ? stored[ETAG] : ''), action);
      closedRisks.push(r.id);
    }
    return { phase, period, workstreamIds, milestones, carriedRisks, closedRisks };
  }
}
