/**
 * What the REST and Graph bad-input properties share: the seeded emulator started in-process,
 * a ledger of the writes the emulator acknowledged, and the checks that after a run the store is
 * intact — the database sound and the same on disk as in memory, every list readable, every
 * stored value of its column's type, and the seeded data changed only by acknowledged writes.
 */
import fc from 'fast-check';
import type { Emulator } from '../../../src/emulator/server';
import type { IFieldDefinition } from '../../../src/emulator/schema';
import { Store, type IStoredItem, type IStoredList } from '../../../src/emulator/store';
import { startStack, USERS } from '../../data/support/stack';
import { anyNumber, anyText, encode, hasXmlInvalidCharacter, hostileText, HOSTILE_PIECES, longText } from './hostile';

export { startStack, USERS };

/** A JSON value as an answer carries it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** An answer read whole. */
export interface IAnswer {
  status: number;
  contentType: string;
  text: string;
  body: Json;
}

/** Sends a request and reads the answer; a dropped connection fails with what was sent. */
export async function send(url: string, init: RequestInit, what: string): Promise<IAnswer> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new Error(`The connection failed for ${what}: ${e instanceof Error ? `${e.message} ${String((e as { cause?: unknown }).cause || '')}` : String(e)}`);
  }
  const text: string = await res.text();
  let body: Json = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') || '', text, body };
}

/** A short, printable account of a request for failure messages. */
export function show(value: unknown, max: number = 300): string {
  const text: string = typeof value === 'string' ? value : JSON.stringify(value);
  const s: string = JSON.stringify(text === undefined ? String(value) : text);
  return s.length > max ? `${s.slice(0, max)}… (${s.length} characters)` : s;
}

// ---------------------------------------------------------------------------------------------
// The store's state and the writes the emulator acknowledged
// ---------------------------------------------------------------------------------------------

/** The items of every list, and each list's next id, at one moment. */
export interface IStoreSnapshot {
  lists: Map<string, { title: string; nextId: number; items: Map<number, string> }>;
}

/** Copies the store's lists (items as JSON, so later changes cannot reach the copy). */
export function snapshot(emu: Emulator): IStoreSnapshot {
  const lists: IStoreSnapshot['lists'] = new Map();
  for (const l of emu.store.lists) {
    lists.set(l.guid, { title: l.definition.title, nextId: l.nextId, items: new Map(Array.from(l.items.values()).map((i) => [i.id, JSON.stringify(i)])) });
  }
  return { lists };
}

/** Writes the emulator acknowledged with a 2xx: the items each touched and the items each created. */
export class WriteLedger {
  /** "listGuid:id" of items a 2xx write addressed (update, delete). */
  public readonly touched: Set<string> = new Set<string>();
  /** "listGuid:id" of items a 2xx create answered with. */
  public readonly created: Set<string> = new Set<string>();
  public writes: number = 0;

  public touch(list: IStoredList | undefined, id: number): void {
    if (list && Number.isInteger(id)) {
      this.touched.add(`${list.guid}:${id}`);
    }
  }

  public create(list: IStoredList | undefined, id: unknown): void {
    const n: number = Number(id);
    if (!list || !Number.isInteger(n)) {
      throw new Error(`A create was acknowledged without the new item's id (${show(id)})`);
    }
    this.created.add(`${list.guid}:${n}`);
  }
}

/** The reasons a stored value does not fit its column, or [] when it does. */
export function columnProblems(emu: Emulator, list: IStoredList, item: IStoredItem): string[] {
  const problems: string[] = [];
  const where: string = `${list.definition.title} item ${item.id}`;
  const isIso = (v: unknown): boolean => {
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v)) {
      return false;
    }
    const d: Date = new Date(v);
    const year: number = Number(v.slice(0, 4));
    // SharePoint keeps dates from 1 January 1900 to 31 December 8900.
    return !isNaN(d.getTime()) && d.toISOString().slice(0, 19) === v.slice(0, 19) && year >= 1900 && year <= 8900;
  };
  const isUser = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && !!emu.site.userById(v);
  if (!Number.isInteger(item.id) || item.id < 1 || item.id >= list.nextId) {
    problems.push(`${where}: id ${item.id} is not below the list's next id ${list.nextId}`);
  }
  if (!Number.isInteger(item.version) || item.version < 1) {
    problems.push(`${where}: version ${show(item.version)}`);
  }
  if (!isIso(item.created) || !isIso(item.modified) || !isUser(item.authorId) || !isUser(item.editorId) || typeof item.guid !== 'string') {
    problems.push(`${where}: built-in columns ${show({ created: item.created, modified: item.modified, author: item.authorId, editor: item.editorId, guid: item.guid })}`);
  }
  const writable: IFieldDefinition[] = list.definition.fields.filter((f) => !f.readOnly);
  for (const key of Object.keys(item.values)) {
    if (!writable.some((f) => f.internalName === key)) {
      problems.push(`${where}: holds a value for ${show(key)}, which is not a column`);
    }
  }
  for (const f of writable) {
    const v: unknown = item.values[f.internalName];
    const bad = (why: string): void => {
      problems.push(`${where}: ${f.internalName} (${f.type}) holds ${show(v, 120)}: ${why}`);
    };
    if (f.type === 'UserMulti') {
      if (!Array.isArray(v) || !v.every(isUser)) {
        bad('not a list of site user ids');
      }
      continue;
    }
    if (v === null || v === undefined) {
      continue;
    }
    switch (f.type) {
      case 'Text':
      case 'Note':
      case 'Choice':
        if (typeof v !== 'string') {
          bad('not text');
        } else if (hasXmlInvalidCharacter(v)) {
          bad('a character XML 1.0 does not allow (a control character, U+FFFE/U+FFFF or a lone surrogate)');
        } else if (v.length > (f.type === 'Note' ? 63999 : f.maxLength || 255)) {
          bad('longer than the column allows');
        } else if (f.type === 'Choice' && (f.choices || []).indexOf(v) < 0) {
          bad('not one of the choices');
        }
        break;
      case 'Number':
        if (typeof v !== 'number' || !isFinite(v)) {
          bad('not a finite number');
        } else if ((f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max)) {
          bad(`outside ${f.min} to ${f.max}`);
        }
        break;
      case 'Boolean':
        if (typeof v !== 'boolean') {
          bad('not true or false');
        }
        break;
      case 'DateTime':
        if (!isIso(v)) {
          bad('not a UTC date and time SharePoint keeps');
        }
        break;
      case 'Lookup':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
          bad('not an item id');
        }
        break;
      case 'User':
        if (!isUser(v)) {
          bad('not a site user id');
        }
        break;
      default:
        bad('a column type the check does not know');
    }
  }
  return problems;
}

/**
 * Checks the store after a run: sound database, the same on disk as in memory, every value of
 * its column's type, every list readable through `readAll`, and the seeded data changed only by
 * the acknowledged writes; the items created are exactly those acknowledged.
 */
export async function expectStoreIntact(emu: Emulator, before: IStoreSnapshot, ledger: WriteLedger, readAll: (list: IStoredList) => Promise<number>): Promise<void> {
  expect(emu.store.integrityCheck()).toBe('ok');
  const problems: string[] = [];

  // The database file says what memory says (a failed write rolled back in both).
  const second: Store = Store.open(emu.store.file);
  try {
    for (const l of emu.store.lists) {
      const disk: IStoredList | undefined = second.listByGuid(l.guid);
      if (!disk) {
        problems.push(`${l.definition.title} is not in the database`);
        continue;
      }
      if (disk.nextId !== l.nextId) {
        problems.push(`${l.definition.title}: next id ${disk.nextId} on disk, ${l.nextId} in memory`);
      }
      const a: string = JSON.stringify(Array.from(l.items.values()).sort((x, y) => x.id - y.id));
      const b: string = JSON.stringify(Array.from(disk.items.values()).sort((x, y) => x.id - y.id));
      if (a !== b) {
        problems.push(`${l.definition.title}: the items on disk differ from those in memory`);
      }
    }
  } finally {
    second.close();
  }

  for (const l of emu.store.lists) {
    const was = before.lists.get(l.guid);
    if (!was) {
      problems.push(`${l.definition.title} appeared during the run`);
      continue;
    }
    for (const item of Array.from(l.items.values())) {
      problems.push(...columnProblems(emu, l, item));
      const key: string = `${l.guid}:${item.id}`;
      const old: string | undefined = was.items.get(item.id);
      if (old === undefined) {
        if (!ledger.created.has(key)) {
          problems.push(`${l.definition.title} item ${item.id} exists, but no create of it was acknowledged`);
        }
      } else if (old !== JSON.stringify(item) && !ledger.touched.has(key) && !ledger.created.has(key)) {
        problems.push(`${l.definition.title} item ${item.id} changed without an acknowledged write: ${show(old, 200)} → ${show(item, 200)}`);
      }
    }
    for (const id of Array.from(was.items.keys())) {
      if (!l.items.has(id) && !ledger.touched.has(`${l.guid}:${id}`)) {
        problems.push(`${l.definition.title} item ${id} is gone without an acknowledged delete`);
      }
    }
    // Ids are never reused: the ids handed out during the run are exactly the acknowledged creates.
    for (let id: number = was.nextId; id < l.nextId; id++) {
      if (!ledger.created.has(`${l.guid}:${id}`)) {
        problems.push(`${l.definition.title} handed out id ${id} without acknowledging its create`);
      }
    }
    for (const key of Array.from(ledger.created)) {
      const [guid, id] = key.split(':');
      if (guid === l.guid && (Number(id) < was.nextId || Number(id) >= l.nextId)) {
        problems.push(`${l.definition.title}: a create was acknowledged with id ${id}, which the run did not hand out`);
      }
    }
    const readable: number = await readAll(l);
    if (readable !== l.items.size) {
      problems.push(`${l.definition.title}: ${readable} items readable, ${l.items.size} stored`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`The store is not intact after the run:\n${problems.slice(0, 30).join('\n')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Generated values for list columns and request parts
// ---------------------------------------------------------------------------------------------

/** A value a client might send for a column: right, wrong, hostile, huge or nested. */
export function columnValue(emu: Emulator, field: IFieldDefinition, stringIds: boolean = false): fc.Arbitrary<unknown> {
  const { good, wrong } = columnValues(emu, field, stringIds);
  return fc.oneof({ weight: 3, arbitrary: good }, { weight: 4, arbitrary: wrong });
}

/** Values for a column that SharePoint takes (good), and values that are wrong, hostile, huge or nested. */
export function columnValues(emu: Emulator, field: IFieldDefinition, stringIds: boolean = false): { good: fc.Arbitrary<unknown>; wrong: fc.Arbitrary<unknown> } {
  const users: number[] = emu.store.users.map((u) => u.id);
  const good: fc.Arbitrary<unknown>[] = [];
  switch (field.type) {
    case 'Text':
    case 'Note':
      good.push(fc.string({ maxLength: 40 }), hostileText(6).map((s) => s.replace(/[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd]/g, '')));
      break;
    case 'Choice':
      good.push(fc.constantFrom(...(field.choices || ['x']), ''));
      break;
    case 'Number':
      good.push(fc.integer({ min: field.min === undefined ? -1000 : field.min, max: field.max === undefined ? 1000 : field.max }));
      break;
    case 'DateTime':
      good.push(fc.date({ min: new Date('1900-01-02T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => (field.dateOnly ? d.toISOString().slice(0, 10) : d.toISOString())));
      break;
    case 'Lookup':
      good.push(fc.constantFrom(1, 2, 3).map((n) => (stringIds ? String(n) : n)));
      break;
    case 'User':
      good.push(fc.constantFrom(...users).map((n) => (stringIds ? String(n) : n)));
      break;
    case 'UserMulti':
      good.push(fc.array(fc.constantFrom(...users), { maxLength: 3 }), fc.array(fc.constantFrom(...users), { maxLength: 2 }).map((results) => ({ results })));
      break;
    default:
      good.push(fc.constant(null));
  }
  const typed: { [type: string]: unknown[] } = {
    Text: ['x'.repeat(256), 'a\u0000b', 'bell\u0007', 'lone\ud800', '\uffff', 'del\u007f'],
    Note: ['y'.repeat(64000), 'a\u001fb', '\udc00lone'],
    Choice: ['green', 'Green ', ' Green', 'GREEN', 'Green/amber', 'This Period', 'Open\u0000', 'x'],
    Number: ['1e3', '0x10', 'Infinity', ' 2 ', true, [3], {}, 0, 6, -1, 2.5, 1e308, '', 'NaN'],
    DateTime: ['0001-01-01T00:00:00Z', '1899-12-31', '1899-12-31T23:59:59Z', '8901-01-01', '9999-12-31T23:59:59Z', '2023-02-29', '2023-13-01', '2023-06-31T00:00:00Z', '2023-01-01T25:00:00Z', '2023-01-01T00:00:00+99:99', '2023-1-1', '2023-11-01T00:00', 20231101, '31/06/2023', true],
    Lookup: [true, false, [1], [[1]], { Id: 1 }, { results: [1] }, '1.0', 1.5, -1, 0, 99999, ' 1 ', '1', '', 'one', 1e21],
    User: [true, [10], { Id: 10 }, '10', 10.5, 0, 1, 99999, ''],
    UserMulti: [10, '10', [true], [[10]], { results: 'x' }, { results: [10, 'x'] }, [99999], [10.5], [null], {}]
  };
  const wrong: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(typed[field.type] || [null])) },
    anyText(8),
    longText(256, 70000),
    anyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('', '0', '-1', '1.5', ' 2 ', '0x10', '1e3', 'Infinity', 'NaN', '1900-01-01', '0001-01-01T00:00:00Z', '2023-02-29', '2023-13-01', '2023-06-31T00:00:00Z', '9999-12-31T23:59:59Z', 'true', 'Green/Amber'),
    fc.array(fc.oneof(fc.integer({ min: -2, max: 20 }), fc.string({ maxLength: 4 }), fc.constant(null)), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('results', '__metadata', 'Id', 'type', 'toString', '__proto__', 'x'), fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.array(fc.integer(), { maxLength: 2 })), { maxKeys: 3 }),
    fc.constant({ results: 'not a list' }),
    fc.constant([[1]])
  );
  return { good: fc.oneof(...good), wrong };
}

/** Property names a client might send that are not columns (or are read-only). */
export const unknownPropertyName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('Id', 'ID', 'GUID', 'Created', 'Modified', 'Author', 'AuthorId', 'Editor', 'EditorId', 'odata.type', 'odata.etag', 'Attachments', '__proto__', 'constructor', 'toString', 'title', 'WORKSTREAMID', 'Workstream', 'WorkstreamStringId', 'FileSystemObjectType', ''),
  hostileText(3),
  fc.constantFrom(...HOSTILE_PIECES)
);

/** Header values fetch can send (ByteStrings without NUL, CR or LF), hostile where possible. */
export function headerText(extra: readonly string[] = []): fc.Arbitrary<string> {
  const pieces: fc.Arbitrary<string> = fc.oneof(
    { weight: 3, arbitrary: hostileText(4).map((s) => s.replace(/[^\t\u0020-\u007e\u0080-\u00ff]/g, '?').trim()) },
    { weight: 2, arbitrary: fc.constantFrom('application/json', 'application/json;odata=verbose', 'application/json;odata=nometadata', 'application/json;odata=minimalmetadata', '*/*', 'text/html', 'application/xml', 'multipart/mixed', '', '*', '"1"', 'W/"1"', '"x,1"', 'MERGE', 'PATCH', 'DELETE', 'PUT', 'GET', 'POST', 'TRACE', 'Bearer', 'Bearer ', 'Basic YTpi', `Bearer ${USERS.lead}`, `Bearer ${USERS.iib}`, 'Bearer nobody@nowhere.example', 'Bearer i:0#.f|membership|heidi.robinson@improvement.example', 'HonorNonIndexedQueriesWarningMayFailRandomly', 'return=minimal', 'odata.include-annotations="*"') },
    { weight: 1, arbitrary: extra.length > 0 ? fc.constantFrom(...extra) : fc.constant('') },
    { weight: 1, arbitrary: longText(1000, 6000).map((s) => s.replace(/[^\t\u0020-\u007e\u0080-\u00ff]/g, 'x')) }
  );
  return pieces;
}

/** The value one time in `n`, else null. */
export function rarely<T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

/** Strings for a URL: encoded as a client should, or raw for fetch to make of them what it can. */
export function urlPart(text: string, encoded: boolean): string {
  return encoded ? encode(text) : text;
}
