/**
 * An in-memory {@link IProgrammeRepository} over a deep copy of the seeded programme, for the
 * dashboard's tests. It keeps SharePoint's semantics where the dashboard depends on them:
 * every stored item has an ETag `"N"` bumped on every write; an update or delete with a stale
 * ETag throws a `conflict` {@link DataError} carrying the item as it is now, and changes
 * nothing; a write the user has no right to make throws `forbidden` and changes nothing.
 * Rights are per list, with helpers for the four personas. Tests can make another user change
 * an item, inject a failure for the next call, hold calls to see progress, and read the call log.
 */
import { DataError, type DataErrorKind, type IDataErrorDetails } from '../../src/data/errors';
import type {
  EntityChanges,
  EntityKind,
  ICreateOptions,
  ICurrentUser,
  IEditablePeriodPicture,
  IEntities,
  IListRights,
  ILockOptions,
  INewPeriod,
  IPeriodHistoryEntry,
  IPictureOptions,
  IProgrammeRepository,
  IProgrammeSummary,
  IRagHistoryEntry,
  ListKey,
  NewEntity,
  ReportTransition,
  Saved,
  UserRights
} from '../../src/data/repository';
import { ENTITY_LISTS } from '../../src/data/repository';
import { assertPeriodOpen, assertReportEditable, nextReportState } from '../../src/data/rules';
import { isRiskListedIn, nextPeriodOf, parseUkDate, previousPeriodOf, sortPeriods, validateStatusReportInput } from '../../src/domain';
import type { IPeriod, IPerson, IProgramme, IStatusReport, IWorkstream } from '../../src/domain';
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';

/** The people the dashboard serves, by what SharePoint lets them do. */
export type Persona = 'programmeOffice' | 'projectManager' | 'sponsor' | 'iibMember';

/** A repository method, for the call log and for failures aimed at one method. */
export type RepositoryMethod = keyof IProgrammeRepository;

/** One call the dashboard made. */
export interface ICall {
  method: RepositoryMethod;
  args: unknown[];
}

const LISTS: ListKey[] = ['programme', 'ragDefinitions', 'workstreams', 'periods', 'statusReports', 'sponsorComments', 'milestones', 'risks', 'feedback', 'snapshots', 'history'];

function rights(view: boolean, add: boolean = false, edit: boolean = false, remove: boolean = false, approve: boolean = false): IListRights {
  return { view, add, edit, delete: remove, approve, manage: approve };
}

/** Rights on every list, all the same. */
export function uniformRights(r: IListRights): UserRights {
  const result: { [list in ListKey]?: IListRights } = {};
  for (const list of LISTS) {
    result[list] = { ...r };
  }
  return result as UserRights;
}

/**
 * The rights each persona has, as the site's permission levels give them:
 * - programme office: everything, approving and managing lists included;
 * - project manager: view all; add, edit and delete status reports, milestones and risks;
 * - sponsor: view all; add and edit sponsor comments;
 * - IIB member: view all; add IIB feedback.
 */
export function rightsFor(persona: Persona): UserRights {
  if (persona === 'programmeOffice') {
    return uniformRights(rights(true, true, true, true, true));
  }
  const r: { [list in ListKey]: IListRights } = { ...(uniformRights(rights(true)) as { [list in ListKey]: IListRights }) };
  if (persona === 'projectManager') {
    r.statusReports = rights(true, true, true, true);
    r.milestones = rights(true, true, true, true);
    r.risks = rights(true, true, true, true);
  } else if (persona === 'sponsor') {
    r.sponsorComments = rights(true, true, true, false);
  } else {
    r.feedback = rights(true, true, false, false);
  }
  return r;
}

/** A seeded user for each persona. */
export const PERSONA_USERS: { readonly [p in Persona]: ICurrentUser } = {
  programmeOffice: { id: 1, name: 'Heidi Robinson', login: 'heidi.robinson@improvement.example' },
  projectManager: { id: 7, name: 'Louisa Simpson', login: 'louisa.simpson@improvement.example' },
  sponsor: { id: 3, name: 'Nick Bell', login: 'nick.bell@improvement.example' },
  iibMember: { id: 10, name: 'Alex Morgan', login: 'alex.morgan@improvement.example' }
};

/** Options for a {@link FakeRepository}. */
export interface IFakeRepositoryOptions {
  /** Whose rights and identity to use; programme office unless told. */
  persona?: Persona;
  /** Rights that override the persona's. */
  rights?: UserRights;
  user?: ICurrentUser;
  seed?: ISeedProgramme;
  /**
   * Gives each seeded locked period (June 2023) the snapshot and history the local stack's
   * seeder writes when it locks it, so that it reads as the Board saw it.
   */
  snapshotLockedPeriods?: boolean;
}

interface IFailure {
  method?: RepositoryMethod;
  error: unknown;
}

type Store = { [K in EntityKind]: Map<number, Saved<IEntities[K]>> };

function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function bump(etag: string): string {
  return `"${parseInt(etag.replace(/"/g, ''), 10) + 1}"`;
}


/** The in-memory repository. */
export class FakeRepository implements IProgrammeRepository {
  /** Every call, in order. */
  public readonly calls: ICall[] = [];
  private _rights: UserRights;
  private _user: ICurrentUser;
  private readonly _programme: IProgramme;
  private readonly _periods: IPeriod[];
  private readonly _workstreams: IWorkstream[];
  private readonly _store: Store;
  private readonly _nextId: { [K in EntityKind]: number };
  private _failures: IFailure[] = [];
  private _lostAnswers: RepositoryMethod[] = [];
  private readonly _requestKeys: Map<string, { kind: EntityKind; id: number }> = new Map<string, { kind: EntityKind; id: number }>();
  private _gate: Promise<void> | undefined;
  private readonly _snapshots: Map<number, IEditablePeriodPicture> = new Map<number, IEditablePeriodPicture>();
  private readonly _periodHistory: IPeriodHistoryEntry[] = [];

  constructor(options: IFakeRepositoryOptions = {}) {
    const seed: ISeedProgramme = copy(options.seed || IMPROVEMENT_PLAN_PHASE_2);
    const persona: Persona = options.persona || 'programmeOffice';
    this._rights = options.rights || rightsFor(persona);
    this._user = options.user || PERSONA_USERS[persona];
    this._programme = seed.programme;
    this._periods = sortPeriods(seed.periods);
    this._workstreams = seed.workstreams.slice().sort((a, b) => a.order - b.order);
    const saved = <T extends { id: number }>(items: T[]): Map<number, Saved<T>> =>
      new Map<number, Saved<T>>(items.map((item) => [item.id, { ...item, etag: '"1"' }]));
    this._store = {
      statusReport: saved(seed.statusReports),
      sponsorComment: saved(seed.sponsorComments),
      milestone: saved(seed.milestones),
      risk: saved(seed.risks),
      feedback: saved(seed.feedback)
    };
    const nextId = (kind: EntityKind): number => Math.max(0, ...Array.from(this._store[kind].keys())) + 1;
    this._nextId = {
      statusReport: nextId('statusReport'),
      sponsorComment: nextId('sponsorComment'),
      milestone: nextId('milestone'),
      risk: nextId('risk'),
      feedback: nextId('feedback')
    };
    if (options.snapshotLockedPeriods) {
      for (const p of this._periods.filter((x) => x.state === 'Locked')) {
        this.snapshotAsSeeded(p.id);
      }
    }
  }

  // ---- test controls ---------------------------------------------------------------------------

  /** Acts as another persona from now on. */
  public actAs(persona: Persona): void {
    this._rights = rightsFor(persona);
    this._user = PERSONA_USERS[persona];
  }

  /** Replaces the current user's rights. */
  public setRights(rights: UserRights): void {
    this._rights = copy(rights);
  }

  /**
   * Makes the next call (of `method`, if given) fail with this error, or with a DataError of
   * this kind and details.
   */
  public failNext(error: DataError | DataErrorKind, method?: RepositoryMethod, details: IDataErrorDetails = {}): void {
    const e: DataError = typeof error === 'string' ? new DataError(error, `Injected ${error} failure.`, details) : error;
    this._failures.push({ method, error: e });
  }

  /**
   * The next call of `method` does its work, then fails as if its answer were lost on the way
   * back (a network error): the caller cannot tell that it landed.
   */
  public loseNextAnswer(method: RepositoryMethod): void {
    this._lostAnswers.push(method);
  }

  /** Holds every call made from now on until the returned function is called (to see progress). */
  public hold(): () => void {
    let release: () => void = () => undefined;
    this._gate = new Promise<void>((resolve) => {
      release = () => {
        this._gate = undefined;
        resolve();
      };
    });
    return release;
  }

  /** Another user changes an item (with their own rights): its ETag moves on. */
  public changeAsOtherUser<K extends EntityKind>(kind: K, id: number, changes: EntityChanges<K>): Saved<IEntities[K]> {
    const item: Saved<IEntities[K]> | undefined = this._store[kind].get(id) as Saved<IEntities[K]> | undefined;
    if (!item) {
      throw new Error(`No ${kind} ${id}.`);
    }
    const next: Saved<IEntities[K]> = { ...item, ...copy(changes), id, etag: bump(item.etag) };
    (this._store[kind] as Map<number, Saved<IEntities[K]>>).set(id, next);
    return copy(next);
  }

  /** Another user deletes an item. */
  public deleteAsOtherUser(kind: EntityKind, id: number): void {
    this._store[kind].delete(id);
  }

  /** Locks or reopens a period, as the PMO lead does. */
  public setPeriodState(periodId: number, state: 'Open' | 'Locked'): void {
    const period: IPeriod | undefined = this._periods.filter((p) => p.id === periodId)[0];
    if (period) {
      period.state = state;
    }
  }

  /**
   * Records a locked period's snapshot and its "Locked" history entry as the seeder does when it
   * locks a period that went to the Board (as the programme office lead, on the day given).
   */
  public snapshotAsSeeded(periodId: number, by: IPerson = { name: PERSONA_USERS.programmeOffice.name, login: PERSONA_USERS.programmeOffice.login }, at: string = '2023-07-05T16:30:00Z'): void {
    const period: IPeriod | undefined = this._periods.filter((p) => p.id === periodId)[0];
    if (!period) {
      throw new Error(`No period ${periodId}.`);
    }
    period.state = 'Locked';
    const live: IEditablePeriodPicture = this._live(periodId);
    const id: string = `snapshot-${periodId}-seeded`;
    const blank = <T>(items: T[]): T[] => items.map((i) => ({ ...i, etag: '' }));
    this._snapshots.set(
      periodId,
      copy({
        ...live,
        period: { ...period },
        statusReports: blank(live.statusReports),
        sponsorComments: blank(live.sponsorComments),
        milestones: blank(live.milestones),
        risks: blank(live.risks),
        feedback: blank(live.feedback),
        snapshot: { id, takenAt: at, takenBy: by, sha256: '0'.repeat(64) }
      })
    );
    this._periodHistory.push({ id: this._periodHistory.length + 1, periodId, action: 'Locked', snapshotId: id, by, at });
  }

  /** An item as stored now (a copy), or undefined. */
  public stored<K extends EntityKind>(kind: K, id: number): Saved<IEntities[K]> | undefined {
    return copy(this._store[kind].get(id) as Saved<IEntities[K]> | undefined);
  }

  /** Every stored item of a kind (copies). */
  public all<K extends EntityKind>(kind: K): Array<Saved<IEntities[K]>> {
    return copy(Array.from(this._store[kind].values()) as Array<Saved<IEntities[K]>>);
  }

  /** The calls of one method. */
  public callsOf(method: RepositoryMethod): ICall[] {
    return this.calls.filter((c) => c.method === method);
  }

  // ---- IProgrammeRepository ------------------------------------------------------------------

  public getCurrentUser(): Promise<ICurrentUser> {
    return this._call('getCurrentUser', [], () => this._user);
  }

  public getRights(): Promise<UserRights> {
    return this._call('getRights', [], () => this._rights);
  }

  public getPeriods(): Promise<IPeriod[]> {
    return this._call('getPeriods', [], () => this._periods);
  }

  public getProgrammeSummary(): Promise<IProgrammeSummary> {
    return this._call('getProgrammeSummary', [], () => {
      const latest: IPeriod | undefined = this._periods[this._periods.length - 1];
      const openRisks: { [workstreamId: number]: number } = {};
      const milestonesDue: { [workstreamId: number]: number } = {};
      for (const ws of this._workstreams) {
        openRisks[ws.id] = this._values('risk').filter((r) => r.workstreamId === ws.id && r.state === 'Open').length;
        milestonesDue[ws.id] = latest
          ? this._values('milestone').filter(
              (m) => m.workstreamId === ws.id && m.periodId === latest.id && m.title.trim() !== '' && m.statusCategory !== 'Complete'
            ).length
          : 0;
      }
      return {
        programme: this._programme,
        periods: this._periods,
        workstreams: this._workstreams,
        history: this._history(),
        openRisks,
        milestonesDue
      };
    });
  }

  public getPeriodPicture(periodId: number, options: IPictureOptions = {}): Promise<IEditablePeriodPicture> {
    return this._call('getPeriodPicture', [periodId, options], () => {
      const period: IPeriod | undefined = this._periods.filter((p) => p.id === periodId)[0];
      if (!period) {
        throw new DataError('notFound', 'That reporting period no longer exists.', { status: 404 });
      }
      const snapshot: IEditablePeriodPicture | undefined = period.state === 'Locked' ? this._snapshots.get(periodId) : undefined;
      if (snapshot) {
        const only = <T extends { workstreamId: number }>(items: T[]): T[] => items.filter((x) => options.workstreamId === undefined || x.workstreamId === options.workstreamId);
        return {
          ...snapshot,
          periods: this._periods,
          workstreams: snapshot.workstreams.filter((w) => options.workstreamId === undefined || w.id === options.workstreamId),
          statusReports: only(snapshot.statusReports),
          sponsorComments: only(snapshot.sponsorComments),
          milestones: only(snapshot.milestones),
          risks: only(snapshot.risks),
          // As the repository: IIB feedback follows the Board, so it is live, not from the snapshot.
          feedback: only(this._live(periodId, options).feedback)
        };
      }
      return this._live(periodId, options);
    });
  }

  private _live(periodId: number, options: IPictureOptions = {}): IEditablePeriodPicture {
    {
      const period: IPeriod = this._periods.filter((p) => p.id === periodId)[0];
      const previousPeriod: IPeriod | undefined = previousPeriodOf(this._periods, periodId);
      const mine = <T extends { workstreamId: number }>(x: T): boolean =>
        options.workstreamId === undefined || x.workstreamId === options.workstreamId;
      const previousId: number | undefined = previousPeriod ? previousPeriod.id : undefined;
      return {
        programme: this._programme,
        period,
        previousPeriod,
        nextPeriod: nextPeriodOf(this._periods, periodId),
        periods: this._periods,
        workstreams: this._workstreams.filter((w) => options.workstreamId === undefined || w.id === options.workstreamId),
        statusReports: this._values('statusReport').filter((r) => r.periodId === periodId && mine(r)),
        previousStatusReports: this._values('statusReport').filter((r) => r.periodId === previousId && mine(r)),
        sponsorComments: this._values('sponsorComment').filter((c) => c.periodId === periodId && mine(c)),
        milestones: this._values('milestone').filter((m) => m.periodId === periodId && mine(m)),
        previousMilestones: this._values('milestone').filter((m) => m.periodId === previousId && mine(m)),
        risks: this._values('risk').filter((r) => mine(r) && isRiskListedIn(r, period, this._periods)),
        feedback: this._values('feedback').filter((f) => f.periodId === periodId && mine(f))
      };
    }
  }

  public getRagHistory(workstreamId: number): Promise<IRagHistoryEntry[]> {
    return this._call('getRagHistory', [workstreamId], () => this._history().filter((e) => e.workstreamId === workstreamId));
  }

  public get<K extends EntityKind>(kind: K, id: number): Promise<Saved<IEntities[K]>> {
    return this._call('get', [kind, id], () => this._existing(kind, id));
  }

  public create<K extends EntityKind>(kind: K, value: NewEntity<K>, options: ICreateOptions = {}): Promise<Saved<IEntities[K]>> {
    return this._call('create', [kind, value], () => {
      this._require(kind, 'add');
      // As the repository: a key already used in this list gives back the item it made.
      const made = options.requestKey === undefined ? undefined : this._requestKeys.get(options.requestKey);
      if (made && made.kind === kind && this._store[kind].has(made.id)) {
        return this._existing(kind, made.id);
      }
      this._checkUnlocked(kind, value as unknown as { periodId?: number });
      this._checkSponsor(kind, (value as unknown as { workstreamId: number }).workstreamId);
      const id: number = this._nextId[kind]++;
      const item = { ...copy(value), id, etag: '"1"' } as unknown as Saved<IEntities[K]>;
      (this._store[kind] as Map<number, Saved<IEntities[K]>>).set(id, item);
      if (options.requestKey !== undefined) {
        this._requestKeys.set(options.requestKey, { kind, id });
      }
      return item;
    });
  }

  public update<K extends EntityKind>(kind: K, id: number, changes: EntityChanges<K>, etag: string): Promise<Saved<IEntities[K]>> {
    return this._call('update', [kind, id, changes, etag], () => {
      this._require(kind, 'edit');
      const item: Saved<IEntities[K]> = this._existing(kind, id);
      this._checkUnlocked(kind, item as unknown as { periodId?: number });
      this._checkUnlocked(kind, changes as unknown as { periodId?: number });
      this._checkSponsor(kind, (item as unknown as { workstreamId: number }).workstreamId);
      if (kind === 'statusReport') {
        const report = item as unknown as IStatusReport;
        const next = changes as unknown as Partial<IStatusReport>;
        if (next.state !== undefined && next.state !== report.state) {
          throw new DataError('validation', 'Could not save the status report: submit, approve or send it back with the reporting-cycle actions, not by editing its state.', { field: 'Report state' });
        }
        assertReportEditable(report.state, this._rights);
      }
      if (item.etag !== etag) {
        throw new DataError('conflict', 'Someone else changed this item since it was read.', { status: 412, current: copy(item) });
      }
      const next = { ...item, ...copy(changes), id, etag: bump(item.etag) } as Saved<IEntities[K]>;
      (this._store[kind] as Map<number, Saved<IEntities[K]>>).set(id, next);
      return next;
    });
  }

  public remove(kind: EntityKind, id: number, etag: string): Promise<void> {
    return this._call('remove', [kind, id, etag], () => {
      this._require(kind, 'delete');
      const item = this._existing(kind, id);
      this._checkUnlocked(kind, item as unknown as { periodId?: number });
      if (item.etag !== etag) {
        throw new DataError('conflict', 'Someone else changed this item since it was read.', { status: 412, current: copy(item) });
      }
      this._store[kind].delete(id);
      return undefined;
    });
  }

  public transitionReport(id: number, transition: ReportTransition, etag: string, reason?: string): Promise<Saved<IStatusReport>> {
    return this._call('transitionReport', [id, transition, etag, reason], () => {
      const report = this._existing('statusReport', id);
      this._checkUnlocked('statusReport', report);
      const state = nextReportState(report.state, transition, this._rights, reason);
      if (transition === 'submit') {
        const missing = validateStatusReportInput(
          { rag: report.rag, keyActivities: report.keyActivities, managerUpdate: report.managerUpdate, completedBy: report.completedBy, completionDate: report.completionDateAsWritten },
          true
        );
        if (missing.length > 0) {
          throw new DataError('validation', `Could not submit the report: ${missing.map((m) => m.message).join(' ')}`, { field: missing[0].field });
        }
      }
      if (report.etag !== etag) {
        throw new DataError('conflict', 'Someone else changed this item since it was read.', { status: 412, current: copy(report) });
      }
      const next: Saved<IStatusReport> = { ...report, state, returnReason: transition === 'return' ? reason : undefined, etag: bump(report.etag) };
      this._store.statusReport.set(id, next);
      return next;
    });
  }

  public createPeriod(input: INewPeriod): Promise<IPeriod> {
    return this._call('createPeriod', [input], () => {
      if (!this._rights.periods.add) {
        throw new DataError('forbidden', 'Could not set up the period: only the programme office sets up reporting periods.', { status: 403 });
      }
      const period: IPeriod = { id: Math.max(0, ...this._periods.map((p) => p.id)) + 1, title: input.title, start: parseUkDate(input.start), end: parseUkDate(input.end), state: 'Open' };
      this._periods.push(period);
      this._periods.sort((a, b) => (a.start < b.start ? -1 : 1));
      return period;
    });
  }

  public lockPeriod(periodId: number, options: ILockOptions = {}): Promise<IPeriod> {
    return this._call('lockPeriod', [periodId, options], () => {
      if (!this._rights.periods.manage) {
        throw new DataError('forbidden', 'Could not lock the period: only the programme office locks periods.', { status: 403 });
      }
      const period: IPeriod = this._periods.filter((p) => p.id === periodId)[0];
      const live: IEditablePeriodPicture = this._live(periodId);
      const notApproved = live.workstreams.filter((w) => !live.statusReports.some((r) => r.workstreamId === w.id && r.state === 'Approved'));
      if (notApproved.length > 0 && !options.allowUnapproved) {
        throw new DataError('validation', `${period.title} cannot be locked yet: these reports are not approved — ${notApproved.map((w) => w.title).join(', ')}.`);
      }
      period.state = 'Locked';
      const id: string = `snapshot-${periodId}-${this._periodHistory.length + 1}`;
      const blank = <T>(items: T[]): T[] => items.map((i) => ({ ...i, etag: '' }));
      const frozen: IEditablePeriodPicture = copy({
        ...live,
        period: { ...period },
        statusReports: blank(live.statusReports),
        sponsorComments: blank(live.sponsorComments),
        milestones: blank(live.milestones),
        risks: blank(live.risks),
        feedback: blank(live.feedback),
        snapshot: { id, takenAt: '2024-01-31T17:00:00Z', takenBy: { name: this._user.name, login: this._user.login }, sha256: '0'.repeat(64) }
      });
      this._snapshots.set(periodId, frozen);
      this._periodHistory.push({ id: this._periodHistory.length + 1, periodId, action: 'Locked', reason: options.reason, snapshotId: id, by: { name: this._user.name }, at: '2024-01-31T17:00:00Z' });
      return period;
    });
  }

  public reopenPeriod(periodId: number, reason: string): Promise<IPeriod> {
    return this._call('reopenPeriod', [periodId, reason], () => {
      if (!this._rights.periods.manage) {
        throw new DataError('forbidden', 'Could not reopen the period: only the programme office reopens periods.', { status: 403 });
      }
      if (!reason || reason.trim() === '') {
        throw new DataError('validation', 'Reason for reopening: (empty) must not be empty.', { field: 'Reason for reopening' });
      }
      const period: IPeriod = this._periods.filter((p) => p.id === periodId)[0];
      period.state = 'Open';
      this._snapshots.delete(periodId);
      this._periodHistory.push({ id: this._periodHistory.length + 1, periodId, action: 'Reopened', reason, by: { name: this._user.name }, at: '2024-02-01T09:00:00Z' });
      return period;
    });
  }

  public getPeriodHistory(periodId: number): Promise<IPeriodHistoryEntry[]> {
    return this._call('getPeriodHistory', [periodId], () => this._periodHistory.filter((h) => h.periodId === periodId));
  }

  // ---- internals -----------------------------------------------------------------------------

  private async _call<T>(method: RepositoryMethod, args: unknown[], work: () => T): Promise<T> {
    this.calls.push({ method, args: copy(args) });
    // Answer asynchronously, as the network would.
    await Promise.resolve();
    if (this._gate) {
      await this._gate;
    }
    const i: number = this._failures.findIndex((f) => f.method === undefined || f.method === method);
    if (i >= 0) {
      const failure: IFailure = this._failures.splice(i, 1)[0];
      throw failure.error;
    }
    const result: T = copy(work());
    const lost: number = this._lostAnswers.indexOf(method);
    if (lost >= 0) {
      this._lostAnswers.splice(lost, 1);
      throw new DataError('network', 'Could not save: SharePoint could not be reached. Check your connection and try again.');
    }
    return result;
  }

  private _values<K extends EntityKind>(kind: K): Array<Saved<IEntities[K]>> {
    return Array.from(this._store[kind].values()) as Array<Saved<IEntities[K]>>;
  }

  private _existing<K extends EntityKind>(kind: K, id: number): Saved<IEntities[K]> {
    const item: Saved<IEntities[K]> | undefined = this._store[kind].get(id) as Saved<IEntities[K]> | undefined;
    if (!item) {
      throw new DataError('notFound', 'That item no longer exists.', { status: 404 });
    }
    return item;
  }

  private _require(kind: EntityKind, right: 'add' | 'edit' | 'delete'): void {
    if (!this._rights[ENTITY_LISTS[kind]][right]) {
      throw new DataError('forbidden', 'You do not have permission to do that.', { status: 403, serverCode: 'System.UnauthorizedAccessException' });
    }
  }

  /** Records of a locked period cannot change (IIB feedback and risks, which span periods, can). */
  private _checkUnlocked(kind: EntityKind, item: { periodId?: number }): void {
    if (kind === 'feedback' || kind === 'risk' || item.periodId === undefined) {
      return;
    }
    const nouns: { [k in EntityKind]: string } = { statusReport: 'status report', sponsorComment: 'sponsor comments', milestone: 'milestone', risk: 'risk', feedback: 'feedback' };
    assertPeriodOpen(this._periods.filter((p) => p.id === item.periodId)[0], nouns[kind]);
  }

  /** Only a workstream's sponsor (or the programme office) writes its sponsor comments. */
  private _checkSponsor(kind: EntityKind, workstreamId: number): void {
    if (kind !== 'sponsorComment' || this._rights.sponsorComments.approve) {
      return;
    }
    const ws: IWorkstream | undefined = this._workstreams.filter((w) => w.id === workstreamId)[0];
    if (!ws || !ws.sponsor || ws.sponsor.login !== this._user.login) {
      throw new DataError('forbidden', `Only ${ws ? ws.title : 'the workstream'}'s sponsor${ws && ws.sponsor ? `, ${ws.sponsor.name},` : ''} can write its sponsor comments.`, { status: 403 });
    }
  }

  private _history(): IRagHistoryEntry[] {
    const order: Map<number, number> = new Map<number, number>(this._periods.map((p, i) => [p.id, i]));
    return this._values('statusReport')
      .slice()
      .sort((a, b) => (order.get(a.periodId) || 0) - (order.get(b.periodId) || 0) || a.workstreamId - b.workstreamId)
      .map((r) => ({ workstreamId: r.workstreamId, periodId: r.periodId, rag: r.rag, previousRag: r.previousRag }));
  }
}

