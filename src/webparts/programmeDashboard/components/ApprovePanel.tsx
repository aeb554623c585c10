import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { tableTitle, type IStatusReport, type IWorkstreamHeading } from '../../../domain/model';
import type { IReadinessFinding } from '../../../domain/readiness';
import type { Saved } from '../../../data/repository';
import { STEP_KEYS } from '../../../data/rules';
import { ActionPanel } from './ActionPanel';
import { describeActionError } from './errorText';
import { format } from './format';
import { useRepository } from './RepositoryContext';

/** Props of {@link ApprovePanel}. */
export interface IApprovePanelProps {
  workstream: IWorkstreamHeading;
  report: Saved<IStatusReport>;
  periodTitle: string;
  /** The must-fix findings approving would go over (domain's mustFixBeforeApproval). */
  findings: IReadinessFinding[];
  onDone: (message: string) => void;
  onStale: () => void;
  onClose: () => void;
}

/**
 * Approving a report that readiness says has faults to fix first: the faults are listed, and the
 * programme office may approve anyway only with a reason, which Period History records with the
 * findings it goes over (and which is printed nowhere else).
 */
export function ApprovePanel(props: IApprovePanelProps): JSX.Element {
  const repository = useRepository();
  const { report, workstream, periodTitle } = props;
  return (
    <ActionPanel
      title={strings.ApproveOverTitle}
      confirmText={strings.ApproveAnyway}
      busyText={strings.Approving}
      reason={{ key: STEP_KEYS.overrideReason, label: strings.OverrideReasonLabel, description: strings.ReasonRecorded }}
      run={(reason) => repository.transitionReport(report.id, 'approve', report.etag, reason)}
      describeError={(e) => describeActionError(e, 'review', periodTitle)}
      onDone={() => props.onDone(format(strings.ReportApprovedMessage, tableTitle(workstream), periodTitle))}
      onStale={props.onStale}
      onClose={props.onClose}
    >
      <p>{format(strings.ApproveOverText, tableTitle(workstream), periodTitle)}</p>
      <ul>
        {props.findings.map((f, i) => (
          <li key={i}>{f.message}</li>
        ))}
      </ul>
      <p>{strings.OverrideText}</p>
    </ActionPanel>
  );
}
