/**
 * The editing forms of the workstream view: for each kind of item, its fields, the values it
 * opens with, the domain validation that checks it as typed, and how its values become the
 * changes the repository stores.
 */
import { strings } from '../loc/formStrings';
import {
  type IIibFeedback,
  type IMilestone,
  type IPeriod,
  type IPerson,
  type IRisk,
  type ISponsorComment,
  type IPreviousStatusReport,
  type IStatusReport,
  type IWorkstreamHeading,
  type FeedbackKind,
  type MilestoneStatusCategory,
  type MilestoneTiming,
  reportingOptionsOf,
  type IReportingOptions,
  tableTitle
} from '../../../domain/model';
import { parseOptionalRag, parseRag, type Rag, ragLevels } from '../../../domain/rag';
import { formatUkDate, parseUkDate } from '../../../domain/dates';
import { isBlank } from '../../../domain/text';
import {
  checkStatedLastPeriod,
  type IFieldError,
  validateClosingNoteInput,
  validateFeedbackInput,
  validateMilestoneInput,
  validateOverviewInput,
  validateResponseInput,
  validateRiskInput,
  validateSponsorCommentInput,
  validateStatusReportInput
} from '../../../domain/validation';
import { FEEDBACK_FIELDS, MILESTONE_FIELDS, PERIOD_FIELDS, RISK_FIELDS, SPONSOR_COMMENT_FIELDS, STATUS_REPORT_FIELDS } from '../../../data/fields';
import type { EntityChanges, ICurrentUser, Saved } from '../../../data/repository';
import { format } from './format';
import { labelText, tableField, type FormValues, type IFieldOption, type IFieldSpec, type IFormRequest } from './forms';
import { statusCategoryOptions } from './statusCategories';

/** Where an item being edited belongs, and who is editing it. */
export interface IFormContext {
  workstream: IWorkstreamHeading;
  period: IPeriod;
  user: ICurrentUser;
  /** What the programme reports: forms offer only what it uses (everything when not given). */
  reporting?: IReportingOptions;
}

/** The key a previous rating of "not rated" (N/A) has in its drop-down. */
const NOT_RATED_KEY: string = 'N/A';

function contextLine(ctx: IFormContext): string {
  return format(strings.FormContext, tableTitle(ctx.workstream), ctx.period.title);
}

function personOf(user: ICurrentUser): IPerson {
  return { id: user.id, name: user.name, login: user.login };
}

/** The stored item from a conflict, or an empty object when the repository sent none. */
function asItem<T>(stored: unknown): Partial<T> {
  return stored !== null && typeof stored === 'object' ? (stored as Partial<T>) : {};
}

const ragOptions = (reporting?: IReportingOptions): IFieldOption[] => ragLevels(reporting ? reporting.ragScale : 'five').map((rag) => ({ key: rag, text: rag }));

export { labelText };

function orEmpty(text: string | undefined | null): string {
  return text === undefined || text === null ? '' : text;
}

// ---- Status report ---------------------------------------------------------------------------

/**
 * What a new report starts from: last period's rating as recorded, and the agreed and forecast
 * completion dates the previous period's report gave. Everything else starts empty.
 */
function carriedForward(previous: IPreviousStatusReport | undefined): Partial<IStatusReport> {
  if (!previous) {
    return {};
  }
  return {
    previousRag: previous.rag || null,
    agreedCompletionAsWritten: previous.agreedCompletionAsWritten,
    forecastCompletionAsWritten: previous.forecastCompletionAsWritten
  };
}

/**
 * The period's status report, new or existing. Early reports have one project manager
 * update; later ones split it into key activities, engagement and concerns/issues. The form
 * offers the form of update the report already uses (the split one for a new report).
 */
export function statusReportForm(ctx: IFormContext, report: Saved<IStatusReport> | undefined, recordedPrevious?: IPreviousStatusReport): IFormRequest {
  const early: boolean = !!report && !isBlank(report.managerUpdate);
  const split: boolean = !report || !early || !isBlank(report.keyActivities) || !isBlank(report.engagement) || !isBlank(report.concernsIssues);
  // A programme that does not rate, or has no sign-off, is not asked for them.
  const reporting: IReportingOptions = ctx.reporting || reportingOptionsOf(undefined);
  const field = (key: Extract<keyof IStatusReport, string>, extra: Partial<IFieldSpec> = {}): IFieldSpec => tableField(STATUS_REPORT_FIELDS, key, extra);
  const fields: IFieldSpec[] = reporting.rated
    ? [
        field('rag', { options: ragOptions(ctx.reporting) }),
        field('previousRag', { options: [{ key: '', text: strings.NotStated }, { key: NOT_RATED_KEY, text: strings.NotRatedChoice }, ...ragOptions(ctx.reporting)] })
      ]
    : [];
  const recordedRag: Rag | null | undefined = recordedPrevious ? recordedPrevious.rag || null : undefined;
  if (recordedPrevious && reporting.rated) {
    fields.push(field('previousRagReason'));
  }
  if (split) {
    fields.push(field('keyActivities'), field('engagement'), field('concernsIssues'));
  }
  if (early) {
    fields.push(field('managerUpdate'));
  }
  if (reporting.rated) {
    fields.push(field('ragRationale'));
  }
  fields.push(field('agreedCompletionAsWritten'), field('forecastCompletionAsWritten'), field('completionDateChangeNote'));
  if (reporting.signOff) {
    fields.push(field('completedBy'), field('completionDateAsWritten'));
  }
  const valuesOf = (stored: unknown): FormValues => {
    const r: Partial<IStatusReport> = asItem<IStatusReport>(stored);
    return {
      rag: orEmpty(r.rag),
      previousRag: r.previousRag === null ? NOT_RATED_KEY : orEmpty(r.previousRag),
      previousRagReason: orEmpty(r.previousRagReason),
      keyActivities: orEmpty(r.keyActivities),
      engagement: orEmpty(r.engagement),
      concernsIssues: orEmpty(r.concernsIssues),
      managerUpdate: orEmpty(r.managerUpdate),
      ragRationale: orEmpty(r.ragRationale),
      agreedCompletionAsWritten: orEmpty(r.agreedCompletionAsWritten),
      forecastCompletionAsWritten: orEmpty(r.forecastCompletionAsWritten),
      completionDateChangeNote: orEmpty(r.completionDateChangeNote),
      completedBy: orEmpty(r.completedBy),
      completionDateAsWritten: orEmpty(r.completionDateAsWritten)
    };
  };
  const initial: FormValues = report ? valuesOf(report) : valuesOf(carriedForward(recordedPrevious));
  const has = (key: string): boolean => fields.some((f) => f.key === key);
  const changesOf = (v: FormValues): EntityChanges<'statusReport'> => {
    const changes: EntityChanges<'statusReport'> = {
      // Completion dates are kept as written, once the domain has accepted them.
      agreedCompletionAsWritten: v.agreedCompletionAsWritten.trim(),
      forecastCompletionAsWritten: v.forecastCompletionAsWritten.trim(),
      completionDateChangeNote: v.completionDateChangeNote
    };
    // Only what the form asked for is written: a part the programme does not use stays as it is.
    if (has('ragRationale')) {
      changes.ragRationale = v.ragRationale;
    }
    if (has('completedBy')) {
      changes.completedBy = v.completedBy.trim();
      changes.completionDateAsWritten = v.completionDateAsWritten.trim();
    }
    if (has('rag') && !isBlank(v.rag)) {
      changes.rag = parseRag(v.rag);
    }
    if (has('previousRag')) {
      // "Not stated" stores nothing (the report does not say); "N/A" stores null (not rated).
      changes.previousRag = isBlank(v.previousRag) ? undefined : parseOptionalRag(v.previousRag);
    }
    if (has('previousRagReason')) {
      changes.previousRagReason = v.previousRagReason;
    }
    for (const key of ['keyActivities', 'engagement', 'concernsIssues', 'managerUpdate'] as const) {
      if (has(key)) {
        changes[key] = v[key];
      }
    }
    return changes;
  };
  return {
    kind: 'statusReport',
    title: report ? strings.EditStatusReportTitle : strings.AddStatusReportTitle,
    context: contextLine(ctx),
    periodTitle: ctx.period.title,
    fields,
    initial,
    etag: report ? report.etag : undefined,
    validate: (v) => {
      // A rating the user states now must agree with the record or carry a reason; one already
      // stored (an imported paper's) is readiness's to flag, and does not block other edits.
      const stated: IFieldError | undefined =
        v.previousRag !== initial.previousRag ? checkStatedLastPeriod(v.previousRag, v.previousRagReason, recordedRag) : undefined;
      return [...validateStatusReportInput({ ...v }, false, reporting), ...(stated ? [stated] : [])];
    },
    valuesOf,
    savedMessage: strings.Saved,
    save: (saver, v, etag) =>
      report && etag
        ? saver.update('statusReport', report.id, changesOf(v), etag)
        : saver.create('statusReport', { workstreamId: ctx.workstream.id, periodId: ctx.period.id, state: 'Draft', ...changesOf(v) })
  };
}

// ---- Milestones ------------------------------------------------------------------------------

function statusFields(): IFieldSpec[] {
  return [
    tableField(MILESTONE_FIELDS, 'status', { description: strings.MilestoneStatusHint }),
    tableField(MILESTONE_FIELDS, 'statusCategory', { options: statusCategoryOptions() })
  ];
}

function milestoneValues(stored: unknown): FormValues {
  const m: Partial<IMilestone> = asItem<IMilestone>(stored);
  let due: string = '';
  if (m.dueDate) {
    try {
      due = formatUkDate(m.dueDate);
    } catch {
      // A due date the list holds in another form is shown as it is, for the user to put right.
      due = m.dueDate;
    }
  }
  return {
    number: orEmpty(m.number),
    title: orEmpty(m.title),
    status: orEmpty(m.status),
    statusCategory: orEmpty(m.statusCategory),
    dueDate: due
  };
}

function statusChanges(v: FormValues): EntityChanges<'milestone'> {
  return {
    status: v.status,
    statusCategory: isBlank(v.statusCategory) ? undefined : (v.statusCategory as MilestoneStatusCategory)
  };
}

/**
 * A milestone, new or existing. Milestones this period carry a status; those planned for the
 * next period do not yet.
 * @param order - where a new milestone goes (after the last one).
 */
export function milestoneForm(
  ctx: IFormContext,
  timing: MilestoneTiming,
  milestone: Saved<IMilestone> | undefined,
  order: number,
  suggestedNumber: string
): IFormRequest {
  const fields: IFieldSpec[] = [
    tableField(MILESTONE_FIELDS, 'number'),
    tableField(MILESTONE_FIELDS, 'title'),
    ...(timing === 'ThisPeriod' ? statusFields() : []),
    tableField(MILESTONE_FIELDS, 'dueDate')
  ];
  const changesOf = (v: FormValues): EntityChanges<'milestone'> => ({
    number: v.number.trim(),
    title: v.title,
    // Typed as dd/mm/yyyy, stored as an ISO date.
    dueDate: isBlank(v.dueDate) ? undefined : parseUkDate(v.dueDate, 'Due date'),
    ...(timing === 'ThisPeriod' ? statusChanges(v) : {})
  });
  const initial: FormValues = milestone ? milestoneValues(milestone) : { ...milestoneValues(undefined), number: suggestedNumber };
  return {
    kind: 'milestone',
    title: milestone ? strings.EditMilestoneTitle : timing === 'ThisPeriod' ? strings.AddMilestoneThisPeriod : strings.AddMilestoneNextPeriod,
    context: contextLine(ctx),
    periodTitle: ctx.period.title,
    fields,
    initial,
    etag: milestone ? milestone.etag : undefined,
    validate: (v) => validateMilestoneInput({ ...v, title: v.title, timing }),
    valuesOf: milestoneValues,
    savedMessage: strings.Saved,
    save: (saver, v, etag) =>
      milestone && etag
        ? saver.update('milestone', milestone.id, changesOf(v), etag)
        : saver.create('milestone', { workstreamId: ctx.workstream.id, periodId: ctx.period.id, timing, order, ...changesOf(v), title: v.title })
  };
}

/** A milestone's status only: its free text and its category. */
export function milestoneStatusForm(ctx: IFormContext, milestone: Saved<IMilestone>): IFormRequest {
  return {
    kind: 'milestone',
    title: format(strings.ChangeStatusTitle, milestone.number || milestone.title),
    context: format(strings.FormContextItem, tableTitle(ctx.workstream), ctx.period.title, milestone.title),
    periodTitle: ctx.period.title,
    fields: statusFields(),
    initial: milestoneValues(milestone),
    etag: milestone.etag,
    validate: (v) => validateMilestoneInput({ title: milestone.title, timing: milestone.timing, status: v.status, statusCategory: v.statusCategory }),
    valuesOf: milestoneValues,
    savedMessage: strings.Saved,
    save: (saver, v, etag) => saver.update('milestone', milestone.id, statusChanges(v), etag || milestone.etag)
  };
}

// ---- Risks -----------------------------------------------------------------------------------

function riskValues(stored: unknown): FormValues {
  const r: Partial<IRisk> = asItem<IRisk>(stored);
  return {
    number: orEmpty(r.number),
    description: orEmpty(r.description),
    mitigation: orEmpty(r.mitigation),
    likelihood: r.likelihood === undefined || r.likelihood === null ? '' : String(r.likelihood),
    impact: r.impact === undefined || r.impact === null ? '' : String(r.impact),
    owner: orEmpty(r.owner)
  };
}

/** A risk, new (raised this period) or existing. */
export function riskForm(ctx: IFormContext, risk: Saved<IRisk> | undefined, order: number, suggestedNumber: string): IFormRequest {
  const fields: IFieldSpec[] = [
    tableField(RISK_FIELDS, 'number'),
    tableField(RISK_FIELDS, 'description'),
    tableField(RISK_FIELDS, 'mitigation'),
    tableField(RISK_FIELDS, 'likelihood', { description: strings.RiskScoreHint }),
    tableField(RISK_FIELDS, 'impact', { description: strings.RiskScoreHint }),
    tableField(RISK_FIELDS, 'owner')
  ];
  const score = (text: string): number | undefined => (isBlank(text) ? undefined : parseInt(text.trim(), 10));
  const changesOf = (v: FormValues): EntityChanges<'risk'> => ({
    number: v.number.trim(),
    description: v.description,
    mitigation: v.mitigation,
    likelihood: score(v.likelihood),
    impact: score(v.impact),
    owner: v.owner.trim()
  });
  return {
    kind: 'risk',
    title: risk ? strings.EditRiskTitle : strings.AddRiskTitle,
    context: contextLine(ctx),
    periodTitle: ctx.period.title,
    fields,
    initial: risk ? riskValues(risk) : { ...riskValues(undefined), number: suggestedNumber },
    etag: risk ? risk.etag : undefined,
    validate: (v) => validateRiskInput({ ...v, description: v.description, mitigation: v.mitigation }),
    valuesOf: riskValues,
    savedMessage: strings.Saved,
    save: (saver, v, etag) =>
      risk && etag
        ? saver.update('risk', risk.id, changesOf(v), etag)
        : saver.create('risk', {
            workstreamId: ctx.workstream.id,
            state: 'Open',
            raisedPeriodId: ctx.period.id,
            order,
            ...changesOf(v),
            description: v.description,
            mitigation: v.mitigation
          })
  };
}

// ---- Sponsor comments ------------------------------------------------------------------------

function commentValues(stored: unknown): FormValues {
  return { text: orEmpty(asItem<ISponsorComment>(stored).text) };
}

/** The sponsor's comments on the period, new or existing. */
export function sponsorCommentForm(ctx: IFormContext, comment: Saved<ISponsorComment> | undefined): IFormRequest {
  return {
    kind: 'sponsorComment',
    title: comment ? strings.EditSponsorComments : strings.AddSponsorComments,
    context: contextLine(ctx),
    periodTitle: ctx.period.title,
    fields: [tableField(SPONSOR_COMMENT_FIELDS, 'text')],
    initial: commentValues(comment),
    etag: comment ? comment.etag : undefined,
    validate: (v) => validateSponsorCommentInput(v.text),
    valuesOf: commentValues,
    savedMessage: strings.Saved,
    save: (saver, v, etag) =>
      comment && etag
        ? saver.update('sponsorComment', comment.id, { text: v.text }, etag)
        : saver.create('sponsorComment', { workstreamId: ctx.workstream.id, periodId: ctx.period.id, text: v.text, author: personOf(ctx.user) })
  };
}

// ---- IIB feedback ----------------------------------------------------------------------------

function feedbackValues(stored: unknown): FormValues {
  const f: Partial<IIibFeedback> = asItem<IIibFeedback>(stored);
  return { kind: orEmpty(f.kind), text: orEmpty(f.text) };
}

/**
 * Challenge or feedback an IIB member records against the workstream and period. A locked
 * period's log is not added to: then `target` names the open period it is recorded in, about the
 * locked one (see the repository's feedbackTarget rule).
 */
export function feedbackForm(ctx: IFormContext, feedback: Saved<IIibFeedback> | undefined, target?: { period: IPeriod; aboutPeriodId?: number }): IFormRequest {
  const fields: IFieldSpec[] = [
    tableField(FEEDBACK_FIELDS, 'kind', {
      options: [
        { key: 'Challenge', text: strings.FeedbackKindChallenge },
        { key: 'Feedback', text: strings.FeedbackKindFeedback }
      ]
    }),
    tableField(FEEDBACK_FIELDS, 'text')
  ];
  return {
    kind: 'feedback',
    title: feedback ? strings.EditFeedbackTitle : target && target.aboutPeriodId !== undefined ? format(strings.AddFeedbackAboutTitle, ctx.period.title) : strings.AddFeedbackTitle,
    context:
      !feedback && target && target.aboutPeriodId !== undefined ? format(strings.FeedbackGoesToOpen, ctx.period.title, target.period.title) : contextLine(ctx),
    periodTitle: ctx.period.title,
    fields,
    initial: feedback ? feedbackValues(feedback) : { kind: 'Challenge', text: '' },
    etag: feedback ? feedback.etag : undefined,
    validate: (v) => validateFeedbackInput(v.kind, v.text),
    valuesOf: feedbackValues,
    savedMessage: strings.Saved,
    save: (saver, v, etag) =>
      feedback && etag
        ? saver.update('feedback', feedback.id, { kind: v.kind as FeedbackKind, text: v.text }, etag)
        : saver.create('feedback', {
            workstreamId: ctx.workstream.id,
            periodId: target ? target.period.id : ctx.period.id,
            ...(target && target.aboutPeriodId !== undefined ? { aboutPeriodId: target.aboutPeriodId } : {}),
            kind: v.kind as FeedbackKind,
            text: v.text,
            author: personOf(ctx.user),
            created: new Date().toISOString()
          })
  };
}

/** The workstream's response to an IIB challenge (its project managers), new or changed. */
export function respondForm(ctx: IFormContext, challenge: Saved<IIibFeedback>): IFormRequest {
  const valuesOf = (stored: unknown): FormValues => ({ response: orEmpty(asItem<IIibFeedback>(stored).response) });
  return {
    kind: 'feedback',
    title: challenge.response ? strings.EditResponseTitle : strings.RespondTitle,
    context: format(strings.FormContextItem, tableTitle(ctx.workstream), ctx.period.title, challenge.text),
    periodTitle: ctx.period.title,
    // A response is required of Respond, though the list keeps a challenge without one.
    fields: [tableField(FEEDBACK_FIELDS, 'response', { required: true })],
    initial: valuesOf(challenge),
    etag: challenge.etag,
    validate: (v) => validateResponseInput(v.response),
    valuesOf,
    savedMessage: strings.ResponseSaved,
    save: (saver, v, etag) => saver.run((repository) => repository.respondToChallenge(challenge.id, v.response, etag || challenge.etag))
  };
}

/** The programme office's closing of an IIB challenge, with an optional note. */
export function closeChallengeForm(ctx: IFormContext, challenge: Saved<IIibFeedback>): IFormRequest {
  const valuesOf = (stored: unknown): FormValues => ({ closingNote: orEmpty(asItem<IIibFeedback>(stored).closingNote) });
  return {
    kind: 'feedback',
    title: strings.CloseChallengeTitle,
    context: format(strings.FormContextItem, tableTitle(ctx.workstream), ctx.period.title, challenge.text),
    periodTitle: ctx.period.title,
    fields: [tableField(FEEDBACK_FIELDS, 'closingNote', { description: strings.ClosingNoteHint })],
    initial: valuesOf(challenge),
    etag: challenge.etag,
    validate: (v) => validateClosingNoteInput(v.closingNote),
    valuesOf,
    savedMessage: strings.ChallengeClosedSaved,
    save: (saver, v, etag) => saver.run((repository) => repository.closeChallenge(challenge.id, isBlank(v.closingNote) ? undefined : v.closingNote, etag || challenge.etag))
  };
}

const NO_OVERALL_RAG: string = '';

/**
 * A period's lead executive director overview (the programme office): the text as the paper
 * prints it, who wrote it (free text, as the seeded periods keep it) and the overall rating it
 * states, if any.
 */
export function overviewForm(period: Saved<IPeriod>, reporting?: IReportingOptions): IFormRequest {
  const valuesOf = (stored: unknown): FormValues => {
    const p: Partial<IPeriod> = asItem<IPeriod>(stored);
    return { overview: orEmpty(p.overview), overviewAuthor: orEmpty(p.overviewAuthor), overallRag: orEmpty(p.overallRag) };
  };
  const rated: boolean = (reporting || reportingOptionsOf(undefined)).rated;
  return {
    kind: 'period',
    title: strings.EditOverviewTitle,
    context: period.title,
    periodTitle: period.title,
    fields: [
      // The overview is required of the form, though a period is kept without one until it is written.
      tableField(PERIOD_FIELDS, 'overview', { required: true, description: strings.OverviewHint }),
      tableField(PERIOD_FIELDS, 'overviewAuthor', { description: strings.OverviewAuthorHint }),
      // A programme that does not rate is not asked for an overall rating (what is stored stays).
      ...(rated ? [tableField(PERIOD_FIELDS, 'overallRag', { options: [{ key: NO_OVERALL_RAG, text: strings.OverallRagNone }, ...ragOptions(reporting)] })] : [])
    ],
    initial: valuesOf(period),
    etag: period.etag,
    validate: (v) => validateOverviewInput({ overview: v.overview, overviewAuthor: v.overviewAuthor, overallRag: v.overallRag }),
    valuesOf,
    savedMessage: strings.OverviewSaved,
    save: (saver, v, etag) =>
      saver.run((repository) =>
        repository.updateOverview(
          period.id,
          { overview: v.overview, overviewAuthor: v.overviewAuthor, overallRag: isBlank(v.overallRag) ? undefined : parseRag(v.overallRag) },
          etag || period.etag
        )
      )
  };
}

/** The next row number after the numbers already used ("7", "7" → "8"). */
export function nextNumber(numbers: ReadonlyArray<string | undefined>): string {
  let max: number = 0;
  for (const n of numbers) {
    const value: number = parseInt(orEmpty(n), 10);
    if (!isNaN(value) && value > max) {
      max = value;
    }
  }
  return String(max + 1);
}
