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
  type CloseDownDestination,
  type ICloseDownFinding,
  type ICloseDownInput,
  type ICloseDownItem,
  type IPhase,
  type IPhaseMembership,
  type NewCloseDownItem,
  type PhaseState
} from '../domain';
import { DataError, isDataError } from './errors';
import { dateOnly, toEntity, toPeriod, toWorkstream, type ListRecord } from './mapping';
import { ETAG } from './picture';
import { isProgrammeOffice, type Saved, type UserRights } from './repository';
import type { IListTransport } from './transport';

const STATES: readonly PhaseState[] = ['Open', 'Closing', 'Closed'];

const DESTINATION_CHOICES: { readonly [d in CloseDownDestination]: string } = {
  Completed: 'Completed',
  NextPhaseTheme: 'Next phase theme',
  DirectoratePlans: 'Directorate business plans',
  KeepUnderReview: 'Keep under review'
};

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
  return { id: Number(r.Id), title: text(r.Title) || '', start: dateOnly(r.PhaseStart) || '', end: dateOnly(r.PhaseEnd), state, closeDownNote: text(r.CloseDownNote) };
}

/** The record of a phase. */
export function phaseRecord(p: Omit<IPhase, 'id'>): ListRecord {
  return { Title: p.title, PhaseStart: p.start, PhaseEnd: p.end || null, PhaseState: p.state, CloseDownNote: or(p.closeDownNote) };
}

/** A close-down row from its list item. */
export function toCloseDownItem(r: ListRecord): ICloseDownItem {
  const choice: string | undefined = text(r.Destination);
  const destination: CloseDownDestination | undefined = (Object.keys(DESTINATION_CHOICES) as CloseDownDestination[]).filter((d) => DESTINATION_CHOICES[d] === choice)[0];
  return {
    id: Number(r.Id),
    phaseId: ref(r.PhaseId) as number,
    workstreamId: ref(r.WorkstreamId),
    themeAsWritten: text(r.ThemeAsWritten),
    task: text(r.Title) || '',
    undertaken: text(r.ActivityUndertaken),
    evidence: text(r.Evidence),
    outstanding: text(r.ActivityOutstanding),
    destination,
    destinationWorkstreamId: ref(r.DestinationWorkstreamId),
    destinationAsWritten: text(r.DestinationAsWritten),
    sources: (text(r.Sources) || '').split('\n').map((s) => s.trim()).filter((s) => s !== ''),
    order: Number(r.SortOrder) || 0
  };
}

/** The record of a close-down row, or of the fields of one that changed. */
export function closeDownRecord(item: Partial<NewCloseDownItem>): ListRecord {
  const r: ListRecord = {};
  const set = (key: keyof NewCloseDownItem, write: () => void): void => {
    if (Object.prototype.hasOwnProperty.call(item, key)) {
      write();
    }
  };
  set('phaseId', () => (r.PhaseId = item.phaseId));
  set('workstreamId', () => (r.WorkstreamId = item.workstreamId === undefined ? null : item.workstreamId));
  set('themeAsWritten', () => (r.ThemeAsWritten = or(item.themeAsWritten)));
  set('task', () => (r.Title = item.task));
  set('undertaken', () => (r.ActivityUndertaken = or(item.undertaken)));
  set('evidence', () => (r.Evidence = or(item.evidence)));
  set('outstanding', () => (r.ActivityOutstanding = or(item.outstanding)));
  set('destination', () => (r.Destination = item.destination ? DESTINATION_CHOICES[item.destination] : null));
  set('destinationWorkstreamId', () => (r.DestinationWorkstreamId = item.destinationWorkstreamId === undefined ? null : item.destinationWorkstreamId));
  set('destinationAsWritten', () => (r.DestinationAsWritten = or(item.destinationAsWritten)));
  set('sources', () => (r.Sources = item.sources && item.sources.length > 0 ? item.sources.join('\n') : null));
  set('order', () => (r.SortOrder = item.order));
  return r;
}

/** A close-down row's text fields and their limits, checked before anything is sent. */
function validateRow(item: Partial<NewCloseDownItem>): void {
  if (Object.prototype.hasOwnProperty.call(item, 'task') && isBlank(item.task)) {
    throw new DataError('validation', 'Tasks/actions: a close-down row needs its task or action.', { field: 'Tasks/actions' });
  }
  if (item.task !== undefined && item.task.length > 255) {
    throw new DataError('validation', `Tasks/actions: at most 255 characters (this one has ${item.task.length}).`, { field: 'Tasks/actions' });
  }
  for (const [key, label] of [['themeAsWritten', 'Theme as written'], ['destinationAsWritten', 'Where it goes next, as written']] as const) {
    const v: string | undefined = item[key];
    if (v !== undefined && v.length > 255) {
      throw new DataError('validation', `${label}: at most 255 characters (this one has ${v.length}).`, { field: label });
    }
  }
  if (item.destination !== undefined && item.destination !== null && !(item.destination in DESTINATION_CHOICES)) {
    throw new DataError('validation', `Where it goes next: "${String(item.destination)}" is not a destination.`, { field: 'Where it goes next' });
  }
}

/** A phase's close-down, with what its readiness check found. */
export interface ICloseDown {
  phase: Saved<IPhase>;
  items: Array<Saved<ICloseDownItem>>;
  findings: ICloseDownFinding[];
  /** The phase's records the draft and the check are made from. */
  records: ICloseDownInput;
}

/** Phases and close-downs over a list transport. */
export class PhaseRepository {
  private readonly _transport: IListTransport;
  private readonly _rights: () => Promise<UserRights>;

  constructor(transport: IListTransport, rights: () => Promise<UserRights>) {
    this._transport = transport;
    this._rights = rights;
  }

  /** Every phase, earliest first, and which phase each period and workstream belongs to. */
  public async getPhases(): Promise<IPhaseMembership> {
    const { records } = await this._transport.read(
      { phases: { list: 'phases' }, periods: { list: 'periods', columns: ['Phase'] }, workstreams: { list: 'workstreams', columns: ['Phase'] } },
      { action: 'read the phases' }
    );
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
    const items: Array<Saved<ICloseDownItem>> = records.items
      .map((r) => ({ ...toCloseDownItem(r), etag: String(r[ETAG]) }))
      .sort((a, b) => a.order - b.order || a.id - b.id);
    const input: ICloseDownInput = { phase, periods, workstreams, milestones, risks };
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
        throw new DataError('conflict', e.message, { status: e.status, current: { ...toCloseDownItem(theirs), etag: String(theirs[ETAG]) }, serverCode: e.serverCode, serverMessage: e.serverMessage });
      }
      throw e;
    }
    return { ...toCloseDownItem(stored), etag: String(stored[ETAG]) };
  }

  /**
   * Locks the close-down and closes the phase: refused, changing nothing, while the readiness
   * check finds an error (an outstanding item with no destination, a completed claim with no
   * evidence, an open milestone or risk in no row).
   */
  public async lockCloseDown(phaseId: number): Promise<IPhase> {
    const action: string = 'lock the close-down';
    await this._office(action);
    const current: ICloseDown = await this.getCloseDown(phaseId);
    this._open(current.phase, action);
    const blockers: ICloseDownFinding[] = closeDownLockBlockers(current.findings);
    if (blockers.length > 0) {
      throw new DataError('validation', `Could not ${action}: ${blockers.length} ${blockers.length === 1 ? 'thing needs' : 'things need'} putting right first. ${blockers[0].message}`);
    }
    const stored: ListRecord = await this._transport.update('phases', phaseId, { PhaseState: 'Closed' }, current.phase.etag, action);
    return toPhase(stored);
  }
}
