/**
 * Bad input the reliability suite's generated properties found the emulator answering with a
 * 500 (a crash) or storing where SharePoint and Graph refuse, each pinned here with the smallest
 * request: the answer is now a 4xx with the protocol's error body, and nothing is stored.
 */
import * as http from 'http';
import { parseFilter, FilterSyntaxError, MAX_FILTER_DEPTH } from '../../src/emulator/odata';
import type { Emulator } from '../../src/emulator/server';
import { listPath, reply, sp, spErrorOf, startStack, USERS, type IReply, type Json } from './helpers';

const MILESTONES: string = listPath('Milestones');
const WORKSTREAMS: string = listPath('Workstreams');

describe('bad input the emulator refuses with a 4xx, not a 500', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  function graph(path: string, init: RequestInit = {}): Promise<IReply> {
    return fetch(`${emu.url}/v1.0/${path}`, { ...init, headers: { Authorization: `Bearer ${USERS.lead}`, 'Content-Type': 'application/json', ...((init.headers as object) || {}) } }).then(reply);
  }

  function count(title: string): number {
    return (emu.store.listByTitle(title) as { items: Map<number, unknown> }).items.size;
  }

  /** Sends a request exactly as given (request target and Host), with Node's http client. */
  function raw(path: string, host?: string): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: emu.port, path, headers: host === undefined ? {} : { Host: host }, setHost: host === undefined }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode || 0));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('a request target or Host header no URL can be made of: 400', async () => {
    expect(await raw('//[x')).toBe(400);
    expect(await raw('/sites/improvement/_api/web', '[')).toBe(400);
    expect(await raw('/sites/improvement/_api/web', `localhost:${emu.port}`)).toBe(200);
  });

  it('"__metadata": null in a verbose body: 400 with the error body', async () => {
    const before: number = count('Milestones');
    const r: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', headers: { 'Content-Type': 'application/json;odata=verbose' }, body: { __metadata: null, Title: 'x' } });
    expect(r.status).toBe(400);
    expect(spErrorOf(r.body).message).toMatch(/__metadata/);
    expect(count('Milestones')).toBe(before);
  });

  it('a value String() cannot convert ({"toString": []}) as a person or a __metadata type: 400', async () => {
    const person: IReply = await sp(emu, `${WORKSTREAMS}/items`, { method: 'POST', body: '{"SponsorId":{"toString":[]}}' });
    expect(person.status).toBe(400);
    expect(spErrorOf(person.body).message).toBe('The value of the field \'Workstream sponsor\' is not valid: there is no site user with id {"toString":[]}.');
    const type: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', headers: { 'Content-Type': 'application/json;odata=verbose' }, body: '{"__metadata":{"type":{"toString":1}}}' });
    expect(type.status).toBe(400);
  });

  it('a $filter nested deeper than the parser allows: 400, not a stack overflow', async () => {
    const deep: string = `${'('.repeat(3000)}Id eq 1${')'.repeat(3000)}`;
    const r: IReply = await sp(emu, `${MILESTONES}/items?$filter=${deep}`);
    expect(r.status).toBe(400);
    expect(spErrorOf(r.body).message).toBe(`The expression is not valid: an expression nested more than ${MAX_FILTER_DEPTH} deep.`);
    const nots: IReply = await graph(`sites/localhost:/sites/improvement:/lists/Milestones/items?$filter=${'not '.repeat(1000)}fields/Title eq 'x'`, { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } });
    expect(nots.status).toBe(400);
    expect(nots.body.error.code).toBe('invalidRequest');
    // Nesting up to the limit still parses.
    expect(parseFilter(`${'('.repeat(MAX_FILTER_DEPTH)}Id eq 1${')'.repeat(MAX_FILTER_DEPTH)}`)).toEqual({ type: 'compare', op: 'eq', left: { type: 'field', path: 'Id' }, right: { type: 'literal', value: 1 } });
    expect(() => parseFilter(`${'not '.repeat(MAX_FILTER_DEPTH + 1)}Id eq 1`)).toThrow(FilterSyntaxError);
  });

  it('a Graph path segment with a malformed %-escape: 400 with Graph\'s error body', async () => {
    const list: IReply = await graph('sites/localhost:/sites/improvement:/lists/%E0%A4%A');
    expect(list.status).toBe(400);
    expect(list.body.error).toMatchObject({ code: 'invalidRequest' });
    const site: IReply = await graph('sites/%ZZ/lists');
    expect(site.status).toBe(400);
  });

  it('Graph bodies that are not objects ("null", "fields": null) and batch bodies that are not: 400', async () => {
    const before: number = count('Milestones');
    const milestones: string = (emu.store.listByTitle('Milestones') as { guid: string }).guid;
    for (const body of ['null', '5', '[]', '{"fields":null}', '{"fields":"Title"}']) {
      const r: IReply = await graph(`sites/localhost:/sites/improvement:/lists/${milestones}/items`, { method: 'POST', body });
      expect([body, r.status]).toEqual([body, 400]);
      expect(typeof r.body.error.message).toBe('string');
    }
    expect((await graph(`sites/localhost:/sites/improvement:/lists/${milestones}/items/1`, { method: 'PATCH', body: 'null' })).status).toBe(400);
    expect(count('Milestones')).toBe(before);
    const batch: IReply = await graph('$batch', { method: 'POST', body: 'null' });
    expect(batch.status).toBe(400);
    expect(batch.body.error.message).toBe('Invalid batch payload format.');
    const headers: IReply = await graph('$batch', { method: 'POST', body: '{"requests":[{"id":"1","method":"GET","url":"/sites/root","headers":{"a":{"toString":[]}}}]}' });
    expect(headers.status).toBe(400);
    expect(headers.body.error.message).toBe("The headers of batch request '1' must be an object of strings.");
  });
});

describe('item ids and $top that only Number() or parseInt() could read', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  it('an item id such as 1e1, 0x2 or " 3" is refused, not read as item 10, 2 or 3', async () => {
    for (const id of ['1e1', '0x2', '%203', '+4', '1.0']) {
      const before: string = JSON.stringify(Array.from((emu.store.listByTitle('Milestones') as { items: Map<number, unknown> }).items.values()));
      const rest: IReply = await sp(emu, `${MILESTONES}/items(${id})`, { method: 'POST', headers: { 'X-HTTP-Method': 'MERGE', 'If-Match': '*' }, body: { Title: 'Written through a bad id' } });
      expect([id, rest.status]).toEqual([id, 400]);
      const graphAnswer: IReply = await fetch(`${emu.url}/v1.0/sites/localhost:/sites/improvement:/lists/Milestones/items/${id}/fields`, { method: 'PATCH', headers: { Authorization: `Bearer ${USERS.lead}`, 'Content-Type': 'application/json' }, body: '{"Title":"Written through a bad id"}' }).then(reply);
      expect([id, graphAnswer.status]).toEqual([id, 400]);
      expect(JSON.stringify(Array.from((emu.store.listByTitle('Milestones') as { items: Map<number, unknown> }).items.values()))).toBe(before);
    }
    expect((await sp(emu, `${MILESTONES}/items(3)`)).body.Id).toBe(3);
  });

  it('a $top that is not a whole number ("5abc", "1e3") is refused', async () => {
    for (const top of ['5abc', '1e3', '2.5', '-1']) {
      expect([top, (await sp(emu, `${MILESTONES}/items?$top=${top}`)).status]).toEqual([top, 400]);
      const g: IReply = await fetch(`${emu.url}/v1.0/sites/localhost:/sites/improvement:/lists/Milestones/items?$top=${top}`, { headers: { Authorization: `Bearer ${USERS.lead}` } }).then(reply);
      expect([top, g.status]).toEqual([top, 400]);
    }
    expect((await sp(emu, `${MILESTONES}/items?$top=2`)).body.value).toHaveLength(2);
    expect((await sp(emu, `${MILESTONES}/items?$top=0`)).body.value).toHaveLength(0);
  });
});

describe('values SharePoint and Graph refuse, which the emulator stored', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  async function create(list: string, body: Json): Promise<IReply> {
    return sp(emu, `${list}/items`, { method: 'POST', body });
  }

  it('a lookup or person id that is not a number or digits (true, [1], {"Id":1}) is refused; numbers and digit strings are taken', async () => {
    for (const value of [true, [1], [[1]], { Id: 1 }, '1.0', 'one']) {
      const r: IReply = await create(MILESTONES, { Title: 'Lookup test', WorkstreamId: value });
      expect([value, r.status]).toEqual([value, 400]);
      expect(spErrorOf(r.body).message).toBe("The value of the field 'Workstream' is not valid: a lookup id was expected.");
    }
    for (const value of [true, [10]]) {
      expect((await create(WORKSTREAMS, { Title: 'Person test', Code: 'PT', SponsorId: value })).status).toBe(400);
    }
    expect((await create(MILESTONES, { Title: 'Lookup as a number', WorkstreamId: 1 })).body.WorkstreamId).toBe(1);
    expect((await create(MILESTONES, { Title: 'Lookup as digits', WorkstreamId: '2' })).body.WorkstreamId).toBe(2);
  });

  it('a multi-person column given one id rather than a collection is refused', async () => {
    const one: IReply = await create(WORKSTREAMS, { Title: 'Managers test', Code: 'MT1', ProjectManagersId: 10 });
    expect(one.status).toBe(400);
    expect(spErrorOf(one.body).message).toBe("The value of the field 'Project managers' is not valid: a collection of site user ids was expected.");
    expect((await create(WORKSTREAMS, { Title: 'Managers test', Code: 'MT2', ProjectManagersId: [10, 11] })).body.ProjectManagersId).toEqual([10, 11]);
    expect((await create(WORKSTREAMS, { Title: 'Managers test', Code: 'MT3', ProjectManagersId: { results: [10] } })).status).toBe(201);
  });

  it('a date outside 1 January 1900 to 31 December 8900 is refused', async () => {
    for (const value of ['0001-01-01T00:00:00Z', '1899-12-31', '1900-01-01T00:30:00+01:00', '9999-12-31T23:59:59Z']) {
      const r: IReply = await create(MILESTONES, { Title: 'Date test', DueDate: value });
      expect([value, r.status]).toEqual([value, 400]);
      expect(spErrorOf(r.body).message).toBe(`The value of the field 'Due date' is not valid: '${value}' is outside the dates SharePoint keeps (1 January 1900 to 31 December 8900).`);
    }
    expect((await create(MILESTONES, { Title: 'Date test', DueDate: '1900-01-01' })).body.DueDate).toBe('1900-01-01T00:00:00Z');
    expect((await create(MILESTONES, { Title: 'Date test', DueDate: '8900-12-31' })).body.DueDate).toBe('8900-12-31T00:00:00Z');
  });
});
