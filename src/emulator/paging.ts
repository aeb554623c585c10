/**
 * Paging of list items, for SharePoint REST and Graph alike: the page sizes and $top as each
 * protocol reads it, where a page continues from written as SharePoint's paging parameters
 * ("Paged=TRUE&p_<order key>=<value>…&p_ID=<id>") — SharePoint REST puts them in its skip token
 * as they are, Graph base64url-encodes them, each writing an order key's slashes its own way —
 * and the absolute nextLink each protocol answers with. Which items make the page, after the
 * position and within the list view threshold, is the site's query (site.ts).
 */
import type { IEmuRequest } from './http';
import type { Comparable, IOrderKey } from './odata';
import { SiteError, type IPagePosition } from './site';

/** SharePoint REST's page of list items when $top is not given. */
export const REST_DEFAULT_PAGE: number = 100;
/** SharePoint REST's largest page of list items: a larger $top gives this many. */
const REST_MAX_PAGE: number = 5000;
/** Graph's page of list items when $top is not given. */
export const GRAPH_DEFAULT_PAGE: number = 200;
// UNCONFIRMED: Graph's largest page of list items; 5,000 matches SharePoint's own limit.
const GRAPH_MAX_PAGE: number = 5000;

/** The parameter that holds an order key's last value. */
function keyParam(key: IOrderKey, slash: string): string {
  return `p_${key.path.replace(/\//g, slash)}`;
}

/** A page position as paging parameters, order keys' slashes written as `slash`. */
function pagingParams(pos: IPagePosition, keys: IOrderKey[], slash: string): URLSearchParams {
  const params: URLSearchParams = new URLSearchParams();
  params.set('Paged', 'TRUE');
  keys.forEach((k, i) => params.set(keyParam(k, slash), JSON.stringify(pos.lastKeys[i])));
  params.set('p_ID', String(pos.lastId));
  return params;
}

/**
 * The page position paging parameters give, or undefined when p_ID is not a number. A key's
 * value that is not JSON is taken as the text it is; a missing one is null.
 */
function pagePosition(params: URLSearchParams, keys: IOrderKey[], slash: string): IPagePosition | undefined {
  const id: number = parseInt(params.get('p_ID') || '', 10);
  if (isNaN(id)) {
    return undefined;
  }
  const lastKeys: Comparable[] = keys.map((k) => {
    const raw: string | null = params.get(keyParam(k, slash));
    try {
      return raw === null ? null : (JSON.parse(raw) as Comparable);
    } catch {
      return raw;
    }
  });
  return { lastId: id, lastKeys };
}

// ---- SharePoint REST ----

/** SharePoint REST's $top: the page size, at most 5,000; 0 is allowed. */
export function restTop(topText: string | null): number {
  // Digits only: parseInt would read "5abc" as 5 and "1e3" as 1.
  const top: number = topText === null ? REST_DEFAULT_PAGE : /^\d+$/.test(topText.trim()) ? Math.min(REST_MAX_PAGE, Number(topText.trim())) : NaN;
  if (isNaN(top) || top < 0) {
    throw new SiteError('badQuery', `The $top value '${topText}' is not valid.`);
  }
  return top;
}

/** SharePoint REST's $skiptoken for a page position: the paging parameters as they are. */
export function restSkipToken(pos: IPagePosition, keys: IOrderKey[]): string {
  return pagingParams(pos, keys, '_x002f_').toString();
}

/** The page position a SharePoint REST $skiptoken gives; a token that is not one is refused. */
export function restPagePosition(token: string, keys: IOrderKey[]): IPagePosition {
  const params: URLSearchParams = new URLSearchParams(token);
  const pos: IPagePosition | undefined = pagePosition(params, keys, '_x002f_');
  if (!/^TRUE$/i.test(params.get('Paged') || '') || !pos) {
    throw new SiteError('badQuery', `The skip token '${token}' is not valid.`);
  }
  if (params.get('PagedPrev')) {
    throw new SiteError('badQuery', 'Paging backwards is not supported by this emulator.');
  }
  return pos;
}

/** SharePoint REST's odata.nextLink: the request's own address with the next $skiptoken. */
export function restNextLink(req: IEmuRequest, origin: string, token: string): string {
  const params: URLSearchParams = new URLSearchParams(req.url.search);
  params.delete('$skiptoken');
  params.set('$skiptoken', token);
  return `${origin}${req.url.pathname}?${params.toString()}`;
}

// ---- Graph ----

/** Graph's $top, or undefined when not given: 1 to 5,000, a larger one gives 5,000. */
export function graphTop(top: string | null): number | undefined {
  if (top === null) {
    return undefined;
  }
  const n: number = /^\d+$/.test(top.trim()) ? Number(top.trim()) : NaN;
  if (isNaN(n) || n < 1) {
    throw new SiteError('badQuery', `Invalid page size specified: '${top}'. Must be between 1 and ${GRAPH_MAX_PAGE}.`);
  }
  return Math.min(n, GRAPH_MAX_PAGE);
}

/** Graph's $skiptoken for a page position: the paging parameters, base64url-encoded. */
export function graphSkipToken(pos: IPagePosition, keys: IOrderKey[]): string {
  return Buffer.from(pagingParams(pos, keys, '_').toString(), 'utf8').toString('base64url');
}

/** The page position a Graph $skiptoken gives; a token that is not one is refused. */
export function graphPagePosition(token: string, keys: IOrderKey[]): IPagePosition {
  let text: string;
  try {
    text = Buffer.from(token, 'base64url').toString('utf8');
  } catch {
    throw new SiteError('badQuery', 'The skip token is not valid.');
  }
  const pos: IPagePosition | undefined = pagePosition(new URLSearchParams(text), keys, '_');
  if (!pos) {
    throw new SiteError('badQuery', 'The skip token is not valid.');
  }
  return pos;
}

/**
 * Graph's @odata.nextLink: the request's own address with the next $skiptoken, its query
 * options written as graph-client writes them ("$", parentheses, commas, "=" and "/" unencoded).
 */
export function graphNextLink(req: IEmuRequest, origin: string, token: string): string {
  const params: URLSearchParams = new URLSearchParams(req.url.search);
  params.delete('$skiptoken');
  params.delete('skiptoken');
  const rest: string = Array.from(params.entries())
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%24/g, '$').replace(/%28/g, '(').replace(/%29/g, ')').replace(/%2C/g, ',').replace(/%3D/g, '=').replace(/%2F/g, '/')}`)
    .join('&');
  return `${origin}${req.url.pathname}?${rest}${rest ? '&' : ''}$skiptoken=${token}`;
}
