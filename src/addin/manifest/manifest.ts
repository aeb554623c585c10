/**
 * The add-in's XML manifest (Office Add-ins manifest 1.1, TaskPaneApp for Word), filled in from
 * manifest.template.xml. Pure: config/build.mjs reads the template and the environment, calls
 * these functions and writes the files.
 */
import { DEFAULT_SETTINGS, type IAddinSettings } from '../settings';

/** The deployed add-in's id: fixed, so an updated manifest replaces the installed add-in. */
export const ADDIN_ID: string = '9af597f0-6471-462f-b885-6d26985445a4';
/** The local stack's add-in: another id, so both can be sideloaded side by side. */
export const LOCAL_ADDIN_ID: string = '672cfa18-1653-4e8f-8404-136a903624f3';
/** The local stack's host for sideloading (npm start serves https on the same port). */
export const LOCAL_HOST_URL: string = 'https://localhost:4321';

const GUID: RegExp = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The build settings read from the environment, with what is wrong or worth a warning. */
export interface ISettingsFromEnvironment {
  settings: IAddinSettings;
  /** Settings that cannot be used: the build must stop. */
  errors: string[];
  /** Settings left at their local defaults: the build goes on, saying so. */
  warnings: string[];
}

function httpsUrl(value: string): boolean {
  try {
    const url: URL = new URL(value);
    return url.protocol === 'https:' && !url.search && !url.hash && !url.username;
  } catch {
    return false;
  }
}

/** Reads ADDIN_HOST_URL, ADDIN_CLIENT_ID and ADDIN_AUTHORITY; unset ones take the local stack's defaults. */
export function settingsFromEnvironment(env: { [name: string]: string | undefined }): ISettingsFromEnvironment {
  const errors: string[] = [];
  const warnings: string[] = [];
  const hostUrl: string = (env.ADDIN_HOST_URL || '').trim().replace(/\/+$/, '');
  const clientId: string = (env.ADDIN_CLIENT_ID || '').trim();
  const authority: string = (env.ADDIN_AUTHORITY || '').trim().replace(/\/+$/, '');
  if (!hostUrl) {
    warnings.push(`ADDIN_HOST_URL is not set: the manifest points at ${DEFAULT_SETTINGS.hostUrl} (the local stack). Set it to where taskpane.html will be served, e.g. https://addins.contoso.org.`);
  } else if (!httpsUrl(hostUrl)) {
    errors.push(`ADDIN_HOST_URL must be an https address without query or fragment, not "${hostUrl}".`);
  }
  if (!clientId) {
    warnings.push('ADDIN_CLIENT_ID is not set: the add-in cannot sign in to Microsoft 365 (the local stack needs no sign-in). Set it to the app registration\u2019s client id.');
  } else if (!GUID.test(clientId)) {
    errors.push(`ADDIN_CLIENT_ID must be the app registration's client id (a GUID), not "${clientId}".`);
  }
  if (authority && !httpsUrl(authority)) {
    errors.push(`ADDIN_AUTHORITY must be an https address such as https://login.microsoftonline.com/<tenant id>, not "${authority}".`);
  }
  return {
    settings: {
      hostUrl: hostUrl || DEFAULT_SETTINGS.hostUrl,
      clientId,
      authority: authority || DEFAULT_SETTINGS.authority
    },
    errors,
    warnings
  };
}

/** Escapes a value for XML text or a quoted attribute. */
export function escapeXmlValue(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** An npm version ("0.1.0") as the four-part version a manifest needs ("0.1.0.0"). */
export function manifestVersion(version: string): string {
  const parts: string[] = (/^(\d+)\.(\d+)\.(\d+)/.exec(version) || ['', '0', '1', '0']).slice(1);
  return [...parts, '0'].join('.');
}

/** What goes into one manifest. */
export interface IManifestOptions {
  settings: IAddinSettings;
  /** The package's npm version. */
  version: string;
  /** The local stack's manifest (its own id and name) or the deployed one. */
  local: boolean;
}

/** The values of the template's `{{NAME}}` placeholders. */
export function manifestValues(options: IManifestOptions): { [name: string]: string } {
  return {
    ADDIN_ID: options.local ? LOCAL_ADDIN_ID : ADDIN_ID,
    VERSION: manifestVersion(options.version),
    DISPLAY_NAME: options.local ? 'Programme Highlights (local stack)' : 'Programme Highlights',
    HOST_URL: options.settings.hostUrl.replace(/\/+$/, '')
  };
}

/**
 * Fills the template. Every value is XML-escaped. A placeholder without a value fails.
 *
 * There is no WebApplicationInfo: it serves Office's legacy single sign-on (getAccessToken) only.
 * Sign-in is MSAL's nested app authentication or MSAL in an Office dialog, which take the app
 * registration from the build's ADDIN_CLIENT_ID, not from the manifest.
 */
export function renderManifest(template: string, options: IManifestOptions): string {
  const values: { [name: string]: string } = manifestValues(options);
  const xml: string = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole: string, name: string) => {
    if (!(name in values)) {
      throw new Error(`The manifest template has an unknown placeholder ${whole}.`);
    }
    return escapeXmlValue(values[name]);
  });
  return xml;
}
