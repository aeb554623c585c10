import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { reportingOptionsOf, tableTitle, type IPeriod, type IStatusReport, type IWorkstreamHeading } from '../../../domain/model';
import { ratingsSeenBy, reportVisibility, type IViewer, type ReportVisibility } from '../../../domain/visibility';
import type { ICurrentUser, IEditablePeriodPicture, IRagHistoryEntry, Saved, UserRights } from '../../../data/repository';
import { mayAcknowledgeFindings } from '../../../data/rights';
import type { IAsyncResult } from '../../../ui/useAsync';
import { Button } from './Button';
import { FeedbackSection } from './FeedbackSection';
import { format } from './format';
import { formatUkDay } from './ukTime';
import type { IFormContext } from './formSpecs';
import { MilestonesTable } from './MilestonesTable';
import { type IPermissions, permissionsFor, viewerOf } from './permissions';
import { PeriodHistory } from './PeriodHistory';
import { RagHistoryTable } from './RagHistoryTable';
import { readerStateWords, reportOf } from './reportState';
import { RisksTable } from './RisksTable';
import type { ISectionProps } from './sections';
import { SponsorCommentsSection } from './SponsorCommentsSection';
import { StatusSection } from './StatusSection';
import { useClassNames } from './useClassNames';
import type { IWorkstreamController } from './useWorkstreamController';
import { WorkstreamPanels } from './WorkstreamPanels';
import { ReadinessListLoader as ReadinessList } from './workstreamParts';

/** Props of {@link WorkstreamHeader}. */
export interface IWorkstreamHeaderProps {
  workstream: IWorkstreamHeading;
  headingRef: React.RefObject<HTMLHeadingElement>;
  onBack?: () => void;
  onOpenJourney?: () => void;
}

/** The workstream's name (where focus goes when nothing better is left), its sponsor and managers, and the way back. */
export function WorkstreamHeader(props: IWorkstreamHeaderProps): JSX.Element {
  const classNames = useClassNames();
  const { workstream } = props;
  const sponsor: string | undefined = workstream.sponsor ? workstream.sponsor.name : undefined;
  const managers: string = workstream.projectManagers.map((p) => p.name).join(strings.ListSeparator);
  return (
    <>
      {props.onBack || props.onOpenJourney ? (
        <div className={classNames.toolbar}>
          {props.onBack ? <Button text={strings.BackToProgramme} onClick={props.onBack} /> : undefined}
          {props.onOpenJourney ? <Button text={strings.JourneyOpen} ariaLabel={format(strings.JourneyOpenAria, workstream.title)} onClick={props.onOpenJourney} /> : undefined}
        </div>
      ) : undefined}
      <h2 ref={props.headingRef} tabIndex={-1} className={classNames.heading}>
        {workstream.title}
      </h2>
      <p className={classNames.subHeading}>
        {sponsor ? format(strings.SponsorLine, sponsor) : undefined}
        {sponsor && managers ? strings.ListSeparator : undefined}
        {managers ? format(strings.ProjectManagersLine, managers) : undefined}
      </p>
    </>
  );
}

/** Props of {@link WorkstreamPeriod}. */
export interface IWorkstreamPeriodProps {
  controller: IWorkstreamController;
  picture: IEditablePeriodPicture;
  workstream: IWorkstreamHeading;
  /** Every period, earliest first (the ratings over time). */
  periods: IPeriod[];
  rights: UserRights;
  user: ICurrentUser;
  onOpenCloseDown?: (phaseId: number) => void;
}

/** The workstream's ratings as the viewer may see them: a rating not yet approved in an open period is withheld from readers (shown as awaiting approval). */
function visibleHistory(history: IAsyncResult<IRagHistoryEntry[]>, periods: readonly IPeriod[], viewer: IViewer, workstream: IWorkstreamHeading): IAsyncResult<IRagHistoryEntry[]> {
  return history.data ? { ...history, data: ratingsSeenBy(viewer, periods, [workstream], history.data) } : history;
}

/**
 * One period of the workstream, once read: whether it is locked, its status and update beside
 * the IIB's feedback, the sponsor's comments, milestones, risks, the ratings over time and what
 * must be put right before the Board — as much as this person may see — and the open panel.
 */
export function WorkstreamPeriod(props: IWorkstreamPeriodProps): JSX.Element {
  const classNames = useClassNames();
  const { controller, picture: data, workstream, periods } = props;
  const period: IPeriod = data.period;
  const ctx: IFormContext = { workstream, period, user: props.user, reporting: reportingOptionsOf(data.programme) };
  const report: Saved<IStatusReport> | undefined = reportOf(data, workstream.id);
  const can: IPermissions = permissionsFor(props.rights, period, {
    report,
    snapshot: data.snapshot,
    user: props.user,
    workstream: data.workstreams.filter((w) => w.id === workstream.id)[0] || workstream
  });
  // What this person may see of the report: readers see it once approved (domain/visibility.ts).
  const viewer: IViewer = viewerOf(props.user, props.rights);
  const visibility: ReportVisibility = reportVisibility(viewer, period, ctx.workstream, report);
  const section: ISectionProps = {
    picture: data,
    ctx,
    can,
    rights: props.rights,
    onEdit: controller.openForm,
    onDelete: controller.openDelete,
    onCycle: controller.onCycle,
    cycleBusy: controller.cycleBusy,
    onOpenCloseDown: props.onOpenCloseDown
  };
  let lockedText: string = format(strings.PeriodLocked, period.title);
  if (data.snapshot) {
    const day: string = formatUkDay(data.snapshot.takenAt);
    lockedText = data.snapshot.takenBy ? format(strings.PeriodLockedBanner, day, data.snapshot.takenBy.name) : format(strings.PeriodLockedBannerNoName, day);
  }
  return (
    <>
      {controller.locked ? (
        <div className={classNames.banner} data-locked="true">
          <p className={classNames.bannerText}>{lockedText}</p>
          {can.reopenPeriod ? <Button text={strings.ReopenPeriod} onClick={() => controller.openCycle({ action: 'reopen' })} /> : undefined}
        </div>
      ) : undefined}
      {can.seePeriodHistory ? <PeriodHistory periodTitle={period.title} history={controller.periodHistory} always={controller.locked} /> : undefined}
      {visibility === 'draft' ? (
        // The dashboard's counterpart of the report's "Draft" marking.
        <p className={classNames.banner} data-draft="true">
          <span className={classNames.bannerText}>{strings.DraftReportNote}</span>
        </p>
      ) : undefined}
      <div className={classNames.columns}>
        <div className={classNames.wideColumn}>
          {visibility === 'withheld' && report ? (
            <section aria-label={strings.StatusHeading} data-withheld="true">
              <h3 className={classNames.sectionHeading}>{strings.StatusHeading}</h3>
              <dl className={classNames.detailsList}>
                <dt>{strings.ReportStateLabel}</dt>
                <dd className={classNames.stateLine}>{readerStateWords(report.state)}</dd>
              </dl>
              <p>{format(strings.ReportWithheld, tableTitle(workstream), period.title)}</p>
            </section>
          ) : (
            <StatusSection {...section} />
          )}
        </div>
        <div className={`${classNames.column} ${classNames.card}`}>
          <FeedbackSection {...section} />
        </div>
      </div>
      {visibility === 'withheld' ? undefined : (
        <>
          {/* A part the programme does not use is not offered (its reporting options). */}
          {ctx.reporting && !ctx.reporting.sponsorComments ? undefined : <SponsorCommentsSection {...section} />}
          {ctx.reporting && !ctx.reporting.milestones ? undefined : (
            <>
              <MilestonesTable {...section} timing="ThisPeriod" onMove={controller.move} busy={controller.saving} />
              <MilestonesTable {...section} timing="NextPeriod" onMove={controller.move} busy={controller.saving} />
            </>
          )}
          <RisksTable {...section} onCloseRisk={controller.closeRisk} busy={controller.saving} />
        </>
      )}
      <div className={classNames.columns}>
        {ctx.reporting && !ctx.reporting.rated ? undefined : (
          <div className={classNames.column}>
            <RagHistoryTable workstream={workstream} periods={periods} history={visibleHistory(controller.history, periods, viewer, workstream)} />
          </div>
        )}
        {visibility === 'withheld' ? undefined : (
          <div className={classNames.wideColumn}>
            <ReadinessList picture={data} workstreamId={ctx.workstream.id} mayAcknowledge={mayAcknowledgeFindings(props.rights)} onChanged={controller.refresh} />
          </div>
        )}
      </div>
      <WorkstreamPanels controller={controller} picture={data} ctx={ctx} can={can} workstream={workstream} />
    </>
  );
}
