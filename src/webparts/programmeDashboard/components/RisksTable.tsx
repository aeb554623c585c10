import * as React from 'react';
import * as strings from 'ProgrammeDashboardWebPartStrings';
import { ActionButton, DefaultButton } from '@fluentui/react/lib/Button';
import { type IRisk, isBlank } from '../../../domain';
import type { Saved } from '../../../data/repository';
import { format } from './format';
import { nextNumber, riskForm } from './formSpecs';
import { RichText } from './RichText';
import { ScrollRegion } from './ScrollRegion';
import { type ISectionProps, shorten } from './sections';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

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

/** The project risks the period's report lists: number, description, mitigation, open or closed. */
export function RisksTable(props: IRisksTableProps): JSX.Element {
  const classNames = useClassNames();
  const headingId: string = useUniqueId('ph-risks');
  const { picture, ctx, can } = props;
  const rows: Array<Saved<IRisk>> = picture.risks.filter((r) => r.workstreamId === ctx.workstream.id).sort((a, b) => a.order - b.order || a.id - b.id);
  const showActions: boolean = can.editRisk || can.deleteRisk;
  const order: number = rows.reduce((max, r) => Math.max(max, r.order), 0) + 1;

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={classNames.sectionHeading}>
        {strings.RisksHeading}
      </h3>
      {rows.length === 0 ? (
        <p>{strings.NoRisks}</p>
      ) : (
        <ScrollRegion label={strings.RisksHeading}>
          <table className={classNames.table}>
            <caption className={classNames.visuallyHidden}>
              {format(strings.TableCaption, strings.RisksHeading, ctx.workstream.title, ctx.period.title)}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={classNames.numberCell}>
                  {strings.NumberColumn}
                </th>
                <th scope="col">{strings.RiskDescriptionLabel}</th>
                <th scope="col">{strings.RiskMitigationLabel}</th>
                <th scope="col">{strings.RiskStateColumn}</th>
                {showActions ? <th scope="col">{strings.ActionsColumn}</th> : undefined}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const ref: string = riskRef(r);
                return (
                  <tr key={r.id}>
                    <td className={classNames.numberCell}>{r.number}</td>
                    <td>{isBlank(r.description) ? <span className={classNames.muted}>{strings.EmptyRow}</span> : <RichText text={r.description} />}</td>
                    <td>{isBlank(r.mitigation) ? <span className={classNames.muted}>{strings.NotGiven}</span> : <RichText text={r.mitigation} />}</td>
                    <td>{r.state === 'Closed' ? strings.RiskClosed : strings.RiskOpen}</td>
                    {showActions ? (
                      <td className={classNames.actionsCell}>
                        <div className={classNames.actions}>
                          {can.editRisk ? (
                            <ActionButton
                              text={strings.Edit}
                              ariaLabel={format(strings.EditRiskAria, ref)}
                              onClick={() => props.onEdit(riskForm(ctx, r, r.order, r.number || ''))}
                            />
                          ) : undefined}
                          {can.editRisk && r.state === 'Open' ? (
                            <ActionButton
                              text={strings.CloseRisk}
                              ariaLabel={format(strings.CloseRiskAria, ref)}
                              disabled={props.busy}
                              allowDisabledFocus={true}
                              onClick={() => props.onCloseRisk(r)}
                            />
                          ) : undefined}
                          {can.deleteRisk ? (
                            <ActionButton
                              text={strings.Delete}
                              ariaLabel={format(strings.DeleteRiskAria, ref)}
                              onClick={() => props.onDelete({ kind: 'risk', id: r.id, etag: r.etag, label: ref, periodTitle: ctx.period.title })}
                            />
                          ) : undefined}
                        </div>
                      </td>
                    ) : undefined}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {can.addRisk ? (
        <DefaultButton
          text={strings.AddRisk}
          onClick={() => props.onEdit(riskForm(ctx, undefined, order, nextNumber(rows.map((r) => r.number))))}
          style={{ marginTop: 8 }}
        />
      ) : undefined}
    </section>
  );
}
