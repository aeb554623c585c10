/**
 * Bad input through the emulator's SharePoint REST API, over real HTTP, against the seeded site:
 * generated item bodies (every column type of Milestones, Risks, Status Reports and Workstreams;
 * hostile text, wrong types, huge and nested values, unknown properties, __metadata), generated
 * $filter/$orderby/$select/$expand/$top/$skiptoken, list titles, headers, $batch bodies and raw
 * request targets. Every answer is 2xx, or 4xx with SharePoint's error body; never a 5xx (bar
 * SharePoint's own 500 for the list view threshold) or a dropped connection; nothing SharePoint
 * would refuse is stored; and afterwards the store is intact.
 */
import fc from 'fast-check';
import * as http from 'http';
import type { Emulator } from '../../../src/emulator/server';
import type { IFieldDefinition } from '../../../src/emulator/schema';
import { entityTypeName } from '../../../src/emulator/schema';
import type { IStoredList } from '../../../src/emulator/store';
import { record } from '../support/counts';
import { anyText, encode, hasXmlInvalidCharacter, hostileText, HOSTILE_PIECES, seedFor } from './hostile';
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

const AREA: string = 'Bad input: emulator SharePoint REST';
const LISTS: readonly string[] = ['Milestones', 'Risks', 'Status Reports', 'Workstreams'];

let emu: Emulator;
let before: IStoreSnapshot;
let digest: string;
const ledger: WriteLedger = new WriteLedger();

beforeAll(async () => {
  emu = await startStack();
  before = snapshot(emu);
  const info: IAnswer = await send(`${emu.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json', Authorization: `Bearer ${USERS.lead}` } }, 'contextinfo');
  digest = info.body.FormDigestValue;
});

afterAll(async () => {
  if (emu) {
    await emu.close();
  }
});

function list(title: string): IStoredList {
  return emu.store.listByTitle(title) as IStoredList;
}

/** The error code and message of a SharePoint error body (minimal, none or verbose), if it is one. */
function spError(body: Json): { code: string; message: string } | undefined {
  const e: Json = body && typeof body === 'object' ? body['odata.error'] || body.error : undefined;
  if (e && typeof e.code === 'string' && e.message && typeof e.message.value === 'string') {
    return { code: e.code, message: e.message.value };
  }
  return undefined;
}

/**
 * Checks one answer: 2xx, or 4xx with SharePoint's error body (or, for an unknown bearer, its
 * 401 with error_description); never another 5xx than the list view threshold's.
 */
function expectProperAnswer(a: IAnswer, what: string): void {
  const fail = (why: string): never => {
    throw new Error(`${what} answered ${a.status} ${show(a.text, 400)}: ${why}`);
  };
  if (a.status >= 500) {
    const e = spError(a.body);
    if (!(a.status === 500 && e && /SPQueryThrottledException/.test(e.code))) {
      fail('a server error');
    }
    return;
  }
  if (a.status >= 400) {
    if (a.status === 401 && a.body && typeof a.body.error_description === 'string') {
      return;
    }
    if (a.status === 431 || a.status === 414) {
      // Node's HTTP layer refused an over-long request line or header before SharePoint's handler saw it.
      return;
    }
    if (!/json/.test(a.contentType) || !spError(a.body)) {
      fail("a refusal without SharePoint's error body (odata.error with code and message)");
    }
    const e = spError(a.body) as { code: string; message: string };
    if (e.message.trim() === '') {
      fail('an empty error message');
    }
    return;
  }
  if (a.status < 200 || a.status >= 300) {
    fail('neither success nor refusal');
  }
  if (a.text !== '' && a.body === undefined && !/multipart/.test(a.contentType)) {
    fail('a success whose body is not JSON');
  }
}

function rest(path: string, init: RequestInit, what: string): Promise<IAnswer> {
  return send(`${emu.siteUrl}/_api/${path}`, init, what);
}

function titlePath(title: string): string {
  return `web/lists/getByTitle('${encode(title.replace(/'/g, "''"))}')`;
}

// ---------------------------------------------------------------------------------------------
// What SharePoint refuses in a write, as far as these properties need to know
// ---------------------------------------------------------------------------------------------

function isIntegerId(v: unknown): boolean {
  return (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && /^\s*\d+\s*$/.test(v) && Number(v) > 0);
}

/** Why SharePoint would refuse this value for this column, or undefined when it may accept it. */
function refusalOf(l: IStoredList, field: IFieldDefinition, v: unknown): string | undefined {
  if (v === null) {
    return undefined;
  }
  switch (field.type) {
    case 'Text':
    case 'Note':
    case 'Choice':
      if (typeof v !== 'string') {
        return 'not text';
      }
      if (hasXmlInvalidCharacter(v)) {
        return 'a character XML 1.0 does not allow';
      }
      if (v.length > (field.type === 'Note' ? 63999 : field.maxLength || 255)) {
        return 'too long';
      }
      if (field.type === 'Choice' && v !== '' && (field.choices || []).indexOf(v) < 0) {
        return 'not a choice';
      }
      return undefined;
    case 'Number': {
      const n: number = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!isFinite(n)) {
        return 'not a number';
      }
      return (field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max) ? 'out of range' : undefined;
    }
    case 'Boolean':
      return typeof v === 'boolean' ? undefined : 'not a boolean';
    case 'DateTime': {
      const ok: boolean = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v);
      if (!ok) {
        return 'not an ISO date';
      }
      const year: number = Number((v as string).slice(0, 4));
      return year < 1900 || year > 8900 ? 'outside the years SharePoint keeps (1900 to 8900)' : undefined;
    }
    case 'Lookup':
    case 'User':
      return isIntegerId(v) ? undefined : 'not an id (Edm.Int32)';
    case 'UserMulti': {
      const ids: unknown = Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { results?: unknown }).results) ? (v as { results: unknown[] }).results : undefined;
      if (!Array.isArray(ids)) {
        return 'not a collection of ids';
      }
      return ids.every(isIntegerId) ? undefined : 'a member that is not an id';
    }
    default:
      return `${l.definition.title}.${field.internalName} cannot be written`;
  }
}

/** The column a REST property name writes, as SharePoint maps them ("WorkstreamId" → Workstream). */
function columnOf(l: IStoredList, key: string): IFieldDefinition | undefined {
  const direct: IFieldDefinition | undefined = l.definition.fields.filter((f) => f.internalName === key && !f.readOnly && f.type !== 'Lookup' && f.type !== 'User' && f.type !== 'UserMulti')[0];
  if (direct) {
    return direct;
  }
  const m: RegExpExecArray | null = /^(.*)Id$/.exec(key);
  return m ? l.definition.fields.filter((f) => f.internalName === m[1] && !f.readOnly && (f.type === 'Lookup' || f.type === 'User' || f.type === 'UserMulti'))[0] : undefined;
}

/** Why SharePoint would refuse this body for this list, or undefined. */
function bodyRefusal(l: IStoredList, body: Json, verbose: boolean): string | undefined {
  for (const key of Object.keys(body)) {
    if (key === '__metadata') {
      const m: Json = body[key];
      if (!verbose) {
        return '__metadata without odata=verbose';
      }
      if (m === null || typeof m !== 'object' || Array.isArray(m)) {
        return '__metadata that is not an object';
      }
      if (m.type !== undefined && m.type !== `SP.Data.${entityTypeName(l.definition.url)}`) {
        return `__metadata of another type (${show(m.type)})`;
      }
      continue;
    }
    const field: IFieldDefinition | undefined = columnOf(l, key);
    if (!field) {
      return `the property ${show(key)} is not a column`;
    }
    const why: string | undefined = refusalOf(l, field, body[key]);
    if (why) {
      return `${key} = ${show(body[key], 80)}: ${why}`;
    }
  }
  return undefined;
}

/**
 * A generated body for writing an item of a list: column values (all good, one wrong, or any),
 * unknown names, __metadata.
 */
function itemBody(l: IStoredList): fc.Arbitrary<{ [key: string]: unknown }> {
  const writable: IFieldDefinition[] = l.definition.fields.filter((f) => !f.readOnly);
  const entries: Array<fc.Arbitrary<[string, unknown]>> = writable.map((f) => {
    const name: string = f.type === 'Lookup' || f.type === 'User' || f.type === 'UserMulti' ? `${f.internalName}Id` : f.internalName;
    const { good, wrong } = columnValues(emu, f);
    // Good values mostly, so that many writes get through and what they store can be checked.
    return fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: wrong }).map((v): [string, unknown] => [name, v]);
  });
  const metadata: fc.Arbitrary<[string, unknown]> = fc
    .constantFrom<unknown>({ type: `SP.Data.${entityTypeName(l.definition.url)}` }, { type: 'SP.Data.OtherListItem' }, {}, null, 'SP.Data.X', [], 5, { type: null })
    .map((v): [string, unknown] => ['__metadata', v]);
  const unknown: fc.Arbitrary<[string, unknown]> = fc.tuple(unknownPropertyName, fc.oneof(anyText(3), fc.integer(), fc.constant(null)));
  return fc
    .tuple(fc.subarray(entries.map((_, i) => i), { maxLength: 6 }), fc.tuple(...entries), rarely(metadata, 6), rarely(unknown, 8))
    .map(([chosen, values, meta, extra]) => {
      const body: { [key: string]: unknown } = {};
      for (const i of chosen) {
        body[values[i][0]] = values[i][1];
      }
      if (meta) {
        body[meta[0]] = meta[1];
      }
      if (extra) {
        body[extra[0]] = extra[1];
      }
      return body;
    });
}

/** Raw request bodies that are not a JSON object. */
const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'null', '[]', '[{"Title":"x"}]', '5', '"text"', 'true', '{', '{"Title":', '{"d":{"Title":"wrapped"}}', '{"d":null}', '{"d":[1]}', '{"__metadata":null}', '{"Title":"\\ud800"}', '{"Title":"a\\u0000b"}', '{"__proto__":{"Title":"x"}}'),
  anyText(8),
  fc.array(fc.constantFrom('{', '}', '[', ']', '"', ':', ',', 'Title', '1', 'null'), { maxLength: 30 }).map((a) => a.join(''))
);

// ---------------------------------------------------------------------------------------------
// Item writes
// ---------------------------------------------------------------------------------------------

type Op = 'create' | 'merge' | 'patch' | 'put' | 'delete' | 'override';

interface IWriteCase {
  title: string;
  op: Op;
  id: string;
  body: { [key: string]: unknown } | string;
  verbose: boolean;
  accept: string;
  contentType: string;
  ifMatch?: string;
  override?: string;
  auth?: string;
  digest: 'valid' | 'none' | string;
}

function writeCase(): fc.Arbitrary<IWriteCase> {
  return fc.constantFrom(...LISTS).chain((title) => {
    const l: IStoredList = list(title);
    // The seeded ids: items the run deletes stay among the targets (and then answer 404).
    const ids: string[] = Array.from((before.lists.get(l.guid) as { items: Map<number, string> }).items.keys()).slice(0, 40).map(String);
    return fc.record({
      title: fc.constant(title),
      op: fc.constantFrom<Op>('create', 'create', 'merge', 'merge', 'patch', 'put', 'delete', 'override'),
      id: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constantFrom('99999', '0', '-1', '1.5', '1e1', '0x2', ' 3', '4 ', '+5', 'abc', "'1'", '', '9007199254740993') }, { weight: 1, arbitrary: hostileText(2).map((s) => encode(s)) }),
      body: fc.oneof({ weight: 5, arbitrary: itemBody(l) }, { weight: 1, arbitrary: rawBody }),
      verbose: fc.boolean(),
      accept: fc.oneof(fc.constantFrom('application/json', 'application/json;odata=verbose', 'application/json;odata=nometadata'), headerText()),
      contentType: fc.oneof(fc.constantFrom('application/json;charset=utf-8', 'application/json;odata=verbose', 'application/json;odata=nometadata'), headerText()),
      ifMatch: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(undefined, '*') }, { weight: 1, arbitrary: fc.constantFrom('"1"', '"2"', 'W/"1"', '"0"', '""', '","', '"x,1"') }, { weight: 1, arbitrary: headerText() }),
      override: fc.option(fc.oneof(fc.constantFrom('MERGE', 'PATCH', 'PUT', 'DELETE', 'GET', 'merge', 'POST'), headerText()), { nil: undefined }),
      auth: rarely(headerText(), 6).map((v) => (v === null ? undefined : v)),
      digest: fc.oneof({ weight: 3, arbitrary: fc.constant('valid') }, { weight: 1, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: headerText() })
    });
  });
}

async function runWrite(c: IWriteCase): Promise<number> {
  const l: IStoredList = list(c.title);
  const base: string = titlePath(c.title);
  const headers: { [name: string]: string } = { Accept: c.accept, 'Content-Type': c.verbose ? 'application/json;odata=verbose' : c.contentType };
  headers.Authorization = c.auth === undefined ? `Bearer ${USERS.lead}` : c.auth;
  if (c.digest !== 'none') {
    headers['X-RequestDigest'] = c.digest === 'valid' ? digest : c.digest;
  }
  if (c.ifMatch !== undefined) {
    headers['If-Match'] = c.ifMatch;
  }
  let method: string = 'POST';
  let path: string = `${base}/items(${c.id})`;
  if (c.op === 'create') {
    path = `${base}/items`;
  } else if (c.op === 'merge') {
    headers['X-HTTP-Method'] = 'MERGE';
  } else if (c.op === 'override') {
    headers['X-HTTP-Method'] = c.override === undefined ? 'DELETE' : c.override;
  } else {
    method = c.op.toUpperCase();
  }
  const text: string = typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
  const what: string = `${method} ${path} ${show(headers, 200)} ${show(text, 300)}`;
  const a: IAnswer = await rest(path, { method, headers, body: method === 'DELETE' ? undefined : text }, what);
  expectProperAnswer(a, what);
  if (a.status >= 200 && a.status < 300) {
    if (a.status === 201) {
      const entity: Json = a.body && a.body.d ? a.body.d : a.body;
      ledger.create(l, entity && entity.Id);
    } else {
      if (!/^-?\d+$/.test(c.id)) {
        throw new Error(`${what} was acknowledged (${a.status}), but items(${c.id}) is not an item id`);
      }
      ledger.touch(l, Number(c.id));
    }
    ledger.writes++;
    // A write that got through held nothing SharePoint refuses.
    const effective: string = method === 'POST' && headers['X-HTTP-Method'] ? headers['X-HTTP-Method'].toUpperCase() : method;
    if (effective !== 'DELETE' && effective !== 'GET') {
      let parsed: Json;
      try {
        parsed = JSON.parse(text.trim() === '' ? '{}' : text);
      } catch {
        throw new Error(`${what} was accepted (${a.status}) with a body that is not JSON`);
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new Error(`${what} was accepted (${a.status}) with a body that is not a JSON object`);
      }
      const verbose: boolean = headers['Content-Type'].indexOf('odata=verbose') >= 0;
      const unwrapped: Json = verbose && parsed.d && typeof parsed.d === 'object' ? parsed.d : parsed;
      const why: string | undefined = bodyRefusal(l, unwrapped, verbose);
      if (why) {
        throw new Error(`${what} was accepted (${a.status}), but SharePoint refuses it: ${why}`);
      }
    }
  }
  return a.status;
}

describe('SharePoint REST with bad input', () => {
  it('item writes with generated bodies and headers: 2xx or a proper 4xx, and only what SharePoint accepts is stored', async () => {
    let runs: number = 0;
    const statuses: { [status: number]: number } = {};
    await fc.assert(
      fc.asyncProperty(writeCase(), async (c) => {
        runs++;
        const status: number = await runWrite(c);
        statuses[status] = (statuses[status] || 0) + 1;
      }),
      { numRuns: 900, seed: seedFor(0) }
    );
    record(AREA, { inputs: runs });
    console.log(`SharePoint REST item writes by status: ${JSON.stringify(statuses)}`);
    // The generator must get writes through, or the checks of what is stored would check nothing.
    const accepted: number = Object.keys(statuses).filter((s) => Number(s) < 300).reduce((n, s) => n + statuses[Number(s)], 0);
    expect(accepted).toBeGreaterThan(runs / 8);
  });

  it('one generated value in an otherwise good item: stored only when SharePoint would take it', async () => {
    let runs: number = 0;
    let accepted: number = 0;
    const oneWrong = fc.constantFrom('Milestones', 'Risks', 'Status Reports', 'Workstreams').chain((title) => {
      const l: IStoredList = list(title);
      const writable: IFieldDefinition[] = l.definition.fields.filter((f) => !f.readOnly);
      return fc.constantFrom(...writable).chain((f) =>
        fc.record({
          title: fc.constant(title),
          field: fc.constant(f),
          // The column's own wrong values mostly, another column's now and then.
          wrong: fc.oneof({ weight: 3, arbitrary: columnValues(emu, f).wrong }, { weight: 1, arbitrary: fc.constantFrom(...writable).chain((g) => columnValues(emu, g).wrong) }),
          update: fc.boolean(),
          verbose: fc.boolean()
        })
      );
    });
    await fc.assert(
      fc.asyncProperty(oneWrong, async (c) => {
        runs++;
        const l: IStoredList = list(c.title);
        const name: string = c.field.type === 'Lookup' || c.field.type === 'User' || c.field.type === 'UserMulti' ? `${c.field.internalName}Id` : c.field.internalName;
        const body: { [key: string]: unknown } = { [name]: c.wrong };
        if (c.verbose) {
          body.__metadata = { type: `SP.Data.${entityTypeName(l.definition.url)}` };
        }
        const headers: { [name: string]: string } = {
          Accept: 'application/json',
          'Content-Type': c.verbose ? 'application/json;odata=verbose' : 'application/json;charset=utf-8',
          Authorization: `Bearer ${USERS.lead}`
        };
        const target: number | undefined = c.update ? Array.from(l.items.keys())[0] : undefined;
        if (target !== undefined) {
          headers['X-HTTP-Method'] = 'MERGE';
          headers['If-Match'] = '*';
        }
        const path: string = `${titlePath(c.title)}/items${target !== undefined ? `(${target})` : ''}`;
        const what: string = `POST ${path} ${show(body, 400)}`;
        const a: IAnswer = await rest(path, { method: 'POST', headers, body: JSON.stringify(body) }, what);
        expectProperAnswer(a, what);
        if (a.status < 300) {
          accepted++;
          ledger.writes++;
          if (a.status === 201) {
            ledger.create(l, a.body.Id);
          } else {
            ledger.touch(l, target as number);
          }
          // As sent: JSON has no NaN or Infinity (they go as null).
          const why: string | undefined = bodyRefusal(l, JSON.parse(JSON.stringify(body)), c.verbose);
          if (why) {
            throw new Error(`${what} was accepted (${a.status}), but SharePoint refuses it: ${why}`);
          }
        }
      }),
      { numRuns: 700, seed: seedFor(6) }
    );
    record(AREA, { inputs: runs });
    console.log(`SharePoint REST one wrong value: ${accepted} of ${runs} accepted.`);
  });

  it('item queries with generated $filter, $orderby, $select, $expand, $top and $skiptoken', async () => {
    let runs: number = 0;
    const fieldNames: string[] = ['Id', 'ID', 'Title', 'WorkstreamId', 'Workstream/Title', 'Workstream/Id', 'ReportingPeriodId', 'Timing', 'DueDate', 'SortOrder', 'Likelihood', 'Rag', 'Created', 'Modified', 'AuthorId', 'Author/Title', 'Author/EMail', 'Sponsor/Title', 'SponsorId', 'ProjectManagersId', 'Code', 'GUID', 'OData__UIVersionString'];
    const field: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fieldNames) }, { weight: 1, arbitrary: hostileText(2) }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_$][\w$]{0,12}(\/[A-Za-z_$][\w$]{0,8}){0,3}$/) });
    const literal: fc.Arbitrary<string> = fc.oneof(
      hostileText(3).map((s) => `'${s.replace(/'/g, "''")}'`),
      hostileText(3).map((s) => `'${s}'`),
      fc.integer().map(String),
      fc.double({ noNaN: true }).map(String),
      fc.constantFrom('null', 'true', 'false', "datetime'2023-11-01T00:00:00Z'", "datetime'not a date'", "datetime'", "'2023-02-30'", "'", "''", '1e999', '-', '0x10', '12L', '1.5M'),
      hostileText(2)
    );
    const op: fc.Arbitrary<string> = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('eq', 'ne', 'lt', 'le', 'gt', 'ge') }, { weight: 1, arbitrary: fc.constantFrom('EQ', 'like', '==', '', 'and', 'not') });
    const comparison: fc.Arbitrary<string> = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(field, op, literal).map(([f, o, v]) => `${f} ${o} ${v}`) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('startswith', 'substringof', 'endswith', 'STARTSWITH', 'contains', 'tolower'), field, literal, fc.boolean()).map(([fn, f, v, swap]) => `${fn}(${swap ? `${v},${f}` : `${f},${v}`})`) },
      { weight: 1, arbitrary: hostileText(4) }
    );
    const { expr } = fc.letrec<{ expr: string }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        comparison,
        tie('expr').map((e) => `(${e})`),
        tie('expr').map((e) => `not ${e}`),
        fc.tuple(tie('expr'), fc.constantFrom(' and ', ' or ', ' AND ', ' Or ', ' xor ', ' '), tie('expr')).map(([a, j, b]) => `${a}${j}${b}`)
      )
    }));
    const deep: fc.Arbitrary<string> = fc
      .tuple(fc.integer({ min: 100, max: 4000 }), fc.constantFrom('paren', 'not', 'and'), fc.boolean())
      // Sizes that keep the request line under Node's 16 KB limit once encoded, so the parser is what is tested.
      .map(([n, kind, closed]) =>
        kind === 'paren'
          ? `${'('.repeat(n)}Id eq 1${closed ? ')'.repeat(n) : ''}`
          : kind === 'not'
            ? `${'not '.repeat(Math.ceil(n / 3))}Id eq 1`
            : Array.from({ length: Math.ceil(n / 10) }, (_, i) => `Id eq ${i}`).join(' and ')
      );
    const filter: fc.Arbitrary<string> = fc.oneof({ weight: 6, arbitrary: expr }, { weight: 1, arbitrary: deep }, { weight: 1, arbitrary: anyText(4) });
    const orderby: fc.Arbitrary<string> = fc.oneof(
      fc.array(fc.tuple(field, fc.constantFrom('', ' asc', ' desc', ' DESC', ' sideways', '  desc ')).map(([f, d]) => `${f}${d}`), { minLength: 1, maxLength: 3 }).map((a) => a.join(',')),
      hostileText(3)
    );
    const select: fc.Arbitrary<string> = fc.oneof(fc.array(fc.oneof(field, fc.constant('*')), { minLength: 1, maxLength: 5 }).map((a) => a.join(',')), hostileText(3), fc.constant(''));
    const expand: fc.Arbitrary<string> = fc.oneof(fc.constantFrom('Workstream', 'Author', 'Editor', 'Sponsor', 'ProjectManagers', 'Workstream,Author', 'Title', 'ReportingPeriod'), hostileText(2));
    const top: fc.Arbitrary<string> = fc.oneof(fc.integer({ min: -5, max: 6000 }).map(String), fc.constantFrom('', '0', ' 5', '5abc', '1e3', '0x10', '-0', '9999999999999999999999', 'NaN', 'Infinity', '5.5'), hostileText(2));
    const skiptoken: fc.Arbitrary<string> = fc.oneof(
      fc.tuple(fc.integer({ min: -3, max: 400 }), fc.option(fc.tuple(field, fc.oneof(fc.integer().map(String), hostileText(2))))).map(([id, key]) => `Paged=TRUE&p_ID=${id}${key ? `&p_${key[0]}=${encode(key[1])}` : ''}`),
      fc.constantFrom('Paged=TRUE', 'p_ID=5', 'Paged=FALSE&p_ID=1', 'Paged=TRUE&PagedPrev=TRUE&p_ID=3', 'Paged=TRUE&p_ID=abc', '%', '%ZZ', ''),
      hostileText(3)
    );
    const query: fc.Arbitrary<{ title: string; parts: Array<[string, string]>; encoded: boolean; accept: string; prefer?: string }> = fc.record({
      title: fc.constantFrom(...LISTS),
      parts: fc
        .tuple(fc.option(filter), fc.option(orderby), fc.option(select), rarely(expand, 4), fc.option(top), rarely(skiptoken, 4))
        .map(([f, o, s, e, t, k]) => {
          const out: Array<[string, string]> = [];
          const add = (name: string, v: string | null): void => {
            if (v !== null) {
              out.push([name, v]);
            }
          };
          add('$filter', f);
          add('$orderby', o);
          add('$select', s);
          add('$expand', e);
          add('$top', t);
          add('$skiptoken', k);
          return out;
        }),
      encoded: fc.boolean(),
      accept: fc.oneof(fc.constantFrom('application/json', 'application/json;odata=verbose', 'application/json;odata=nometadata'), headerText()),
      prefer: fc.option(headerText(['HonorNonIndexedQueriesWarningMayFailRandomly']), { nil: undefined })
    });
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        runs++;
        const search: string = q.parts.map(([k, v]) => `${k}=${urlPart(v, q.encoded || v.length > 2000)}`).join('&');
        const path: string = `${titlePath(q.title)}/items${search ? `?${search}` : ''}`;
        const headers: { [name: string]: string } = { Accept: q.accept, Authorization: `Bearer ${USERS.lead}` };
        if (q.prefer !== undefined) {
          headers.Prefer = q.prefer;
        }
        const what: string = `GET ${show(path, 500)}`;
        const a: IAnswer = await rest(path, { headers }, what);
        expectProperAnswer(a, what);
        if (a.status === 200) {
          const values: Json = a.body && (a.body.value || (a.body.d && a.body.d.results));
          if (!Array.isArray(values)) {
            throw new Error(`${what} answered 200 without a collection: ${show(a.text)}`);
          }
          // $top as the server received it (a raw "#" or "&" elsewhere may have cut or split the query).
          const top: string | null = new URL(`${emu.siteUrl}/_api/${path}`).searchParams.get('$top');
          if (top !== null && !/^\d+$/.test(top.trim())) {
            throw new Error(`${what} answered 200 to a $top that is not a whole number`);
          }
          if (top !== null && Number(top) <= 5000) {
            expect(values.length).toBeLessThanOrEqual(Number(top));
          }
        }
      }),
      { numRuns: 900, seed: seedFor(1) }
    );
    record(AREA, { inputs: runs });
  });

  it('generated list titles, list ids and paths: the list, or 404/400 with an error body', async () => {
    let runs: number = 0;
    const title: fc.Arbitrary<string> = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...LISTS, 'milestones', 'MILESTONES', 'Status  Reports', 'Status Reports ', 'Risks\u0000', "Risks'", "O'Brien", 'User Information List', 'Reporting Periods', 'Lists/Milestones') },
      { weight: 4, arbitrary: hostileText(6) },
      { weight: 1, arbitrary: anyText(2) }
    );
    const path: fc.Arbitrary<string> = fc.oneof(
      fc.tuple(title, fc.boolean()).map(([t, enc]) => `web/lists/getByTitle('${enc ? encode(t.replace(/'/g, "''")) : t}')/items?$top=3`),
      fc.tuple(title, fc.boolean()).map(([t, enc]) => `web/lists/getByTitle(${enc ? encode(t) : t})`),
      fc.tuple(title, fc.boolean()).map(([t, enc]) => `web/lists(guid'${urlPart(t, enc)}')/items`),
      fc.tuple(title, fc.boolean()).map(([t, enc]) => `web/getlist('${urlPart(`/sites/improvement/Lists/${t}`, enc)}')/items(1)`),
      fc.tuple(title, fc.boolean(), fc.constantFrom('items', 'fields', 'effectivebasepermissions', "getusereffectivepermissions(@u)?@u='i:0%23.f|membership|nobody'", 'items/getbyid(1)', 'items(1)/effectivebasepermissions', 'items(1)/x', 'x', '', 'items(1)(2)')).map(([t, enc, tail]) => `web/lists/getByTitle('${urlPart(t, enc)}')/${tail}`),
      fc.tuple(fc.array(fc.oneof(hostileText(2), fc.constantFrom('web', 'lists', 'site', 'currentuser', 'siteusers', 'getbyid(x)', 'getuserbyid(1e9)', 'sitegroups', '..', '.', '', '(', ")'", "'")), { maxLength: 5 }), fc.boolean()).map(([segs, enc]) => segs.map((s) => urlPart(s, enc)).join('/'))
    );
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom('GET', 'POST'), fc.constantFrom('application/json', 'application/json;odata=verbose'), async (p, method, accept) => {
        runs++;
        const what: string = `${method} ${show(p)}`;
        const inApi: boolean = new URL(`${emu.siteUrl}/_api/${p}`).pathname.toLowerCase().startsWith('/sites/improvement/_api/');
        const a: IAnswer = await rest(p, { method, headers: { Accept: accept, 'Content-Type': 'application/json', Authorization: `Bearer ${USERS.lead}` }, body: method === 'POST' ? '{"Title":"from a generated path"}' : undefined }, what);
        if (!inApi) {
          // "..", "." and the like took the request out of the API: only no server error is asked of the site's pages.
          expect(a.status).toBeLessThan(500);
          return;
        }
        expectProperAnswer(a, what);
        if (method === 'POST' && a.status === 201) {
          const location: string = (a.body && (a.body['odata.editLink'] || (a.body.d && a.body.d.__metadata && a.body.d.__metadata.uri))) || '';
          const m: RegExpExecArray | null = /Lists\(guid'([0-9a-f-]+)'\)\/Items\((\d+)\)/i.exec(location);
          ledger.create(m ? emu.store.listByGuid(m[1]) : undefined, m ? m[2] : undefined);
          ledger.writes++;
        }
      }),
      { numRuns: 500, seed: seedFor(2) }
    );
    record(AREA, { inputs: runs });
  });

  it('generated header values on reads, writes and contextinfo', async () => {
    let runs: number = 0;
    const headers: fc.Arbitrary<{ [name: string]: string }> = fc.record(
      {
        Accept: headerText(),
        'Content-Type': headerText(),
        'If-Match': headerText(),
        'X-HTTP-Method': headerText(['MERGE', 'DELETE', 'PATCH']),
        Authorization: headerText([`Bearer ${USERS.manager}`, `Bearer ${USERS.sponsor}`]),
        Prefer: headerText(),
        'X-RequestDigest': headerText(),
        Origin: headerText(['http://evil.example'])
      },
      { requiredKeys: [] }
    );
    const target: fc.Arbitrary<[string, string]> = fc.constantFrom<[string, string]>(
      ['GET', 'web'],
      ['GET', 'web/currentuser'],
      ['POST', 'contextinfo'],
      ['GET', `${titlePath('Milestones')}/items?$top=2`],
      ['GET', `${titlePath('Risks')}/items(1)`],
      ['POST', `${titlePath('Milestones')}/items`],
      ['POST', `${titlePath('Status Reports')}/items(999999)`],
      ['PATCH', `${titlePath('Risks')}/items(999999)`],
      ['DELETE', `${titlePath('Milestones')}/items(999999)`],
      ['OPTIONS', `${titlePath('Milestones')}/items`],
      ['PUT', 'web']
    );
    await fc.assert(
      fc.asyncProperty(target, headers, async ([method, p], h) => {
        runs++;
        const what: string = `${method} ${p} ${show(h, 400)}`;
        const body: string | undefined = method === 'GET' || method === 'OPTIONS' ? undefined : JSON.stringify({ Title: 'Header test', WorkstreamId: 1, ReportingPeriodId: 2, Timing: 'This period' });
        const a: IAnswer = await rest(p, { method, headers: h, body }, what);
        const foreign: boolean = h.Origin !== undefined && emu.allowedOrigins.indexOf(h.Origin.trim().toLowerCase()) < 0;
        if (method === 'OPTIONS') {
          // A CORS preflight: 204 from the stack's own origins, 403 from any other; or Node's 431
          // for headers over its 16 KB limit.
          expect(foreign ? [403, 431] : [204, 431]).toContain(a.status);
          return;
        }
        if (foreign && a.status !== 431) {
          expect(a.status).toBe(403);
        }
        expectProperAnswer(a, what);
        if (a.status === 201) {
          const entity: Json = a.body && a.body.d ? a.body.d : a.body;
          ledger.create(list('Milestones'), entity && entity.Id !== undefined ? entity.Id : undefined);
          ledger.writes++;
        }
      }),
      { numRuns: 500, seed: seedFor(3) }
    );
    record(AREA, { inputs: runs });
  });

  it('generated $batch bodies: 200 with a proper answer per part, or a 400 with an error body', async () => {
    let runs: number = 0;
    const scratch: number[] = [];
    for (let i: number = 0; i < 3; i++) {
      const a: IAnswer = await rest(`${titlePath('Milestones')}/items`, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${USERS.lead}` }, body: JSON.stringify({ Title: `Scratch ${i}`, Timing: 'This period' }) }, 'scratch');
      expect(a.status).toBe(201);
      scratch.push(a.body.Id);
      ledger.create(list('Milestones'), a.body.Id);
      // Batches write only to these; every change to them counts as acknowledged.
      ledger.touch(list('Milestones'), a.body.Id);
    }
    const milestones: IStoredList = list('Milestones');
    const base: string = `${emu.siteUrl}/_api/${titlePath('Milestones')}`;
    const url: fc.Arbitrary<string> = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...scratch).map((id) => `${base}/items(${id})`) },
      { weight: 3, arbitrary: fc.constant(`${base}/items`) },
      { weight: 1, arbitrary: hostileText(2).map((t) => `${emu.siteUrl}/_api/${titlePath(`Milestones${t}`)}/items`) },
      { weight: 1, arbitrary: fc.constantFrom('http://[', 'http://a:b:c/', '//evil.example/_api/web', 'http://evil.example/sites/improvement/_api/web', '/sites/other/_api/web', `${emu.url}/_emulator/faults`, `${emu.url}/v1.0/sites/root`, 'web/lists', '', '%', '\\\\x', 'http://', 'file:///etc/passwd', `${emu.siteUrl}/_api/$batch`) },
      { weight: 1, arbitrary: hostileText(3).map((t) => t.replace(/\s/g, '')) }
    );
    const method: fc.Arbitrary<string> = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('GET', 'POST', 'MERGE', 'PATCH', 'DELETE', 'PUT') }, { weight: 1, arbitrary: fc.constantFrom('get', 'TRACE', 'OPTIONS', 'X') });
    const eol: fc.Arbitrary<string> = fc.constantFrom('\n', '\r\n');
    const inner: fc.Arbitrary<string> = fc
      .tuple(method, url, fc.oneof(itemBody(milestones).map((b) => JSON.stringify(b)), rawBody), fc.array(fc.tuple(fc.oneof(fc.constantFrom('if-match', 'x-http-method', 'content-type', 'accept', 'authorization', 'x-requestdigest'), hostileText(1)), headerText()), { maxLength: 3 }), eol)
      .map(([m, u, body, hs, nl]) => [`${m} ${u} HTTP/1.1`, ...hs.map(([k, v]) => `${k.replace(/[\r\n:]/g, '')}: ${v}`), 'content-type: application/json;charset=utf-8', '', body, ''].join(nl));
    const part: fc.Arbitrary<(b: string, nl: string) => string> = fc.oneof(
      inner.map((req) => (b: string, nl: string) => [`--${b}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', req].join(nl)),
      fc.tuple(fc.array(inner, { minLength: 1, maxLength: 3 }), fc.constantFrom('changeset_1', 'cs', 'changeset_"x"', '')).map(
        ([reqs, cs]) => (b: string, nl: string) =>
          [`--${b}`, `Content-Type: multipart/mixed; boundary=${cs}`, '', ...reqs.map((r) => [`--${cs}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', r].join(nl)), `--${cs}--`, ''].join(nl)
      ),
      hostileText(4).map((junk) => (b: string, nl: string) => [`--${b}`, junk].join(nl)),
      fc.constant((b: string, nl: string) => [`--${b}`, 'Content-Type: text/plain', '', 'not a request'].join(nl))
    );
    const batch = fc.record({
      boundary: fc.oneof(fc.constantFrom('batch_1', 'b', 'batch_-_x', 'a'.repeat(200)), hostileText(2).map((s) => s.replace(/[\r\n";]/g, '') || 'x')),
      contentType: fc.constantFrom('plain', 'quoted', 'other', 'none', 'json', 'hostile'),
      parts: fc.array(part, { maxLength: 5 }),
      close: fc.constantFrom('close', 'missing', 'other', 'twice'),
      nl: eol,
      junk: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_PIECES)), { maxLength: 3 }),
      hostileType: headerText(),
      auth: fc.constantFrom('bearer', 'digest', 'nothing')
    });
    await fc.assert(
      fc.asyncProperty(batch, async (g) => {
        runs++;
        let body: string = g.parts.map((p) => p(g.boundary, g.nl)).join(g.nl);
        body += g.nl + (g.close === 'close' ? `--${g.boundary}--${g.nl}` : g.close === 'other' ? `--other--${g.nl}` : g.close === 'twice' ? `--${g.boundary}--${g.nl}--${g.boundary}--${g.nl}` : '');
        for (const [at, piece] of g.junk) {
          const i: number = at % (body.length + 1);
          body = body.slice(0, i) + piece + body.slice(i);
        }
        const contentType: string =
          g.contentType === 'plain'
            ? `multipart/mixed; boundary=${g.boundary}`
            : g.contentType === 'quoted'
              ? `multipart/mixed; boundary="${g.boundary}"`
              : g.contentType === 'other'
                ? 'multipart/mixed; boundary=not_the_one'
                : g.contentType === 'json'
                  ? 'application/json'
                  : g.contentType === 'hostile'
                    ? g.hostileType
                    : 'multipart/mixed';
        const headers: { [name: string]: string } = { Accept: 'application/json', 'Content-Type': contentType.replace(/[^\t\u0020-\u007e\u0080-\u00ff]/g, '?') };
        if (g.auth === 'bearer') {
          headers.Authorization = `Bearer ${USERS.lead}`;
        } else if (g.auth === 'digest') {
          headers['X-RequestDigest'] = digest;
        }
        const what: string = `POST $batch ${show(headers)} ${show(body, 1500)}`;
        const a: IAnswer = await rest('$batch', { method: 'POST', headers, body }, what);
        expectProperAnswer(a, what);
        if (a.status === 200) {
          for (const r of batchResponses(a)) {
            expectProperAnswer(r, `a part of ${what}`);
            if (r.status === 201) {
              const location: string = r.headers.location || '';
              const m: RegExpExecArray | null = /Lists\(guid'([0-9a-f-]+)'\)\/Items\((\d+)\)/i.exec(location);
              ledger.create(m ? emu.store.listByGuid(m[1]) : undefined, m ? m[2] : undefined);
              ledger.writes++;
            }
          }
        }
      }),
      { numRuns: 400, seed: seedFor(4) }
    );
    record(AREA, { inputs: runs });
  });

  it('raw request targets and Host headers: never a server error or a dropped connection', async () => {
    let runs: number = 0;
    const target: fc.Arbitrary<string> = fc.oneof(
      fc.stringMatching(/^[!-~]{0,60}$/).map((s) => `/${s}`),
      fc.stringMatching(/^[!-~]{0,40}$/).map((s) => `//${s}`),
      fc.tuple(fc.constantFrom('/sites/improvement/_api/', '/v1.0/', '/_emulator/', '/sites/', '/'), fc.stringMatching(/^[!-~]{0,60}$/)).map(([a, b]) => `${a}${b}`),
      fc.constantFrom('//[x', '//[', '/%', '/%ZZ', '//@', '//:99999', '/sites/improvement/_api/web/lists/getByTitle(%27%ZZ%27)', '*', 'http://[/', 'http://evil.example/x', '/sites/improvement/_api/web?%', '/v1.0/sites/root/lists/%E0%A4%A')
    );
    const host: fc.Arbitrary<string | undefined> = fc.option(fc.oneof(fc.stringMatching(/^[!-~]{0,30}$/), fc.constantFrom('[', 'a b', 'localhost:99999', '@', 'exa mple', '[::1', 'localhost:-1', '%', 'x/y')), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(target, host, fc.constantFrom('GET', 'POST', 'OPTIONS'), async (path, h, method) => {
        runs++;
        const what: string = `${method} ${show(path)} Host ${show(h)}`;
        const status: number = await rawRequest(emu.port, method, path, h, what);
        if (status >= 500) {
          throw new Error(`${what} answered ${status}`);
        }
      }),
      { numRuns: 300, seed: seedFor(5) }
    );
    record(AREA, { inputs: runs });
  });

  it('leaves the store intact: sound, on disk as in memory, typed, readable, and changed only by acknowledged writes', async () => {
    expect(ledger.writes).toBeGreaterThan(0);
    await expectStoreIntact(emu, before, ledger, async (l) => {
      let count: number = 0;
      let next: string | undefined = `${emu.siteUrl}/_api/web/lists(guid'${l.guid}')/items?$top=5000`;
      while (next) {
        const a: IAnswer = await send(next, { headers: { Accept: 'application/json', Authorization: `Bearer ${USERS.lead}` } }, `reading ${l.definition.title}`);
        expect(a.status).toBe(200);
        count += a.body.value.length;
        next = a.body['odata.nextLink'];
      }
      return count;
    });
    console.log(`SharePoint REST bad input: ${ledger.writes} writes acknowledged, ${ledger.created.size} items created.`);
  });
});

/** The parts of a $batch answer, read as pnpjs reads them. */
function batchResponses(a: IAnswer): Array<IAnswer & { headers: { [name: string]: string } }> {
  const m: RegExpExecArray | null = /boundary=([^;]+)/.exec(a.contentType);
  if (!m) {
    throw new Error(`A $batch answer without a boundary: ${a.contentType}`);
  }
  const out: Array<IAnswer & { headers: { [name: string]: string } }> = [];
  const chunks: string[] = a.text.split(`--${m[1]}`);
  if (chunks[chunks.length - 1].trim() !== '--') {
    throw new Error(`A $batch answer that does not close its boundary: ${show(a.text.slice(-200))}`);
  }
  for (const chunk of chunks.slice(1, -1)) {
    const lines: string[] = chunk.replace(/^\r\n/, '').split('\r\n');
    const statusLine: number = lines.findIndex((l) => /^HTTP\/1\.1 \d{3} /.test(l));
    if (statusLine < 0) {
      throw new Error(`A $batch part without a status line: ${show(chunk)}`);
    }
    const status: number = Number(lines[statusLine].slice(9, 12));
    const headers: { [name: string]: string } = {};
    let i: number = statusLine + 1;
    for (; i < lines.length && lines[i] !== ''; i++) {
      const colon: number = lines[i].indexOf(':');
      headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
    }
    const text: string = lines.slice(i + 1).join('\r\n').replace(/\r\n$/, '');
    let body: Json = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    out.push({ status, contentType: headers['content-type'] || '', text, body, headers });
  }
  return out;
}

/** Sends a request with Node's http client, so the request target and Host are exactly as given. */
function rawRequest(port: number, method: string, path: string, host: string | undefined, what: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { Authorization: `Bearer ${USERS.lead}` };
    if (host !== undefined) {
      headers.Host = host;
    }
    let req: http.ClientRequest;
    try {
      req = http.request({ host: '127.0.0.1', port, method, path, headers, setHost: host === undefined }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode || 0));
        res.on('error', (e) => reject(new Error(`${what}: the answer broke off: ${e.message}`)));
      });
    } catch (e) {
      // Node's client refused to send it (an invalid character): nothing reached the server.
      resolve(0);
      return;
    }
    req.on('error', (e) => reject(new Error(`${what}: the connection failed: ${e.message}`)));
    req.end(method === 'POST' ? '{}' : undefined);
  });
}
