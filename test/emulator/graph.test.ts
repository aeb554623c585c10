/**
 * Microsoft Graph's SharePoint lists with the real @microsoft/microsoft-graph-client over HTTPS
 * (it only authenticates and pages https:// URLs of Graph hosts or customHosts), plus plain fetch
 * where the test is about the exact bytes of an answer.
 */
import { X509Certificate } from 'crypto';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as tls from 'tls';
import { Client, GraphError, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { makeLocalhostCertificate, type ICertificate } from '../../src/emulator/certificate';
import type { Emulator } from '../../src/emulator/server';
import { allItems, reply, sp, startStack, USERS, type IReply, type Json } from './helpers';

const HONOR: string = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** graph-client as an app would set it up for the emulator, signing in as `login`. */
function graphClient(baseUrl: string, login: string): Client {
  return Client.init({ baseUrl, defaultVersion: 'v1.0', customHosts: new Set<string>(['localhost']), authProvider: (done) => done(null, login) });
}

async function graphFailure(work: Promise<unknown>): Promise<GraphError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof GraphError) {
      return e;
    }
    throw e;
  }
  throw new Error('Expected the Graph call to fail, but it succeeded.');
}

describe('Microsoft Graph', () => {
  let emu: Emulator;
  let client: Client;
  let site: string;
  let milestones: Json[];
  beforeAll(async () => {
    emu = await startStack();
    client = graphClient(emu.httpsUrl, USERS.lead);
    milestones = await allItems(emu, 'Milestones');
    site = `/sites/${(await client.api('/sites/localhost:/sites/improvement').get()).id}`;
  });
  afterAll(() => emu.close());

  /** Plain fetch to the Graph side over http, naming the user itself. */
  async function raw(pathAndQuery: string, init: RequestInit = {}): Promise<IReply> {
    return reply(await fetch(`${emu.url}/v1.0${pathAndQuery}`, { ...init, headers: { Authorization: `Bearer ${USERS.lead}`, 'Content-Type': 'application/json', ...((init.headers as object) || {}) } }));
  }

  describe('sites and lists', () => {
    it('finds the site by path, with the id "host,siteGuid,webGuid"', async () => {
      const found: Json = await client.api('/sites/localhost:/sites/improvement').get();
      const siteGuid: string = (await sp(emu, 'site')).body.Id;
      const webGuid: string = (await sp(emu, 'web')).body.Id;
      expect(found.id).toBe(`localhost,${siteGuid},${webGuid}`);
      expect(found.webUrl).toBe(emu.siteUrl);
      // The id addresses the site too, encoded or not.
      expect((await client.api(`/sites/${encodeURIComponent(found.id)}`).get()).id).toBe(found.id);
      const missing: GraphError = await graphFailure(client.api('/sites/localhost:/sites/elsewhere').get());
      expect([missing.statusCode, missing.code]).toEqual([404, 'itemNotFound']);
    });

    it('lists the lists, and finds one by id and by title', async () => {
      const lists: Json = await client.api(`${site}/lists`).get();
      const byTitle: Json = lists.value.filter((l: Json) => l.displayName === 'Reporting Periods')[0];
      expect(byTitle.id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await client.api(`${site}/lists/${byTitle.id}`).get()).displayName).toBe('Reporting Periods');
      expect((await client.api(`${site}/lists/Reporting Periods`).get()).id).toBe(byTitle.id);
      expect((await client.api(`${site}/lists/Reporting%20Periods`).get()).id).toBe(byTitle.id);
    });
  });

  describe('items', () => {
    it('expand=fields(select=…) gives the chosen fields, lookup ids as strings and the "GUID,N" etag', async () => {
      const page: Json = await client.api(`${site}/lists/Milestones/items`).expand('fields(select=Title,WorkstreamLookupId,Timing)').top(3).get();
      const first: Json = page.value[0];
      expect(first.id).toBe('1');
      expect(first.fields).toEqual({ '@odata.etag': `"${milestones[0].GUID},1"`, Title: milestones[0].Title, WorkstreamLookupId: '1', Timing: 'This period' });
      expect(first['@odata.etag']).toBe(`"${milestones[0].GUID},1"`);
      expect(first.eTag).toBe(first['@odata.etag']);
      expect(first.createdDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const author: Json = (await sp(emu, `web/getuserbyid(${milestones[0].AuthorId})`)).body;
      expect(first.createdBy.user).toMatchObject({ email: author.Email, displayName: author.Title });
      expect(page['@odata.nextLink']).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/sites\//);
    });

    it('gives every field with expand=fields, AuthorLookupId as a string', async () => {
      const one: Json = await client.api(`${site}/lists/Milestones/items/1`).expand('fields').get();
      expect(one.fields).toMatchObject({ id: '1', Title: milestones[0].Title, WorkstreamLookupId: '1', ReportingPeriodLookupId: String(milestones[0].ReportingPeriodId), AuthorLookupId: String(milestones[0].AuthorId) });
      expect(one.fields.Workstream).toBeUndefined();
    });

    it('$select on the items keeps only the properties named, with the ETag annotation and the expanded fields', async () => {
      const page: Json = await client.api(`${site}/lists/Milestones/items`).select('id').expand('fields(select=Title)').top(2).get();
      const first: Json = page.value[0];
      expect(Object.keys(first).sort()).toEqual(['@odata.etag', 'fields', 'fields@odata.context', 'id']);
      expect(first.fields).toEqual({ '@odata.etag': `"${milestones[0].GUID},1"`, Title: milestones[0].Title });
      const one: Json = await client.api(`${site}/lists/Milestones/items/1`).select('id,createdBy').get();
      expect(Object.keys(one).filter((k) => !k.startsWith('@odata')).sort()).toEqual(['createdBy', 'id']);
      const bad: IReply = await raw(`${site}/lists/Milestones/items?$select=id,Colour&expand=fields`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/Could not find a property named 'Colour' on type 'microsoft\.graph\.listItem'/);
    });

    it('answers without OData control information at odata.metadata=none, alone and in a $batch: the next link and the selected eTag stay', async () => {
      const none: string = 'application/json;odata.metadata=none';
      const page: Json = await client.api(`${site}/lists/Milestones/items`).header('Accept', none).select('eTag').expand('fields(select=id,Title)').top(2).get();
      expect(Object.keys(page).sort()).toEqual(['@odata.nextLink', 'value']);
      expect(page.value[0]).toEqual({ eTag: `"${milestones[0].GUID},1"`, fields: { id: '1', Title: milestones[0].Title } });
      // The same request at the default (minimal) level carries the annotations.
      const minimal: Json = await client.api(`${site}/lists/Milestones/items`).select('eTag').expand('fields(select=id,Title)').top(2).get();
      expect(Object.keys(minimal.value[0]).sort()).toEqual(['@odata.etag', 'eTag', 'fields', 'fields@odata.context']);
      expect(minimal.value[0].fields['@odata.etag']).toBe(minimal.value[0].eTag);
      const answered: Json = await client.api('/$batch').post({
        requests: [
          { id: '1', method: 'GET', url: `${site}/lists/Milestones/items/1?$select=eTag&expand=fields(select=Title)`, headers: { Accept: none } },
          { id: '2', method: 'GET', url: `${site}/lists/Milestones/items/1?$select=eTag&expand=fields(select=Title)` }
        ]
      });
      const byId = (id: string): Json => answered.responses.filter((r: Json) => r.id === id)[0].body;
      expect(byId('1')).toEqual({ eTag: `"${milestones[0].GUID},1"`, fields: { Title: milestones[0].Title } });
      expect(byId('2')['@odata.context']).toMatch(/\$metadata#/);
      // An error keeps its shape.
      const missing: IReply = await raw(`${site}/lists/Milestones/items/99999`, { headers: { Accept: none } });
      expect([missing.status, missing.body.error.code]).toEqual([404, 'itemNotFound']);
    });

    it('refuses a filter on a field that is not indexed unless Prefer: HonorNonIndexedQueriesWarningMayFailRandomly', async () => {
      const refused: GraphError = await graphFailure(client.api(`${site}/lists/Milestones/items`).expand('fields').filter("fields/Title eq 'Agreed project plan and clear scope'").get());
      expect(refused.statusCode).toBe(400);
      expect(refused.code).toBe('invalidRequest');
      expect(refused.message).toMatch(/^Field 'Title' cannot be referenced in filter or orderby as it is not indexed\. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header/);
      const allowed: Json = await client.api(`${site}/lists/Milestones/items`).header('Prefer', HONOR).expand('fields(select=Title)').filter("fields/Title eq 'Agreed project plan and clear scope'").get();
      expect(allowed.value.map((i: Json) => i.fields.Title)).toEqual(milestones.filter((m) => m.Title === 'Agreed project plan and clear scope').map((m) => m.Title));
      expect(allowed.value.length).toBeGreaterThan(0);
      // An indexed field needs no header; lookup ids compare as strings.
      const indexed: Json = await client.api(`${site}/lists/Milestones/items`).expand('fields(select=Title)').filter("fields/WorkstreamLookupId eq '2' and fields/Timing eq 'Next period'").top(500).get();
      expect(indexed.value.map((i: Json) => Number(i.id))).toEqual(milestones.filter((m) => m.WorkstreamId === 2 && m.Timing === 'Next period').map((m) => m.Id));
      // $orderby is held to the same rule.
      const orderBy: GraphError = await graphFailure(client.api(`${site}/lists/Milestones/items`).orderby('fields/SortOrder').get());
      expect([orderBy.statusCode, orderBy.code]).toEqual([400, 'invalidRequest']);
    });

    it("pages with graph-client's PageIterator through absolute https nextLinks: $top=7 over every milestone, each once", async () => {
      emu.resetStats();
      const first: PageCollection = await client.api(`${site}/lists/Milestones/items`).expand('fields(select=Title)').top(7).get();
      const ids: number[] = [];
      const iterator: PageIterator = new PageIterator(client, first, (item: Json) => {
        ids.push(Number(item.id));
        return true;
      });
      const nextLink: string = first['@odata.nextLink'] as string;
      await iterator.iterate();
      expect(ids).toHaveLength(milestones.length);
      expect(new Set(ids).size).toBe(milestones.length);
      expect([...ids].sort((a, b) => a - b)).toEqual(milestones.map((m) => m.Id));
      expect(nextLink.startsWith(`https://localhost:${emu.port}/v1.0${site}/lists/Milestones/items?`)).toBe(true);
      // The query is repeated as graph-client wrote it: $ ( ) , / = unencoded.
      expect(new URL(nextLink).search).toMatch(/^\?\$expand=fields\(select=Title\)&\$top=7&\$skiptoken=[A-Za-z0-9_-]+$/);
      const token: string = new URL(nextLink).searchParams.get('$skiptoken') as string;
      expect(Buffer.from(token, 'base64url').toString('utf8')).toBe('Paged=TRUE&p_ID=7');
      expect(emu.stats.roundTrips).toBe(Math.ceil(milestones.length / 7));
    });

    it('keeps the filter and the Prefer header across pages: a filtered PageIterator sees each match once', async () => {
      const expected: number[] = milestones.filter((m) => m.Timing === 'Next period' && m.SortOrder !== 1).map((m) => m.Id);
      expect(expected.length).toBeGreaterThan(10);
      const first: PageCollection = await client
        .api(`${site}/lists/Milestones/items`)
        .header('Prefer', HONOR)
        .expand('fields(select=Title,SortOrder)')
        .filter("fields/Timing eq 'Next period' and fields/SortOrder ne 1")
        .top(4)
        .get();
      const seen: number[] = [];
      await new PageIterator(client, first, (item: Json) => {
        seen.push(Number(item.id));
        return true;
      }, { headers: { Prefer: HONOR } }).iterate();
      expect(seen).toEqual(expected);
    });

    it('creates with POST 201 and lookup ids written as strings', async () => {
      const created: Json = await client.api(`${site}/lists/Milestones/items`).post({ fields: { Title: 'Created through Graph', WorkstreamLookupId: '4', ReportingPeriodLookupId: '2', Timing: 'Next period' } });
      expect(created.id).toMatch(/^\d+$/);
      expect(created.fields).toMatchObject({ Title: 'Created through Graph', WorkstreamLookupId: '4', Timing: 'Next period' });
      const stored: Json = (await sp(emu, `web/lists/getByTitle('Milestones')/items(${created.id})`)).body;
      expect(stored).toMatchObject({ Title: 'Created through Graph', WorkstreamId: 4, ReportingPeriodId: 2 });
      expect(created['@odata.etag']).toBe(`"${stored.GUID},1"`);
      // A lookup id written as a number is refused, as Graph does.
      const numeric: GraphError = await graphFailure(client.api(`${site}/lists/Milestones/items`).post({ fields: { Title: 'x', WorkstreamLookupId: 4, ReportingPeriodLookupId: '2' } }));
      expect(numeric.statusCode).toBe(400);
    });

    it('PATCHes /fields with If-Match, refusing a stale etag with 412 resourceModified and changing nothing', async () => {
      const created: Json = await client.api(`${site}/lists/Milestones/items`).post({ fields: { Title: 'To be patched', WorkstreamLookupId: '1', ReportingPeriodLookupId: '2', Timing: 'This period' } });
      const etag1: string = created['@odata.etag'];
      const patched: Json = await client.api(`${site}/lists/Milestones/items/${created.id}/fields`).header('If-Match', etag1).patch({ Title: 'Patched once' });
      expect(patched).toMatchObject({ Title: 'Patched once', '@odata.etag': etag1.replace(',1"', ',2"') });
      const before: Json = (await sp(emu, `web/lists/getByTitle('Milestones')/items(${created.id})`)).body;
      const stale: GraphError = await graphFailure(client.api(`${site}/lists/Milestones/items/${created.id}/fields`).header('If-Match', etag1).patch({ Title: 'Never written' }));
      expect(stale.statusCode).toBe(412);
      expect(stale.code).toBe('resourceModified');
      expect((await sp(emu, `web/lists/getByTitle('Milestones')/items(${created.id})`)).body).toEqual(before);
    });

    it('DELETEs with 204, after which the item is not found', async () => {
      const created: Json = await client.api(`${site}/lists/Milestones/items`).post({ fields: { Title: 'To be deleted', WorkstreamLookupId: '1', ReportingPeriodLookupId: '2' } });
      const r: IReply = await raw(`${site}/lists/Milestones/items/${created.id}`, { method: 'DELETE' });
      expect(r.status).toBe(204);
      expect(r.text).toBe('');
      const gone: GraphError = await graphFailure(client.api(`${site}/lists/Milestones/items/${created.id}`).get());
      expect([gone.statusCode, gone.code]).toEqual([404, 'itemNotFound']);
    });
  });

  describe('errors and batches', () => {
    it('writes errors as {"error":{"code","message","innerError":{"request-id","date"}}} in application/json', async () => {
      const r: IReply = await raw(`${site}/lists/Milestones/items/99999`, { headers: { 'client-request-id': 'abc-123' } });
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Object.keys(r.body)).toEqual(['error']);
      expect(r.body.error).toMatchObject({ code: 'itemNotFound', message: expect.any(String) });
      expect(r.body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect(r.body.error.innerError['client-request-id']).toBe('abc-123');
      const denied: IReply = await raw(`${site}/lists/Milestones/items`, { method: 'POST', headers: { Authorization: `Bearer ${USERS.iib}` }, body: JSON.stringify({ fields: { Title: 'x', WorkstreamLookupId: '1', ReportingPeriodLookupId: '2' } }) });
      expect([denied.status, denied.body.error.code]).toEqual([403, 'accessDenied']);
      // graph-client reads the same body into its GraphError.
      const parsed: GraphError = await graphFailure(client.api(`${site}/lists/Milestones/items/99999`).get());
      expect(parsed.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(parsed.date).toBeInstanceOf(Date);
      expect(isNaN((parsed.date as Date).getTime())).toBe(false);
    });

    it('answers a JSON $batch of up to 20 requests in one body, and refuses 21', async () => {
      emu.resetStats();
      const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `${site}/lists/Milestones/items/${i + 1}?$expand=fields(select=Title)` }));
      requests[19] = { id: '20', method: 'GET', url: `${site}/lists/Milestones/items/99999` };
      const answered: Json = await client.api('/$batch').post({ requests });
      expect(emu.stats.roundTrips).toBe(1);
      expect(emu.stats.batchParts).toBe(20);
      expect(answered.responses.map((r: Json) => r.id)).toEqual(requests.map((r) => r.id));
      expect(answered.responses.slice(0, 19).every((r: Json) => r.status === 200)).toBe(true);
      expect(answered.responses[0].body.fields.Title).toBe(milestones[0].Title);
      expect(answered.responses[19]).toMatchObject({ status: 404, body: { error: { code: 'itemNotFound' } } });
      const tooMany: GraphError = await graphFailure(client.api('/$batch').post({ requests: [...requests, { id: '21', method: 'GET', url: `${site}/lists` }] }));
      expect(tooMany.statusCode).toBe(400);
    });
  });

  describe('throttling', () => {
    afterEach(async () => {
      await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ rate: 0, maxPerRequest: 1, retryAfterSeconds: 1, status: 429 }) });
    });

    it('answers 429 activityLimitReached with Retry-After, which graph-client absorbs', async () => {
      await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ rate: 1, maxPerRequest: 1, retryAfterSeconds: 1 }) });
      const throttled: IReply = await raw(`${site}/lists/Milestones/items/1`);
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('1');
      expect(throttled.body.error.code).toBe('activityLimitReached');
      emu.resetStats();
      const one: Json = await client.api(`${site}/lists/Milestones/items/2`).get();
      expect(one.id).toBe('2');
      expect(emu.stats.recent.map((r) => r.status)).toEqual([429, 200]);
    });
  });

  describe('https', () => {
    it('gives every localhost certificate a name of its own, so that two trusted ones never shadow each other', async () => {
      const other: ICertificate = await makeLocalhostCertificate();
      const subject = (pem: string): string => new X509Certificate(pem).subject;
      expect(subject(other.cert)).not.toBe(subject(emu.certificate.cert));
      expect(subject(other.cert)).toMatch(/^CN=localhost\nO=Programme Highlights local stack\nOU=Certificate [0-9a-f]{32}$/);
      // Trusting a second emulator certificate (another data folder, a reset) must leave the first verifiable.
      tls.setDefaultCACertificates([...tls.getCACertificates('default'), other.cert]);
      const server: https.Server = https.createServer({ key: other.key, cert: other.cert }, (_req, res) => res.end('second'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      try {
        const port: number = (server.address() as AddressInfo).port;
        expect(await (await fetch(`https://localhost:${port}/`)).text()).toBe('second');
        expect((await client.api('/sites/localhost:/sites/improvement').get()).id).toBe(site.replace('/sites/', ''));
      } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });

  describe('authorization', () => {
    it('is sent by graph-client only to https custom hosts: over http the default user acts', async () => {
      const fields = { Title: 'Written by whom?', WorkstreamLookupId: '1', ReportingPeriodLookupId: '2', Timing: 'This period' };
      // Over https graph-client sends "Authorization: Bearer <iib member>", who may not write milestones.
      const secure: GraphError = await graphFailure(graphClient(emu.httpsUrl, USERS.iib).api(`${site}/lists/Milestones/items`).post({ fields }));
      expect([secure.statusCode, secure.code]).toEqual([403, 'accessDenied']);
      // Over http it sends no Authorization at all, so the emulator's default user (the lead) writes.
      const plain: Json = await graphClient(emu.url, USERS.iib).api(`${site}/lists/Milestones/items`).post({ fields });
      expect(plain.createdBy.user.email).toBe(emu.defaultUser.email);
      expect(emu.defaultUser.email).not.toBe(USERS.iib);
      // And an https client for a sponsor is seen as that sponsor when reading.
      const me: Json = await graphClient(emu.httpsUrl, USERS.sponsor).api(`${site}/lists/Sponsor Comments/items`).expand('fields(select=Title)').top(1).get();
      expect(me.value).toHaveLength(1);
    });
  });
});
