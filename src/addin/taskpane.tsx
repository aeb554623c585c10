/**
 * The Word add-in's task pane page: finds out whether it runs in Word (office.js from Microsoft's
 * CDN, with a time limit), chooses how to reach the data — the local stack it was served from,
 * or a tenant's SharePoint with MSAL sign-in — and renders the pane.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { registerOfflineIcons } from '../local/offlineIcons';
import { signInDialogRequest } from './auth/signInDialog';
import { localSiteAccess, type ISiteAccess } from './data/connect';
import { isLocalOrigin } from './data/site';
import { STRINGS } from './loc/en-gb';
import { detectHost, officeTimeoutMs, type IHostInfo } from './office/host';
import { addinSettings, type IAddinSettings } from './settings';
import { TaskPane } from './components/TaskPane';
import { WordDocument } from './word/wordDocument';

/** The task pane page's own address: the redirect URI of every sign-in (NAA on the web, the dialog). */
function taskPaneUrl(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

/**
 * How the pane reaches the data: the local stack it was served from, or a tenant's SharePoint
 * with MSAL sign-in, whose code comes in a chunk of its own (asked for here, before office.js has
 * loaded, so it arrives meanwhile).
 */
function siteAccess(settings: IAddinSettings): Promise<ISiteAccess> {
  const origin: string = window.location.origin;
  if (isLocalOrigin(origin)) {
    return Promise.resolve(localSiteAccess(origin));
  }
  return import('./auth/tenantAccess').then((m) => m.tenantAccess(settings, taskPaneUrl()));
}

/** The page as the sign-in dialog: MSAL's redirect flow, then the tokens back to the pane. */
async function signInDialog(root: HTMLElement, scopeSets: string[][]): Promise<void> {
  ReactDom.render(<Spinner label={STRINGS.SigningIn} styles={{ root: { marginTop: 48 } }} />, root);
  await detectHost(document, officeTimeoutMs(window.location, true));
  // Not the host kind: what Office.onReady says inside a dialog is not documented; messageParent is what is needed.
  if (typeof Office === 'undefined' || !Office.context || !Office.context.ui || typeof Office.context.ui.messageParent !== 'function') {
    // Opened by hand, not by the add-in's Sign in button: there is no task pane to answer.
    ReactDom.render(<p style={{ margin: 16 }}>{STRINGS.SignInDialogOutside}</p>, root);
    return;
  }
  const settings: IAddinSettings = addinSettings();
  const [msal, { runSignInDialog }] = await Promise.all([import('@azure/msal-browser'), import('./auth/signInDialogRun')]);
  await runSignInDialog({
    scopeSets,
    clientId: settings.clientId,
    authority: settings.authority,
    redirectUri: taskPaneUrl(),
    createApplication: (c) => msal.createStandardPublicClientApplication(c),
    send: (message: string) => Office.context.ui.messageParent(message),
    storage: window.sessionStorage
  });
}

async function main(): Promise<void> {
  registerOfflineIcons();
  const root: HTMLElement | null = document.getElementById('root');
  // The page found this engine unable to run the shipped pane and says so (taskpane.html).
  if (!root || (window as unknown as { phUnsupported?: boolean }).phUnsupported) {
    return;
  }
  const dialogRequest: string[][] | undefined = signInDialogRequest(window.location, window.sessionStorage);
  if (dialogRequest) {
    await signInDialog(root, dialogRequest);
    return;
  }
  ReactDom.render(<Spinner label={STRINGS.LoadingOffice} styles={{ root: { marginTop: 48 } }} />, root);
  const accessing: Promise<ISiteAccess> = siteAccess(addinSettings());
  // Settled now, so that a chunk that cannot be fetched is not an unhandled rejection while Office loads.
  accessing.catch(() => undefined);
  const host: IHostInfo = await detectHost(document, officeTimeoutMs(window.location, window.parent !== window));
  let access: ISiteAccess;
  try {
    access = await accessing;
  } catch (e) {
    console.error(e);
    ReactDom.render(<p role="alert" style={{ margin: 16 }}>{STRINGS.ErrorLoadingPart}</p>, root);
    return;
  }
  ReactDom.render(<TaskPane host={host.kind} word={host.kind === 'word' ? new WordDocument() : undefined} access={access} />, root);
}

main().catch((e: unknown) => {
  console.error(e);
});
