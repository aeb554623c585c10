import * as React from 'react';
import { strings } from '../loc/strings';
import type { ITheme } from '@fluentui/react/lib/Styling';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import type { IPeriod, IWorkstreamHeading } from '../../../domain/model';
import { sortPeriods } from '../../../domain/periods';
import { defaultPeriod, type IViewer, ratingsSeenBy, seesAnyDrafts, seesDrafts } from '../../../domain/visibility';
import { isProgrammeOffice, type IProgrammeRepository, type IProgrammeSummary, type IRagHistoryEntry } from '../../../data/repository';
import { viewerOf } from './permissions';
import { useAccess } from '../hooks/useAccess';
import { useAsync } from '../../../ui/useAsync';
import { RATINGS_WINDOW, useProgrammeSummary } from '../hooks/useProgrammeSummary';
import { format } from './format';
import { LoadError } from './LoadError';
import { LoadPending } from './LoadPending';
import { Notice } from './Notice';
import { Loading } from './Loading';
import { RepositoryProvider } from './RepositoryContext';
import { useClassNames } from './useClassNames';
import {
  CloseDownViewLoader as CloseDownView,
  JourneyViewLoader as JourneyView,
  preloadProgrammeView,
  preloadWorkstreamView,
  ProgrammeSetUpLoader as ProgrammeSetUp,
  ProgrammeViewLoader as ProgrammeView,
  WorkstreamViewLoader as WorkstreamView
} from './lazy';
import type { IViewAddress, IViewState } from './viewAddress';

/** Props of {@link ProgrammeDashboard}. */
export interface IProgrammeDashboardProps {
  /** Where the dashboard reads and writes: the only way to the programme's data. */
  repository: IProgrammeRepository;
  /** When set (a workstream group's Teams tab), open straight on this workstream (by code) and stay on it. */
  workstreamCode?: string;
  /** Fluent theme from the host (SharePoint theme or Teams default/dark/high-contrast); changes live. */
  theme?: ITheme;
  /** 'teams' when hosted in a Teams tab or personal app. */
  host?: 'sharepoint' | 'teams';
  /**
   * Where the view (period, workstream) is recorded so it can be linked and reloaded: the page's
   * address in a host (viewAddress.ts: PAGE_ADDRESS). Without it nothing is read or written and
   * "Copy link" is not offered.
   */
  address?: IViewAddress;
}

function findByCode(workstreams: readonly IWorkstreamHeading[], code: string): IWorkstreamHeading | undefined {
  const wanted: string = code.trim().toLowerCase();
  return workstreams.filter((w) => w.code.toLowerCase() === wanted)[0];
}

/** "Copy link"'s address of a view, where the host has one to share. */
function linkFor(address: IViewAddress | undefined, state: IViewState): (() => string) | undefined {
  const link = address && address.link;
  return link ? () => link(state) : undefined;
}

function DashboardBody(props: IProgrammeDashboardProps): JSX.Element {
  const theme = useTheme();
  const classNames = useClassNames();
  const pinnedCode: string | undefined = props.workstreamCode && props.workstreamCode.trim() !== '' ? props.workstreamCode : undefined;
  // The view the page's address records (a shared link, a reload): read once, on arrival.
  const [arrival] = React.useState<IViewState>(() => (props.address ? props.address.read() : {}));
  // Landing on the programme view: what it shows beside the summary comes in the same round trip.
  const landsOnProgramme: boolean = !pinnedCode && !arrival.workstreamCode && arrival.closeDownPhaseId === undefined && !arrival.journeyCode;
  // A tab pinned to a workstream reads no counts (open risks, milestones due) and no ratings: it
  // shows that workstream. Should its code name none, the programme view is shown and the counts
  // and ratings are read.
  const [countsNeeded, setCountsNeeded] = React.useState<boolean>(false);
  // Ratings over time: the programme view shows the latest periods' and reads earlier ones when
  // asked; a tab pinned to a workstream reads only that workstream's.
  const summary = useProgrammeSummary(props.repository, landsOnProgramme ? { periodId: arrival.periodId } : undefined, pinnedCode && !countsNeeded ? pinnedCode : undefined, pinnedCode && !countsNeeded ? undefined : RATINGS_WINDOW);
  const pinnedFound: IWorkstreamHeading | undefined = pinnedCode && summary.data ? findByCode(summary.data.workstreams, pinnedCode) : undefined;
  const pinnedMissing: boolean = !!pinnedCode && !!summary.data && !!summary.data.countsLeftOut && !pinnedFound;
  React.useEffect(() => {
    if (pinnedMissing) {
      setCountsNeeded(true);
    }
  }, [pinnedMissing]);
  const access = useAccess(props.repository);
  // Without the ratings, a tab lands those who see the workstream's drafts on the open period
  // (no rating needed); anyone else on what went to the Board or was approved, which takes that
  // workstream's own ratings: read then, one workstream's, not the programme's.
  const standingsWanted: number | undefined =
    pinnedFound && summary.data && summary.data.ratingsLeftOut && access.data && !seesDrafts(viewerOf(access.data.user, access.data.rights), pinnedFound) ? pinnedFound.id : undefined;
  const standings = useAsync(
    (): Promise<IRagHistoryEntry[] | undefined> => (standingsWanted === undefined ? Promise.resolve(undefined) : props.repository.getRagHistory(standingsWanted)),
    [props.repository, standingsWanted]
  );
  const [openCode, setOpenCode] = React.useState<string | undefined>(pinnedCode ? undefined : arrival.workstreamCode);
  const [openPeriodId, setOpenPeriodId] = React.useState<number | undefined>(arrival.periodId);
  // The programme view's period; undefined until someone chooses (the address's, else the default).
  const [programmePeriodId, setProgrammePeriodId] = React.useState<number | undefined>(arrival.periodId);
  // The phase whose close-down table is open (issue 16), from the address or a link on the programme view.
  const [closeDownPhaseId, setCloseDownPhaseId] = React.useState<number | undefined>(pinnedCode ? undefined : arrival.closeDownPhaseId);
  // The workstream (by code) whose journey across phases is open (issue 16).
  const [journeyCode, setJourneyCode] = React.useState<string | undefined>(pinnedCode ? undefined : arrival.journeyCode);
  const [stale, setStale] = React.useState<boolean>(false);
  // A workstream's journey shows its ratings in every period: read whole when the summary holds a window.
  const journeyId: number | undefined = ((): number | undefined => {
    const w: IWorkstreamHeading | undefined = summary.data && summary.data.ratingsOf && journeyCode && !pinnedCode ? findByCode(summary.data.workstreams, journeyCode) : undefined;
    return w ? w.id : undefined;
  })();
  const journeyRatings = useAsync(() => (journeyId === undefined ? Promise.resolve(undefined) : props.repository.getRagHistory(journeyId)), [props.repository, journeyId, summary.data]);
  // A workstream's view loads on first use: at once for a tab pinned to one, alongside the data;
  // otherwise once the programme is on screen, so that opening a workstream does not wait.
  const summaryShown: boolean = !!summary.data;
  React.useEffect(() => {
    if (pinnedCode || summaryShown) {
      preloadWorkstreamView();
    }
  }, [pinnedCode, summaryShown]);
  // The programme view loads on first use too, so that a tab pinned to a workstream never fetches
  // it: on landing, at once, alongside the data; when a pinned code names no workstream, then.
  React.useEffect(() => {
    if (!pinnedCode || pinnedMissing) {
      preloadProgrammeView();
    }
  }, [pinnedCode, pinnedMissing]);

  const className: string = props.host === 'teams' ? `${classNames.root} ${classNames.rootTeams}` : classNames.root;
  // The theme's body colours also go inline, so the host's theme reaches the root whatever
  // stylesheet order the page ends up with.
  const style: React.CSSProperties = { background: theme.semanticColors.bodyBackground, color: theme.semanticColors.bodyText };

  let content: JSX.Element;
  let view: IViewState | undefined;
  // Never the programme view from a summary without its counts.
  const data: IProgrammeSummary | undefined = pinnedMissing ? undefined : summary.data;
  if (data && access.data && data.programmeEtag === undefined && data.workstreams.length === 0) {
    // A site whose programme is not set up yet (an empty start): the programme office sets it
    // up; everyone else is told there is nothing to read yet.
    content =
      isProgrammeOffice(access.data.rights) && access.data.rights.programme.add ? (
        <ProgrammeSetUp repository={props.repository} onDone={summary.reload} />
      ) : (
        <section>
          <h2 className={classNames.heading}>{strings.NothingReportedHeading}</h2>
          <p>{strings.NothingReportedText}</p>
        </section>
      );
  } else if (data && access.data && !(standingsWanted !== undefined && !standings.data && standings.error === undefined)) {
    const periods = sortPeriods(data.periods);
    const workstreams: IWorkstreamHeading[] = data.workstreams.slice().sort((a, b) => a.order - b.order);
    const pinned: IWorkstreamHeading | undefined = pinnedCode ? findByCode(workstreams, pinnedCode) : undefined;
    const open: IWorkstreamHeading | undefined = pinned || (openCode ? findByCode(workstreams, openCode) : undefined);
    const viewer: IViewer = viewerOf(access.data.user, access.data.rights);
    const known = (id: number | undefined): IPeriod | undefined => periods.filter((p) => p.id === id)[0];
    const journeyOf: IWorkstreamHeading | undefined = journeyCode && !pinned ? findByCode(workstreams, journeyCode) : undefined;
    const openJourney = (id: number): void => {
      const w: IWorkstreamHeading | undefined = workstreams.filter((x) => x.id === id)[0];
      if (w) {
        setOpenCode(undefined);
        setCloseDownPhaseId(undefined);
        setJourneyCode(w.code);
      }
    };
    // The journey's workstream with every rating (the rest as the summary holds them).
    const journeyHistory: IRagHistoryEntry[] | undefined = !journeyOf
      ? undefined
      : !data.ratingsOf
        ? data.history
        : journeyRatings.data
          ? data.history.filter((h) => h.workstreamId !== journeyOf.id).concat(journeyRatings.data)
          : undefined;
    if (journeyOf && !journeyHistory) {
      view = { journeyCode: journeyOf.code };
      content = <LoadPending load={journeyRatings} label={strings.Loading} />;
    } else if (journeyOf && journeyHistory) {
      view = { journeyCode: journeyOf.code };
      content = (
        <JourneyView
          key={journeyOf.id}
          repository={props.repository}
          workstream={journeyOf}
          workstreams={workstreams}
          periods={periods}
          history={ratingsSeenBy(viewer, periods, workstreams, journeyHistory)}
          onOpenJourney={openJourney}
          onOpenWorkstream={() => {
            setJourneyCode(undefined);
            setOpenCode(journeyOf.code);
          }}
          onOpenCloseDown={(phaseId) => {
            setJourneyCode(undefined);
            setCloseDownPhaseId(phaseId);
          }}
          onBack={() => setJourneyCode(undefined)}
        />
      );
    } else if (closeDownPhaseId !== undefined && !pinned) {
      view = { closeDownPhaseId };
      content = (
        <CloseDownView
          key={closeDownPhaseId}
          repository={props.repository}
          phaseId={closeDownPhaseId}
          workstreams={workstreams}
          rights={access.data.rights}
          onBack={() => {
            setCloseDownPhaseId(undefined);
            summary.reload();
          }}
          onChanged={summary.reload}
          onOpenJourney={openJourney}
        />
      );
    } else if (open) {
      // The period asked for (the address, the programme view), else where this person lands for this workstream.
      const landing: IPeriod | undefined =
        known(openPeriodId) ||
        defaultPeriod(
          periods,
          data.ratingsLeftOut ? standings.data || [] : data.history.filter((h) => h.workstreamId === open.id),
          seesDrafts(viewer, open)
        );
      const here: IViewState = { periodId: landing ? landing.id : undefined, workstreamCode: pinned ? undefined : open.code };
      view = here;
      content = (
        <WorkstreamView
          key={open.id}
          workstream={open}
          periods={periods}
          rights={access.data.rights}
          user={access.data.user}
          initialPeriodId={landing ? landing.id : undefined}
          onPeriodChange={setOpenPeriodId}
          link={linkFor(props.address, here)}
          showOwed={!!pinned}
          onBack={
            pinned
              ? undefined
              : () => {
                  setOpenCode(undefined);
                  if (openPeriodId !== undefined) {
                    setProgrammePeriodId(openPeriodId);
                  }
                  if (stale) {
                    setStale(false);
                    summary.reload();
                  }
                }
          }
          onChanged={() => setStale(true)}
          onOpenCloseDown={
            pinned
              ? undefined
              : (phaseId) => {
                  setOpenCode(undefined);
                  setCloseDownPhaseId(phaseId);
                }
          }
          onOpenJourney={pinned ? undefined : () => openJourney(open.id)}
        />
      );
    } else {
      // Readers land on what went to the Board or was approved; those who see drafts, on the open period.
      const draftsVisible: boolean = seesAnyDrafts(viewer, workstreams);
      const shown: IPeriod | undefined = known(programmePeriodId) || defaultPeriod(periods, data.history, draftsVisible);
      view = { periodId: shown ? shown.id : undefined };
      content = (
        <>
          {pinnedCode ? (
            <Notice kind="warning">{format(strings.UnknownWorkstreamCode, pinnedCode)}</Notice>
          ) : undefined}
          <ProgrammeView
            summary={{ ...data, periods }}
            viewer={viewer}
            periodId={shown ? shown.id : undefined}
            onPeriodChange={setProgrammePeriodId}
            link={linkFor(props.address, { periodId: shown ? shown.id : undefined })}
            onOpenWorkstream={(w, periodId) => {
              setOpenPeriodId(periodId !== undefined ? periodId : shown ? shown.id : undefined);
              setOpenCode(w.code);
            }}
            repository={props.repository}
            rights={access.data.rights}
            onChanged={summary.reload}
            onOpenCloseDown={pinnedCode ? undefined : setCloseDownPhaseId}
          />
        </>
      );
    }
  } else if (summary.error !== undefined || access.error !== undefined) {
    content = (
      <LoadError
        error={summary.error !== undefined ? summary.error : access.error}
        onRetry={() => {
          if (summary.error !== undefined) {
            summary.reload();
          }
          if (access.error !== undefined) {
            access.reload();
          }
        }}
      />
    );
  } else {
    content = <Loading label={strings.Loading} />;
  }

  // The address follows the view, so a reload or a shared link opens on it.
  const viewPeriod: number | undefined = view ? view.periodId : undefined;
  const viewCode: string | undefined = view ? view.workstreamCode : undefined;
  const viewCloseDown: number | undefined = view ? view.closeDownPhaseId : undefined;
  const viewJourney: string | undefined = view ? view.journeyCode : undefined;
  const recorded: boolean = view !== undefined;
  const address: IViewAddress | undefined = props.address;
  React.useEffect(() => {
    if (recorded && address) {
      address.write({ periodId: viewPeriod, workstreamCode: viewCode, closeDownPhaseId: viewCloseDown, journeyCode: viewJourney });
    }
  }, [recorded, viewPeriod, viewCode, viewCloseDown, viewJourney, address]);

  return (
    <div className={className} style={style} lang="en-GB" data-host={props.host || 'sharepoint'}>
      {content}
    </div>
  );
}

/**
 * The programme dashboard: the programme at a glance, and each workstream's report with the
 * changes the user's SharePoint rights allow. On a SharePoint page or as a Teams tab, in the
 * host's theme (light, dark or high contrast), which may change while it is open.
 */
export function ProgrammeDashboard(props: IProgrammeDashboardProps): JSX.Element {
  return (
    <ThemeProvider theme={props.theme}>
      <RepositoryProvider repository={props.repository}>
        <DashboardBody {...props} />
      </RepositoryProvider>
    </ThemeProvider>
  );
}
