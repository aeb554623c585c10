/**
 * Settings fixed when the add-in is built. `config/build.mjs` replaces `ADDIN_BUILD_SETTINGS`
 * (esbuild `define`) with the values of the ADDIN_CLIENT_ID, ADDIN_HOST_URL and ADDIN_AUTHORITY
 * environment variables; a build without them (the local stack's) gets the defaults below.
 */

/** What the task pane needs to know about where it is deployed. */
export interface IAddinSettings {
  /** The app registration's client id (a GUID) for sign-in; '' when none was given. */
  clientId: string;
  /** Where the add-in's files are served, without a trailing slash. */
  hostUrl: string;
  /** The Microsoft Entra authority to sign in against. */
  authority: string;
}

/** The local stack's settings: no app registration, files served by `npm start`. */
export const DEFAULT_SETTINGS: IAddinSettings = {
  clientId: '',
  hostUrl: 'https://localhost:4321',
  // Work or school accounts of any tenant; a deployment names its own tenant.
  authority: 'https://login.microsoftonline.com/organizations'
};

declare const ADDIN_BUILD_SETTINGS: Partial<IAddinSettings> | undefined;

/** The settings this copy of the add-in was built with. */
export function addinSettings(): IAddinSettings {
  const built: Partial<IAddinSettings> = typeof ADDIN_BUILD_SETTINGS === 'undefined' ? {} : ADDIN_BUILD_SETTINGS || {};
  return {
    clientId: built.clientId || DEFAULT_SETTINGS.clientId,
    hostUrl: (built.hostUrl || DEFAULT_SETTINGS.hostUrl).replace(/\/+$/, ''),
    authority: built.authority || DEFAULT_SETTINGS.authority
  };
}
