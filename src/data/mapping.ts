/**
 * The one place where list items become domain objects and back. The data layer reads the
 * transports' protocol-neutral rows (transport.ts' Row: values by the column's internal name,
 * lookups and people as ids) and writes column values (RowValues), by the field tables (fields.ts);
 * each transport decodes its own wire format into rows and encodes the values it is given.
 */
import type { IIibFeedback, IPeriod, IProgramme, IRecordedOrigin, IReportingOptions, ISponsorComment, IWorkstream } from '../domain/model';
import {
  dateOnly,
  FEEDBACK_FIELDS,
  fieldOf,
  graphName,
  HISTORY_FIELDS,
  id,
  MILESTONE_FIELDS,
  PERIOD_FIELDS,
  person,
  PROGRAMME_FIELDS,
  RAG_DEFINITION_FIELDS,
  readFields,
  readRow,
  RISK_FIELDS,
  SPONSOR_COMMENT_FIELDS,
  STATUS_REPORT_FIELDS,
  text,
  WORKSTREAM_FIELDS,
  writeAll,
  writeFields,
  type HistoryRow,
  type IRecordedColumns,
  type PeopleLookup,
  type ProgrammeRow,
  type WorkstreamRow
} from './fields';
import { readColumns, readExtras, restName, VERSION_COLUMN, type IColumnsRead } from './lists';
import type { EntityKind, IEntities, IPeriodHistoryEntry, ListKey, NewEntity } from './repository';
import type { Row, RowValues } from './transport';

export type { PeopleLookup };
export { dateOnly };

// ---- reading ----

/** The programme from the Programme list's item and the RAG Definitions list's items. */
export function toProgramme(item: Row | undefined, definitions: Row[]): IProgramme {
  const values: RowValues = item ? item.values : {};
  const row: ProgrammeRow = readRow(PROGRAMME_FIELDS, values);
  const programme: IProgramme = {
    title: row.title,
    organisation: row.organisation,
    board: row.board,
    ragKeyIntroduction: row.ragKeyIntroduction,
    // A level the RAG key does not know is not shown.
    ragDefinitions: definitions.map((d) => readRow(RAG_DEFINITION_FIELDS, d.values)).filter((d) => d.rag !== undefined)
  };
  const reporting: IReportingOptions | undefined = reportingFrom(row, values);
  if (reporting) {
    programme.reporting = reporting;
  }
  return programme;
}

/** The Programme item's reporting options' columns. */
const REPORTING_KEYS: ReadonlyArray<keyof ProgrammeRow> = ['ratingScale', 'usesSponsorComments', 'usesMilestones', 'usesSignOff', 'printEmpty', 'keyRisksTable'];

/** The RatingScale column's choices. */
const RATING_SCALE: { [choice: string]: Pick<IReportingOptions, 'rated' | 'ragScale'> } = {
  'Five levels': { rated: true, ragScale: 'five' },
  'Red, Amber, Green': { rated: true, ragScale: 'three' },
  'Not rated yet': { rated: false, ragScale: 'five' }
};

/**
 * The reporting options from the Programme item's columns; undefined when none is set (a site
 * from before the options, which reports everything). An empty column is the default: yes.
 */
function reportingFrom(r: ProgrammeRow, values: RowValues): IReportingOptions | undefined {
  const yes = (v: string | undefined): boolean => v !== 'No';
  const columns: string[] = REPORTING_KEYS.map((key) => fieldOf(PROGRAMME_FIELDS, key).column);
  if (columns.every((column) => values[column] === undefined || values[column] === null || values[column] === '')) {
    return undefined;
  }
  const scale = RATING_SCALE[String(r.ratingScale)] || RATING_SCALE['Five levels'];
  return {
    rated: scale.rated,
    ragScale: scale.ragScale,
    sponsorComments: yes(r.usesSponsorComments),
    milestones: yes(r.usesMilestones),
    signOff: yes(r.usesSignOff),
    printEmpty: yes(r.printEmpty),
    // Empty here is no: a key risks table is new, and earlier sites print risks per workstream.
    keyRisks: r.keyRisksTable === 'Yes'
  };
}

/** The Programme item's columns for a programme's reporting options. */
export function reportingRecord(o: IReportingOptions): RowValues {
  const yesNo = (v: boolean): string => (v ? 'Yes' : 'No');
  return writeFields<ProgrammeRow>(PROGRAMME_FIELDS, {
    ratingScale: !o.rated ? 'Not rated yet' : o.ragScale === 'three' ? 'Red, Amber, Green' : 'Five levels',
    usesSponsorComments: yesNo(o.sponsorComments),
    usesMilestones: yesNo(o.milestones),
    usesSignOff: yesNo(o.signOff),
    printEmpty: yesNo(o.printEmpty),
    keyRisksTable: yesNo(o.keyRisks)
  });
}

/** A reporting period. */
export function toPeriod(r: Row): IPeriod {
  return readFields(PERIOD_FIELDS, r);
}

/** A workstream. */
export function toWorkstream(r: Row, people: PeopleLookup): IWorkstream {
  const { fullTitle, ...row } = readFields(WORKSTREAM_FIELDS, r, people);
  // The Workstream (Title) column holds 255 characters: a longer title lives in FullTitle.
  return { ...row, title: fullTitle || row.title } as IWorkstream;
}

/** Reads one editable entity of a kind from its row. */
export function toEntity<K extends EntityKind>(kind: K, r: Row, people: PeopleLookup): IEntities[K] {
  return READERS[kind](r, people) as IEntities[K];
}

const READERS: { [K in EntityKind]: (r: Row, people: PeopleLookup) => IEntities[K] } = {
  statusReport: (r) => readFields(STATUS_REPORT_FIELDS, r),
  sponsorComment: (r, people): ISponsorComment => {
    const { recordedBy, recordedOn, ...comment } = readFields(SPONSOR_COMMENT_FIELDS, r, people);
    return { ...comment, author: person(people, authorId(r)), ...recordedOrigin({ recordedBy, recordedOn }) } as ISponsorComment;
  },
  milestone: (r) => readFields(MILESTONE_FIELDS, r),
  risk: (r) => readFields(RISK_FIELDS, r),
  feedback: (r, people): IIibFeedback => {
    const { recordedBy, recordedOn, ...feedback } = readFields(FEEDBACK_FIELDS, r, people);
    return { ...feedback, author: person(people, authorId(r)), created: text(r.created), ...recordedOrigin({ recordedBy, recordedOn }) } as IIibFeedback;
  }
};

/** The site user id of who made a row's item, when the read said. */
function authorId(r: Row): number | undefined {
  return r.author && r.author.id;
}

/** The writer and time an import kept (RecordedBy, RecordedOn), when the item was imported. */
function recordedOrigin({ recordedBy: by, recordedOn: on }: IRecordedColumns): { recorded?: IRecordedOrigin } {
  return by || on ? { recorded: { ...(by ? { by } : {}), ...(on ? { on } : {}) } } : {};
}

/** A lock or reopening of a period (by the Period History list's field table). */
export function toHistoryEntry(r: Row, people: PeopleLookup): IPeriodHistoryEntry {
  const row: HistoryRow = readRow(HISTORY_FIELDS, r.values, people);
  return {
    id: id(r.id) as number,
    periodId: row.periodId,
    action: row.action,
    reason: row.reason,
    snapshotId: row.snapshotId,
    boardMeetingDate: row.boardMeetingDate,
    // The lock or reopening as it happened: on the site it was imported from, when it was imported.
    by: row.recordedBy || person(people, authorId(r)),
    at: row.recordedOn || text(r.created) || ''
  };
}

// ---- writing ----

// Each writer maps only the fields present, so that an update changes nothing it was not given.
const WRITERS: { [K in EntityKind]: (value: Partial<NewEntity<K>>) => RowValues } = {
  statusReport: (v) => writeFields(STATUS_REPORT_FIELDS, v),
  sponsorComment: (v) => writeFields(SPONSOR_COMMENT_FIELDS, v),
  milestone: (v) => writeFields(MILESTONE_FIELDS, v),
  risk: (v) => writeFields(RISK_FIELDS, v),
  feedback: (v) => writeFields(FEEDBACK_FIELDS, v)
};

/** The column values to write for an entity, or for the changed fields of one. */
export function toValues<K extends EntityKind>(kind: K, value: Partial<NewEntity<K>>): RowValues {
  return WRITERS[kind](value);
}

/** The column values of a workstream (the seeder and the programme office write these). */
export function workstreamValues(w: Omit<IWorkstream, 'id'>): RowValues {
  const { title, shortTitle, ...rest } = w;
  return { ...writeAll<WorkstreamRow>(WORKSTREAM_FIELDS, rest), ...workstreamTitleRecord({ title, shortTitle }) };
}

/** SharePoint's limit on a single line of text, the Workstream (Title) column's. */
const TITLE_COLUMN_LENGTH: number = 255;

/**
 * A workstream's titles as columns: the Workstream (Title) column holds the title when it fits
 * in 255 characters, else its start cut at a word and marked "…" (for SharePoint's own views),
 * with the whole title in FullTitle; ShortTitle the short one, if any.
 */
export function workstreamTitleRecord(w: Pick<IWorkstream, 'title' | 'shortTitle'>): RowValues {
  const title: string = w.title;
  let cut: string = title;
  if (Array.from(title).length > TITLE_COLUMN_LENGTH) {
    const start: string = Array.from(title).slice(0, TITLE_COLUMN_LENGTH - 1).join('');
    const space: number = start.lastIndexOf(' ');
    cut = `${(space > TITLE_COLUMN_LENGTH / 2 ? start.slice(0, space) : start).trimEnd()}…`;
  }
  return writeFields<WorkstreamRow>(WORKSTREAM_FIELDS, { title: cut, fullTitle: cut === title ? undefined : title, shortTitle: w.shortTitle });
}

/** The column values of a reporting period, or of the fields of one given. */
export function periodValues(p: Partial<Omit<IPeriod, 'id'>>): RowValues {
  return writeFields(PERIOD_FIELDS, p);
}

/** The column values of the programme and its RAG key. */
export function programmeValues(p: IProgramme): { programme: RowValues; definitions: RowValues[] } {
  const { ragDefinitions, reporting, ...row } = p;
  return {
    programme: { ...writeFields<ProgrammeRow>(PROGRAMME_FIELDS, row), ...(reporting ? reportingRecord(reporting) : {}) },
    definitions: ragDefinitions.map((d) => writeFields(RAG_DEFINITION_FIELDS, d))
  };
}

// ---- selects and Graph ----

/**
 * The $select for a list: every column the product reads (or only those named, or less those
 * the filter fixes), plus the id; for a read of items to edit, their version and — for the lists
 * whose authors the product shows — author and Created (who made an item and when: a comment's
 * or challenge's record, an acknowledgement). Not Modified: nothing the product shows or checks
 * uses it (a write's check is its ETag).
 */
export function selectFor(list: ListKey, read: IColumnsRead = {}): string[] {
  // A read naming its columns shows them and nothing else: not who made each item, or when, or
  // its version (the ETag a write is checked against: see restRows.ts's restEtag).
  const { stamps, version } = readExtras(list, read);
  return ['Id', ...readColumns(list, read).map(restName), ...(stamps ? ['AuthorId', 'Created'] : []), ...(version ? [VERSION_COLUMN] : [])];
}

/** The Graph field names to select for a list, by {@link selectFor}'s rules (the version is the item's eTag, not a field). */
export function graphSelectFor(list: ListKey, read: IColumnsRead = {}): string[] {
  const { stamps } = readExtras(list, read);
  return ['id', ...readColumns(list, read).map((c) => graphName({ column: c.name, kind: c.kind })), ...(stamps ? ['AuthorLookupId', 'Created'] : [])];
}
