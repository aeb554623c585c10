/**
 * Where a workstream's report stands in the reporting cycle, in the dashboard's words, and whether
 * its sponsor has commented — worked out from a period's picture, so every view says the same.
 * Without the readiness rules (./reportCycle.ts adds what needs them), so that a workstream's view
 * draws its report without fetching them first.
 */
import { strings } from '../loc/workstreamStrings';
import type { IReportingOptions, IStatusReport, StatusReportState } from '../../../domain/model';
import { isBlank } from '../../../domain/text';
import type { IEditablePeriodPicture, Saved } from '../../../data/repository';
import { listInWords } from './format';
import { wordsFor } from '../../../ui/format';

/** The words of each report state in the dashboard's strings. */
const REPORT_STATE_KEYS: { readonly [K in StatusReportState]?: keyof typeof strings } = {
  Draft: 'ReportStateDraft',
  Submitted: 'ReportStateSubmitted',
  Approved: 'ReportStateApproved',
  Returned: 'ReportStateReturned'
};

/** A report's state in words; "Not started" when the period has no report. */
export function reportStateWords(state: StatusReportState | undefined): string {
  return wordsFor(REPORT_STATE_KEYS, state, strings, strings.ReportStateNotStarted);
}

/** The words of each state of a report not yet approved, as a reader sees it. */
const READER_STATE_KEYS: { readonly [K in StatusReportState]?: keyof typeof strings } = {
  Submitted: 'ReaderStateSubmitted',
  Returned: 'ReaderStateReturned',
  Approved: 'ReportStateApproved',
  Draft: 'ReaderStateDraft'
};

/** A report's state in a reader's words, for a report not yet approved: "Submitted – awaiting approval". */
export function readerStateWords(state: StatusReportState | undefined): string {
  return wordsFor(READER_STATE_KEYS, state, strings, strings.ReportStateNotStarted);
}

/** A workstream's status report in the picture's period. */
export function reportOf(picture: IEditablePeriodPicture, workstreamId: number): Saved<IStatusReport> | undefined {
  return picture.statusReports.filter((r) => r.workstreamId === workstreamId && r.periodId === picture.period.id)[0];
}

/** True when the workstream's sponsor comments for the period are written (as the readiness rules count them). */
export function hasSponsorComments(picture: IEditablePeriodPicture, workstreamId: number): boolean {
  return picture.sponsorComments.some((c) => c.workstreamId === workstreamId && c.periodId === picture.period.id && !isBlank(c.text));
}

/** What a lock's snapshot holds, in words, for the parts this programme reports (no sponsor comments where it has none). */
export function snapshotPartsInWords(reporting: IReportingOptions): string {
  const parts: string[] = [reporting.rated ? strings.LockPartRatedReports : strings.LockPartReports];
  if (reporting.sponsorComments) {
    parts.push(strings.LockPartSponsorComments);
  }
  if (reporting.milestones) {
    parts.push(strings.LockPartMilestones);
  }
  parts.push(strings.LockPartRisks, strings.LockPartOverview);
  return listInWords(parts, strings.ListLastSeparator);
}

/** The records a reopening lets change again, in words, for the parts this programme reports. */
export function reopenedPartsInWords(reporting: IReportingOptions): string {
  const parts: string[] = [strings.ReopenPartReports];
  if (reporting.milestones) {
    parts.push(strings.LockPartMilestones);
  }
  if (reporting.sponsorComments) {
    parts.push(strings.LockPartSponsorComments);
  }
  parts.push(strings.LockPartRisks);
  return listInWords(parts, strings.ListLastSeparator);
}
