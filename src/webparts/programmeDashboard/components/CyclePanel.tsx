import * as React from 'react';
import { strings } from '../loc/cycleStrings';
import { tableTitle, DEFAULT_REPORTING_OPTIONS, type IStatusReport } from '../../../domain/model';
import { mustFixBeforeApproval } from '../../../domain/readiness';
import { submitBlockers } from '../../../domain/validation';
import type { Saved } from '../../../data/repository';
import { STEP_KEYS } from '../../../data/rules';
import { ActionPanel } from './ActionPanel';
import { ApprovePanel } from './ApprovePanel';
import { describeActionError } from './errorText';
import { format } from './format';
import { reopenedPartsInWords } from './reportState';
import { useRepository } from './RepositoryContext';
import type { ICycleRequest } from './useWorkstreamController';
import type { IWorkstreamPanelsProps } from './WorkstreamPanels';

/** Props of {@link CyclePanel}: the workstream view's panels' and the step asked for. */
export interface ICyclePanelProps extends IWorkstreamPanelsProps {
  request: ICycleRequest;
}

/**
 * A step of the reporting cycle that asks first: reopening the period, approving over findings,
 * sending back, submitting. It comes with the editing panels (editingPanels.ts), and so do the
 * checks it shows before the step (the report's gaps before submitting, the must-fix findings
 * before approving): a workstream's view needs none of them until a step is asked for.
 */
export function CyclePanel(props: ICyclePanelProps): JSX.Element {
  const repository = useRepository();
  const { controller, ctx, can, workstream, request, picture } = props;
  const title: string = ctx.period.title;
  if (request.action === 'reopen') {
    return (
      <ActionPanel
        title={format(strings.ReopenPeriodTitle, title)}
        confirmText={strings.ReopenPeriod}
        busyText={strings.Reopening}
        reason={{ key: STEP_KEYS.reopenReason, label: strings.ReopenReasonLabel, description: strings.ReasonRecorded }}
        run={(reason) => repository.reopenPeriod(ctx.period.id, reason || '')}
        describeError={(e) => describeActionError(e, 'reopen', title)}
        onDone={() => controller.cycleDone(format(strings.PeriodReopenedMessage, title))}
        onStale={controller.refresh}
        onClose={controller.closePanel}
      >
        <p>{format(strings.ReopenPeriodText, title, reopenedPartsInWords(ctx.reporting || DEFAULT_REPORTING_OPTIONS))}</p>
      </ActionPanel>
    );
  }
  const report: Saved<IStatusReport> = request.report as Saved<IStatusReport>;
  if (request.action === 'approve') {
    return (
      <ApprovePanel
        workstream={workstream}
        report={report}
        periodTitle={title}
        findings={mustFixBeforeApproval(picture, report.workstreamId)}
        onDone={(text) => {
          controller.headingRef.current?.focus();
          controller.cycleDone(text);
        }}
        onStale={controller.refresh}
        onClose={controller.closePanel}
      />
    );
  }
  if (request.action === 'return') {
    return (
      <ActionPanel
        title={strings.ReturnReportTitle}
        confirmText={strings.ReturnReport}
        busyText={strings.Returning}
        reason={{ key: STEP_KEYS.returnReason, label: strings.ReturnReasonLabel, description: strings.ReturnReasonHint }}
        run={(reason) => repository.transitionReport(report.id, 'return', report.etag, reason)}
        describeError={(e) => describeActionError(e, 'review', title)}
        onDone={() => controller.cycleDone(format(strings.ReportReturnedMessage, tableTitle(workstream), title))}
        onStale={controller.refresh}
        onClose={controller.closePanel}
      >
        <p>{format(strings.ReturnReportText, tableTitle(workstream), title)}</p>
      </ActionPanel>
    );
  }
  // Submitting: the same checks the repository makes, shown before the user tries.
  const missing: string[] = submitBlockers(report, ctx.reporting).map((e) => e.message);
  return (
    <ActionPanel
      title={strings.SubmitReportTitle}
      confirmText={strings.SubmitReport}
      busyText={strings.Submitting}
      blockers={missing}
      blockersIntro={strings.SubmitBlockedIntro}
      alternative={
        missing.length > 0 && can.editStatusReport
          ? {
              text: strings.EditStatusReport,
              // Straight from one panel to the other: focus still returns to "Submit" afterwards.
              onClick: () => controller.switchToForm((specs) => specs.statusReportForm(ctx, report, picture.previousStatusReports.filter((r) => r.workstreamId === workstream.id)[0]))
            }
          : undefined
      }
      run={() => repository.transitionReport(report.id, 'submit', report.etag)}
      describeError={(e) => describeActionError(e, 'submit', title)}
      onDone={() => controller.cycleDone(strings.ReportSubmittedMessage)}
      onStale={controller.refresh}
      onClose={controller.closePanel}
    >
      <p>{format(strings.SubmitReportText, tableTitle(workstream), title)}</p>
    </ActionPanel>
  );
}
