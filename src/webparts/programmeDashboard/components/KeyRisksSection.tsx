import * as React from 'react';
import { strings } from '../loc/programmeStrings';
import { tableTitle, type IPeriod } from '../../../domain/model';
import type { IProgrammeRepository } from '../../../data/repository';
import type { ProgrammePartRisk, ProgrammePartWorkstream } from '../../../data/snapshot';
import { useProgrammePart } from '../hooks/usePeriodPicture';
import { LabelledSection } from './LabelledSection';
import { format } from './format';
import { LoadPending } from './LoadPending';
import { RichText } from './RichText';
import { DataTable } from './ScrollRegion';

/** Props of {@link KeyRisksSection}. */
export interface IKeyRisksSectionProps {
  repository: IProgrammeRepository;
  /** The period whose open risks are shown (the latest). */
  period: IPeriod;
}

/**
 * The key risks by workstream: one table of every workstream's risks open in the period, with
 * their mitigations, in workstream order — the same block the report and Word print, for a
 * programme that keeps its risks in one table.
 */
export function KeyRisksSection(props: IKeyRisksSectionProps): JSX.Element {
  const picture = useProgrammePart(props.repository, props.period.id);
  let body: JSX.Element;
  if (picture.data) {
    const rows: Array<{ ws: ProgrammePartWorkstream; risk: ProgrammePartRisk }> = [];
    for (const ws of picture.data.workstreams.slice().sort((a, b) => a.order - b.order)) {
      for (const risk of picture.data.risks.filter((r) => r.workstreamId === ws.id).sort((a, b) => a.order - b.order)) {
        rows.push({ ws, risk });
      }
    }
    body =
      rows.length === 0 ? (
        <p>{format(strings.KeyRisksNone, props.period.title)}</p>
      ) : (
        <DataTable
          label={strings.KeyRisksHeading}
          caption={format(strings.KeyRisksCaption, props.period.title)}
          columns={
            <>
              <th scope="col">{strings.WorkstreamColumn}</th>
              <th scope="col">{strings.RiskDescriptionLabel}</th>
              <th scope="col">{strings.RiskMitigationLabel}</th>
            </>
          }
        >
          {rows.map(({ ws, risk }) => (
            <tr key={risk.id}>
              <th scope="row">{tableTitle(ws)}</th>
              <td>
                <RichText text={risk.description} />
              </td>
              <td>
                <RichText text={risk.mitigation} />
              </td>
            </tr>
          ))}
        </DataTable>
      );
  } else {
    body = <LoadPending load={picture} label={strings.LoadingPeriod} />;
  }
  return (
    <LabelledSection idPrefix="ph-key-risks" heading={strings.KeyRisksHeading}>
      {body}
    </LabelledSection>
  );
}
