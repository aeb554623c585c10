/**
 * Finding out where the task pane runs. office.js must come from Microsoft's CDN, referenced in the
 * page's <head> (taskpane.html); offline, or in a plain browser tab, it may fail, so the page's
 * own load of it is checked, a page without it loads it with a time limit, and
 * every part of `Office` and `Word` is checked before use (outside Office, `Office.onReady`
 * resolves with host null, `Word` is undefined and `Office.context.requirements` is undefined).
 */

/** Microsoft's CDN copy of office.js: the only supported one for a deployed add-in. */
export const OFFICE_JS_URL: string = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Where the pane runs: Word able to run the add-in, a Word too old for it, or not Word at all. */
export type HostKind = 'word' | 'wordTooOld' | 'outside';

/** What the pane learnt about its host. */
export interface IHostInfo {
  kind: HostKind;
}

/** How long to wait for office.js: briefly in a browser tab, longer when Office hosts the page. */
export function officeTimeoutMs(location: { search: string }, framed: boolean): number {
  // Office adds _host_Info to the task pane's address; a slow network there must not make the
  // pane think it is outside Word.
  return /[?&]_host_Info=/i.test(location.search) || framed ? 20000 : 3000;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    const timer: ReturnType<typeof setTimeout> = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value: T) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      }
    );
  });
}

/** Adds the office.js script to the page; resolves true once it has run, false if it failed. */
export function loadOfficeJs(doc: Document, url: string = OFFICE_JS_URL): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const script: HTMLScriptElement = doc.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    doc.head.appendChild(script);
  });
}

/** Whether the page already has a script element for this address. */
function hasScript(doc: Document, url: string): boolean {
  return Array.from(doc.getElementsByTagName('script')).some((script: HTMLScriptElement) => script.getAttribute('src') === url);
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/** Classifies the host once office.js has said it is ready. */
export function classifyHost(info: { host: Office.HostType | null } | undefined): HostKind {
  const office: typeof Office | undefined = officeGlobal();
  if (!info || !office || info.host !== office.HostType.Word || typeof Word === 'undefined') {
    return 'outside';
  }
  const requirements: Office.RequirementSetSupport | undefined = office.context ? office.context.requirements : undefined;
  if (!requirements || !requirements.isSetSupported('WordApi', '1.3')) {
    return 'wordTooOld';
  }
  return 'word';
}

/**
 * Loads office.js (unless the page already has it) and waits for `Office.onReady`, each within
 * the time limit; anything that fails or takes too long means the pane is outside Word.
 */
export async function detectHost(doc: Document, timeoutMs: number, url: string = OFFICE_JS_URL): Promise<IHostInfo> {
  if (!officeGlobal() && hasScript(doc, url)) {
    // The page's own <head> loads office.js before this runs: if Office is not there, it failed.
    return { kind: 'outside' };
  }
  if (!officeGlobal()) {
    const loaded: boolean | undefined = await withTimeout(loadOfficeJs(doc, url), timeoutMs);
    if (!loaded) {
      return { kind: 'outside' };
    }
  }
  const office: typeof Office | undefined = officeGlobal();
  if (!office || typeof office.onReady !== 'function') {
    return { kind: 'outside' };
  }
  const info: { host: Office.HostType | null } | undefined = await withTimeout(office.onReady(), timeoutMs);
  return { kind: classifyHost(info) };
}
