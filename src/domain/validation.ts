/**
 * Checks of what users type, field by field, so that forms can show each message beside its
 * field as it is typed, and so that nothing invalid reaches SharePoint. Each message names
 * the field and the value.
 */
import { parseUkDate } from './dates';
import { DomainValidationError } from './errors';
import { reportingOptionsOf, type IReportingOptions, type IStatusReport, type MilestoneStatusCategory, type MilestoneTiming } from './model';
import { parseOptionalRag, parseRag, ragLevels, type Rag } from './rag';
import { isBlank } from './text';
import { checkText, fieldError as error, MAX_SINGLE_LINE, type IFieldError } from './textCheck';
import { fieldName, message } from './messages';

export { checkText, fieldError, MAX_MULTI_LINE, MAX_SINGLE_LINE, type IFieldError, type ITextRules } from './textCheck';

function checkDate(field: string, value: string | undefined, required: boolean = false): IFieldError | undefined {
  if (isBlank(value)) {
    return required ? error(field, value, message('dateRequired', {})) : undefined;
  }
  try {
    parseUkDate(value as string, field);
    return undefined;
  } catch (e) {
    return fromError(field, value, e);
  }
}

function fromError(field: string, value: unknown, e: unknown): IFieldError {
  if (e instanceof DomainValidationError) {
    return { field, value, reason: e.reason, message: e.message, detail: e.detail };
  }
  return error(field, value, message('refused', { why: String(e) }));
}

/** An error that names its field's key too (see IFieldError.key). */
function keyed(key: string, e: IFieldError | undefined): IFieldError | undefined {
  return e ? { ...e, key } : undefined;
}

function collect(...errors: Array<IFieldError | undefined>): IFieldError[] {
  return errors.filter((e): e is IFieldError => e !== undefined);
}

/** What a user may type into a status report. */
export interface IStatusReportInput {
  rag?: string;
  previousRag?: string;
  keyActivities?: string;
  engagement?: string;
  concernsIssues?: string;
  managerUpdate?: string;
  ragRationale?: string;
  previousRagReason?: string;
  /** As typed (dd/mm/yyyy); kept as written. Keys as the status report's (src/data/fields.ts). */
  agreedCompletionAsWritten?: string;
  forecastCompletionAsWritten?: string;
  completionDateChangeNote?: string;
  completedBy?: string;
  completionDateAsWritten?: string;
}

/**
 * Checks a status report as typed. `submitting` applies the rules for a report going to the
 * programme office: an update, and — where the programme uses them (`options`, default
 * everything) — a RAG on its scale, who completed it and when.
 */
export function validateStatusReportInput(input: IStatusReportInput, submitting: boolean = false, options?: IReportingOptions): IFieldError[] {
  const reporting: IReportingOptions = options || reportingOptionsOf(undefined);
  const errors: IFieldError[] = collect(
    keyed('rag', checkRag(fieldName('ragThisPeriod'), input.rag, submitting && reporting.rated, reporting)),
    keyed('previousRag', checkOptionalRag(fieldName('ragPreviousPeriod'), input.previousRag)),
    keyed('keyActivities', checkText(fieldName('keyActivities'), input.keyActivities)),
    keyed('engagement', checkText(fieldName('engagement'), input.engagement)),
    keyed('concernsIssues', checkText(fieldName('concernsIssues'), input.concernsIssues)),
    keyed('managerUpdate', checkText(fieldName('managerUpdate'), input.managerUpdate)),
    keyed('ragRationale', checkText(fieldName('ragRationale'), input.ragRationale)),
    keyed('previousRagReason', checkText(fieldName('previousRagReason'), input.previousRagReason)),
    keyed('agreedCompletionAsWritten', checkDate(fieldName('agreedCompletion'), input.agreedCompletionAsWritten)),
    keyed('forecastCompletionAsWritten', checkDate(fieldName('forecastCompletion'), input.forecastCompletionAsWritten)),
    keyed('completionDateChangeNote', checkText(fieldName('completionDateChangeNote'), input.completionDateChangeNote)),
    keyed('completedBy', checkText(fieldName('completedBy'), input.completedBy, { required: submitting && reporting.signOff, maxLength: MAX_SINGLE_LINE })),
    keyed('completionDateAsWritten', checkDate(fieldName('completionDate'), input.completionDateAsWritten, submitting && reporting.signOff))
  );
  if (submitting && isBlank(input.keyActivities) && isBlank(input.managerUpdate)) {
    errors.push({ ...error(fieldName('keyActivities'), input.keyActivities, message('keyActivitiesRequired', {})), key: 'keyActivities' });
  }
  return errors;
}

/**
 * What stops a status report going to the programme office: the checks for submitting (an
 * update; a RAG, who completed it and when where the programme's `options` use them), on the
 * report as stored. The repository refuses a submit for these; the dashboard shows them before
 * the user tries.
 */
export function submitBlockers(report: IStatusReport, options?: IReportingOptions): IFieldError[] {
  return validateStatusReportInput(
    {
      rag: report.rag,
      keyActivities: report.keyActivities,
      managerUpdate: report.managerUpdate,
      completedBy: report.completedBy,
      completionDateAsWritten: report.completionDateAsWritten
    },
    true,
    options
  );
}

function checkRag(field: string, value: string | undefined, required: boolean, reporting: IReportingOptions): IFieldError | undefined {
  if (isBlank(value)) {
    return required ? error(field, value, message('ragRequired', { levels: ragLevels(reporting.ragScale) })) : undefined;
  }
  try {
    const rag: Rag = parseRag(value as string, field);
    if (ragLevels(reporting.ragScale).indexOf(rag) < 0) {
      return error(field, value, message('ragOffScale', { levels: ragLevels(reporting.ragScale) }));
    }
    return undefined;
  } catch (e) {
    return fromError(field, value, e);
  }
}

function checkOptionalRag(field: string, value: string | undefined): IFieldError | undefined {
  try {
    parseOptionalRag(value, field);
    return undefined;
  } catch (e) {
    return fromError(field, value, e);
  }
}

/**
 * A report may state a last-period rating other than the one recorded for the previous period
 * only with a reason (see lastPeriodRating). `stated` is what the form holds (blank: not stated;
 * "N/A": not rated); `recorded` is the previous period's recorded rating, undefined when there
 * is no record to disagree with.
 */
export function checkStatedLastPeriod(stated: string | undefined, reason: string | undefined, recorded: Rag | null | undefined): IFieldError | undefined {
  if (recorded === undefined || isBlank(stated) || !isBlank(reason)) {
    return undefined;
  }
  let rating: Rag | null;
  try {
    rating = parseOptionalRag(stated);
  } catch {
    return undefined; // the rating's own check names that fault
  }
  if (rating === recorded) {
    return undefined;
  }
  return {
    ...error(
      fieldName('previousRagReason'),
      reason,
      message('previousRatingReasonNeeded', { stated: rating || undefined, recorded: recorded || undefined })
    ),
    key: 'previousRagReason'
  };
}

/** The milestone status categories, in the order a refusal lists them (worded at the edge). */
export const MILESTONE_STATUS_CATEGORIES: readonly MilestoneStatusCategory[] = ['NotStarted', 'InProgress', 'Ongoing', 'Complete', 'Delayed'];

/** What a user may type into a milestone. */
export interface IMilestoneInput {
  title: string;
  timing: MilestoneTiming;
  number?: string;
  status?: string;
  statusCategory?: string;
  /** dd/mm/yyyy. */
  dueDate?: string;
}

/** Checks a milestone as typed. */
export function validateMilestoneInput(input: IMilestoneInput): IFieldError[] {
  const errors: IFieldError[] = collect(
    keyed('title', checkText(fieldName('milestone'), input.title, { required: true, maxLength: MAX_SINGLE_LINE })),
    keyed('number', checkText(fieldName('number'), input.number, { maxLength: 16 })),
    keyed('status', checkText(fieldName('status'), input.status)),
    keyed('dueDate', checkDate(fieldName('dueDate'), input.dueDate))
  );
  if (input.timing !== 'ThisPeriod' && input.timing !== 'NextPeriod') {
    errors.push({ ...error(fieldName('timing'), input.timing, message('timingChoice', {})), key: 'timing' });
  }
  if (!isBlank(input.statusCategory) && MILESTONE_STATUS_CATEGORIES.indexOf(input.statusCategory as MilestoneStatusCategory) < 0) {
    errors.push({ ...error(fieldName('statusCategory'), input.statusCategory, message('notAStatusCategory', { allowed: [...MILESTONE_STATUS_CATEGORIES] })), key: 'statusCategory' });
  }
  return errors;
}

/** What a user may type into a risk. */
export interface IRiskInput {
  description: string;
  mitigation: string;
  number?: string;
  likelihood?: string | number;
  impact?: string | number;
  owner?: string;
}

function checkScore(field: string, value: string | number | undefined): IFieldError | undefined {
  if (value === undefined || value === '' || value === null) {
    return undefined;
  }
  const text: string = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
  if (!/^[1-5]$/.test(text)) {
    return error(field, value, message('scoreRange', {}));
  }
  return undefined;
}

/** Checks a risk as typed. */
export function validateRiskInput(input: IRiskInput): IFieldError[] {
  const errors: IFieldError[] = collect(
    keyed('description', checkText(fieldName('riskDescription'), input.description, { required: true })),
    keyed('mitigation', checkText(fieldName('mitigation'), input.mitigation, { required: true })),
    keyed('number', checkText(fieldName('number'), input.number, { maxLength: 16 })),
    keyed('likelihood', checkScore(fieldName('likelihood'), input.likelihood)),
    keyed('impact', checkScore(fieldName('impact'), input.impact)),
    keyed('owner', checkText(fieldName('owner'), input.owner, { maxLength: MAX_SINGLE_LINE }))
  );
  return errors;
}

/** Checks sponsor comments as typed. */
export function validateSponsorCommentInput(text: string): IFieldError[] {
  return collect(keyed('text', checkText(fieldName('sponsorComments'), text, { required: true })));
}

/** Checks IIB feedback as typed. */
export function validateFeedbackInput(kind: string, text: string): IFieldError[] {
  const errors: IFieldError[] = collect(keyed('text', checkText(fieldName('feedback'), text, { required: true })));
  if (kind !== 'Challenge' && kind !== 'Feedback') {
    errors.push({ ...error(fieldName('kind'), kind, message('kindChoice', {})), key: 'kind' });
  }
  return errors;
}

/** Checks a workstream's response to an IIB challenge as typed. */
export function validateResponseInput(text: string): IFieldError[] {
  return collect(keyed('response', checkText(fieldName('response'), text, { required: true })));
}

/** Checks the programme office's optional note on closing a challenge. */
export function validateClosingNoteInput(text: string | undefined): IFieldError[] {
  return collect(keyed('closingNote', checkText(fieldName('closingNote'), text)));
}

/** What the programme office types for a period's overview. */
export interface IOverviewInput {
  overview: string;
  overviewAuthor?: string;
  /** A RAG spelling, or empty for none. */
  overallRag?: string;
}

function isRagSpelling(text: string): boolean {
  try {
    parseRag(text);
    return true;
  } catch {
    return false;
  }
}

/** Checks a period's lead executive director overview as typed. */
export function validateOverviewInput(input: IOverviewInput): IFieldError[] {
  const errors: IFieldError[] = collect(
    keyed('overview', checkText(fieldName('overview'), input.overview, { required: true })),
    keyed('overviewAuthor', checkText(fieldName('overviewAuthor'), input.overviewAuthor, { maxLength: MAX_SINGLE_LINE }))
  );
  if (input.overallRag !== undefined && input.overallRag.trim() !== '' && !isRagSpelling(input.overallRag)) {
    errors.push({ ...error(fieldName('overallRag'), input.overallRag, message('notARagRating', {})), key: 'overallRag' });
  }
  return errors;
}

/** What the programme office types to set up a period. */
export interface IPeriodInput {
  title: string;
  /** dd/mm/yyyy. */
  start: string;
  /** dd/mm/yyyy. */
  end: string;
}

/** Checks a new reporting period. */
export function validatePeriodInput(input: IPeriodInput): IFieldError[] {
  const errors: IFieldError[] = collect(
    keyed('title', checkText(fieldName('period'), input.title, { required: true, maxLength: MAX_SINGLE_LINE })),
    keyed('start', checkDate(fieldName('start'), input.start, true)),
    keyed('end', checkDate(fieldName('end'), input.end, true))
  );
  if (errors.length === 0 && parseUkDate(input.end) < parseUkDate(input.start)) {
    errors.push({ ...error(fieldName('end'), input.end, message('endBeforeStart', { start: input.start })), key: 'end' });
  }
  return errors;
}

/** What the programme office types to set up a workstream. */
export interface IWorkstreamInput {
  code: string;
  title: string;
  description?: string;
  agreedCompletion?: string;
  forecastCompletion?: string;
}

/** Checks a workstream's details. */
export function validateWorkstreamInput(input: IWorkstreamInput): IFieldError[] {
  const errors: IFieldError[] = collect(
    checkText(fieldName('workstream'), input.title, { required: true, maxLength: MAX_SINGLE_LINE }),
    checkText(fieldName('code'), input.code, { required: true, maxLength: 16 }),
    checkText(fieldName('projectDescription'), input.description),
    checkDate(fieldName('agreedCompletion'), input.agreedCompletion),
    checkDate(fieldName('forecastCompletion'), input.forecastCompletion)
  );
  if (typeof input.code === 'string' && !isBlank(input.code) && !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(input.code)) {
    errors.push(error(fieldName('code'), input.code, message('codeCharacters', {})));
  }
  return errors;
}

/** Throws the first error of a validation, for callers that must refuse bad input outright. */
export function assertNoErrors(errors: IFieldError[]): void {
  if (errors.length > 0) {
    throw new DomainValidationError(errors[0].field, errors[0].value, errors[0].detail || errors[0].reason);
  }
}
