/**
 * Where a page of list items continues from, written as SharePoint's paging parameters
 * ("Paged=TRUE&p_<order key>=<value>…&p_ID=<id>"): SharePoint REST puts them in its skip token
 * as they are, Graph base64url-encodes them. Each writes an order key's slashes its own way.
 */
import type { Comparable, IOrderKey } from './odata';
import type { IPagePosition } from './site';

/** The parameter that holds an order key's last value. */
function keyParam(key: IOrderKey, slash: string): string {
  return `p_${key.path.replace(/\//g, slash)}`;
}

/** A page position as paging parameters, order keys' slashes written as `slash`. */
export function pagingParams(pos: IPagePosition, keys: IOrderKey[], slash: string): URLSearchParams {
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
export function pagePosition(params: URLSearchParams, keys: IOrderKey[], slash: string): IPagePosition | undefined {
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
