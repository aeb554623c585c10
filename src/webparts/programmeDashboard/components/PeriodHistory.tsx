import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { formatUkDate } from '../../../domain/dates';
import type { IPeriodHistoryEntry } from '../../../data/repository';
import type { IAsyncResult } from '../../../ui/useAsync';
import { LabelledSection } from './LabelledSection';
import { format } from './format';
import { formatUkDay } from './ukTime';
import { LoadError } from './LoadError';
import { useClassNames } from './useClassNames';

/** Props of {@link PeriodHistory}. */
export interface IPeriodHistoryProps {
  periodTitle: string;
  history: IAsyncResult<IPeriodHistoryEntry[] | undefined>;
  /** Show the section even when the period was never locked (a locked period's view). */
  always?: boolean;
}

/** One lock, reopening or override in words: "Locked on 31/01/2024 by Heidi Robinson". */
export function historyLine(entry: IPeriodHistoryEntry): string {
  const when: string = formatUkDay(entry.at);
  const who: string = entry.by ? entry.by.name : strings.SomeoneUnknown;
  const template: string =
    entry.action === 'Reopened' ? strings.HistoryReopened : entry.action === 'Overridden' ? strings.HistoryOverridden : strings.HistoryLocked;
  return format(template, when, who);
}

/** Who locked and reopened the period, when and why, earliest first. */
export function PeriodHistory(props: IPeriodHistoryProps): JSX.Element | null {
  const classNames = useClassNames();
  const { history } = props;
  const entries: IPeriodHistoryEntry[] | undefined = history.data;
  if (!props.always && (!entries || entries.length === 0) && history.error === undefined) {
    return null;
  }
  return (
    <LabelledSection idPrefix="ph-history" heading={format(strings.PeriodHistoryHeading, props.periodTitle)}>
      {history.error !== undefined ? <LoadError error={history.error} onRetry={history.reload} /> : undefined}
      {entries && entries.length === 0 ? <p>{strings.PeriodHistoryNone}</p> : undefined}
      {entries && entries.length > 0 ? (
        <ul className={classNames.history}>
          {entries.map((e) => (
            <li key={e.id}>
              <span>{historyLine(e)}</span>
              {e.boardMeetingDate ? (
                <>
                  {' '}
                  <span>{format(strings.HistoryBoardMeeting, formatUkDate(e.boardMeetingDate))}</span>
                </>
              ) : undefined}
              {e.reason ? (
                <>
                  {' '}
                  <span>{format(strings.HistoryReason, e.reason)}</span>
                </>
              ) : undefined}
            </li>
          ))}
        </ul>
      ) : undefined}
      {!entries && history.error === undefined ? <p className={classNames.muted}>{strings.LoadingPeriodHistory}</p> : undefined}
    </LabelledSection>
  );
}
