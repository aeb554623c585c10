import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { Link } from '@fluentui/react/lib/Link';
import type { IMilestone, IsoDate, MilestoneStatusCategory, MilestoneTiming } from '../../../domain/model';
import { formatUkDate } from '../../../domain/dates';
import { isBlank } from '../../../domain/text';
import { byOrder } from '../../../domain/picture';
import { parseCloseDownOrigin } from '../../../data/PhaseRepository';
import type { Saved } from '../../../data/repository';
import { format } from './format';
import { type DueState, localToday, milestoneDue } from './milestoneDue';
import { RichText } from './RichText';
import { deleteAction, type IItemRowActions, NumberedItemsSection } from './NumberedItemsSection';
import type { IRowAction } from './RowActions';
import { type ISectionProps, shorten } from './sections';
import { useClassNames } from './useClassNames';
import { statusCategoryOptions } from './statusCategories';

/** Where a milestone carried from a phase's close-down came from: a link that opens that close-down. */
function OriginLine(props: { origin?: string; milestone: string; onOpen?: (phaseId: number) => void }): JSX.Element | null {
  const from = parseCloseDownOrigin(props.origin);
  if (!from) {
    return null;
  }
  const open = props.onOpen;
  return (
    <div data-origin={props.origin}>
      {open ? (
        <Link onClick={() => open(from.phaseId)} aria-label={format(strings.MilestoneOriginAria, props.milestone)}>
          {strings.MilestoneOrigin}
        </Link>
      ) : (
        strings.MilestoneOrigin
      )}
    </div>
  );
}

/** Props of {@link MilestonesTable}. */
export interface IMilestonesTableProps extends ISectionProps {
  timing: MilestoneTiming;
  /** Moves a milestone one place up (-1) or down (+1) in the report's order. */
  onMove: (milestone: Saved<IMilestone>, delta: -1 | 1, rows: Array<Saved<IMilestone>>) => void;
  /** True while a move is being saved, so a second press cannot race the first. */
  busy: boolean;
  /** The day "overdue" is reckoned from (tests fix it); today where the reader is, by default. */
  today?: IsoDate;
}

function categoryLabel(category: MilestoneStatusCategory | undefined): string {
  const option = statusCategoryOptions().filter((o) => o.key === (category || ''))[0];
  return option ? option.text : '';
}

/** A milestone as the accessible names of its row's buttons refer to it. */
export function milestoneRef(m: IMilestone): string {
  const title: string = isBlank(m.title) ? strings.EmptyRow : shorten(m.title, 50);
  const numbered: string = isBlank(m.number) ? title : format(strings.NumberedItem, m.number as string, title);
  // The same milestone often appears this period and planned for the next: say which.
  return format(m.timing === 'NextPeriod' ? strings.MilestoneRefNextPeriod : strings.MilestoneRefThisPeriod, numbered);
}

/** The milestone's due date in en-GB form, marked (words and an icon, not colour alone) when overdue. */
function DueLine(props: { due: DueState; mutedClass: string; overdueClass: string }): JSX.Element | null {
  const { due } = props;
  if (due.kind === 'none') {
    return null;
  }
  if (due.kind === 'unknown') {
    return <div className={props.mutedClass}>{format(strings.DueUnknown, due.written)}</div>;
  }
  if (due.kind === 'overdue') {
    return (
      <div className={props.overdueClass}>
        <span aria-hidden="true">⚠ </span>
        {format(strings.DueOverdue, formatUkDate(due.date))}
      </div>
    );
  }
  return <div className={props.mutedClass}>{format(strings.DueOn, formatUkDate(due.date))}</div>;
}

/**
 * Key milestones/activities this period (number, milestone, status) or planned for the next
 * period (number, milestone), in the report's order, with the changes the user's rights allow.
 */
export function MilestonesTable(props: IMilestonesTableProps): JSX.Element {
  const classNames = useClassNames();
  const { picture, ctx, can, timing } = props;
  const rows: Array<Saved<IMilestone>> = picture.milestones
    .filter((m) => m.workstreamId === ctx.workstream.id && m.periodId === ctx.period.id && m.timing === timing)
    .sort(byOrder);
  const thisPeriod: boolean = timing === 'ThisPeriod';
  const heading: string = thisPeriod ? strings.MilestonesThisPeriodHeading : strings.MilestonesNextPeriodHeading;
  const showActions: boolean = can.editMilestone || can.deleteMilestone;
  const order: number = rows.reduce((max, m) => Math.max(max, m.order), 0) + 1;
  const today: IsoDate = props.today || localToday();

  /** The row's actions the user's rights allow, in one menu. */
  const actionsOf = (m: Saved<IMilestone>, i: number): IItemRowActions => {
    const ref: string = milestoneRef(m);
    const actions: IRowAction[] = [];
    if (can.editMilestone && thisPeriod) {
      actions.push({ key: 'status', text: strings.ChangeStatus, ariaLabel: format(strings.ChangeStatusAria, ref), onClick: () => props.onEdit((specs) => specs.milestoneStatusForm(ctx, m)) });
    }
    if (can.editMilestone) {
      actions.push(
        { key: 'edit', text: strings.Edit, ariaLabel: format(strings.EditMilestoneAria, ref), onClick: () => props.onEdit((specs) => specs.milestoneForm(ctx, timing, m, m.order, m.number || '')) },
        { key: 'up', text: strings.MoveUp, ariaLabel: format(strings.MoveUpAria, ref), disabled: i === 0 || props.busy, onClick: () => props.onMove(m, -1, rows) },
        { key: 'down', text: strings.MoveDown, ariaLabel: format(strings.MoveDownAria, ref), disabled: i === rows.length - 1 || props.busy, onClick: () => props.onMove(m, 1, rows) }
      );
    }
    if (can.deleteMilestone) {
      actions.push(deleteAction({ kind: 'milestone', id: m.id, etag: m.etag, label: ref, periodTitle: ctx.period.title }, format(strings.DeleteMilestoneAria, ref), props.onDelete));
    }
    return { rowLabel: ref, actions, focusKey: `milestone-${m.id}-actions` };
  };

  return (
    <NumberedItemsSection
      heading={heading}
      idPrefix="ph-milestones"
      caption={format(strings.TableCaption, heading, ctx.workstream.title, ctx.period.title)}
      empty={thisPeriod ? strings.NoMilestonesThisPeriod : strings.NoMilestonesNextPeriod}
      items={rows}
      columns={
        <>
          <th scope="col">{strings.MilestoneColumn}</th>
          {thisPeriod ? <th scope="col">{strings.StatusColumn}</th> : undefined}
        </>
      }
      cells={(m) => {
        const due: DueState = milestoneDue(m, today);
        const category: string = categoryLabel(m.statusCategory);
        return (
          <>
            <td>
              {isBlank(m.title) ? <span className={classNames.muted}>{strings.EmptyRow}</span> : m.title}
              <DueLine due={due} mutedClass={classNames.muted} overdueClass={classNames.overdue} />
              <OriginLine origin={m.origin} milestone={milestoneRef(m)} onOpen={props.onOpenCloseDown} />
            </td>
            {thisPeriod ? (
              <td>
                {isBlank(m.status) ? <span className={classNames.muted}>{strings.NotGiven}</span> : <RichText text={m.status} />}
                {category && category !== (m.status || '').trim() ? <div className={classNames.muted}>{format(strings.StatusCategoryLine, category)}</div> : undefined}
              </td>
            ) : undefined}
          </>
        );
      }}
      actions={showActions ? actionsOf : undefined}
      add={
        can.addMilestone
          ? {
              text: thisPeriod ? strings.AddMilestoneThisPeriod : strings.AddMilestoneNextPeriod,
              onClick: () => props.onEdit((specs) => specs.milestoneForm(ctx, timing, undefined, order, specs.nextNumber(rows.map((m) => m.number))))
            }
          : undefined
      }
    />
  );
}
