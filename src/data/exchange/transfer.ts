/**
 * Export and import of a whole programme through the product's own list transport (Graph or
 * PnPjs, or the in-memory one): reads every list into tables, and writes tables into a site —
 * after checking the whole file against the schema and the site, so that a file with a problem
 * writes nothing, and with every create identified (a request key, or the row's own key) so
 * that running the same import again adds nothing.
 */
import { DomainValidationError } from '../../domain/errors';
import { parseUkDate } from '../../domain/dates';
import { message, said, wordOf, type ExchangeDoing, type IMessage } from '../../domain/messages';
import { COLUMNS, REQUEST_KEY } from '../lists';
import type { PeopleLookup } from '../mapping';
import type { ListKey } from '../repository';
import type { IRowTransport, ListWrite, QuerySet, Row, RowValues, WriteOutcome } from '../transport';
import {
  exchangeTables,
  fillRequestKeys,
  JSON_ONLY_LISTS,
  LOOKUP_KEYS,
  NATURAL_KEYS,
  rowContent,
  type CellValue,
  type ExchangeRow,
  type IExchangeColumn,
  type IExchangeFile,
  type IExchangeTable
} from './tables';

/** One thing wrong with a file: where (sheet, row, column) and what. */
export interface IImportProblem {
  sheet: string;
  /** The workbook's row number (the header is row 1), or the item's number in a .json list. */
  row?: number;
  /** The column's heading. */
  column?: string;
  /** What is wrong, in the installed words (the {@link detail}'s). */
  message: string;
  /** What is wrong as a code and values (src/domain/messages.ts). */
  detail?: IMessage;
}

/** A table as read from a file: its rows and where each came from. */
export interface ISourceTable {
  /** The sheet's name (or the .json list's title). */
  sheet: string;
  rows: ExchangeRow[];
  /** Each row's number in the file (see {@link IImportProblem.row}). */
  rowNumbers: number[];
}

/** What a file reader gives: its tables, and what it already found wrong. */
export interface ISource {
  /** "row" (a workbook) or "item" (.json), for messages. */
  rowWord: 'row' | 'item';
  tables: ISourceTable[];
  problems: IImportProblem[];
}

/** Progress of a running import. */
export interface IImportProgress {
  list: string;
  done: number;
  total: number;
}

/** What an import did, per list. */
export interface IImportSummary {
  lists: Array<{ title: string; created: number; alreadyThere: number }>;
  created: number;
  alreadyThere: number;
  /** What the programme office should know: a locked period that came without its snapshot. */
  notes: string[];
}

/** The outcome of checking a file: problems, or the rows to write. */
export interface IImportPlan {
  problems: IImportProblem[];
  /** Per table: the rows to create and how many were already on the site. */
  steps: Array<{ table: IExchangeTable; create: ExchangeRow[]; alreadyThere: number }>;
}

/** What an export or import is doing, in the installed words, for a failure's message ("Could not import the risks: …"). */
function exchangeAction(doing: ExchangeDoing, list?: string): string {
  return wordOf(message('exchangeAction', list === undefined ? { doing } : { doing, list }));
}

/** Thrown when a file cannot be imported: every problem, named. Nothing has been written. */
export class ImportRefused extends Error {
  public readonly problems: IImportProblem[];
  constructor(problems: IImportProblem[], rowWord: 'row' | 'item' = 'row') {
    super(wordOf(message('importRefused', { problems: problems.map((p) => describeProblem(p, rowWord)) })));
    this.name = 'ImportRefused';
    this.problems = problems;
    Object.setPrototypeOf(this, ImportRefused.prototype);
  }
}

/** "Sheet "Status Reports", row 4, column "This period": …" (in a .json file, "item 4"). */
export function describeProblem(p: IImportProblem, rowWord: 'row' | 'item' = 'row'): string {
  return `Sheet "${p.sheet}"${p.row !== undefined ? `, ${rowWord} ${p.row}` : ''}${p.column ? `, column "${p.column}"` : ''}: ${p.message}`;
}

interface ISiteState {
  tables: IExchangeTable[];
  /** Each list's items as rows, with their ids. */
  rows: { [list in ListKey]?: Array<{ id: number; row: ExchangeRow }> };
  people: PeopleLookup;
  /** Login or e-mail (lower case) → site user id. */
  loginIds: Map<string, number>;
}

function everyList(tables: IExchangeTable[]): QuerySet {
  const queries: QuerySet = {};
  for (const t of tables) {
    queries[t.list] = { list: t.list };
  }
  return queries;
}

/** Login or e-mail (lower case) → site user id, from the site's whole people list (every transport gives it). */
function loginsOf(people: PeopleLookup): Map<string, number> {
  const out: Map<string, number> = new Map<string, number>();
  for (const p of people.all || []) {
    if (p.login && typeof p.id === 'number') {
      out.set(p.login.toLowerCase(), p.id);
    }
  }
  return out;
}

/** An instant as ISO 8601 UTC to the second ("2023-11-20T14:05:00Z"), or undefined if it is not one. */
function instant(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text.trim())) {
    return undefined;
  }
  const t: number = Date.parse(text.trim());
  return isNaN(t) ? undefined : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function personName(people: PeopleLookup, id: unknown): string | null {
  if (typeof id !== 'number') {
    return null;
  }
  const p = people(id);
  return p ? p.login || p.name : `#${id}`;
}

/** The columns that keep an item's writer and time across an import (see IRecordedOrigin). */
const RECORDED_BY: string = 'RecordedBy';
const RECORDED_ON: string = 'RecordedOn';

/** A list item's row as the exchange's row: each of the table's columns, a lookup or person by the name it goes by. */
function recordToRow(table: IExchangeTable, r: Row, people: PeopleLookup, names: { [list in ListKey]?: Map<number, string> }): ExchangeRow {
  const row: ExchangeRow = {};
  for (const c of table.columns) {
    if (c.name === REQUEST_KEY) {
      continue;
    }
    const v: unknown = r.values[c.name];
    if (c.kind === 'lookup') {
      row[c.name] = typeof v === 'number' ? (names[c.target as ListKey] as Map<number, string>).get(v) || `#${v}` : null;
    } else if (c.kind === 'user') {
      row[c.name] = personName(people, v);
    } else if (c.kind === 'userMulti') {
      row[c.name] = Array.isArray(v) ? v.map((id) => personName(people, id) as string) : [];
    } else if (c.kind === 'date') {
      row[c.name] = typeof v === 'string' && v !== '' ? v.slice(0, 10) : null;
    } else if (c.kind === 'dateTime') {
      row[c.name] = typeof v === 'string' && v !== '' ? instant(v) || v : null;
    } else if (c.kind === 'number') {
      row[c.name] = typeof v === 'number' ? v : v === null || v === undefined || v === '' ? null : Number(v);
    } else if (c.kind === 'boolean') {
      row[c.name] = typeof v === 'boolean' ? v : null;
    } else {
      row[c.name] = typeof v === 'string' && v !== '' ? v : null;
    }
  }
  // Who wrote an item and when travels with it: an import makes the importer its SharePoint
  // author, so the file says who it was (an item imported before keeps what it was given).
  if (table.columns.some((c) => c.name === RECORDED_BY) && row[RECORDED_BY] === null) {
    row[RECORDED_BY] = personName(people, r.author && r.author.id);
  }
  if (table.columns.some((c) => c.name === RECORDED_ON) && row[RECORDED_ON] === null && typeof r.created === 'string') {
    row[RECORDED_ON] = instant(r.created) || null;
  }
  return row;
}

/**
 * What the site holds as rows: every list (or those `queries` read), each record that `keep`
 * keeps; the lookup lists (workstreams, periods, phases) are read whole to name what rows point to.
 */
async function readState(
  transport: IRowTransport,
  action: string,
  queries?: QuerySet,
  keep: (list: ListKey, r: Row) => boolean = () => true
): Promise<ISiteState> {
  const tables: IExchangeTable[] = queries ? exchangeTables().filter((t) => queries[t.list] !== undefined) : exchangeTables();
  // Every column, those the product fills from others too: a file holds the lists as they are.
  const asked: QuerySet = queries || everyList(tables);
  const every: QuerySet = {};
  for (const name of Object.keys(asked)) {
    every[name] = { ...asked[name], every: true };
  }
  const { records, people } = await transport.read(every, { people: true, action });
  // The whole list is needed to find people by login; a lookup that answers by id alone is not enough.
  const lookup: PeopleLookup = people && people.all ? people : await transport.people();
  const names: { [list in ListKey]?: Map<number, string> } = {};
  for (const list of Object.keys(LOOKUP_KEYS) as ListKey[]) {
    names[list] = new Map<number, string>((records[list] || []).map((r) => [r.id, String(r.values[LOOKUP_KEYS[list] as string])]));
  }
  const rows: ISiteState['rows'] = {};
  for (const t of tables) {
    rows[t.list] = (records[t.list] || [])
      .filter((r) => keep(t.list, r))
      .sort((a, b) => a.id - b.id)
      .map((r) => ({ id: r.id, row: recordToRow(t, r, lookup, names) }));
  }
  return { tables, rows, people: lookup, loginIds: loginsOf(lookup) };
}

/**
 * Every list of the site as tables (see {@link IExchangeFile}), items in the order they were
 * made; a keyed list's rows carry request keys made from their content.
 */
export async function exportSite(transport: IRowTransport): Promise<IExchangeFile> {
  const state: ISiteState = await readState(transport, exchangeAction('export'));
  return fileOf(state);
}

/** The site's rows as an export file, keyed rows with their request keys. */
async function fileOf(state: ISiteState): Promise<IExchangeFile> {
  const file: IExchangeFile = { format: 'programme-highlights', version: 1, lists: {} };
  // The close-down rows' keys first: a carried milestone names its row by it, and its own key is made from that.
  for (const t of state.tables.filter((x) => x.list === 'closeDown')) {
    await fillRequestKeys(t, (state.rows[t.list] || []).map((x) => x.row));
  }
  portableOrigins(state);
  // The milestones' and risks' keys next (a milestone's is made from its portable origin): a
  // close-down row's Sources name them by these.
  for (const t of state.tables.filter((x) => x.list === 'milestones' || x.list === 'risks')) {
    await fillRequestKeys(t, (state.rows[t.list] || []).map((x) => x.row));
  }
  portableSources(state);
  // The status reports' keys too: an acknowledgement names the report its finding is about by it.
  for (const t of state.tables.filter((x) => x.list === 'statusReports')) {
    await fillRequestKeys(t, (state.rows[t.list] || []).map((x) => x.row));
  }
  portableFindingKeys(state);
  for (const t of state.tables) {
    const rows: ExchangeRow[] = (state.rows[t.list] || []).map((x) => x.row);
    await fillRequestKeys(t, rows);
    file.lists[t.title] = rows;
  }
  return file;
}

/**
 * A milestone carried from a close-down row records the row by this site's ids
 * ("closeDown:<phase id>:<row id>", PhaseRepository.closeDownOrigin), which mean nothing on another
 * site: in a file it names the row by its request key instead ("closeDownRow:<request key>"), and
 * an import names it by the ids the row gets there. An origin whose row is not exported with it
 * is left as it is.
 */
const PORTABLE_ORIGIN: RegExp = /^closeDownRow:(.+)$/;

function portableOrigins(state: ISiteState): void {
  const rows = state.rows.closeDown;
  if (!rows) {
    return;
  }
  const keyOfRow: Map<number, string> = new Map<number, string>(rows.map((x) => [x.id, String(x.row[REQUEST_KEY])]));
  for (const m of state.rows.milestones || []) {
    const o: RegExpExecArray | null = /^closeDown:(\d+):(\d+)$/.exec(typeof m.row.Origin === 'string' ? m.row.Origin.trim() : '');
    const key: string | undefined = o ? keyOfRow.get(Number(o[2])) : undefined;
    if (key) {
      m.row.Origin = `closeDownRow:${key}`;
    }
  }
}

/**
 * A close-down row's Sources name the phase's milestones and risks it was drafted from by this
 * site's ids ("milestone:12", "risk:3"; domain's sourceRef), which mean nothing on another site:
 * in a file each names its item by the item's request key ("milestoneRow:<key>", "riskRow:<key>"),
 * and an import names it by the id the item gets there, so that readiness of the imported
 * close-down still finds every item cited. A source whose item is not exported with it is left as
 * it is.
 */
const PORTABLE_SOURCE: RegExp = /^(milestone|risk)Row:(.+)$/;
const SITE_SOURCE: RegExp = /^(milestone|risk):(\d+)$/;
const SOURCE_LISTS: { [kind: string]: ListKey } = { milestone: 'milestones', risk: 'risks' };

/** A Sources cell's references, one a line. */
function sourceLines(value: CellValue): string[] {
  return typeof value === 'string' ? value.split('\n').map((s) => s.trim()).filter((s) => s !== '') : [];
}

/** The request keys a Sources cell names items of one kind by, in a file ({@link PORTABLE_SOURCE}). */
function citedKeys(value: CellValue, kind: string): string[] {
  return sourceLines(value)
    .map((line) => PORTABLE_SOURCE.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === kind)
    .map((m) => m[2]);
}

function portableSources(state: ISiteState): void {
  const keys: { [kind: string]: Map<number, string> } = {};
  for (const kind of Object.keys(SOURCE_LISTS)) {
    keys[kind] = new Map<number, string>((state.rows[SOURCE_LISTS[kind]] || []).filter((x) => typeof x.row[REQUEST_KEY] === 'string').map((x) => [x.id, x.row[REQUEST_KEY] as string]));
  }
  for (const x of state.rows.closeDown || []) {
    const lines: string[] = sourceLines(x.row.Sources);
    if (lines.length === 0) {
      continue;
    }
    x.row.Sources = lines
      .map((line) => {
        const m: RegExpExecArray | null = SITE_SOURCE.exec(line);
        const key: string | undefined = m ? keys[m[1]].get(Number(m[2])) : undefined;
        return m && key ? `${m[1]}Row:${key}` : line;
      })
      .join('\n');
  }
}

/**
 * A readiness acknowledgement names its finding's record by this site's ids (domain's findingKey:
 * "placeholder|risk:12|mitigation", "missing-sponsor-comments|workstream:3|…"), which on another
 * site would name another item — and set aside a finding about it. In a file the record is named
 * by what stays the same: a report's, milestone's or risk's request key ("riskRow:<key>") and a
 * workstream's code ("workstreamCode:<code>"); an import names it by the ids it gets there. A
 * record not exported with it (a finding about the period before's plan, in one period's export),
 * and a key as findings had it before they named the item's list ("item:12"), are left as they
 * are: an import brings those in without letting them set anything aside.
 */
const FINDING_RECORD_LISTS: { [kind: string]: ListKey } = { report: 'statusReports', milestone: 'milestones', risk: 'risks' };
const SITE_FINDING_RECORD: RegExp = /^(report|milestone|risk|workstream):(\d+)$/;
const PORTABLE_FINDING_RECORD: RegExp = /^(?:(report|milestone|risk)Row:(.+)|workstreamCode:(.+))$/;
/** What an imported acknowledgement's key names its record by when that record cannot be known here: matches no finding. */
const UNLINKED_FINDING: string = 'unlinked';

/** A finding key's parts: the rule, the record and the field (the record may hold "|": a workstream's code). */
function findingKeyParts(key: CellValue): { rule: string; record: string; field: string } | undefined {
  if (typeof key !== 'string') {
    return undefined;
  }
  const first: number = key.indexOf('|');
  const last: number = key.lastIndexOf('|');
  return first > 0 && last > first ? { rule: key.slice(0, first), record: key.slice(first + 1, last), field: key.slice(last + 1) } : undefined;
}

function portableFindingKeys(state: ISiteState): void {
  const keys: { [kind: string]: Map<number, string> } = {};
  for (const kind of Object.keys(FINDING_RECORD_LISTS)) {
    keys[kind] = new Map<number, string>((state.rows[FINDING_RECORD_LISTS[kind]] || []).filter((x) => typeof x.row[REQUEST_KEY] === 'string').map((x) => [x.id, x.row[REQUEST_KEY] as string]));
  }
  const codes: Map<number, string> = new Map<number, string>((state.rows.workstreams || []).map((x) => [x.id, String(x.row.Code)]));
  for (const x of state.rows.acknowledgements || []) {
    const parts = findingKeyParts(x.row.FindingKey);
    const m: RegExpExecArray | null = parts ? SITE_FINDING_RECORD.exec(parts.record) : null;
    if (!parts || !m) {
      continue;
    }
    const id: number = Number(m[2]);
    const portable: string | undefined =
      m[1] === 'workstream' ? (codes.has(id) ? `workstreamCode:${codes.get(id) as string}` : undefined) : keys[m[1]].has(id) ? `${m[1]}Row:${keys[m[1]].get(id) as string}` : undefined;
    if (portable !== undefined) {
      x.row.FindingKey = `${parts.rule}|${portable}|${parts.field}`;
    }
  }
}

/** The lists that name what a period's records point to; exported whole with a period. */
const REFERENCE_LISTS: readonly ListKey[] = ['programme', 'ragDefinitions', 'phases', 'workstreams'];

/**
 * One period's records, as the whole export has them (the same sheets and headings): the
 * period itself, every list item of that period (status reports, sponsor comments, milestones,
 * IIB feedback, its sections' text and whatever else has a reporting period), the risks open
 * during it (raised in or before it, not closed before it), the programme's sections' names, and
 * the reference lists its rows name. Snapshots and history are left out, as in a workbook.
 * @throws DataError-like Error when the site has no such period.
 */
export async function exportPeriod(transport: IRowTransport, periodId: number): Promise<IExchangeFile> {
  const byPeriod = { anyOf: [{ column: 'ReportingPeriod', value: periodId }] };
  const queries: QuerySet = {};
  for (const t of exchangeTables()) {
    if (JSON_ONLY_LISTS.indexOf(t.list) >= 0) {
      continue;
    }
    const whole: boolean = REFERENCE_LISTS.indexOf(t.list) >= 0 || t.list === 'periods' || t.list === 'risks' || t.list === 'periodSections';
    if (whole) {
      queries[t.list] = { list: t.list };
    } else if (COLUMNS[t.list].some((c) => c.name === 'ReportingPeriod')) {
      queries[t.list] = { list: t.list, filter: byPeriod };
    }
  }
  // The periods' starts, to place a risk's raising and closing against the period exported.
  const periods = await transport.read({ periods: { list: 'periods', columns: ['Title', 'PeriodStart'] } }, { action: exchangeAction('exportPeriod') });
  const starts: Map<number, string> = new Map<number, string>(periods.records.periods.map((r) => [r.id, String(r.values.PeriodStart || '')]));
  const start: string | undefined = starts.get(periodId);
  if (start === undefined) {
    throw new Error(wordOf(message('exportPeriodGone', { periodId })));
  }
  const lookupId = (r: Row, column: string): number | undefined => (typeof r.values[column] === 'number' ? (r.values[column] as number) : undefined);
  const keep = (list: ListKey, r: Row): boolean => {
    if (list === 'periods') {
      return r.id === periodId;
    }
    if (list === 'periodSections') {
      return r.values.SectionScope === 'Programme' || lookupId(r, 'ReportingPeriod') === periodId;
    }
    if (list === 'risks') {
      const raised: number | undefined = lookupId(r, 'RaisedPeriod');
      const closed: number | undefined = lookupId(r, 'ClosedPeriod');
      const raisedBy: boolean = raised === undefined || (starts.get(raised) || '') <= start;
      const notClosedBefore: boolean = closed === undefined || (starts.get(closed) || '') >= start;
      return raisedBy && notClosedBefore;
    }
    return true;
  };
  const state: ISiteState = await readState(transport, exchangeAction('exportPeriod'), queries, keep);
  return fileOf(state);
}

/** A .json file's tables as a source (the file must be an export of this product). */
export function jsonSource(parsed: unknown): ISource {
  const source: ISource = { rowWord: 'item', tables: [], problems: [] };
  const f = parsed as Partial<IExchangeFile> | null;
  if (!f || typeof f !== 'object' || f.format !== 'programme-highlights' || !f.lists || typeof f.lists !== 'object') {
    source.problems.push({ sheet: '(file)', ...said(message('importNotAnExport', {})) });
    return source;
  }
  if (f.version !== 1) {
    source.problems.push({ sheet: '(file)', ...said(message('importExportVersion', { version: String(f.version) })) });
    return source;
  }
  for (const title of Object.keys(f.lists)) {
    const rows: unknown = (f.lists as { [k: string]: unknown })[title];
    if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) {
      source.problems.push({ sheet: title, ...said(message('importNotAList', {})) });
      continue;
    }
    source.tables.push({ sheet: title, rows: rows as ExchangeRow[], rowNumbers: rows.map((_r, i) => i + 1) });
  }
  return source;
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** A cell in the product's form, or a problem. */
function normalise(c: IExchangeColumn, raw: CellValue | undefined, state: ISiteState): { value: CellValue } | { problem: IMessage } {
  if (isEmpty(raw)) {
    return c.required ? { problem: message('cellEmpty', {}) } : { value: c.kind === 'userMulti' ? [] : null };
  }
  const v = raw as Exclude<CellValue, null>;
  switch (c.kind) {
    case 'date': {
      if (typeof v !== 'string') {
        return { problem: message('cellNotADate', { value: JSON.stringify(v) }) };
      }
      try {
        return { value: parseUkDate(v, c.heading) };
      } catch (e) {
        return { problem: message('cellDateRefused', { value: v, ...(e instanceof DomainValidationError ? { reason: e.reason } : {}) }) };
      }
    }
    case 'dateTime': {
      const t: string | undefined = typeof v === 'string' ? instant(v) : undefined;
      return t ? { value: t } : { problem: message('cellNotADateTime', { value: JSON.stringify(v) }) };
    }
    case 'number': {
      const n: number = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
      return isFinite(n) ? { value: n } : { problem: message('cellNotANumber', { value: String(v) }) };
    }
    case 'boolean':
      return typeof v === 'boolean' ? { value: v } : v === 'Yes' || v === 'No' ? { value: v === 'Yes' } : { problem: message('cellNotYesOrNo', { value: String(v) }) };
    case 'choice': {
      const s: string = String(v).trim();
      const choices: string[] = c.choices || [];
      return choices.indexOf(s) >= 0 ? { value: s } : { problem: message('cellNotAChoice', { value: s, choices }) };
    }
    case 'user':
    case 'userMulti': {
      const logins: string[] = (Array.isArray(v) ? v : String(v).split(';')).map((x) => String(x).trim()).filter((x) => x !== '');
      if (c.kind === 'user' && logins.length > 1) {
        return { problem: message('cellOnePerson', { count: logins.length }) };
      }
      const unknown: string[] = logins.filter((l) => !state.loginIds.has(l.toLowerCase()));
      if (unknown.length > 0) {
        return { problem: message('cellNotUsers', { logins: unknown }) };
      }
      return { value: c.kind === 'user' ? logins[0] : logins };
    }
    default: {
      if (typeof v !== 'string' && typeof v !== 'number') {
        return { problem: message('cellNotText', { value: JSON.stringify(v) }) };
      }
      const s: string = String(v);
      if (c.maxLength !== undefined && s.length > c.maxLength) {
        return { problem: message('cellTooLong', { length: s.length, max: c.maxLength }) };
      }
      return { value: s };
    }
  }
}

function keyOf(table: IExchangeTable, row: ExchangeRow): string {
  const natural: readonly string[] | undefined = NATURAL_KEYS[table.list];
  if (table.keyed) {
    return `key:${String(row[REQUEST_KEY])}`;
  }
  if (natural) {
    return JSON.stringify(natural.map((n) => (typeof row[n] === 'string' ? (row[n] as string).toLowerCase() : row[n])));
  }
  return rowContent(table, row);
}

async function requestKeysOnSite(transport: IRowTransport, list: ListKey, keys: string[]): Promise<Set<string>> {
  return new Set<string>((await idsByRequestKey(transport, list, keys, exchangeAction('checkEarlier'))).keys());
}

/** The ids of the list's items that carry these request keys (an indexed column), 20 keys a read. */
async function idsByRequestKey(transport: IRowTransport, list: ListKey, keys: string[], action: string): Promise<Map<string, number>> {
  const found: Map<string, number> = new Map<string, number>();
  for (let i: number = 0; i < keys.length; i += 20) {
    const queries: QuerySet = {};
    keys.slice(i, i + 20).forEach((k, j) => {
      queries[`k${j}`] = { list, filter: { anyOf: [{ column: REQUEST_KEY, value: k }] } };
    });
    const { records } = await transport.read(queries, { action });
    keys.slice(i, i + 20).forEach((k, j) => {
      const items: Row[] = records[`k${j}`] || [];
      if (items.length > 0) {
        found.set(k, items[0].id);
      }
    });
  }
  return found;
}

/**
 * Checks a whole source against the schema and the site, and works out what to write. Reads the
 * site; writes nothing.
 */
export async function planImport(transport: IRowTransport, source: ISource): Promise<IImportPlan> {
  const state: ISiteState = await readState(transport, exchangeAction('readSite'));
  const problems: IImportProblem[] = source.problems.slice();
  const byTitle: { [title: string]: IExchangeTable } = {};
  for (const t of state.tables) {
    byTitle[t.title] = t;
  }
  const normalised: Map<ListKey, Array<{ row: ExchangeRow; at: number; sheet: string }>> = new Map();
  for (const st of source.tables) {
    const table: IExchangeTable | undefined = byTitle[st.sheet];
    if (!table) {
      problems.push({ sheet: st.sheet, ...said(message('importUnknownList', { lists: state.tables.map((t) => t.title) })) });
      continue;
    }
    const known: Set<string> = new Set<string>(table.columns.map((c) => c.name));
    const present: Set<string> = new Set<string>();
    st.rows.forEach((row) => Object.keys(row).forEach((k) => present.add(k)));
    for (const k of Array.from(present)) {
      if (!known.has(k)) {
        problems.push({ sheet: st.sheet, row: source.rowWord === 'row' ? 1 : undefined, column: k, ...said(message('importNotAColumn', {})) });
      }
    }
    const rows: Array<{ row: ExchangeRow; at: number; sheet: string }> = [];
    st.rows.forEach((raw, i) => {
      const row: ExchangeRow = {};
      for (const c of table.columns) {
        if (c.name === REQUEST_KEY) {
          row[c.name] = isEmpty(raw[c.name]) ? null : String(raw[c.name]).trim();
          continue;
        }
        const r = normalise(c, raw[c.name], state);
        if ('problem' in r) {
          problems.push({ sheet: st.sheet, row: st.rowNumbers[i], column: c.heading, ...said(r.problem) });
        } else {
          row[c.name] = r.value;
        }
      }
      rows.push({ row, at: st.rowNumbers[i], sheet: st.sheet });
    });
    normalised.set(table.list, rows);
  }

  // Lookups: each must name a row of the file or an item of the site.
  const keysOf = (list: ListKey): Set<string> => {
    const col: string = LOOKUP_KEYS[list] as string;
    const out: Set<string> = new Set<string>((state.rows[list] || []).map((x) => String(x.row[col]).toLowerCase()));
    (normalised.get(list) || []).forEach((x) => {
      if (typeof x.row[col] === 'string') {
        out.add((x.row[col] as string).toLowerCase());
      }
    });
    return out;
  };
  const steps: IImportPlan['steps'] = [];
  for (const table of state.tables) {
    const rows = normalised.get(table.list) || [];
    for (const c of table.columns.filter((x) => x.kind === 'lookup')) {
      const target: ListKey = c.target as ListKey;
      const names: Set<string> = keysOf(target);
      for (const x of rows) {
        const v: CellValue = x.row[c.name];
        if (typeof v === 'string' && !names.has(v.toLowerCase())) {
          const targetTitle: string = (state.tables.filter((t) => t.list === target)[0] as IExchangeTable).title;
          const keyHeading: string = (state.tables.filter((t) => t.list === target)[0] as IExchangeTable).columns.filter((k) => k.name === LOOKUP_KEYS[target])[0].heading;
          problems.push({ sheet: x.sheet, row: x.at, column: c.heading, ...said(message('importNotFound', { value: v, sheet: targetTitle, column: keyHeading })) });
        }
      }
    }
    await fillRequestKeys(table, rows.map((x) => x.row));
    // A row twice in the file.
    const seen: Map<string, number> = new Map<string, number>();
    for (const x of rows) {
      const k: string = keyOf(table, x.row);
      if (seen.has(k) && (table.keyed || NATURAL_KEYS[table.list])) {
        const natural: readonly string[] = NATURAL_KEYS[table.list] || [];
        problems.push({
          sheet: x.sheet,
          row: x.at,
          column: table.keyed ? (table.columns.filter((c) => c.name === REQUEST_KEY)[0] as IExchangeColumn).heading : natural.map((n) => (table.columns.filter((c) => c.name === n)[0] as IExchangeColumn).heading).join(', ') || undefined,
          ...said(message('importRepeated', { rowWord: source.rowWord, at: seen.get(k) as number, keyed: !!table.keyed }))
        });
      }
      seen.set(k, x.at);
    }
    if (table.list === 'programme') {
      if (rows.length > 1) {
        problems.push({ sheet: rows[1].sheet, row: rows[1].at, ...said(message('importOneProgramme', {})) });
      }
      const onSite = state.rows.programme || [];
      if (rows.length > 0 && onSite.length > 0 && String(onSite[0].row.Title) !== String(rows[0].row.Title)) {
        problems.push({ sheet: rows[0].sheet, row: rows[0].at, column: table.columns[0].heading, ...said(message('importProgrammeThere', { programme: String(onSite[0].row.Title) })) });
      }
    }
    // What is already there: an earlier run of this import, or the same items.
    let there: (row: ExchangeRow) => boolean;
    if (table.keyed) {
      const found: Set<string> = problems.length === 0 ? await requestKeysOnSite(transport, table.list, rows.map((x) => String(x.row[REQUEST_KEY]))) : new Set<string>();
      there = (row) => found.has(String(row[REQUEST_KEY]));
    } else if (table.list === 'programme') {
      there = () => (state.rows.programme || []).length > 0;
    } else {
      const onSite: Set<string> = new Set<string>((state.rows[table.list] || []).map((x) => keyOf(table, x.row)));
      there = (row) => onSite.has(keyOf(table, row));
    }
    const create: ExchangeRow[] = rows.filter((x) => !there(x.row)).map((x) => x.row);
    steps.push({ table, create, alreadyThere: rows.length - create.length });
  }
  // A carried milestone's origin names a close-down row of the file or of the site.
  const carried = (normalised.get('milestones') || []).filter((x) => typeof x.row.Origin === 'string' && PORTABLE_ORIGIN.test(x.row.Origin as string));
  if (carried.length > 0) {
    const inFile: Set<string> = new Set<string>((normalised.get('closeDown') || []).map((x) => String(x.row[REQUEST_KEY])));
    const wanted: string[] = carried.map((x) => (PORTABLE_ORIGIN.exec(x.row.Origin as string) as RegExpExecArray)[1]).filter((k) => !inFile.has(k));
    const onSite: Set<string> = wanted.length > 0 ? await requestKeysOnSite(transport, 'closeDown', wanted.filter((k, i) => wanted.indexOf(k) === i)) : new Set<string>();
    const heading: string = (state.tables.filter((t) => t.list === 'milestones')[0] as IExchangeTable).columns.filter((c) => c.name === 'Origin')[0].heading;
    const rowsTitle: string = (state.tables.filter((t) => t.list === 'closeDown')[0] as IExchangeTable).title;
    for (const x of carried) {
      const key: string = (PORTABLE_ORIGIN.exec(x.row.Origin as string) as RegExpExecArray)[1];
      if (!inFile.has(key) && !onSite.has(key)) {
        problems.push({ sheet: x.sheet, row: x.at, column: heading, ...said(message('importOriginNotFound', { origin: String(x.row.Origin), sheet: rowsTitle })) });
      }
    }
  }
  // A close-down row's sources name milestones and risks of the file or of the site.
  const drafted = (normalised.get('closeDown') || []).filter((x) => sourceLines(x.row.Sources).some((line) => PORTABLE_SOURCE.test(line)));
  if (drafted.length > 0) {
    const heading: string = (state.tables.filter((t) => t.list === 'closeDown')[0] as IExchangeTable).columns.filter((c) => c.name === 'Sources')[0].heading;
    for (const kind of Object.keys(SOURCE_LISTS)) {
      const list: ListKey = SOURCE_LISTS[kind];
      const inFile: Set<string> = new Set<string>((normalised.get(list) || []).map((x) => String(x.row[REQUEST_KEY])));
      const cited = (x: { row: ExchangeRow }): string[] => citedKeys(x.row.Sources, kind);
      const wanted: string[] = drafted.map(cited).reduce((all, keys) => all.concat(keys), [] as string[]).filter((k, i, all) => !inFile.has(k) && all.indexOf(k) === i);
      const onSite: Set<string> = wanted.length > 0 ? await requestKeysOnSite(transport, list, wanted) : new Set<string>();
      const title: string = (state.tables.filter((t) => t.list === list)[0] as IExchangeTable).title;
      for (const x of drafted) {
        for (const key of cited(x).filter((k) => !inFile.has(k) && !onSite.has(k))) {
          problems.push({ sheet: x.sheet, row: x.at, column: heading, ...said(message('importSourceNotFound', { kind: kind as 'risk' | 'milestone', key, sheet: title })) });
        }
      }
    }
  }
  // An acknowledgement's finding names a report, milestone or risk, or a workstream, of the file or of the site.
  const acknowledged = (normalised.get('acknowledgements') || []).filter((x) => {
    const parts = findingKeyParts(x.row.FindingKey);
    return parts !== undefined && PORTABLE_FINDING_RECORD.test(parts.record);
  });
  if (acknowledged.length > 0) {
    const ackTable: IExchangeTable = state.tables.filter((t) => t.list === 'acknowledgements')[0] as IExchangeTable;
    const heading: string = ackTable.columns.filter((c) => c.name === 'FindingKey')[0].heading;
    const records = acknowledged.map((x) => ({ x, m: PORTABLE_FINDING_RECORD.exec((findingKeyParts(x.row.FindingKey) as { record: string }).record) as RegExpExecArray }));
    const codes: Set<string> = keysOf('workstreams');
    for (const kind of Object.keys(FINDING_RECORD_LISTS)) {
      const list: ListKey = FINDING_RECORD_LISTS[kind];
      const inFile: Set<string> = new Set<string>((normalised.get(list) || []).map((x) => String(x.row[REQUEST_KEY])));
      const wanted: string[] = records.filter((r) => r.m[1] === kind && !inFile.has(r.m[2])).map((r) => r.m[2]);
      const onSite: Set<string> = wanted.length > 0 ? await requestKeysOnSite(transport, list, wanted.filter((k, i) => wanted.indexOf(k) === i)) : new Set<string>();
      const title: string = (state.tables.filter((t) => t.list === list)[0] as IExchangeTable).title;
      for (const r of records.filter((y) => y.m[1] === kind && !inFile.has(y.m[2]) && !onSite.has(y.m[2]))) {
        problems.push({ sheet: r.x.sheet, row: r.x.at, column: heading, ...said(message('findingRecordMissing', { ref: r.m[0], what: kind as 'report' | 'milestone' | 'risk', list: title })) });
      }
    }
    const workstreamsTitle: string = (state.tables.filter((t) => t.list === 'workstreams')[0] as IExchangeTable).title;
    for (const r of records.filter((y) => y.m[3] !== undefined && !codes.has(y.m[3].toLowerCase()))) {
      problems.push({ sheet: r.x.sheet, row: r.x.at, column: heading, ...said(message('findingRecordMissing', { ref: r.m[0], what: 'workstream', list: workstreamsTitle })) });
    }
  }
  return { problems, steps };
}

/**
 * An acknowledgement's finding key as this site names its record ({@link portableFindingKeys}):
 * a request key or a workstream's code by the id it has here; a record named by another site's ids,
 * or not found, by a record no finding has, so that it sets nothing aside here (said in a note).
 */
async function siteFindingKey(
  transport: IRowTransport,
  key: CellValue,
  made: { [list in ListKey]?: Map<string, number> },
  workstreams: Map<string, number>,
  action: string
): Promise<{ key: CellValue; unlinked: boolean }> {
  const parts = findingKeyParts(key);
  if (!parts || parts.record === 'period' || parts.record.indexOf(`${UNLINKED_FINDING}:`) === 0) {
    return { key, unlinked: false };
  }
  const m: RegExpExecArray | null = PORTABLE_FINDING_RECORD.exec(parts.record);
  let record: string | undefined;
  if (m && m[3] !== undefined) {
    const id: number | undefined = workstreams.get(m[3].toLowerCase());
    record = id === undefined ? undefined : `workstream:${id}`;
  } else if (m) {
    const list: ListKey = FINDING_RECORD_LISTS[m[1]];
    const ids: Map<string, number> = (made[list] = made[list] || new Map<string, number>());
    if (!ids.has(m[2])) {
      (await idsByRequestKey(transport, list, [m[2]], action)).forEach((id, k) => ids.set(k, id));
    }
    record = ids.has(m[2]) ? `${m[1]}:${ids.get(m[2]) as number}` : undefined;
  }
  return record === undefined ? { key: `${parts.rule}|${UNLINKED_FINDING}:${parts.record}|${parts.field}`, unlinked: true } : { key: `${parts.rule}|${record}|${parts.field}`, unlinked: false };
}

/**
 * Names each close-down row's portable sources ({@link PORTABLE_SOURCE}) by the ids their items
 * have on this site, once every list is in. Every row on the site is looked at, not only those
 * this run made, so a run stopped between the rows and this step is put right by the next.
 * A source whose item cannot be found stays as it is: readiness then says the item was dropped.
 */
async function linkSources(transport: IRowTransport, made: { [kind: string]: Map<string, number> }, title: string, progress: (p: IImportProgress) => void): Promise<void> {
  const action: string = exchangeAction('linkSources', title);
  const { records } = await transport.read({ rows: { list: 'closeDown', columns: ['Sources'] } }, { action });
  const rows: Row[] = records.rows.filter((r) => sourceLines(r.values.Sources as CellValue).some((line) => PORTABLE_SOURCE.test(line)));
  if (rows.length === 0) {
    return;
  }
  const ids: { [kind: string]: Map<string, number> } = {};
  for (const kind of Object.keys(SOURCE_LISTS)) {
    const keys: string[] = rows
      .map((r) => citedKeys(r.values.Sources as CellValue, kind))
      .reduce((all, cited) => all.concat(cited), [] as string[])
      .filter((k, i, all) => !made[kind].has(k) && all.indexOf(k) === i);
    const found: Map<string, number> = keys.length > 0 ? await idsByRequestKey(transport, SOURCE_LISTS[kind], keys, action) : new Map<string, number>();
    ids[kind] = new Map<string, number>([...Array.from(made[kind].entries()), ...Array.from(found.entries())]);
  }
  const writes: ListWrite[] = rows.map((r) => ({
    op: 'update',
    list: 'closeDown',
    id: r.id,
    etag: r.etag,
    record: {
      Sources: sourceLines(r.values.Sources as CellValue)
        .map((line) => {
          const m: RegExpExecArray | null = PORTABLE_SOURCE.exec(line);
          const id: number | undefined = m ? ids[m[1]].get(m[2]) : undefined;
          return m && id !== undefined ? `${m[1]}:${id}` : line;
        })
        .join('\n')
    }
  }));
  progress({ list: title, done: 0, total: writes.length });
  for (let i: number = 0; i < writes.length; i += 100) {
    const outcomes: WriteOutcome[] = await transport.writeMany(writes.slice(i, i + 100), action);
    const refused: WriteOutcome | undefined = outcomes.filter((o) => !o.done)[0];
    if (refused && !refused.done) {
      // Nothing is lost: the rows keep their portable sources, and running the import again links them.
      throw refused.error;
    }
    progress({ list: title, done: Math.min(i + 100, writes.length), total: writes.length });
  }
}

/** An exchange's row as the column values to write: a lookup or person by its id here. */
function rowToValues(table: IExchangeTable, row: ExchangeRow, ids: { [list in ListKey]?: Map<string, number> }, logins: Map<string, number>): RowValues {
  const record: RowValues = {};
  for (const c of table.columns) {
    const v: CellValue = row[c.name];
    if (isEmpty(v)) {
      continue;
    }
    if (c.kind === 'lookup') {
      record[c.name] = (ids[c.target as ListKey] as Map<string, number>).get(String(v).toLowerCase());
    } else if (c.kind === 'user') {
      record[c.name] = logins.get(String(v).toLowerCase());
    } else if (c.kind === 'userMulti') {
      record[c.name] = (v as string[]).map((l) => logins.get(l.toLowerCase()));
    } else {
      record[c.name] = v;
    }
  }
  return record;
}

/**
 * Checks the source and, only if it has no problem, writes what the site lacks, list by list,
 * telling `progress` as it goes. Throws {@link ImportRefused} (having written nothing) when the
 * file has problems.
 */
export async function importSource(transport: IRowTransport, source: ISource, progress: (p: IImportProgress) => void = () => undefined): Promise<IImportSummary> {
  const plan: IImportPlan = await planImport(transport, source);
  if (plan.problems.length > 0) {
    throw new ImportRefused(plan.problems, source.rowWord);
  }
  // The site's items as they are now, for lookups to point at.
  const state: ISiteState = await readState(transport, exchangeAction('readSite'));
  const ids: { [list in ListKey]?: Map<string, number> } = {};
  for (const list of Object.keys(LOOKUP_KEYS) as ListKey[]) {
    ids[list] = new Map<string, number>((state.rows[list] || []).map((x) => [String(x.row[LOOKUP_KEYS[list] as string]).toLowerCase(), x.id]));
  }
  const summary: IImportSummary = { lists: [], created: 0, alreadyThere: 0, notes: [] };
  // Close-down rows before the milestones carried from them, so that an origin can name the row's ids here.
  const steps = plan.steps.slice();
  const rowsAt: number = steps.findIndex((s) => s.table.list === 'closeDown');
  const milestonesAt: number = steps.findIndex((s) => s.table.list === 'milestones');
  if (rowsAt > milestonesAt && milestonesAt >= 0) {
    steps.splice(milestonesAt, 0, steps.splice(rowsAt, 1)[0]);
  }
  // Acknowledgements last, so that every record their findings name is here to be named by its id.
  const acknowledgementsAt: number = steps.findIndex((s) => s.table.list === 'acknowledgements');
  if (acknowledgementsAt >= 0) {
    steps.push(steps.splice(acknowledgementsAt, 1)[0]);
  }
  // Reports, milestones and risks made by this run, by request key → id: the acknowledgements' findings.
  const madeByKey: { [list in ListKey]?: Map<string, number> } = {};
  // Close-down rows by request key → the origin a milestone carried from them records here.
  const origins: Map<string, string> = new Map<string, string>();
  const originOf = async (row: ExchangeRow): Promise<void> => {
    const m: RegExpExecArray | null = typeof row.Origin === 'string' ? PORTABLE_ORIGIN.exec(row.Origin) : null;
    if (!m) {
      return;
    }
    if (!origins.has(m[1])) {
      const { records } = await transport.read({ row: { list: 'closeDown', filter: { anyOf: [{ column: REQUEST_KEY, value: m[1] }] } } }, { action: exchangeAction('importList', 'Milestones') });
      if (records.row.length > 0) {
        origins.set(m[1], `closeDown:${String(records.row[0].values.Phase)}:${String(records.row[0].id)}`);
      }
    }
    row.Origin = origins.get(m[1]) || row.Origin;
  };
  // Milestones and risks made by this run, by request key → id: the close-down rows' sources.
  const made: { [kind: string]: Map<string, number> } = { milestone: new Map<string, number>(), risk: new Map<string, number>() };
  for (const step of steps) {
    const { table, create } = step;
    const action: string = exchangeAction('importList', table.title);
    if (table.list === 'milestones') {
      for (const row of create) {
        await originOf(row);
      }
    }
    if (table.list === 'acknowledgements') {
      for (const row of create) {
        const linked = await siteFindingKey(transport, row.FindingKey, madeByKey, ids.workstreams as Map<string, number>, action);
        row.FindingKey = linked.key;
        if (linked.unlinked) {
          summary.notes.push(wordOf(message('acknowledgementUnlinked', { period: String(row.ReportingPeriod), finding: String(row.Title) })));
        }
      }
    }
    const total: number = create.length;
    progress({ list: table.title, done: 0, total });
    for (let i: number = 0; i < create.length; i += 20) {
      const chunk: ExchangeRow[] = create.slice(i, i + 20);
      const stored: Row[] = await transport.createMany(
        table.list,
        chunk.map((row) => rowToValues(table, row, ids, state.loginIds)),
        action
      );
      const keyColumn: string | undefined = LOOKUP_KEYS[table.list];
      if (keyColumn) {
        stored.forEach((r, j) => (ids[table.list] as Map<string, number>).set(String(chunk[j][keyColumn]).toLowerCase(), r.id));
      }
      if (table.list === 'closeDown') {
        stored.forEach((r, j) => origins.set(String(chunk[j][REQUEST_KEY]), `closeDown:${String(r.values.Phase)}:${String(r.id)}`));
      }
      const kind: string | undefined = Object.keys(SOURCE_LISTS).filter((k) => SOURCE_LISTS[k] === table.list)[0];
      if (kind) {
        stored.forEach((r, j) => made[kind].set(String(chunk[j][REQUEST_KEY]), r.id));
      }
      if (Object.keys(FINDING_RECORD_LISTS).some((k) => FINDING_RECORD_LISTS[k] === table.list)) {
        const byKey: Map<string, number> = (madeByKey[table.list] = madeByKey[table.list] || new Map<string, number>());
        stored.forEach((r, j) => byKey.set(String(chunk[j][REQUEST_KEY]), r.id));
      }
      progress({ list: table.title, done: Math.min(i + 20, total), total });
    }
    summary.lists.push({ title: table.title, created: total, alreadyThere: step.alreadyThere });
    summary.created += total;
    summary.alreadyThere += step.alreadyThere;
  }
  const rowsTable: IExchangeTable | undefined = state.tables.filter((t) => t.list === 'closeDown')[0];
  if (rowsTable) {
    await linkSources(transport, made, rowsTable.title, progress);
  }
  // A locked period shows what the Board saw from its snapshot; a workbook carries none.
  const snapshotted: Set<string> = new Set<string>();
  plan.steps
    .filter((s) => s.table.list === 'snapshots')
    .forEach((s) => s.create.forEach((r) => snapshotted.add(String(r.ReportingPeriod).toLowerCase())));
  for (const step of plan.steps.filter((s) => s.table.list === 'periods')) {
    for (const p of step.create.filter((r) => r.PeriodState === 'Locked' && !snapshotted.has(String(r.Title).toLowerCase()))) {
      summary.notes.push(wordOf(message('importPeriodWithoutSnapshot', { period: String(p.Title) })));
    }
  }
  // Likewise a closed phase's close-down: the snapshot its Phases item names must come with it.
  const snapshotIds: Set<string> = new Set<string>((state.rows.snapshots || []).map((x) => String(x.row.SnapshotId)));
  plan.steps.filter((s) => s.table.list === 'snapshots').forEach((s) => s.create.forEach((r) => snapshotIds.add(String(r.SnapshotId))));
  for (const step of plan.steps.filter((s) => s.table.list === 'phases')) {
    for (const p of step.create.filter((r) => r.PhaseState === 'Closed' && typeof r.CloseDownSnapshotId === 'string' && !snapshotIds.has(r.CloseDownSnapshotId))) {
      summary.notes.push(wordOf(message('importCloseDownWithoutSnapshot', { phase: String(p.Title) })));
    }
  }
  return summary;
}
