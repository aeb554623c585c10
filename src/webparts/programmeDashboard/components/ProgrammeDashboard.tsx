import * as React from 'react';
import * as strings from 'ProgrammeDashboardWebPartStrings';
import type { ITheme } from '@fluentui/react/lib/Styling';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import { type IWorkstream, sortPeriods } from '../../../domain';
import { isProgrammeOffice, type IProgrammeRepository, type IProgrammeSummary } from '../../../data/repository';
import { useAccess } from '../hooks/useAccess';
import { useProgrammeSummary } from '../hooks/useProgrammeSummary';
import { format } from './format';
import { LoadError } from './LoadError';
import { Notice } from './Notice';
import { Loading } from './Loading';
import { ProgrammeView } from './ProgrammeView';
import { useClassNames } from './useClassNames';
import { preloadWorkstreamView, ProgrammeSetUpLoader as ProgrammeSetUp, WorkstreamViewLoader as WorkstreamView } from './lazy';

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
}

function findByCode(workstreams: readonly IWorkstream[], code: string): IWorkstream | undefined {
  const wanted: string = code.trim().toLowerCase();
  return workstreams.filter((w) => w.code.toLowerCase() === wanted)[0];
}

function DashboardBody(props: IProgrammeDashboardProps): JSX.Element {
  const theme = useTheme();
  const classNames = useClassNames();
  const summary = useProgrammeSummary(props.repository);
  const access = useAccess(props.repository);
  const [openId, setOpenId] = React.useState<number | undefined>();
  const [openPeriodId, setOpenPeriodId] = React.useState<number | undefined>();
  const [stale, setStale] = React.useState<boolean>(false);
  const pinnedCode: string | undefined = props.workstreamCode && props.workstreamCode.trim() !== '' ? props.workstreamCode : undefined;
  // A workstream's view loads on first use: at once for a tab pinned to one, alongside the data;
  // otherwise once the programme is on screen, so that opening a workstream does not wait.
  const summaryShown: boolean = !!summary.data;
  React.useEffect(() => {
    if (pinnedCode || summaryShown) {
      preloadWorkstreamView();
    }
  }, [pinnedCode, summaryShown]);

  const className: string = props.host === 'teams' ? `${classNames.root} ${classNames.rootTeams}` : classNames.root;
  // The theme's body colours also go inline, so the host's theme reaches the root whatever
  // stylesheet order the page ends up with.
  const style: React.CSSProperties = { background: theme.semanticColors.bodyBackground, color: theme.semanticColors.bodyText };

  let content: JSX.Element;
  const data: IProgrammeSummary | undefined = summary.data;
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
  } else if (data && access.data) {
    const periods = sortPeriods(data.periods);
    const workstreams: IWorkstream[] = data.workstreams.slice().sort((a, b) => a.order - b.order);
    const pinned: IWorkstream | undefined = pinnedCode ? findByCode(workstreams, pinnedCode) : undefined;
    const open: IWorkstream | undefined = pinned || workstreams.filter((w) => w.id === openId)[0];
    if (open) {
      content = (
        <WorkstreamView
          key={open.id}
          repository={props.repository}
          workstream={open}
          periods={periods}
          rights={access.data.rights}
          user={access.data.user}
          initialPeriodId={pinned ? undefined : openPeriodId}
          showOwed={!!pinned}
          onBack={
            pinned
              ? undefined
              : () => {
                  setOpenId(undefined);
                  if (stale) {
                    setStale(false);
                    summary.reload();
                  }
                }
          }
          onChanged={() => setStale(true)}
        />
      );
    } else {
      content = (
        <>
          {pinnedCode ? (
            <Notice kind="warning">{format(strings.UnknownWorkstreamCode, pinnedCode)}</Notice>
          ) : undefined}
          <ProgrammeView
            summary={{ ...data, periods }}
            onOpenWorkstream={(w, periodId) => {
              setOpenPeriodId(periodId);
              setOpenId(w.id);
            }}
            repository={props.repository}
            rights={access.data.rights}
            onChanged={summary.reload}
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
      <DashboardBody {...props} />
    </ThemeProvider>
  );
}
