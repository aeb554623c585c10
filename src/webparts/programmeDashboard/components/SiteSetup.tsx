import * as React from 'react';
import { strings } from '../loc/strings';
import { describeLoadError } from './loadErrorText';
import { format } from './format';
import { Notice } from './Notice';

/** What setting up a site needs: whether the person may, what would change, and doing it. */
export interface ISiteSetup {
  /** Whether the person manages the site's lists (SharePoint's Manage Lists on the site). */
  canSetUp(siteUrl: string): Promise<boolean>;
  /** How many changes would bring the site's lists up to the product's. */
  changesNeeded(siteUrl: string): Promise<number>;
  /**
   * Whether this browser found the site's lists up to date with this release's schema lately (a
   * lasting hint: listsChecked.ts): the check is then not made, unless a read says the lists lack
   * something. Absent: the lists are checked every time.
   */
  checkedLately?(siteUrl: string): boolean;
  /** Settles once the screen's first reads are done: the check waits for it, so as not to compete with them. */
  landed?(): Promise<void>;
  /** Calls back when a read was refused for a list or column the site lacks (the check is made then); gives a way to stop listening. */
  onListsDoubted?(listener: () => void): () => void;
  /** Creates or upgrades the lists; reports each change done; gives how many were made. */
  setUp(siteUrl: string, onProgress: (done: number, total: number) => void): Promise<number>;
}

/** Props of {@link SiteSetup}. */
export interface ISiteSetupProps {
  setup: ISiteSetup;
  siteUrl: string;
  /** 'missing': the site has not got the lists; 'check': see whether they are out of date. */
  mode: 'missing' | 'check';
  /** Called once the lists are set up, to load the dashboard (again). */
  onDone: () => void;
}

type SetupState =
  | { state: 'idle' }
  | { state: 'offer'; changes?: number }
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; changes: number }
  | { state: 'failed'; error: unknown };

/**
 * "Set up this site": for someone who manages the site's lists, creates the programme's lists
 * where they are missing, or brings older lists up to date — the same code as `npm run provision`.
 * Shows nothing to anyone else, and nothing when the lists are up to date.
 */
export function SiteSetup(props: ISiteSetupProps): JSX.Element | null {
  const [state, setState] = React.useState<SetupState>({ state: 'idle' });
  // A read refused for a list or column the site lacks: the lists are checked whatever the hint says.
  const [doubted, setDoubted] = React.useState<boolean>(false);
  const { setup, siteUrl, mode } = props;

  React.useEffect(() => (mode === 'check' && setup.onListsDoubted ? setup.onListsDoubted(() => setDoubted(true)) : undefined), [setup, mode]);

  React.useEffect(() => {
    let live: boolean = true;
    (async (): Promise<SetupState> => {
      if (!(await setup.canSetUp(siteUrl))) {
        return { state: 'idle' };
      }
      if (mode === 'missing') {
        return { state: 'offer' };
      }
      // Found up to date lately by this browser: not checked on every landing.
      if (!doubted && setup.checkedLately && setup.checkedLately(siteUrl)) {
        return { state: 'idle' };
      }
      if (setup.landed) {
        await setup.landed();
      }
      const changes: number = await setup.changesNeeded(siteUrl);
      return changes > 0 ? { state: 'offer', changes } : { state: 'idle' };
    })().then(
      // A check again (a read doubted the lists) never takes the place of a set-up under way or done.
      (next) => live && setState((now) => (now.state === 'idle' || now.state === 'offer' ? next : now)),
      // Not knowing whether the person may set up the site is no reason to bother them.
      () => live && setState((now) => (now.state === 'offer' ? { state: 'idle' } : now))
    );
    return () => {
      live = false;
    };
  }, [setup, siteUrl, mode, doubted]);

  const run = (): void => {
    setState({ state: 'running', done: 0, total: 0 });
    setup.setUp(siteUrl, (done, total) => setState({ state: 'running', done, total })).then(
      (changes) => {
        setState({ state: 'done', changes });
        props.onDone();
      },
      (error: unknown) => setState({ state: 'failed', error })
    );
  };

  switch (state.state) {
    case 'offer':
      return (
        <Notice kind="warning" action={{ text: state.changes === undefined ? strings.SetUpSite : strings.UpdateLists, onClick: run }}>
          {state.changes === undefined ? format(strings.SetUpSiteOffer, siteUrl) : format(strings.ListsOutOfDate, siteUrl, String(state.changes))}
        </Notice>
      );
    case 'running':
      return <Notice kind="warning">{format(strings.SettingUpSite, String(state.done), String(state.total || '…'))}</Notice>;
    case 'done':
      return <Notice kind="warning">{format(strings.SetUpSiteDone, siteUrl, String(state.changes))}</Notice>;
    case 'failed':
      return (
        <Notice kind="error" action={{ text: strings.SetUpSite, onClick: run }}>
          {format(strings.SetUpSiteFailed, describeLoadError(state.error))}
        </Notice>
      );
    default:
      return null;
  }
}
