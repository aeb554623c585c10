import * as React from 'react';
import { strings } from '../loc/programmeStrings';
import type { IWorkstreamHeading } from '../../../domain/model';
import type { IProgrammeSummary } from '../../../data/repository';
import { format } from './format';
import { isAmberOrWorse, latestRating } from './trends';
import { useGlanceClassNames } from './glanceStyles';
import { useUniqueId } from './useUniqueId';

/** The "Amber or worse" filter: the workstreams it lets through, and its control. */
export interface IAmberOrWorseFilter {
  /** The workstreams to show, in the order given. */
  shown: IWorkstreamHeading[];
  /** The checkbox and its announced result. */
  control: JSX.Element;
}

/**
 * Filters the programme view's workstreams to those whose latest rating is Amber or worse. The
 * control is a native checkbox (small enough for the first load) and a polite live region that
 * says how many are shown, so a screen reader hears the result of ticking or clearing it. Where
 * the programme does not rate its workstreams (`enabled` false), it lets every one through.
 */
export function useAmberOrWorseFilter(summary: IProgrammeSummary, workstreams: IWorkstreamHeading[], enabled: boolean = true): IAmberOrWorseFilter {
  const classNames = useGlanceClassNames();
  const [on, setOn] = React.useState<boolean>(false);
  const id: string = useUniqueId('ph-amber-filter');
  const shown: IWorkstreamHeading[] = on && enabled ? workstreams.filter((ws) => isAmberOrWorse((latestRating(summary.periods, summary.history, ws.id) || { rag: undefined }).rag)) : workstreams;
  let result: string = format(strings.FilterAll, workstreams.length);
  if (on) {
    result = shown.length === 0 ? strings.FilterNone : format(strings.FilterResult, shown.length, workstreams.length);
  }
  const control: JSX.Element = (
    <div className={classNames.filterBar}>
      <input id={id} type="checkbox" className={classNames.checkbox} checked={on} onChange={(e) => setOn(e.target.checked)} />
      <label htmlFor={id}>{strings.FilterAmberOrWorse}</label>
      <p className={classNames.filterResult} role="status" aria-live="polite">
        {result}
      </p>
    </div>
  );
  return { shown, control };
}
