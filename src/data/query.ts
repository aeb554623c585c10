/**
 * Threshold-safe queries, described once and written for either protocol: equality conditions
 * on indexed columns, OR'd together and AND'ed with others. The same description gives an
 * in-memory predicate for the fallback when SharePoint refuses a query at the list view
 * threshold: the list is then read page by page by ID (which SharePoint always allows) and
 * filtered here.
 */
import { COLUMNS, type IColumn, type IColumnsRead } from './lists';
import type { ListKey } from './repository';
import type { Row } from './transport';
import { message, wordOf } from '../domain/messages';

/** One condition: a column equals a value. */
export interface ICondition {
  column: string;
  value: string | number;
}

/** (any of `anyOf`) and (all of `allOf`). */
export interface IFilterSpec {
  anyOf: ICondition[];
  allOf?: ICondition[];
}

/** A query on one list; with an `id`, the one item (or none). */
export interface IListQuery {
  list: ListKey;
  id?: number;
  filter?: IFilterSpec;
  /** Column to order by, ascending; must be indexed if the list may pass the threshold. */
  orderBy?: string;
  /**
   * Only these columns (as data/lists.ts names them), besides the id, author and dates: a view
   * that shows a few small values reads none of the text. The others come back null.
   */
  columns?: readonly string[];
  /**
   * Every column, those the product fills from others too (lists.ts's IColumn.filled): what an
   * export reads. Otherwise a read without `columns` leaves those out.
   */
  every?: boolean;
}

/** True for a view's read: it names its columns, whose records are shown and never edited (read without ETags). */
export function isView(query: IListQuery): boolean {
  return query.columns !== undefined;
}

/**
 * The columns a query reads: undefined for all of them, else those it names with those its filter
 * and order use, so an answer can still be checked and ordered in memory.
 */
export function queryColumns(query: IListQuery): readonly string[] | undefined {
  if (!query.columns) {
    return undefined;
  }
  const used: string[] = query.columns.slice();
  const conditions: ICondition[] = query.filter ? [...query.filter.anyOf, ...(query.filter.allOf || [])] : [];
  for (const name of [...conditions.map((c) => c.column), ...(query.orderBy ? [query.orderBy] : [])]) {
    if (used.indexOf(name) < 0) {
      used.push(name);
    }
  }
  return used;
}

/**
 * The conditions of a filter that fix a column to one value in every item it matches: each of
 * `allOf`, and the one of `anyOf` when it has only one. A read the server filters so need not ask
 * for those columns — a period's milestones all name the period — and {@link withFixed} gives each
 * row its value from the condition. Only where the value is exactly what the item holds: a
 * reference's id (a lookup or a person), or one of a choice column's choices as the list spells
 * them. Not text, nor a choice spelt otherwise: SharePoint compares them without regard to case,
 * so a row given the filter's spelling could differ from the item's.
 */
export function fixedColumns(list: ListKey, spec: IFilterSpec | undefined): ICondition[] {
  if (!spec) {
    return [];
  }
  const candidates: ICondition[] = [...(spec.anyOf.length === 1 ? spec.anyOf : []), ...(spec.allOf || [])];
  return candidates.filter((x) => {
    const c: IColumn = column(list, x.column);
    return ((c.kind === 'lookup' || c.kind === 'user') && typeof x.value === 'number') || (c.kind === 'choice' && (c.choices || []).indexOf(String(x.value)) >= 0);
  });
}

/** Rows with the values {@link fixedColumns} fixed, which their read did not ask for. */
export function withFixed(rows: Row[], fixed: readonly ICondition[]): Row[] {
  if (fixed.length === 0) {
    return rows;
  }
  return rows.map((r) => {
    const values = { ...r.values };
    for (const x of fixed) {
      values[x.column] = x.value;
    }
    return { ...r, values };
  });
}

/**
 * What a query's read asks of the list's columns ({@link queryColumns}), less those `fixed` names:
 * the conditions {@link fixedColumns} finds in the part of its filter the server applies (all of
 * it over SharePoint REST, the first clause over Graph; none for a read by id or one that reads the
 * whole list). Give its rows the same conditions' values with {@link withFixed}.
 */
export function columnsRead(query: IListQuery, fixed: readonly ICondition[]): IColumnsRead {
  const without: string[] = fixed.map((x) => x.column);
  return { only: queryColumns(query), every: query.every, ...(without.length > 0 ? { without } : {}) };
}

function column(list: ListKey, name: string): IColumn {
  const c: IColumn | undefined = COLUMNS[list].filter((x) => x.name === name)[0];
  if (!c) {
    throw new Error(wordOf(message('noSuchColumn', { list, column: name })));
  }
  if (!c.indexed) {
    // A filter on a column that is not indexed fails once the list passes 5,000 items.
    throw new Error(wordOf(message('columnNotIndexed', { list, column: name })));
  }
  return c;
}

function isReference(c: IColumn): boolean {
  return c.kind === 'lookup' || c.kind === 'user' || c.kind === 'userMulti';
}

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
}

function write(list: ListKey, spec: IFilterSpec, name: (c: IColumn) => string, value: (c: IColumn, v: string | number) => string = (_c, v) => literal(v)): string {
  const cond = (x: ICondition): string => `${name(column(list, x.column))} eq ${value(column(list, x.column), x.value)}`;
  const parts: string[] = [];
  if (spec.anyOf.length > 0) {
    parts.push(spec.anyOf.length === 1 ? cond(spec.anyOf[0]) : `(${spec.anyOf.map(cond).join(' or ')})`);
  }
  for (const x of spec.allOf || []) {
    parts.push(cond(x));
  }
  return parts.join(' and ');
}

/** The $filter for SharePoint REST: "(ReportingPeriodId eq 5 or ReportingPeriodId eq 4) and WorkstreamId eq 3". */
export function sharePointFilter(list: ListKey, spec: IFilterSpec): string {
  return write(list, spec, (c) => (isReference(c) ? `${c.name}Id` : c.name));
}

/**
 * The $filter for Graph: "fields/ReportingPeriodLookupId eq '5'". Lookup ids are quoted: Graph
 * gives them as strings ("AuthorLookupId": "13" in the fieldValueSet reference) and filters
 * written that way are the ones reported working (msgraph-sdk-dotnet #827). UNCONFIRMED whether
 * the unquoted form is also accepted; the quoted one is used so it need not be.
 */
export function graphFilter(list: ListKey, spec: IFilterSpec): string {
  return write(list, spec, (c) => (isReference(c) ? `fields/${c.name}LookupId` : `fields/${c.name}`), (c, v) => (isReference(c) ? `'${String(v)}'` : literal(v)));
}

/**
 * The same filter as a predicate on rows (values by column, lookups as ids), for the threshold
 * fallback and the in-memory site. A multi-valued column matches when any of its ids does.
 */
export function rowPredicate(list: ListKey, spec: IFilterSpec): (r: Row) => boolean {
  const test = (r: Row, x: ICondition): boolean => {
    const v: unknown = r.values[column(list, x.column).name];
    const wanted: string = String(x.value).toLowerCase();
    return (Array.isArray(v) ? v : [v]).some((one) => one !== null && one !== undefined && String(one).toLowerCase() === wanted);
  };
  return (r: Row) => (spec.anyOf.length === 0 || spec.anyOf.some((x) => test(r, x))) && (spec.allOf || []).every((x) => test(r, x));
}
