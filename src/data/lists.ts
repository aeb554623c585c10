/**
 * The columns the product reads and writes, per list, in SharePoint's internal names. The
 * provisioning XML (sharepoint/assets) is the source of truth; test/data/lists.test.ts checks
 * this description against it so that the two cannot drift apart.
 */
import {
  ACKNOWLEDGEMENT_FIELDS,
  CLOSE_DOWN_FIELDS,
  columnsOf,
  FEEDBACK_FIELDS,
  HISTORY_FIELDS,
  MILESTONE_FIELDS,
  PERIOD_FIELDS,
  PHASE_FIELDS,
  PROGRAMME_FIELDS,
  RAG_DEFINITION_FIELDS,
  restColumnName,
  RISK_FIELDS,
  SECTION_FIELDS,
  SNAPSHOT_FIELDS,
  SPONSOR_COMMENT_FIELDS,
  STATUS_REPORT_FIELDS,
  WORKSTREAM_FIELDS
} from './fields';
import { LIST_TITLES, type ListKey } from './repository';
import { message, wordOf } from '../domain/messages';

/**
 * How a column's value travels on the wire. `date` is a date-only column (read and written in the
 * site's time zone); `dateTime` an instant, passed through as ISO 8601 UTC.
 */
export type ColumnKind = 'text' | 'note' | 'choice' | 'number' | 'date' | 'dateTime' | 'lookup' | 'user' | 'userMulti' | 'boolean';

/** One column. */
export interface IColumn {
  name: string;
  kind: ColumnKind;
  /** The client filters or orders on it, so it must be indexed. */
  indexed?: boolean;
  /** Written on create and looked up after a failed one, never read with the item. */
  unread?: boolean;
  /**
   * Filled by the product from other fields on every write (a risk's Title is its description's
   * first line) for SharePoint's own views: no reader of the product needs it, so a read of the
   * list's items leaves it out unless it names it or asks for every column (an export's).
   */
  filled?: boolean;
  /** An indexed choice column's choices, as the list spells them (query.ts's fixedColumns). */
  choices?: readonly string[];
}

/**
 * The column a create carries its request key in: indexed and unique, so SharePoint itself
 * refuses a second create with the same key (a retry after a lost answer) and the item the
 * first one made can be found by it. SharePoint has no idempotent create of its own.
 */
export const REQUEST_KEY: string = 'RequestKey';
const requestKey: IColumn = { name: REQUEST_KEY, kind: 'text', indexed: true, unread: true };
const phase: IColumn = { name: 'Phase', kind: 'lookup', indexed: true };

/**
 * SharePoint's hidden Version column (tp_Version), every list's: the number an item's ETag is made
 * of, raised by each update. A read of items to edit selects it in place of OData metadata.
 */
export const VERSION_COLUMN: string = 'owshiddenversion';

/**
 * The lists whose items' author and time of creation the product reads: who wrote a sponsor's
 * comment or a challenge and when, who locked or reopened a period, who acknowledged a finding
 * (and an export's RecordedBy and RecordedOn for those that have them). A read of another list
 * asks for neither: a milestone's or a risk's author is nowhere shown.
 */
const STAMPED: ReadonlySet<ListKey> = new Set<ListKey>(['sponsorComments', 'feedback', 'history', 'acknowledgements']);

/** Whether reads of a list's items ask who made each and when (see {@link STAMPED}). */
export function readsStamps(list: ListKey): boolean {
  return STAMPED.has(list);
}

/** A fresh request key: a random UUID where the platform has one. */
export function newRequestKey(): string {
  const c: { randomUUID?: () => string } | undefined = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c && c.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** The columns of every list the product uses. */
export const COLUMNS: { readonly [list in ListKey]: readonly IColumn[] } = {
  // The lists of the entities with field tables (fields.ts) have their columns made from them.
  programme: columnsOf(PROGRAMME_FIELDS),
  ragDefinitions: columnsOf(RAG_DEFINITION_FIELDS),
  // A workstream's and a period's phase (issue 16) is written beside their fields by the phases' code.
  workstreams: [...columnsOf(WORKSTREAM_FIELDS), phase],
  periods: [...columnsOf(PERIOD_FIELDS), phase],
  statusReports: [...columnsOf(STATUS_REPORT_FIELDS), requestKey],
  sponsorComments: [...columnsOf(SPONSOR_COMMENT_FIELDS), requestKey],
  milestones: [...columnsOf(MILESTONE_FIELDS), requestKey],
  risks: [...columnsOf(RISK_FIELDS), requestKey],
  feedback: [...columnsOf(FEEDBACK_FIELDS), requestKey],
  // The lists the cycle's own modules read and write: snapshots (snapshot.ts), history (the lock
  // and reopening), the paper's sections (sections.ts), phases (PhaseRepository, issue 16) and
  // the readiness findings acknowledged in a period (acknowledgements.ts, issue 12).
  snapshots: columnsOf(SNAPSHOT_FIELDS),
  history: columnsOf(HISTORY_FIELDS),
  periodSections: [...columnsOf(SECTION_FIELDS), requestKey],
  phases: [...columnsOf(PHASE_FIELDS), requestKey],
  // A phase's close-down table, one row per task or action of a theme.
  closeDown: [...columnsOf(CLOSE_DOWN_FIELDS), requestKey],
  acknowledgements: [...columnsOf(ACKNOWLEDGEMENT_FIELDS), requestKey]
};

const BY_NAME: Map<ListKey, Map<string, IColumn>> = new Map<ListKey, Map<string, IColumn>>();

/** A list's column by its internal name, or undefined when the list has none of that name. */
export function columnNamed(list: ListKey, name: string): IColumn | undefined {
  let byName: Map<string, IColumn> | undefined = BY_NAME.get(list);
  if (!byName) {
    byName = new Map<string, IColumn>(COLUMNS[list].map((c) => [c.name, c] as [string, IColumn]));
    BY_NAME.set(list, byName);
  }
  return byName.get(name);
}

/** Whether creates in a list carry a request key. */
export function hasRequestKey(list: ListKey): boolean {
  return COLUMNS[list].some((col) => col.name === REQUEST_KEY);
}

/** Which of a list's columns a read of its items asks for. */
export interface IColumnsRead {
  /** Only these (a view's read): then nothing of who made an item, when, or its version. */
  only?: readonly string[];
  /** Every column, those the product fills from others too (an export's read). */
  every?: boolean;
  /** Not these: the columns the read's filter fixes to one value (query.ts's fixedColumns), which each row is given from the filter. */
  without?: readonly string[];
}

/**
 * The columns read with a list's items: those the product reads (with those it fills, for
 * `every`), or only those named; less those the read does without.
 */
export function readColumns(list: ListKey, read: IColumnsRead = {}): readonly IColumn[] {
  const all: IColumn[] = COLUMNS[list].filter((col) => !col.unread);
  const without: readonly string[] = read.without || [];
  const only: readonly string[] | undefined = read.only;
  if (!only) {
    return (read.every ? all : all.filter((col) => !col.filled)).filter((col) => without.indexOf(col.name) < 0);
  }
  for (const name of only) {
    if (!all.some((col) => col.name === name)) {
      throw new Error(wordOf(message('noColumnToRead', { list, column: name })));
    }
  }
  return all.filter((col) => only.indexOf(col.name) >= 0 && without.indexOf(col.name) < 0);
}

/**
 * Whether a read asks, besides the columns, who made each item and when (for the lists whose
 * authors the product shows: {@link readsStamps}) and its version (the ETag a write is checked
 * against): a read of the items to edit, not a view's, which names its columns.
 */
export function readExtras(list: ListKey, read: IColumnsRead): { stamps: boolean; version: boolean } {
  const whole: boolean = read.only === undefined;
  return { stamps: whole && readsStamps(list), version: whole };
}

/** The title of a list. */
export function listTitle(list: ListKey): string {
  return LIST_TITLES[list];
}

/** Column names with the REST suffix for references: "WorkstreamId". */
export function restName(column: IColumn): string {
  return restColumnName(column.name, column.kind);
}
