/**
 * Bad input through the emulator's Microsoft Graph API, over real HTTP, against the seeded site:
 * generated list ids, item ids, {fields} bodies (every column type, hostile text, wrong types,
 * nested values, unknown and annotation names), query options, headers and JSON $batch bodies.
 * Every answer is 2xx, or 4xx with Graph's {"error":{"code","message"}} body; never a 5xx or a
 * dropped connection; nothing Graph would refuse is stored; and afterwards the store is intact.
 */
import fc from 'fast-check';
import type { Emulator } from '../../../src/emulator/server';
import type { IFieldDefinition } from '../../../src/emulator/schema';
import type { IStoredList } from '../../../src/emulator/store';
import { record } from '../support/counts';
import { anyText, encode, hasXmlInvalidCharacter, hostileText, seedFor } from './hostile';
import {
  columnValues,
  expectStoreIntact,
  headerText,
  rarely,
  send,
  show,
  snapshot,
  startStack,
  unknownPropertyName,
  urlPart,
  USERS,
  WriteLedger,
  type IAnswer,
  type IStoreSnapshot,
  type Json
} from './emulatorKit';

const AREA: string = 'Bad input: emulator Microsoft Graph';
const LISTS: readonly string[] = ['Milestones', 'Risks', 'Status Reports', 'Workstreams'];
const HONOR: string = 'HonorNonIndexedQueriesWarningMayFailRandomly';

let emu: Emulator;
let before: IStoreSnapshot;
const ledger: WriteLedger = new WriteLedger();

beforeAll(async () => {
  emu = await startStack();
  before = snapshot(emu);
});

afterAll(async () => {
  if (emu) {
    await emu.close();
  }
});

function list(title: string): IStoredList {
  return emu.store.listByTitle(title) as IStoredList;
}

/** The list a Graph path segment names, found as the emulator finds it. */
function listFor(segment: string): IStoredList | undefined {
  let ref: string;
  try {
    ref = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return emu.store.listByGuid(ref) || emu.store.listByTitle(ref) || emu.store.listByUrl(`Lists/${ref}`);
}

function graphErrorOf(body: Json): { code: string; message: string } | undefined {
  const e: Json = body && typeof body === 'object' ? body.error : undefined;
  return e && typeof e.code === 'string' && typeof e.message === 'string' ? { code: e.code, message: e.message } : undefined;
}

/** Checks one answer (or one answer inside a $batch): 2xx, or 4xx with Graph's error body. */
function expectProperAnswer(a: { status: number; body: Json; text?: string; contentType?: string }, what: string): void {
  const fail = (why: string): never => {
    throw new Error(`${what} answered ${a.status} ${show(a.text === undefined ? a.body : a.text, 400)}: ${why}`);
  };
  if (a.status >= 500) {
    fail('a server error');
  }
  if (a.status >= 400) {
    if (a.status === 431 || a.status === 414) {
      return;
    }
    // Graph answers a query over the list view threshold with 429; any other 4xx carries the error body too.
    const e = graphErrorOf(a.body);
    if (!e || e.code.trim() === '' || e.message.trim() === '') {
      fail('a refusal without Graph\'s error body ({"error":{"code","message"}})');
    }
    return;
  }
  if (a.status < 200 || a.status >= 300) {
    fail('neither success nor refusal');
  }
  if (a.text !== undefined && a.text !== '' && a.body === undefined) {
    fail('a success whose body is not JSON');
  }
}

function graph(path: string, init: RequestInit, what: string): Promise<IAnswer> {
  return send(`${emu.url}/v1.0/${path}`, init, what);
}

// ---------------------------------------------------------------------------------------------
// What Graph refuses in {fields}
// ---------------------------------------------------------------------------------------------

function graphColumn(l: IStoredList, key: string): { field: IFieldDefinition; lookupForm: boolean } | undefined {
  const lower: string = key.toLowerCase();
  const direct: IFieldDefinition | undefined = l.definition.fields.filter((f) => f.internalName.toLowerCase() === lower)[0];
  if (direct) {
    return { field: direct, lookupForm: false };
  }
  const m: RegExpExecArray | null = /^(.*)LookupId$/i.exec(key);
  const ref: IFieldDefinition | undefined = m ? l.definition.fields.filter((f) => f.internalName.toLowerCase() === m[1].toLowerCase() && (f.type === 'Lookup' || f.type === 'User' || f.type === 'UserMulti'))[0] : undefined;
  return ref ? { field: ref, lookupForm: true } : undefined;
}

function isId(v: unknown): boolean {
  return (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && /^\s*\d+\s*$/.test(v) && Number(v) > 0);
}

/** Why Graph would refuse these fields, or undefined when it may take them. */
function fieldsRefusal(l: IStoredList, fields: Json): string | undefined {
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
    return 'fields that are not an object';
  }
  for (const key of Object.keys(fields)) {
    if (key.indexOf('@odata.') >= 0) {
      continue;
    }
    const col = graphColumn(l, key);
    if (!col || col.field.readOnly) {
      return `${show(key)} is not a writable column`;
    }
    const { field } = col;
    const v: unknown = fields[key];
    if (v === null) {
      continue;
    }
    const isRef: boolean = field.type === 'Lookup' || field.type === 'User' || field.type === 'UserMulti';
    if (isRef !== col.lookupForm) {
      return `${key} names a lookup column without LookupId, or another column with it`;
    }
    switch (field.type) {
      case 'Text':
      case 'Note':
      case 'Choice':
        if (typeof v !== 'string') {
          return `${key}: not text`;
        }
        if (hasXmlInvalidCharacter(v)) {
          return `${key}: a character XML 1.0 does not allow`;
        }
        if (v.length > (field.type === 'Note' ? 63999 : field.maxLength || 255)) {
          return `${key}: too long`;
        }
        if (field.type === 'Choice' && v !== '' && (field.choices || []).indexOf(v) < 0) {
          return `${key}: not a choice`;
        }
        break;
      case 'Number': {
        const n: number = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (!isFinite(n) || (field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) {
          return `${key}: not a number in range`;
        }
        break;
      }
      case 'DateTime': {
        if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
          return `${key}: not an ISO date`;
        }
        const year: number = Number(v.slice(0, 4));
        if (year < 1900 || year > 8900) {
          return `${key}: outside the years SharePoint keeps`;
        }
        break;
      }
      case 'Lookup':
      case 'User':
        // Graph takes lookup ids as strings only.
        if (typeof v !== 'string' || !isId(v)) {
          return `${key}: not an id as a string`;
        }
        break;
      case 'UserMulti': {
        const ids: unknown = Array.isArray(v) ? v : undefined;
        if (!Array.isArray(ids) || !ids.every(isId)) {
          return `${key}: not a collection of ids`;
        }
        break;
      }
      default:
        return `${key}: cannot be written`;
    }
  }
  return undefined;
}

/** Generated {fields} for a list: Graph's names (XLookupId as strings), annotations, wrong names and values. */
function fieldsFor(l: IStoredList): fc.Arbitrary<{ [key: string]: unknown }> {
  const writable: IFieldDefinition[] = l.definition.fields.filter((f) => !f.readOnly);
  const entries: Array<fc.Arbitrary<Array<[string, unknown]>>> = writable.map((f) => {
    const isRef: boolean = f.type === 'Lookup' || f.type === 'User' || f.type === 'UserMulti';
    const name: string = isRef ? `${f.internalName}LookupId` : f.internalName;
    const { good, wrong } = columnValues(emu, f, true);
    const value: fc.Arbitrary<unknown> = fc.oneof({ weight: 6, arbitrary: f.type === 'UserMulti' ? fc.array(fc.constantFrom(...emu.store.users.map((u) => u.id)), { maxLength: 3 }) : good }, { weight: 1, arbitrary: wrong });
    // Now and then a lookup column by its own name, which Graph refuses (write XLookupId).
    const key: fc.Arbitrary<string> = isRef ? fc.oneof({ weight: 9, arbitrary: fc.constant(name) }, { weight: 1, arbitrary: fc.constant(f.internalName) }) : fc.constant(name);
    return fc.tuple(key, value, fc.boolean()).map(([k, v, annotate]): Array<[string, unknown]> => {
      const out: Array<[string, unknown]> = [[k, v]];
      if (f.type === 'UserMulti' && annotate) {
        out.push([`${name}@odata.type`, 'Collection(Edm.Int32)']);
      }
      return out;
    });
  });
  const unknown: fc.Arbitrary<[string, unknown]> = fc.tuple(
    fc.oneof(unknownPropertyName, fc.constantFrom('WorkstreamLookupId', 'Workstream', 'SponsorLookupId', 'AuthorLookupId', 'id', '@odata.etag', 'ContentType', 'Title@odata.type')),
    fc.oneof(anyText(3), fc.integer(), fc.constant(null), fc.constant('3'))
  );
  return fc.tuple(fc.subarray(entries.map((_, i) => i), { maxLength: 6 }), fc.tuple(...entries), rarely(unknown, 6)).map(([chosen, values, extra]) => {
    const fields: { [key: string]: unknown } = {};
    for (const i of chosen) {
      for (const [k, v] of values[i]) {
        fields[k] = v;
      }
    }
    if (extra) {
      fields[extra[0]] = extra[1];
    }
    return fields;
  });
}

const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'null', '[]', '5', '"x"', 'true', '{', '{"fields":null}', '{"fields":[]}', '{"fields":"Title"}', '{"fields":{"Title":"\\ud800"}}', '{"fields":{"__proto__":{"Title":"x"}}}', '{"Title":"not in fields"}', '{"fields":{"Title":{"toString":[]}}}'),
  anyText(6)
);

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

describe('Microsoft Graph with bad input', () => {
  let siteId: string;
  beforeAll(async () => {
    const a: IAnswer = await graph('sites/localhost:/sites/improvement', { headers: { Authorization: `Bearer ${USERS.lead}` } }, 'the site');
    siteId = a.body.id;
  });

  function siteRef(kind: number): string {
    // The programme site by id (plain and encoded) and by path; "root" is the tenant's root site, which holds no lists.
    return kind === 0 ? siteId : kind === 1 ? encodeURIComponent(siteId) : 'localhost:/sites/improvement:';
  }

  it('item writes with generated {fields}, ids and headers: 2xx or a proper 4xx, and only what Graph accepts is stored', async () => {
    let runs: number = 0;
    const statuses: { [status: number]: number } = {};
    const write = fc.constantFrom(...LISTS).chain((title) => {
      const l: IStoredList = list(title);
      const ids: string[] = Array.from((before.lists.get(l.guid) as { items: Map<number, string> }).items.keys()).slice(0, 40).map(String);
      return fc.record({
        title: fc.constant(title),
        listRef: fc.constantFrom(l.guid, l.guid.toUpperCase(), title, l.definition.url.replace(/^Lists\//, '')),
        site: fc.integer({ min: 0, max: 2 }),
        op: fc.constantFrom('create', 'create', 'patchFields', 'patchFields', 'patchItem', 'delete', 'put'),
        id: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constantFrom('99999', '0', '-1', '1.5', 'abc', '', '%ZZ', '1e1', '0x2', '%203', '+4') }),
        body: fc.oneof({ weight: 5, arbitrary: fieldsFor(l).map((fields) => ({ wrapped: true, fields })) }, { weight: 1, arbitrary: rawBody.map((raw) => ({ wrapped: false, raw })) }),
        ifMatch: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(undefined, '*') }, { weight: 1, arbitrary: headerText(['"x,1"', 'W/"1"']) }),
        auth: rarely(headerText([`Bearer ${USERS.iib}`, `Bearer ${USERS.manager}`]), 6),
        contentType: fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: headerText() })
      });
    });
    await fc.assert(
      fc.asyncProperty(write, async (c) => {
        runs++;
        const l: IStoredList = list(c.title);
        const items: string = `sites/${siteRef(c.site)}/lists/${c.listRef}/items`;
        let method: string = 'POST';
        let path: string = items;
        let text: string;
        if (c.body.wrapped) {
          const fields = (c.body as { fields: { [key: string]: unknown } }).fields;
          text = JSON.stringify(c.op === 'patchFields' ? fields : { fields });
        } else {
          text = (c.body as { raw: string }).raw;
        }
        if (c.op === 'patchFields') {
          method = 'PATCH';
          path = `${items}/${c.id}/fields`;
        } else if (c.op === 'patchItem') {
          method = 'PATCH';
          path = `${items}/${c.id}`;
        } else if (c.op === 'delete') {
          method = 'DELETE';
          path = `${items}/${c.id}`;
        } else if (c.op === 'put') {
          method = 'PUT';
          path = `${items}/${c.id}`;
        }
        const headers: { [name: string]: string } = { 'Content-Type': c.contentType, Authorization: c.auth === null ? `Bearer ${USERS.lead}` : c.auth };
        if (c.ifMatch !== undefined) {
          headers['If-Match'] = c.ifMatch;
        }
        const what: string = `${method} ${path} ${show(headers, 200)} ${show(text, 300)}`;
        const a: IAnswer = await graph(path, { method, headers, body: method === 'DELETE' ? undefined : text }, what);
        statuses[a.status] = (statuses[a.status] || 0) + 1;
        expectProperAnswer(a, what);
        if (a.status < 300) {
          ledger.writes++;
          if (a.status === 201) {
            ledger.create(emu.store.listByGuid(a.body.parentReference.id), a.body.id);
          } else {
            if (!/^-?\d+$/.test(c.id)) {
              throw new Error(`${what} was acknowledged (${a.status}), but items/${c.id} is not an item id`);
            }
            ledger.touch(l, Number(c.id));
          }
          if (method !== 'DELETE') {
            let parsed: Json;
            try {
              parsed = JSON.parse(text.trim() === '' ? '{}' : text);
            } catch {
              throw new Error(`${what} was accepted (${a.status}) with a body that is not JSON`);
            }
            if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
              throw new Error(`${what} was accepted (${a.status}) with a body that is not a JSON object`);
            }
            const fields: Json = c.op === 'patchFields' ? parsed : parsed.fields === undefined ? {} : parsed.fields;
            const why: string | undefined = fieldsRefusal(l, fields);
            if (why) {
              throw new Error(`${what} was accepted (${a.status}), but Graph refuses it: ${why}`);
            }
          }
        }
      }),
      { numRuns: 800, seed: seedFor(100) }
    );
    record(AREA, { inputs: runs });
    console.log(`Graph item writes by status: ${JSON.stringify(statuses)}`);
    const accepted: number = Object.keys(statuses).filter((s) => Number(s) < 300).reduce((n, s) => n + statuses[Number(s)], 0);
    expect(accepted).toBeGreaterThan(runs / 8);
  });

  it('one generated value in otherwise good {fields}: stored only when Graph would take it', async () => {
    let runs: number = 0;
    let accepted: number = 0;
    const oneWrong = fc.constantFrom(...LISTS).chain((title) => {
      const writable: IFieldDefinition[] = list(title).definition.fields.filter((f) => !f.readOnly);
      return fc.constantFrom(...writable).chain((f) =>
        fc.record({ title: fc.constant(title), field: fc.constant(f), wrong: columnValues(emu, f, true).wrong, update: fc.boolean() })
      );
    });
    await fc.assert(
      fc.asyncProperty(oneWrong, async (c) => {
        runs++;
        const l: IStoredList = list(c.title);
        const isRef: boolean = c.field.type === 'Lookup' || c.field.type === 'User' || c.field.type === 'UserMulti';
        const fields: { [key: string]: unknown } = { [isRef ? `${c.field.internalName}LookupId` : c.field.internalName]: c.wrong };
        const target: number | undefined = c.update ? Array.from(l.items.keys())[0] : undefined;
        const path: string = `sites/localhost:/sites/improvement:/lists/${l.guid}/items${target !== undefined ? `/${target}/fields` : ''}`;
        const body: string = JSON.stringify(target !== undefined ? fields : { fields });
        const what: string = `${target !== undefined ? 'PATCH' : 'POST'} ${path} ${show(body, 400)}`;
        const a: IAnswer = await graph(path, { method: target !== undefined ? 'PATCH' : 'POST', headers: { Authorization: `Bearer ${USERS.lead}`, 'Content-Type': 'application/json' }, body }, what);
        expectProperAnswer(a, what);
        if (a.status < 300) {
          accepted++;
          ledger.writes++;
          if (a.status === 201) {
            ledger.create(l, a.body.id);
          } else {
            ledger.touch(l, target as number);
          }
          const why: string | undefined = fieldsRefusal(l, JSON.parse(JSON.stringify(fields)));
          if (why) {
            throw new Error(`${what} was accepted (${a.status}), but Graph refuses it: ${why}`);
          }
        }
      }),
      { numRuns: 600, seed: seedFor(104) }
    );
    record(AREA, { inputs: runs });
    console.log(`Graph one wrong value: ${accepted} of ${runs} accepted.`);
  });

  it('generated list ids, item ids and path segments: the resource, or 4xx with an error body', async () => {
    let runs: number = 0;
    const ref: fc.Arbitrary<string> = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...LISTS, 'milestones', 'StatusReports', 'User Information List', 'user information list', 'ReportingPeriods', '00000000-0000-0000-0000-000000000000') },
      { weight: 4, arbitrary: hostileText(5) },
      { weight: 1, arbitrary: fc.constantFrom('%', '%ZZ', '%E0%A4%A', '%2F', '..', '.', ':', '::', '$batch', 'root', 'lists', 'items') }
    );
    const path: fc.Arbitrary<string> = fc.oneof(
      fc.tuple(ref, fc.boolean(), fc.constantFrom('', '/items', '/items/1', '/items/1/fields', '/columns', '/items/1/x', '/items/abc', '/items/1/fields/x', '/x')).map(([r, enc, tail]) => `sites/localhost:/sites/improvement:/lists/${urlPart(r, enc)}${tail}`),
      fc.tuple(ref, fc.boolean()).map(([r, enc]) => `sites/${urlPart(r, enc)}/lists`),
      fc.tuple(ref, fc.boolean()).map(([r, enc]) => `sites/localhost:/sites/${urlPart(r, enc)}:/lists`),
      fc.tuple(ref, fc.boolean()).map(([r, enc]) => `sites/${urlPart(r, enc)}:/sites/improvement`),
      fc.tuple(fc.array(fc.oneof(ref, fc.constantFrom('sites', 'root', 'lists', 'items', 'fields', '')), { maxLength: 6 }), fc.boolean()).map(([segs, enc]) => segs.map((s) => urlPart(s, enc)).join('/'))
    );
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE'), async (p, method) => {
        runs++;
        const what: string = `${method} ${show(p)}`;
        const url: URL = new URL(`${emu.url}/v1.0/${p}`);
        const a: IAnswer = await graph(p, { method, headers: { Authorization: `Bearer ${USERS.lead}`, 'Content-Type': 'application/json' }, body: method === 'GET' || method === 'DELETE' ? undefined : '{"fields":{"Title":"From a generated path"}}' }, what);
        if (!url.pathname.startsWith('/v1.0/')) {
          // "..", "." took the request out of Graph.
          expect(a.status).toBeLessThan(500);
          return;
        }
        expectProperAnswer(a, what);
        if (a.status < 300 && method !== 'GET') {
          ledger.writes++;
          if (a.status === 201) {
            ledger.create(emu.store.listByGuid(a.body.parentReference.id), a.body.id);
          } else {
            // A PATCH or DELETE a generated path reached: its list and item, from the path as the emulator reads it.
            const m: RegExpExecArray | null = /\/lists\/([^/]+)\/items\/([^/]+)/.exec(url.pathname);
            const l: IStoredList | undefined = m ? listFor(m[1]) : undefined;
            if (!m || !l) {
              throw new Error(`${what} was acknowledged (${a.status}), but addresses no item`);
            }
            ledger.touch(l, Number(decodeURIComponent(m[2])));
          }
        }
      }),
      { numRuns: 500, seed: seedFor(101) }
    );
    record(AREA, { inputs: runs });
  });

  it('item queries with generated $expand, $filter, $orderby, $top, $skiptoken and Prefer', async () => {
    let runs: number = 0;
    const names: string[] = ['Title', 'WorkstreamLookupId', 'ReportingPeriodLookupId', 'Timing', 'DueDate', 'SortOrder', 'Rag', 'ReportState', 'RiskState', 'Likelihood', 'Code', 'SponsorLookupId', 'ProjectManagers', 'AuthorLookupId', 'EditorLookupId', 'id', 'Created', 'Modified'];
    const field: fc.Arbitrary<string> = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...names).map((n) => `fields/${n}`) },
      { weight: 1, arbitrary: fc.constantFrom('id', 'createdDateTime', 'lastModifiedDateTime', 'fields', 'fields/x/y', 'Title', 'fields/') },
      { weight: 1, arbitrary: hostileText(2) }
    );
    const literal: fc.Arbitrary<string> = fc.oneof(
      hostileText(3).map((s) => `'${s.replace(/'/g, "''")}'`),
      fc.integer().map(String),
      fc.constantFrom('null', 'true', "'1'", "'2023-11-01'", "'not a date'", "datetime'2023-11-01T00:00:00Z'", "'", "''", '1.5'),
      hostileText(2)
    );
    const clause: fc.Arbitrary<string> = fc.oneof(
      fc.tuple(field, fc.constantFrom('eq', 'ne', 'lt', 'ge', 'EQ', 'like'), literal).map(([f, o, v]) => `${f} ${o} ${v}`),
      fc.tuple(fc.constantFrom('startswith', 'endswith', 'substringof'), field, literal).map(([fn, f, v]) => `${fn}(${f},${v})`),
      hostileText(3)
    );
    const filter: fc.Arbitrary<string> = fc.oneof(
      fc.array(clause, { minLength: 1, maxLength: 3 }).chain((cs) => fc.constantFrom(' and ', ' or ', ' ').map((j) => cs.join(j))),
      fc.integer({ min: 100, max: 3000 }).map((n) => `${'('.repeat(n)}fields/Title eq 'x'${')'.repeat(n)}`),
      fc.integer({ min: 100, max: 1200 }).map((n) => `${'not '.repeat(n)}fields/Title eq 'x'`)
    );
    const expand: fc.Arbitrary<string> = fc.oneof(
      fc.array(fc.constantFrom(...names, 'x', '*', ''), { maxLength: 4 }).map((s) => `fields(select=${s.join(',')})`),
      fc.constantFrom('fields', 'fields()', 'fields($select=Title)', 'fields(select=Title;top=1)', 'fields(select=Title', 'children', 'fields,children', 'FIELDS'),
      hostileText(3)
    );
    const top: fc.Arbitrary<string> = fc.oneof(fc.integer({ min: -3, max: 6000 }).map(String), fc.constantFrom('', 'abc', '1e3', '5.5', '99999999999999999999'), hostileText(2));
    const skiptoken: fc.Arbitrary<string> = fc.oneof(
      fc.tuple(fc.integer({ min: -2, max: 400 }), fc.option(hostileText(2))).map(([id, k]) => Buffer.from(`Paged=TRUE&p_ID=${id}${k ? `&p_fields_Title=${encode(k)}` : ''}`).toString('base64url')),
      fc.constantFrom('', '====', '!!', 'Paged=TRUE&p_ID=1', '%ZZ', 'a'.repeat(3000)),
      hostileText(3)
    );
    const q = fc.record({
      title: fc.constantFrom(...LISTS),
      expand: rarely(expand, 2),
      filter: rarely(filter, 2),
      orderby: rarely(fc.oneof(fc.tuple(field, fc.constantFrom('', ' asc', ' desc', ' up')).map(([f, d]) => `${f}${d}`), hostileText(2)), 3),
      top: rarely(top, 3),
      skiptoken: rarely(skiptoken, 4),
      dollar: fc.boolean(),
      encoded: fc.boolean(),
      prefer: fc.oneof({ weight: 2, arbitrary: fc.constant(HONOR) }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: headerText([HONOR.toLowerCase()]) })
    });
    await fc.assert(
      fc.asyncProperty(q, async (g) => {
        runs++;
        const params: string[] = [];
        const add = (name: string, v: string | null): void => {
          if (v !== null) {
            params.push(`${g.dollar ? '$' : ''}${name}=${urlPart(v, g.encoded || v.length > 2000)}`);
          }
        };
        add('expand', g.expand);
        add('filter', g.filter);
        add('orderby', g.orderby);
        add('top', g.top);
        add('skiptoken', g.skiptoken);
        const path: string = `sites/localhost:/sites/improvement:/lists/${encodeURIComponent(g.title)}/items${params.length > 0 ? `?${params.join('&')}` : ''}`;
        const headers: { [name: string]: string } = { Authorization: `Bearer ${USERS.lead}` };
        if (g.prefer !== undefined) {
          headers.Prefer = g.prefer;
        }
        const what: string = `GET ${show(path, 600)} ${show(headers)}`;
        const a: IAnswer = await graph(path, { headers }, what);
        expectProperAnswer(a, what);
        if (a.status === 200 && !Array.isArray(a.body.value)) {
          throw new Error(`${what} answered 200 without a value array`);
        }
        // The top the server received (raw text may be cut by "#" or split by "&"); empty is no top,
        // as the emulator reads "$top" and "top" alike.
        const received: URLSearchParams = new URL(`${emu.url}/v1.0/${path}`).searchParams;
        const top: string | null = received.get('$top') || received.get('top');
        if (a.status === 200 && top !== null && !/^\d+$/.test(top.trim())) {
          throw new Error(`${what} answered 200 to a top that is not a whole number`);
        }
      }),
      { numRuns: 800, seed: seedFor(102) }
    );
    record(AREA, { inputs: runs });
  });

  it('generated JSON $batch bodies: 200 with a proper answer per request, or a 400 with an error body', async () => {
    let runs: number = 0;
    const milestones: IStoredList = list('Milestones');
    const scratch: number[] = [];
    for (let i: number = 0; i < 3; i++) {
      const a: IAnswer = await graph(`sites/localhost:/sites/improvement:/lists/${milestones.guid}/items`, { method: 'POST', headers: { Authorization: `Bearer ${USERS.lead}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ fields: { Title: `Graph scratch ${i}`, Timing: 'This period' } }) }, 'scratch');
      expect(a.status).toBe(201);
      scratch.push(Number(a.body.id));
      ledger.create(milestones, a.body.id);
      ledger.touch(milestones, Number(a.body.id));
    }
    const url: fc.Arbitrary<string> = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...scratch).map((id) => `/sites/localhost:/sites/improvement:/lists/${milestones.guid}/items/${id}/fields`) },
      { weight: 2, arbitrary: fc.constantFrom(...scratch).map((id) => `/sites/localhost:/sites/improvement:/lists/${milestones.guid}/items/${id}`) },
      { weight: 3, arbitrary: fc.constant(`/sites/localhost:/sites/improvement:/lists/${milestones.guid}/items`) },
      { weight: 1, arbitrary: fc.constantFrom('/sites/root', 'sites/localhost:/sites/improvement:/lists', '/$batch', '$batch', '/me', '', '/', '//evil.example/x', 'http://evil.example/v1.0/sites/root', '../_emulator/faults', '/sites/localhost:/sites/improvement:/lists/%ZZ', '/sites/%E0%A4%A/lists', '/sites/localhost:/sites/improvement:/lists/Milestones/items?$filter=(((') },
      { weight: 1, arbitrary: hostileText(3) }
    );
    const request = fc.record(
      {
        id: fc.oneof(fc.integer({ min: 1, max: 6 }).map(String), fc.constant(1), hostileText(1), fc.constant(null)),
        method: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'get', 'patch') }, { weight: 1, arbitrary: fc.constantFrom('PUT', 'TRACE', '', 'MERGE', 5) }),
        url: fc.oneof({ weight: 8, arbitrary: url }, { weight: 1, arbitrary: fc.constantFrom(5, null, ['x']) }),
        headers: fc.oneof(
          fc.constant({ 'Content-Type': 'application/json' }),
          fc.dictionary(fc.oneof(fc.constantFrom('Content-Type', 'If-Match', 'Authorization', 'Prefer', 'authorization'), hostileText(1)), fc.oneof(headerText([`Bearer ${USERS.iib}`, '*', HONOR]), fc.constant(5), fc.constant(null), fc.constant({ toString: [] })), { maxKeys: 3 }),
          fc.constantFrom(null, 'text', ['x'], 5)
        ),
        body: fc.oneof(fieldsFor(milestones).map((fields) => ({ fields })), fieldsFor(milestones), fc.constantFrom(null, 'text', 5, [], '{"fields":{"Title":"as a string"}}'), anyText(3)),
        dependsOn: fc.oneof(fc.array(fc.constantFrom('1', '2', 'x'), { maxLength: 2 }), fc.constantFrom('1', null, 5))
      },
      { requiredKeys: ['id', 'method', 'url'] }
    );
    const batch: fc.Arbitrary<string> = fc.oneof(
      { weight: 6, arbitrary: fc.array(request, { maxLength: 22 }).map((requests) => JSON.stringify({ requests })) },
      { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '5', '"x"', '{}', '{"requests":null}', '{"requests":{}}', '{"requests":[null]}', '{"requests":[5]}', '{"requests":"x"}', '{', '{"requests":[{"id":"1","method":"GET","url":"/sites/root","headers":{"a":{"toString":[]}}}]}') },
      { weight: 1, arbitrary: anyText(6) }
    );
    await fc.assert(
      fc.asyncProperty(batch, fc.oneof({ weight: 4, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: headerText() }), async (body, contentType) => {
        runs++;
        const what: string = `POST $batch ${show(body, 1500)}`;
        const a: IAnswer = await graph('$batch', { method: 'POST', headers: { Authorization: `Bearer ${USERS.lead}`, 'Content-Type': contentType }, body }, what);
        expectProperAnswer(a, what);
        if (a.status === 200) {
          if (!a.body || !Array.isArray(a.body.responses)) {
            throw new Error(`${what} answered 200 without responses: ${show(a.text)}`);
          }
          for (const r of a.body.responses) {
            if (typeof r.status !== 'number') {
              throw new Error(`${what} answered a response without a status: ${show(r)}`);
            }
            expectProperAnswer({ status: r.status, body: r.body }, `a request of ${what}`);
            if (r.status === 201) {
              ledger.create(emu.store.listByGuid(r.body.parentReference.id), r.body.id);
              ledger.writes++;
            }
          }
        }
      }),
      { numRuns: 400, seed: seedFor(103) }
    );
    record(AREA, { inputs: runs });
  });

  it('leaves the store intact: sound, on disk as in memory, typed, readable through Graph, and changed only by acknowledged writes', async () => {
    expect(ledger.writes).toBeGreaterThan(0);
    await expectStoreIntact(emu, before, ledger, async (l) => {
      let count: number = 0;
      let next: string | undefined = `${emu.url}/v1.0/sites/localhost:/sites/improvement:/lists/${l.guid}/items?$top=5000&$expand=fields`;
      while (next) {
        const a: IAnswer = await send(next.replace(/^https:/, 'http:'), { headers: { Authorization: `Bearer ${USERS.lead}` } }, `reading ${l.definition.title}`);
        expect(a.status).toBe(200);
        count += a.body.value.length;
        next = a.body['@odata.nextLink'];
      }
      // And through SharePoint REST, which the dashboard reads.
      const rest: IAnswer = await send(`${emu.siteUrl}/_api/web/lists(guid'${l.guid}')/items?$top=5000`, { headers: { Accept: 'application/json', Authorization: `Bearer ${USERS.lead}` } }, `reading ${l.definition.title} through REST`);
      expect(rest.status).toBe(200);
      expect(rest.body.value).toHaveLength(count);
      return count;
    });
    console.log(`Graph bad input: ${ledger.writes} writes acknowledged, ${ledger.created.size} items created.`);
  });
});
