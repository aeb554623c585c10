/**
 * What a test posts straight to the local stack's SharePoint REST API, outside the product: column
 * values as the data layer's writers give them (a lookup or person by its column's name) become
 * REST's properties ("Workstream" → "WorkstreamId"), as the PnPjs transport sends them. Properties
 * already named as REST names them pass as they are.
 */
import { LIST_TITLES, type ListKey } from '../../src/data/repository';
import { valuesToRest, type RestItem } from '../../src/data/sharepoint/restRows';
import type { RowValues } from '../../src/data/transport';

/** The body to post to the list of that title for these values. */
export function restBody(listTitle: string, values: object): RestItem {
  const list: ListKey | undefined = (Object.keys(LIST_TITLES) as ListKey[]).filter((k) => LIST_TITLES[k] === listTitle)[0];
  return list ? valuesToRest(list, values as RowValues) : { ...(values as RestItem) };
}
