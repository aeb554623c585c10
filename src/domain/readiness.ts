/**
 * Readiness rules: what must be put right before a period's report goes to the Board.
 *
 * One function, {@link checkReadiness}, takes a period's data and the previous period's, and
 * returns findings that say how serious each fault is, which rule found it, what is wrong
 * and exactly where. The rules cover every fault that real reports contain (domain.md).
 */
import { compareIsoDates, formatUkDate, parseUkDate } from './dates';
import { DomainValidationError } from './errors';
import {
  reportingOptionsOf,
  tableTitle,
  type IMilestone,
  type IPeriodPicture,
  type IPerson,
  type IProgramme,
  type IReportingOptions,
  type IRisk,
  type IStatusReport,
  type IWorkstream,
  type MilestoneTiming
} from './model';
import { type Rag } from './rag';
import { lastPeriodRating } from './periods';
import { isBlank, isPlaceholder, squash, wordingSimilarity } from './text';
import { checkText, type IFieldError } from './validation';
import { fieldName, message, wordOf, type FieldNameCode, type IMessage, type RowSection } from './messages';

/** How serious a finding is: errors should stop a paper going out; warnings need a look. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** The rules, by the name findings carry. */
export type ReadinessRule =
  | 'missing-status-report'
  | 'missing-rag'
  | 'impossible-date'
  | 'forecast-after-agreed'
  | 'completion-date-passed'
  | 'completion-date-moved'
  | 'empty-row'
  | 'placeholder'
  | 'repeated-number'
  | 'rag-changed-without-rationale'
  | 'missing-sponsor-comments'
  | 'missing-completed-by'
  | 'missing-completion-date'
  | 'planned-milestone-not-reported'
  | 'workstream-name-inconsistent'
  | 'previous-rating-mismatch'
  | 'missing-overview';

/** The part of a workstream's report a finding points at. */
export type ReportSection =
  | 'overview'
  | 'details'
  | 'status'
  | 'update'
  | 'sponsorComments'
  | 'milestonesThisPeriod'
  | 'milestonesNextPeriod'
  | 'risks'
  | 'completion';

/** Where a finding is. */
export interface IFindingLocation {
  periodId: number;
  periodTitle: string;
  workstreamId?: number;
  workstreamTitle?: string;
  section: ReportSection;
  /** The list item at fault, when there is one. */
  itemId?: number;
  /**
   * The field at fault, by its code ("agreedCompletion"; its words are the edge's: fieldName). The
   * code is part of the finding's key ({@link findingKey}), which acknowledgements store.
   */
  field?: FieldNameCode;
  /** The row number as the report writes it, for milestones and risks. */
  row?: string;
}

/** One fault found. */
export interface IReadinessFinding {
  severity: FindingSeverity;
  rule: ReadinessRule;
  /** What is wrong, in words an officer can act on (the {@link detail} in the words the edge installed). */
  message: string;
  /** What is wrong, as a code and values (src/domain/messages.ts). */
  detail: IMessage;
  where: IFindingLocation;
}

/** A period's data and the previous period's, as the rules need it: the part of its picture they read. */
export interface IReadinessInput
  extends Pick<
    IPeriodPicture,
    'period' | 'previousPeriod' | 'workstreams' | 'statusReports' | 'previousStatusReports' | 'sponsorComments' | 'milestones' | 'previousMilestones' | 'risks'
  > {
  /**
   * The programme, for what it reports (its reporting options): a part it does not use — ratings,
   * sponsor comments, milestones, sign-off — is not looked for. Without it, everything is.
   */
  programme?: Pick<IProgramme, 'reporting'>;
}

/** Wordings at least this alike count as the same milestone. */
const SAME_MILESTONE: number = 0.6;

const GREENISH: readonly Rag[] = ['Green', 'Green/Amber'];

interface IDateCheck {
  iso?: string;
  text?: string;
}

/**
 * Checks a period's report for the faults real reports contain.
 * @returns findings ordered by workstream (in workstream order), then section.
 */
export function checkReadiness(input: IReadinessInput): IReadinessFinding[] {
  const findings: IReadinessFinding[] = [];
  const { period } = input;

  if (isBlank(period.overview)) {
    findings.push({
      severity: 'warning',
      rule: 'missing-overview',
      ...said(message('missingOverview', {})),
      where: { periodId: period.id, periodTitle: period.title, section: 'overview', field: 'overview' }
    });
  }

  const workstreams: IWorkstream[] = input.workstreams.slice().sort((a, b) => a.order - b.order);
  for (const ws of workstreams) {
    checkWorkstream(input, ws, findings);
  }
  return findings;
}

function checkWorkstream(input: IReadinessInput, ws: IWorkstream, findings: IReadinessFinding[]): void {
  const { period, previousPeriod } = input;
  const reporting: IReportingOptions = reportingOptionsOf(input.programme);
  const at = (section: ReportSection, extra?: Partial<IFindingLocation>): IFindingLocation => ({
    periodId: period.id,
    periodTitle: period.title,
    workstreamId: ws.id,
    workstreamTitle: tableTitle(ws),
    section,
    ...extra
  });
  const add = (severity: FindingSeverity, rule: ReadinessRule, detail: IMessage, where: IFindingLocation): void => {
    findings.push({ severity, rule, ...said(detail), where });
  };
  const workstream: string = tableTitle(ws);

  const report: IStatusReport | undefined = input.statusReports.filter((r) => r.workstreamId === ws.id && r.periodId === period.id)[0];
  const previous: IStatusReport | undefined = previousPeriod
    ? input.previousStatusReports.filter((r) => r.workstreamId === ws.id && r.periodId === previousPeriod.id)[0]
    : undefined;

  if (!report) {
    add('error', 'missing-status-report', message('missingStatusReport', { workstream, period: period.title }), at('status'));
  } else {
    checkStatusReport(input, ws, report, previous, at, add, reporting);
  }

  const hasSponsorComments: boolean = input.sponsorComments.some(
    (c) => c.workstreamId === ws.id && c.periodId === period.id && !isBlank(c.text)
  );
  if (!hasSponsorComments && reporting.sponsorComments) {
    add('error', 'missing-sponsor-comments', message('missingSponsorComments', { workstream, period: period.title }), at('sponsorComments', { field: 'sponsorComments' }));
  }

  // A programme without milestones has none to check: any rows it holds are not printed.
  const mine: IMilestone[] = reporting.milestones ? input.milestones.filter((m) => m.workstreamId === ws.id && m.periodId === period.id) : [];
  checkRows('milestonesThisPeriod', mine.filter((m) => m.timing === 'ThisPeriod'), ws, at, add);
  checkRows('milestonesNextPeriod', mine.filter((m) => m.timing === 'NextPeriod'), ws, at, add);

  const risks: IRisk[] = input.risks.filter((r) => r.workstreamId === ws.id).sort((a, b) => a.order - b.order);
  checkRiskRows(risks, ws, at, add);

  if (previousPeriod && reporting.milestones) {
    const planned: IMilestone[] = input.previousMilestones.filter(
      (m) => m.workstreamId === ws.id && m.periodId === previousPeriod.id && m.timing === 'NextPeriod' && !isBlank(m.title) && !isPlaceholder(m.title)
    );
    const reported: IMilestone[] = mine.filter((m) => m.timing === 'ThisPeriod' && !isBlank(m.title));
    for (const p of planned.sort((a, b) => a.order - b.order)) {
      const found: boolean = reported.some((r) => wordingSimilarity(r.title, p.title) >= SAME_MILESTONE);
      if (!found) {
        add(
          'warning',
          'planned-milestone-not-reported',
          message('plannedNotReported', { milestone: squash(p.title), previousPeriod: previousPeriod.title }),
          at('milestonesThisPeriod', { itemId: p.id, row: p.number })
        );
      }
    }
  }
}

type At = (section: ReportSection, extra?: Partial<IFindingLocation>) => IFindingLocation;
type Add = (severity: FindingSeverity, rule: ReadinessRule, detail: IMessage, where: IFindingLocation) => void;

function checkDate(field: FieldNameCode, text: string | undefined, ws: IWorkstream, where: IFindingLocation, add: Add): IDateCheck {
  if (isBlank(text)) {
    return {};
  }
  try {
    return { iso: parseUkDate(text as string, fieldName(field)), text };
  } catch (e) {
    const reason: string = e instanceof DomainValidationError ? e.message : String(e);
    add('error', 'impossible-date', message('impossibleDate', { workstream: tableTitle(ws), reason }), where);
    return { text };
  }
}

function checkStatusReport(
  input: IReadinessInput,
  ws: IWorkstream,
  report: IStatusReport,
  previous: IStatusReport | undefined,
  at: At,
  add: Add,
  reporting: IReportingOptions
): void {
  const { period, previousPeriod } = input;
  const item = (section: ReportSection, field: FieldNameCode): IFindingLocation => at(section, { itemId: report.id, field });
  const workstream: string = tableTitle(ws);

  if (!report.rag && reporting.rated) {
    add('error', 'missing-rag', message('missingRag', { workstream, period: period.title }), item('status', 'ragThisPeriod'));
  }

  const agreed: IDateCheck = checkDate('agreedCompletion', report.agreedCompletionAsWritten, ws, item('details', 'agreedCompletion'), add);
  const forecast: IDateCheck = checkDate('forecastCompletion', report.forecastCompletionAsWritten, ws, item('details', 'forecastCompletion'), add);
  if (reporting.signOff) {
    checkDate('completionDate', report.completionDateAsWritten, ws, item('completion', 'completionDate'), add);
  }

  const greenish: boolean = !!report.rag && GREENISH.indexOf(report.rag) >= 0;
  if (greenish && agreed.iso && forecast.iso && compareIsoDates(forecast.iso, agreed.iso) > 0) {
    add(
      'warning',
      'forecast-after-agreed',
      message('forecastAfterAgreed', { workstream, rag: String(report.rag), forecast: formatUkDate(forecast.iso), agreed: formatUkDate(agreed.iso) }),
      item('details', 'forecastCompletion')
    );
  }
  const due: string | undefined = forecast.iso || agreed.iso;
  if (greenish && due && compareIsoDates(due, period.start) < 0) {
    add(
      'warning',
      'completion-date-passed',
      message('completionDatePassed', { workstream, rag: String(report.rag), which: forecast.iso ? 'forecast' : 'agreed', due: formatUkDate(due) }),
      item('details', forecast.iso ? 'forecastCompletion' : 'agreedCompletion')
    );
  }

  if (previous && !isBlank(previous.agreedCompletionAsWritten) && !isBlank(report.agreedCompletionAsWritten)) {
    const before: string = previous.agreedCompletionAsWritten as string;
    const now: string = report.agreedCompletionAsWritten as string;
    let beforeIso: string | undefined;
    try {
      beforeIso = parseUkDate(before);
    } catch {
      beforeIso = undefined;
    }
    const moved: boolean = beforeIso && agreed.iso ? beforeIso !== agreed.iso : squash(before) !== squash(now);
    if (moved && isBlank(report.completionDateChangeNote)) {
      add(
        'warning',
        'completion-date-moved',
        message('completionDateMoved', { workstream, before: squash(before), previousPeriod: previousPeriod ? previousPeriod.title : undefined, now: squash(now) }),
        item('details', 'agreedCompletion')
      );
    }
  }

  const previousRating: Rag | null | undefined = lastPeriodRating(report, previous).rag;
  if (reporting.rated && report.rag && previousRating && previousRating !== report.rag && isBlank(report.ragRationale)) {
    add(
      'warning',
      'rag-changed-without-rationale',
      message('ragChangedWithoutRationale', { workstream, from: previousRating, to: report.rag }),
      item('update', 'ragRationale')
    );
  }

  // Any disagreement between what the report states and what was recorded, even across months
  // the product does not hold: the reader sees the recorded rating beside this period's. With a
  // reason given the report's statement is shown, and the finding only says so.
  if (reporting.rated && previous && previousPeriod && report.previousRag !== undefined && (report.previousRag || null) !== (previous.rag || null)) {
    const reasoned: boolean = !isBlank(report.previousRagReason);
    add(
      reasoned ? 'info' : 'warning',
      'previous-rating-mismatch',
      message('previousRatingMismatch', {
        workstream,
        stated: report.previousRag || undefined,
        previousPeriod: previousPeriod.title,
        recorded: previous.rag || undefined,
        reason: reasoned ? squash(report.previousRagReason as string) : undefined
      }),
      item('status', 'ragPreviousPeriod')
    );
  }

  if (reporting.signOff && isBlank(report.completedBy)) {
    add('warning', 'missing-completed-by', message('missingCompletedBy', { workstream }), item('completion', 'completedBy'));
  }
  if (reporting.signOff && isBlank(report.completionDateAsWritten)) {
    add('warning', 'missing-completion-date', message('missingCompletionDate', { workstream }), item('completion', 'completionDate'));
  }

  const seen: Set<string> = new Set<string>();
  const spellings: string[] = [];
  for (const name of report.namesAsWritten || []) {
    const key: string = squash(name).toLowerCase();
    if (key !== squash(ws.title).toLowerCase() && !seen.has(key)) {
      seen.add(key);
      spellings.push(squash(name));
    }
  }
  if (spellings.length > 0) {
    add(
      'warning',
      'workstream-name-inconsistent',
      message('nameInconsistent', { workstream, spellings }),
      item('details', 'workstream')
    );
  }
}

/** The table a row is in, as the messages name it. */
function rowSection(section: ReportSection): RowSection {
  return section === 'milestonesThisPeriod' || section === 'milestonesNextPeriod' ? section : 'risks';
}

/** A finding's words and its code and values. */
function said(detail: IMessage): { message: string; detail: IMessage } {
  return { message: wordOf(detail), detail };
}

function checkNumbers(section: ReportSection, rows: Array<{ id: number; number?: string }>, ws: IWorkstream, at: At, add: Add): void {
  const counts: { [n: string]: number } = {};
  for (const r of rows) {
    const n: string = squash(r.number);
    if (n !== '') {
      counts[n] = (counts[n] || 0) + 1;
    }
  }
  const reported: Set<string> = new Set<string>();
  for (const r of rows) {
    const n: string = squash(r.number);
    if (n !== '' && counts[n] > 1 && !reported.has(n)) {
      reported.add(n);
      add(
        'warning',
        'repeated-number',
        message('repeatedNumber', { workstream: tableTitle(ws), section: rowSection(section), number: n, count: counts[n] }),
        at(section, { itemId: r.id, row: n, field: 'number' })
      );
    }
  }
}

function checkRows(section: ReportSection, rows: IMilestone[], ws: IWorkstream, at: At, add: Add): void {
  const sorted: IMilestone[] = rows.slice().sort((a, b) => a.order - b.order);
  for (const m of sorted) {
    const where: IFindingLocation = at(section, { itemId: m.id, row: m.number, field: 'milestone' });
    if (isBlank(m.title)) {
      add('warning', 'empty-row', message('emptyRow', { workstream: tableTitle(ws), section: rowSection(section), row: m.number || undefined }), where);
    } else if (isPlaceholder(m.title)) {
      add('warning', 'placeholder', message('placeholderRow', { workstream: tableTitle(ws), section: rowSection(section), row: m.number || undefined, text: squash(m.title) }), where);
    }
  }
  checkNumbers(section, sorted, ws, at, add);
}

const TIMING_SECTION: { [t in MilestoneTiming]: ReportSection } = {
  ThisPeriod: 'milestonesThisPeriod',
  NextPeriod: 'milestonesNextPeriod'
};

/** The report section a milestone belongs in. */
export function milestoneSection(timing: MilestoneTiming): ReportSection {
  return TIMING_SECTION[timing];
}

function checkRiskRows(risks: IRisk[], ws: IWorkstream, at: At, add: Add): void {
  for (const r of risks) {
    const row: string | undefined = r.number || undefined;
    const workstream: string = tableTitle(ws);
    if (isBlank(r.description) && isBlank(r.mitigation)) {
      add('warning', 'empty-row', message('emptyRow', { workstream, section: 'risks', row }), at('risks', { itemId: r.id, row: r.number, field: 'riskDescription' }));
      continue;
    }
    for (const [part, field, value] of [['description', 'riskDescription', r.description], ['mitigation', 'mitigation', r.mitigation]] as Array<['description' | 'mitigation', FieldNameCode, string]>) {
      if (isBlank(value)) {
        add('warning', 'empty-row', message('riskPartMissing', { workstream, row, part }), at('risks', { itemId: r.id, row: r.number, field }));
      } else if (isPlaceholder(value)) {
        add('warning', 'placeholder', message('riskPartPlaceholder', { workstream, row, part, text: squash(value) }), at('risks', { itemId: r.id, row: r.number, field }));
      }
    }
  }
  checkNumbers('risks', risks, ws, at, add);
}

/**
 * The findings that must be fixed before a report is approved or a period locked (severity
 * "error"), for one workstream or, with none named, the whole period. The programme office may
 * go ahead over them only with a reason, recorded in Period History. `findings` are the rules'
 * findings on `input` when the caller has them already (so the rules run once).
 */
export function mustFixFindings(input: IReadinessInput, workstreamId?: number, findings: IReadinessFinding[] = checkReadiness(input)): IReadinessFinding[] {
  return findings.filter((f) => f.severity === 'error' && (workstreamId === undefined || f.where.workstreamId === workstreamId));
}

/**
 * The must-fix findings that stand in the way of approving one workstream's report: those about
 * the report itself. Sponsor comments are the sponsor's own step, and stand in the way of the
 * lock, not of the approval. `findings` as for {@link mustFixFindings}.
 */
export function mustFixBeforeApproval(input: IReadinessInput, workstreamId: number, findings?: IReadinessFinding[]): IReadinessFinding[] {
  return mustFixFindings(input, workstreamId, findings).filter((f) => f.where.section !== 'sponsorComments');
}

// ---- acknowledgements ----

/**
 * A finding's stable key: the rule that found it, the record it is about (the list item, else the
 * workstream, else the period as a whole) and the field. It is the same each time the rules run
 * on the same data, so an acknowledgement keyed by it survives a reload; and it differs once the
 * finding is about another record or field, so the acknowledgement then no longer applies.
 */
export function findingKey(finding: IReadinessFinding): string {
  const w: IFindingLocation = finding.where;
  const record: string = w.itemId !== undefined ? `${FINDING_ITEM_KINDS[w.section]}:${w.itemId}` : w.workstreamId !== undefined ? `workstream:${w.workstreamId}` : 'period';
  return `${finding.rule}|${record}|${w.field !== undefined ? w.field : w.section}`;
}

/**
 * The list a finding's item is in, by the section it is about, as its key names it: a status
 * report ("report:12"), a milestone ("milestone:12") or a risk ("risk:12"). Item ids are only
 * unique within a list, so a key naming the list says which item it is wherever it is read: an
 * export can name the item by its request key, and an import by the id it gets there.
 */
export const FINDING_ITEM_KINDS: { readonly [section in ReportSection]: FindingItemKind } = {
  overview: 'report',
  details: 'report',
  status: 'report',
  update: 'report',
  completion: 'report',
  sponsorComments: 'report',
  milestonesThisPeriod: 'milestone',
  milestonesNextPeriod: 'milestone',
  risks: 'risk'
};

/** The lists a finding's item can be in ({@link FINDING_ITEM_KINDS}). */
export type FindingItemKind = 'report' | 'milestone' | 'risk';

/**
 * The key a finding about a list item had before keys named the item's list ("item:12"), or
 * undefined for a finding about no item. Acknowledgements recorded with it still apply on the
 * site they were recorded on, where the id means the same item.
 */
export function legacyFindingKey(finding: IReadinessFinding): string | undefined {
  const w: IFindingLocation = finding.where;
  return w.itemId === undefined ? undefined : `${finding.rule}|item:${w.itemId}|${w.field !== undefined ? w.field : w.section}`;
}

/**
 * The fields of the keys stored before findings named their fields by code: each field as its key
 * spelled it then (the field's English name) → its code. Acknowledgements recorded then keep
 * acknowledging their findings ({@link currentFindingKey}); keys recorded now name the code.
 * @wire stored values: the FindingKey column of Readiness Acknowledgements as earlier versions
 * wrote it, read to match and never shown (test/domain/noEnglish.test.ts reads this mark).
 */
const FIELD_KEYS_BEFORE_CODES: { readonly [stored: string]: FieldNameCode } = {
  Overview: 'overview',
  'Workstream sponsor comments': 'sponsorComments',
  'Project status this period': 'ragThisPeriod',
  'Project status previous period': 'ragPreviousPeriod',
  'Agreed completion date': 'agreedCompletion',
  'Forecast completion date': 'forecastCompletion',
  'Completion date': 'completionDate',
  'RAG rationale': 'ragRationale',
  'Report completed by': 'completedBy',
  Workstream: 'workstream',
  Number: 'number',
  Milestone: 'milestone',
  'Risk description': 'riskDescription',
  Mitigation: 'mitigation'
};

/**
 * A stored finding key in today's form: a key whose field is named as before codes
 * ("placeholder|risk:12|Mitigation") names it by its code ("placeholder|risk:12|mitigation");
 * any other key is already in today's form, or names no finding, and is given back as it is.
 */
export function currentFindingKey(key: string): string {
  const last: number = key.lastIndexOf('|');
  const field: string = key.slice(last + 1);
  return last >= 0 && Object.prototype.hasOwnProperty.call(FIELD_KEYS_BEFORE_CODES, field) ? `${key.slice(0, last)}|${FIELD_KEYS_BEFORE_CODES[field]}` : key;
}

/**
 * Whether a key ({@link findingKey}, or as stored before: {@link legacyFindingKey}, or with its
 * field named in words, {@link currentFindingKey}) is this finding's.
 */
export function isFindingKeyOf(finding: IReadinessFinding, key: string): boolean {
  const current: string = currentFindingKey(key);
  return findingKey(finding) === current || legacyFindingKey(finding) === current;
}

/** The programme office's judgement that a finding does not apply, and why. */
export interface IReadinessAcknowledgement {
  id: number;
  periodId: number;
  /** The finding it acknowledges ({@link findingKey}). */
  findingKey: string;
  reason: string;
  by?: IPerson;
  /** ISO date-time it was recorded. */
  at: string;
}

/** A finding with the acknowledgement that stops it counting. */
export interface IAcknowledgedFinding<A extends IReadinessAcknowledgement = IReadinessAcknowledgement> {
  finding: IReadinessFinding;
  acknowledgement: A;
}

/** Findings after acknowledgements: those still counting, and those acknowledged (not counted). */
export interface IAcknowledgedFindings<A extends IReadinessAcknowledgement = IReadinessAcknowledgement> {
  /** Findings that still count, in the rules' order. */
  open: IReadinessFinding[];
  /** Findings judged not to apply, each with its acknowledgement, in the rules' order. */
  acknowledged: Array<IAcknowledgedFinding<A>>;
}

/**
 * Whether a finding may be acknowledged: not one that must be fixed (severity "error"). Those are
 * fixed, or gone over with a reason when the report is approved or the period locked — recorded
 * in Period History with the findings it went over — never set aside in advance.
 */
export function mayAcknowledge(finding: IReadinessFinding): boolean {
  return finding.severity !== 'error';
}

/**
 * Applies acknowledgements to findings: a finding whose key an acknowledgement of its period
 * names is listed apart with it and no longer counts. A must-fix finding always counts, whatever
 * is stored; an acknowledgement that names no finding (the data changed) applies to nothing.
 */
export function applyAcknowledgements<A extends IReadinessAcknowledgement>(findings: IReadinessFinding[], acknowledgements: readonly A[] | undefined): IAcknowledgedFindings<A> {
  const byKey: Map<string, A> = new Map<string, A>();
  for (const a of acknowledgements || []) {
    const key: string = `${a.periodId}#${currentFindingKey(a.findingKey)}`;
    if (!byKey.has(key)) {
      byKey.set(key, a);
    }
  }
  const open: IReadinessFinding[] = [];
  const acknowledged: Array<IAcknowledgedFinding<A>> = [];
  for (const finding of findings) {
    const legacy: string | undefined = legacyFindingKey(finding);
    const a: A | undefined = mayAcknowledge(finding)
      ? byKey.get(`${finding.where.periodId}#${findingKey(finding)}`) || (legacy !== undefined ? byKey.get(`${finding.where.periodId}#${legacy}`) : undefined)
      : undefined;
    if (a) {
      acknowledged.push({ finding, acknowledgement: a });
    } else {
      open.push(finding);
    }
  }
  return { open, acknowledged };
}

/** The reason an acknowledgement records, checked as every text is: required, savable, not too long. */
export function checkAcknowledgementReason(reason: string | undefined): IFieldError | undefined {
  const bad: IFieldError | undefined = checkText('Reason', reason, { required: true });
  // Keyed as the Readiness Acknowledgements list's field (src/data/fields.ts) and the panel's.
  return bad ? { ...bad, key: 'reason' } : undefined;
}
