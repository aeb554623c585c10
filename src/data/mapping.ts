/**
 * The one place where list items become domain objects and back. Both repositories speak in
 * "records": SharePoint REST's JSON-light shape (WorkstreamId, SponsorId, ProjectManagersId:
 * [..]); the Graph repository converts its fields to and from records with
 * {@link graphFieldsToRecord} and {@link recordToGraphFields}.
 */
import {
  formatOutcomes,
  isRag,
  parseOutcomes,
  type IIibFeedback,
  type IMilestone,
  type IPeriod,
  type IPerson,
  type IRecordedOrigin,
  type IProgramme,
  type IRagDefinition,
  type IReportingOptions,
  type IRisk,
  type ISponsorComment,
  type IStatusReport,
  type IWorkstream,
  type Rag
} from '../domain';
import { dateOnly, id, isoDate, MILESTONE_FIELDS, num, optional, readFields, RISK_FIELDS, STATUS_REPORT_FIELDS, text, titleLine as title, writeFields, type ListRecord } from './fields';
import { COLUMNS, readColumns, restName, type IColumn } from './lists';
import type { EntityKind, IEntities, IPeriodHistoryEntry, ListKey, NewEntity } from './repository';

export type { ListRecord };
export { dateOnly };

/** Finds a site user by id. */
export type PeopleLookup = ((id: number) => IPerson | undefined) & {
  /** Every one of the site's people, when the lookup was made from the whole list (see peopleFrom). */
  readonly all?: readonly IPerson[];
};

function rag(value: unknown): Rag | undefined {
  return isRag(value) ? value : undefined;
}

function person(people: PeopleLookup, value: unknown): IPerson | undefined {
  const n: number | undefined = id(value);
  return n === undefined ? undefined : people(n) || { id: n, name: `User ${n}` };
}

function persons(people: PeopleLookup, value: unknown): IPerson[] {
  const ids: unknown[] = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { results?: unknown[] }).results) ? (value as { results: unknown[] }).results : [];
  return ids.map((v) => person(people, v)).filter((p): p is IPerson => p !== undefined);
}

// ---- reading ----

/** The programme from the Programme list's item and the RAG Definitions list's items. */
export function toProgramme(record: ListRecord | undefined, definitions: ListRecord[]): IProgramme {
  const r: ListRecord = record || {};
  const ragDefinitions: IRagDefinition[] = definitions
    .filter((d) => isRag(d.Rag))
    .map((d) => ({ rag: d.Rag as Rag, definition: text(d.Definition) || '' }));
  const programme: IProgramme = {
    title: text(r.Title) || '',
    organisation: text(r.Organisation) || '',
    board: text(r.Board) || '',
    ragKeyIntroduction: text(r.RagKeyIntroduction) || '',
    ragDefinitions
  };
  const reporting: IReportingOptions | undefined = reportingFrom(r);
  if (reporting) {
    programme.reporting = reporting;
  }
  return programme;
}

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
function reportingFrom(r: ListRecord): IReportingOptions | undefined {
  const yes = (v: unknown): boolean => v !== 'No';
  const columns: unknown[] = [r.RatingScale, r.UsesSponsorComments, r.UsesMilestones, r.UsesSignOff, r.PrintEmpty, r.KeyRisksTable];
  if (columns.every((v) => v === undefined || v === null || v === '')) {
    return undefined;
  }
  const scale = RATING_SCALE[String(r.RatingScale)] || RATING_SCALE['Five levels'];
  return {
    rated: scale.rated,
    ragScale: scale.ragScale,
    sponsorComments: yes(r.UsesSponsorComments),
    milestones: yes(r.UsesMilestones),
    signOff: yes(r.UsesSignOff),
    printEmpty: yes(r.PrintEmpty),
    // Empty here is no: a key risks table is new, and earlier sites print risks per workstream.
    keyRisks: r.KeyRisksTable === 'Yes'
  };
}

/** The Programme item's columns for a programme's reporting options. */
export function reportingRecord(o: IReportingOptions): ListRecord {
  const yesNo = (v: boolean): string => (v ? 'Yes' : 'No');
  return {
    RatingScale: !o.rated ? 'Not rated yet' : o.ragScale === 'three' ? 'Red, Amber, Green' : 'Five levels',
    UsesSponsorComments: yesNo(o.sponsorComments),
    UsesMilestones: yesNo(o.milestones),
    UsesSignOff: yesNo(o.signOff),
    PrintEmpty: yesNo(o.printEmpty),
    KeyRisksTable: yesNo(o.keyRisks)
  };
}

/** A reporting period. */
export function toPeriod(r: ListRecord): IPeriod {
  return {
    id: id(r.Id) as number,
    title: text(r.Title) || '',
    start: dateOnly(r.PeriodStart) || '',
    end: dateOnly(r.PeriodEnd) || '',
    state: r.PeriodState === 'Locked' ? 'Locked' : 'Open',
    overview: text(r.Overview),
    overallRag: rag(r.OverallRag),
    overviewAuthor: text(r.OverviewAuthor),
    boardMeetingDate: dateOnly(r.BoardMeetingDate)
  };
}

/** A workstream. */
export function toWorkstream(r: ListRecord, people: PeopleLookup): IWorkstream {
  return {
    id: id(r.Id) as number,
    code: text(r.Code) || '',
    // The Workstream (Title) column holds 255 characters: a longer title lives in FullTitle.
    title: text(r.FullTitle) || text(r.Title) || '',
    shortTitle: text(r.ShortTitle),
    description: text(r.Description) || '',
    outcomes: parseOutcomes(text(r.Outcomes)),
    sponsor: person(people, r.SponsorId),
    projectManagers: persons(people, r.ProjectManagersId),
    pmoSupport: persons(people, r.PmoSupportId),
    agreedCompletionAsWritten: text(r.AgreedCompletion),
    forecastCompletionAsWritten: text(r.ForecastCompletion),
    order: num(r.SortOrder) || 0,
    retired: r.Retired === true || r.Retired === 'true' || r.Retired === 1 ? true : undefined
  };
}

/** Reads one editable entity of a kind from its record. */
export function toEntity<K extends EntityKind>(kind: K, r: ListRecord, people: PeopleLookup): IEntities[K] {
  return READERS[kind](r, people) as IEntities[K];
}

const READERS: { [K in EntityKind]: (r: ListRecord, people: PeopleLookup) => IEntities[K] } = {
  statusReport: (r): IStatusReport => readFields(STATUS_REPORT_FIELDS, r),
  sponsorComment: (r, people): ISponsorComment => ({
    id: id(r.Id) as number,
    workstreamId: id(r.WorkstreamId) as number,
    periodId: id(r.ReportingPeriodId) as number,
    text: text(r.SponsorComment) || '',
    author: person(people, r.AuthorId),
    ...recordedOrigin(r, people)
  }),
  milestone: (r): IMilestone => readFields(MILESTONE_FIELDS, r),
  risk: (r): IRisk => readFields(RISK_FIELDS, r),
  feedback: (r, people): IIibFeedback => ({
    id: id(r.Id) as number,
    workstreamId: id(r.WorkstreamId) as number,
    periodId: id(r.ReportingPeriodId) as number,
    kind: r.FeedbackKind === 'Challenge' ? 'Challenge' : 'Feedback',
    text: text(r.Feedback) || '',
    author: person(people, r.AuthorId),
    created: text(r.Created),
    aboutPeriodId: id(r.AboutPeriodId),
    response: text(r.Response),
    respondedBy: person(people, r.RespondedById),
    respondedAt: text(r.RespondedAt),
    closedBy: person(people, r.ClosedById),
    closedAt: text(r.ClosedAt),
    closingNote: text(r.ClosingNote),
    ...recordedOrigin(r, people)
  })
};

/** The writer and time an import kept (RecordedBy, RecordedOn), when the item was imported. */
function recordedOrigin(r: ListRecord, people: PeopleLookup): { recorded?: IRecordedOrigin } {
  const by: IPerson | undefined = person(people, r.RecordedById);
  const on: string | undefined = text(r.RecordedOn);
  return by || on ? { recorded: { ...(by ? { by } : {}), ...(on ? { on } : {}) } } : {};
}

/** A lock or reopening of a period. */
export function toHistoryEntry(r: ListRecord, people: PeopleLookup): IPeriodHistoryEntry {
  return {
    id: id(r.Id) as number,
    periodId: id(r.ReportingPeriodId) as number,
    action: r.PeriodAction === 'Reopened' || r.PeriodAction === 'Overridden' ? r.PeriodAction : 'Locked',
    reason: text(r.Reason),
    snapshotId: text(r.SnapshotId),
    boardMeetingDate: dateOnly(r.BoardMeetingDate),
    // The lock or reopening as it happened: on the site it was imported from, when it was imported.
    by: person(people, r.RecordedById) || person(people, r.AuthorId),
    at: text(r.RecordedOn) || text(r.Created) || ''
  };
}

// ---- writing ----

type Writer<K extends EntityKind> = (value: Partial<NewEntity<K>>) => ListRecord;

// Each writer maps only the fields present, so that an update changes nothing it was not given.
function pick<T>(value: Partial<T>, map: { [P in keyof T]?: (v: T[P]) => ListRecord }): ListRecord {
  const out: ListRecord = {};
  for (const key of Object.keys(map) as Array<keyof T>) {
    if (key in value) {
      Object.assign(out, (map[key] as (v: T[typeof key]) => ListRecord)(value[key] as T[typeof key]));
    }
  }
  return out;
}

const WRITERS: { [K in EntityKind]: Writer<K> } = {
  statusReport: (v) => writeFields(STATUS_REPORT_FIELDS, v),
  sponsorComment: (v) =>
    pick<NewEntity<'sponsorComment'>>(v, {
      workstreamId: (x) => ({ WorkstreamId: x }),
      periodId: (x) => ({ ReportingPeriodId: x }),
      text: (x) => ({ SponsorComment: x, Title: title(x) })
    }),
  milestone: (v) => writeFields(MILESTONE_FIELDS, v),
  risk: (v) => writeFields(RISK_FIELDS, v),
  feedback: (v) =>
    pick<NewEntity<'feedback'>>(v, {
      workstreamId: (x) => ({ WorkstreamId: x }),
      periodId: (x) => ({ ReportingPeriodId: x }),
      kind: (x) => ({ FeedbackKind: x }),
      text: (x) => ({ Feedback: x, Title: title(x) }),
      aboutPeriodId: (x) => ({ AboutPeriodId: x === undefined ? null : x }),
      response: (x) => ({ Response: optional(x) }),
      respondedBy: (x) => ({ RespondedById: x && x.id ? x.id : null }),
      respondedAt: (x) => ({ RespondedAt: optional(x) }),
      closedBy: (x) => ({ ClosedById: x && x.id ? x.id : null }),
      closedAt: (x) => ({ ClosedAt: optional(x) }),
      closingNote: (x) => ({ ClosingNote: optional(x) })
    })
};

/** The record to write for an entity, or for the changed fields of one. */
export function toRecord<K extends EntityKind>(kind: K, value: Partial<NewEntity<K>>): ListRecord {
  return WRITERS[kind](value);
}

/** The record of a workstream (the seeder and the programme office write these). */
export function workstreamRecord(w: Omit<IWorkstream, 'id'>): ListRecord {
  return {
    ...workstreamTitleRecord(w),
    Code: w.code,
    Description: optional(w.description),
    Outcomes: w.outcomes.length > 0 ? formatOutcomes(w.outcomes) : null,
    SponsorId: w.sponsor && w.sponsor.id ? w.sponsor.id : null,
    ProjectManagersId: w.projectManagers.filter((p) => p.id).map((p) => p.id),
    PmoSupportId: w.pmoSupport.filter((p) => p.id).map((p) => p.id),
    AgreedCompletion: optional(w.agreedCompletionAsWritten),
    ForecastCompletion: optional(w.forecastCompletionAsWritten),
    SortOrder: w.order,
    Retired: w.retired === true
  };
}

/** SharePoint's limit on a single line of text, the Workstream (Title) column's. */
const TITLE_COLUMN_LENGTH: number = 255;

/**
 * A workstream's titles as columns: the Workstream (Title) column holds the title when it fits
 * in 255 characters, else its start cut at a word and marked "…" (for SharePoint's own views),
 * with the whole title in FullTitle; ShortTitle the short one, if any.
 */
export function workstreamTitleRecord(w: Pick<IWorkstream, 'title' | 'shortTitle'>): ListRecord {
  const title: string = w.title;
  let cut: string = title;
  if (Array.from(title).length > TITLE_COLUMN_LENGTH) {
    const start: string = Array.from(title).slice(0, TITLE_COLUMN_LENGTH - 1).join('');
    const space: number = start.lastIndexOf(' ');
    cut = `${(space > TITLE_COLUMN_LENGTH / 2 ? start.slice(0, space) : start).trimEnd()}…`;
  }
  return {
    Title: cut,
    FullTitle: cut === title ? null : title,
    ShortTitle: optional(w.shortTitle)
  };
}

/** The record of a reporting period. */
export function periodRecord(p: Partial<Omit<IPeriod, 'id'>>): ListRecord {
  return pick<Omit<IPeriod, 'id'>>(p, {
    title: (x) => ({ Title: x }),
    start: (x) => ({ PeriodStart: isoDate(x) }),
    end: (x) => ({ PeriodEnd: isoDate(x) }),
    state: (x) => ({ PeriodState: x }),
    overview: (x) => ({ Overview: optional(x) }),
    overallRag: (x) => ({ OverallRag: x || null }),
    overviewAuthor: (x) => ({ OverviewAuthor: optional(x) }),
    boardMeetingDate: (x) => ({ BoardMeetingDate: x ? isoDate(x) : null })
  });
}

/** The records of the programme and its RAG key. */
export function programmeRecords(p: IProgramme): { programme: ListRecord; definitions: ListRecord[] } {
  return {
    programme: {
      Title: p.title,
      Organisation: optional(p.organisation),
      Board: optional(p.board),
      RagKeyIntroduction: optional(p.ragKeyIntroduction),
      ...(p.reporting ? reportingRecord(p.reporting) : {})
    },
    definitions: p.ragDefinitions.map((d) => ({ Title: d.rag, Rag: d.rag, Definition: d.definition }))
  };
}

// ---- selects and Graph ----

/** The $select for a list: every column the product reads (or only those named), plus id and audit columns. */
export function selectFor(list: ListKey, only?: readonly string[]): string[] {
  // A read naming its columns shows them and nothing else: not who made each item, or when.
  return ['Id', ...readColumns(list, only).map(restName), ...(only ? [] : ['AuthorId', 'Created', 'Modified'])];
}

/**
 * One entry of SharePoint REST's `items(id)/versions` (SP.ListItemVersion) as a record. A version
 * gives lookup and person columns as `{ LookupId, LookupValue }` under the column's own name
 * (`Workstream`, `Editor`) rather than `WorkstreamId`; both forms are read. UNCONFIRMED beyond
 * Microsoft's SP.ListItemVersion type (VersionLabel, IsCurrentVersion, Created, field values) and
 * reports of its JSON: the exact per-field shapes are not documented.
 */
export function restVersionToRecord(list: ListKey, v: { [name: string]: unknown }): ListRecord {
  const lookupId = (x: unknown): number | undefined =>
    x && typeof x === 'object' ? num((x as { LookupId?: unknown }).LookupId) : num(x);
  const r: ListRecord = { Id: num(v.ID !== undefined ? v.ID : v.Id), Created: v.Created, Modified: v.Modified !== undefined ? v.Modified : v.Created };
  r.AuthorId = num(v.AuthorId) !== undefined ? num(v.AuthorId) : lookupId(v.Author);
  for (const col of readColumns(list)) {
    if (col.kind === 'lookup' || col.kind === 'user') {
      const direct: unknown = v[restName(col)];
      r[restName(col)] = (direct !== undefined && direct !== null ? num(direct) : lookupId(v[col.name])) || null;
    } else if (col.kind === 'userMulti') {
      const x: unknown = v[col.name];
      const arr: unknown[] = Array.isArray(x) ? x : x && typeof x === 'object' && Array.isArray((x as { results?: unknown[] }).results) ? (x as { results: unknown[] }).results : [];
      r[restName(col)] = arr.map(lookupId).filter((n) => n !== undefined);
    } else {
      r[col.name] = v[col.name] === undefined ? null : v[col.name];
    }
  }
  return r;
}

/** Graph fields (WorkstreamLookupId: "3", ProjectManagers: [{LookupId}]) as a record. */
export function graphFieldsToRecord(list: ListKey, fields: { [name: string]: unknown }): ListRecord {
  const r: ListRecord = { Id: num(fields.id), Created: fields.Created, Modified: fields.Modified, AuthorId: num(fields.AuthorLookupId) };
  for (const col of readColumns(list)) {
    if (col.kind === 'lookup' || col.kind === 'user') {
      r[restName(col)] = num(fields[`${col.name}LookupId`]) || null;
    } else if (col.kind === 'userMulti') {
      const v: unknown = fields[col.name];
      r[restName(col)] = Array.isArray(v) ? v.map((x) => num((x as { LookupId?: unknown }).LookupId)).filter((x) => x !== undefined) : [];
    } else {
      r[col.name] = fields[col.name] === undefined ? null : fields[col.name];
    }
  }
  return r;
}

/** A record as Graph fields: lookup ids as strings, multi-value ids annotated. */
export function recordToGraphFields(list: ListKey, record: ListRecord): { [name: string]: unknown } {
  const out: { [name: string]: unknown } = {};
  const byRest: { [name: string]: IColumn } = {};
  for (const col of COLUMNS[list]) {
    byRest[restName(col)] = col;
  }
  for (const key of Object.keys(record)) {
    const col: IColumn | undefined = byRest[key];
    if (!col) {
      throw new Error(`The ${list} list has no column for ${key}.`);
    }
    const v: unknown = record[key];
    if (col.kind === 'lookup' || col.kind === 'user') {
      out[`${col.name}LookupId`] = v === null || v === undefined ? null : String(v);
    } else if (col.kind === 'userMulti') {
      out[`${col.name}LookupId@odata.type`] = 'Collection(Edm.Int32)';
      out[`${col.name}LookupId`] = v;
    } else {
      out[col.name] = v;
    }
  }
  return out;
}

/** The Graph field names to select for a list (every column the product reads, or only those named). */
export function graphSelectFor(list: ListKey, only?: readonly string[]): string[] {
  return [
    'id',
    ...readColumns(list, only).map((c) => (c.kind === 'lookup' || c.kind === 'user' ? `${c.name}LookupId` : c.name)),
    // A read naming its columns shows them and nothing else: not who made each item, or when.
    ...(only ? [] : ['AuthorLookupId', 'Created', 'Modified'])
  ];
}
