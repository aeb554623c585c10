/**
 * Provisioning the programme's lists on a site by code, through SharePoint REST: the one path
 * behind `npm run provision` and the dashboard's "Set up this site". It creates the lists a site
 * lacks and brings an older site's lists up to the schema (columns and indexes), never removes
 * anything, and changes nothing the second time. SPFx's feature framework cannot do this: its
 * elements are ignored when the package is deployed to all sites, and upgrade actions cannot
 * change a list instance's columns.
 */
import { SPCollection, spPost, type SPFI } from '@pnp/sp';
import { body } from '@pnp/queryable';
import '@pnp/sp/batching';
import '@pnp/sp/content-types/list';
import '@pnp/sp/fields';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';
import { DataError, readAction } from '../errors';
import { message } from '../../domain/messages';
import { pnpError } from '../sharepoint/PnpRepository';
import { describeStep, planProvisioning, RENAMED_COLUMNS, type IExistingList, type IProvisionPlan, type ProvisionStep } from './plan';
import { schemaFingerprint } from './fingerprint';
import type { IFieldSchema, IListSchema } from './types';

/**
 * createFieldAsXml's options: AddToAllContentTypes (4), so the column joins the list's content
 * type and SharePoint's new and edit forms show it, and AddFieldInternalNameHint (8), so the
 * internal name is the schema's Name rather than one derived from the display name
 * (SP.AddFieldOptions, Microsoft's REST reference for FieldCollection.CreateFieldAsXml).
 */
const ADD_FIELD_OPTIONS: number = 4 | 8;

/** What a provisioning run did. */
export interface IProvisionSummary {
  /** The site's address. */
  siteUrl: string;
  listsCreated: string[];
  /** "Status Reports: RequestKey". */
  fieldsAdded: string[];
  fieldsIndexed: string[];
  /** Values copied from a renamed column: 12 items of Sponsor Comments from Comments into SponsorComment. */
  valuesCopied: Array<{ list: string; count: number; from: string; into: string }>;
  /** Columns put in their list's content type: "Risks: Mitigation". */
  fieldsLinked: string[];
  /** Lists whose Title column was named for what the item is. */
  titlesNamed: string[];
  /** Lists that were already as the schema has them. */
  listsUnchanged: string[];
  warnings: string[];
}

/** Options of {@link provisionSite}. */
export interface IProvisionOptions {
  /** The lists to provision; the programme's (LIST_SCHEMAS) when not given. */
  schemas?: readonly IListSchema[];
  /** Called before each change, with the change in words and its place ("3 of 12"). */
  onProgress?: (message: string, done: number, total: number) => void;
}

/** Reads the site's lists that the schema names, with their columns. */
export async function readExistingLists(sp: SPFI, schemas: readonly IListSchema[]): Promise<IExistingList[]> {
  let all: Array<{ Title: string; Id: string }>;
  try {
    all = await sp.web.lists.select('Title', 'Id')();
  } catch (e) {
    throw await pnpError(e, readAction('siteLists'));
  }
  const wanted: Set<string> = new Set(schemas.map((s) => s.title.toLowerCase()));
  const found: Array<{ Title: string; Id: string }> = all.filter((x) => wanted.has(x.Title.toLowerCase()));
  try {
    // Each list's columns and content types in one round trip, then the content types' columns
    // in another: the dashboard runs this check for whoever manages the lists, on every load.
    const [batched, execute] = sp.batched();
    const fieldReads = found.map((l) =>
      batched.web.lists.getById(l.Id).fields.select('InternalName', 'TypeAsString', 'Indexed', 'Title')<Array<{ InternalName: string; TypeAsString: string; Indexed: boolean; Title: string }>>()
    );
    const typeReads = found.map((l) => batched.web.lists.getById(l.Id).contentTypes.select('StringId')<Array<{ StringId: string }>>());
    await execute();
    const fields = await Promise.all(fieldReads);
    // The list's own content type: an Item child (0x0100…), the one its forms use.
    const own: Array<string | undefined> = (await Promise.all(typeReads)).map((types) => (types.filter((t) => /^0x0100/i.test(t.StringId))[0] || { StringId: undefined }).StringId);
    const [linksBatched, executeLinks] = sp.batched();
    const linkReads = found.map((l, i) => {
      const ct: string | undefined = own[i];
      return ct ? linksBatched.web.lists.getById(l.Id).contentTypes.getById(ct).fieldLinks.select('Name')<Array<{ Name: string }>>() : Promise.resolve([]);
    });
    if (own.some((ct) => ct !== undefined)) {
      await executeLinks();
    }
    const links = await Promise.all(linkReads);
    return found.map((l, i) => ({
      title: l.Title,
      id: l.Id,
      fields: fields[i].map((f) => ({ name: f.InternalName, type: f.TypeAsString, indexed: !!f.Indexed, title: f.Title })),
      contentType: own[i] ? { id: own[i] as string, fieldNames: links[i].map((x) => x.Name) } : undefined
    }));
  } catch (e) {
    throw await pnpError(e, readAction('siteColumns'));
  }
}

/** What provisioning would do on the site, without doing it (the schema is the programme's unless given). */
export async function checkSite(sp: SPFI, schemas?: readonly IListSchema[]): Promise<IProvisionPlan> {
  const wanted: readonly IListSchema[] = schemas || (await import(/* webpackChunkName: 'ph-schema' */ './schema')).LIST_SCHEMAS;
  return planProvisioning(wanted, await readExistingLists(sp, wanted));
}

/** The fingerprint of the programme's schema as this release provisions it (fingerprint.ts), computed from the schema. */
export async function listsFingerprint(): Promise<string> {
  return schemaFingerprint((await import(/* webpackChunkName: 'ph-schema' */ './schema')).LIST_SCHEMAS, RENAMED_COLUMNS);
}

/** The Field XML for the site: a lookup's List becomes the target list's id, as SharePoint needs. */
function fieldXml(field: IFieldSchema, listIds: Map<string, string>): string {
  if (!field.lookupList) {
    return field.xml;
  }
  const target: string | undefined = listIds.get(field.lookupList.toLowerCase());
  if (!target) {
    throw new DataError('validation', message('lookupListMissing', { column: field.name, list: String(field.lookupList) }));
  }
  return field.xml.replace(/\bList="[^"]*"/, `List="{${target}}"`);
}

/**
 * Brings the site's lists up to the schema. Each change is one request, in order: a failure stops
 * the run with what was done so far kept, and running again carries on from there.
 * @param siteUrl - the site's address, for the summary.
 */
export async function provisionSite(sp: SPFI, siteUrl: string, options: IProvisionOptions = {}): Promise<IProvisionSummary> {
  const schemas: readonly IListSchema[] = options.schemas || (await import(/* webpackChunkName: 'ph-schema' */ './schema')).LIST_SCHEMAS;
  const existing: IExistingList[] = await readExistingLists(sp, schemas);
  const plan: IProvisionPlan = planProvisioning(schemas, existing);
  // A lookup needs its target list's id: the lists there already, then each one created.
  const listIds: Map<string, string> = new Map();
  for (const e of existing) {
    const schema: IListSchema | undefined = schemas.filter((s) => s.title.toLowerCase() === e.title.toLowerCase())[0];
    if (schema) {
      listIds.set(schema.url.toLowerCase(), e.id);
    }
  }
  const summary: IProvisionSummary = { siteUrl, listsCreated: [], fieldsAdded: [], fieldsIndexed: [], valuesCopied: [], fieldsLinked: [], titlesNamed: [], listsUnchanged: [], warnings: plan.warnings };
  let done: number = 0;
  for (const step of plan.steps) {
    if (options.onProgress) {
      options.onProgress(describeStep(step), done, plan.steps.length);
    }
    await runStep(sp, step, listIds, summary);
    done++;
  }
  const changed: Set<string> = new Set(plan.steps.map((s) => s.list.title));
  summary.listsUnchanged = schemas.filter((s) => !changed.has(s.title)).map((s) => s.title);
  return summary;
}

async function runStep(sp: SPFI, step: ProvisionStep, listIds: Map<string, string>, summary: IProvisionSummary): Promise<void> {
  const action: string = describeStep(step);
  try {
    if (step.kind === 'createList') {
      // Created under the name of its URL ("StatusReports") and then titled ("Status Reports"):
      // SharePoint takes a new list's URL from its first title.
      const name: string = step.list.url.replace(/^Lists\//, '');
      const created: { Id: string } = await sp.web.lists.add(name, step.list.description, 100, false, { EnableVersioning: step.list.versioning });
      await sp.web.lists.getById(created.Id).update({ Title: step.list.title });
      listIds.set(step.list.url.toLowerCase(), created.Id);
      summary.listsCreated.push(step.list.title);
    } else if (step.kind === 'addField') {
      const id: string = listIds.get(step.list.url.toLowerCase()) as string;
      await sp.web.lists.getById(id).fields.createFieldAsXml({ SchemaXml: fieldXml(step.field, listIds), Options: ADD_FIELD_OPTIONS });
      summary.fieldsAdded.push(`${step.list.title}: ${step.field.name}`);
    } else if (step.kind === 'copyColumn') {
      const id: string = listIds.get(step.list.url.toLowerCase()) as string;
      const copied: number = await copyColumn(sp, id, step.from, step.field.name);
      summary.valuesCopied.push({ list: step.list.title, count: copied, from: step.from, into: step.field.name });
    } else if (step.kind === 'linkField') {
      // UNCONFIRMED: FieldLinkCollection.Add over REST with FieldInternalName in
      // SP.FieldLinkCreationInformation, as community answers show it; PnPjs has no call for it.
      const id: string = listIds.get(step.list.url.toLowerCase()) as string;
      const links = SPCollection(sp.web.lists.getById(id).contentTypes.getById(step.contentTypeId), 'fieldlinks/add');
      await spPost(links, body({ parameters: { FieldInternalName: step.field.name } }));
      summary.fieldsLinked.push(`${step.list.title}: ${step.field.name}`);
    } else if (step.kind === 'nameTitle') {
      const id: string = listIds.get(step.list.url.toLowerCase()) as string;
      await sp.web.lists.getById(id).fields.getByInternalNameOrTitle('Title').update({ Title: step.field.displayName }, 'SP.Field');
      summary.titlesNamed.push(step.list.title);
    } else {
      const id: string = listIds.get(step.list.url.toLowerCase()) as string;
      // The field type given, so PnPjs does not read the field first.
      await sp.web.lists.getById(id).fields.getByInternalNameOrTitle(step.field.name).update({ Indexed: true }, 'SP.Field');
      summary.fieldsIndexed.push(`${step.list.title}: ${step.field.name}`);
    }
  } catch (e) {
    throw await pnpError(e, action);
  }
}

/**
 * Copies a column's values into another, item by item, where the item has a value and the new
 * column has none: paged by ID (5,000 a page, SharePoint's largest), so a list past the list view
 * threshold is copied too. Each item is written unconditionally (If-Match *): nobody edits the new
 * column before it exists.
 */
async function copyColumn(sp: SPFI, listId: string, from: string, to: string): Promise<number> {
  const list = sp.web.lists.getById(listId);
  let copied: number = 0;
  let lastId: number = 0;
  for (;;) {
    // @wire an OData $filter expression, in OData's own syntax (SharePoint REST's $filter), not words.
    const page: Array<{ [key: string]: unknown }> = await list.items.select('Id', from, to).filter(`Id gt ${lastId}`).orderBy('Id', true).top(5000)();
    for (const item of page) {
      const value: unknown = item[from];
      if (typeof value === 'string' && value !== '' && (item[to] === null || item[to] === undefined || item[to] === '')) {
        await list.items.getById(item.Id as number).update({ [to]: value }, '*');
        copied++;
      }
    }
    if (page.length < 5000) {
      return copied;
    }
    lastId = page[page.length - 1].Id as number;
  }
}

