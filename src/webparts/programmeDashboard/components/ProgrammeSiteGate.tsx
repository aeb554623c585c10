import * as React from 'react';
import * as strings from 'ProgrammeDashboardWebPartStrings';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import type { IProgrammeRepository } from '../../../data/repository';
import { useAsync } from '../hooks/useAsync';
import { isProgrammeSiteError, programmeSiteMessage, type ProgrammeSiteMessages, type ProgrammeSiteSource } from '../programmeSite';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { Notice } from './Notice';
import { ProgrammeDashboard, type IProgrammeDashboardProps } from './ProgrammeDashboard';
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
}

function GateBody(props: IProgrammeSiteGateProps): JSX.Element {
  const theme = useTheme();
  const classNames = useClassNames();
  const connection = useAsync(props.connect, [props.settingsKey]);
  if (connection.data) {
    return <ProgrammeDashboard {...props} repository={connection.data.repository} />;
  }
  let content: JSX.Element;
  if (connection.error !== undefined) {
    const error: unknown = connection.error;
    content = isProgrammeSiteError(error) ? (
      <Notice kind={error.problem === 'notSet' ? 'warning' : 'error'} action={{ text: strings.Retry, onClick: connection.reload }}>
        {programmeSiteMessage(error, programmeSiteMessages())}
      </Notice>
    ) : (
      <LoadError error={error} onRetry={connection.reload} />
    );
  } else {
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
