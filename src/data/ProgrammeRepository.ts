/**
 * The repository, once: everything the product decides about reading and writing the
 * programme — pictures of periods (a locked period's from its snapshot), threshold-safe queries,
 * ETags and conflicts, the reporting cycle and its rules — over a protocol transport (PnPjs or
 * Graph) that only moves records.
 */
import type { IExchangeFile } from './exchange/tables';
import { PhaseRepository } from './PhaseRepository';
import {
  applyAcknowledgements,
  checkAcknowledgementReason,
  checkReadiness,
  checkText,
  compareIsoDates,
  findingKey,
  mayAcknowledge,
  type IReadinessAcknowledgement,
  DEFAULT_RAG_DEFINITIONS,
  DomainValidationError,
  reportingOptionsOf,
  type IProgramme,
  type IReportingOptions,
  isBlank,
  mustFixBeforeApproval,
  mustFixFindings,
  parseOutcomes,
  parseUkDate,
  checkSectionName,
  sectionKeyFor,
  sortPeriods,
  byOrder,
  submitBlockers,
  type IPeriod,
  type IPhaseMembership,
  type IPerson,
  type IMilestone,
  type IPeriodPicture,
  type IReadinessFinding,
  type IStatusReport,
  type IWorkstream,
  type IIibFeedback,
  type StatusReportState,
  validateClosingNoteInput,
  validateOverviewInput,
  validateResponseInput,
  message,
  wordOf
} from '../domain';
import { acknowledgementRecord, acknowledgementsQuery, toAcknowledgement } from './acknowledgements';
import { DataError, isDataError } from './errors';
import { checkFields, fieldOf, PROGRAMME_FIELDS, WORKSTREAM_FIELDS, writeFields, type WorkstreamRow } from './fields';
import { newRequestKey, REQUEST_KEY } from './lists';
import {
  periodRecord,
  programmeRecords,
  toEntity,
  toHistoryEntry,
  toPeriod,
  toProgramme,
  toRecord,
  toWorkstream,
  workstreamRecord,
  type ListRecord,
  type PeopleLookup
} from './mapping';
import { ETAG, HISTORY_COLUMNS, assemblePicture, historyFrom, mergeRiskRecords, pictureQueries, type IPictureRecords } from './picture';
import type { IListQuery } from './query';
import {
  ENTITY_LISTS,
  type EntityChanges,
  type EntityKind,
  type ICreateOptions,
  type ICurrentUser,
  type IEditablePeriodPicture,
  type IEntities,
  type IItemVersion,
  type ILockOptions,
  type IOpenRiskSummary,
  type IOverviewChanges,
  type INewPeriod,
  type IPeriodHistoryEntry,
  type IPictureOptions,
  type IProgrammeDetails,
  type IProgrammeRepository,
  type IProgrammeSummary,
  type IRagHistoryEntry,
  type ISummaryOptions,
  type IWorkstreamInput,
  type ListKey,
  type NewEntity,
  type ReportTransition,
  type Saved,
  type UserRights,
  isProgrammeOffice
} from './repository';
import { SiteDateTransport, type ITimeZoneSource } from './siteDates';
import {
  assertFeedbackNotClosed,
  assertMayAcknowledgeFindings,
  assertFeedbackPeriodOpen,
  assertMayChangeFeedback,
  assertMayClose,
  assertMayRecordFeedback,
  assertMayRespond,
  assertMaySetUpProgramme,
  assertMaySponsor,
  assertMayWritePeriodSections,
  assertFeedbackOnRecord,
  assertPeriodOpen,
  assertReportEditable,
  BOARD_MEETING_FIELD,
  DUPLICATE_CODE,
  nextReportState,
  OVERRIDE_FIELD,
  workstreamFaults
} from './rules';
import {
  DEFINITIONS_QUERY,
  definitionRecord,
  periodTextsQuery,
  sectionsFrom,
  sectionTextRecord,
  toSectionDefinition,
  type IEditablePeriodSection,
  type ISavedSectionDefinition
} from './sections';
import { lockRecords, makeSnapshot, programmePartKey, readProgrammePart, readSnapshot, readWorkstreamPart, workstreamPartKey, type SnapshotRecord } from './snapshot';
import type { IListTransport, IReadResult, IVersionRecord, ListWrite, QuerySet, WriteOutcome } from './transport';
import { validateEntity } from './validation';


/** The refusal of an approval or a lock over must-fix findings: what they are, and the way on. */
function mustFixRefusal(refused: { doing: 'approve'; action: string } | { doing: 'lock'; period: string }, findings: IReadinessFinding[]): DataError {
  return new DataError('validation', message('mustFixFirst', { ...refused, findings: findings.map((f) => f.message) }, OVERRIDE_FIELD));
}

/** What is being done to one of a period's records, for the words of its failure ("save the risk"). */
function recordAction(doing: 'read' | 'save' | 'delete', kind: EntityKind): string {
  return wordOf(message('recordAction', { doing, what: kind }));
}

/** Records of a period's own, that its lock freezes (risks live on; IIB feedback may follow the Board). */
const PERIOD_RECORDS: ReadonlyArray<EntityKind> = ['statusReport', 'sponsorComment', 'milestone'];

/** Runs a domain check, giving its refusal as a validation DataError naming the field (by `key`, when given: the field table's). */
function asDataError<T>(check: () => T, key?: string): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof DomainValidationError) {
      throw new DataError('validation', e.message, { field: key || e.field });
    }
    throw e;
  }
}

/** The challenge log's own fields, which only Respond and Close write. */
const FEEDBACK_WORKFLOW: ReadonlyArray<string> = ['response', 'respondedBy', 'respondedAt', 'closedBy', 'closedAt', 'closingNote'];

/** A programme with nothing in it, to build records from. */
const EMPTY_PROGRAMME: IProgramme = { title: '', organisation: '', board: '', ragKeyIntroduction: '', ragDefinitions: [] };

const FIXED: QuerySet = {
  programme: { list: 'programme' },
  ragDefinitions: { list: 'ragDefinitions' },
  periods: { list: 'periods' },
  workstreams: { list: 'workstreams' }
};

/** A locked period's history (which names its last lock's snapshot) and its programme part, by key. */
function programmePartQueries(periodId: number): QuerySet {
  return {
    history: { list: 'history', filter: { anyOf: [{ column: 'ReportingPeriod', value: periodId }] } },
    parts: { list: 'snapshots', filter: { anyOf: [{ column: 'SnapshotId', value: programmePartKey(periodId) }] } }
  };
}

/** The creates of a lock's snapshot records. */
function snapshotWrites(records: SnapshotRecord[]): ListWrite[] {
  return records.map((r): ListWrite => ({ op: 'create', list: 'snapshots', record: r }));
}

/** Every item of a picture with its ETag: equal only if nothing in it changed. */
function versionsOf(picture: IEditablePeriodPicture): string {
  const tagged = (kind: string, items: Array<{ id: number; etag: string }>): string[] => items.map((i) => `${kind}${i.id}=${i.etag}`);
  return [
    ...tagged('r', picture.statusReports),
    ...tagged('c', picture.sponsorComments),
    ...tagged('m', picture.milestones),
    ...tagged('k', picture.risks),
    ...tagged('f', picture.feedback)
  ]
    .sort()
    .join(';');
}

/** An item a multi-step write made, to be removed if the whole does not complete. */
interface IWritten {
  list: ListKey;
  id: number;
  etag: string;
}

/** Notes the items the writes made (those done) in `into`. */
function noteWritten(into: IWritten[], outcomes: WriteOutcome[], list: ListKey): void {
  for (const o of outcomes) {
    if (o.done && o.record) {
      into.push({ list, id: Number(o.record.Id), etag: o.record[ETAG] === undefined ? '*' : String(o.record[ETAG]) });
    }
  }
}

/** The Period History entry recording that the programme office went ahead over must-fix findings, and why. */
function overrideEntry(periodId: number, title: string, reason: string, findings: IReadinessFinding[]): ListRecord {
  return {
    Title: title.slice(0, 255),
    ReportingPeriodId: periodId,
    PeriodAction: 'Overridden',
    Reason: `${reason.trim()}\n\nOverridden: ${findings.map((f) => f.message).join(' ')}`.slice(0, 63999)
  };
}

function randomId(): string {
  const c: { randomUUID?: () => string } | undefined = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c && c.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Small values a browser session keeps between page loads (the web part passes sessionStorage's):
 * only hints that save a round trip when right, and are checked against what is read with them —
 * never taken as the data.
 */
export interface ISessionHints {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** Options of a {@link ProgrammeRepository}. */
export interface IRepositoryOptions {
  hints?: ISessionHints;
}

/** The session hint naming the programme's latest period, whose milestones due the summary counts. */
const LATEST_PERIOD_HINT: string = 'latestPeriod';

/** The session hint naming the periods whose ratings the last windowed summary read (ids, comma-separated). */
const RATINGS_WINDOW_HINT: string = 'ratingsWindow';

/** Periods a query of ratings names at most: its $filter's "or"s stay short (a GET's URL is limited). */
const RATINGS_PER_QUERY: number = 20;

/** The queries reading every workstream's ratings in the given periods, by period (an indexed column), only the columns the ratings need. */
function ratingsQueries(periodIds: readonly number[]): QuerySet {
  const queries: QuerySet = {};
  for (let i = 0; i < periodIds.length; i += RATINGS_PER_QUERY) {
    const ids: readonly number[] = periodIds.slice(i, i + RATINGS_PER_QUERY);
    queries[`ratings${i / RATINGS_PER_QUERY}`] = { list: 'statusReports', filter: { anyOf: ids.map((id) => ({ column: 'ReportingPeriod', value: id })) }, columns: HISTORY_COLUMNS };
  }
  return queries;
}

/** The records {@link ratingsQueries} read, of the given periods only. */
function ratingsRecords(records: { [name: string]: ListRecord[] }, periodIds: readonly number[]): ListRecord[] {
  const wanted: Set<number> = new Set<number>(periodIds);
  const all: ListRecord[] = Object.keys(records)
    .filter((name) => /^ratings\d+$/.test(name))
    .reduce((found: ListRecord[], name: string) => found.concat(records[name]), []);
  return all.filter((r) => wanted.has(Number(r.ReportingPeriodId)));
}

/** The reference lists the summary reads whole: small by nature, kept for the session. */
const REFERENCE_LISTS: ListKey[] = ['programme', 'ragDefinitions', 'periods', 'workstreams'];

/** The session's copy of the reference lists, with each list's stamp when read (see {@link IReferenceKept}). */
const REFERENCE_KEPT: string = 'referenceLists';

/**
 * How long a list must have been unchanged for its items to be kept: SharePoint's stamps are to
 * the second, so a second change within the second of the read would not change the stamp. A list
 * changed within the last minute (by this browser's clock) is read whole again next time.
 */
const STAMP_SETTLED_MS: number = 60000;

/** The reference lists as a read of this session found them, and the stamp of each then. */
interface IReferenceKept {
  stamps: { [list: string]: string };
  records: { [list: string]: ListRecord[] };
}

/** Whether a list's stamp says nothing changed in it within the last {@link STAMP_SETTLED_MS}. */
function settled(stamp: string | undefined): boolean {
  if (!stamp) {
    return false;
  }
  const [modified, deleted] = stamp.split('|');
  const last: number = Math.max(Date.parse(modified), Date.parse(deleted) || 0);
  return !isNaN(last) && last < Date.now() - STAMP_SETTLED_MS;
}

/** The session hint naming the locked period whose programme part the programme view last showed. */
const PROGRAMME_PERIOD_HINT: string = 'programmePeriod';

/**
 * How long what the programme view's landing read beside the summary (its period's programme part,
 * the phases) waits for the view that asks for it: the views ask as soon as the summary is shown.
 * Later, or once taken, they are read afresh.
 */
const LANDING_KEPT_MS: number = 30000;

/** A read made beside the summary for a view that asks soon after: taken once, while fresh. */
interface ILandingRead<T> {
  at: number;
  read: Promise<T>;
}

/** A whole number above 0 from a session hint, else undefined. */
function hintedId(value: string | undefined): number | undefined {
  const id: number = Number(value);
  return value !== undefined && Number.isInteger(id) && id > 0 ? id : undefined;
}

/** A transport that says when something is written through it (before the write is sent). */
class WritesNoticed implements IListTransport {
  private readonly _inner: IListTransport;
  private readonly _onWrite: (lists: ListKey[]) => void;
  /** The inner transport's list stamps, where it has them. */
  public listStamps?: (lists: ListKey[], action: string) => Promise<{ [list: string]: string }>;

  constructor(inner: IListTransport, onWrite: (lists: ListKey[]) => void) {
    this._inner = inner;
    this._onWrite = onWrite;
    const stamps: IListTransport['listStamps'] = inner.listStamps;
    if (stamps) {
      this.listStamps = (lists: ListKey[], action: string) => stamps.call(inner, lists, action);
    }
  }

  public read(queries: QuerySet, options: { people?: boolean; action: string }): Promise<IReadResult> {
    return this._inner.read(queries, options);
  }

  public create(list: ListKey, record: ListRecord, action: string): Promise<ListRecord> {
    this._onWrite([list]);
    return this._inner.create(list, record, action);
  }

  public createMany(list: ListKey, records: ListRecord[], action: string): Promise<ListRecord[]> {
    this._onWrite([list]);
    return this._inner.createMany(list, records, action);
  }

  public update(list: ListKey, id: number, record: ListRecord, etag: string, action: string): Promise<ListRecord> {
    this._onWrite([list]);
    return this._inner.update(list, id, record, etag, action);
  }

  public writeMany(writes: ListWrite[], action: string): Promise<WriteOutcome[]> {
    this._onWrite(writes.map((w) => w.list));
    return this._inner.writeMany(writes, action);
  }

  public remove(list: ListKey, id: number, etag: string, action: string): Promise<void> {
    this._onWrite([list]);
    return this._inner.remove(list, id, etag, action);
  }

  public versions(list: ListKey, id: number, action: string): Promise<IVersionRecord[]> {
    return this._inner.versions(list, id, action);
  }

  public currentUser(): Promise<ICurrentUser> {
    return this._inner.currentUser();
  }

  public rights(): Promise<UserRights> {
    return this._inner.rights();
  }

  public people(): Promise<PeopleLookup> {
    return this._inner.people();
  }
}

/** The repository over a transport. */
export class ProgrammeRepository implements IProgrammeRepository {
  protected readonly _transport: IListTransport;
  private _periods?: IPeriod[];
  private _user?: Promise<ICurrentUser>;
  private _rights?: Promise<UserRights>;
  private readonly _picturesOnTheirWay: Map<string, Promise<IEditablePeriodPicture>> = new Map<string, Promise<IEditablePeriodPicture>>();
  /**
   * The snapshot each locked period's last lock recorded, as last read here: a period's whole
   * snapshot is then read by its id, without the programme part beside it. Checked against the
   * history read with it; read again by period when it has changed (the period relocked).
   */
  private readonly _lastLocks: Map<number, string> = new Map<number, string>();

  /** What this browser session remembers of the programme (see {@link ISessionHints}). */
  private readonly _hints?: ISessionHints;

  /** The programme part read with the summary as the programme view landed, by period. */
  private _landingPart?: ILandingRead<IEditablePeriodPicture | undefined> & { periodId: number };
  /** The phases read with the summary as the programme view landed. */
  private _landingPhases?: ILandingRead<IPhaseMembership>;

  constructor(transport: IListTransport & ITimeZoneSource, options: IRepositoryOptions = {}) {
    this._hints = options.hints;
    // Date-only columns are read and written in the site's time zone, whichever protocol.
    // A write makes any picture still on its way out of date: the next asks again.
    // What the landing read beside the summary is dropped too.
    this._transport = new WritesNoticed(new SiteDateTransport(transport), (lists: ListKey[]) => {
      this._picturesOnTheirWay.clear();
      this._landingPart = undefined;
      this._landingPhases = undefined;
      // A reference list written here is read whole next time (rather than found changed, and read after).
      if (this._hints && this._hints.get(REFERENCE_KEPT) && lists.some((l) => REFERENCE_LISTS.indexOf(l) >= 0)) {
        this._hints.set(REFERENCE_KEPT, '');
      }
    });
  }

  /**
   * The site's lists below the product's rules, dates as calendar dates: for export and import
   * (data/exchange), which move every item as it is, locked periods and snapshots included.
   */
  public listTransport(): IListTransport {
    return this._transport;
  }

  public async exportPeriod(periodId: number): Promise<IExchangeFile> {
    // Loaded when asked for: the exchange tables come with the lists' whole schema.
    const exchange = await import(/* webpackChunkName: 'ph-exchange' */ './exchange/transfer');
    return exchange.exportPeriod(this._transport, periodId);
  }

  /** What time it is, for the times the product records itself (a response, a closing): ISO UTC. */
  protected now(): string {
    return new Date().toISOString();
  }

  /** Phases of the programme and their close-down, over the same transport (issue 16). */
  public phases(): PhaseRepository {
    return new PhaseRepository(this._transport, () => this.getRights(), () => {
      const landing: ILandingRead<IPhaseMembership> | undefined = this._landingPhases;
      this._landingPhases = undefined;
      return landing && Date.now() - landing.at <= LANDING_KEPT_MS ? landing.read : undefined;
    });
  }

  // ---- who ----

  public getCurrentUser(): Promise<ICurrentUser> {
    if (!this._user) {
      this._user = this._transport.currentUser();
      this._user.catch(() => (this._user = undefined));
    }
    return this._user;
  }

  public getRights(): Promise<UserRights> {
    if (!this._rights) {
      this._rights = this._transport.rights();
      this._rights.catch(() => (this._rights = undefined));
    }
    return this._rights;
  }

  // ---- reading ----

  public async getPeriods(): Promise<IPeriod[]> {
    const { records } = await this._transport.read({ periods: { list: 'periods' } }, { action: 'read the reporting periods' });
    this._periods = sortPeriods(records.periods.map(toPeriod));
    return this._periods;
  }

  /** The latest period's id as last read here, else as the session remembers it, if either. */
  private _latestPeriodGuess(): number | undefined {
    if (this._periods) {
      const known: IPeriod | undefined = this._periods[this._periods.length - 1];
      return known ? known.id : undefined;
    }
    return hintedId(this._hints ? this._hints.get(LATEST_PERIOD_HINT) : undefined);
  }

  /** The periods known here, with one period as it has just been stored (added, or in place of the old). */
  private _knownAs(period: IPeriod): void {
    if (this._periods) {
      this._periods = sortPeriods([...this._periods.filter((p) => p.id !== period.id), period]);
    }
  }

  /** The session's copy of the reference lists, if it holds a whole one. */
  private _referenceKept(): IReferenceKept | undefined {
    try {
      const kept: Partial<IReferenceKept> = JSON.parse((this._hints && this._hints.get(REFERENCE_KEPT)) || '{}');
      const complete: boolean = !!kept.stamps && !!kept.records && REFERENCE_LISTS.every((l) => typeof kept.stamps![l] === 'string' && Array.isArray(kept.records![l]));
      return complete ? (kept as IReferenceKept) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The reference lists' records: those read with the stamps (`read`, when nothing was kept), or
   * the kept ones whose list's stamp is unchanged and the others read now (one more round trip,
   * only when a list changed). Kept again, under the stamps read before the items, when every list
   * has settled; else the copy is dropped and the next read takes them whole.
   */
  private async _referenceLists(
    stamping: Promise<{ [list: string]: string } | undefined>,
    kept: IReferenceKept | undefined,
    read: { [name: string]: ListRecord[] } | undefined,
    action: string
  ): Promise<{ [list: string]: ListRecord[] }> {
    const stamps: { [list: string]: string } = (await stamping) || {};
    let records: { [list: string]: ListRecord[] };
    if (kept) {
      const changed: ListKey[] = REFERENCE_LISTS.filter((l) => !stamps[l] || stamps[l] !== kept.stamps[l]);
      records = { ...kept.records };
      if (changed.length > 0) {
        const queries: QuerySet = {};
        for (const l of changed) {
          queries[l] = FIXED[l];
        }
        Object.assign(records, (await this._transport.read(queries, { action })).records);
      }
    } else {
      records = {};
      for (const l of REFERENCE_LISTS) {
        records[l] = (read as { [name: string]: ListRecord[] })[l];
      }
    }
    if (this._hints) {
      if (REFERENCE_LISTS.every((l) => settled(stamps[l]))) {
        this._hints.set(REFERENCE_KEPT, JSON.stringify({ stamps, records }));
      } else if (kept) {
        this._hints.set(REFERENCE_KEPT, '');
      }
    }
    return records;
  }

  /** The latest periods' ids as last read here, else as the session remembers the last window. */
  private _ratingsWindowGuess(window: number): number[] {
    if (this._periods) {
      return this._periods.slice(-window).map((p) => p.id);
    }
    const hinted: string | undefined = this._hints ? this._hints.get(RATINGS_WINDOW_HINT) : undefined;
    const ids: number[] = (hinted || '')
      .split(',')
      .map((v) => hintedId(v))
      .filter((id): id is number => id !== undefined);
    return ids.slice(-window);
  }

  private async _knownPeriods(periodId: number): Promise<IPeriod[]> {
    if (!this._periods || !this._periods.some((p) => p.id === periodId)) {
      await this.getPeriods();
    }
    const periods: IPeriod[] = this._periods as IPeriod[];
    if (!periods.some((p) => p.id === periodId)) {
      throw new DataError('notFound', `There is no reporting period ${periodId}. Someone may have deleted it.`);
    }
    return periods;
  }

  public async getProgrammeSummary(options: ISummaryOptions = {}): Promise<IProgrammeSummary> {
    const action: string = 'read the programme';
    // The programme view landing: its phases and its period's programme part go in the same
    // $batch (asked in the same turn of the event loop), each read on its own so that a failure
    // there (a site provisioned before phases) fails only the part of the view that shows it.
    let partRead: Promise<IReadResult> | undefined;
    let partPeriodId: number | undefined;
    if (options.landing) {
      const phases: Promise<IPhaseMembership> = new PhaseRepository(this._transport, () => this.getRights()).readPhases();
      phases.catch(() => undefined);
      this._landingPhases = { at: Date.now(), read: phases };
      partPeriodId = options.landing.periodId !== undefined ? options.landing.periodId : hintedId(this._hints ? this._hints.get(PROGRAMME_PERIOD_HINT) : undefined);
      if (partPeriodId !== undefined) {
        // Without the periods: the summary reads them, and says whether the period is locked.
        partRead = this._transport.read(programmePartQueries(partPeriodId), { action });
        partRead.catch(() => undefined);
      }
    }
    // Only the small columns the view shows: ratings over time, and what to count.
    // Open risks: what the counts and the risk matrix need, not the description or mitigation.
    const openRisks: IListQuery = {
      list: 'risks',
      filter: { anyOf: [{ column: 'RiskState', value: 'Open' }] },
      columns: ['Workstream', 'RiskNumber', 'Title', 'Likelihood', 'Impact', 'RiskOwner', 'SortOrder']
    };
    // The latest period's milestones due go with the rest when the latest period is known (read
    // earlier, or remembered by the session): checked against the periods read with them, and
    // read again only if the guess was wrong.
    const withRatings: boolean = options.withoutRatings !== true;
    const counts: boolean = options.ratingsOnly !== true && withRatings;
    const guess: number | undefined = counts ? this._latestPeriodGuess() : undefined;
    // Due: the period's milestones of this period (not the plans for the next), by the indexed
    // period and timing columns; those complete are left out below.
    const dueQuery = (periodId: number): IListQuery => ({
      list: 'milestones',
      filter: { anyOf: [{ column: 'ReportingPeriod', value: periodId }], allOf: [{ column: 'Timing', value: 'This period' }] },
      columns: ['Workstream', 'Timing', 'StatusCategory', 'DueDate']
    });
    // With a window, the ratings of the periods it held when last read here (or in the session)
    // go with the rest; checked against the periods read with them, the missing read after.
    // The reference lists: from the session's copy when each list's stamp (asked for first, in
    // the same $batch) is what it was; else read, with their stamps, and kept.
    const stamping: Promise<{ [list: string]: string } | undefined> | undefined =
      this._hints && this._transport.listStamps ? this._transport.listStamps(REFERENCE_LISTS, action).catch(() => undefined) : undefined;
    const kept: IReferenceKept | undefined = stamping ? this._referenceKept() : undefined;
    const window: number | undefined = options.ratingsWindow !== undefined && options.ratingsWindow > 0 ? Math.floor(options.ratingsWindow) : undefined;
    const windowGuess: number[] = window === undefined || !withRatings ? [] : this._ratingsWindowGuess(window);
    const ratings: QuerySet = !withRatings ? {} : window === undefined ? { history: { list: 'statusReports', columns: HISTORY_COLUMNS } } : ratingsQueries(windowGuess);
    const { records, people } = await this._transport.read(
      { ...(kept ? {} : FIXED), ...ratings, ...(counts ? { openRisks } : {}), ...(guess === undefined ? {} : { due: dueQuery(guess) }) },
      { people: true, action }
    );
    if (stamping) {
      Object.assign(records, await this._referenceLists(stamping, kept, kept ? undefined : records, action));
    }
    const periods: IPeriod[] = sortPeriods(records.periods.map(toPeriod));
    this._periods = periods;
    const latest: IPeriod | undefined = periods[periods.length - 1];
    // What the guesses missed — the window's other periods' ratings, the latest period's
    // milestones due — is read now, together: one more round trip, only then.
    const ratingsOf: number[] | undefined = window === undefined || !withRatings ? undefined : periods.slice(-window).map((p) => p.id);
    const missing: number[] = ratingsOf ? ratingsOf.filter((id) => windowGuess.indexOf(id) < 0) : [];
    const missed: Promise<IReadResult> | undefined = missing.length > 0 ? this._transport.read(ratingsQueries(missing), { action }) : undefined;
    const dueMissed: Promise<IReadResult> | undefined = latest && counts && latest.id !== guess ? this._transport.read({ due: dueQuery(latest.id) }, { action }) : undefined;
    if (missed) {
      missed.catch(() => undefined);
    }
    if (dueMissed) {
      dueMissed.catch(() => undefined);
    }
    let historyRecords: ListRecord[] = ratingsOf ? ratingsRecords(records, ratingsOf) : records.history || [];
    if (ratingsOf) {
      if (missed) {
        historyRecords = historyRecords.concat(ratingsRecords((await missed).records, missing));
      }
      if (this._hints) {
        this._hints.set(RATINGS_WINDOW_HINT, ratingsOf.join(','));
      }
    }
    const risksByWorkstream: { [id: number]: number } = {};
    const openRiskRecords: ListRecord[] = counts ? records.openRisks : [];
    for (const r of openRiskRecords) {
      risksByWorkstream[Number(r.WorkstreamId)] = (risksByWorkstream[Number(r.WorkstreamId)] || 0) + 1;
    }
    const openRiskScores: IOpenRiskSummary[] = openRiskRecords
      .map((record) => ({ risk: toEntity('risk', record, () => undefined), title: typeof record.Title === 'string' ? record.Title : '' }))
      .sort((a, b) => a.risk.workstreamId - b.risk.workstreamId || a.risk.order - b.risk.order || a.risk.id - b.risk.id)
      .map(({ risk, title }) => ({ id: risk.id, workstreamId: risk.workstreamId, number: risk.number, title, likelihood: risk.likelihood, impact: risk.impact, owner: risk.owner }));
    const milestonesDue: { [id: number]: number } = {};
    const milestonesDueDates: { [id: number]: string[] } = {};
    if (latest && counts) {
      if (this._hints) {
        this._hints.set(LATEST_PERIOD_HINT, String(latest.id));
      }
      const dueRecords: ListRecord[] = dueMissed ? (await dueMissed).records.due : records.due;
      for (const m of dueRecords) {
        // Due: this period's milestones not yet complete — not the plans for next period.
        const milestone: IMilestone = toEntity('milestone', m, () => undefined);
        if (milestone.timing === 'ThisPeriod' && m.StatusCategory !== 'Complete') {
          const ws: number = Number(m.WorkstreamId);
          milestonesDue[ws] = (milestonesDue[ws] || 0) + 1;
          if (milestone.dueDate) {
            (milestonesDueDates[ws] = milestonesDueDates[ws] || []).push(milestone.dueDate);
          }
        }
      }
    }
    const lookup: PeopleLookup = people as PeopleLookup;
    const partPeriod: IPeriod | undefined = periods.filter((p) => p.id === partPeriodId)[0];
    if (partRead && partPeriod && partPeriod.state === 'Locked') {
      const period: IPeriod = partPeriod;
      const picture: Promise<IEditablePeriodPicture | undefined> = partRead.then(async (read) => {
        const fromPart = await this._partPicture(period, periods, read.records, lookup);
        return fromPart === 'reopened' ? undefined : fromPart;
      });
      picture.catch(() => undefined);
      this._landingPart = { at: Date.now(), periodId: period.id, read: picture };
    }
    return {
      programme: toProgramme(records.programme[0], records.ragDefinitions),
      programmeEtag: records.programme[0] ? String(records.programme[0][ETAG]) : undefined,
      periods,
      workstreams: records.workstreams.map((r) => toWorkstream(r, lookup)).sort(byOrder),
      history: withRatings ? historyFrom(historyRecords) : [],
      ...(ratingsOf === undefined ? {} : { ratingsOf }),
      openRisks: risksByWorkstream,
      openRiskScores,
      milestonesDue,
      milestonesDueDates,
      ...(counts ? {} : { countsLeftOut: true }),
      ...(withRatings ? {} : { ratingsLeftOut: true })
    };
  }

  /**
   * A period's picture. Views on one screen that ask for the same picture at once (the office's
   * cycle view, the paper's sections, key risks) share one read while it is on its way.
   */
  public getPeriodPicture(periodId: number, options: IPictureOptions = {}): Promise<IEditablePeriodPicture> {
    const whole: string = `${periodId}:${options.workstreamId === undefined ? '' : options.workstreamId}`;
    // Only a period known to be locked has a programme part; an open one is read whole, and
    // shared with the programme office's cycle view reading the same.
    const known: IPeriod | undefined = this._periods ? this._periods.filter((p) => p.id === periodId)[0] : undefined;
    const programmeOnly: boolean = options.programmeOnly === true && options.workstreamId === undefined && !!known && known.state === 'Locked';
    const key: string = programmeOnly ? `${periodId}:programme` : whole;
    if (programmeOnly && this._hints) {
      this._hints.set(PROGRAMME_PERIOD_HINT, String(periodId));
    }
    const landing = this._landingPart;
    if (programmeOnly && landing && landing.periodId === periodId) {
      this._landingPart = undefined;
      if (Date.now() - landing.at <= LANDING_KEPT_MS) {
        // Read with the summary; a part that is not there (locked before parts, or reopened) is read as ever.
        return this._onItsWay(key, landing.read.then((picture) => picture || this._readPicture(periodId, { programmeOnly })));
      }
    }
    // The programme's parts come with the whole programme's picture when that is on its way.
    const pending: Promise<IEditablePeriodPicture> | undefined = this._picturesOnTheirWay.get(key) || (programmeOnly ? this._picturesOnTheirWay.get(whole) : undefined);
    if (pending) {
      return pending;
    }
    return this._onItsWay(key, this._readPicture(periodId, { workstreamId: options.workstreamId, programmeOnly }));
  }

  /** A picture being read, kept under its key for the views that ask for it meanwhile, until it settles. */
  private _onItsWay(key: string, reading: Promise<IEditablePeriodPicture>): Promise<IEditablePeriodPicture> {
    this._picturesOnTheirWay.set(key, reading);
    const settled = (): void => {
      if (this._picturesOnTheirWay.get(key) === reading) {
        this._picturesOnTheirWay.delete(key);
      }
    };
    reading.then(settled, settled);
    return reading;
  }

  private async _readPicture(periodId: number, options: IPictureOptions): Promise<IEditablePeriodPicture> {
    const periods: IPeriod[] = await this._knownPeriods(periodId);
    const period: IPeriod = periods.filter((p) => p.id === periodId)[0];
    if (period.state === 'Locked') {
      const locked: IEditablePeriodPicture | undefined = await this._lockedPicture(period, options);
      if (locked) {
        return locked;
      }
      // The period was reopened since the periods were read: the live data, below.
    }
    const live: IEditablePeriodPicture = await this._livePicture(periodId, options);
    const now: IPeriod | undefined = live.periods.filter((p) => p.id === periodId)[0];
    if (period.state !== 'Locked' && now && now.state === 'Locked') {
      // Locked (by someone else, or another page) since the periods were last read here: what the
      // Board saw is the snapshot, not the lists as they are now. One more read, only in that race.
      const locked: IEditablePeriodPicture | undefined = await this._lockedPicture(now, options);
      if (locked) {
        return locked;
      }
    }
    return live;
  }

  /** A locked period from its programme part (when only the programme is asked for) or its whole snapshot; undefined when it has been reopened. */
  private async _lockedPicture(period: IPeriod, options: IPictureOptions): Promise<IEditablePeriodPicture | undefined> {
    if (options.programmeOnly === true && options.workstreamId === undefined) {
      const fromPart: IEditablePeriodPicture | 'reopened' | undefined = await this._programmePart(period);
      if (fromPart === 'reopened') {
        return undefined;
      }
      if (fromPart) {
        return fromPart;
      }
      // Locked before programme parts were written: from the whole snapshot.
    }
    return this._snapshotPicture(period, options);
  }

  /** The period as it is in the lists now. */
  private async _livePicture(periodId: number, options: IPictureOptions = {}): Promise<IEditablePeriodPicture> {
    const periods: IPeriod[] = await this._knownPeriods(periodId);
    const { records, people } = await this._transport.read({ ...FIXED, ...pictureQueries(periods, periodId, options) }, { people: true, action: 'read the period' });
    const picture: IEditablePeriodPicture = assemblePicture(mergeRiskRecords(records) as unknown as IPictureRecords, periodId, people as PeopleLookup, options);
    this._periods = picture.periods;
    return picture;
  }

  /**
   * A locked period as its report went to the Board, from the snapshot its last lock recorded;
   * undefined when the period turns out to be open now.
   */
  private async _snapshotPicture(period: IPeriod, options: IPictureOptions): Promise<IEditablePeriodPicture | undefined> {
    const byPeriod = { anyOf: [{ column: 'ReportingPeriod', value: period.id }] };
    // By the last lock's snapshot id when known here (not the programme part beside it), else by period.
    const knownLock: string | undefined = this._lastLocks.get(period.id);
    const bySnapshot = knownLock === undefined ? byPeriod : { anyOf: [{ column: 'SnapshotId', value: knownLock }] };
    // One workstream's view reads its workstream's part (by its key, whichever lock wrote it), not
    // the whole snapshot; a period whose last lock wrote none (locked before there were parts, or
    // imported) is read whole, one round trip later.
    const wanted: number | undefined = options.workstreamId;
    const { records, people } = await this._transport.read(
      {
        periods: { list: 'periods' },
        ...(wanted === undefined
          ? { snapshots: { list: 'snapshots', filter: bySnapshot } }
          : { parts: { list: 'snapshots', filter: { anyOf: [{ column: 'SnapshotId', value: workstreamPartKey(period.id, wanted) }] } } }),
        history: { list: 'history', filter: byPeriod },
        // IIB feedback follows the Board's meeting, so it is read live, not from the snapshot.
        feedback: { list: 'feedback', filter: options.workstreamId === undefined ? byPeriod : { ...byPeriod, allOf: [{ column: 'Workstream', value: options.workstreamId }] } },
        // Challenges raised later about this period, in the open period's log.
        feedbackAbout: {
          list: 'feedback',
          filter: { anyOf: [{ column: 'AboutPeriod', value: period.id }], allOf: options.workstreamId === undefined ? [] : [{ column: 'Workstream', value: options.workstreamId }] }
        },
        // What the programme office acknowledged: frozen with the period, so read as it stands.
        acknowledgements: acknowledgementsQuery(period.id)
      },
      { people: true, action: `read what ${period.title} reported` }
    );
    const periods: IPeriod[] = sortPeriods(records.periods.map(toPeriod));
    this._periods = periods;
    const now: IPeriod | undefined = periods.filter((p) => p.id === period.id)[0];
    if (!now || now.state !== 'Locked') {
      return undefined;
    }
    const locks: IPeriodHistoryEntry[] = records.history
      .map((r) => toHistoryEntry(r, people as PeopleLookup))
      .filter((h) => h.action === 'Locked' && h.snapshotId)
      .sort((a, b) => a.id - b.id);
    const lock: IPeriodHistoryEntry | undefined = locks[locks.length - 1];
    if (!lock) {
      throw new DataError('unknown', `The record of what ${period.title} reported to the Board is missing. The programme office should reopen and lock the period again to make a new one.`);
    }
    if (wanted === undefined && knownLock !== undefined && lock.snapshotId !== knownLock) {
      // Locked again since: read by period.
      this._lastLocks.delete(period.id);
      return this._snapshotPicture(period, options);
    }
    this._lastLocks.set(period.id, lock.snapshotId as string);
    const lockId: string = lock.snapshotId as string;
    const part = wanted === undefined ? undefined : await readWorkstreamPart(records.parts, lockId, wanted, period.title);
    const { picture, sha256 } =
      part ||
      (await readSnapshot(
        wanted === undefined
          ? records.snapshots
          : (await this._transport.read({ snapshots: { list: 'snapshots', filter: { anyOf: [{ column: 'SnapshotId', value: lockId }] } } }, { action: `read what ${period.title} reported` })).records.snapshots,
        lockId,
        period.title
      ));
    const only = <T extends { workstreamId: number }>(items: T[]): T[] => (options.workstreamId === undefined ? items : items.filter((i) => i.workstreamId === options.workstreamId));
    const noEtag = <T>(items: T[]): Array<T & { etag: string }> => items.map((i) => ({ ...i, etag: '' }));
    return {
      ...picture,
      period: now,
      periods,
      workstreams: options.workstreamId === undefined ? picture.workstreams : picture.workstreams.filter((w) => w.id === options.workstreamId),
      statusReports: noEtag(only(picture.statusReports)),
      previousStatusReports: only(picture.previousStatusReports),
      sponsorComments: noEtag(only(picture.sponsorComments)),
      milestones: noEtag(only(picture.milestones)),
      previousMilestones: only(picture.previousMilestones),
      risks: noEtag(only(picture.risks)),
      feedback: [...records.feedback, ...records.feedbackAbout.filter((r) => !records.feedback.some((f) => f.Id === r.Id))]
        .map((r) => this._saved('feedback', r, people as PeopleLookup))
        .filter((f) => f.periodId === period.id || f.aboutPeriodId === period.id)
        .sort((a, b) => a.id - b.id),
      snapshot: { id: lock.snapshotId as string, takenAt: lock.at, takenBy: lock.by, sha256 },
      acknowledgements: this._acknowledgements(records.acknowledgements, people as PeopleLookup)
    };
  }

  /**
   * What the programme view shows of a locked period — programme, period, workstreams, risks and
   * sections — from the programme part its last lock stored beside the whole snapshot, read in
   * one round trip with the period's history (which names that lock's snapshot). 'reopened' when
   * the period turns out to be open now; undefined when its last lock stored no part (locked
   * before there were parts): the whole snapshot is then read.
   */
  private async _programmePart(period: IPeriod): Promise<IEditablePeriodPicture | 'reopened' | undefined> {
    const { records, people } = await this._transport.read(
      { periods: { list: 'periods' }, ...programmePartQueries(period.id) },
      { people: true, action: `read what ${period.title} reported` }
    );
    const periods: IPeriod[] = sortPeriods(records.periods.map(toPeriod));
    this._periods = periods;
    return this._partPicture(period, periods, records, people as PeopleLookup);
  }

  /** The programme view's picture of a locked period from its history and programme part, as read with the periods. */
  private async _partPicture(period: IPeriod, periods: IPeriod[], records: { [name: string]: ListRecord[] }, people: PeopleLookup): Promise<IEditablePeriodPicture | 'reopened' | undefined> {
    const now: IPeriod | undefined = periods.filter((p) => p.id === period.id)[0];
    if (!now || now.state !== 'Locked') {
      return 'reopened';
    }
    const lock: IPeriodHistoryEntry | undefined = records.history
      .map((r) => toHistoryEntry(r, people as PeopleLookup))
      .filter((h) => h.action === 'Locked' && h.snapshotId)
      .sort((a, b) => a.id - b.id)
      .pop();
    if (!lock) {
      // No lock recorded: the whole snapshot's reading says so.
      return undefined;
    }
    this._lastLocks.set(period.id, lock.snapshotId as string);
    const part = await readProgrammePart(records.parts, lock.snapshotId as string, period.title);
    if (!part) {
      return undefined;
    }
    const { picture } = part;
    return {
      programme: picture.programme,
      period: now,
      periods,
      workstreams: picture.workstreams,
      statusReports: [],
      previousStatusReports: [],
      sponsorComments: [],
      milestones: [],
      previousMilestones: [],
      risks: picture.risks.map((r) => ({ ...r, etag: '' })),
      feedback: [],
      sections: picture.sections,
      // The whole snapshot the part was cut from: the same record of what the Board saw.
      snapshot: { id: lock.snapshotId as string, takenAt: lock.at, takenBy: lock.by, sha256: part.sha256 }
    };
  }

  public async getRagHistory(workstreamId: number): Promise<IRagHistoryEntry[]> {
    const { records } = await this._transport.read({ history: { list: 'statusReports', filter: { anyOf: [{ column: 'Workstream', value: workstreamId }] }, columns: HISTORY_COLUMNS } }, { action: 'read the RAG history' });
    return historyFrom(records.history);
  }

  public async getRatings(periodIds: readonly number[]): Promise<IRagHistoryEntry[]> {
    const ids: number[] = periodIds.filter((id, i) => periodIds.indexOf(id) === i);
    if (ids.length === 0) {
      return [];
    }
    const { records } = await this._transport.read(ratingsQueries(ids), { action: 'read the ratings' });
    return historyFrom(ratingsRecords(records, ids));
  }

  public async getPeriodHistory(periodId: number): Promise<IPeriodHistoryEntry[]> {
    const { records, people } = await this._transport.read(
      { history: { list: 'history', filter: { anyOf: [{ column: 'ReportingPeriod', value: periodId }] } } },
      { people: true, action: "read the period's history" }
    );
    return records.history.map((r) => toHistoryEntry(r, people as PeopleLookup)).sort((a, b) => a.id - b.id);
  }

  private _saved<K extends EntityKind>(kind: K, record: ListRecord, people: PeopleLookup): Saved<IEntities[K]> {
    return { ...toEntity(kind, record, people), etag: String(record[ETAG]) } as Saved<IEntities[K]>;
  }

  public async get<K extends EntityKind>(kind: K, id: number): Promise<Saved<IEntities[K]>> {
    const action: string = recordAction('read', kind);
    const { records, people } = await this._transport.read({ item: { list: ENTITY_LISTS[kind], id } }, { people: true, action });
    if (records.item.length === 0) {
      throw new DataError('notFound', message('recordGone', { action }), { status: 404 });
    }
    return this._saved(kind, records.item[0], people as PeopleLookup);
  }

  // ---- writing ----

  /** What a write must know to be checked: the periods, the item as it is, its workstream, who and their rights. */
  private async _writeContext(
    kind: EntityKind,
    action: string,
    id?: number,
    workstreamId?: number,
    withWorkstream: boolean = false
  ): Promise<{
    periods: IPeriod[];
    current?: ListRecord;
    workstream?: IWorkstream;
    user: ICurrentUser;
    rights: UserRights;
    people: PeopleLookup;
    reporting?: IReportingOptions;
  }> {
    const queries: QuerySet = { periods: { list: 'periods' } };
    // What a status report needs depends on what the programme reports (its options): read in
    // the same round trip.
    if (kind === 'statusReport') {
      queries.programme = { list: 'programme' };
    }
    if (id !== undefined) {
      queries.current = { list: ENTITY_LISTS[kind], id };
    }
    // A sponsor's rights depend on the workstream; a new status report is titled by it.
    if (withWorkstream || kind === 'sponsorComment' || (kind === 'statusReport' && id === undefined)) {
      queries.workstreams = { list: 'workstreams' };
    }
    const [read, user, rights] = await Promise.all([this._transport.read(queries, { people: true, action }), this.getCurrentUser(), this.getRights()]);
    const periods: IPeriod[] = sortPeriods(read.records.periods.map(toPeriod));
    this._periods = periods;
    const current: ListRecord | undefined = read.records.current ? read.records.current[0] : undefined;
    if (id !== undefined && !current) {
      throw new DataError('notFound', message('recordGone', { action }), { status: 404 });
    }
    const wsId: number | undefined = workstreamId !== undefined ? workstreamId : current ? Number(current.WorkstreamId) : undefined;
    const workstream: IWorkstream | undefined =
      read.records.workstreams && wsId !== undefined
        ? read.records.workstreams.map((r) => toWorkstream(r, read.people as PeopleLookup)).filter((w) => w.id === wsId)[0]
        : undefined;
    const reporting: IReportingOptions | undefined = read.records.programme ? reportingOptionsOf(toProgramme(read.records.programme[0], [])) : undefined;
    return { periods, current, workstream, user, rights, people: read.people as PeopleLookup, reporting };
  }

  /** The rules every write of an entity must pass; `periodIds` are the periods it is in and will be in. */
  private _check(kind: EntityKind, ctx: { periods: IPeriod[]; workstream?: IWorkstream; user: ICurrentUser; rights: UserRights }, periodIds: Array<number | undefined>): void {
    if (PERIOD_RECORDS.indexOf(kind) >= 0) {
      for (const pid of periodIds) {
        if (pid !== undefined) {
          assertPeriodOpen(ctx.periods.filter((p) => p.id === pid)[0], kind);
        }
      }
    }
    if (kind === 'sponsorComment') {
      assertMaySponsor(ctx.user, ctx.workstream, ctx.rights);
    }
  }

  /**
   * A new status report's Title, "GOV – November/December 2023": what SharePoint's own list views
   * and forms show for the item (the seeded reports read the same).
   */
  private _titleOf(kind: EntityKind, ctx: { periods: IPeriod[]; workstream?: IWorkstream }, periodId: number | undefined): ListRecord {
    if (kind !== 'statusReport' || !ctx.workstream) {
      return {};
    }
    const period: IPeriod | undefined = ctx.periods.filter((p) => p.id === periodId)[0];
    return { Title: period ? `${ctx.workstream.code} – ${period.title}` : ctx.workstream.code };
  }

  public async create<K extends EntityKind>(kind: K, value: NewEntity<K>, options: ICreateOptions = {}): Promise<Saved<IEntities[K]>> {
    validateEntity(kind, value);
    const action: string = recordAction('save', kind);
    const v = value as unknown as { periodId?: number; workstreamId: number; state?: StatusReportState };
    const ctx = await this._writeContext(kind, action, undefined, v.workstreamId);
    this._check(kind, ctx, [v.periodId]);
    if (kind === 'feedback') {
      assertMayRecordFeedback(ctx.rights);
      this._checkNewFeedback(value as unknown as NewEntity<'feedback'>, ctx.periods);
    }
    if (kind === 'statusReport' && v.state && v.state !== 'Draft') {
      assertReportEditable(v.state, ctx.rights);
    }
    const list: ListKey = ENTITY_LISTS[kind];
    const key: string = options.requestKey === undefined ? newRequestKey() : options.requestKey;
    if (key === '' || key.length > 64) {
      throw new Error(`A request key has 1 to 64 characters; this one has ${key.length}.`);
    }
    let stored: ListRecord;
    try {
      stored = await this._transport.create(list, { ...toRecord(kind, value), ...this._titleOf(kind, ctx, v.periodId), [REQUEST_KEY]: key }, action);
    } catch (e) {
      const earlier: ListRecord | undefined = await this._createdEarlier(list, key, e, action);
      if (!earlier) {
        throw e;
      }
      stored = earlier;
    }
    return this._saved(kind, stored, ctx.people);
  }

  /**
   * After a failed create, the item an earlier attempt with the same key made, if there is one:
   * the answer to that attempt was lost, and SharePoint now refuses the key as a duplicate value.
   */
  private async _createdEarlier(list: ListKey, key: string, failure: unknown, action: string): Promise<ListRecord | undefined> {
    // A duplicate key is a 400 from SharePoint REST and a 409 (a conflict) from Graph.
    if (!isDataError(failure) || ['validation', 'conflict', 'unknown', 'network'].indexOf(failure.kind) < 0) {
      return undefined;
    }
    try {
      const { records } = await this._transport.read({ made: { list, filter: { anyOf: [{ column: REQUEST_KEY, value: key }] } } }, { action });
      return records.made[0];
    } catch {
      return undefined;
    }
  }

  public async update<K extends EntityKind>(kind: K, id: number, changes: EntityChanges<K>, etag: string): Promise<Saved<IEntities[K]>> {
    validateEntity(kind, changes, true);
    const action: string = recordAction('save', kind);
    const ctx = await this._writeContext(kind, action, id);
    const current = toEntity(kind, ctx.current as ListRecord, ctx.people) as unknown as { periodId?: number; state?: StatusReportState };
    const next = changes as unknown as { periodId?: number; state?: StatusReportState };
    this._check(kind, ctx, [current.periodId, next.periodId]);
    if (kind === 'feedback') {
      assertMayChangeFeedback(ctx.user, current as { author?: { id?: number; name: string } }, ctx.rights);
      assertFeedbackNotClosed(current as { closedAt?: string });
      assertFeedbackOnRecord(ctx.periods.filter((p) => p.id === current.periodId)[0], 'change');
      const outside: string[] = FEEDBACK_WORKFLOW.filter((k) => (changes as { [key: string]: unknown })[k] !== undefined);
      if (outside.length > 0) {
        throw new DataError('validation', message('workflowNotByEditing', {}, 'response'));
      }
    }
    if (kind === 'statusReport') {
      if (next.state !== undefined && next.state !== current.state) {
        throw new DataError('validation', message('stateNotByEditing', {}, 'state'));
      }
      assertReportEditable(current.state as StatusReportState, ctx.rights);
    }
    return this._write(kind, id, toRecord(kind, changes), etag, action, ctx.people);
  }

  private async _write<K extends EntityKind>(kind: K, id: number, record: ListRecord, etag: string, action: string, people: PeopleLookup): Promise<Saved<IEntities[K]>> {
    try {
      return this._saved(kind, await this._transport.update(ENTITY_LISTS[kind], id, record, etag, action), people);
    } catch (e) {
      throw this._withCurrent(kind, e, people);
    }
  }

  /** A conflict's current version, as a domain object the user can compare with theirs. */
  private _withCurrent(kind: EntityKind, e: unknown, people: PeopleLookup): unknown {
    if (isDataError(e, 'conflict') && e.current) {
      return new DataError('conflict', e.detail || e.message, { status: e.status, current: this._saved(kind, e.current as ListRecord, people), serverCode: e.serverCode, serverMessage: e.serverMessage });
    }
    return e;
  }

  public async remove(kind: EntityKind, id: number, etag: string): Promise<void> {
    const action: string = recordAction('delete', kind);
    const ctx = await this._writeContext(kind, action, id);
    const current = toEntity(kind, ctx.current as ListRecord, ctx.people) as unknown as { periodId?: number; state?: StatusReportState };
    this._check(kind, ctx, [current.periodId]);
    if (kind === 'feedback') {
      assertMayChangeFeedback(ctx.user, current as { author?: { id?: number; name: string } }, ctx.rights);
      // A closed challenge stays on record as it was closed; a locked period's, as it went to the Board.
      assertFeedbackNotClosed(current as { closedAt?: string });
      assertFeedbackOnRecord(ctx.periods.filter((p) => p.id === current.periodId)[0], 'delete');
    }
    if (kind === 'statusReport') {
      assertReportEditable(current.state as StatusReportState, ctx.rights);
    }
    try {
      await this._transport.remove(ENTITY_LISTS[kind], id, etag, action);
    } catch (e) {
      throw this._withCurrent(kind, e, ctx.people);
    }
  }

  /** The rules of a new challenge or feedback: an open period's log, about an earlier period if any, no response yet. */
  private _checkNewFeedback(value: NewEntity<'feedback'>, periods: IPeriod[]): void {
    const period: IPeriod | undefined = periods.filter((p) => p.id === value.periodId)[0];
    assertFeedbackPeriodOpen(period);
    if (FEEDBACK_WORKFLOW.some((k) => (value as unknown as { [key: string]: unknown })[k] !== undefined)) {
      throw new DataError('validation', message('newChallengeAnswered', {}, 'response'));
    }
    if (value.aboutPeriodId !== undefined) {
      const about: IPeriod | undefined = periods.filter((p) => p.id === value.aboutPeriodId)[0];
      if (!about) {
        throw new DataError('validation', message('noAboutPeriod', { periodId: Number(value.aboutPeriodId) }, 'aboutPeriodId'));
      }
      if (about.id === value.periodId || (period && compareIsoDates(about.start, period.start) >= 0)) {
        throw new DataError('validation', message('aboutEarlierPeriod', { period: about.title }, 'aboutPeriodId'));
      }
    }
  }

  // ---- the IIB challenge log ----

  public async getFeedbackHistory(id: number): Promise<Array<IItemVersion<IIibFeedback>>> {
    const action: string = "read the challenge's history";
    const [versions, people] = await Promise.all([this._transport.versions('feedback', id, action), this._transport.people()]);
    return versions.map((v: IVersionRecord) => ({
      label: v.label,
      at: v.at,
      by: v.editorId !== undefined ? people(v.editorId) || { id: v.editorId, name: v.editorName || `User ${v.editorId}` } : v.editorName ? { name: v.editorName } : undefined,
      current: v.current,
      value: toEntity('feedback', { ...v.record, Id: id }, people)
    }));
  }

  public async respondToChallenge(id: number, response: string, etag: string): Promise<Saved<IIibFeedback>> {
    const action: string = 'save the response';
    const bad = validateResponseInput(response)[0];
    if (bad) {
      throw new DataError('validation', bad.message, { field: bad.key || bad.field });
    }
    const ctx = await this._writeContext('feedback', action, id, undefined, true);
    const current: IIibFeedback = toEntity('feedback', ctx.current as ListRecord, ctx.people);
    assertMayRespond(ctx.user, current, ctx.workstream);
    return this._write(
      'feedback',
      id,
      { Response: response, RespondedById: ctx.user.id, RespondedAt: this.now() },
      etag,
      action,
      ctx.people
    );
  }

  public async closeChallenge(id: number, note: string | undefined, etag: string): Promise<Saved<IIibFeedback>> {
    const action: string = 'close the challenge';
    const bad = validateClosingNoteInput(note)[0];
    if (bad) {
      throw new DataError('validation', bad.message, { field: bad.key || bad.field });
    }
    const ctx = await this._writeContext('feedback', action, id);
    const current: IIibFeedback = toEntity('feedback', ctx.current as ListRecord, ctx.people);
    assertMayClose(current, ctx.rights);
    return this._write(
      'feedback',
      id,
      { ClosedById: ctx.user.id, ClosedAt: this.now(), ClosingNote: isBlank(note) ? null : (note as string) },
      etag,
      action,
      ctx.people
    );
  }

  // ---- the period's overview ----

  public async getPeriod(periodId: number): Promise<Saved<IPeriod>> {
    const record: ListRecord = await this._periodRecord(periodId, 'read the period');
    return { ...toPeriod(record), etag: String(record[ETAG]) };
  }

  public async updateOverview(periodId: number, changes: IOverviewChanges, etag: string): Promise<Saved<IPeriod>> {
    const action: string = "save the period's overview";
    const bad = validateOverviewInput({ overview: changes.overview, overviewAuthor: changes.overviewAuthor, overallRag: changes.overallRag })[0];
    if (bad) {
      throw new DataError('validation', bad.message, { field: bad.key || bad.field });
    }
    const rights: UserRights = await this.getRights();
    if (!isProgrammeOffice(rights)) {
      throw new DataError('forbidden', message('overviewForbidden', {}), { code: 'notProgrammeOffice' });
    }
    const record: ListRecord = await this._periodRecord(periodId, action);
    assertPeriodOpen(toPeriod(record), 'overview');
    let written: ListRecord;
    try {
      written = await this._transport.update(
        'periods',
        periodId,
        periodRecord({ overview: changes.overview, overviewAuthor: isBlank(changes.overviewAuthor) ? undefined : (changes.overviewAuthor as string).trim(), overallRag: changes.overallRag }),
        etag,
        action
      );
    } catch (e) {
      if (isDataError(e, 'conflict') && e.current) {
        const theirs: ListRecord = e.current as ListRecord;
        throw new DataError('conflict', e.detail || e.message, { status: e.status, current: { ...toPeriod(theirs), etag: String(theirs[ETAG]) }, serverCode: e.serverCode, serverMessage: e.serverMessage });
      }
      throw e;
    }
    await this.getPeriods();
    return { ...toPeriod(written), etag: String(written[ETAG]) };
  }

  // ---- the reporting cycle ----

  public async transitionReport(id: number, transition: ReportTransition, etag: string, reason?: string): Promise<Saved<IStatusReport>> {
    const action: string = `${transition === 'return' ? 'send back' : transition} the status report`;
    const ctx = await this._writeContext('statusReport', action, id);
    const current: IStatusReport = toEntity('statusReport', ctx.current as ListRecord, ctx.people);
    this._check('statusReport', ctx, [current.periodId]);
    const state: StatusReportState = nextReportState(current.state, transition, ctx.rights, reason);
    if (transition === 'submit') {
      const missing = submitBlockers(current, ctx.reporting);
      if (missing.length > 0) {
        throw new DataError('validation', message('submitBlocked', { faults: missing.map((m) => m.message) }), { field: missing[0].key || missing[0].field });
      }
    }
    if (reason !== undefined) {
      const bad = checkText(transition === 'approve' ? OVERRIDE_FIELD : 'Reason sent back', reason);
      if (bad) {
        throw new DataError('validation', bad.message, { field: bad.field });
      }
    }
    const overridden: IReadinessFinding[] = transition === 'approve' ? await this._mustFix(current, reason, action) : [];
    const changes: Partial<IStatusReport> = { state, returnReason: transition === 'return' ? reason : undefined };
    const written: Saved<IStatusReport> = await this._write('statusReport', id, toRecord('statusReport', changes), etag, action, ctx.people);
    if (overridden.length > 0) {
      const period: IPeriod | undefined = (this._periods || []).filter((p) => p.id === current.periodId)[0];
      try {
        await this._recordOverride(current.periodId, `${period ? period.title : 'Report'}: report approved over findings`, reason as string, overridden, action);
      } catch (e) {
        // The approval stands only with its record: put the report back as it was.
        await this._transport.update('statusReports', id, toRecord('statusReport', { state: current.state }), written.etag, action).catch(() => undefined);
        throw e;
      }
    }
    return written;
  }

  /**
   * The must-fix findings an approval would go over. Refuses the approval when there are some
   * and no reason was given; returns them (to be recorded) when a reason was.
   */
  private async _mustFix(report: IStatusReport, reason: string | undefined, action: string): Promise<IReadinessFinding[]> {
    const picture: IPeriodPicture = await this._livePicture(report.periodId, { workstreamId: report.workstreamId });
    const findings: IReadinessFinding[] = mustFixBeforeApproval(picture, report.workstreamId);
    if (findings.length > 0 && isBlank(reason)) {
      throw mustFixRefusal({ doing: 'approve', action }, findings);
    }
    return findings;
  }

  /** Records in Period History that the programme office went ahead over must-fix findings, and why. */
  private async _recordOverride(periodId: number, title: string, reason: string, findings: IReadinessFinding[], action: string): Promise<void> {
    await this._transport.create('history', overrideEntry(periodId, title, reason, findings), action);
  }

  /**
   * Sets up or changes the programme's details and what it reports (the programme office only).
   * On a site with no programme yet it creates the Programme item and, when the RAG key is empty,
   * the default definitions of the levels; otherwise it changes the item against its ETag, so a
   * change someone made meanwhile is refused as a conflict, never overwritten.
   * @param etag - the ETag the programme was read with; none for a site with no programme.
   */
  public async saveProgramme(details: IProgrammeDetails, etag?: string): Promise<Saved<IProgramme>> {
    const action: string = 'save the programme';
    const rights: UserRights = await this.getRights();
    if (!isProgrammeOffice(rights) || !rights.programme.edit) {
      throw new DataError('forbidden', message('programmeForbidden', {}));
    }
    // The details as the Programme list's field table checks them (its title, organisation, board and RAG key's introduction).
    const bad = checkFields(PROGRAMME_FIELDS, { title: details.title, organisation: details.organisation, board: details.board, ragKeyIntroduction: details.ragKeyIntroduction }, true)[0];
    if (bad) {
      throw new DataError('validation', bad.message, { field: bad.key || bad.field });
    }
    const { records } = await this._transport.read({ programme: { list: 'programme' }, ragDefinitions: { list: 'ragDefinitions' } }, { action });
    const existing: ListRecord | undefined = records.programme[0];
    // What the caller did not give keeps its saved value (a new programme's is empty, or reported):
    // saving the title alone never wipes the board, the RAG key's introduction or the options.
    const saved: IProgramme | undefined = existing ? toProgramme(existing, records.ragDefinitions) : undefined;
    const given: Partial<IReportingOptions> = {};
    for (const [key, value] of Object.entries(details.reporting || {}) as Array<[keyof IReportingOptions, unknown]>) {
      if (value !== undefined && value !== null) {
        (given as Record<string, unknown>)[key] = value;
      }
    }
    const reporting: IReportingOptions = reportingOptionsOf({ reporting: { ...reportingOptionsOf(saved), ...given } });
    const kept = (value: string | undefined, was: string | undefined): string => (value === undefined ? was || '' : value);
    const { programme: record } = programmeRecords({
      title: details.title.trim(),
      organisation: kept(details.organisation, saved && saved.organisation).trim(),
      board: kept(details.board, saved && saved.board).trim(),
      ragKeyIntroduction: kept(details.ragKeyIntroduction, saved && saved.ragKeyIntroduction),
      ragDefinitions: [],
      reporting
    });
    let written: ListRecord;
    if (existing) {
      if (etag === undefined) {
        throw new DataError('validation', message('programmeSetUpAlready', {}));
      }
      try {
        written = await this._transport.update('programme', Number(existing.Id), record, etag, action);
      } catch (e) {
        // Someone saved the programme first: their version, as the domain's, to show beside the user's.
        throw this._sectionConflict(e, (r: ListRecord) => ({ ...toProgramme(r, records.ragDefinitions), etag: String(r[ETAG]) }));
      }
    } else {
      written = await this._transport.create('programme', record, action);
      if (records.ragDefinitions.length === 0) {
        for (const d of programmeRecords({ ...EMPTY_PROGRAMME, ragDefinitions: [...DEFAULT_RAG_DEFINITIONS] }).definitions) {
          await this._transport.create('ragDefinitions', d, action);
        }
      }
    }
    const definitions: ListRecord[] = records.ragDefinitions.length > 0 || existing ? records.ragDefinitions : programmeRecords({ ...EMPTY_PROGRAMME, ragDefinitions: [...DEFAULT_RAG_DEFINITIONS] }).definitions;
    return { ...toProgramme({ ...record, ...written }, definitions), etag: String(written[ETAG]) };
  }

  public async getWorkstreams(): Promise<Array<Saved<IWorkstream>>> {
    const { records, people } = await this._transport.read({ workstreams: { list: 'workstreams' } }, { people: true, action: 'read the workstreams' });
    return this._savedWorkstreams(records.workstreams, people as PeopleLookup);
  }

  private _savedWorkstreams(records: ListRecord[], people: PeopleLookup): Array<Saved<IWorkstream>> {
    return records
      .map((r) => ({ ...toWorkstream(r, people), etag: String(r[ETAG]) }))
      .sort(byOrder);
  }

  public async getPeople(): Promise<IPerson[]> {
    const people: PeopleLookup = await this._transport.people();
    return (people.all || []).filter((p) => !isBlank(p.name)).slice().sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  public async saveWorkstream(input: IWorkstreamInput, id?: number, etag?: string): Promise<Saved<IWorkstream>> {
    const action: string = id === undefined ? 'add the workstream' : 'save the workstream';
    assertMaySetUpProgramme(await this.getRights(), action);
    const { records, people } = await this._transport.read({ workstreams: { list: 'workstreams' } }, { people: true, action });
    const lookup: PeopleLookup = people as PeopleLookup;
    const all: Array<Saved<IWorkstream>> = this._savedWorkstreams(records.workstreams, lookup);
    const current: Saved<IWorkstream> | undefined = id === undefined ? undefined : all.filter((w) => w.id === id)[0];
    if (id !== undefined && !current) {
      throw new DataError('notFound', message('recordGone', { action }), { status: 404 });
    }
    const faults = workstreamFaults(input, all.filter((w) => w.id !== id));
    if (faults.length > 0) {
      throw new DataError('validation', faults.map((f) => f.message).join(' '), { field: faults[0].key || faults[0].field, code: faults[0].key === 'code' && /already the code/.test(faults[0].message) ? DUPLICATE_CODE : undefined });
    }
    const chosen = (ids: number[] | undefined, key: 'sponsor' | 'projectManagers' | 'pmoSupport'): IPerson[] =>
      (ids || []).map((pid) => {
        const p: IPerson | undefined = lookup(pid);
        if (!p) {
          throw new DataError('validation', `${fieldOf(WORKSTREAM_FIELDS, key).name}: person ${pid} is not one of the site's people. Choose them again.`, { field: key });
        }
        return p;
      });
    const sponsor: IPerson[] = chosen(input.sponsorId === undefined ? [] : [input.sponsorId], 'sponsor');
    const value: Omit<IWorkstream, 'id'> = {
      code: input.code.trim(),
      title: input.title.trim(),
      shortTitle: isBlank(input.shortTitle) ? undefined : (input.shortTitle as string).trim(),
      description: (input.description || '').trim(),
      outcomes: parseOutcomes(input.outcomes || ''),
      sponsor: sponsor[0],
      projectManagers: chosen(input.projectManagerIds, 'projectManagers'),
      pmoSupport: chosen(input.pmoSupportIds, 'pmoSupport'),
      agreedCompletionAsWritten: current ? current.agreedCompletionAsWritten : undefined,
      forecastCompletionAsWritten: current ? current.forecastCompletionAsWritten : undefined,
      order: current ? current.order : all.reduce((max, w) => Math.max(max, w.order), 0) + 1,
      retired: current ? current.retired : undefined
    };
    const record: ListRecord = workstreamRecord(value);
    let written: ListRecord;
    try {
      if (current) {
        if (etag === undefined) {
          throw new DataError('validation', `Could not ${action}: reload it and make the change again.`);
        }
        written = await this._transport.update('workstreams', current.id, record, etag, action);
      } else {
        written = await this._transport.create('workstreams', record, action);
      }
    } catch (e) {
      throw this._workstreamFailure(e, value.code, lookup);
    }
    return { ...toWorkstream(written, lookup), etag: String(written[ETAG]) };
  }

  /** A write's failure in the form's words: a conflict carries the workstream as it now is; a duplicate code names the field. */
  private _workstreamFailure(e: unknown, code: string, people: PeopleLookup): unknown {
    if (isDataError(e) && e.kind === 'conflict' && e.current) {
      const current: ListRecord = e.current as ListRecord;
      return new DataError('conflict', e.detail || e.message, { status: e.status, current: { ...toWorkstream(current, people), etag: String(current[ETAG]) }, serverCode: e.serverCode, serverMessage: e.serverMessage });
    }
    // Someone added the same code meanwhile: the list's unique Code column refuses the second.
    if (isDataError(e) && /duplicate/i.test(`${e.serverCode || ''} ${e.serverMessage || ''} ${e.message}`)) {
      return new DataError('validation', `Code: ${code} is already the code of another workstream: each workstream needs its own code.`, { field: 'code', code: DUPLICATE_CODE });
    }
    return e;
  }

  public async moveWorkstream(id: number, direction: 'up' | 'down'): Promise<Array<Saved<IWorkstream>>> {
    const action: string = 'move the workstream';
    assertMaySetUpProgramme(await this.getRights(), action);
    const { records, people } = await this._transport.read({ workstreams: { list: 'workstreams' } }, { people: true, action });
    const all: Array<Saved<IWorkstream>> = this._savedWorkstreams(records.workstreams, people as PeopleLookup);
    const at: number = all.map((w) => w.id).indexOf(id);
    if (at < 0) {
      throw new DataError('notFound', message('recordGone', { action }), { status: 404 });
    }
    const to: number = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= all.length) {
      throw new DataError('validation', message('alreadyAtEnd', { action, workstream: all[at].code, end: direction === 'up' ? 'first' : 'last' }));
    }
    const order: Array<Saved<IWorkstream>> = all.slice();
    order.splice(to, 0, order.splice(at, 1)[0]);
    // Orders 1, 2, 3…: only the workstreams whose place number changes are written.
    for (let i: number = 0; i < order.length; i++) {
      if (order[i].order !== i + 1) {
        const written: ListRecord = await this._transport.update('workstreams', order[i].id, writeFields<WorkstreamRow>(WORKSTREAM_FIELDS, { order: i + 1 }), order[i].etag, action);
        order[i] = { ...order[i], order: i + 1, etag: String(written[ETAG]) };
      }
    }
    return order;
  }

  public async setWorkstreamRetired(id: number, retired: boolean, etag: string): Promise<Saved<IWorkstream>> {
    const action: string = retired ? 'retire the workstream' : 'restore the workstream';
    assertMaySetUpProgramme(await this.getRights(), action);
    const { records, people } = await this._transport.read({ workstreams: { list: 'workstreams', id } }, { people: true, action });
    if (records.workstreams.length === 0) {
      throw new DataError('notFound', message('recordGone', { action }), { status: 404 });
    }
    try {
      const written: ListRecord = await this._transport.update('workstreams', id, writeFields<WorkstreamRow>(WORKSTREAM_FIELDS, { retired }), etag, action);
      return { ...toWorkstream(written, people as PeopleLookup), etag: String(written[ETAG]) };
    } catch (e) {
      throw this._workstreamFailure(e, '', people as PeopleLookup);
    }
  }

  public async createPeriod(input: INewPeriod): Promise<IPeriod> {
    const action: string = 'set up the period';
    // The rights and the periods are asked for together (one round trip where the transport
    // batches a turn's reads).
    const asking: Promise<UserRights> = this.getRights();
    const reading: Promise<IPeriod[]> = this.getPeriods();
    reading.catch(() => undefined);
    const rights: UserRights = await asking;
    if (!rights.periods.add) {
      throw new DataError('forbidden', message('periodSetUpForbidden', {}));
    }
    const bad = checkText('Period', input.title, { required: true, maxLength: 255 });
    if (bad) {
      throw new DataError('validation', bad.message, { field: 'title' });
    }
    const start: string = asDataError(() => parseUkDate(input.start, 'Start'), 'start');
    const end: string = asDataError(() => parseUkDate(input.end, 'End'), 'end');
    if (compareIsoDates(end, start) < 0) {
      throw new DataError('validation', message('periodEndBeforeStart', { start: input.start, end: input.end }, 'end'));
    }
    const periods: IPeriod[] = await reading;
    const overlap: IPeriod | undefined = periods.filter((p) => !(compareIsoDates(end, p.start) < 0 || compareIsoDates(start, p.end) > 0))[0];
    if (overlap) {
      throw new DataError('validation', message('periodOverlaps', { period: overlap.title }, 'start'));
    }
    if (periods.some((p) => p.title.trim().toLowerCase() === input.title.trim().toLowerCase())) {
      throw new DataError('validation', message('periodTitleTaken', { title: input.title }, 'title'));
    }
    // What the last period planned for the next is read alongside the create: it does not wait for it.
    const planning: Promise<IMilestone[]> | undefined = this._plannedFrom(periods, start);
    if (planning) {
      planning.catch(() => undefined);
    }
    const stored: ListRecord = await this._transport.create('periods', periodRecord({ title: input.title.trim(), start, end, state: 'Open' }), action);
    const created: IPeriod = toPeriod(stored);
    if (planning) {
      await this._carryForward(created, periods, planning);
    }
    this._knownAs(created);
    return created;
  }

  /**
   * The milestones the last period planned for the next, when a period starting on `start` is
   * the next of it (undefined otherwise: a period set up in the past is not the next of anything).
   */
  private _plannedFrom(before: IPeriod[], start: string): Promise<IMilestone[]> | undefined {
    const previous: IPeriod | undefined = sortPeriods(before)[before.length - 1];
    if (!previous || compareIsoDates(previous.start, start) > 0) {
      return undefined;
    }
    return this._transport
      .read({ planned: { list: 'milestones', filter: { anyOf: [{ column: 'ReportingPeriod', value: previous.id }] } } }, { action: `read ${previous.title}'s planned milestones` })
      .then(({ records }) => records.planned.map((r) => toEntity('milestone', r, () => undefined)).filter((m) => m.timing === 'NextPeriod' && !isBlank(m.title)));
  }

  /**
   * A new period starts from the last one: the milestones its reports planned for the next
   * period become this period's milestones, with their status to report (empty rows are not
   * carried). Open risks continue by themselves. Only for a period that starts after every other
   * one: a period set up in the past is not the next of anything.
   */
  private async _carryForward(created: IPeriod, before: IPeriod[], planning: Promise<IMilestone[]>): Promise<void> {
    const previous: IPeriod = sortPeriods(before)[before.length - 1];
    const action: string = `bring ${previous.title}'s planned milestones into ${created.title}`;
    try {
      const planned: IMilestone[] = await planning;
      if (planned.length > 0) {
        await this._transport.createMany(
          'milestones',
          planned.map((m) => ({
            ...toRecord('milestone', { workstreamId: m.workstreamId, periodId: created.id, timing: 'ThisPeriod', number: m.number, title: m.title, dueDate: m.dueDate, order: m.order }),
            [REQUEST_KEY]: newRequestKey()
          })),
          action
        );
      }
    } catch (e) {
      // The period stands; say plainly what did not happen, so nothing is silently missing.
      throw new DataError(
        isDataError(e) ? e.kind : 'unknown',
        `${created.title} is set up, but ${previous.title}'s planned milestones could not be brought into it: add them by hand, or delete the period and set it up again.`,
        { code: 'carryForwardFailed' }
      );
    }
  }

  private async _periodRecord(periodId: number, action: string): Promise<ListRecord> {
    const { records } = await this._transport.read({ period: { list: 'periods', id: periodId } }, { action });
    if (records.period.length === 0) {
      throw new DataError('notFound', `Could not ${action}: there is no such period. Someone may have deleted it.`, { status: 404 });
    }
    return records.period[0];
  }

  public async lockPeriod(periodId: number, options: ILockOptions = {}): Promise<IPeriod> {
    const action: string = 'lock the period';
    // The rights, the period and its picture are asked for together (one round trip where the
    // transport batches a turn's reads), and looked at in this order.
    const asking: Promise<UserRights> = this.getRights();
    const reading: Promise<ListRecord> = this._periodRecord(periodId, action);
    const picturing: Promise<IEditablePeriodPicture> = this._livePicture(periodId);
    reading.catch(() => undefined);
    picturing.catch(() => undefined);
    const rights: UserRights = await asking;
    if (!isProgrammeOffice(rights)) {
      throw new DataError('forbidden', message('lockForbidden', {}));
    }
    const record: ListRecord = await reading;
    const period: IPeriod = toPeriod(record);
    if (period.state === 'Locked') {
      throw new DataError('validation', message('alreadyLocked', { period: period.title }));
    }
    const picture: IEditablePeriodPicture = await picturing;
    const notApproved: Array<{ workstream: string; state?: StatusReportState }> = picture.workstreams
      .filter((w) => !picture.statusReports.some((r) => r.workstreamId === w.id && r.state === 'Approved'))
      .map((w) => {
        const r = picture.statusReports.filter((x) => x.workstreamId === w.id)[0];
        return { workstream: w.title, state: r ? r.state : undefined };
      });
    if (notApproved.length > 0 && !options.allowUnapproved) {
      throw new DataError('validation', message('lockNotApproved', { period: period.title, reports: notApproved }));
    }
    if (options.allowUnapproved && notApproved.length > 0 && (!options.reason || options.reason.trim() === '')) {
      throw new DataError('validation', message('lockUnapprovedNoReason', {}, 'Reason'));
    }
    // A lock over reports not approved has its own reason, which covers those workstreams' findings.
    const excused: Set<number> = new Set<number>(
      options.allowUnapproved ? picture.workstreams.filter((w) => !picture.statusReports.some((r) => r.workstreamId === w.id && r.state === 'Approved')).map((w) => w.id) : []
    );
    const mustFix: IReadinessFinding[] = mustFixFindings(picture).filter((f) => f.where.workstreamId === undefined || !excused.has(f.where.workstreamId));
    if (options.overrideReason !== undefined) {
      const bad = checkText(OVERRIDE_FIELD, options.overrideReason);
      if (bad) {
        throw new DataError('validation', bad.message, { field: bad.field });
      }
    }
    if (mustFix.length > 0 && isBlank(options.overrideReason)) {
      throw mustFixRefusal({ doing: 'lock', period: period.title }, mustFix);
    }
    const boardMeetingDate: string | undefined = isBlank(options.boardMeetingDate)
      ? period.boardMeetingDate
      : asDataError(() => parseUkDate((options.boardMeetingDate as string).trim(), BOARD_MEETING_FIELD));
    // Three round trips (the first above): (2) the lock against the period's ETag, with the
    // snapshot of the picture just read and its programme part, in one $batch; (3) the picture
    // again, to see that nothing changed between the read and the lock, with the history entries
    // that name the snapshot and the snapshot's workstream parts (there, not in (2), so that
    // neither request carries the snapshot twice over: SharePoint may refuse a request past 2 MB,
    // pnp/pnpjs #3207, UNCONFIRMED). SharePoint's $batch is not transactional (learn.microsoft.com, "Make
    // batch requests with the REST APIs": a change set is not all-or-nothing), so every outcome is
    // looked at: a lock refused (a stale ETag) leaves nothing behind, and anything else failing
    // opens the period again and removes what this lock wrote.
    const lockedPeriod: IPeriod = { ...period, state: 'Locked', boardMeetingDate };
    const written: IWritten[] = [];
    let snapshot = await makeSnapshot({ ...picture, period: lockedPeriod }, randomId());
    const stored = await lockRecords(snapshot, { ...picture, period: lockedPeriod }, period);
    const first: WriteOutcome[] = await this._transport.writeMany(
      [
        { op: 'update', list: 'periods', id: periodId, record: periodRecord({ state: 'Locked', boardMeetingDate }), etag: String(record[ETAG]) },
        ...snapshotWrites([...stored.whole, ...stored.programme])
      ],
      action
    );
    const lockOutcome: WriteOutcome = first[0];
    noteWritten(written, first.slice(1), 'snapshots');
    if (!lockOutcome.done) {
      await this._undoLock(undefined, written, action);
      throw lockOutcome.error;
    }
    let locked: ListRecord | undefined = lockOutcome.record;
    try {
      const refused: WriteOutcome | undefined = first.filter((o) => !o.done)[0];
      if (refused && !refused.done) {
        throw refused.error;
      }
      const entries: ListWrite[] = [];
      if (mustFix.length > 0) {
        entries.push({ op: 'create', list: 'history', record: overrideEntry(periodId, `${period.title} locked over findings`, options.overrideReason as string, mustFix) });
      }
      entries.push({
        op: 'create',
        list: 'history',
        record: {
          Title: `${period.title} locked`,
          ReportingPeriodId: periodId,
          PeriodAction: 'Locked',
          Reason: options.reason ? options.reason.trim() : null,
          SnapshotId: snapshot.id,
          BoardMeetingDate: boardMeetingDate || null
        }
      });
      // The writes and the read in the same turn: one $batch where the transport batches a turn.
      const recording: Promise<WriteOutcome[]> = this._transport.writeMany([...entries, ...snapshotWrites(stored.workstreams)], action);
      const checking: Promise<IEditablePeriodPicture> = this._livePicture(periodId);
      checking.catch(() => undefined);
      const recorded: WriteOutcome[] = await recording;
      noteWritten(written, recorded.slice(0, entries.length), 'history');
      noteWritten(written, recorded.slice(entries.length), 'snapshots');
      const notRecorded: WriteOutcome | undefined = recorded.filter((o) => !o.done)[0];
      if (notRecorded && !notRecorded.done) {
        throw notRecorded.error;
      }
      const entry: ListRecord = (recorded[entries.length - 1] as { record: ListRecord }).record;
      let taken: IEditablePeriodPicture = picture;
      let again: IEditablePeriodPicture = await checking;
      // A write that passed its check before the lock landed after the read: the snapshot is taken
      // again from the picture as it now is, and the lock's entry made to name it.
      for (let attempt: number = 0; versionsOf(again) !== versionsOf(taken); attempt++) {
        if (attempt === 2) {
          throw new DataError('conflict', message('lockKeptChanging', { period: period.title }));
        }
        taken = again;
        snapshot = await makeSnapshot({ ...taken, period: lockedPeriod }, randomId());
        const retake = await lockRecords(snapshot, { ...taken, period: lockedPeriod }, period);
        const retaking: Promise<WriteOutcome[]> = this._transport.writeMany(snapshotWrites([...retake.whole, ...retake.programme, ...retake.workstreams]), action);
        const retaken: WriteOutcome[] = await retaking;
        noteWritten(written, retaken, 'snapshots');
        const notRetaken: WriteOutcome | undefined = retaken.filter((o) => !o.done)[0];
        if (notRetaken && !notRetaken.done) {
          throw notRetaken.error;
        }
        const renamed: ListRecord = await this._transport.update('history', Number(entry.Id), { SnapshotId: snapshot.id }, String(entry[ETAG]), action);
        entry[ETAG] = renamed[ETAG];
        again = await this._livePicture(periodId);
      }
    } catch (e) {
      await this._undoLock(locked || (await this._periodRecord(periodId, action).catch(() => undefined)), written, action);
      throw e;
    }
    if (!locked || locked[ETAG] === undefined) {
      // The lock's answer came without the item (its read-back lost): read it.
      locked = await this._periodRecord(periodId, action);
    }
    // The periods known here as they now are, without reading them again.
    this._knownAs(toPeriod(locked));
    return toPeriod(locked);
  }

  /**
   * Takes back a lock that did not complete: the period open again (when `locked`, the period as
   * the lock left it, is given) and every item the lock wrote removed, in one $batch. Best
   * effort: a failure here is not the user's news — the lock's own failure is.
   */
  private async _undoLock(locked: ListRecord | undefined, written: IWritten[], action: string): Promise<void> {
    const undo: ListWrite[] = written.map((w): ListWrite => ({ op: 'remove', list: w.list, id: w.id, etag: w.etag }));
    if (locked && toPeriod(locked).state === 'Locked') {
      undo.unshift({ op: 'update', list: 'periods', id: Number(locked.Id), record: periodRecord({ state: 'Open' }), etag: String(locked[ETAG]) });
    }
    if (undo.length > 0) {
      await this._transport.writeMany(undo, action).catch(() => undefined);
    }
  }

  public async reopenPeriod(periodId: number, reason: string): Promise<IPeriod> {
    const action: string = 'reopen the period';
    const rights: UserRights = await this.getRights();
    if (!isProgrammeOffice(rights)) {
      throw new DataError('forbidden', message('reopenForbidden', {}));
    }
    const bad = checkText('Reason for reopening', reason, { required: true });
    if (bad) {
      throw new DataError('validation', bad.message, { field: bad.field });
    }
    const record: ListRecord = await this._periodRecord(periodId, action);
    const period: IPeriod = toPeriod(record);
    if (period.state !== 'Locked') {
      throw new DataError('validation', message('notLocked', { period: period.title }));
    }
    await this._transport.create('history', { Title: `${period.title} reopened`, ReportingPeriodId: periodId, PeriodAction: 'Reopened', Reason: reason.trim() }, action);
    const reopened: ListRecord = await this._transport.update('periods', periodId, periodRecord({ state: 'Open' }), String(record[ETAG]), action);
    await this.getPeriods();
    return toPeriod(reopened);
  }

  // ---- period sections ----

  public async getSectionDefinitions(): Promise<ISavedSectionDefinition[]> {
    const { records } = await this._transport.read({ definitions: DEFINITIONS_QUERY }, { action: "read the paper's sections" });
    return this._definitions(records.definitions);
  }

  private _definitions(records: ListRecord[]): ISavedSectionDefinition[] {
    return records
      .filter((r) => r.SectionScope === 'Programme')
      .map(toSectionDefinition)
      .sort(byOrder);
  }

  /** A conflict on a section item, with the current version as the domain's, for the dashboard to show. */
  private _sectionConflict<T>(e: unknown, as: (r: ListRecord) => T): unknown {
    if (isDataError(e, 'conflict') && e.current) {
      return new DataError('conflict', e.detail || e.message, { status: e.status, current: as(e.current as ListRecord), serverCode: e.serverCode, serverMessage: e.serverMessage });
    }
    return e;
  }

  private static _checkOrder(order: number | undefined): void {
    if (order !== undefined && (!Number.isInteger(order) || order < 0 || order > 100000)) {
      throw new DataError('validation', `Order: ${String(order)} is not a whole number from 0 to 100,000.`, { field: 'Order' });
    }
  }

  public async addSectionDefinition(name: string, order?: number): Promise<ISavedSectionDefinition> {
    const action: string = "add the paper's section";
    assertMayWritePeriodSections(await this.getRights(), action);
    ProgrammeRepository._checkOrder(order);
    const { records } = await this._transport.read({ definitions: DEFINITIONS_QUERY }, { action });
    const definitions: ISavedSectionDefinition[] = this._definitions(records.definitions);
    const bad = checkSectionName(name, definitions);
    if (bad) {
      throw new DataError('validation', bad.message, { field: bad.field });
    }
    const key: string = sectionKeyFor(name, definitions.map((d) => d.key));
    const last: number = definitions.length > 0 ? definitions[definitions.length - 1].order : 0;
    const requestKey: string = newRequestKey();
    let stored: ListRecord;
    try {
      stored = await this._transport.create('periodSections', { ...definitionRecord({ key, name, order: order === undefined ? last + 1 : order }), [REQUEST_KEY]: requestKey }, action);
    } catch (e) {
      const earlier: ListRecord | undefined = await this._createdEarlier('periodSections', requestKey, e, action);
      if (!earlier) {
        throw e;
      }
      stored = earlier;
    }
    return toSectionDefinition(stored);
  }

  public async updateSectionDefinition(id: number, changes: { name?: string; order?: number }, etag: string): Promise<ISavedSectionDefinition> {
    const action: string = "change the paper's section";
    assertMayWritePeriodSections(await this.getRights(), action);
    ProgrammeRepository._checkOrder(changes.order);
    const { records } = await this._transport.read({ definitions: DEFINITIONS_QUERY }, { action });
    const definitions: ISavedSectionDefinition[] = this._definitions(records.definitions);
    const current: ISavedSectionDefinition | undefined = definitions.filter((d) => d.id === id)[0];
    if (!current) {
      throw new DataError('notFound', `Could not ${action}: it no longer exists. Someone may have removed it.`, { status: 404 });
    }
    if (changes.name !== undefined) {
      const bad = checkSectionName(changes.name, definitions, current.key);
      if (bad) {
        throw new DataError('validation', bad.message, { field: bad.field });
      }
    }
    // The key never changes: it ties the periods' texts to the section.
    const record: ListRecord = definitionRecord({ name: changes.name, order: changes.order });
    try {
      return toSectionDefinition(await this._transport.update('periodSections', id, record, etag, action));
    } catch (e) {
      throw this._sectionConflict(e, toSectionDefinition);
    }
  }

  public async removeSectionDefinition(id: number, etag: string): Promise<void> {
    const action: string = "remove the paper's section";
    assertMayWritePeriodSections(await this.getRights(), action);
    const { records } = await this._transport.read({ item: { list: 'periodSections', id } }, { action });
    if (records.item.length === 0 || records.item[0].SectionScope !== 'Programme') {
      throw new DataError('notFound', `Could not ${action}: it no longer exists. Someone may have removed it.`, { status: 404 });
    }
    try {
      await this._transport.remove('periodSections', id, etag, action);
    } catch (e) {
      throw this._sectionConflict(e, toSectionDefinition);
    }
  }

  public async savePeriodSection(periodId: number, key: string, text: string, etag: string | undefined, author?: string): Promise<IEditablePeriodSection> {
    const action: string = "save the paper's section";
    assertMayWritePeriodSections(await this.getRights(), action);
    const byAuthor = checkText('Written by', author, { maxLength: 255 });
    if (byAuthor) {
      throw new DataError('validation', byAuthor.message, { field: byAuthor.field });
    }
    const { records } = await this._transport.read({ periods: { list: 'periods' }, definitions: DEFINITIONS_QUERY, texts: periodTextsQuery(periodId) }, { action });
    const periods: IPeriod[] = sortPeriods(records.periods.map(toPeriod));
    this._periods = periods;
    const period: IPeriod | undefined = periods.filter((p) => p.id === periodId)[0];
    if (!period) {
      throw new DataError('notFound', `Could not ${action}: there is no such period. Someone may have deleted it.`, { status: 404 });
    }
    assertPeriodOpen(period, 'sections');
    const sections: IEditablePeriodSection[] = sectionsFrom(records.definitions, records.texts, periodId);
    const section: IEditablePeriodSection | undefined = sections.filter((x) => x.key === key)[0];
    if (!section) {
      throw new DataError('notFound', `Could not ${action}: the programme has no such section. Someone may have removed it.`, { status: 404 });
    }
    const bad = checkText(section.name, text);
    if (bad) {
      throw new DataError('validation', bad.message, { field: bad.field });
    }
    const asSection = (r: ListRecord): IEditablePeriodSection => sectionsFrom(records.definitions, [r], periodId).filter((x) => x.key === key)[0] || section;
    const record: ListRecord = sectionTextRecord({ key, periodId, name: section.name, text, author });
    if (section.id !== undefined) {
      if (etag === undefined) {
        // Someone wrote the section since it was read as empty: theirs is not overwritten.
        throw new DataError('conflict', `Someone else wrote ${period.title}'s "${section.name}" since you opened it.`, { status: 412, current: section });
      }
      try {
        return asSection(await this._transport.update('periodSections', section.id, record, etag, action));
      } catch (e) {
        throw this._sectionConflict(e, asSection);
      }
    }
    const requestKey: string = newRequestKey();
    try {
      return asSection(await this._transport.create('periodSections', { ...record, [REQUEST_KEY]: requestKey }, action));
    } catch (e) {
      const earlier: ListRecord | undefined = await this._createdEarlier('periodSections', requestKey, e, action);
      if (!earlier) {
        throw e;
      }
      return asSection(earlier);
    }
  }

  // ---- readiness acknowledgements ----

  private _acknowledgements(records: ListRecord[], people: PeopleLookup): Array<Saved<IReadinessAcknowledgement>> {
    return records.map((r) => ({ ...toAcknowledgement(r, people), etag: String(r[ETAG]) })).sort((a, b) => a.id - b.id);
  }

  public async getAcknowledgements(periodId: number): Promise<Array<Saved<IReadinessAcknowledgement>>> {
    const { records, people } = await this._transport.read({ acknowledgements: acknowledgementsQuery(periodId) }, { people: true, action: "read the period's acknowledged findings" });
    return this._acknowledgements(records.acknowledgements, people as PeopleLookup);
  }

  public async acknowledgeFinding(periodId: number, key: string, reason: string): Promise<Saved<IReadinessAcknowledgement>> {
    const action: string = 'acknowledge the finding';
    assertMayAcknowledgeFindings(await this.getRights(), action);
    const bad = checkAcknowledgementReason(reason) || checkText('Finding', key, { required: true, maxLength: 255 });
    if (bad) {
      throw new DataError('validation', bad.message, { field: bad.field });
    }
    // The finding as readiness finds it now, on the period's records as they are.
    const periods: IPeriod[] = await this._knownPeriods(periodId);
    const { records, people } = await this._transport.read({ ...FIXED, ...pictureQueries(periods, periodId) }, { people: true, action });
    const picture: IEditablePeriodPicture = assemblePicture(mergeRiskRecords(records) as unknown as IPictureRecords, periodId, people as PeopleLookup);
    this._periods = picture.periods;
    assertPeriodOpen(picture.period, 'acknowledgedFindings');
    const finding: IReadinessFinding | undefined = checkReadiness(picture).filter((f) => findingKey(f) === key)[0];
    if (!finding) {
      throw new DataError('notFound', message('findingGone', { action, period: picture.period.title }), { status: 404 });
    }
    if (!mayAcknowledge(finding)) {
      throw new DataError('validation', message('findingMustBeFixed', { action, finding: finding.message }, OVERRIDE_FIELD), { code: 'mustFix' });
    }
    const already = applyAcknowledgements([finding], picture.acknowledgements).acknowledged[0];
    if (already) {
      return already.acknowledgement as Saved<IReadinessAcknowledgement>;
    }
    const requestKey: string = newRequestKey();
    let stored: ListRecord;
    try {
      stored = await this._transport.create('acknowledgements', { ...acknowledgementRecord(periodId, key, reason, finding.message), [REQUEST_KEY]: requestKey }, action);
    } catch (e) {
      const earlier: ListRecord | undefined = await this._createdEarlier('acknowledgements', requestKey, e, action);
      if (!earlier) {
        throw e;
      }
      stored = earlier;
    }
    return this._acknowledgements([stored], people as PeopleLookup)[0];
  }

  public async withdrawAcknowledgement(id: number, etag: string): Promise<void> {
    const action: string = 'withdraw the acknowledgement';
    assertMayAcknowledgeFindings(await this.getRights(), action);
    const { records } = await this._transport.read({ periods: { list: 'periods' }, item: { list: 'acknowledgements', id } }, { action });
    if (records.item.length === 0) {
      throw new DataError('notFound', message('acknowledgementGone', { action }), { status: 404 });
    }
    const periods: IPeriod[] = sortPeriods(records.periods.map(toPeriod));
    this._periods = periods;
    assertPeriodOpen(periods.filter((p) => p.id === Number(records.item[0].ReportingPeriodId))[0], 'acknowledgedFindings');
    await this._transport.remove('acknowledgements', id, etag, action);
  }
}
