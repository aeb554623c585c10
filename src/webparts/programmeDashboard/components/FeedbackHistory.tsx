import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import type { IIibFeedback } from '../../../domain/model';
import type { IItemVersion } from '../../../data/repository';
import { type IAsyncResult, useAsync } from '../../../ui/useAsync';
import { format } from './format';
import { formatUkDateTime } from './ukTime';
import { LoadError } from './LoadError';
import { RichText } from './RichText';
import { useClassNames } from './useClassNames';
import { useRepository } from './RepositoryContext';

/** What changed from the version before, in words: the text, the response, the closing. */
function changeWords(version: IItemVersion<IIibFeedback>, before: IItemVersion<IIibFeedback> | undefined): string {
  if (!before) {
    return strings.HistoryRecorded;
  }
  const v: IIibFeedback = version.value;
  const b: IIibFeedback = before.value;
  const changed: string[] = [];
  if (v.kind !== b.kind || v.text !== b.text) {
    changed.push(strings.HistoryChangedText);
  }
  if ((v.response || '') !== (b.response || '')) {
    changed.push(b.response ? strings.HistoryChangedResponse : strings.HistoryResponded);
  }
  if (!!v.closedAt !== !!b.closedAt || (v.closingNote || '') !== (b.closingNote || '')) {
    changed.push(v.closedAt ? strings.HistoryClosed : strings.HistoryChangedClosing);
  }
  return changed.length > 0 ? changed.join(', ') : strings.HistoryChangedOther;
}

/** Props of {@link FeedbackHistory}. */
export interface IFeedbackHistoryProps {
  feedback: IIibFeedback;
  /** The id of the list, for the button that shows it (aria-controls). */
  id: string;
}

/**
 * A challenge's history from SharePoint's version history, newest first: each version says who
 * saved it, when, what changed, and what the challenge (and its response) said then.
 */
export function FeedbackHistory(props: IFeedbackHistoryProps): JSX.Element {
  const classNames = useClassNames();
  const repository = useRepository();
  const { feedback } = props;
  const history: IAsyncResult<Array<IItemVersion<IIibFeedback>>> = useAsync(() => repository.getFeedbackHistory(feedback.id), [repository, feedback.id]);
  const versions: Array<IItemVersion<IIibFeedback>> | undefined = history.data;
  return (
    <div id={props.id}>
      {history.error !== undefined ? <LoadError error={history.error} onRetry={history.reload} /> : undefined}
      {!versions && history.error === undefined ? (
        <p className={classNames.muted} role="status">
          {strings.HistoryLoading}
        </p>
      ) : undefined}
      {versions ? (
        <ol aria-label={format(strings.HistoryListLabel, versions.length)} className={classNames.history}>
          {versions.map((v, i) => (
            <li key={v.label}>
              <p>
                <strong>{format(v.current ? strings.HistoryVersionNow : strings.HistoryVersion, v.label)}</strong>{' '}
                {format(strings.HistoryByOn, v.by ? v.by.name : strings.SomeoneUnknown, formatUkDateTime(v.at))}: {changeWords(v, versions[i + 1])}
              </p>
              <RichText text={v.value.text} />
              {v.value.response ? (
                <p>
                  {format(strings.HistoryResponseThen, v.value.response)}
                </p>
              ) : undefined}
              {v.value.closedAt ? <p>{v.value.closingNote ? format(strings.HistoryClosedWithNote, v.value.closingNote) : strings.HistoryClosedNoNote}</p> : undefined}
            </li>
          ))}
        </ol>
      ) : undefined}
    </div>
  );
}
