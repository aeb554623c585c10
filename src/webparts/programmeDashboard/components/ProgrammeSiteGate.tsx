import * as React from 'react';
import { strings } from '../loc/strings';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import type { IProgrammeRepository } from '../../../data/repository';
import { useAsync } from '../../../ui/useAsync';
import { isProgrammeSiteError, programmeSiteMessage, type ProgrammeSiteMessages, type ProgrammeSiteSource } from '../programmeSite';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { Notice } from './Notice';
import { ProgrammeDashboard, type IProgrammeDashboardProps } from './ProgrammeDashboard';
import { SiteSetup, type ISiteSetup } from './SiteSetup';
import { useClassNames } from './useClassNames';

/** The messages for each problem with the programme site, from the loc file. */
export function programmeSiteMessages(): ProgrammeSiteMessages {
  return {
    notSet: strings.ProgrammeSiteNotSet,
    invalidUrl: strings.ProgrammeSiteInvalidUrl,
    otherHost: strings.ProgrammeSiteOtherHost,
    siteNotFound: strings.ProgrammeSiteNotFound,
    listsMissing: strings.ProgrammeSiteListsMissing,
    forbidden: strings.ProgrammeSiteForbidden,
    unreachable: strings.ProgrammeSiteUnreachable
  };
}

/** The programme site found for this web part, and the repository over its lists. */
export interface IProgrammeConnection {
  siteUrl: string;
  source: ProgrammeSiteSource;
  repository: IProgrammeRepository;
  /**
   * Whether the person manages the site's lists, asked with the dashboard's first reads (one
   * $batch); without it, "Set up this site" asks on its own.
   */
  canSetUp?: () => Promise<boolean>;
  /** Settles once the dashboard's first reads are done: the lists' check waits for it (see {@link ISiteSetup}). */
  landed?: () => Promise<void>;
  /** Calls back when a read was refused for a list or column the site lacks; gives a way to stop listening. */
  onListsDoubted?: (listener: () => void) => () => void;
  /**
   * For a site remembered by the session or guessed, not found: settles with the repository's first
   * $batch, which checks the site; rejects when it turned out not to be the programme site (or
   * not usable), and the site is then found again. Absent when the site was found and checked.
   */
  proven?: Promise<void>;
}

/** Props of {@link ProgrammeSiteGate}. */
export interface IProgrammeSiteGateProps extends Omit<IProgrammeDashboardProps, 'repository'> {
  /**
   * Finds the programme site and gives a repository over it; throws a ProgrammeSiteError when
   * there is none to be had. Called again on "Try again"; its identity is not a dependency.
   */
  connect: () => Promise<IProgrammeConnection>;
  /** Changes when the settings that decide the site change, so the site is found again. */
  settingsKey?: string;
  /** "Set up this site" for those who manage the lists; none where the host cannot provision. */
  setup?: ISiteSetup;
}

function GateBody(props: IProgrammeSiteGateProps): JSX.Element {
  const theme = useTheme();
  const classNames = useClassNames();
  const connection = useAsync(props.connect, [props.settingsKey]);
  const [generation, setGeneration] = React.useState<number>(0);
  const connected: IProgrammeConnection | undefined = connection.data;
  const reload: () => void = connection.reload;
  // A remembered or guessed site that fails its check is found again; meanwhile the dashboard over
  // it (whose reads gave nothing out) makes way for the site being checked.
  const [refused, setRefused] = React.useState<IProgrammeConnection | undefined>(undefined);
  React.useEffect(() => {
    let current: boolean = true;
    if (connected && connected.proven) {
      connected.proven.catch(() => {
        if (current) {
          setRefused(connected);
          reload();
        }
      });
    }
    return () => {
      current = false;
    };
  }, [connected]);
  const setup: ISiteSetup | undefined = props.setup;
  // The connection's own question, where it has one, so it goes with the dashboard's first reads;
  // the lists' check waits until those reads are done, or until one says the lists lack something.
  const checkSetup: ISiteSetup | undefined = React.useMemo(
    () => (setup && connected && connected.canSetUp ? { ...setup, canSetUp: connected.canSetUp, landed: connected.landed, onListsDoubted: connected.onListsDoubted } : setup),
    [setup, connected]
  );
  if (connection.data && connection.data !== refused) {
    const siteUrl: string = connection.data.siteUrl;
    return (
      <>
        {checkSetup ? (
          <SiteSetup key={siteUrl} setup={checkSetup} siteUrl={siteUrl} mode="check" onDone={() => setGeneration(generation + 1)} />
        ) : null}
        <ProgrammeDashboard key={generation} {...props} repository={connection.data.repository} />
      </>
    );
  }
  let content: JSX.Element;
  if (connection.error !== undefined) {
    const error: unknown = connection.error;
    // The lists can be set up where they are missing: on the site named, or — on a SharePoint
    // page with no setting — the site the page is on. Never on a team's site from its tab.
    const setUpAt: string | undefined =
      isProgrammeSiteError(error) && (error.problem === 'listsMissing' || (error.problem === 'notSet' && props.host !== 'teams')) ? error.siteUrl : undefined;
    content = isProgrammeSiteError(error) ? (
      <>
        <Notice kind={error.problem === 'notSet' ? 'warning' : 'error'} action={{ text: strings.Retry, onClick: connection.reload }}>
          {programmeSiteMessage(error, programmeSiteMessages())}
        </Notice>
        {props.setup && setUpAt ? <SiteSetup setup={props.setup} siteUrl={setUpAt} mode="missing" onDone={connection.reload} /> : null}
      </>
    ) : (
      <LoadError error={error} onRetry={connection.reload} />
    );
  } else {
    // Also while a remembered or guessed site that failed its check is found again.
    content = <Loading label={strings.ProgrammeSiteChecking} />;
  }
  const className: string = props.host === 'teams' ? `${classNames.root} ${classNames.rootTeams}` : classNames.root;
  return (
    <div className={className} style={{ background: theme.semanticColors.bodyBackground, color: theme.semanticColors.bodyText }} lang="en-GB" data-host={props.host || 'sharepoint'}>
      {content}
    </div>
  );
}

/**
 * The dashboard over the programme site: finds the site (the web part's setting, the tenant's,
 * or the current site), then shows the dashboard over its lists, or says plainly why it cannot.
 */
export function ProgrammeSiteGate(props: IProgrammeSiteGateProps): JSX.Element {
  return (
    <ThemeProvider theme={props.theme}>
      <GateBody {...props} />
    </ThemeProvider>
  );
}
