import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { type IRisk, tableTitle } from '../../../domain/model';
import { isBlank } from '../../../domain/text';
import { byOrder } from '../../../domain/picture';
import type { Saved } from '../../../data/repository';
import { format } from './format';
import { RichText } from './RichText';
import { deleteAction, type IItemRowActions, NumberedItemsSection } from './NumberedItemsSection';
import type { IRowAction } from './RowActions';
import { type ISectionProps, shorten } from './sections';
import { useClassNames } from './useClassNames';

/** Props of {@link RisksTable}. */
export interface IRisksTableProps extends ISectionProps {
  /** Closes a risk in this period. */
  onCloseRisk: (risk: Saved<IRisk>) => void;
  busy: boolean;
}

function riskRef(r: IRisk): string {
  const text: string = isBlank(r.description) ? strings.EmptyRow : shorten(r.description, 50);
  return format(strings.RiskRef, isBlank(r.number) ? text : format(strings.NumberedItem, r.number as string, text));
}

/** A risk's likelihood × impact as shown, with what a screen reader hears; "Not scored" when neither is given. */
export function riskScore(r: Pick<IRisk, 'likelihood' | 'impact'>): { text: string; aria?: string } {
  const l: number | undefined = typeof r.likelihood === 'number' ? r.likelihood : undefined;
  const i: number | undefined = typeof r.impact === 'number' ? r.impact : undefined;
  if (l !== undefined && i !== undefined) {
    return { text: format(strings.RiskScoreValue, l, i, l * i), aria: format(strings.RiskScoreAria, l, i, l * i) };
  }
  if (l === undefined && i === undefined) {
    return { text: strings.RiskScoreNotGiven };
  }
  return { text: format(strings.RiskScorePartial, l === undefined ? strings.RiskScoreMissingPart : l, i === undefined ? strings.RiskScoreMissingPart : i) };
}

/** The project risks the period's report lists: number, description, mitigation, likelihood × impact, owner, open or closed. */
export function RisksTable(props: IRisksTableProps): JSX.Element {
  const classNames = useClassNames();
  const { picture, ctx, can } = props;
  const rows: Array<Saved<IRisk>> = picture.risks.filter((r) => r.workstreamId === ctx.workstream.id).sort(byOrder);
  const showActions: boolean = can.editRisk || can.deleteRisk;
  const order: number = rows.reduce((max, r) => Math.max(max, r.order), 0) + 1;

  /** The row's actions the user's rights allow, in one menu. */
  const actionsOf = (r: Saved<IRisk>): IItemRowActions => {
    const ref: string = riskRef(r);
    const actions: IRowAction[] = [];
    if (can.editRisk) {
      actions.push({ key: 'edit', text: strings.Edit, ariaLabel: format(strings.EditRiskAria, ref), onClick: () => props.onEdit((specs) => specs.riskForm(ctx, r, r.order, r.number || '')) });
    }
    if (can.editRisk && r.state === 'Open') {
      actions.push({ key: 'close', text: strings.CloseRisk, ariaLabel: format(strings.CloseRiskAria, ref), disabled: props.busy, onClick: () => props.onCloseRisk(r) });
    }
    if (can.deleteRisk) {
      actions.push(deleteAction({ kind: 'risk', id: r.id, etag: r.etag, label: ref, periodTitle: ctx.period.title }, format(strings.DeleteRiskAria, ref), props.onDelete));
    }
    return { rowLabel: ref, actions };
  };

  return (
    <NumberedItemsSection
      heading={strings.RisksHeading}
      idPrefix="ph-risks"
      caption={format(strings.TableCaption, strings.RisksHeading, tableTitle(ctx.workstream), ctx.period.title)}
      empty={strings.NoRisks}
      items={rows}
      columns={
        <>
          <th scope="col">{strings.RiskDescriptionLabel}</th>
          <th scope="col">{strings.RiskMitigationLabel}</th>
          <th scope="col">{strings.RiskScoreColumn}</th>
          <th scope="col">{strings.RiskOwnerColumn}</th>
          <th scope="col">{strings.RiskStateColumn}</th>
        </>
      }
      cells={(r) => {
        const score: { text: string; aria?: string } = riskScore(r);
        return (
          <>
            <td>{isBlank(r.description) ? <span className={classNames.muted}>{strings.EmptyRow}</span> : <RichText text={r.description} />}</td>
            <td>{isBlank(r.mitigation) ? <span className={classNames.muted}>{strings.NotGiven}</span> : <RichText text={r.mitigation} />}</td>
            <td>
              {score.aria ? (
                <>
                  <span aria-hidden="true">{score.text}</span>
                  <span className={classNames.visuallyHidden}>{score.aria}</span>
                </>
              ) : (
                <span className={classNames.muted}>{score.text}</span>
              )}
            </td>
            <td>{isBlank(r.owner) ? <span className={classNames.muted}>{strings.NotGiven}</span> : r.owner}</td>
            <td>{r.state === 'Closed' ? strings.RiskClosed : strings.RiskOpen}</td>
          </>
        );
      }}
      actions={showActions ? actionsOf : undefined}
      add={can.addRisk ? { text: strings.AddRisk, onClick: () => props.onEdit((specs) => specs.riskForm(ctx, undefined, order, specs.nextNumber(rows.map((r) => r.number)))) } : undefined}
    />
  );
}
