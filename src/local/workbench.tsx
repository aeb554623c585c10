/**
 * The local workbench: the same ProgrammeDashboard the web part renders, against the local stack
 * through the same PnPjs repository, as any of the site's people — so anyone can see what a
 * programme office lead, a project manager, a sponsor and an IIB member each see and may do —
 * in SharePoint's or Teams' clothes and themes.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { spfi, SPBrowser } from '@pnp/sp';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { ChoiceGroup, type IChoiceGroupOption } from '@fluentui/react/lib/ChoiceGroup';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { registerOfflineIcons } from './offlineIcons';
import { BearerLogin, PnpRepository } from '../data/sharepoint/PnpRepository';
import type { IProgrammeRepository } from '../data/repository';
import { ProgrammeDashboard } from '../webparts/programmeDashboard/components/ProgrammeDashboard';
import { WORKBENCH_STRINGS as S } from './strings';
import { themeNamed, type ThemeName } from './themes';

/** A person of the site, as the local stack lists them. */
interface ISiteUser {
  login: string;
  name: string;
  groups: string[];
}

interface IWorkbenchState {
  login?: string;
  theme: ThemeName;
  host: 'sharepoint' | 'teams';
  workstreamCode: string;
}

const SITE_URL: string = `${window.location.origin}/sites/improvement`;
const WORKSTREAMS: Array<{ code: string; title: string }> = [
  { code: 'GOV', title: 'Governance and Decision Making' },
  { code: 'PROC', title: 'Procurement' },
  { code: 'PPD', title: 'Project Plans and Delivery' },
  { code: 'PART', title: 'Partnership Working' },
  { code: 'CCC', title: 'Confidence, Culture and Capacity' }
];

/** The state in the address, so a view can be shared or reloaded: ?as=…&theme=…&host=…&tab=… */
function readState(): IWorkbenchState {
  const q: URLSearchParams = new URLSearchParams(window.location.search);
  const theme: string | null = q.get('theme');
  return {
    login: q.get('as') || undefined,
    theme: theme === 'dark' || theme === 'contrast' ? theme : 'default',
    host: q.get('host') === 'teams' ? 'teams' : 'sharepoint',
    workstreamCode: q.get('tab') || ''
  };
}

function writeState(state: IWorkbenchState): void {
  const q: URLSearchParams = new URLSearchParams();
  if (state.login) {
    q.set('as', state.login);
  }
  if (state.theme !== 'default') {
    q.set('theme', state.theme);
  }
  if (state.host === 'teams') {
    q.set('host', 'teams');
  }
  if (state.workstreamCode) {
    q.set('tab', state.workstreamCode);
  }
  window.history.replaceState(undefined, '', `${window.location.pathname}${q.toString() ? `?${q.toString()}` : ''}`);
}

function Workbench(): JSX.Element {
  const [state, setState] = React.useState<IWorkbenchState>(readState);
  const [users, setUsers] = React.useState<ISiteUser[] | undefined>();
  const [failed, setFailed] = React.useState<boolean>(false);

  React.useEffect(() => {
    let live: boolean = true;
    fetch('/_emulator/users')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((list: ISiteUser[]) => {
        if (live) {
          setUsers(list);
        }
      })
      .catch(() => {
        if (live) {
          setFailed(true);
        }
      });
    return () => {
      live = false;
    };
  }, []);

  const update = (changes: Partial<IWorkbenchState>): void => {
    const next: IWorkbenchState = { ...state, ...changes };
    writeState(next);
    setState(next);
  };

  const login: string | undefined = state.login || (users && users[0] ? users[0].login : undefined);
  // One repository per person: the dashboard is remounted when the person changes.
  const repository: IProgrammeRepository | undefined = React.useMemo(
    () => (login ? new PnpRepository(spfi(SITE_URL).using(SPBrowser({ baseUrl: SITE_URL }), BearerLogin(login))) : undefined),
    [login]
  );
  const theme = themeNamed(state.theme);

  const userOptions: IDropdownOption[] = (users || []).map((u) => ({ key: u.login, text: `${u.name} (${u.groups.join(', ')})` }));
  const themeOptions: IChoiceGroupOption[] = [
    { key: 'default', text: S.ThemeDefault },
    { key: 'dark', text: S.ThemeDark },
    { key: 'contrast', text: S.ThemeContrast }
  ];
  const hostOptions: IChoiceGroupOption[] = [
    { key: 'sharepoint', text: S.HostSharePoint },
    { key: 'teams', text: S.HostTeams }
  ];
  const tabOptions: IDropdownOption[] = [{ key: '', text: S.WholeProgramme }, ...WORKSTREAMS.map((w) => ({ key: w.code, text: `${w.title} (${w.code})` }))];

  return (
    <ThemeProvider theme={theme} style={{ minHeight: '100vh', background: theme.semanticColors.bodyBackground, color: theme.semanticColors.bodyText }}>
      <header style={{ padding: '12px 16px', borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` }}>
        <h1 style={{ fontSize: 20, fontWeight: 600, margin: '0 0 4px' }}>{S.Title}</h1>
        <p style={{ margin: '0 0 8px' }}>{S.Intro}</p>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-end' }}>
          <div style={{ minWidth: 260, maxWidth: 420, flex: '1 1 260px' }}>
            {users ? (
              <Dropdown label={S.ActAs} options={userOptions} selectedKey={login} onChange={(_e, o) => o && update({ login: String(o.key) })} />
            ) : failed ? (
              <MessageBar messageBarType={MessageBarType.error}>{S.UsersFailed}</MessageBar>
            ) : (
              <Spinner label={S.LoadingUsers} />
            )}
          </div>
          <ChoiceGroup label={S.Theme} options={themeOptions} selectedKey={state.theme} onChange={(_e, o) => o && update({ theme: o.key as ThemeName })} styles={{ flexContainer: { display: 'flex', gap: 12 } }} />
          <ChoiceGroup label={S.Host} options={hostOptions} selectedKey={state.host} onChange={(_e, o) => o && update({ host: o.key as 'sharepoint' | 'teams' })} styles={{ flexContainer: { display: 'flex', gap: 12 } }} />
          {state.host === 'teams' ? (
            <div style={{ minWidth: 220 }}>
              <Dropdown label={S.TabWorkstream} options={tabOptions} selectedKey={state.workstreamCode} onChange={(_e, o) => o && update({ workstreamCode: String(o.key) })} />
            </div>
          ) : null}
        </div>
        <nav aria-label={S.OtherPages} style={{ marginTop: 8 }}>
          {S.OtherPages} <a href="/addin/taskpane.html" style={{ color: theme.semanticColors.link }}>{S.WordAddin}</a> ·{' '}
          <a href="/local" style={{ color: theme.semanticColors.link }}>{S.StackInfo}</a>
        </nav>
      </header>
      <main>
        {repository ? (
          <ProgrammeDashboard
            key={`${login}|${state.host}|${state.workstreamCode}`}
            repository={repository}
            theme={theme}
            host={state.host}
            workstreamCode={state.host === 'teams' && state.workstreamCode ? state.workstreamCode : undefined}
          />
        ) : null}
      </main>
    </ThemeProvider>
  );
}

registerOfflineIcons();
ReactDom.render(<Workbench />, document.getElementById('root'));
