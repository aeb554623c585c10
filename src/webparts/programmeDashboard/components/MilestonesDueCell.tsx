import * as React from 'react';
import { strings } from '../loc/programmeStrings';
import type { IsoDate } from '../../../domain/model';
import { formatUkDate } from '../../../domain/dates';
import { format } from './format';
import { localToday, milestoneDue } from './milestoneDue';

/**
 * A workstream's milestones due this period on the programme view: how many, the next due date,
 * and how many are overdue — in words with a sign, not colour alone. A date copied as written
 * that is not a real one (31/06/23) counts as due but is never compared.
 */
export function MilestonesDueCell(props: { count: number; dueDates: string[]; today?: IsoDate; mutedClass: string; overdueClass: string }): JSX.Element {
  const today: IsoDate = props.today || localToday();
  const states = props.dueDates.map((d) => milestoneDue({ dueDate: d, statusCategory: undefined }, today));
  const overdue: number = states.filter((s) => s.kind === 'overdue').length;
  const upcoming: IsoDate[] = states
    .map((s) => (s.kind === 'due' ? s.date : undefined))
    .filter((d): d is IsoDate => d !== undefined)
    .sort();
  return (
    <>
      {props.count}
      {upcoming.length > 0 ? <div className={props.mutedClass}>{format(strings.MilestonesNextDue, formatUkDate(upcoming[0]))}</div> : undefined}
      {overdue > 0 ? (
        <div className={props.overdueClass}>
          <span aria-hidden="true">⚠ </span>
          {format(overdue === 1 ? strings.MilestonesOverdueOne : strings.MilestonesOverdueMany, overdue)}
        </div>
      ) : undefined}
    </>
  );
}
