import * as React from 'react';
import * as strings from 'ProgrammeDashboardWebPartStrings';
import type { IPeriod } from '../../../domain';
import { isDataError } from '../../../data/errors';
import type { IProgrammeRepository } from '../../../data/repository';
import { ActionPanel } from './ActionPanel';
import { describeActionError } from './errorText';
import { format } from './format';

/** Props of {@link LockPanel}. */
export interface ILockPanelProps {
  repository: IProgrammeRepository;
  period: IPeriod;
  /** True when some workstreams' reports are not approved: a refusal may be overridden, with a reason. */
  someNotApproved: boolean;
  onDone: (message: string) => void;
  onStale: () => void;
  onClose: () => void;
}

/**
 * Locks a period for the whole programme, after saying what that does: the snapshot of
 * everything the period's report shows is written, and its records cannot change afterwards.
 * When the repository refuses because reports are not approved, its words are shown and the
 * programme office may lock anyway, giving a reason that is recorded with the lock.
 */
export function LockPanel(props: ILockPanelProps): JSX.Element {
  const { repository, period } = props;
  const [refusal, setRefusal] = React.useState<string | undefined>();
  const title: string = period.title;
  const anyway: boolean = refusal !== undefined;
  return (
    <ActionPanel
      title={format(strings.LockPeriodTitle, title)}
      confirmText={anyway ? strings.LockAnyway : strings.LockPeriod}
      busyText={strings.Locking}
      refusal={refusal}
      reason={anyway ? { label: strings.LockAnywayReasonLabel, validationName: strings.LockAnywayReasonLabel, description: strings.ReasonRecorded } : undefined}
      focusKey={anyway ? 'anyway' : undefined}
      run={(reason) => (anyway ? repository.lockPeriod(period.id, { allowUnapproved: true, reason }) : repository.lockPeriod(period.id))}
      describeError={(e) => describeActionError(e, 'lock', title)}
      onFailed={(e) => {
        if (!anyway && props.someNotApproved && isDataError(e, 'validation')) {
          setRefusal(describeActionError(e, 'lock', title));
          return true;
        }
        return false;
      }}
      onDone={() => props.onDone(format(strings.PeriodLockedMessage, title))}
      onStale={props.onStale}
      onClose={props.onClose}
    >
      <p>{format(strings.LockPeriodText, title)}</p>
      {anyway ? <p>{strings.LockAnywayText}</p> : undefined}
    </ActionPanel>
  );
}
