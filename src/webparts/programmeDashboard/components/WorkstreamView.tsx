import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import type { IPeriod, IWorkstreamHeading } from '../../../domain/model';
import type { ICurrentUser, UserRights } from '../../../data/repository';
import { preloadEditing } from './lazy';
import { LoadPending } from './LoadPending';
import { Loading } from './Loading';
import { OutcomeMessage } from './OutcomeMessage';
import { PeriodPicker } from './PeriodPicker';
import { useWorkstreamController } from './useWorkstreamController';
import { WorkstreamHeader, WorkstreamPeriod } from './WorkstreamSections';
import { OwedSummaryLoader as OwedSummary, preloadReadiness } from './workstreamParts';

/** Props of {@link WorkstreamView}. */
export interface IWorkstreamViewProps {
  workstream: IWorkstreamHeading;
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

/**
 * One workstream in one period: its status and update beside the IIB's feedback, the sponsor's
 * comments, milestones, risks, the rating over time and what must be put right before the
 * paper goes to the Board — with the changes the user's SharePoint rights allow. What it loads,
 * its one open panel and where focus goes are its controller's (useWorkstreamController); what
 * it draws, its sections' (WorkstreamSections, WorkstreamPanels); the repository, the
 * dashboard's (RepositoryContext).
 */
export function WorkstreamView(props: IWorkstreamViewProps): JSX.Element {
  const { workstream, periods } = props;
  const controller = useWorkstreamController(props);
  const { data, picture } = controller;

  // The editing panels load on first use; fetch them while the person reads, if they may edit.
  const mayChangeSomething: boolean = Object.keys(props.rights).some((list) => {
    const r = props.rights[list as keyof UserRights];
    return r.add || r.edit || r.delete || r.approve;
  });
  // The readiness rules (its "Ready for the Board?" list, the summary of what is owed) are a part
  // of their own: fetched now, beside the period's read, so that they arrive with the data.
  React.useEffect(() => {
    preloadReadiness();
  }, []);
  React.useEffect(() => {
    if (mayChangeSomething) {
      preloadEditing();
    }
  }, [mayChangeSomething]);

  let body: JSX.Element;
  if (periods.length === 0) {
    body = <p>{strings.NoPeriods}</p>;
  } else if (data) {
    body = (
      <WorkstreamPeriod
        controller={controller}
        picture={data}
        workstream={workstream}
        periods={periods}
        rights={props.rights}
        user={props.user}
        onOpenCloseDown={props.onOpenCloseDown}
      />
    );
  } else {
    body = <LoadPending load={picture} label={strings.LoadingPeriod} />;
  }

  const owed = controller.owedPicture;
  const panelOpen: boolean = controller.panel !== undefined;
  return (
    <div>
      <WorkstreamHeader workstream={workstream} headingRef={controller.headingRef} onBack={props.onBack} onOpenJourney={props.onOpenJourney} />
      {owed ? <OwedSummary picture={owed} workstream={workstream} /> : undefined}
      {periods.length > 0 ? (
        // Periods as the latest picture knows them: one set up since the page opened is offered too.
        <PeriodPicker periods={data ? data.periods : periods} selectedId={controller.periodId} onChange={controller.selectPeriod} link={props.link} />
      ) : undefined}
      <OutcomeMessage outcome={controller.message} onDismiss={controller.dismissMessage} />
      {controller.saving && !panelOpen ? <Loading label={strings.Saving} /> : undefined}
      {controller.cycleBusy && !panelOpen ? <Loading label={strings.Approving} /> : undefined}
      {body}
    </div>
  );
}
