import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { LabelledSection } from './LabelledSection';
import { Button } from './Button';
import { reportingOptionsOf, type IReportingOptions, type IStatusReport } from '../../../domain/model';
import { directionOfTravel, type Rag } from '../../../domain/rag';
import { describeDirection } from '../../../ui/ragWords';
import { formatDateRange } from '../../../domain/dates';
import { isBlank } from '../../../domain/text';
import { lastPeriodRating, type ILastPeriodRating } from '../../../domain/periods';
import type { Saved } from '../../../data/repository';
import { format } from './format';
import { RagBadge } from './RagBadge';
import { reportStateWords } from './reportState';
import { RichText } from './RichText';
import type { ISectionProps } from './sections';
import { useClassNames } from './useClassNames';

function Text(props: { heading: string; text?: string }): JSX.Element | null {
  if (isBlank(props.text)) {
    return null;
  }
  return (
    <>
      <h4>{props.heading}</h4>
      <RichText text={props.text} />
    </>
  );
}

/**
 * The period's status: this period's and the previous period's rating, the update (split
 * into key activities, engagement and concerns/issues, or one project manager update in
 * early reports), the RAG rationale, completion dates and who completed the report.
 */
export function StatusSection(props: ISectionProps): JSX.Element {
  const classNames = useClassNames();
  const { picture, ctx, can } = props;
  const report: Saved<IStatusReport> | undefined = picture.statusReports.filter(
    (r) => r.workstreamId === ctx.workstream.id && r.periodId === ctx.period.id
  )[0];
  const previousReport: IStatusReport | undefined = picture.previousStatusReports.filter((r) => r.workstreamId === ctx.workstream.id)[0];
  // The rating recorded for the previous period, unless the report states another with a reason.
  const last: ILastPeriodRating = lastPeriodRating(report, previousReport);
  const previous: Rag | null | undefined = last.rag;
  const offerEdit: boolean = report ? can.editStatusReport : can.addStatusReport;
  const cycle = props.onCycle;
  const busy: boolean = !!props.cycleBusy;
  const returnedReason: string | undefined = report && report.state === 'Returned' && !isBlank(report.returnReason) ? report.returnReason : undefined;
  const notGiven = (text: string | undefined): string => (isBlank(text) ? strings.NotGiven : (text as string));
  // Ratings and sign-off show only where the programme uses them.
  const reporting: IReportingOptions = ctx.reporting || reportingOptionsOf(picture.programme);

  return (
    <LabelledSection idPrefix="ph-status" heading={strings.StatusHeading}>
      {!report ? <p>{format(strings.NoStatusReport, ctx.period.title)}</p> : undefined}
      {report && report.state === 'Returned' ? (
        // Prominent for the project manager: what the programme office wants changed.
        <div className={classNames.callout}>
          <h4 className={classNames.calloutHeading}>{strings.ReturnedHeading}</h4>
          {returnedReason ? <RichText text={returnedReason} /> : <p>{strings.ReturnedNoReason}</p>}
        </div>
      ) : undefined}
      <dl className={classNames.detailsList}>
        <dt>{strings.ReportStateLabel}</dt>
        <dd className={classNames.stateLine}>{reportStateWords(report ? report.state : undefined)}</dd>
        {reporting.rated ? (
          <>
            <dt>{strings.ThisPeriodLabel}</dt>
            <dd>
              <RagBadge rag={report ? report.rag : undefined} />
            </dd>
            <dt>{strings.PreviousPeriodLabel}</dt>
            <dd>
              <RagBadge rag={previous} emptyLabel={previous === null ? strings.NotRated : strings.NotStated} />
              {last.source === 'recorded' && picture.previousPeriod ? (
                <span> {format(strings.LastPeriodRecorded, picture.previousPeriod.title)}</span>
              ) : last.source === 'stated' && last.reason ? (
                <span> {format(strings.LastPeriodStated, last.reason)}</span>
              ) : undefined}
            </dd>
          </>
        ) : undefined}
        {reporting.rated && report && report.rag ? (
          <>
            <dt>{strings.DirectionLabel}</dt>
            <dd>{describeDirection(directionOfTravel(report.rag, previous))}</dd>
          </>
        ) : undefined}
        <dt>{strings.ReportingPeriodLabel}</dt>
        <dd>{report && report.reportingPeriodAsWritten ? report.reportingPeriodAsWritten : formatDateRange(ctx.period.start, ctx.period.end)}</dd>
        <dt>{strings.AgreedCompletionLabel}</dt>
        <dd>{notGiven(report ? report.agreedCompletionAsWritten : ctx.workstream.agreedCompletionAsWritten)}</dd>
        <dt>{strings.ForecastCompletionLabel}</dt>
        <dd>{notGiven(report ? report.forecastCompletionAsWritten : ctx.workstream.forecastCompletionAsWritten)}</dd>
        {report && !isBlank(report.completionDateChangeNote) ? (
          <>
            <dt>{strings.CompletionDateChangeNoteLabel}</dt>
            <dd>{report.completionDateChangeNote}</dd>
          </>
        ) : undefined}
      </dl>
      {report ? (
        <>
          <Text heading={strings.KeyActivitiesLabel} text={report.keyActivities} />
          <Text heading={strings.EngagementLabel} text={report.engagement} />
          <Text heading={strings.ConcernsIssuesLabel} text={report.concernsIssues} />
          <Text heading={strings.ManagerUpdateLabel} text={report.managerUpdate} />
          <Text heading={strings.RagRationaleLabel} text={report.ragRationale} />
          {reporting.signOff ? (
            <p className={classNames.muted}>
              {format(strings.CompletedByLine, notGiven(report.completedBy), notGiven(report.completionDateAsWritten))}
            </p>
          ) : undefined}
        </>
      ) : undefined}
      {report && can.reportHeldByOffice ? (
        <p className={classNames.muted}>{report.state === 'Approved' ? strings.ReportApprovedNoEdit : strings.ReportSubmittedNoEdit}</p>
      ) : undefined}
      <div className={classNames.actions}>
        {offerEdit ? (
          <Button
            text={report ? strings.EditStatusReport : strings.AddStatusReport}
            onClick={() => props.onEdit((specs) => specs.statusReportForm(ctx, report, previousReport))}
            disabled={busy}
          />
        ) : undefined}
        {report && cycle && can.submitReport ? (
          <Button primary text={strings.SubmitReport} onClick={() => cycle('submit', report)} disabled={busy} allowDisabledFocus={true} />
        ) : undefined}
        {report && cycle && can.approveReport ? (
          <Button primary text={strings.ApproveReport} onClick={() => cycle('approve', report)} disabled={busy} allowDisabledFocus={true} />
        ) : undefined}
        {report && cycle && can.returnReport ? (
          <Button text={strings.ReturnReport} onClick={() => cycle('return', report)} disabled={busy} allowDisabledFocus={true} />
        ) : undefined}
      </div>
    </LabelledSection>
  );
}
