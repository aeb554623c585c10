import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { TextField } from '@fluentui/react/lib/TextField';
import { DEFAULT_REPORTING_OPTIONS, type IPeriod, type IReportingOptions } from '../../../domain/model';
import { formatUkDate, parseUkDate } from '../../../domain/dates';
import { isDataError } from '../../../data/errors';
import { BOARD_MEETING_FIELD, STEP_KEYS } from '../../../data/rules';
import { fieldName } from '../../../domain/messages';
import type { IProgrammeRepository } from '../../../data/repository';
import { ActionPanel } from './ActionPanel';
import { describeActionError } from './errorText';
import { format } from './format';
import { snapshotPartsInWords } from './reportState';

/** Props of {@link LockPanel}. */
export interface ILockPanelProps {
  repository: IProgrammeRepository;
  period: IPeriod;
  /** True when some workstreams' reports are not approved: a refusal may be overridden, with a reason. */
  someNotApproved: boolean;
  /** What the programme reports, for saying what the snapshot holds; everything when absent. */
  reporting?: IReportingOptions;
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
  // Refused over must-fix readiness findings (rather than, or as well as, reports not approved).
  const [findings, setFindings] = React.useState<boolean>(false);
  const title: string = period.title;
  const anyway: boolean = refusal !== undefined;
  // The Board meeting the report went to: typed dd/mm/yyyy, checked as typed, recorded with the lock.
  const [boardDate, setBoardDate] = React.useState<string>(period.boardMeetingDate ? formatUkDate(period.boardMeetingDate) : '');
  const [dateRefused, setDateRefused] = React.useState<string | undefined>();
  let dateError: string | undefined = dateRefused;
  if (!dateError && boardDate.trim() !== '') {
    try {
      parseUkDate(boardDate.trim(), fieldName(BOARD_MEETING_FIELD));
    } catch (e) {
      dateError = (e as Error).message;
    }
  }
  const date: string | undefined = boardDate.trim() === '' ? undefined : boardDate.trim();
  return (
    <ActionPanel
      title={format(strings.LockPeriodTitle, title)}
      confirmText={anyway ? strings.LockAnyway : strings.LockPeriod}
      busyText={strings.Locking}
      refusal={refusal}
      reason={
        anyway
          ? {
              key: findings ? STEP_KEYS.overrideReason : STEP_KEYS.lockReason,
              label: findings ? strings.OverrideReasonLabel : strings.LockAnywayReasonLabel,
              description: strings.ReasonRecorded
            }
          : undefined
      }
      focusKey={anyway ? (findings ? 'findings' : 'anyway') : undefined}
      run={(reason) =>
        anyway
          ? repository.lockPeriod(period.id, {
              allowUnapproved: props.someNotApproved,
              reason: props.someNotApproved ? reason : undefined,
              overrideReason: findings ? reason : undefined,
              ...(date ? { boardMeetingDate: date } : {})
            })
          : date
            ? repository.lockPeriod(period.id, { boardMeetingDate: date })
            : repository.lockPeriod(period.id)
      }
      describeError={(e) => describeActionError(e, 'lock', title)}
      onFailed={(e) => {
        if (isDataError(e, 'validation') && e.field === STEP_KEYS.boardMeetingDate) {
          setDateRefused(e.message);
          return true;
        }
        const overFindings: boolean = isDataError(e, 'validation') && e.field === STEP_KEYS.overrideReason;
        if ((!anyway || (overFindings && !findings)) && isDataError(e, 'validation') && (props.someNotApproved || overFindings)) {
          // Locking anyway over reports not approved may then meet the findings: ask again, for both.
          setFindings(findings || overFindings);
          setRefusal(describeActionError(e, 'lock', title));
          return true;
        }
        return false;
      }}
      onDone={() => props.onDone(format(strings.PeriodLockedMessage, title))}
      onStale={props.onStale}
      onClose={props.onClose}
    >
      <p>{format(strings.LockPeriodText, title, snapshotPartsInWords(props.reporting || DEFAULT_REPORTING_OPTIONS))}</p>
      <TextField
        label={strings.BoardMeetingDateLabel}
        value={boardDate}
        onChange={(_e, v) => {
          setBoardDate(v || '');
          setDateRefused(undefined);
        }}
        errorMessage={dateError}
        description={strings.BoardMeetingDateHint}
        placeholder={strings.DateFormatHint}
        inputMode="numeric"
        autoComplete="off"
      />
      {anyway ? <p>{findings ? strings.OverrideText : strings.LockAnywayText}</p> : undefined}
    </ActionPanel>
  );
}
