import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { Button } from './Button';
import {
  DEFAULT_REPORTING_OPTIONS,
  type IMilestone,
  type IPeriod,
  type IRisk,
  type IStatusReport,
  type IWorkstream,
  reportingOptionsOf,
  tableTitle
} from '../../../domain/model';
import { latestPeriod } from '../../../domain/periods';
import { submitBlockers } from '../../../domain/validation';
import { mustFixBeforeApproval } from '../../../domain/readiness';
import { type IViewer, type ReportVisibility, ratingsSeenBy, reportVisibility } from '../../../domain/visibility';
import { isDataError } from '../../../data/errors';
import {
  isProgrammeOffice,
  type ICurrentUser,
  type IEditablePeriodPicture,
  type IProgrammeRepository,
  type IRagHistoryEntry,
  type Saved,
  type UserRights
} from '../../../data/repository';
import type { IAsyncResult } from '../hooks/useAsync';
import { useAction } from '../hooks/useAction';
import { usePeriodHistory } from '../hooks/usePeriodHistory';
import { usePeriodPicture } from '../hooks/usePeriodPicture';
import { useRagHistory } from '../hooks/useRagHistory';
import { type IBatchUpdate, type SaveOutcome, useSave } from '../hooks/useSave';
import type { IDeleteRequest } from './DeletePanel';
import { ApprovePanelLoader as ApprovePanel } from './lazy';
import { ActionPanelLoader as ActionPanel, DeletePanelLoader as DeletePanel, EditPanelLoader as EditPanel, preloadEditing } from './lazy';
import { describeActionError, describeSaveError } from './errorText';
import { FeedbackSection } from './FeedbackSection';
import { format, formatUkDay } from './format';
import { type IFormContext, statusReportForm } from './formSpecs';
import type { IFormRequest } from './forms';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { type IOutcome, OutcomeMessage } from './OutcomeMessage';
import { MilestonesTable } from './MilestonesTable';
import { OwedSummary } from './OwedSummary';
import { PeriodHistory } from './PeriodHistory';
import { PeriodPicker } from './PeriodPicker';
import { type IPermissions, isPeriodLocked, permissionsFor, viewerOf } from './permissions';
import { RagHistoryTable } from './RagHistoryTable';
import { ReadinessList } from './ReadinessList';
import { mayAcknowledgeFindings } from '../../../data/rules';
import { RisksTable } from './RisksTable';
import { readerStateWords, reopenedPartsInWords, reportOf } from './reportCycle';
import type { ISectionProps, ReportAction } from './sections';
import { SponsorCommentsSection } from './SponsorCommentsSection';
import { StatusSection } from './StatusSection';
import { useClassNames } from './useClassNames';

/** Props of {@link WorkstreamView}. */
export interface IWorkstreamViewProps {
  repository: IProgrammeRepository;
  workstream: IWorkstream;
  /** Every period, earliest first. */
  periods: IPeriod[];
  rights: UserRights;
  user: ICurrentUser;
  /** Returns to the programme view; absent when the view was opened on one workstream (a Teams tab). */
  onBack?: () => void;
  /** Opens a phase's close-down (where a milestone carried from one came from). */
  onOpenCloseDown?: (phaseId: number) => void;
  /** Opens the workstream's journey across phases (issue 16); not offered without it. */
  onOpenJourney?: () => void;
  /** Called after anything was stored, so the programme view can refresh its counts. */
  onChanged?: () => void;
  /** The period to open on (the programme office view opens a workstream on the period it shows); the latest otherwise. */
  initialPeriodId?: number;
  /**
   * Set on a workstream group's own view (a Teams tab): shows, at the top, what the group still
   * owes for the open period.
   */
  showOwed?: boolean;
  /** Another period chosen (so the page's address can record it). */
  onPeriodChange?: (periodId: number) => void;
  /** The address of this view, for "Copy link"; no button without it. */
  link?: () => string;
}

/** A step of the cycle that asks first: submitting, sending back, reopening the period. */
interface ICycleRequest {
  action: 'submit' | 'return' | 'reopen' | 'approve';
  report?: Saved<IStatusReport>;
}

/** The workstream's ratings as the viewer may see them: a rating not yet approved in an open period is withheld from readers (shown as awaiting approval). */
function visibleHistory(history: IAsyncResult<IRagHistoryEntry[]>, periods: readonly IPeriod[], viewer: IViewer, workstream: IWorkstream): IAsyncResult<IRagHistoryEntry[]> {
  return history.data ? { ...history, data: ratingsSeenBy(viewer, periods, [workstream], history.data) } : history;
}

/** The latest period still open, if any. */
function latestOpen(periods: readonly IPeriod[]): IPeriod | undefined {
  return latestPeriod(periods.filter((p) => p.state !== 'Locked'));
}

/**
 * One workstream in one period: its status and update beside the IIB's feedback, the sponsor's
 * comments, milestones, risks, the rating over time and what must be put right before the
 * paper goes to the Board — with the changes the user's SharePoint rights allow.
 */
export function WorkstreamView(props: IWorkstreamViewProps): JSX.Element {
  const classNames = useClassNames();
  const { repository, workstream, periods } = props;
  const latest: IPeriod | undefined = latestPeriod(periods);
  const initial: IPeriod | undefined = periods.filter((p) => p.id === props.initialPeriodId)[0] || latest;
  const [periodId, setPeriodId] = React.useState<number | undefined>(initial ? initial.id : undefined);
  const picture = usePeriodPicture(repository, periodId, workstream.id);
  const history = useRagHistory(repository, workstream.id);
  const periodHistory = usePeriodHistory(repository, isProgrammeOffice(props.rights) ? periodId : undefined);
  // The open period as the latest picture knows it (a lock or reopening since the page opened shows there).
  const openPeriod: IPeriod | undefined = latestOpen(picture.data ? picture.data.periods : periods);
  const owedElsewhere = usePeriodPicture(repository, props.showOwed && openPeriod && openPeriod.id !== periodId ? openPeriod.id : undefined, workstream.id);
  const actions = useSave(repository);
  const cycleRunner = useAction();
  const [editing, setEditing] = React.useState<IFormRequest | undefined>();
  const [deleting, setDeleting] = React.useState<IDeleteRequest | undefined>();
  const [cycle, setCycle] = React.useState<ICycleRequest | undefined>();
  const [message, setMessage] = React.useState<IOutcome | undefined>();
  const [panelKey, setPanelKey] = React.useState<number>(0);
  const returnFocus: React.MutableRefObject<HTMLElement | null> = React.useRef<HTMLElement | null>(null);
  const focusAfterReload: React.MutableRefObject<string | undefined> = React.useRef<string | undefined>();
  const headingRef: React.RefObject<HTMLHeadingElement> = React.useRef<HTMLHeadingElement>(null);
  const panelOpen: boolean = editing !== undefined || deleting !== undefined || cycle !== undefined;
  const wasOpen: React.MutableRefObject<boolean> = React.useRef<boolean>(false);

  // The editing panels load on first use; fetch them while the person reads, if they may edit.
  const mayChangeSomething: boolean = Object.keys(props.rights).some((list) => {
    const r = props.rights[list as keyof UserRights];
    return r.add || r.edit || r.delete || r.approve;
  });
  React.useEffect(() => {
    if (mayChangeSomething) {
      preloadEditing();
    }
  }, [mayChangeSomething]);

  // Focus goes back to the control that opened a panel; if that control is gone (the item was
  // deleted, or "Start" became "Edit"), to the workstream's heading.
  React.useEffect(() => {
    if (wasOpen.current && !panelOpen) {
      const target: HTMLElement | null = returnFocus.current;
      if (target && target.isConnected) {
        target.focus();
      } else {
        headingRef.current?.focus();
      }
    }
    wasOpen.current = panelOpen;
  }, [panelOpen]);

  // A reordered row moves; put focus back on the button that moved it.
  React.useEffect(() => {
    const key: string | undefined = focusAfterReload.current;
    if (key && !picture.loading) {
      focusAfterReload.current = undefined;
      const button: HTMLElement | null = document.querySelector<HTMLElement>(`[data-focus-key="${key}"]`);
      if (button) {
        button.focus();
      }
    }
  }, [picture.data, picture.loading]);

  const refresh = (): void => {
    picture.reload();
    history.reload();
    periodHistory.reload();
    owedElsewhere.reload();
    if (props.onChanged) {
      props.onChanged();
    }
  };

  const remember = (): void => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };
  const openForm = (request: IFormRequest): void => {
    remember();
    setMessage(undefined);
    setPanelKey((k) => k + 1);
    setEditing(request);
  };
  const openDelete = (request: IDeleteRequest): void => {
    remember();
    setMessage(undefined);
    setDeleting(request);
  };
  const closePanels = (): void => {
    setEditing(undefined);
    setDeleting(undefined);
    setCycle(undefined);
  };

  const data: IEditablePeriodPicture | undefined = picture.data;
  const period: IPeriod | undefined = data ? data.period : undefined;
  const locked: boolean = !!data && isPeriodLocked(data.period, data.snapshot);

  const onStored = (text: string): void => {
    closePanels();
    setMessage({ kind: 'success', text });
    refresh();
  };

  const openCycle = (request: ICycleRequest): void => {
    remember();
    setMessage(undefined);
    setCycle(request);
  };

  const approve = async (report: Saved<IStatusReport>): Promise<void> => {
    if (!period) {
      return;
    }
    // Faults that must be fixed: approving needs a reason, asked for in a panel (the same rule the
    // repository applies, so the panel appears exactly when it would refuse).
    if (data && mustFixBeforeApproval(data, report.workstreamId).length > 0) {
      openCycle({ action: 'approve', report });
      return;
    }
    setMessage(undefined);
    const outcome: SaveOutcome<unknown> = await cycleRunner.run(() => repository.transitionReport(report.id, 'approve', report.etag));
    if (outcome.ok) {
      // "Approve" is gone once the report is approved; focus goes to the workstream's heading.
      headingRef.current?.focus();
      setMessage({ kind: 'success', text: format(strings.ReportApprovedMessage, tableTitle(workstream), period.title) });
      refresh();
    } else {
      setMessage({ kind: 'error', text: describeActionError(outcome.error, 'review', period.title) });
      if (isDataError(outcome.error, 'conflict') || isDataError(outcome.error, 'notFound')) {
        refresh();
      }
    }
  };

  const onCycle = (action: ReportAction, report: Saved<IStatusReport>): void => {
    if (action === 'approve') {
      void approve(report);
    } else {
      openCycle({ action, report });
    }
  };

  const reportActionFailure = (error: unknown, kind: 'milestone' | 'risk'): void => {
    setMessage({ kind: 'error', text: describeSaveError(error, kind, period ? period.title : '') });
    if (isDataError(error, 'conflict') || isDataError(error, 'notFound')) {
      refresh();
    }
  };

  const move = async (milestone: Saved<IMilestone>, delta: -1 | 1, rows: Array<Saved<IMilestone>>): Promise<void> => {
    const from: number = rows.indexOf(milestone);
    const to: number = from + delta;
    if (from < 0 || to < 0 || to >= rows.length) {
      return;
    }
    const reordered: Array<Saved<IMilestone>> = rows.slice();
    reordered.splice(from, 1);
    reordered.splice(to, 0, milestone);
    // Renumber the order 1..n and store only the rows whose place changed.
    const updates: Array<IBatchUpdate<'milestone'>> = reordered
      .map((m, i) => ({ m, order: i + 1 }))
      .filter((x) => x.m.order !== x.order)
      .map((x) => ({ id: x.m.id, changes: { order: x.order }, etag: x.m.etag }));
    setMessage(undefined);
    const outcome: SaveOutcome<unknown> = await actions.updateMany('milestone', updates);
    if (outcome.ok) {
      focusAfterReload.current = `milestone-${milestone.id}-actions`;
      setMessage({ kind: 'success', text: strings.Saved });
      refresh();
    } else {
      reportActionFailure(outcome.error, 'milestone');
    }
  };

  const closeRisk = async (risk: Saved<IRisk>): Promise<void> => {
    if (!period) {
      return;
    }
    setMessage(undefined);
    const outcome: SaveOutcome<unknown> = await actions.update('risk', risk.id, { state: 'Closed', closedPeriodId: period.id }, risk.etag);
    if (outcome.ok) {
      // The risk leaves this period's report, so focus cannot stay on its row.
      headingRef.current?.focus();
      setMessage({ kind: 'success', text: format(strings.RiskClosedMessage, period.title) });
      refresh();
    } else {
      reportActionFailure(outcome.error, 'risk');
    }
  };

  const renderCyclePanel = (request: ICycleRequest, ctx: IFormContext, can: IPermissions): JSX.Element => {
    const title: string = ctx.period.title;
    const done = (text: string): void => {
      // The button that opened the panel goes once the step is taken (the report or period has
      // moved on): focus goes to the workstream's heading, not to a button about to vanish.
      returnFocus.current = null;
      closePanels();
      setMessage({ kind: 'success', text });
      refresh();
    };
    if (request.action === 'reopen') {
      return (
        <ActionPanel
          title={format(strings.ReopenPeriodTitle, title)}
          confirmText={strings.ReopenPeriod}
          busyText={strings.Reopening}
          reason={{ label: strings.ReopenReasonLabel, validationName: strings.ReopenReasonLabel, description: strings.ReasonRecorded }}
          run={(reason) => repository.reopenPeriod(ctx.period.id, reason || '')}
          describeError={(e) => describeActionError(e, 'reopen', title)}
          onDone={() => done(format(strings.PeriodReopenedMessage, title))}
          onStale={refresh}
          onClose={closePanels}
        >
          <p>{format(strings.ReopenPeriodText, title, reopenedPartsInWords(ctx.reporting || DEFAULT_REPORTING_OPTIONS))}</p>
        </ActionPanel>
      );
    }
    const report: Saved<IStatusReport> = request.report as Saved<IStatusReport>;
    if (request.action === 'approve') {
      return (
        <ApprovePanel
          repository={repository}
          workstream={workstream}
          report={report}
          periodTitle={title}
          findings={data ? mustFixBeforeApproval(data, report.workstreamId) : []}
          onDone={(text) => {
            headingRef.current?.focus();
            done(text);
          }}
          onStale={refresh}
          onClose={closePanels}
        />
      );
    }
    if (request.action === 'return') {
      return (
        <ActionPanel
          title={strings.ReturnReportTitle}
          confirmText={strings.ReturnReport}
          busyText={strings.Returning}
          reason={{ label: strings.ReturnReasonLabel, validationName: strings.ReturnReasonLabel, description: strings.ReturnReasonHint }}
          run={(reason) => repository.transitionReport(report.id, 'return', report.etag, reason)}
          describeError={(e) => describeActionError(e, 'review', title)}
          onDone={() => done(format(strings.ReportReturnedMessage, tableTitle(workstream), title))}
          onStale={refresh}
          onClose={closePanels}
        >
          <p>{format(strings.ReturnReportText, tableTitle(workstream), title)}</p>
        </ActionPanel>
      );
    }
    // Submitting: the same checks the repository makes, shown before the user tries.
    const missing: string[] = submitBlockers(report, ctx.reporting).map((e) => e.message);
    return (
      <ActionPanel
        title={strings.SubmitReportTitle}
        confirmText={strings.SubmitReport}
        busyText={strings.Submitting}
        blockers={missing}
        blockersIntro={strings.SubmitBlockedIntro}
        alternative={
          missing.length > 0 && can.editStatusReport
            ? {
                text: strings.EditStatusReport,
                onClick: () => {
                  // Straight from one panel to the other: focus still returns to "Submit" afterwards.
                  setCycle(undefined);
                  setPanelKey((k) => k + 1);
                  setEditing(statusReportForm(ctx, report, data ? data.previousStatusReports.filter((r) => r.workstreamId === workstream.id)[0] : undefined));
                }
              }
            : undefined
        }
        run={() => repository.transitionReport(report.id, 'submit', report.etag)}
        describeError={(e) => describeActionError(e, 'submit', title)}
        onDone={() => done(strings.ReportSubmittedMessage)}
        onStale={refresh}
        onClose={closePanels}
      >
        <p>{format(strings.SubmitReportText, tableTitle(workstream), title)}</p>
      </ActionPanel>
    );
  };

  const owedPicture: IEditablePeriodPicture | undefined =
    props.showOwed && openPeriod ? (openPeriod.id === periodId ? data : owedElsewhere.data) : undefined;

  let body: JSX.Element;
  if (periods.length === 0) {
    body = <p>{strings.NoPeriods}</p>;
  } else if (data && period) {
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
      repository,
      onEdit: openForm,
      onDelete: openDelete,
      onCycle,
      cycleBusy: cycleRunner.busy,
      onOpenCloseDown: props.onOpenCloseDown
    };
    let lockedText: string = format(strings.PeriodLocked, period.title);
    if (data.snapshot) {
      const day: string = formatUkDay(data.snapshot.takenAt);
      lockedText = data.snapshot.takenBy
        ? format(strings.PeriodLockedBanner, day, data.snapshot.takenBy.name)
        : format(strings.PeriodLockedBannerNoName, day);
    }
    body = (
      <>
        {locked ? (
          <div className={classNames.banner} data-locked="true">
            <p className={classNames.bannerText}>{lockedText}</p>
            {can.reopenPeriod ? <Button text={strings.ReopenPeriod} onClick={() => openCycle({ action: 'reopen' })} /> : undefined}
          </div>
        ) : undefined}
        {can.seePeriodHistory ? <PeriodHistory periodTitle={period.title} history={periodHistory} always={locked} /> : undefined}
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
                <MilestonesTable {...section} timing="ThisPeriod" onMove={(m, d, rows) => void move(m, d, rows)} busy={actions.saving} />
                <MilestonesTable {...section} timing="NextPeriod" onMove={(m, d, rows) => void move(m, d, rows)} busy={actions.saving} />
              </>
            )}
            <RisksTable {...section} onCloseRisk={(r) => void closeRisk(r)} busy={actions.saving} />
          </>
        )}
        <div className={classNames.columns}>
          {ctx.reporting && !ctx.reporting.rated ? undefined : (
            <div className={classNames.column}>
              <RagHistoryTable workstream={workstream} periods={periods} history={visibleHistory(history, periods, viewer, workstream)} />
            </div>
          )}
          {visibility === 'withheld' ? undefined : (
            <div className={classNames.wideColumn}>
              <ReadinessList picture={data} workstreamId={ctx.workstream.id} repository={repository} mayAcknowledge={mayAcknowledgeFindings(props.rights)} onChanged={refresh} />
            </div>
          )}
        </div>
        {editing ? (
          <EditPanel
            key={panelKey}
            repository={repository}
            request={editing}
            onSaved={onStored}
            onChanged={refresh}
            onClose={closePanels}
          />
        ) : undefined}
        {deleting ? (
          <DeletePanel repository={repository} request={deleting} onDeleted={onStored} onChanged={refresh} onClose={closePanels} />
        ) : undefined}
        {cycle ? renderCyclePanel(cycle, ctx, can) : undefined}
      </>
    );
  } else if (picture.error !== undefined) {
    body = <LoadError error={picture.error} onRetry={picture.reload} />;
  } else {
    body = <Loading label={strings.LoadingPeriod} />;
  }

  const sponsor: string | undefined = workstream.sponsor ? workstream.sponsor.name : undefined;
  const managers: string = workstream.projectManagers.map((p) => p.name).join(strings.ListSeparator);

  return (
    <div>
      {props.onBack || props.onOpenJourney ? (
        <div className={classNames.toolbar}>
          {props.onBack ? <Button text={strings.BackToProgramme} onClick={props.onBack} /> : undefined}
          {props.onOpenJourney ? <Button text={strings.JourneyOpen} ariaLabel={format(strings.JourneyOpenAria, workstream.title)} onClick={props.onOpenJourney} /> : undefined}
        </div>
      ) : undefined}
      <h2 ref={headingRef} tabIndex={-1} className={classNames.heading}>
        {workstream.title}
      </h2>
      <p className={classNames.subHeading}>
        {sponsor ? format(strings.SponsorLine, sponsor) : undefined}
        {sponsor && managers ? strings.ListSeparator : undefined}
        {managers ? format(strings.ProjectManagersLine, managers) : undefined}
      </p>
      {owedPicture && owedPicture.period.id === (openPeriod as IPeriod).id ? <OwedSummary picture={owedPicture} workstream={workstream} /> : undefined}
      {periods.length > 0 ? (
        // Periods as the latest picture knows them: one set up since the page opened is offered too.
        <PeriodPicker
          periods={data ? data.periods : periods}
          selectedId={periodId}
          onChange={(id) => {
            setMessage(undefined);
            setPeriodId(id);
            if (props.onPeriodChange) {
              props.onPeriodChange(id);
            }
          }}
          link={props.link}
        />
      ) : undefined}
      <OutcomeMessage outcome={message} onDismiss={() => setMessage(undefined)} />
      {actions.saving && !panelOpen ? <Loading label={strings.Saving} /> : undefined}
      {cycleRunner.busy && !panelOpen ? <Loading label={strings.Approving} /> : undefined}
      {body}
    </div>
  );
}
