/**
 * The repository, once: everything the product decides about reading and writing the
 * programme — pictures of periods (a locked period's from its snapshot), threshold-safe queries,
 * ETags and conflicts, the reporting cycle and its rules — over a protocol transport (PnPjs or
 * Graph) that only moves records.
 */
import type { IExchangeFile } from './exchange/tables';
import { PhaseRepository } from './PhaseRepository';
import type { IProgramme, IPeriod, IPerson, IMilestone, IStatusReport, IWorkstream, IWorkstreamHeading, IIibFeedback } from '../domain/model';
import { isBlank } from '../domain/text';
import { sortPeriods } from '../domain/periods';
import type { IReadinessAcknowledgement } from '../domain/readiness';
import { byOrder } from '../domain/picture';
import type { IPhaseMembership } from '../domain/phases';
import { message, wordOf } from '../domain/messages';
import { acknowledgementsQuery, toAcknowledgement } from './acknowledgements';
import { DataError, readAction } from './errors';
import { writesPart } from './writesPart';
import { toEntity, toHistoryEntry, toPeriod, toProgramme, toWorkstream, type PeopleLookup } from './mapping';
import {
  HISTORY_COLUMNS,
  assemblePicture,
  assembleProgrammePicture,
  historyFrom,
  pictureNeighbours,
  pictureQueries,
  pictureQueriesAround,
  programmePictureQueries,
  retiredPresenceQueries,
  retiredWorkstreams
} from './picture';
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
  type IOpenRiskScore,
  type IOpenRiskSummary,
  type IOverviewChanges,
  type INewPeriod,
  type IPeriodHistoryEntry,
  type IPictureOptions,
  type IProgrammeOnly,
  type IProgrammePicture,
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
  type UserRights
} from './repository';
import type { ITimeZoneSource } from './siteDates';
import { DEFINITIONS_QUERY, toSectionDefinition, type IEditablePeriodSection, type ISavedSectionDefinition } from './sections';
import { periodAsReported, programmePartKey, workstreamPartKey } from './snapshotKeys';
import { preloadSnapshotPart, snapshotPart } from './snapshotPart';
import type { IReadResult, IRowTransport, IVersionRecord, QuerySet, Row } from './transport';
import { ZonedRows } from './zonedRows';
import { PERIOD_FIELDS, WORKSTREAM_FIELDS, type FieldTable } from './fields';

/** What is being done to one of a period's records, for the words of its failure ("save the risk"). */
export function recordAction(doing: 'read' | 'save' | 'delete', kind: EntityKind): string {
  return wordOf(message('recordAction', { doing, what: kind }));
}

/** The columns of a field table but those of the fields named (by key, which the compiler checks). */
function columnsBut<T>(table: FieldTable<T>, left: ReadonlyArray<Extract<keyof T, string>>): string[] {
  return table.filter((f) => left.indexOf(f.key) < 0).map((f) => f.column);
}

/**
 * The Reporting Periods as the summary and the period lists read them: each period's columns
 * (IPeriod) but its overview, without who made each item or when; and beside them, the overviews
 * of the periods still open (by the indexed state column). A locked period's overview is shown
 * from its snapshot, as the Board was shown it, never from the list; so what a landing reads does
 * not grow with the text of every past period. Should a period be locked or reopened between the
 * two answers (sent together, answered apart), it is shown with or without its overview until
 * the next read: the view then reads the period's picture, which carries its own.
 */
export const PERIODS_READ: QuerySet = {
  periods: { list: 'periods', columns: columnsBut(PERIOD_FIELDS, ['overview']) },
  openOverviews: { list: 'periods', filter: { anyOf: [{ column: 'PeriodState', value: 'Open' }] }, columns: ['Overview'] }
};

/**
 * The periods' records with the overviews read beside them ({@link PERIODS_READ}) put in, and
 * the overviews' own answer taken out of the records.
 */
export function withOpenOverviews(records: { [name: string]: Row[] }): void {
  const overviews: Row[] | undefined = records.openOverviews;
  if (!overviews) {
    return;
  }
  delete records.openOverviews;
  const byId: Map<number, unknown> = new Map<number, unknown>(overviews.map((r) => [r.id, r.values.Overview] as [number, unknown]));
  records.periods = records.periods.map((r) => (byId.has(r.id) ? { ...r, values: { ...r.values, Overview: byId.get(r.id) } } : r));
}

/**
 * The reference lists as a period's picture reads them: the programme and its RAG key, the periods
 * ({@link PERIODS_READ}: their overviews put in with {@link withOpenOverviews}) and the
 * workstreams whole, with their metadata.
 */
export const FIXED: QuerySet = {
  programme: { list: 'programme' },
  ragDefinitions: { list: 'ragDefinitions' },
  ...PERIODS_READ,
  workstreams: { list: 'workstreams' }
};

/**
 * The Workstreams columns of a workstream's heading (IWorkstreamHeading): all but its long texts,
 * the description and outcomes, which no view of the summary shows.
 */
const WORKSTREAM_HEADING_COLUMNS: readonly string[] = columnsBut(WORKSTREAM_FIELDS, ['description', 'outcomes']);

/**
 * The reference lists as the summary reads them (and the session keeps them): the programme with
 * its ETag, the RAG key, the periods with the columns named, the workstreams' headings. Naming
 * the columns also leaves out each item's metadata (see the PnPjs transport's view-only reads).
 * What the summary keeps is therefore never a whole workstream: a whole picture reads
 * {@link FIXED}.
 */
const SUMMARY_LISTS: QuerySet = {
  programme: FIXED.programme,
  ragDefinitions: FIXED.ragDefinitions,
  ...PERIODS_READ,
  workstreams: { list: 'workstreams', columns: WORKSTREAM_HEADING_COLUMNS }
};

/** A workstream's heading: the workstream without its description and outcomes (not blank: absent). */
function headingOf(workstream: IWorkstream): IWorkstreamHeading {
  const { description: _description, outcomes: _outcomes, ...heading } = workstream;
  void _description;
  void _outcomes;
  return heading;
}

/** Every open risk (by its state, an indexed column), with the columns named. */
function openRisksQuery(columns: string[]): IListQuery {
  return { list: 'risks', filter: { anyOf: [{ column: 'RiskState', value: 'Open' }] }, columns };
}

/** A locked period's history (which names its last lock's snapshot) and its programme part, by key. */
function programmePartQueries(periodId: number): QuerySet {
  return {
    history: { list: 'history', filter: { anyOf: [{ column: 'ReportingPeriod', value: periodId }] } },
    parts: { list: 'snapshots', filter: { anyOf: [{ column: 'SnapshotId', value: programmePartKey(periodId) }] } }
  };
}

/**
 * The reads of a locked period's picture from its snapshot, besides the periods: the snapshot (by
 * the last lock's id when known here, else by period) or, for one workstream, that workstream's
 * part (by its key, whichever lock wrote it; a period whose last lock wrote none — locked before
 * there were parts, or imported — is read whole, one round trip later); the period's history,
 * which names its last lock; IIB feedback, read live since it follows the Board's meeting, and
 * challenges raised later about the period; the findings acknowledged, frozen with the period.
 */
function snapshotQueries(periodId: number, workstreamId: number | undefined, knownLock: string | undefined): QuerySet {
  const byPeriod = { anyOf: [{ column: 'ReportingPeriod', value: periodId }] };
  const bySnapshot = knownLock === undefined ? byPeriod : { anyOf: [{ column: 'SnapshotId', value: knownLock }] };
  const ofWorkstream = workstreamId === undefined ? [] : [{ column: 'Workstream', value: workstreamId }];
  return {
    ...(workstreamId === undefined
      ? { snapshots: { list: 'snapshots', filter: bySnapshot } }
      : { parts: { list: 'snapshots', filter: { anyOf: [{ column: 'SnapshotId', value: workstreamPartKey(periodId, workstreamId) }] } } }),
    history: { list: 'history', filter: byPeriod },
    feedback: { list: 'feedback', filter: workstreamId === undefined ? byPeriod : { ...byPeriod, allOf: ofWorkstream } },
    feedbackAbout: { list: 'feedback', filter: { anyOf: [{ column: 'AboutPeriod', value: periodId }], allOf: ofWorkstream } },
    acknowledgements: acknowledgementsQuery(periodId)
  };
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
  /**
   * Hints the browser keeps beyond the session (the web part passes localStorage's): only ids —
   * where a Teams tab pinned to a workstream last landed, the programme view's latest period, its
   * ratings window and the open period it landed on — each checked against what is read with it,
   * never taken as the data. Absent: the session's hints serve instead.
   */
  lastingHints?: ISessionHints;
}

/**
 * Where a Teams tab pinned to a workstream last landed (lasting hint `tabLanding:<code>`): the
 * workstream's id, the period and whether it was locked, and the periods its picture's queries
 * named besides (the one before, those after), so that its picture can be asked for in the same
 * $batch as the summary, before the periods are read.
 */
interface ITabLandingHint {
  workstreamId: number;
  periodId: number;
  locked: boolean;
  previousId?: number;
  laterIds: number[];
}

/** The lasting hint's key for a tab pinned to a workstream's code. */
function tabLandingKey(code: string): string {
  return `tabLanding:${code.trim().toLowerCase()}`;
}

/** A tab landing hint as stored, if it is whole. */
function parseTabLanding(value: string | undefined): ITabLandingHint | undefined {
  try {
    const h: Partial<ITabLandingHint> = JSON.parse(value || 'null') || {};
    const whole: boolean =
      hintedId(String(h.workstreamId)) !== undefined &&
      hintedId(String(h.periodId)) !== undefined &&
      typeof h.locked === 'boolean' &&
      (h.previousId === undefined || hintedId(String(h.previousId)) !== undefined) &&
      Array.isArray(h.laterIds) &&
      h.laterIds.every((id) => hintedId(String(id)) !== undefined);
    return whole ? (h as ITabLandingHint) : undefined;
  } catch {
    return undefined;
  }
}

/** What a tab's landing read beside the summary: its workstream's ratings, and its picture when the hint held. */
interface ITabLandingRead {
  at: number;
  workstreamId: number;
  periodId: number;
  /** Taken once; undefined once taken, or when the hint's period did not hold. */
  picture?: Promise<IEditablePeriodPicture | undefined>;
  history: Promise<IRagHistoryEntry[]>;
}

/** The query of one workstream's ratings in every period (by its indexed id), only the columns ratings need. */
function ragHistoryQuery(workstreamId: number): IListQuery {
  return { list: 'statusReports', filter: { anyOf: [{ column: 'Workstream', value: workstreamId }] }, columns: HISTORY_COLUMNS };
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
function ratingsRows(records: { [name: string]: Row[] }, periodIds: readonly number[]): Row[] {
  const wanted: Set<number> = new Set<number>(periodIds);
  const all: Row[] = Object.keys(records)
    .filter((name) => /^ratings\d+$/.test(name))
    .reduce((found: Row[], name: string) => found.concat(records[name]), []);
  return all.filter((r) => wanted.has(Number(r.values.ReportingPeriod)));
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
  records: { [list: string]: Row[] };
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
 * The landing hint (for the session and, where the browser lets it, beyond) naming the open period
 * the programme view last landed on — the first of its pictures asked for after a landing summary
 * — or empty when it landed on a locked one: with the latest period's hint, it lets the open
 * period's key risks and sections go in the landing's $batch.
 */
const OPEN_LANDING_HINT: string = 'programmeOpen';

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

/** The repository's writes (./repositoryWrites.ts), loaded when a write is first asked for (./writesPart.ts). */
function writes(): Promise<typeof import('./repositoryWrites')> {
  return writesPart().then((part) => part.programme);
}

/** Starts loading the repository's writes, once a view that offers writing is on screen. */
export function preloadWrites(): void {
  writes().catch(() => {
    // The write that needs them loads them again, and says so if it cannot.
  });
}

/** Keeps a read under its key while it is on its way, for whoever asks for the same meanwhile; gone once it settles. */
function keptOnItsWay<K, T>(onTheirWay: Map<K, Promise<T>>, key: K, reading: Promise<T>): Promise<T> {
  onTheirWay.set(key, reading);
  const settled = (): void => {
    if (onTheirWay.get(key) === reading) {
      onTheirWay.delete(key);
    }
  };
  reading.then(settled, settled);
  return reading;
}

/** The repository over a transport. */
export class ProgrammeRepository implements IProgrammeRepository {
  /** The transport, dates in the site's time zone, writes noticed. Internal: for ./repositoryWrites.ts as for this class. */
  public readonly _transport: IRowTransport;
  /** The periods as last read. Internal: for ./repositoryWrites.ts as for this class. */
  public _periods?: IPeriod[];
  private _user?: Promise<ICurrentUser>;
  private _rights?: Promise<UserRights>;
  private readonly _picturesOnTheirWay: Map<string, Promise<IEditablePeriodPicture>> = new Map<string, Promise<IEditablePeriodPicture>>();
  /** What the programme view shows of a locked period (its programme part), while it is being read, by period. */
  private readonly _partsOnTheirWay: Map<number, Promise<IProgrammePicture>> = new Map<number, Promise<IProgrammePicture>>();
  /**
   * The snapshot each locked period's last lock recorded, as last read here: a period's whole
   * snapshot is then read by its id, without the programme part beside it. Checked against the
   * history read with it; read again by period when it has changed (the period relocked).
   */
  private readonly _lastLocks: Map<number, string> = new Map<number, string>();

  /** What this browser session remembers of the programme (see {@link ISessionHints}). */
  private readonly _hints?: ISessionHints;

  /** The programme part read with the summary as the programme view landed, by period. */
  private _landingPart?: ILandingRead<IProgrammePicture | undefined> & { periodId: number };
  /** The phases read with the summary as the programme view landed. */
  private _landingPhases?: ILandingRead<IPhaseMembership>;
  /** The open period's key risks and sections read with the summary as the programme view landed (the hint held). */
  private _landingOpen?: ILandingRead<IProgrammePicture> & { periodId: number };
  /** Whether the programme view has yet to ask for its first picture since its landing summary (where it landed: {@link OPEN_LANDING_HINT}). */
  private _landingToNote: boolean = false;
  /**
   * The periods and the workstreams' headings (not their long texts: {@link SUMMARY_LISTS}) as the
   * last summary read (or kept) them: what an open period's programme picture is shown beside, so
   * it does not read them again. Dropped on a write to either.
   */
  private _summaryLists?: { periods: Row[]; workstreamHeadings: Row[] };

  /** Where a pinned tab's landing hints are kept: beyond the session when the browser lets them be. */
  private readonly _tabHints?: ISessionHints;
  /** What a pinned tab's summary read beside it (its workstream's ratings and landing picture). */
  private _landingTab?: ITabLandingRead;
  /** The pinned tab's workstream, once its summary is read: its first picture asked for is where it landed. */
  private _pinned?: { code: string; workstreamId: number };

  constructor(transport: IRowTransport & ITimeZoneSource, options: IRepositoryOptions = {}) {
    this._hints = options.hints;
    this._tabHints = options.lastingHints || options.hints;
    // The transport's rows pass one boundary (zonedRows.ts), which tells of each write before it
    // is sent and reads and writes date-only columns in the site's time zone, whichever protocol.
    // A write makes any picture still on its way out of date: the next asks again.
    // What the landing read beside the summary is dropped too.
    this._transport = new ZonedRows(transport, (lists: ListKey[]) => {
      this._picturesOnTheirWay.clear();
      this._partsOnTheirWay.clear();
      this._landingPart = undefined;
      this._landingPhases = undefined;
      this._landingOpen = undefined;
      this._landingTab = undefined;
      if (lists.indexOf('periods') >= 0 || lists.indexOf('workstreams') >= 0) {
        this._summaryLists = undefined;
      }
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
  public listTransport(): IRowTransport {
    return this._transport;
  }

  public async exportPeriod(periodId: number): Promise<IExchangeFile> {
    // Loaded when asked for: the exchange tables come with the lists' whole schema.
    const exchange = await import(/* webpackChunkName: 'ph-exchange' */ './exchange/transfer');
    return exchange.exportPeriod(this._transport, periodId);
  }

  /** What time it is, for the times the product records itself (a response, a closing): ISO UTC. */
  public now(): string {
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
    const { records } = await this._transport.read(PERIODS_READ, { action: readAction('periods') });
    withOpenOverviews(records);
    this._periods = sortPeriods(records.periods.map(toPeriod));
    return this._periods;
  }

  /** The latest period's id as last read here, else as the session remembers it, if either. */
  private _latestPeriodGuess(): number | undefined {
    if (this._periods) {
      const known: IPeriod | undefined = this._periods[this._periods.length - 1];
      return known ? known.id : undefined;
    }
    return hintedId(this._hints && this._hints.get(LATEST_PERIOD_HINT) ? this._hints.get(LATEST_PERIOD_HINT) : this._lastingHint(LATEST_PERIOD_HINT));
  }

  /**
   * A landing hint (ids only) kept beyond the session where the browser lets it be, for a new
   * session's first summary: like the session's, checked against what is read with it.
   */
  private _lastingHint(key: string): string | undefined {
    return this._tabHints && this._tabHints !== this._hints ? this._tabHints.get(key) : undefined;
  }

  /** Keeps a landing hint for the session and, where the browser lets it, beyond it. */
  private _keepHint(key: string, value: string): void {
    if (this._hints) {
      this._hints.set(key, value);
    }
    if (this._tabHints && this._tabHints !== this._hints) {
      this._tabHints.set(key, value);
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
    read: { [name: string]: Row[] } | undefined,
    action: string
  ): Promise<{ [list: string]: Row[] }> {
    const stamps: { [list: string]: string } = (await stamping) || {};
    let records: { [list: string]: Row[] };
    if (kept) {
      const changed: ListKey[] = REFERENCE_LISTS.filter((l) => !stamps[l] || stamps[l] !== kept.stamps[l]);
      records = { ...kept.records };
      if (changed.length > 0) {
        const queries: QuerySet = {};
        for (const l of changed) {
          Object.assign(queries, l === 'periods' ? PERIODS_READ : { [l]: SUMMARY_LISTS[l] });
        }
        const changes: { [name: string]: Row[] } = (await this._transport.read(queries, { action })).records;
        withOpenOverviews(changes);
        Object.assign(records, changes);
      }
    } else {
      records = {};
      for (const l of REFERENCE_LISTS) {
        records[l] = (read as { [name: string]: Row[] })[l];
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
    const hinted: string | undefined = (this._hints && this._hints.get(RATINGS_WINDOW_HINT)) || this._lastingHint(RATINGS_WINDOW_HINT);
    const ids: number[] = (hinted || '')
      .split(',')
      .map((v) => hintedId(v))
      .filter((id): id is number => id !== undefined);
    return ids.slice(-window);
  }

  /** The periods known here, with one period as it has just been stored (added, or in place of the old). */
  public _knownAs(period: IPeriod): void {
    if (this._periods) {
      this._periods = sortPeriods([...this._periods.filter((p) => p.id !== period.id), period]);
    }
  }

  public async _knownPeriods(periodId: number): Promise<IPeriod[]> {
    if (!this._periods || !this._periods.some((p) => p.id === periodId)) {
      await this.getPeriods();
    }
    const periods: IPeriod[] = this._periods as IPeriod[];
    if (!periods.some((p) => p.id === periodId)) {
      throw new DataError('notFound', message('noSuchPeriod', { periodId, deleted: true }));
    }
    return periods;
  }

  public async getProgrammeSummary(options: ISummaryOptions = {}): Promise<IProgrammeSummary> {
    const action: string = readAction('programme');
    // The programme view landing: its phases and its period's programme part go in the same
    // $batch (asked in the same turn of the event loop), each read on its own so that a failure
    // there (a site provisioned before phases) fails only the part of the view that shows it.
    let partRead: Promise<IReadResult> | undefined;
    let partPeriodId: number | undefined;
    let openRead: Promise<IReadResult> | undefined;
    let openId: number | undefined;
    this._landingOpen = undefined;
    const withRatings: boolean = options.withoutRatings !== true;
    const counts: boolean = options.ratingsOnly !== true && withRatings;
    if (options.landing) {
      const phases: Promise<IPhaseMembership> = new PhaseRepository(this._transport, () => this.getRights()).readPhases();
      phases.catch(() => undefined);
      this._landingPhases = { at: Date.now(), read: phases };
      partPeriodId = options.landing.periodId !== undefined ? options.landing.periodId : hintedId(this._hints ? this._hints.get(PROGRAMME_PERIOD_HINT) : undefined);
      // Where the view last landed on the open period and that period is still the latest as far as
      // is known here: its key risks and sections (the open risks with the columns the table shows,
      // the sections) go in this $batch, checked below against the periods read with them.
      const open: number | undefined = hintedId((this._hints && this._hints.get(OPEN_LANDING_HINT)) || this._lastingHint(OPEN_LANDING_HINT));
      if (open !== undefined && open === this._latestPeriodGuess() && (options.landing.periodId === undefined || options.landing.periodId === open)) {
        openId = open;
        const queries: QuerySet = programmePictureQueries({ laterIds: [] }, open, []);
        // The same open risks as the counts and the risk matrix read: asked once, with their scores too.
        if (counts) {
          queries.risks = { ...queries.risks, columns: [...(queries.risks.columns || []), 'Likelihood', 'Impact'] };
        }
        openRead = this._transport.read(queries, { action });
        openRead.catch(() => undefined);
        partPeriodId = partPeriodId === open ? undefined : partPeriodId;
      }
      this._landingToNote = true;
      if (partPeriodId !== undefined) {
        // Without the periods: the summary reads them, and says whether the period is locked.
        partRead = this._transport.read(programmePartQueries(partPeriodId), { action });
        partRead.catch(() => undefined);
        preloadSnapshotPart();
      }
    }
    // Only the small columns the view shows: ratings over time, and what to count.
    // Open risks: what the counts and the risk matrix's cells need; the titles, numbers and
    // owners a chosen cell lists are read when one is chosen (getOpenRisks).
    const openRisks: IListQuery = openRisksQuery(['Workstream', 'Likelihood', 'Impact']);
    // The latest period's milestones due go with the rest when the latest period is known (read
    // earlier, or remembered by the session): checked against the periods read with them, and
    // read again only if the guess was wrong.
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
    // A tab pinned to a workstream: where it last landed (a hint) lets its workstream's ratings and
    // landing picture go in this same $batch, checked below against the periods and workstreams
    // read with them.
    const pinned: string | undefined = options.pinned !== undefined && options.pinned.trim() !== '' ? options.pinned.trim().toLowerCase() : undefined;
    this._pinned = undefined;
    this._landingTab = undefined;
    const tabHint: ITabLandingHint | undefined = pinned && this._tabHints ? parseTabLanding(this._tabHints.get(tabLandingKey(pinned))) : undefined;
    const ahead: Promise<IReadResult> | undefined = tabHint ? this._transport.read({ ...this._tabLandingQueries(tabHint), tabRatings: ragHistoryQuery(tabHint.workstreamId) }, { people: true, action }) : undefined;
    if (ahead) {
      ahead.catch(() => undefined);
    }
    const { records, people } = await this._transport.read(
      { ...(kept ? {} : SUMMARY_LISTS), ...ratings, ...(counts && !openRead ? { openRisks } : {}), ...(guess === undefined ? {} : { due: dueQuery(guess) }) },
      { people: true, action }
    );
    withOpenOverviews(records);
    if (stamping) {
      Object.assign(records, await this._referenceLists(stamping, kept, kept ? undefined : records, action));
    }
    const periods: IPeriod[] = sortPeriods(records.periods.map(toPeriod));
    this._periods = periods;
    this._summaryLists = { periods: records.periods, workstreamHeadings: records.workstreams };
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
    let historyRows: Row[] = ratingsOf ? ratingsRows(records, ratingsOf) : records.history || [];
    if (ratingsOf) {
      if (missed) {
        historyRows = historyRows.concat(ratingsRows((await missed).records, missing));
      }
      this._keepHint(RATINGS_WINDOW_HINT, ratingsOf.join(','));
    }
    const risksByWorkstream: { [id: number]: number } = {};
    // Read with the open period's key risks when those went in this $batch (should that read have
    // failed, the open risks are read alone: one more round trip, only then).
    const openRiskRows: Row[] = !counts
      ? []
      : openRead
        ? await openRead.then(
            (read) => read.records.risks,
            async () => (await this._transport.read({ openRisks }, { action })).records.openRisks
          )
        : records.openRisks;
    for (const r of openRiskRows) {
      risksByWorkstream[Number(r.values.Workstream)] = (risksByWorkstream[Number(r.values.Workstream)] || 0) + 1;
    }
    const openRiskScores: IOpenRiskScore[] = openRiskRows
      .map((record) => toEntity('risk', record, () => undefined))
      .sort((a, b) => a.workstreamId - b.workstreamId || a.id - b.id)
      .map((risk) => ({ id: risk.id, workstreamId: risk.workstreamId, likelihood: risk.likelihood, impact: risk.impact }));
    const milestonesDue: { [id: number]: number } = {};
    const milestonesDueDates: { [id: number]: string[] } = {};
    if (latest && counts) {
      this._keepHint(LATEST_PERIOD_HINT, String(latest.id));
      const dueRecords: Row[] = dueMissed ? (await dueMissed).records.due : records.due;
      for (const m of dueRecords) {
        // Due: this period's milestones not yet complete — not the plans for next period.
        const milestone: IMilestone = toEntity('milestone', m, () => undefined);
        if (milestone.timing === 'ThisPeriod' && m.values.StatusCategory !== 'Complete') {
          const ws: number = Number(m.values.Workstream);
          milestonesDue[ws] = (milestonesDue[ws] || 0) + 1;
          if (milestone.dueDate) {
            (milestonesDueDates[ws] = milestonesDueDates[ws] || []).push(milestone.dueDate);
          }
        }
      }
    }
    const lookup: PeopleLookup = people as PeopleLookup;
    const workstreams: IWorkstreamHeading[] = records.workstreams.map((r) => headingOf(toWorkstream(r, lookup))).sort(byOrder);
    if (pinned) {
      const found: IWorkstreamHeading | undefined = workstreams.filter((w) => w.code.toLowerCase() === pinned)[0];
      this._pinned = found ? { code: pinned, workstreamId: found.id } : undefined;
      if (found && ahead && tabHint && tabHint.workstreamId === found.id) {
        this._landingTab = this._tabLanding(tabHint, ahead, periods, records);
      }
    }
    // The open period read ahead is the view's only while it is still the latest period and open
    // (then the risks closed in a later period are none, as asked); else it is read when asked.
    if (openRead && latest && latest.id === openId && latest.state !== 'Locked') {
      const ahead: Promise<IReadResult> = openRead;
      const landed: number = latest.id;
      const workstreamRows: Row[] = records.workstreams;
      const picture: Promise<IProgrammePicture> = ahead.then((read) => this._withRetiredPresence(read.records, periods, workstreamRows, landed, action));
      picture.catch(() => undefined);
      this._landingOpen = { at: Date.now(), periodId: landed, read: picture };
    }
    const partPeriod: IPeriod | undefined = periods.filter((p) => p.id === partPeriodId)[0];
    if (partRead && partPeriod && partPeriod.state === 'Locked') {
      const period: IPeriod = partPeriod;
      const picture: Promise<IProgrammePicture | undefined> = partRead.then(async (read) => {
        const fromPart = await this._partPicture(period, periods, read.records, lookup);
        return fromPart === 'reopened' ? undefined : fromPart;
      });
      picture.catch(() => undefined);
      this._landingPart = { at: Date.now(), periodId: period.id, read: picture };
    }
    return {
      programme: toProgramme(records.programme[0], records.ragDefinitions),
      programmeEtag: records.programme[0] ? records.programme[0].etag : undefined,
      periods,
      workstreams,
      history: withRatings ? historyFrom(historyRows) : [],
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
   * The reads of a pinned tab's landing picture, as the hint names it (the periods are the
   * summary's). An open period's picture is of the lists as they are: the tab's workstream is read
   * whole with it (its description and outcomes), the summary reading only the workstreams' headings.
   */
  private _tabLandingQueries(hint: ITabLandingHint): QuerySet {
    if (hint.locked) {
      preloadSnapshotPart();
    }
    return hint.locked
      ? snapshotQueries(hint.periodId, hint.workstreamId, undefined)
      : { ...pictureQueriesAround(hint, hint.periodId, { workstreamId: hint.workstreamId }), tabWorkstream: { list: 'workstreams', id: hint.workstreamId } };
  }

  /**
   * What a pinned tab's summary read beside it, checked against the periods read with it: the
   * workstream's ratings (the hint's workstream is the tab's: checked by the caller), and its
   * picture of the hinted period when that period is still there, still as locked or open as the
   * hint says, and its picture's queries (the period before it, those after it) are still the ones
   * asked. Whether it is where the tab lands is for the view to say: it is taken only when asked for.
   */
  private _tabLanding(hint: ITabLandingHint, ahead: Promise<IReadResult>, periods: IPeriod[], summary: { [name: string]: Row[] }): ITabLandingRead {
    const options: IPictureOptions = { workstreamId: hint.workstreamId };
    const period: IPeriod | undefined = periods.filter((p) => p.id === hint.periodId)[0];
    const neighbours = pictureNeighbours(periods, hint.periodId);
    const held: boolean =
      !!period &&
      (period.state === 'Locked') === hint.locked &&
      (hint.locked || (neighbours.previousId === hint.previousId && neighbours.laterIds.join(',') === hint.laterIds.join(',')));
    let picture: Promise<IEditablePeriodPicture | undefined> | undefined;
    if (held && period) {
      const landed: IPeriod = period;
      picture = ahead.then(async ({ records, people }) => {
        if (hint.locked) {
          const locked = await this._snapshotFrom(landed, periods, options, records, people as PeopleLookup, undefined);
          return locked === 'relocked' ? undefined : locked;
        }
        // The reference lists as the summary read them (or kept them, checked by their stamps), not
        // again — but the tab's workstream whole, as read with the picture (the summary's is its
        // heading); should it not be there, the picture is read as ever.
        const whole: Row | undefined = (records.tabWorkstream || []).filter((r) => r.id === hint.workstreamId)[0];
        if (!whole) {
          return undefined;
        }
        const workstreams: Row[] = summary.workstreams.filter((r) => r.id !== hint.workstreamId).concat([whole]);
        const fixed = { programme: summary.programme, ragDefinitions: summary.ragDefinitions, periods: summary.periods, workstreams };
        const live: IEditablePeriodPicture = assemblePicture({ ...records, ...fixed }, landed.id, people as PeopleLookup, options);
        this._periods = live.periods;
        return live;
      });
      picture.catch(() => undefined);
    }
    const history: Promise<IRagHistoryEntry[]> = ahead.then(({ records }) => historyFrom(records.tabRatings));
    history.catch(() => undefined);
    return { at: Date.now(), workstreamId: hint.workstreamId, periodId: hint.periodId, picture, history };
  }

  /**
   * Remembers where a pinned tab landed — the first picture of its workstream asked for after its
   * summary — for the tab's next first read (a lasting hint: ids only, checked when used).
   */
  private _noteTabLanding(picture: Promise<IEditablePeriodPicture>, workstreamId: number | undefined): void {
    const pinned = this._pinned;
    if (!pinned || workstreamId !== pinned.workstreamId || !this._tabHints) {
      return;
    }
    this._pinned = undefined;
    const hints: ISessionHints = this._tabHints;
    picture.then(
      (p) => {
        const neighbours = pictureNeighbours(p.periods, p.period.id);
        const hint: ITabLandingHint = { workstreamId, periodId: p.period.id, locked: p.period.state === 'Locked', ...neighbours };
        hints.set(tabLandingKey(pinned.code), JSON.stringify(hint));
      },
      () => undefined
    );
  }

  /**
   * A period's picture. Views on one screen that ask for the same picture at once (the office's
   * cycle view, the paper's sections, key risks) share one read while it is on its way.
   */
  public getPeriodPicture(periodId: number, options: IProgrammeOnly): Promise<IProgrammePicture>;
  public getPeriodPicture(periodId: number, options?: IPictureOptions): Promise<IEditablePeriodPicture>;
  public getPeriodPicture(periodId: number, options: IPictureOptions | IProgrammeOnly = {}): Promise<IEditablePeriodPicture | IProgrammePicture> {
    const workstreamId: number | undefined = 'workstreamId' in options ? options.workstreamId : undefined;
    const whole: string = `${periodId}:${workstreamId === undefined ? '' : workstreamId}`;
    // A period known to be locked has a programme part; an open one (or one not known here yet)
    // is read for what the view shows only.
    const known: IPeriod | undefined = this._periods ? this._periods.filter((p) => p.id === periodId)[0] : undefined;
    if ('programmeOnly' in options && options.programmeOnly === true) {
      if (this._landingToNote) {
        // Where the programme view landed: the open period (the latest), or not.
        this._landingToNote = false;
        const latest: IPeriod | undefined = this._periods ? this._periods[this._periods.length - 1] : undefined;
        this._keepHint(OPEN_LANDING_HINT, known && known === latest && known.state !== 'Locked' ? String(periodId) : '');
      }
      return known && known.state === 'Locked' ? this._programmePicture(periodId) : this._openProgrammePicture(periodId);
    }
    const tab: ITabLandingRead | undefined = this._landingTab;
    if (tab && tab.picture && workstreamId === tab.workstreamId && periodId === tab.periodId) {
      const ahead: Promise<IEditablePeriodPicture | undefined> = tab.picture;
      tab.picture = undefined;
      if (Date.now() - tab.at <= LANDING_KEPT_MS) {
        // Read with the summary; should that read have failed, or the hint's period not hold, it is read as ever.
        const read = (): Promise<IEditablePeriodPicture> => this._readPicture(periodId, { workstreamId });
        const landing: Promise<IEditablePeriodPicture> = this._onItsWay(whole, ahead.then((picture) => picture || read(), read));
        this._noteTabLanding(landing, workstreamId);
        return landing;
      }
    }
    const pending: Promise<IEditablePeriodPicture> | undefined = this._picturesOnTheirWay.get(whole);
    if (pending) {
      return pending;
    }
    const reading: Promise<IEditablePeriodPicture> = this._onItsWay(whole, this._readPicture(periodId, { workstreamId }));
    this._noteTabLanding(reading, workstreamId);
    return reading;
  }

  /** What the programme view shows of a period known here to be locked: its programme part, shared while on its way. */
  private _programmePicture(periodId: number): Promise<IProgrammePicture> {
    if (this._hints) {
      this._hints.set(PROGRAMME_PERIOD_HINT, String(periodId));
    }
    const landing = this._landingPart;
    let reading: Promise<IProgrammePicture> | undefined;
    if (landing && landing.periodId === periodId) {
      this._landingPart = undefined;
      if (Date.now() - landing.at <= LANDING_KEPT_MS) {
        // Read with the summary; a part that is not there (locked before parts, or reopened) is read as ever.
        reading = landing.read.then((picture) => picture || this._readProgrammePicture(periodId));
      }
    }
    if (!reading) {
      // The programme's parts come with the whole programme's picture when that is on its way.
      const pending: Promise<IProgrammePicture> | undefined = this._partsOnTheirWay.get(periodId) || this._picturesOnTheirWay.get(`${periodId}:`);
      if (pending) {
        return pending;
      }
      reading = this._readProgrammePicture(periodId);
    }
    return keptOnItsWay(this._partsOnTheirWay, periodId, reading);
  }

  /**
   * What the programme view shows of a period not known here to be locked: shared while on its way
   * (the key risks and the sections ask at once), or taken from the whole programme's picture
   * when that is on its way.
   */
  private _openProgrammePicture(periodId: number): Promise<IProgrammePicture> {
    const pending: Promise<IProgrammePicture> | undefined = this._partsOnTheirWay.get(periodId) || this._picturesOnTheirWay.get(`${periodId}:`);
    if (pending) {
      return pending;
    }
    const landing = this._landingOpen;
    if (landing && landing.periodId === periodId) {
      this._landingOpen = undefined;
      if (Date.now() - landing.at <= LANDING_KEPT_MS) {
        // Read with the summary; should that read have failed, it is read as ever.
        return keptOnItsWay(this._partsOnTheirWay, periodId, landing.read.catch(() => this._readOpenProgrammePicture(periodId)));
      }
    }
    return keptOnItsWay(this._partsOnTheirWay, periodId, this._readOpenProgrammePicture(periodId));
  }

  /**
   * An open period's key risks and sections, without the rest of its picture (its reports,
   * milestones, comments, feedback): the risks it lists with only the columns that decide and show
   * them, the sections with their ETags, beside the periods and workstreams the summary read
   * (else read with them). A period found locked is read as a locked one is.
   */
  private async _readOpenProgrammePicture(periodId: number): Promise<IProgrammePicture> {
    const kept: { periods: Row[]; workstreamHeadings: Row[] } | undefined = this._summaryLists;
    const keptPeriods: IPeriod[] | undefined = kept ? sortPeriods(kept.periods.map(toPeriod)) : undefined;
    const lists = keptPeriods && keptPeriods.some((p) => p.id === periodId) ? kept : undefined;
    const known: IPeriod[] = lists && keptPeriods ? keptPeriods : await this._knownPeriods(periodId);
    if (known.filter((p) => p.id === periodId)[0].state === 'Locked') {
      // Not known here until now: from its programme part (this read is the one shared meanwhile).
      if (this._hints) {
        this._hints.set(PROGRAMME_PERIOD_HINT, String(periodId));
      }
      return this._readProgrammePicture(periodId);
    }
    const action: string = readAction('period');
    const queries: QuerySet = programmePictureQueries(pictureNeighbours(known, periodId), periodId, lists ? retiredWorkstreams(lists.workstreamHeadings) : []);
    const { records } = await this._transport.read(lists ? queries : { ...PERIODS_READ, workstreams: SUMMARY_LISTS.workstreams, ...queries }, { action });
    withOpenOverviews(records);
    if (lists) {
      return assembleProgrammePicture(records, known, lists.workstreamHeadings, periodId);
    }
    const periods: IPeriod[] = sortPeriods(records.periods.map(toPeriod));
    this._periods = periods;
    const now: IPeriod | undefined = periods.filter((p) => p.id === periodId)[0];
    if (!now) {
      throw new DataError('notFound', message('noSuchPeriod', { periodId, deleted: true }));
    }
    if (now.state === 'Locked') {
      // Locked since the periods were last read here: what the Board saw, from its programme part.
      return this._readProgrammePicture(periodId);
    }
    // The workstreams were read with the rest: whether a retired one has records in the period, now.
    return this._withRetiredPresence(records, periods, records.workstreams, periodId, action);
  }

  /**
   * An open period's programme picture from its key risks and sections as read, where the
   * workstreams were read with them (or before the period was known): a retired workstream stays in
   * the period only where it has records in it, so when one is retired whether each has records in
   * the period is read now (one more round trip, only then) before the picture is assembled.
   */
  private async _withRetiredPresence(
    records: { [name: string]: Row[] },
    periods: IPeriod[],
    workstreamRows: Row[],
    periodId: number,
    action: string
  ): Promise<IProgrammePicture> {
    const retired: number[] = retiredWorkstreams(workstreamRows);
    const presence: { [name: string]: Row[] } = retired.length > 0 ? (await this._transport.read(retiredPresenceQueries(periodId, retired), { action })).records : {};
    return assembleProgrammePicture({ ...records, ...presence }, periods, workstreamRows, periodId);
  }

  /** A picture being read, kept under its key for the views that ask for it meanwhile, until it settles. */
  private _onItsWay(key: string, reading: Promise<IEditablePeriodPicture>): Promise<IEditablePeriodPicture> {
    return keptOnItsWay(this._picturesOnTheirWay, key, reading);
  }

  /**
   * What the programme view shows of a period: a locked one's from its programme part (its whole
   * snapshot when its last lock stored none), else — reopened since the periods were read — the
   * picture as it is.
   */
  private async _readProgrammePicture(periodId: number): Promise<IProgrammePicture> {
    const periods: IPeriod[] = await this._knownPeriods(periodId);
    const period: IPeriod = periods.filter((p) => p.id === periodId)[0];
    if (period.state === 'Locked') {
      const fromPart: IProgrammePicture | 'reopened' | undefined = await this._programmePart(period);
      if (fromPart !== undefined && fromPart !== 'reopened') {
        return fromPart;
      }
      // Locked before programme parts were written: from the whole snapshot, below.
    }
    return this._readPicture(periodId, {});
  }

  private async _readPicture(periodId: number, options: IPictureOptions): Promise<IEditablePeriodPicture> {
    const periods: IPeriod[] = await this._knownPeriods(periodId);
    const period: IPeriod = periods.filter((p) => p.id === periodId)[0];
    if (period.state === 'Locked') {
      const locked: IEditablePeriodPicture | undefined = await this._snapshotPicture(period, options);
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
      const locked: IEditablePeriodPicture | undefined = await this._snapshotPicture(now, options);
      if (locked) {
        return locked;
      }
    }
    return live;
  }

  /** The period as it is in the lists now. */
  public async _livePicture(periodId: number, options: IPictureOptions = {}): Promise<IEditablePeriodPicture> {
    const periods: IPeriod[] = await this._knownPeriods(periodId);
    const { records, people } = await this._transport.read({ ...FIXED, ...pictureQueries(periods, periodId, options) }, { people: true, action: readAction('period') });
    withOpenOverviews(records);
    const picture: IEditablePeriodPicture = assemblePicture(records, periodId, people as PeopleLookup, options);
    this._periods = picture.periods;
    return picture;
  }

  /**
   * A locked period as its report went to the Board, from the snapshot its last lock recorded;
   * undefined when the period turns out to be open now.
   */
  private async _snapshotPicture(period: IPeriod, options: IPictureOptions): Promise<IEditablePeriodPicture | undefined> {
    // By the last lock's snapshot id when known here (not the programme part beside it), else by period.
    const knownLock: string | undefined = this._lastLocks.get(period.id);
    preloadSnapshotPart();
    const { records, people } = await this._transport.read(
      { ...PERIODS_READ, ...snapshotQueries(period.id, options.workstreamId, knownLock) },
      { people: true, action: readAction('reported', period.title) }
    );
    withOpenOverviews(records);
    const read: IEditablePeriodPicture | 'relocked' | undefined = await this._snapshotFrom(period, sortPeriods(records.periods.map(toPeriod)), options, records, people as PeopleLookup, knownLock);
    // Locked again since: read by period.
    return read === 'relocked' ? this._snapshotPicture(period, options) : read;
  }

  /**
   * A locked period's picture from what {@link snapshotQueries} read, with the periods read with
   * them; undefined when the period turns out to be open now, 'relocked' when it was locked again
   * since the snapshot id known here (read again by period).
   */
  private async _snapshotFrom(
    period: IPeriod,
    periods: IPeriod[],
    options: IPictureOptions,
    records: { [name: string]: Row[] },
    people: PeopleLookup,
    knownLock: string | undefined
  ): Promise<IEditablePeriodPicture | 'relocked' | undefined> {
    const wanted: number | undefined = options.workstreamId;
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
      throw new DataError('unknown', message('snapshotUnreadable', { of: { period: period.title }, fault: { kind: 'missing' } }), { code: 'snapshotMissing' });
    }
    if (wanted === undefined && knownLock !== undefined && lock.snapshotId !== knownLock) {
      this._lastLocks.delete(period.id);
      return 'relocked';
    }
    this._lastLocks.set(period.id, lock.snapshotId as string);
    const lockId: string = lock.snapshotId as string;
    const { readSnapshot, readWorkstreamPart } = await snapshotPart();
    const part = wanted === undefined ? undefined : await readWorkstreamPart(records.parts, lockId, wanted, period.title);
    const { picture, sha256 } =
      part ||
      (await readSnapshot(
        wanted === undefined
          ? records.snapshots
          : (await this._transport.read({ snapshots: { list: 'snapshots', filter: { anyOf: [{ column: 'SnapshotId', value: lockId }] } } }, { action: readAction('reported', period.title) })).records.snapshots,
        lockId,
        period.title
      ));
    const only = <T extends { workstreamId: number }>(items: T[]): T[] => (options.workstreamId === undefined ? items : items.filter((i) => i.workstreamId === options.workstreamId));
    const noEtag = <T>(items: T[]): Array<T & { etag: string }> => items.map((i) => ({ ...i, etag: '' }));
    return {
      ...picture,
      // What the Board was shown of the period (its overview), not the list as edited since.
      period: periodAsReported(now, picture.period),
      periods,
      workstreams: options.workstreamId === undefined ? picture.workstreams : picture.workstreams.filter((w) => w.id === options.workstreamId),
      statusReports: noEtag(only(picture.statusReports)),
      previousStatusReports: only(picture.previousStatusReports),
      sponsorComments: noEtag(only(picture.sponsorComments)),
      milestones: noEtag(only(picture.milestones)),
      previousMilestones: only(picture.previousMilestones),
      risks: noEtag(only(picture.risks)),
      feedback: [...records.feedback, ...records.feedbackAbout.filter((r) => !records.feedback.some((f) => f.id === r.id))]
        .map((r) => this._saved('feedback', r, people as PeopleLookup))
        .filter((f) => f.periodId === period.id || f.aboutPeriodId === period.id)
        .sort((a, b) => a.id - b.id),
      snapshot: { id: lock.snapshotId as string, takenAt: lock.at, takenBy: lock.by, sha256 },
      acknowledgements: this._acknowledgements(records.acknowledgements, people as PeopleLookup)
    };
  }

  /**
   * What the programme view shows of a locked period — the key risks by workstream and the
   * period's sections — from the programme part its last lock stored beside the whole snapshot, read in
   * one round trip with the period's history (which names that lock's snapshot). 'reopened' when
   * the period turns out to be open now; undefined when its last lock stored no part (locked
   * before there were parts): the whole snapshot is then read.
   */
  private async _programmePart(period: IPeriod): Promise<IProgrammePicture | 'reopened' | undefined> {
    preloadSnapshotPart();
    const { records, people } = await this._transport.read(
      { ...PERIODS_READ, ...programmePartQueries(period.id) },
      { people: true, action: readAction('reported', period.title) }
    );
    withOpenOverviews(records);
    const periods: IPeriod[] = sortPeriods(records.periods.map(toPeriod));
    this._periods = periods;
    return this._partPicture(period, periods, records, people as PeopleLookup);
  }

  /** The programme view's picture of a locked period from its history and programme part, as read with the periods. */
  private async _partPicture(period: IPeriod, periods: IPeriod[], records: { [name: string]: Row[] }, people: PeopleLookup): Promise<IProgrammePicture | 'reopened' | undefined> {
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
    const part = await (await snapshotPart()).readProgrammePart(records.parts, lock.snapshotId as string, period.title);
    if (!part) {
      return undefined;
    }
    const { picture } = part;
    return {
      // The overview card shows what the Board was shown, not the list as edited since.
      period: periodAsReported(now, picture.period),
      periods,
      workstreams: picture.workstreams,
      risks: picture.risks,
      sections: picture.sections,
      // The whole snapshot the part was cut from: the same record of what the Board saw.
      snapshot: { id: lock.snapshotId as string, takenAt: lock.at, takenBy: lock.by, sha256: part.sha256 }
    };
  }

  public async getRagHistory(workstreamId: number): Promise<IRagHistoryEntry[]> {
    const tab: ITabLandingRead | undefined = this._landingTab;
    if (tab && tab.workstreamId === workstreamId && Date.now() - tab.at <= LANDING_KEPT_MS) {
      // A pinned tab's workstream, read with its summary (where it lands, and its view's history, ask for it).
      try {
        return await tab.history;
      } catch {
        // Read as ever, below.
      }
    }
    const { records } = await this._transport.read({ history: ragHistoryQuery(workstreamId) }, { action: readAction('ragHistory') });
    return historyFrom(records.history);
  }

  public async getRatings(periodIds: readonly number[]): Promise<IRagHistoryEntry[]> {
    const ids: number[] = periodIds.filter((id, i) => periodIds.indexOf(id) === i);
    if (ids.length === 0) {
      return [];
    }
    const { records } = await this._transport.read(ratingsQueries(ids), { action: readAction('ratings') });
    return historyFrom(ratingsRows(records, ids));
  }

  public async getOpenRisks(): Promise<IOpenRiskSummary[]> {
    const { records } = await this._transport.read(
      { openRisks: openRisksQuery(['Workstream', 'RiskNumber', 'Title', 'Likelihood', 'Impact', 'RiskOwner', 'SortOrder']) },
      { action: readAction('openRisks') }
    );
    return records.openRisks
      .map((record) => ({ risk: toEntity('risk', record, () => undefined), title: typeof record.values.Title === 'string' ? record.values.Title : '' }))
      .sort((a, b) => a.risk.workstreamId - b.risk.workstreamId || a.risk.order - b.risk.order || a.risk.id - b.risk.id)
      .map(({ risk, title }) => ({
        id: risk.id,
        workstreamId: risk.workstreamId,
        number: risk.number,
        title,
        likelihood: risk.likelihood,
        impact: risk.impact,
        owner: risk.owner,
        order: risk.order
      }));
  }

  public async getPeriodHistory(periodId: number): Promise<IPeriodHistoryEntry[]> {
    const { records, people } = await this._transport.read(
      { history: { list: 'history', filter: { anyOf: [{ column: 'ReportingPeriod', value: periodId }] } } },
      { people: true, action: readAction('periodHistory') }
    );
    return records.history.map((r) => toHistoryEntry(r, people as PeopleLookup)).sort((a, b) => a.id - b.id);
  }

  public _saved<K extends EntityKind>(kind: K, record: Row, people: PeopleLookup): Saved<IEntities[K]> {
    return { ...toEntity(kind, record, people), etag: record.etag } as Saved<IEntities[K]>;
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

  public async create<K extends EntityKind>(kind: K, value: NewEntity<K>, options: ICreateOptions = {}): Promise<Saved<IEntities[K]>> {
    return (await writes()).create(this, kind, value, options);
  }

  public async update<K extends EntityKind>(kind: K, id: number, changes: EntityChanges<K>, etag: string): Promise<Saved<IEntities[K]>> {
    return (await writes()).update(this, kind, id, changes, etag);
  }

  public async remove(kind: EntityKind, id: number, etag: string): Promise<void> {
    return (await writes()).remove(this, kind, id, etag);
  }

  // ---- the IIB challenge log ----

  public async getFeedbackHistory(id: number): Promise<Array<IItemVersion<IIibFeedback>>> {
    const action: string = readAction('challengeHistory');
    const [versions, people] = await Promise.all([this._transport.versions('feedback', id, action), this._transport.people()]);
    return versions.map((v: IVersionRecord) => ({
      label: v.label,
      at: v.at,
      by: v.editorId !== undefined ? people(v.editorId) || { id: v.editorId, name: v.editorName || `User ${v.editorId}` } : v.editorName ? { name: v.editorName } : undefined,
      current: v.current,
      value: toEntity('feedback', { ...v.record, id }, people)
    }));
  }

  public async respondToChallenge(id: number, response: string, etag: string): Promise<Saved<IIibFeedback>> {
    return (await writes()).respondToChallenge(this, id, response, etag);
  }

  public async closeChallenge(id: number, note: string | undefined, etag: string): Promise<Saved<IIibFeedback>> {
    return (await writes()).closeChallenge(this, id, note, etag);
  }

  // ---- the period's overview ----

  public async getPeriod(periodId: number): Promise<Saved<IPeriod>> {
    const record: Row = await this._periodRecord(periodId, readAction('period'));
    return { ...toPeriod(record), etag: record.etag };
  }

  /** A period's item as it is. Internal: for ./repositoryWrites.ts as for this class. */
  public async _periodRecord(periodId: number, action: string): Promise<Row> {
    const { records } = await this._transport.read({ period: { list: 'periods', id: periodId } }, { action });
    if (records.period.length === 0) {
      throw new DataError('notFound', message('periodGone', { action }), { status: 404 });
    }
    return records.period[0];
  }

  public async updateOverview(periodId: number, changes: IOverviewChanges, etag: string): Promise<Saved<IPeriod>> {
    return (await writes()).updateOverview(this, periodId, changes, etag);
  }

  // ---- the reporting cycle ----

  public async transitionReport(id: number, transition: ReportTransition, etag: string, reason?: string): Promise<Saved<IStatusReport>> {
    return (await writes()).transitionReport(this, id, transition, etag, reason);
  }

  /**
   * Sets up or changes the programme's details and what it reports (the programme office only).
   * On a site with no programme yet it creates the Programme item and, when the RAG key is empty,
   * the default definitions of the levels; otherwise it changes the item against its ETag, so a
   * change someone made meanwhile is refused as a conflict, never overwritten.
   * @param etag - the ETag the programme was read with; none for a site with no programme.
   */
  public async saveProgramme(details: IProgrammeDetails, etag?: string): Promise<Saved<IProgramme>> {
    return (await writes()).saveProgramme(this, details, etag);
  }

  public async getWorkstreams(): Promise<Array<Saved<IWorkstream>>> {
    const { records, people } = await this._transport.read({ workstreams: { list: 'workstreams' } }, { people: true, action: readAction('workstreams') });
    return this._savedWorkstreams(records.workstreams, people as PeopleLookup);
  }

  public _savedWorkstreams(records: Row[], people: PeopleLookup): Array<Saved<IWorkstream>> {
    return records
      .map((r) => ({ ...toWorkstream(r, people), etag: r.etag }))
      .sort(byOrder);
  }

  public async getPeople(): Promise<IPerson[]> {
    const people: PeopleLookup = await this._transport.people();
    return (people.all || []).filter((p) => !isBlank(p.name)).slice().sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  public async saveWorkstream(input: IWorkstreamInput, id?: number, etag?: string): Promise<Saved<IWorkstream>> {
    return (await writes()).saveWorkstream(this, input, id, etag);
  }

  public async moveWorkstream(id: number, direction: 'up' | 'down'): Promise<Array<Saved<IWorkstream>>> {
    return (await writes()).moveWorkstream(this, id, direction);
  }

  public async setWorkstreamRetired(id: number, retired: boolean, etag: string): Promise<Saved<IWorkstream>> {
    return (await writes()).setWorkstreamRetired(this, id, retired, etag);
  }

  public async createPeriod(input: INewPeriod): Promise<IPeriod> {
    return (await writes()).createPeriod(this, input);
  }

  public async lockPeriod(periodId: number, options: ILockOptions = {}): Promise<IPeriod> {
    return (await writes()).lockPeriod(this, periodId, options);
  }

  public async reopenPeriod(periodId: number, reason: string): Promise<IPeriod> {
    return (await writes()).reopenPeriod(this, periodId, reason);
  }

  // ---- period sections ----

  public async getSectionDefinitions(): Promise<ISavedSectionDefinition[]> {
    const { records } = await this._transport.read({ definitions: DEFINITIONS_QUERY }, { action: readAction('sections') });
    return this._definitions(records.definitions);
  }

  public _definitions(records: Row[]): ISavedSectionDefinition[] {
    return records
      .filter((r) => r.values.SectionScope === 'Programme')
      .map(toSectionDefinition)
      .sort(byOrder);
  }

  public async addSectionDefinition(name: string, order?: number): Promise<ISavedSectionDefinition> {
    return (await writes()).addSectionDefinition(this, name, order);
  }

  public async updateSectionDefinition(id: number, changes: { name?: string; order?: number }, etag: string): Promise<ISavedSectionDefinition> {
    return (await writes()).updateSectionDefinition(this, id, changes, etag);
  }

  public async removeSectionDefinition(id: number, etag: string): Promise<void> {
    return (await writes()).removeSectionDefinition(this, id, etag);
  }

  public async savePeriodSection(periodId: number, key: string, text: string, etag: string | undefined, author?: string): Promise<IEditablePeriodSection> {
    return (await writes()).savePeriodSection(this, periodId, key, text, etag, author);
  }

  // ---- readiness acknowledgements ----

  public _acknowledgements(records: Row[], people: PeopleLookup): Array<Saved<IReadinessAcknowledgement>> {
    return records.map((r) => ({ ...toAcknowledgement(r, people), etag: r.etag })).sort((a, b) => a.id - b.id);
  }

  public async getAcknowledgements(periodId: number): Promise<Array<Saved<IReadinessAcknowledgement>>> {
    const { records, people } = await this._transport.read({ acknowledgements: acknowledgementsQuery(periodId) }, { people: true, action: readAction('acknowledgements') });
    return this._acknowledgements(records.acknowledgements, people as PeopleLookup);
  }

  public async acknowledgeFinding(periodId: number, key: string, reason: string): Promise<Saved<IReadinessAcknowledgement>> {
    return (await writes()).acknowledgeFinding(this, periodId, key, reason);
  }

  public async withdrawAcknowledgement(id: number, etag: string): Promise<void> {
    return (await writes()).withdrawAcknowledgement(this, id, etag);
  }
}
