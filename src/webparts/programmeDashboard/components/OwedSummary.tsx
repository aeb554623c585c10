import * as React from 'react';
import { strings } from '../loc/cycleStrings';
import type { IWorkstreamHeading } from '../../../domain/model';
import type { IEditablePeriodPicture } from '../../../data/repository';
import { format } from './format';
import { type IOwed, owedBy } from './reportCycle';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

/** Props of {@link OwedSummary}. */
export interface IOwedSummaryProps {
  /** The open period's picture for the workstream. */
  picture: IEditablePeriodPicture;
  workstream: IWorkstreamHeading;
}

/**
 * What a workstream's group still owes for the open period, at the top of its Teams tab: the
 * status report to write or submit, the sponsor's comments, the findings that must be fixed —
 * or that nothing is outstanding.
 */
export function OwedSummary(props: IOwedSummaryProps): JSX.Element {
  const classNames = useClassNames();
  const labelId: string = useUniqueId('ph-owed');
  const owed: IOwed = React.useMemo(() => owedBy(props.picture, props.workstream), [props.picture, props.workstream]);
  const title: string = props.picture.period.title;
  const withOffice: string | undefined =
    owed.state === 'Submitted' ? strings.OwedReportWithOffice : owed.state === 'Approved' ? strings.OwedReportApproved : undefined;
  if (owed.items.length === 0) {
    return (
      <p className={classNames.owedNone} data-owed="none">
        {format(strings.OwedNothing, title)}
        {withOffice ? ` ${withOffice}` : undefined}
      </p>
    );
  }
  return (
    <div className={classNames.callout} data-owed="some">
      <p id={labelId} className={classNames.calloutHeading}>
        {format(strings.OwedHeading, title)}
      </p>
      <ul className={classNames.owedList} aria-labelledby={labelId}>
        {owed.items.map((item, i) => (
          <li key={i}>
            {i > 0 ? <span aria-hidden="true">{strings.OwedSeparator}</span> : undefined}
            {item}
          </li>
        ))}
      </ul>
      {withOffice ? <p>{withOffice}</p> : undefined}
    </div>
  );
}
