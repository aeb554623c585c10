/**
 * The local workbench: the same ProgrammeDashboard the web part renders, against the local stack
 * through the same PnPjs repository, as any of the site's people — so anyone can see what a
 * programme office lead, a project manager, a sponsor and an IIB member each see and may do —
 * in SharePoint's or Teams' clothes and themes, in any site of the local tenant: a Teams tab runs
 * in its team's site and finds the programme site as the web part does.
 *
 * The address carries the whole view, so any view can be linked, screenshotted and tested:
 * `/?host=teams&web=/sites/gov&workstream=GOV&as=<login>&theme=dark` (and `programme=<site>` for
 * the tab's own programme site setting, `settings=1` to open the tab's settings).
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
import { DefaultButton } from '@fluentui/react/lib/Button';
import { BearerLogin } from '../data/sharepoint/PnpRepository';
import { ProgrammeSiteGate } from '../webparts/programmeDashboard/components/ProgrammeSiteGate';
import { PAGE_ADDRESS, parseViewState, withViewState } from '../webparts/programmeDashboard/components/viewAddress';
import { connectProgrammeSite, siteSetupFor } from '../webparts/programmeDashboard/connect';
import { TabSettings } from './TabSettings';
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
  /** The site the web part runs in, server-relative: a Teams tab's team site, e.g. /sites/gov. */
  web: string;
  /** The tab's workstream (a Teams tab only). */
  workstreamCode: string;
  /** The web part's own programme site setting ('' for none: the tenant's, or the current site). */
  programme: string;
  /** The tab's settings are open. */
  settings: boolean;
}

/** Where the web part runs unless the address says otherwise: the programme site, as on a SharePoint page. */
const DEFAULT_WEB: string = '/sites/improvement';

/** A server-relative site path from the address: "/sites/gov", "/" for the tenant root. */
function webPath(value: string | null): string {
  const text: string = (value || '').trim();
  if (text === '') {
    return DEFAULT_WEB;
  }
  const path: string = `/${text.replace(/^\/+/, '').replace(/\/+$/, '')}`;
  return /^\/[A-Za-z0-9/_.-]*$/.test(path) ? path : DEFAULT_WEB;
}

/** The state in the address, so a view can be shared or reloaded (`tab` is the older name of `workstream`). */
function readState(): IWorkbenchState {
  const q: URLSearchParams = new URLSearchParams(window.location.search);
  const theme: string | null = q.get('theme');
  return {
    login: q.get('as') || undefined,
    theme: theme === 'dark' || theme === 'contrast' ? theme : 'default',
    host: q.get('host') === 'teams' ? 'teams' : 'sharepoint',
    web: webPath(q.get('web')),
    workstreamCode: q.get('workstream') || q.get('tab') || '',
    programme: q.get('programme') || '',
    settings: q.get('settings') === '1'
  };
}

function writeState(state: IWorkbenchState): void {
  // The dashboard's own view (period, workstream) stays in the address beside the workbench's.
  const q: URLSearchParams = new URLSearchParams(withViewState('', parseViewState(window.location.search)));
  if (state.login) {
    q.set('as', state.login);
  }
  if (state.theme !== 'default') {
    q.set('theme', state.theme);
  }
  if (state.host === 'teams') {
    q.set('host', 'teams');
  }
  if (state.web !== DEFAULT_WEB) {
    q.set('web', state.web);
  }
  if (state.workstreamCode) {
    q.set('workstream', state.workstreamCode);
  }
  if (state.programme) {
    q.set('programme', state.programme);
  }
  if (state.settings) {
    q.set('settings', '1');
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
  // PnPjs for any site of the local tenant, as the person chosen: what SPFx's context gives the web part.
  const spFor = React.useCallback(
    (siteUrl: string) => spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), BearerLogin(login || '')),
    [login]
  );
  const setup = React.useMemo(() => siteSetupFor(spFor), [spFor]);
  const currentWebUrl: string = `${window.location.origin}${state.web === '/' ? '' : state.web}`;
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
          <p style={{ margin: 0 }}>
            {S.SiteInUse} <code>{state.web}</code>
          </p>
          {state.host === 'teams' && !state.settings ? <DefaultButton text={S.OpenTabSettings} onClick={() => update({ settings: true })} /> : null}
        </div>
        {state.host === 'teams' && state.settings && login ? (
          <TabSettings
            key={`${login}|${state.web}`}
            programmeSite={state.programme}
            workstreamCode={state.workstreamCode}
            currentWebUrl={currentWebUrl}
            spFor={spFor}
            onSave={(programme, workstreamCode) => update({ programme, workstreamCode, settings: false })}
            onCancel={() => update({ settings: false })}
          />
        ) : null}
        <nav aria-label={S.OtherPages} style={{ marginTop: 8 }}>
          {S.OtherPages} <a href="/addin/taskpane.html" style={{ color: theme.semanticColors.link }}>{S.WordAddin}</a> ·{' '}
          <a href="/local" style={{ color: theme.semanticColors.link }}>{S.StackInfo}</a>
        </nav>
      </header>
      <main>
        {login ? (
          <ProgrammeSiteGate
            key={`${login}|${state.host}|${state.web}|${state.programme}|${state.workstreamCode}`}
            connect={() => connectProgrammeSite({ webPartSetting: state.programme, currentWebUrl, spFor })}
            setup={setup}
            theme={theme}
            host={state.host}
            workstreamCode={state.host === 'teams' && state.workstreamCode ? state.workstreamCode : undefined}
            address={PAGE_ADDRESS}
          />
        ) : null}
      </main>
    </ThemeProvider>
  );
}

registerOfflineIcons();
ReactDom.render(<Workbench />, document.getElementById('root'));
