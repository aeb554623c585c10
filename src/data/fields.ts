/**
 * One field table per entity: each of the entity's fields once, with everything the product
 * needs to know of it — its domain key, the list column it lives in (SharePoint's internal name),
 * the column's kind and how a value is read from and written to it (its codec), whether the
 * client filters on it (indexed), how the data layer checks it before writing, and the key of the
 * dashboard's label for it. The readers and writers (mapping.ts; PhaseRepository's for close-down
 * rows), the columns and so the REST and Graph selects (lists.ts), the data layer's checks
 * (validation.ts, saveProgramme) and the dashboard's form fields (forms.ts' tableField, used by
 * formSpecs.ts, WorkstreamForm, NewPeriodPanel, closeDownForm, ProgrammeSetUp's checks) are made
 * from these tables; test/data/fields.test.ts checks them against the provisioning XML
 * (sharepoint/assets) and the forms. Every list the product writes has one: the phases
 * (PhaseRepository), period sections (sections.ts), acknowledgements (acknowledgements.ts), history
 * (mapping's toHistoryEntry, the lock and reopening) and snapshots' parts (snapshot.ts writes them;
 * the table gives their columns and selects) included.
 *
 * A field's key is the name it goes by everywhere: a refusal from the data layer names the field
 * by it (DataError.field), and a form's field has the same key, so the form puts the refusal
 * beside its field without matching any words.
 */
import type {
  FeedbackKind,
  IIibFeedback,
  IMilestone,
  IOutcomeGroup,
  IPeriod,
  IPerson,
  IProgramme,
  IRagDefinition,
  ISponsorComment,
  IWorkstream,
  PeriodState,
  IRisk,
  IStatusReport,
  MilestoneStatusCategory,
  MilestoneTiming,
  RiskState,
  StatusReportState
} from '../domain/model';
import { RAG_SCALE, type Rag } from '../domain/rag';
import { formatOutcomes, parseOutcomes } from '../domain/richText';
import { checkText, MAX_SINGLE_LINE, type IFieldError } from '../domain/textCheck';
import type { CloseDownDestination, ICloseDownItem, IPhase, PhaseState } from '../domain/phases';
import { fieldName, message, wordOf, type FieldNameCode, type IMessage } from '../domain/messages';
import type { ColumnKind } from './lists';
import type { Row, RowValues } from './transport';

// ---- the values on the wire ----

/** A text column's value, or undefined when empty. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A number column's value (or a number written as text), or undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && isFinite(value) ? value : typeof value === 'string' && value.trim() !== '' && isFinite(Number(value)) ? Number(value) : undefined;
}

/** A lookup or item id: a positive number, or undefined. */
export function id(value: unknown): number | undefined {
  const n: number | undefined = num(value);
  return n !== undefined && n > 0 ? n : undefined;
}

const LONDON: Intl.DateTimeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * A date-only column's calendar date. The repository's transport (zonedRows.ts' ZonedRows) gives
 * rows their dates as calendar dates in the site's time zone, which are returned as they are.
 * An instant (a row that did not pass through it) is read in UK time: SharePoint stores
 * date-only values as the site's local midnight in UTC, so a UK site's 1 June arrives as
 * 2023-05-31T23:00:00Z.
 */
export function dateOnly(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') {
    return undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return value;
  }
  const d: Date = new Date(value);
  if (isNaN(d.getTime())) {
    return undefined;
  }
  const parts: { [type: string]: string } = {};
  for (const p of LONDON.formatToParts(d)) {
    parts[p.type] = p.value;
  }
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** An optional text as a column's value: empty is null, so the column is cleared. */
export function optional(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/** A calendar date for a date-only column; the transport turns it into the site's midnight. */
export function isoDate(value: string | undefined): string | null {
  return value ? value.slice(0, 10) : null;
}

/** The Title column's one line for a long text (a risk's description): white space folded, at most 255 characters. */
export function titleLine(value: string | undefined): string | null {
  if (value === undefined) {
    return null;
  }
  const flat: string = value.replace(/\s+/g, ' ').trim();
  return flat.length > 255 ? `${flat.slice(0, 254)}…` : flat;
}

/** Finds a site user by id. */
export type PeopleLookup = ((id: number) => IPerson | undefined) & {
  /** Every one of the site's people, when the lookup was made from the whole list (see peopleFrom). */
  readonly all?: readonly IPerson[];
};

const nobody: PeopleLookup = () => undefined;

/** A person column's person: the site's user with that id, or one known by the id only. */
export function person(people: PeopleLookup, value: unknown): IPerson | undefined {
  const n: number | undefined = id(value);
  return n === undefined ? undefined : people(n) || { id: n, name: `User ${n}` };
}

/** A multi-person column's people (a row gives their ids as an array). */
export function persons(people: PeopleLookup, value: unknown): IPerson[] {
  return (Array.isArray(value) ? value : []).map((v) => person(people, v)).filter((p): p is IPerson => p !== undefined);
}

/** How a field's value is read from its column and written back. */
export interface ICodec {
  /** The value from the column's; a person column's needs the site's people. */
  read(raw: unknown, people?: PeopleLookup): unknown;
  write(value: unknown): unknown;
  /** A choice column's choices, as the list spells them. */
  choices?: readonly string[];
}

const orNull = (x: unknown): unknown => (x === undefined ? null : x);

/** The codecs the tables use. */
export const CODECS = {
  /** A text the entity always has ('' when the column is empty). */
  text: { read: (r: unknown) => text(r) || '', write: orNull },
  /** An optional text: empty clears the column. */
  optionalText: { read: text, write: (x: unknown) => optional(x as string | undefined) },
  /** An optional text where white space alone is none too, and clears the column. */
  blankIsNone: { read: text, write: (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x : null) },
  /** A number the entity always has (0 when the column is empty), e.g. an order. */
  number: { read: (r: unknown) => num(r) || 0, write: (x: unknown) => x },
  /** An optional number. */
  optionalNumber: { read: num, write: orNull },
  /** A lookup the entity always has. */
  lookup: { read: id, write: (x: unknown) => x },
  /** An optional lookup: none clears the column. */
  optionalLookup: { read: id, write: orNull },
  /** A text the entity always has ('' when the column is empty), where empty clears the column. */
  textOrNone: { read: (r: unknown) => text(r) || '', write: (x: unknown) => optional(x as string | undefined) },
  /** A calendar date in a date-only column. */
  date: { read: dateOnly, write: (x: unknown) => isoDate(x as string | undefined) },
  /** A calendar date the entity always has ('' when the column is empty). */
  requiredDate: { read: (r: unknown) => dateOnly(r) || '', write: (x: unknown) => isoDate(x as string | undefined) },
  /** A person column: the person by their site user id; none clears the column. */
  person: { read: (r: unknown, people?: PeopleLookup) => person(people || nobody, r), write: (x: unknown) => (x && (x as IPerson).id ? (x as IPerson).id : null) },
  /** A multi-person column: the people by their site user ids (those without one are not written). */
  people: {
    read: (r: unknown, people?: PeopleLookup) => persons(people || nobody, r),
    write: (x: unknown) => (Array.isArray(x) ? (x as IPerson[]).filter((p) => p.id).map((p) => p.id) : [])
  },
  /** A yes/no column that is set only when yes (no reads as none). */
  flag: { read: (r: unknown) => (r === true || r === 'true' || r === 1 ? true : undefined), write: (x: unknown) => x === true },
  /** A workstream's outcomes, in the note's headed-list form (formatOutcomes). */
  outcomes: {
    read: (r: unknown) => parseOutcomes(text(r)),
    write: (x: unknown) => (Array.isArray(x) && x.length > 0 ? formatOutcomes(x as IOutcomeGroup[]) : null)
  }
} as const;

/**
 * A choice column whose choices (as the list spells them) stand for the domain's values; a
 * value the list holds that is none of them reads as `fallback`. The domain's values are the
 * ones the data layer accepts.
 */
export function choice<T extends string>(byChoice: { readonly [choice: string]: T }, fallback?: T): ICodec & { choices: readonly string[]; values: readonly T[] } {
  const byValue: { [value: string]: string } = {};
  for (const k of Object.keys(byChoice)) {
    byValue[byChoice[k]] = k;
  }
  return {
    choices: Object.keys(byChoice),
    values: Object.keys(byChoice).map((k) => byChoice[k]),
    read: (r: unknown) => (typeof r === 'string' && Object.prototype.hasOwnProperty.call(byChoice, r) ? byChoice[r] : fallback),
    write: (x: unknown) => (typeof x === 'string' && x !== '' && Object.prototype.hasOwnProperty.call(byValue, x) ? byValue[x] : null)
  };
}

// ---- the table ----

/** How the data layer checks a field before writing it. */
export interface IFieldRules {
  /** Must be given (a lookup: a positive whole number; a text: not blank). */
  required?: boolean;
  /** A text's most characters (a note's default is SharePoint's multi-line limit). */
  maxLength?: number;
  /** A whole number from min to max, or none. */
  range?: { min: number; max: number };
  /** A calendar date (yyyy-mm-dd), or none. */
  date?: boolean;
  /** One of these values (none too, unless required). */
  choices?: readonly string[];
  /** Why a value not among the choices is refused, when not "is not one of …" (notOneOf). */
  notAChoice?: 'notARagStatus';
}

/** One field of an entity. */
export interface IField<K extends string = string> {
  /** The domain object's property. */
  key: K;
  /** The list column, by SharePoint's internal name. */
  column: string;
  /** The column's kind on the wire (and in the provisioning XML). */
  kind: ColumnKind;
  codec: ICodec;
  /** The client filters or orders on the column, so it must be indexed. */
  indexed?: boolean;
  /** Checked by the data layer before a write; a field without rules is not checked. */
  rules?: IFieldRules;
  /**
   * The field as the data layer's messages name it, by code (worded at the edge: src/ui/messages.ts'
   * FIELD_NAME_WORDS), for a field the data layer checks by the table (checkFields); a field of a
   * list only its own module writes has none.
   */
  name?: FieldNameCode;
  /** The key of the dashboard's label for the field (src/webparts/programmeDashboard/loc/strings.ts), when a form offers it. */
  labelKey?: string;
  /** The list's Title column is written from this field too, as one line (the field itself is a note). */
  titleFrom?: boolean;
  /** The form takes the field as a date (dd/mm/yyyy) that the column keeps as written. */
  asDate?: boolean;
}

/** The fields of an entity, in the domain object's order (the list's Title column comes first among its columns). */
export type FieldTable<T> = ReadonlyArray<IField<Extract<keyof T, string>>>;

/** A column's name in SharePoint REST's items (the PnPjs transport's, not the rows'): a lookup or person column's id is `<name>Id` ("WorkstreamId"). */
export function restColumnName(name: string, kind: ColumnKind): string {
  return kind === 'lookup' || kind === 'user' || kind === 'userMulti' ? `${name}Id` : name;
}

/** The name of a field's column in Graph's fields: a lookup or person column's id is `<name>LookupId`. */
export function graphName(field: Pick<IField, 'column' | 'kind'>): string {
  return field.kind === 'lookup' || field.kind === 'user' ? `${field.column}LookupId` : field.column;
}

const workstream: IField<'workstreamId'> = { key: 'workstreamId', column: 'Workstream', kind: 'lookup', codec: CODECS.lookup, indexed: true, rules: { required: true }, name: 'workstream' };
const reportingPeriod: IField<'periodId'> = { key: 'periodId', column: 'ReportingPeriod', kind: 'lookup', codec: CODECS.lookup, indexed: true, rules: { required: true }, name: 'reportingPeriod' };

const TIMINGS: { [choice: string]: MilestoneTiming } = { 'This period': 'ThisPeriod', 'Next period': 'NextPeriod' };
const STATUS_CATEGORIES: { [choice: string]: MilestoneStatusCategory } = {
  'Not started': 'NotStarted',
  'In progress': 'InProgress',
  Ongoing: 'Ongoing',
  Complete: 'Complete',
  Delayed: 'Delayed'
};
const timing = choice(TIMINGS, 'ThisPeriod');
const statusCategory = choice(STATUS_CATEGORIES);

/** The Milestones list. */
export const MILESTONE_FIELDS: FieldTable<IMilestone> = [
  workstream,
  reportingPeriod,
  { key: 'timing', column: 'Timing', kind: 'choice', codec: timing, indexed: true, rules: { required: true, choices: timing.values }, name: 'timing' },
  { key: 'number', column: 'MilestoneNumber', kind: 'text', codec: CODECS.optionalText, rules: { maxLength: 16 }, name: 'number', labelKey: 'MilestoneNumberLabel' },
  { key: 'title', column: 'Title', kind: 'text', codec: CODECS.text, rules: { required: true, maxLength: MAX_SINGLE_LINE }, name: 'milestone', labelKey: 'MilestoneTitleLabel' },
  { key: 'status', column: 'MilestoneStatus', kind: 'note', codec: CODECS.optionalText, rules: {}, name: 'status', labelKey: 'MilestoneStatusLabel' },
  {
    key: 'statusCategory',
    column: 'StatusCategory',
    kind: 'choice',
    codec: statusCategory,
    indexed: true,
    rules: { choices: statusCategory.values },
    name: 'statusCategory',
    labelKey: 'MilestoneStatusCategoryLabel'
  },
  { key: 'dueDate', column: 'DueDate', kind: 'date', codec: CODECS.date, indexed: true, rules: { date: true }, name: 'dueDate', labelKey: 'MilestoneDueDateLabel' },
  { key: 'order', column: 'SortOrder', kind: 'number', codec: CODECS.number, name: 'order' },
  { key: 'origin', column: 'Origin', kind: 'text', codec: CODECS.optionalText, indexed: true, name: 'origin' }
];

const RISK_STATES: { [choice: string]: RiskState } = { Open: 'Open', Closed: 'Closed' };
const riskState = choice(RISK_STATES, 'Open');

/** The Risks list. Its Title column holds the description's first line, for SharePoint's own views. */
export const RISK_FIELDS: FieldTable<IRisk> = [
  workstream,
  { key: 'number', column: 'RiskNumber', kind: 'text', codec: CODECS.optionalText, rules: { maxLength: 16 }, name: 'number', labelKey: 'RiskNumberLabel' },
  { key: 'description', column: 'RiskDescription', kind: 'note', codec: CODECS.text, rules: { required: true }, name: 'riskDescription', labelKey: 'RiskDescriptionLabel', titleFrom: true },
  { key: 'mitigation', column: 'Mitigation', kind: 'note', codec: CODECS.text, rules: { required: true }, name: 'mitigation', labelKey: 'RiskMitigationLabel' },
  { key: 'likelihood', column: 'Likelihood', kind: 'number', codec: CODECS.optionalNumber, rules: { range: { min: 1, max: 5 } }, name: 'likelihood', labelKey: 'RiskLikelihoodLabel' },
  { key: 'impact', column: 'Impact', kind: 'number', codec: CODECS.optionalNumber, rules: { range: { min: 1, max: 5 } }, name: 'impact', labelKey: 'RiskImpactLabel' },
  { key: 'state', column: 'RiskState', kind: 'choice', codec: riskState, indexed: true, rules: { required: true, choices: riskState.values }, name: 'state' },
  { key: 'owner', column: 'RiskOwner', kind: 'text', codec: CODECS.optionalText, rules: { maxLength: MAX_SINGLE_LINE }, name: 'owner', labelKey: 'RiskOwnerLabel' },
  { key: 'raisedPeriodId', column: 'RaisedPeriod', kind: 'lookup', codec: CODECS.lookup, indexed: true, rules: { required: true }, name: 'raisedInPeriod' },
  { key: 'closedPeriodId', column: 'ClosedPeriod', kind: 'lookup', codec: CODECS.optionalLookup, indexed: true, name: 'closedInPeriod' },
  { key: 'order', column: 'SortOrder', kind: 'number', codec: CODECS.number, name: 'order' }
];

const RAGS: { [choice: string]: Rag } = {};
for (const r of RAG_SCALE) {
  RAGS[r] = r;
}
const rag = choice(RAGS);
const NOT_RATED: string = 'Not rated';
/** Last period's rating as the report states it: null is "not rated" (a choice of its own), none is not stated. */
const previousRag: ICodec = {
  choices: [...rag.choices, NOT_RATED],
  read: (r: unknown) => (r === NOT_RATED ? null : rag.read(r)),
  write: (x: unknown) => (x === null ? NOT_RATED : rag.write(x))
};
const reportState = choice<StatusReportState>({ Draft: 'Draft', Submitted: 'Submitted', Approved: 'Approved', Returned: 'Returned' }, 'Draft');
/** A note of one name a line. */
const lines: ICodec = {
  read: (r: unknown) => {
    const t: string | undefined = text(r);
    return t === undefined ? undefined : t.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  },
  write: (x: unknown) => (Array.isArray(x) && x.length > 0 ? x.join('\n') : null)
};
const NOT_A_RAG = 'notARagStatus' as const;
const note = (key: Extract<keyof IStatusReport, string>, column: string, name: FieldNameCode, labelKey?: string): IField<Extract<keyof IStatusReport, string>> => ({
  key,
  column,
  kind: 'note',
  codec: CODECS.optionalText,
  rules: {},
  name,
  ...(labelKey ? { labelKey } : {})
});
const line = (key: Extract<keyof IStatusReport, string>, column: string, name: FieldNameCode, labelKey: string, asDate: boolean): IField<Extract<keyof IStatusReport, string>> => ({
  key,
  column,
  kind: 'text',
  codec: CODECS.optionalText,
  rules: { maxLength: MAX_SINGLE_LINE },
  name,
  labelKey,
  ...(asDate ? { asDate } : {})
});

/**
 * The Status Reports list. Its Title column names the workstream and period (the repository
 * fills it). The completion dates are kept as written ("31/03/2024", "TBC").
 */
export const STATUS_REPORT_FIELDS: FieldTable<IStatusReport> = [
  workstream,
  reportingPeriod,
  { key: 'rag', column: 'Rag', kind: 'choice', codec: rag, indexed: true, rules: { choices: rag.values, notAChoice: NOT_A_RAG }, name: 'ragThisPeriod', labelKey: 'FieldRag' },
  { key: 'previousRag', column: 'PreviousRag', kind: 'choice', codec: previousRag, rules: { choices: rag.values, notAChoice: NOT_A_RAG }, name: 'ragPreviousPeriod', labelKey: 'FieldPreviousRag' },
  note('previousRagReason', 'PreviousRagReason', 'previousRagReason', 'FieldPreviousRagReason'),
  note('keyActivities', 'KeyActivities', 'keyActivities', 'KeyActivitiesLabel'),
  note('engagement', 'Engagement', 'engagement', 'EngagementLabel'),
  note('concernsIssues', 'ConcernsIssues', 'concernsIssues', 'ConcernsIssuesLabel'),
  note('managerUpdate', 'ManagerUpdate', 'managerUpdate', 'ManagerUpdateLabel'),
  note('ragRationale', 'RagRationale', 'ragRationale', 'RagRationaleLabel'),
  line('agreedCompletionAsWritten', 'AgreedCompletion', 'agreedCompletion', 'AgreedCompletionLabel', true),
  line('forecastCompletionAsWritten', 'ForecastCompletion', 'forecastCompletion', 'ForecastCompletionLabel', true),
  note('completionDateChangeNote', 'CompletionDateChangeNote', 'completionDateChangeNote', 'CompletionDateChangeNoteLabel'),
  { key: 'reportingPeriodAsWritten', column: 'ReportingPeriodAsWritten', kind: 'text', codec: CODECS.optionalText, name: 'reportingPeriodAsWritten' },
  { key: 'namesAsWritten', column: 'NamesAsWritten', kind: 'note', codec: lines, name: 'namesAsWritten' },
  line('completedBy', 'CompletedBy', 'completedBy', 'CompletedByLabel', false),
  line('completionDateAsWritten', 'CompletionDate', 'completionDate', 'CompletionDateLabel', true),
  { key: 'state', column: 'ReportState', kind: 'choice', codec: reportState, indexed: true, rules: { required: true, choices: reportState.values }, name: 'reportState' },
  note('returnReason', 'ReturnReason', 'returnReason')
];

/**
 * Who wrote an imported item and when, on the site it was brought in from (empty for what was
 * written here: the item's own author and Created say who and when). The entity holds the two as
 * one `recorded`; see {@link recordedOf}.
 */
export interface IRecordedColumns {
  recordedBy?: IPerson;
  recordedOn?: string;
}

const recordedColumns: Array<IField<'recordedBy' | 'recordedOn'>> = [
  { key: 'recordedBy', column: 'RecordedBy', kind: 'user', codec: CODECS.person, name: 'recordedBy' },
  { key: 'recordedOn', column: 'RecordedOn', kind: 'dateTime', codec: CODECS.optionalText, name: 'recordedOn' }
];

/** A sponsor comment as its list keeps it. Its Title column holds the comment's first line. */
export type SponsorCommentRow = Omit<ISponsorComment, 'author' | 'recorded'> & IRecordedColumns;

/** The Sponsor Comments list. */
export const SPONSOR_COMMENT_FIELDS: FieldTable<SponsorCommentRow> = [
  workstream,
  reportingPeriod,
  { key: 'text', column: 'SponsorComment', kind: 'note', codec: CODECS.text, rules: { required: true }, name: 'sponsorComments', labelKey: 'SponsorCommentsLabel', titleFrom: true },
  ...recordedColumns
];

const feedbackKind = choice<FeedbackKind>({ Challenge: 'Challenge', Feedback: 'Feedback' }, 'Feedback');

/** IIB feedback as its list keeps it. Its Title column holds the feedback's first line. */
export type FeedbackRow = Omit<IIibFeedback, 'author' | 'created' | 'recorded'> & IRecordedColumns;

/** The IIB Feedback list: challenges and feedback, with a challenge's response and closing. */
export const FEEDBACK_FIELDS: FieldTable<FeedbackRow> = [
  workstream,
  reportingPeriod,
  { key: 'kind', column: 'FeedbackKind', kind: 'choice', codec: feedbackKind, rules: { required: true, choices: feedbackKind.values }, name: 'kind', labelKey: 'FeedbackKindLabel' },
  { key: 'text', column: 'Feedback', kind: 'note', codec: CODECS.text, rules: { required: true }, name: 'feedback', labelKey: 'FeedbackTextLabel', titleFrom: true },
  // The reported period a challenge is about, when it was recorded in a later open one.
  { key: 'aboutPeriodId', column: 'AboutPeriod', kind: 'lookup', codec: CODECS.optionalLookup, indexed: true, name: 'aboutPeriod' },
  { key: 'response', column: 'Response', kind: 'note', codec: CODECS.optionalText, name: 'response', labelKey: 'ResponseLabel' },
  { key: 'respondedBy', column: 'RespondedBy', kind: 'user', codec: CODECS.person, name: 'respondedBy' },
  { key: 'respondedAt', column: 'RespondedAt', kind: 'dateTime', codec: CODECS.optionalText, name: 'respondedAt' },
  { key: 'closedBy', column: 'ClosedBy', kind: 'user', codec: CODECS.person, name: 'closedBy' },
  { key: 'closedAt', column: 'ClosedAt', kind: 'dateTime', codec: CODECS.optionalText, name: 'closedAt' },
  { key: 'closingNote', column: 'ClosingNote', kind: 'note', codec: CODECS.optionalText, name: 'closingNote', labelKey: 'ClosingNoteLabel' },
  ...recordedColumns
];

const periodState = choice<PeriodState>({ Open: 'Open', Locked: 'Locked' }, 'Open');

/**
 * The Reporting Periods list. (A period's phase, issue 16, is the Phase lookup the phases' code
 * writes beside these; the period itself does not hold it.)
 */
export const PERIOD_FIELDS: FieldTable<IPeriod> = [
  { key: 'title', column: 'Title', kind: 'text', codec: CODECS.text, rules: { required: true, maxLength: MAX_SINGLE_LINE }, name: 'period', labelKey: 'NewPeriodTitleLabel' },
  { key: 'start', column: 'PeriodStart', kind: 'date', codec: CODECS.requiredDate, indexed: true, rules: { required: true, date: true }, name: 'start', labelKey: 'NewPeriodStartLabel' },
  { key: 'end', column: 'PeriodEnd', kind: 'date', codec: CODECS.requiredDate, rules: { required: true, date: true }, name: 'end', labelKey: 'NewPeriodEndLabel' },
  { key: 'state', column: 'PeriodState', kind: 'choice', codec: periodState, indexed: true, rules: { required: true, choices: periodState.values }, name: 'state' },
  { key: 'overview', column: 'Overview', kind: 'note', codec: CODECS.optionalText, rules: {}, name: 'overview', labelKey: 'OverviewLabel' },
  { key: 'overallRag', column: 'OverallRag', kind: 'choice', codec: rag, rules: { choices: rag.values, notAChoice: NOT_A_RAG }, name: 'overallRag', labelKey: 'OverallRagLabel' },
  { key: 'overviewAuthor', column: 'OverviewAuthor', kind: 'text', codec: CODECS.optionalText, rules: { maxLength: MAX_SINGLE_LINE }, name: 'overviewAuthor', labelKey: 'OverviewAuthorLabel' },
  { key: 'boardMeetingDate', column: 'BoardMeetingDate', kind: 'date', codec: CODECS.date, rules: { date: true }, name: 'boardMeetingDate' }
];

/**
 * A workstream as its list keeps it: `title` is the Workstream (Title) column's, the title cut to
 * fit its 255 characters when longer, and `fullTitle` the whole title then (see
 * mapping's workstreamTitleRecord). (A workstream's phase is the Phase lookup beside these.)
 */
export type WorkstreamRow = Omit<IWorkstream, 'id'> & { id?: number; fullTitle?: string };

/** The Workstreams list, in its columns' order. */
export const WORKSTREAM_FIELDS: FieldTable<WorkstreamRow> = [
  { key: 'title', column: 'Title', kind: 'text', codec: CODECS.text, rules: { required: true, maxLength: MAX_SINGLE_LINE }, name: 'title', labelKey: 'WorkstreamTitleLabel' },
  { key: 'code', column: 'Code', kind: 'text', codec: CODECS.text, indexed: true, rules: { required: true, maxLength: 16 }, name: 'code', labelKey: 'WorkstreamCodeLabel' },
  { key: 'description', column: 'Description', kind: 'note', codec: CODECS.textOrNone, rules: {}, name: 'description', labelKey: 'WorkstreamDescriptionLabel' },
  { key: 'outcomes', column: 'Outcomes', kind: 'note', codec: CODECS.outcomes, name: 'outcomes', labelKey: 'WorkstreamOutcomesLabel' },
  { key: 'sponsor', column: 'Sponsor', kind: 'user', codec: CODECS.person, indexed: true, name: 'sponsor', labelKey: 'WorkstreamSponsorLabel' },
  { key: 'projectManagers', column: 'ProjectManagers', kind: 'userMulti', codec: CODECS.people, name: 'projectManagers', labelKey: 'WorkstreamManagersLabel' },
  { key: 'pmoSupport', column: 'PmoSupport', kind: 'userMulti', codec: CODECS.people, name: 'pmoSupport', labelKey: 'WorkstreamPmoLabel' },
  { key: 'agreedCompletionAsWritten', column: 'AgreedCompletion', kind: 'text', codec: CODECS.optionalText, rules: { maxLength: MAX_SINGLE_LINE }, name: 'agreedCompletion' },
  { key: 'forecastCompletionAsWritten', column: 'ForecastCompletion', kind: 'text', codec: CODECS.optionalText, rules: { maxLength: MAX_SINGLE_LINE }, name: 'forecastCompletion' },
  { key: 'order', column: 'SortOrder', kind: 'number', codec: CODECS.number, indexed: true, name: 'order' },
  { key: 'shortTitle', column: 'ShortTitle', kind: 'text', codec: CODECS.optionalText, rules: { maxLength: MAX_SINGLE_LINE }, name: 'shortTitle', labelKey: 'WorkstreamShortTitleLabel' },
  { key: 'fullTitle', column: 'FullTitle', kind: 'note', codec: CODECS.optionalText, name: 'fullTitle' },
  { key: 'retired', column: 'Retired', kind: 'boolean', codec: CODECS.flag, name: 'retired' }
];

const yesNo = choice<'Yes' | 'No'>({ Yes: 'Yes', No: 'No' });
const ratingScale = choice<'Five levels' | 'Red, Amber, Green' | 'Not rated yet'>({ 'Five levels': 'Five levels', 'Red, Amber, Green': 'Red, Amber, Green', 'Not rated yet': 'Not rated yet' });

/**
 * The programme as its one Programme item keeps it: its reporting options (IReportingOptions) are
 * six choice columns, each empty on a site from before them (see mapping's reportingFrom).
 */
export type ProgrammeRow = Omit<IProgramme, 'ragDefinitions' | 'reporting'> & {
  ratingScale?: string;
  usesSponsorComments?: string;
  usesMilestones?: string;
  usesSignOff?: string;
  printEmpty?: string;
  keyRisksTable?: string;
};

const option = (key: Extract<keyof ProgrammeRow, string>, column: string, name: FieldNameCode): IField<Extract<keyof ProgrammeRow, string>> => ({
  key,
  column,
  kind: 'choice',
  codec: yesNo,
  rules: { choices: yesNo.values },
  name
});

/** The Programme list (one item). */
export const PROGRAMME_FIELDS: FieldTable<ProgrammeRow> = [
  { key: 'title', column: 'Title', kind: 'text', codec: CODECS.text, rules: { required: true, maxLength: MAX_SINGLE_LINE }, name: 'programme', labelKey: 'FieldProgrammeTitle' },
  { key: 'organisation', column: 'Organisation', kind: 'text', codec: CODECS.textOrNone, rules: { maxLength: MAX_SINGLE_LINE }, name: 'organisation', labelKey: 'FieldOrganisation' },
  { key: 'board', column: 'Board', kind: 'text', codec: CODECS.textOrNone, rules: { maxLength: MAX_SINGLE_LINE }, name: 'board', labelKey: 'FieldBoard' },
  { key: 'ragKeyIntroduction', column: 'RagKeyIntroduction', kind: 'note', codec: CODECS.textOrNone, rules: {}, name: 'ragKeyIntroduction', labelKey: 'FieldRagKeyIntroduction' },
  { key: 'ratingScale', column: 'RatingScale', kind: 'choice', codec: ratingScale, rules: { choices: ratingScale.values }, name: 'ratingScale' },
  option('usesSponsorComments', 'UsesSponsorComments', 'usesSponsorComments'),
  option('usesMilestones', 'UsesMilestones', 'usesMilestones'),
  option('usesSignOff', 'UsesSignOff', 'usesSignOff'),
  option('printEmpty', 'PrintEmpty', 'printEmpty'),
  option('keyRisksTable', 'KeyRisksTable', 'keyRisksTable')
];

/** The RAG Definitions list: the programme's RAG key, a level an item. Its Title column names the level. */
export const RAG_DEFINITION_FIELDS: FieldTable<IRagDefinition> = [
  { key: 'rag', column: 'Rag', kind: 'choice', codec: rag, indexed: true, rules: { required: true, choices: rag.values, notAChoice: NOT_A_RAG }, name: 'rag', titleFrom: true },
  { key: 'definition', column: 'Definition', kind: 'note', codec: CODECS.text, rules: { required: true }, name: 'definition' }
];

/** A note of one item a line, none when empty. */
const lineList: ICodec = { read: (r: unknown) => (lines.read(r) as string[] | undefined) || [], write: lines.write };
const destination = choice<CloseDownDestination>({
  Completed: 'Completed',
  'Next phase theme': 'NextPhaseTheme',
  'Directorate business plans': 'DirectoratePlans',
  'Keep under review': 'KeepUnderReview'
});

/**
 * The Close-down Items list: a phase's close-down table, one row per task or action of a theme
 * (issue 16). Its Title column holds the task or action.
 */
export const CLOSE_DOWN_FIELDS: FieldTable<ICloseDownItem> = [
  { key: 'task', column: 'Title', kind: 'text', codec: CODECS.text, rules: { required: true, maxLength: MAX_SINGLE_LINE }, name: 'task', labelKey: 'CloseDownFieldTask' },
  { key: 'phaseId', column: 'Phase', kind: 'lookup', codec: CODECS.lookup, indexed: true, rules: { required: true }, name: 'phase' },
  { key: 'workstreamId', column: 'Workstream', kind: 'lookup', codec: CODECS.optionalLookup, indexed: true, name: 'theme' },
  { key: 'themeAsWritten', column: 'ThemeAsWritten', kind: 'text', codec: CODECS.blankIsNone, rules: { maxLength: MAX_SINGLE_LINE }, name: 'themeAsWritten' },
  { key: 'undertaken', column: 'ActivityUndertaken', kind: 'note', codec: CODECS.blankIsNone, name: 'undertaken', labelKey: 'CloseDownFieldUndertaken' },
  { key: 'evidence', column: 'Evidence', kind: 'note', codec: CODECS.blankIsNone, name: 'evidence', labelKey: 'CloseDownFieldEvidence' },
  { key: 'outstanding', column: 'ActivityOutstanding', kind: 'note', codec: CODECS.blankIsNone, name: 'outstanding', labelKey: 'CloseDownFieldOutstanding' },
  { key: 'destination', column: 'Destination', kind: 'choice', codec: destination, indexed: true, rules: { choices: destination.values }, name: 'destination', labelKey: 'CloseDownFieldDestination' },
  { key: 'destinationWorkstreamId', column: 'DestinationWorkstream', kind: 'lookup', codec: CODECS.optionalLookup, indexed: true, name: 'destinationTheme', labelKey: 'CloseDownFieldTheme' },
  {
    key: 'destinationAsWritten',
    column: 'DestinationAsWritten',
    kind: 'text',
    codec: CODECS.blankIsNone,
    rules: { maxLength: MAX_SINGLE_LINE },
    name: 'destinationAsWritten',
    labelKey: 'CloseDownFieldDestinationWords'
  },
  { key: 'sources', column: 'Sources', kind: 'note', codec: lineList, name: 'sources' },
  { key: 'order', column: 'SortOrder', kind: 'number', codec: CODECS.number, name: 'order' }
];

// ---- the lists the cycle's own modules read and write ----

/** The longest snapshot id the lists keep (a UUID, or a part's key). */
const SNAPSHOT_ID_LENGTH: number = 64;

const phaseState = choice<PhaseState>({ Open: 'Open', Closing: 'Closing', Closed: 'Closed' }, 'Open');

/** A phase as its list keeps it: the domain's phase and the snapshot its locked close-down went to the Board as. */
export type PhaseRow = Omit<IPhase, 'id'> & { closeDownSnapshotId?: string };

/**
 * The Phases list (issue 16): the improvement plan's phases, which periods and workstreams look up.
 * Read and written by PhaseRepository (toPhase, phaseRecord) and the close-down's lock.
 */
export const PHASE_FIELDS: FieldTable<PhaseRow> = [
  { key: 'title', column: 'Title', kind: 'text', codec: CODECS.text, rules: { required: true, maxLength: MAX_SINGLE_LINE } },
  { key: 'start', column: 'PhaseStart', kind: 'date', codec: CODECS.requiredDate, indexed: true, rules: { required: true, date: true } },
  { key: 'end', column: 'PhaseEnd', kind: 'date', codec: CODECS.date, rules: { date: true } },
  { key: 'state', column: 'PhaseState', kind: 'choice', codec: phaseState, indexed: true, rules: { required: true, choices: phaseState.values } },
  { key: 'closeDownNote', column: 'CloseDownNote', kind: 'note', codec: CODECS.blankIsNone },
  { key: 'boardMeetingDate', column: 'BoardMeetingDate', kind: 'date', codec: CODECS.date, rules: { date: true } },
  { key: 'closeDownSnapshotId', column: 'CloseDownSnapshotId', kind: 'text', codec: CODECS.optionalText, rules: { maxLength: SNAPSHOT_ID_LENGTH } }
];

/** Programme: a section the programme's papers carry (once for every period); Period: one period's text of one. */
export type SectionScope = 'Programme' | 'Period';
const sectionScope = choice<SectionScope>({ Programme: 'Programme', Period: 'Period' });

/**
 * An item of the Period Sections list: a programme's section (its key, name and order) or a
 * period's text of one (its key, period, text, author, and the section's name when written).
 */
export interface ISectionRow {
  name: string;
  scope?: SectionScope;
  key: string;
  periodId?: number;
  order: number;
  text: string;
  author?: string;
}

/** The Period Sections list: both kinds of item, told apart by scope (see sections.ts). */
export const SECTION_FIELDS: FieldTable<ISectionRow> = [
  { key: 'name', column: 'Title', kind: 'text', codec: CODECS.text, rules: { maxLength: MAX_SINGLE_LINE } },
  { key: 'scope', column: 'SectionScope', kind: 'choice', codec: sectionScope, indexed: true, rules: { required: true, choices: sectionScope.values } },
  { key: 'key', column: 'SectionKey', kind: 'text', codec: CODECS.text, indexed: true, rules: { required: true, maxLength: 64 } },
  { key: 'periodId', column: 'ReportingPeriod', kind: 'lookup', codec: CODECS.optionalLookup, indexed: true },
  { key: 'order', column: 'SortOrder', kind: 'number', codec: CODECS.number },
  { key: 'text', column: 'SectionText', kind: 'note', codec: CODECS.text },
  { key: 'author', column: 'SectionAuthor', kind: 'text', codec: CODECS.optionalText, rules: { maxLength: MAX_SINGLE_LINE } }
];

/** A text's first line as a Title column keeps it (white space folded, at most 255 characters): for SharePoint's own views. */
const titleOfText: ICodec = { read: (r: unknown) => text(r) || '', write: (x: unknown) => titleLine(x as string | undefined) };

/** An acknowledgement as its list keeps it; who made it and when are SharePoint's own Author and Created. */
export interface IAcknowledgementRow {
  /** The finding's message when it was acknowledged, for SharePoint's own views. */
  title: string;
  periodId: number;
  findingKey: string;
  reason: string;
}

/** The Readiness Acknowledgements list (issue 12): findings the programme office judged not to apply in a period. */
export const ACKNOWLEDGEMENT_FIELDS: FieldTable<IAcknowledgementRow> = [
  { key: 'title', column: 'Title', kind: 'text', codec: titleOfText },
  { key: 'periodId', column: 'ReportingPeriod', kind: 'lookup', codec: CODECS.lookup, indexed: true, rules: { required: true } },
  { key: 'findingKey', column: 'FindingKey', kind: 'text', codec: CODECS.text, indexed: true, rules: { required: true, maxLength: MAX_SINGLE_LINE } },
  { key: 'reason', column: 'Reason', kind: 'note', codec: CODECS.text, rules: { required: true } }
];

/** What a Period History entry records. */
export type PeriodAction = 'Locked' | 'Reopened' | 'Overridden';
const periodAction = choice<PeriodAction>({ Locked: 'Locked', Reopened: 'Reopened', Overridden: 'Overridden' }, 'Locked');

/** A Period History entry as its list keeps it (see mapping's toHistoryEntry for the entry the product reads). */
export type HistoryRow = {
  title: string;
  periodId: number;
  action: PeriodAction;
  reason?: string;
  snapshotId?: string;
  boardMeetingDate?: string;
} & IRecordedColumns;

/** The Period History list: each lock, reopening and going ahead over must-fix findings, with its reason. */
export const HISTORY_FIELDS: FieldTable<HistoryRow> = [
  { key: 'title', column: 'Title', kind: 'text', codec: CODECS.text, rules: { maxLength: MAX_SINGLE_LINE } },
  { key: 'periodId', column: 'ReportingPeriod', kind: 'lookup', codec: CODECS.lookup, indexed: true, rules: { required: true } },
  { key: 'action', column: 'PeriodAction', kind: 'choice', codec: periodAction, indexed: true, rules: { required: true, choices: periodAction.values } },
  { key: 'reason', column: 'Reason', kind: 'note', codec: CODECS.optionalText },
  { key: 'snapshotId', column: 'SnapshotId', kind: 'text', codec: CODECS.optionalText, rules: { maxLength: SNAPSHOT_ID_LENGTH } },
  { key: 'boardMeetingDate', column: 'BoardMeetingDate', kind: 'date', codec: CODECS.date, rules: { date: true } },
  ...recordedColumns
];

/** One part of a snapshot as the Period Snapshots list keeps it (snapshot.ts writes and reads the parts). */
export interface ISnapshotPartRow {
  title: string;
  periodId: number;
  snapshotId: string;
  /** Set on the parts of a phase's close-down snapshot (issue 16). */
  phaseId?: number;
  chunkIndex: number;
  chunkCount: number;
  content: string;
  sha256: string;
}

/** The Period Snapshots list: locked periods' and closed phases' pictures, in parts. */
export const SNAPSHOT_FIELDS: FieldTable<ISnapshotPartRow> = [
  { key: 'title', column: 'Title', kind: 'text', codec: CODECS.text, rules: { maxLength: MAX_SINGLE_LINE } },
  { key: 'periodId', column: 'ReportingPeriod', kind: 'lookup', codec: CODECS.lookup, indexed: true, rules: { required: true } },
  { key: 'snapshotId', column: 'SnapshotId', kind: 'text', codec: CODECS.text, indexed: true, rules: { required: true, maxLength: SNAPSHOT_ID_LENGTH } },
  { key: 'phaseId', column: 'Phase', kind: 'lookup', codec: CODECS.optionalLookup, indexed: true },
  { key: 'chunkIndex', column: 'ChunkIndex', kind: 'number', codec: CODECS.number, rules: { required: true } },
  { key: 'chunkCount', column: 'ChunkCount', kind: 'number', codec: CODECS.number, rules: { required: true } },
  { key: 'content', column: 'Content', kind: 'note', codec: CODECS.text, rules: { required: true } },
  { key: 'sha256', column: 'Sha256', kind: 'text', codec: CODECS.text, rules: { required: true, maxLength: 64 } }
];

/** A field of a table by its key. */
export function fieldOf<T>(table: FieldTable<T>, key: Extract<keyof T, string>): IField<Extract<keyof T, string>> {
  const found: IField<Extract<keyof T, string>> | undefined = table.filter((f) => f.key === key)[0];
  if (!found) {
    throw new Error(wordOf(message('noSuchField', { key })));
  }
  return found;
}

// ---- what the tables make ----

/**
 * The columns of a table's fields as lists.ts describes them, the Title column first: every list
 * has one, a field's or one the repository fills (a status report's names its workstream and period).
 */
export function columnsOf(table: ReadonlyArray<IField>): Array<{ name: string; kind: ColumnKind; indexed?: boolean; filled?: boolean; choices?: readonly string[] }> {
  const columns = table.map((f) => ({
    name: f.column,
    kind: f.kind,
    ...(f.indexed ? { indexed: true } : {}),
    // An indexed choice column's choices, as the list spells them: a filter fixing one says what the item holds.
    ...(f.indexed && f.kind === 'choice' && f.codec.choices ? { choices: f.codec.choices } : {})
  }));
  const title = columns.filter((c) => c.name === 'Title');
  // A Title no field reads is filled from the others (lists.ts's IColumn.filled).
  return [...(title.length > 0 ? title : [{ name: 'Title', kind: 'text' as ColumnKind, filled: true }]), ...columns.filter((c) => c.name !== 'Title')];
}

/** Each field of a row's values read by its codec (no id: a row that is part of something else, such as a RAG key's level). */
export function readRow<T>(table: FieldTable<T>, values: RowValues, people?: PeopleLookup): T {
  const out: { [key: string]: unknown } = {};
  for (const f of table) {
    out[f.key] = f.codec.read(values[f.column], people);
  }
  return out as T;
}

/** An entity from its row: its id and each field read by its codec. */
export function readFields<T>(table: FieldTable<T>, row: Row, people?: PeopleLookup): T {
  return { id: id(row.id), ...readRow<T>(table, row.values, people) } as T;
}

/** The column values for an entity, or for the fields of one given (an update changes nothing it was not given). */
export function writeFields<T>(table: FieldTable<T>, value: Partial<T>): RowValues {
  const out: RowValues = {};
  const given: { [key: string]: unknown } = value as { [key: string]: unknown };
  for (const f of table) {
    if (f.key in given) {
      out[f.column] = f.codec.write(given[f.key]);
      if (f.titleFrom) {
        out.Title = titleLine(given[f.key] as string | undefined);
      }
    }
  }
  return out;
}

/** The column values for a whole entity: every field, one not given written as none (so that writing it over an item clears it). */
export function writeAll<T>(table: FieldTable<T>, value: Partial<T>): RowValues {
  const whole: { [key: string]: unknown } = {};
  for (const f of table) {
    whole[f.key] = (value as { [key: string]: unknown })[f.key];
  }
  return writeFields(table, whole as Partial<T>);
}

function fault(field: IField, value: unknown, why: IMessage): IFieldError {
  const name: string = field.name ? fieldName(field.name) : field.key;
  const reason: string = wordOf(why);
  return { field: name, key: field.key, value, reason, message: `${name}: ${String(value)} ${reason}`, detail: why };
}

const none = (v: unknown): boolean => v === undefined || v === null;

function checkField(f: IField, rules: IFieldRules, v: unknown): IFieldError | undefined {
  if (rules.choices) {
    if (!rules.required && none(v)) {
      return undefined;
    }
    return rules.choices.indexOf(v as string) >= 0 ? undefined : fault(f, v, rules.notAChoice ? message(rules.notAChoice, {}) : message('notOneOf', { allowed: [...rules.choices] }));
  }
  if (f.kind === 'lookup' || f.kind === 'user') {
    if (!rules.required && none(v)) {
      return undefined;
    }
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? undefined : fault(f, v, message('mustBeChosen', {}));
  }
  if (f.kind === 'number') {
    if (none(v)) {
      return rules.required ? fault(f, v, message('mustNotBeEmpty', {})) : undefined;
    }
    const whole: boolean = typeof v === 'number' && Number.isInteger(v);
    if (!rules.range) {
      return whole ? undefined : fault(f, v, message('wholeNumber', {}));
    }
    const { min, max } = rules.range;
    return whole && (v as number) >= min && (v as number) <= max ? undefined : fault(f, v, message('wholeNumberRange', { min, max }));
  }
  if (rules.date) {
    return none(v) || v === '' || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && dateOnly(`${v}T12:00:00Z`) === v) ? undefined : fault(f, v, message('notACalendarDate', {}));
  }
  const e: IFieldError | undefined = checkText(f.name ? fieldName(f.name) : f.key, v as string | undefined, { required: rules.required, maxLength: rules.maxLength });
  return e ? { ...e, key: f.key } : undefined;
}

/**
 * The data layer's checks of an entity (or of the changes to one, when `partial`: only the
 * fields given), by its table's rules; each fault names its field by key and in words.
 */
export function checkFields<T>(table: FieldTable<T>, value: Partial<T>, partial: boolean): IFieldError[] {
  const given: { [key: string]: unknown } = value as { [key: string]: unknown };
  const faults: IFieldError[] = [];
  for (const f of table) {
    if (f.rules && (!partial || f.key in given)) {
      const e: IFieldError | undefined = checkField(f, f.rules, given[f.key]);
      if (e) {
        faults.push(e);
      }
    }
  }
  return faults;
}
