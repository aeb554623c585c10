/**
 * The dashboard's view in the page address, so any view can be linked and reloaded: which period
 * and which workstream, or a phase's close-down table. They go in the query string under names of the product's own
 * (`phPeriod`, `phWorkstream`), beside whatever else the page's address carries, because a
 * SharePoint page keeps unknown query parameters and its own hash routing is left alone.
 *
 * UNCONFIRMED (not found in Microsoft's docs): that `history.replaceState` on a modern SharePoint
 * page's URL survives SharePoint's own navigation. A Teams tab's frame address is not the one
 * people share: a Teams deep link carries the view in `subEntityId` (TeamsJS `app.getContext()` →
 * `page.subPageId`), which {@link parseViewState} reads in the same format, and
 * {@link teamsDeepLink} writes.
 */

/** The view a page address records. */
export interface IViewState {
  /** The reporting period's id. */
  periodId?: number;
  /** The workstream's code (stable and readable in a link, unlike its id). */
  workstreamCode?: string;
  /** The phase whose close-down table is open (issue 16). */
  closeDownPhaseId?: number;
  /** The workstream (by code) whose journey across phases is open (issue 16). */
  journeyCode?: string;
}

/** The query parameter of the period. */
export const PERIOD_PARAM: string = 'phPeriod';
/** The query parameter of the workstream. */
export const WORKSTREAM_PARAM: string = 'phWorkstream';
/** The query parameter of the phase whose close-down is open. */
export const CLOSE_DOWN_PARAM: string = 'phCloseDown';
/** The query parameter of the workstream whose journey across phases is open. */
export const JOURNEY_PARAM: string = 'phJourney';

/**
 * Reads the view from a query string ("?phPeriod=2&phWorkstream=GOV") or a Teams subEntityId in
 * the same form ("phPeriod=2&phWorkstream=GOV"). Anything malformed is ignored, never guessed.
 */
export function parseViewState(search: string | undefined): IViewState {
  const q: URLSearchParams = new URLSearchParams((search || '').replace(/^[?#]/, ''));
  const state: IViewState = {};
  const period: string | null = q.get(PERIOD_PARAM);
  if (period !== null && /^\d{1,9}$/.test(period.trim())) {
    state.periodId = Number(period.trim());
  }
  const code: string | null = q.get(WORKSTREAM_PARAM);
  if (code !== null && code.trim() !== '' && code.length <= 64) {
    state.workstreamCode = code.trim();
  }
  const phase: string | null = q.get(CLOSE_DOWN_PARAM);
  if (phase !== null && /^\d{1,9}$/.test(phase.trim())) {
    state.closeDownPhaseId = Number(phase.trim());
  }
  const journey: string | null = q.get(JOURNEY_PARAM);
  if (journey !== null && journey.trim() !== '' && journey.length <= 64) {
    state.journeyCode = journey.trim();
  }
  return state;
}

/** The query string with the view written into it, every other parameter kept as it was. */
export function withViewState(search: string, state: IViewState): string {
  const q: URLSearchParams = new URLSearchParams(search.replace(/^\?/, ''));
  q.delete(PERIOD_PARAM);
  q.delete(WORKSTREAM_PARAM);
  q.delete(CLOSE_DOWN_PARAM);
  q.delete(JOURNEY_PARAM);
  if (state.periodId !== undefined) {
    q.set(PERIOD_PARAM, String(state.periodId));
  }
  if (state.workstreamCode) {
    q.set(WORKSTREAM_PARAM, state.workstreamCode);
  }
  if (state.closeDownPhaseId !== undefined) {
    q.set(CLOSE_DOWN_PARAM, String(state.closeDownPhaseId));
  }
  if (state.journeyCode) {
    q.set(JOURNEY_PARAM, state.journeyCode);
  }
  const text: string = q.toString();
  return text ? `?${text}` : '';
}

/** A page address that opens on the view: the same page, its other parameters and hash kept. */
export function linkToView(href: string, state: IViewState): string {
  const url: URL = new URL(href);
  url.search = withViewState(url.search, state);
  return url.toString();
}

/** A Teams tab, as a deep link to it needs it. */
export interface ITeamsTab {
  /**
   * The Teams app's id. TeamsJS does not give it to a tab (microsoft-teams-library-js #381,
   * #1860), so it is the web part's component id — the id SharePoint gives the Teams app it makes
   * for an SPFx solution — unless the web part's properties name another.
   * UNCONFIRMED: that a link with the manifest's id opens on Teams for iOS; msteams-docs #5881
   * reports iOS needs the id the Teams admin centre shows for the org's catalogue app.
   */
  appId: string;
  /** The tab's entity id (TeamsJS `page.id`). */
  entityId: string;
  /** The channel, for a channel tab (TeamsJS `channel.id`). */
  channelId?: string;
  /** The link's label. */
  label?: string;
}

/**
 * A Teams deep link to a tab that opens it on the view: `https://teams.microsoft.com/l/entity/
 * <appId>/<entityId>?label=…&context={"subEntityId": "phPeriod=2&phWorkstream=GOV", "channelId": …}`
 * (Microsoft's "Deep link to an application"); the tab reads the view back from its context's
 * `page.subPageId`.
 */
export function teamsDeepLink(tab: ITeamsTab, state: IViewState): string {
  const context: { subEntityId: string; channelId?: string } = { subEntityId: withViewState('', state).replace(/^\?/, '') };
  if (tab.channelId) {
    context.channelId = tab.channelId;
  }
  const query: string[] = [];
  if (tab.label) {
    query.push(`label=${encodeURIComponent(tab.label)}`);
  }
  query.push(`context=${encodeURIComponent(JSON.stringify(context))}`);
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(tab.appId)}/${encodeURIComponent(tab.entityId)}?${query.join('&')}`;
}

/** Where the dashboard keeps its view: the page's address in a host, nowhere in a bare render. */
export interface IViewAddress {
  /** The view recorded when the dashboard opens. */
  read(): IViewState;
  /** Records the view on screen. */
  write(state: IViewState): void;
  /** An address that opens on a view; absent where there is none to share (a Teams tab's frame). */
  link?: (state: IViewState) => string;
}

/** The page's own address (the web part on a SharePoint page, the local workbench). */
export const PAGE_ADDRESS: IViewAddress = {
  read: () => currentViewState(),
  write: (state) => recordViewState(state),
  link: (state) => linkToView(window.location.href, state)
};

/** The view in this page's address (nothing outside a browser). */
export function currentViewState(): IViewState {
  return typeof window === 'undefined' ? {} : parseViewState(window.location.search);
}

/** Records the view in this page's address without reloading or adding a history entry. */
export function recordViewState(state: IViewState): void {
  if (typeof window === 'undefined' || !window.history || typeof window.history.replaceState !== 'function') {
    return;
  }
  const next: string = linkToView(window.location.href, state);
  if (next !== window.location.href) {
    window.history.replaceState(window.history.state, '', next);
  }
}

/**
 * Copies text to the clipboard: the Clipboard API where the page may use it, else the older
 * `execCommand('copy')` on a hidden field (Teams' and older webviews). Resolves false when
 * neither worked, so the caller can show the link to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not a secure context, a frame without clipboard-write): try the old way.
  }
  if (typeof document === 'undefined' || typeof document.execCommand !== 'function') {
    return false;
  }
  const field: HTMLTextAreaElement = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.appendChild(field);
  const focused: Element | null = document.activeElement;
  try {
    field.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    document.body.removeChild(field);
    if (focused instanceof HTMLElement) {
      focused.focus();
    }
  }
}
