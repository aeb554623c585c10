/**
 * The reporting cycle in the dashboard's words: where a workstream's report stands, whether its
 * sponsor has commented (./reportState.ts, re-exported here), its readiness findings, and what its
 * group still owes for a period — all worked out from a period's picture, so every view says the
 * same. The readiness rules come with this module: the parts that count findings (the programme
 * office's view, a workstream's group's summary of what it owes) import it, the rest reportState.
 */
import { strings } from '../loc/cycleStrings';
import { reportingOptionsOf, type IWorkstreamHeading, type IStatusReport, type StatusReportState } from '../../../domain/model';
import { applyAcknowledgements, checkReadiness, type IReadinessFinding } from '../../../domain/readiness';
import type { IEditablePeriodPicture, Saved } from '../../../data/repository';
import { format } from './format';
import { hasSponsorComments, reportOf } from './reportState';

export * from './reportState';

/** A workstream's readiness findings in a period: all of them, and those that must be fixed. */
export interface IFindingCounts {
  all: number;
  errors: number;
}

/** Readiness findings per workstream id, and those about the report as a whole. */
export interface IReadinessSummary {
  byWorkstream: { [workstreamId: number]: IFindingCounts };
  programme: IFindingCounts;
}

/**
 * The readiness findings that count in the picture's period: what the rules find (`findings`, when
 * the caller has run them already), less those the programme office has acknowledged as not
 * applying (listed apart, see ReadinessList).
 */
export function countedFindings(picture: IEditablePeriodPicture, findings: IReadinessFinding[] = checkReadiness(picture)): IReadinessFinding[] {
  return applyAcknowledgements(findings, picture.acknowledgements).open;
}

/** Counts the readiness findings that count (not those acknowledged), per workstream. */
export function summariseReadiness(picture: IEditablePeriodPicture, findings: IReadinessFinding[] = countedFindings(picture)): IReadinessSummary {
  const byWorkstream: { [workstreamId: number]: IFindingCounts } = {};
  const programme: IFindingCounts = { all: 0, errors: 0 };
  for (const f of findings) {
    const id: number | undefined = f.where.workstreamId;
    const counts: IFindingCounts = id === undefined ? programme : byWorkstream[id] || (byWorkstream[id] = { all: 0, errors: 0 });
    counts.all++;
    if (f.severity === 'error') {
      counts.errors++;
    }
  }
  return { byWorkstream, programme };
}

/** "None", "6 to check", "1 must be fixed; 7 to check". */
export function findingCountWords(counts: IFindingCounts | undefined): string {
  if (!counts || counts.all === 0) {
    return strings.FindingsNone;
  }
  const parts: string[] = [];
  if (counts.errors > 0) {
    parts.push(format(strings.FindingsMustFix, counts.errors));
  }
  if (counts.all > counts.errors) {
    parts.push(format(strings.FindingsToCheck, counts.all - counts.errors));
  }
  return parts.join(strings.ListSeparator);
}

/** What a workstream's group still owes for a period, in words, and where its report is. */
export interface IOwed {
  /** Each thing still to do, in the order the group would do it. */
  items: string[];
  state?: StatusReportState;
}

/**
 * What a workstream's group still owes for the picture's period: its status report written and
 * submitted (or reworked when sent back), its sponsor's comments, and the readiness findings that
 * must be fixed before the Board (besides the missing report and comments, already said).
 */
export function owedBy(picture: IEditablePeriodPicture, workstream: IWorkstreamHeading): IOwed {
  const items: string[] = [];
  const report: Saved<IStatusReport> | undefined = reportOf(picture, workstream.id);
  if (!report) {
    items.push(strings.OwedStartReport);
  } else if (report.state === 'Draft') {
    items.push(strings.OwedSubmitDraft);
  } else if (report.state === 'Returned') {
    items.push(strings.OwedResubmit);
  }
  if (reportingOptionsOf(picture.programme).sponsorComments && !hasSponsorComments(picture, workstream.id)) {
    items.push(workstream.sponsor ? format(strings.OwedSponsorFrom, workstream.sponsor.name) : strings.OwedSponsor);
  }
  const mustFix: number = checkReadiness(picture).filter(
    (f) =>
      f.where.workstreamId === workstream.id && f.severity === 'error' && f.rule !== 'missing-status-report' && f.rule !== 'missing-sponsor-comments'
  ).length;
  if (mustFix > 0) {
    items.push(mustFix === 1 ? strings.OwedFindingsOne : format(strings.OwedFindingsMany, mustFix));
  }
  return { items, state: report ? report.state : undefined };
}
