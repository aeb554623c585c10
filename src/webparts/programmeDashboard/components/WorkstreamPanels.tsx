import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { tableTitle, DEFAULT_REPORTING_OPTIONS, type IStatusReport, type IWorkstreamHeading } from '../../../domain/model';
import { mustFixBeforeApproval } from '../../../domain/readiness';
import { submitBlockers } from '../../../domain/validation';
import type { IEditablePeriodPicture, Saved } from '../../../data/repository';
import { STEP_KEYS } from '../../../data/rules';
import { describeActionError } from './errorText';
import { format } from './format';
import type { IFormContext } from './formSpecs';
import {
  ActionPanelLoader as ActionPanel,
  ApprovePanelLoader as ApprovePanel,
  DeletePanelLoader as DeletePanel,
  FormPanelLoader as FormPanel
} from './lazy';
import type { IPermissions } from './permissions';
import { reopenedPartsInWords } from './reportCycle';
import { useRepository } from './RepositoryContext';
import type { ICycleRequest, IWorkstreamController } from './useWorkstreamController';

/** Props of {@link WorkstreamPanels}. */
export interface IWorkstreamPanelsProps {
  controller: IWorkstreamController;
  picture: IEditablePeriodPicture;
  ctx: IFormContext;
  can: IPermissions;
  workstream: IWorkstreamHeading;
}

/** The workstream view's one open panel, if any: a form, a delete confirmation, or a step of the cycle. */
export function WorkstreamPanels(props: IWorkstreamPanelsProps): JSX.Element | null {
  const { controller } = props;
  const panel = controller.panel;
  if (!panel) {
    return null;
  }
  if (panel.kind === 'edit') {
    return <FormPanel key={panel.key} make={panel.make} onSaved={controller.stored} onChanged={controller.refresh} onClose={controller.closePanel} />;
  }
  if (panel.kind === 'delete') {
    return <DeletePanel request={panel.request} onDeleted={controller.stored} onChanged={controller.refresh} onClose={controller.closePanel} />;
  }
  return <CyclePanel {...props} request={panel.request} />;
}

/** A step of the reporting cycle that asks first: reopening the period, approving over findings, sending back, submitting. */
function CyclePanel(props: IWorkstreamPanelsProps & { request: ICycleRequest }): JSX.Element {
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
