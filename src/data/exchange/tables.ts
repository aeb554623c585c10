/**
 * A programme's lists as plain tables, for export and import (`npm run export`, `npm run import`).
 * The tables are driven by the provisioned list schema (provisioning/schema.ts): one table per
 * list, one column per provisioned column the product reads (a column added to the schema and to
 * data/lists.ts comes along by itself), headed with the name people see in SharePoint.
 *
 * Values are kept in a form that means the same on any site: a lookup is the target's own key
 * (a workstream's code, a period's title), a person is their login or e-mail, a date is a
 * calendar date (YYYY-MM-DD). Item ids, authors and timestamps are the site's own and do not
 * travel.
 */
import { LIST_SCHEMAS } from '../provisioning/schema';
import type { IFieldSchema, IListSchema } from '../provisioning/types';
import { COLUMNS, REQUEST_KEY, type IColumn } from '../lists';
import { LIST_TITLES, type ListKey } from '../repository';
import { message, wordOf } from '../../domain/messages';

/** One cell: text, a number, a calendar date (text), a flag, people (several), or empty. */
export type CellValue = string | number | boolean | string[] | null;

/** One row: cells by the column's internal name. */
export type ExchangeRow = { [column: string]: CellValue };

/** What `npm run export` writes as .json and `npm run import` reads. */
export interface IExchangeFile {
  format: 'programme-highlights';
  version: 1;
  /** The tables by list title ("Status Reports"). */
  lists: { [listTitle: string]: ExchangeRow[] };
}

/** One column of a table. */
export interface IExchangeColumn {
  /** Internal name ("KeyActivities"). */
  name: string;
  /** The name people see ("Key activities"): the workbook's header. */
  heading: string;
  kind: IColumn['kind'];
  required: boolean;
  /** Text columns: SharePoint's limit. */
  maxLength?: number;
  /** Choice columns: the choices. */
  choices?: string[];
  /** Lookups: the list looked up. */
  target?: ListKey;
}

/** One table: a list, its title and its columns. */
export interface IExchangeTable {
  list: ListKey;
  title: string;
  columns: IExchangeColumn[];
  /** Whether creates carry a request key (the table has a Request key column). */
  keyed: boolean;
}

/** How a row of a list is told apart from others, for lookups and for a repeated import. */
export const NATURAL_KEYS: { readonly [list in ListKey]?: readonly string[] } = {
  programme: [],
  ragDefinitions: ['Rag'],
  workstreams: ['Code'],
  periods: ['Title'],
  snapshots: ['SnapshotId', 'ChunkIndex']
};

/** The column a lookup to a list names its target by. */
export const LOOKUP_KEYS: { readonly [list in ListKey]?: string } = { workstreams: 'Code', periods: 'Title', phases: 'Title' };

/** The lists only .json carries: a snapshot's parts are longer than a workbook cell holds. */
export const JSON_ONLY_LISTS: readonly ListKey[] = ['snapshots', 'history'];

/** The most characters one workbook cell holds (Excel's limit). */
export const MAX_CELL_CHARACTERS: number = 32767;

function listKeyOfTitle(title: string): ListKey | undefined {
  return (Object.keys(LIST_TITLES) as ListKey[]).filter((k) => LIST_TITLES[k] === title)[0];
}

function listKeyOfUrl(url: string | undefined): ListKey | undefined {
  const schema: IListSchema | undefined = LIST_SCHEMAS.filter((s) => s.url === url)[0];
  return schema ? listKeyOfTitle(schema.title) : undefined;
}

function exchangeColumn(list: ListKey, field: IFieldSchema, column: IColumn): IExchangeColumn {
  const out: IExchangeColumn = { name: field.name, heading: field.displayName, kind: column.kind, required: field.required };
  const max: RegExpExecArray | null = /MaxLength="(\d+)"/.exec(field.xml);
  if (max && (column.kind === 'text' || column.kind === 'note')) {
    out.maxLength = parseInt(max[1], 10);
  }
  if (column.kind === 'choice') {
    out.choices = [];
    const re: RegExp = /<CHOICE>([^<]*)<\/CHOICE>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(field.xml)) !== null) {
      out.choices.push(m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
    }
  }
  if (column.kind === 'lookup') {
    const target: ListKey | undefined = listKeyOfUrl(field.lookupList);
    if (!target || !LOOKUP_KEYS[target]) {
      throw new Error(wordOf(message('lookupUnnamed', { list, column: field.name, target: String(field.lookupList) })));
    }
    out.target = target;
  }
  return out;
}

/**
 * Every table, in provisioning order (a lookup's target before the lists that look it up): the
 * schema's columns that the product reads, and the Request key where creates carry one.
 */
export function exchangeTables(): IExchangeTable[] {
  const tables: IExchangeTable[] = [];
  for (const schema of LIST_SCHEMAS) {
    const list: ListKey | undefined = listKeyOfTitle(schema.title);
    if (!list) {
      continue;
    }
    const columns: IExchangeColumn[] = [];
    for (const field of schema.fields) {
      const column: IColumn | undefined = COLUMNS[list].filter((c) => c.name === field.name)[0];
      if (column) {
        columns.push(exchangeColumn(list, field, column));
      }
    }
    tables.push({ list, title: schema.title, columns, keyed: columns.some((c) => c.name === REQUEST_KEY) });
  }
  return tables;
}

/** The table of a list. */
export function tableOf(list: ListKey): IExchangeTable {
  const table: IExchangeTable | undefined = exchangeTables().filter((t) => t.list === list)[0];
  if (!table) {
    throw new Error(wordOf(message('noExchangeTable', { list })));
  }
  return table;
}

/**
 * Cells a row's key is not made from. A close-down row's Sources name milestones and risks by
 * their keys in a file and by ids on a site, and a milestone carried from a row names the row by
 * its key: a key made from the sources would change from one site to the next, and would depend
 * on keys that depend on it.
 */
const NOT_KEYED: { [list in ListKey]?: readonly string[] } = { closeDown: ['Sources'] };

/** A row's cells in a fixed order, without its request key: what the key is made from. */
export function rowContent(table: IExchangeTable, row: ExchangeRow): string {
  const left: readonly string[] = NOT_KEYED[table.list] || [];
  return JSON.stringify(table.columns.filter((c) => c.name !== REQUEST_KEY && left.indexOf(c.name) < 0).map((c) => (row[c.name] === undefined ? null : row[c.name])));
}

async function sha256Hex(text: string): Promise<string> {
  const bytes: Uint8Array = new TextEncoder().encode(text);
  const digest: ArrayBuffer = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest))
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/**
 * Request keys for rows that have none, made from the row's content (and, for identical rows,
 * which of them it is): the same row always gets the same key, so importing a file twice, or
 * into a site that an earlier export of the same content came from, creates nothing twice.
 */
export async function fillRequestKeys(table: IExchangeTable, rows: ExchangeRow[]): Promise<void> {
  if (!table.keyed) {
    return;
  }
  const seen: { [content: string]: number } = {};
  for (const row of rows) {
    const content: string = rowContent(table, row);
    const nth: number = (seen[content] = (seen[content] || 0) + 1);
    const given: CellValue = row[REQUEST_KEY];
    if (typeof given !== 'string' || given.trim() === '') {
      row[REQUEST_KEY] = `x-${(await sha256Hex(`${table.list}\n${content}\n${nth}`)).slice(0, 40)}`;
    }
  }
}
