import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import type { IPeriod, IWorkstreamHeading } from '../../../domain/model';
import type { IRagHistoryEntry } from '../../../data/repository';
import type { IAsyncResult } from '../../../ui/useAsync';
import { format } from './format';
import { LabelledSection } from './LabelledSection';
import { LoadPending } from './LoadPending';
import { RagWithDirection } from './RagBadge';
import { ratedPeriods } from './ragHistory';
import { DataTable } from './ScrollRegion';
import { useClassNames } from './useClassNames';

/** Props of {@link RagHistoryTable}. */
export interface IRagHistoryTableProps {
  workstream: IWorkstreamHeading;
  periods: IPeriod[];
  history: IAsyncResult<IRagHistoryEntry[]>;
  /** The section's heading, when not "RAG history" (a phase's periods on the journey view). */
  heading?: string;
  /** The table's caption, when not the workstream's RAG history. */
  caption?: string;
  /** The heading's level: h3 unless a section it sits in takes that (h4). */
  level?: 3 | 4;
}

/** The workstream's rating in every period, earliest first, with its direction of travel. */
export function RagHistoryTable(props: IRagHistoryTableProps): JSX.Element {
  const classNames = useClassNames();
  const { history } = props;
  let body: JSX.Element;
  if (history.data) {
    body = (
      <DataTable
        label={props.caption || strings.RagHistoryHeading}
        caption={props.caption || format(strings.RagHistoryCaption, props.workstream.title)}
        hideCaption
        columns={
          <>
            <th scope="col">{strings.PeriodColumn}</th>
            <th scope="col">{strings.RatingColumn}</th>
          </>
        }
      >
        {ratedPeriods(props.periods, history.data, props.workstream.id).map((rated) => (
          <tr key={rated.period.id}>
            <th scope="row">{rated.period.title}</th>
            <td data-visibility={rated.withheld ? 'withheld' : undefined}>
              {rated.withheld ? (
                <span className={classNames.badge} title={strings.AwaitingApprovalSpoken}>
                  {strings.AwaitingApproval}
                </span>
              ) : (
                <>
                  <RagWithDirection rag={rated.rag} direction={rated.direction} />
                  {rated.draft ? <span className={classNames.muted}> {strings.DraftMark}</span> : undefined}
                </>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    );
  } else {
    body = <LoadPending load={history} label={strings.LoadingHistory} />;
  }
  return (
    <LabelledSection idPrefix="ph-history" heading={props.heading || strings.RagHistoryHeading} level={props.level}>
      {body}
    </LabelledSection>
  );
}
