/**
 * SharePoint REST behaviour: item shapes, statuses and ETags, error bodies, the form digest and
 * bearer logins, permissions, the list view threshold, injected throttling, value validation and
 * CORS — over real HTTP, and with the real @pnp/sp where the behaviour is what pnpjs relies on.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import type { Emulator } from '../../src/emulator/server';
import { allItems, listPath, pnp, pnpFailure, sp, spErrorOf, startStack, USERS, type IReply, type Json } from './helpers';

const MILESTONES: string = listPath('Milestones');
const ISO_SECONDS: RegExp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MILESTONE = { Title: 'A milestone for the REST tests', WorkstreamId: 1, ReportingPeriodId: 2, Timing: 'This period' };

describe('SharePoint REST', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  async function create(values: Json = MILESTONE): Promise<IReply> {
    const r: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', body: values });
    expect(r.status).toBe(201);
    return r;
  }

  async function item(id: number, list: string = MILESTONES): Promise<Json> {
    return (await sp(emu, `${list}/items(${id})`)).body;
  }

  describe('items', () => {
    it('have Id and ID, UTC times without milliseconds, author and editor ids and the version string', async () => {
      const one: Json = await item(1);
      expect(one).toMatchObject({ Id: 1, ID: 1, OData__UIVersionString: '1.0', 'odata.etag': '"1"', 'odata.type': 'SP.Data.MilestonesListItem' });
      expect(one.Created).toMatch(ISO_SECONDS);
      expect(one.Modified).toMatch(ISO_SECONDS);
      expect(typeof one.AuthorId).toBe('number');
      expect(one.EditorId).toBe(one.AuthorId);
      expect(one.AuthorStringId).toBe(String(one.AuthorId));
      expect(one.WorkstreamId).toBe(1);
      expect(one.Workstream).toBeUndefined();
      expect(one.WorkstreamStringId).toBeUndefined();
    });

    it('give people as XxxId and XxxStringId, multi-person columns as arrays', async () => {
      const gov: Json = await item(1, listPath('Workstreams'));
      expect(typeof gov.SponsorId).toBe('number');
      expect(gov.SponsorStringId).toBe(String(gov.SponsorId));
      expect(Array.isArray(gov.ProjectManagersId)).toBe(true);
      expect(gov.ProjectManagersStringId).toEqual(gov.ProjectManagersId.map(String));
      expect(gov.Sponsor).toBeUndefined();
      const sponsor: IReply = await sp(emu, `web/getuserbyid(${gov.SponsorId})`);
      expect(sponsor.body.Email).toBe(USERS.sponsor);
    });

    it('are created with 201, the entity, an ETag "GUID,1" and a Location that reads it back', async () => {
      const r: IReply = await create();
      const guid: string = r.body.GUID;
      expect(r.headers.get('etag')).toBe(`"${guid},1"`);
      expect(r.body).toMatchObject({ ...MILESTONE, 'odata.etag': '"1"', OData__UIVersionString: '1.0' });
      const lead: Json = (await sp(emu, 'web/currentuser')).body;
      expect(r.body.AuthorId).toBe(lead.Id);
      expect(r.body.Created).toMatch(ISO_SECONDS);
      const location: string = r.headers.get('location') as string;
      expect(location.startsWith(`${emu.siteUrl}/_api/`)).toBe(true);
      expect(location.slice(`${emu.siteUrl}/_api/`.length)).toMatch(/^Web\/Lists\(guid'[0-9a-f-]{36}'\)\/Items\(\d+\)$/);
      expect(location.endsWith(`/Items(${r.body.Id})`)).toBe(true);
      const back: Json = await (await fetch(location, { headers: { Accept: 'application/json', Authorization: `Bearer ${USERS.lead}` } })).json();
      expect(back).toMatchObject({ Id: r.body.Id, GUID: guid, Title: MILESTONE.Title });
    });

    it('are updated by MERGE with 204, no body and the next ETag; the version goes up by one each time', async () => {
      const created: IReply = await create();
      const id: number = created.body.Id;
      const guid: string = created.body.GUID;
      const first: IReply = await sp(emu, `${MILESTONES}/items(${id})`, { method: 'POST', headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' }, body: { Title: 'Once' } });
      expect(first.status).toBe(204);
      expect(first.text).toBe('');
      expect(first.headers.get('etag')).toBe(`"${guid},2"`);
      const second: IReply = await sp(emu, `${MILESTONES}/items(${id})`, { method: 'POST', headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '"2"' }, body: { SortOrder: 4 } });
      expect(second.headers.get('etag')).toBe(`"${guid},3"`);
      const now: Json = await item(id);
      // MERGE keeps what it was not given.
      expect(now).toMatchObject({ Title: 'Once', SortOrder: 4, Timing: 'This period', 'odata.etag': '"3"', OData__UIVersionString: '3.0' });
      expect(now.Modified >= created.body.Modified).toBe(true);
    });

    it('are deleted with 200 and an empty body, by X-HTTP-Method and by the DELETE verb', async () => {
      for (const how of ['override', 'verb']) {
        const id: number = (await create()).body.Id;
        const r: IReply =
          how === 'override'
            ? await sp(emu, `${MILESTONES}/items(${id})`, { method: 'POST', headers: { 'X-HTTP-Method': 'DELETE', 'IF-Match': '*' } })
            : await sp(emu, `${MILESTONES}/items(${id})`, { method: 'DELETE' });
        expect(r.status).toBe(200);
        expect(r.text).toBe('');
        expect((await sp(emu, `${MILESTONES}/items(${id})`)).status).toBe(404);
      }
    });
  });

  describe('unique columns', () => {
    it("refuse a second item with a value already used, as SharePoint does, and add nothing", async () => {
      const count: number = (await allItems(emu, 'Milestones')).length;
      const first: IReply = await create({ ...MILESTONE, RequestKey: 'rest-key-1' });
      const again: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', body: { ...MILESTONE, RequestKey: 'REST-KEY-1' } });
      expect(again.status).toBe(400);
      expect(spErrorOf(again.body)).toEqual({
        code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
        message: 'The list item could not be added or updated because duplicate values were found in one or more fields in the list.'
      });
      expect(await allItems(emu, 'Milestones')).toHaveLength(count + 1);
      // The first item is found by its key: the key's column is indexed, so the filter is allowed at any size.
      const found: IReply = await sp(emu, `${MILESTONES}/items?$select=Id&$filter=${encodeURIComponent("RequestKey eq 'rest-key-1'")}`);
      expect(found.body.value.map((v: Json) => v.Id)).toEqual([first.body.Id]);
    });

    it('allow the value again once the item holding it is gone, and leave empty values alone', async () => {
      const first: IReply = await create({ ...MILESTONE, RequestKey: 'rest-key-2' });
      expect((await sp(emu, `${MILESTONES}/items(${first.body.Id})`, { method: 'DELETE' })).status).toBe(200);
      expect((await create({ ...MILESTONE, RequestKey: 'rest-key-2' })).body.Id).not.toBe(first.body.Id);
      await create(MILESTONE);
      await create(MILESTONE);
    });
  });

  describe('If-Match', () => {
    async function merge(id: number, ifMatch: string | undefined, title: string): Promise<IReply> {
      return sp(emu, `${MILESTONES}/items(${id})`, { method: 'POST', headers: { 'X-HTTP-Method': 'MERGE', ...(ifMatch === undefined ? {} : { 'IF-Match': ifMatch }) }, body: { Title: title } });
    }

    it('accepts *, "N", "GUID,N", and no If-Match at all (which overwrites)', async () => {
      const created: IReply = await create();
      const id: number = created.body.Id;
      const guid: string = created.body.GUID;
      expect((await merge(id, '*', 'star')).status).toBe(204);
      expect((await merge(id, '"2"', 'version')).status).toBe(204);
      expect((await merge(id, `"${guid},3"`, 'guid and version')).status).toBe(204);
      expect((await merge(id, undefined, 'no if-match')).status).toBe(204);
      expect(await item(id)).toMatchObject({ Title: 'no if-match', 'odata.etag': '"5"' });
    });

    it('refuses a stale or foreign ETag with 412 and changes nothing', async () => {
      const created: IReply = await create();
      const id: number = created.body.Id;
      expect((await merge(id, '*', 'changed once')).status).toBe(204);
      const before: Json = await item(id);
      for (const stale of ['"1"', `"${created.body.GUID},1"`, '"00000000-0000-0000-0000-000000000000,2"']) {
        const r: IReply = await merge(id, stale, 'must not be written');
        expect(r.status).toBe(412);
        const error = spErrorOf(r.body);
        expect(error.code).toBe('-1, Microsoft.SharePoint.Client.ClientServiceException');
        expect(error.message).toBe(`The request ETag value '${stale}' does not match the object's ETag value '"${created.body.GUID},2"'.`);
      }
      const del: IReply = await sp(emu, `${MILESTONES}/items(${id})`, { method: 'POST', headers: { 'X-HTTP-Method': 'DELETE', 'IF-Match': '"1"' } });
      expect(del.status).toBe(412);
      expect(await item(id)).toEqual(before);
    });

    it("works with pnpjs's update(props, etag), which reads the ETag header back", async () => {
      const client: SPFI = pnp(emu, USERS.lead);
      const added: Json = await client.web.lists.getByTitle('Milestones').items.add(MILESTONE);
      const updated: { etag: string } = await client.web.lists.getByTitle('Milestones').items.getById(added.Id).update({ Title: 'Through pnpjs' }, '"1"');
      expect(updated.etag).toBe(`"${added.GUID},2"`);
      const again: { etag: string } = await client.web.lists.getByTitle('Milestones').items.getById(added.Id).update({ Title: 'Again' }, updated.etag);
      expect(again.etag).toBe(`"${added.GUID},3"`);
      const failure = await pnpFailure(client.web.lists.getByTitle('Milestones').items.getById(added.Id).update({ Title: 'Stale' }, updated.etag));
      expect(failure.status).toBe(412);
    });
  });

  describe('errors', () => {
    it('refuses an unknown property with 400 InvalidClientQueryException naming the entity type', async () => {
      const count: number = (await allItems(emu, 'Milestones')).length;
      const r: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', body: { ...MILESTONE, Colour: 'Blue' } });
      expect(r.status).toBe(400);
      expect(r.body).toEqual({
        'odata.error': {
          code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          message: { lang: 'en-US', value: "The property 'Colour' does not exist on type 'SP.Data.MilestonesListItem'. Make sure to only use property names that are defined by the type." }
        }
      });
      // A lookup is written as XxxId, never under its own name.
      const byName: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', body: { Title: 'x', Workstream: 1, ReportingPeriodId: 2 } });
      expect(byName.status).toBe(400);
      expect(spErrorOf(byName.body).message).toMatch(/^The property 'Workstream' does not exist on type 'SP\.Data\.MilestonesListItem'/);
      expect(await allItems(emu, 'Milestones')).toHaveLength(count);
    });

    it('refuses __metadata in a JSON-light body, and takes it in a verbose one', async () => {
      const light: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', body: { __metadata: { type: 'SP.Data.MilestonesListItem' }, ...MILESTONE } });
      expect(light.status).toBe(400);
      expect(spErrorOf(light.body)).toMatchObject({ code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException' });
      expect(spErrorOf(light.body).message).toMatch(/^The property '__metadata' does not exist on type 'SP\.Data\.MilestonesListItem'/);
      const verbose: IReply = await sp(emu, `${MILESTONES}/items`, {
        method: 'POST',
        headers: { Accept: 'application/json;odata=verbose', 'Content-Type': 'application/json;odata=verbose' },
        body: { __metadata: { type: 'SP.Data.MilestonesListItem' }, ...MILESTONE }
      });
      expect(verbose.status).toBe(201);
      expect(verbose.body.d).toMatchObject({ Title: MILESTONE.Title, __metadata: { type: 'SP.Data.MilestonesListItem', etag: '"1"' } });
    });

    it('answers a missing list with 404 System.ArgumentException', async () => {
      const r: IReply = await sp(emu, `${listPath('Actions')}/items`);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ 'odata.error': { code: '-1, System.ArgumentException', message: { lang: 'en-US', value: "List 'Actions' does not exist at site with URL '/sites/improvement'." } } });
    });

    it('answers a missing item with 404 SPException, for reads and writes', async () => {
      for (const r of [await sp(emu, `${MILESTONES}/items(99999)`), await sp(emu, `${MILESTONES}/items(99999)`, { method: 'POST', headers: { 'X-HTTP-Method': 'MERGE' }, body: { Title: 'x' } })]) {
        expect(r.status).toBe(404);
        expect(spErrorOf(r.body)).toEqual({ code: '-2130575338, Microsoft.SharePoint.SPException', message: 'Item does not exist. It may have been deleted by another user.' });
      }
    });
  });

  describe('form digest and bearer logins', () => {
    const noAuth = { as: null };

    it('gives a flat contextinfo with FormDigestValue and FormDigestTimeoutSeconds', async () => {
      const r: IReply = await sp(emu, 'contextinfo', { method: 'POST', ...noAuth });
      expect(r.status).toBe(200);
      expect(r.body.d).toBeUndefined();
      expect(typeof r.body.FormDigestValue).toBe('string');
      expect(r.body.FormDigestValue.length).toBeGreaterThan(20);
      expect(r.body.FormDigestTimeoutSeconds).toBe(1800);
      expect(r.body.WebFullUrl).toBe(emu.siteUrl);
    });

    it('refuses a write with neither Authorization nor a digest (403), and takes it with the digest', async () => {
      const count: number = (await allItems(emu, 'Milestones')).length;
      const refused: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', body: MILESTONE, ...noAuth });
      expect(refused.status).toBe(403);
      expect(spErrorOf(refused.body)).toEqual({
        code: '-2130575251, Microsoft.SharePoint.SPException',
        message: "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again."
      });
      const forged: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', body: MILESTONE, headers: { 'X-RequestDigest': `0xDEADBEEF,${new Date().toUTCString()}` }, ...noAuth });
      expect(forged.status).toBe(403);
      expect(await allItems(emu, 'Milestones')).toHaveLength(count);
      const digest: string = (await sp(emu, 'contextinfo', { method: 'POST', ...noAuth })).body.FormDigestValue;
      const taken: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', body: MILESTONE, headers: { 'X-RequestDigest': digest }, ...noAuth });
      expect(taken.status).toBe(201);
      // Without a bearer the request acts as the default user.
      expect(taken.body.AuthorId).toBe(emu.defaultUser.id);
    });

    it("lets pnpjs's SPBrowser without a bearer fetch a digest by itself", async () => {
      emu.resetStats();
      const client: SPFI = pnp(emu, null);
      const added: Json = await client.web.lists.getByTitle('Milestones').items.add({ ...MILESTONE, Title: 'Written with a digest' });
      expect(added.Title).toBe('Written with a digest');
      expect(emu.stats.recent.map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')} ${r.status}`)).toEqual([
        'POST /sites/improvement/_api/contextinfo 200',
        "POST /sites/improvement/_api/web/lists/getByTitle('Milestones')/items 201"
      ]);
    });

    it('answers a bearer that names no site user with 401', async () => {
      const r: IReply = await sp(emu, `${MILESTONES}/items(1)`, { as: 'mallory@elsewhere.example' });
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer /);
    });
  });

  describe('permissions', () => {
    it('gives an IIB member read but not add on Milestones, as High/Low strings pnpjs reads', async () => {
      const r: IReply = await sp(emu, `${MILESTONES}/EffectiveBasePermissions`, { as: USERS.iib });
      expect(r.status).toBe(200);
      expect(typeof r.body.High).toBe('string');
      expect(typeof r.body.Low).toBe('string');
      expect(r.body.Low).toMatch(/^\d+$/);
      const client: SPFI = pnp(emu, USERS.iib);
      const milestones = client.web.lists.getByTitle('Milestones');
      const perms = await milestones.getCurrentUserEffectivePermissions();
      expect(milestones.hasPermissions(perms, PermissionKind.ViewListItems)).toBe(true);
      expect(milestones.hasPermissions(perms, PermissionKind.AddListItems)).toBe(false);
      expect(milestones.hasPermissions(perms, PermissionKind.EditListItems)).toBe(false);
      // On their own list they may add.
      const feedback = client.web.lists.getByTitle('IIB Feedback');
      expect(feedback.hasPermissions(await feedback.getCurrentUserEffectivePermissions(), PermissionKind.AddListItems)).toBe(true);
      // The lead has full control.
      const lead = pnp(emu, USERS.lead).web.lists.getByTitle('Milestones');
      expect(lead.hasPermissions(await lead.getCurrentUserEffectivePermissions(), PermissionKind.ManageLists)).toBe(true);
    });

    it("answers another user's permissions through getusereffectivepermissions(@u)", async () => {
      const r: IReply = await sp(emu, `${MILESTONES}/getusereffectivepermissions(@u)?@u='${encodeURIComponent(`i:0#.f|membership|${USERS.iib}`)}'`);
      const own: IReply = await sp(emu, `${MILESTONES}/EffectiveBasePermissions`, { as: USERS.iib });
      expect(r.status).toBe(200);
      expect({ High: r.body.High, Low: r.body.Low }).toEqual({ High: own.body.High, Low: own.body.Low });
    });

    it('refuses a write the caller has no right to with 403 Access denied, and changes nothing', async () => {
      const before: Json[] = await allItems(emu, 'Milestones');
      const add: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', body: MILESTONE, as: USERS.iib });
      const merge: IReply = await sp(emu, `${MILESTONES}/items(1)`, { method: 'POST', headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' }, body: { Title: 'x' }, as: USERS.iib });
      const del: IReply = await sp(emu, `${MILESTONES}/items(1)`, { method: 'POST', headers: { 'X-HTTP-Method': 'DELETE', 'IF-Match': '*' }, as: USERS.iib });
      for (const r of [add, merge, del]) {
        expect(r.status).toBe(403);
        expect(r.body).toEqual({ 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied.' } } });
      }
      const pnpAdd = await pnpFailure(pnp(emu, USERS.iib).web.lists.getByTitle('Milestones').items.add(MILESTONE));
      expect(pnpAdd.status).toBe(403);
      expect(await allItems(emu, 'Milestones')).toEqual(before);
    });
  });

  describe('the list view threshold', () => {
    let total: number;
    beforeAll(async () => {
      total = (await allItems(emu, 'Milestones')).length;
      const r: Response = await fetch(`${emu.url}/_emulator/threshold`, { method: 'POST', body: JSON.stringify({ threshold: 50 }) });
      expect(await r.json()).toEqual({ threshold: 50 });
    });
    afterAll(async () => {
      await fetch(`${emu.url}/_emulator/threshold`, { method: 'POST', body: JSON.stringify({ threshold: 5000 }) });
    });

    async function query(params: { [name: string]: string }): Promise<IReply> {
      return sp(emu, `${MILESTONES}/items?${new URLSearchParams(params).toString()}`);
    }

    function expectThrottled(r: IReply): void {
      expect(r.status).toBe(500);
      expect(r.body).toEqual({
        'odata.error': {
          code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
          message: { lang: 'en-US', value: 'The attempted operation is prohibited because it exceeds the list view threshold.' }
        }
      });
    }

    it('refuses a filter on a column that is not indexed', async () => {
      expect(total).toBeGreaterThan(50);
      expectThrottled(await query({ $filter: "Title eq 'Agreed project plan and clear scope'" }));
      expectThrottled(await query({ $filter: 'SortOrder eq 1' }));
    });

    it('runs a filter whose indexed clause narrows below the threshold, and refuses one that does not', async () => {
      const narrow: IReply = await query({ $filter: 'ReportingPeriodId eq 2 and SortOrder eq 1', $top: '500' });
      expect(narrow.status).toBe(200);
      expect(narrow.body.value.length).toBeGreaterThan(0);
      expect(narrow.body.value.every((m: Json) => m.ReportingPeriodId === 2 && m.SortOrder === 1)).toBe(true);
      expectThrottled(await query({ $filter: 'ReportingPeriodId ge 1' }));
      expectThrottled(await query({ $filter: 'ReportingPeriodId ge 1 and SortOrder eq 1' }));
    });

    it('keeps unfiltered paging by id working', async () => {
      let r: IReply = await query({ $select: 'Id', $top: '30' });
      const seen: number[] = [];
      for (;;) {
        expect(r.status).toBe(200);
        seen.push(...r.body.value.map((m: Json) => m.Id));
        if (!r.body['odata.nextLink']) {
          break;
        }
        r = await (async () => {
          const res: Response = await fetch(r.body['odata.nextLink'], { headers: { Accept: 'application/json', Authorization: `Bearer ${USERS.lead}` } });
          return { status: res.status, headers: res.headers, text: '', body: await res.json() };
        })();
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it('refuses $orderby on a column that is not indexed, and allows it on an indexed one', async () => {
      expectThrottled(await query({ $orderby: 'SortOrder' }));
      const byDue: IReply = await query({ $orderby: 'DueDate desc', $filter: 'ReportingPeriodId eq 2' });
      expect(byDue.status).toBe(200);
    });

    it("reaches pnpjs as an HttpRequestError with status 500", async () => {
      const failure = await pnpFailure(pnp(emu, USERS.lead).web.lists.getByTitle('Milestones').items.filter("Title eq 'x'")());
      expect(failure.status).toBe(500);
      expect(spErrorOf(failure.body).code).toBe('-2147024860, Microsoft.SharePoint.SPQueryThrottledException');
    });

    it('refuses a threshold that is not a positive whole number', async () => {
      const r: Response = await fetch(`${emu.url}/_emulator/threshold`, { method: 'POST', body: JSON.stringify({ threshold: 0 }) });
      expect(r.status).toBe(400);
      expect(emu.site.threshold).toBe(50);
    });
  });

  describe('injected faults', () => {
    afterEach(async () => {
      await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ rate: 0, status: 429, retryAfterSeconds: 1, maxPerRequest: 1 }) });
    });

    it('answers 429 with an integer Retry-After as often as maxPerRequest, then lets the request through', async () => {
      const set: Response = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ rate: 1, maxPerRequest: 2, retryAfterSeconds: 1 }) });
      expect(await set.json()).toMatchObject({ rate: 1, maxPerRequest: 2, status: 429, retryAfterSeconds: 1 });
      const statuses: number[] = [];
      for (let i: number = 0; i < 3; i++) {
        const r: IReply = await sp(emu, `${MILESTONES}/items(1)`);
        statuses.push(r.status);
        if (r.status === 429) {
          expect(r.headers.get('retry-after')).toBe('1');
          expect(spErrorOf(r.body).code).toBe('-2146233083, Microsoft.SharePoint.Client.RequestThrottledException');
        }
      }
      expect(statuses).toEqual([429, 429, 200]);
    });

    it('answers 503 when told to', async () => {
      await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ rate: 1, maxPerRequest: 1, status: 503, retryAfterSeconds: 2 }) });
      const r: IReply = await sp(emu, `${MILESTONES}/items(2)`);
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('2');
      expect((await sp(emu, `${MILESTONES}/items(2)`)).status).toBe(200);
    });

    it("is absorbed by pnpjs's own retries, waiting Retry-After seconds", async () => {
      await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ rate: 1, maxPerRequest: 2, retryAfterSeconds: 1 }) });
      emu.resetStats();
      const started: number = Date.now();
      const one: Json = await pnp(emu, USERS.lead).web.lists.getByTitle('Milestones').items.getById(3)();
      expect(one.Id).toBe(3);
      expect(emu.stats.faultsInjected).toBe(2);
      expect(emu.stats.recent.map((r) => r.status)).toEqual([429, 429, 200]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    });
  });

  describe('value validation', () => {
    const cases: Array<[string, Json]> = [
      ['text over 255 characters', { Title: 'x'.repeat(256) }],
      ['text over its own MaxLength', { MilestoneNumber: '12345678901234567' }],
      ['a control character', { Title: 'Bell \u0007 here' }],
      ['a choice not in the list', { Timing: 'Some day' }],
      ['a lookup to an item that does not exist', { WorkstreamId: 999 }],
      ['a number that is not one', { SortOrder: 'three' }],
      ['a date that is not one', { DueDate: '2023-02-30' }]
    ];

    it.each(cases)('refuses %s with 400 on create and on update, and stores nothing', async (_name, values) => {
      const before: Json[] = await allItems(emu, 'Milestones');
      const created: IReply = await sp(emu, `${MILESTONES}/items`, { method: 'POST', body: { ...MILESTONE, ...values } });
      expect(created.status).toBe(400);
      expect(spErrorOf(created.body).message).toMatch(/^The value of the field '.+' is not valid: /);
      const updated: IReply = await sp(emu, `${MILESTONES}/items(5)`, { method: 'POST', headers: { 'X-HTTP-Method': 'MERGE' }, body: values });
      expect(updated.status).toBe(400);
      expect(await allItems(emu, 'Milestones')).toEqual(before);
    });

    it('refuses a person who is not a site user, and stores nothing', async () => {
      const before: Json = await item(1, listPath('Workstreams'));
      const r: IReply = await sp(emu, `${listPath('Workstreams')}/items(1)`, { method: 'POST', headers: { 'X-HTTP-Method': 'MERGE' }, body: { SponsorId: 9999, Title: 'Renamed' } });
      expect(r.status).toBe(400);
      expect(spErrorOf(r.body).message).toMatch(/^The value of the field 'Workstream sponsor' is not valid: /);
      expect(await item(1, listPath('Workstreams'))).toEqual(before);
    });

    it('accepts text of exactly 255 characters and astral characters', async () => {
      const r: IReply = await create({ ...MILESTONE, Title: `${'y'.repeat(253)}🙂` });
      expect(r.body.Title).toHaveLength(255);
    });
  });

  describe('CORS', () => {
    const ownOrigin = (): string => `http://localhost:${emu.port}`;

    it("answers its own origin's preflight allowing pnpjs and graph-client headers and exposing ETag, Retry-After and Location", async () => {
      const r: Response = await fetch(`${emu.siteUrl}/_api/web/lists`, {
        method: 'OPTIONS',
        headers: {
          Origin: ownOrigin(),
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'accept,authorization,content-type,if-match,x-clientservice-clienttag,x-http-method,x-pnpjs-requestid,x-requestdigest'
        }
      });
      expect(r.status).toBeLessThan(300);
      expect(r.headers.get('access-control-allow-origin')).toBe(ownOrigin());
      const allowed: string[] = (r.headers.get('access-control-allow-headers') || '').split(',').map((h) => h.trim().toLowerCase());
      for (const h of ['accept', 'authorization', 'content-type', 'if-match', 'x-clientservice-clienttag', 'x-http-method', 'x-pnpjs-requestid', 'x-requestdigest', 'prefer', 'sdkversion', 'client-request-id']) {
        expect(allowed).toContain(h);
      }
      expect(r.headers.get('access-control-allow-methods')).toMatch(/POST/);
      const exposed: string[] = (r.headers.get('access-control-expose-headers') || '').split(',').map((h) => h.trim().toLowerCase());
      expect(exposed).toEqual(expect.arrayContaining(['etag', 'retry-after', 'location']));
    });

    it('allows http and https, localhost and 127.0.0.1, on its own port — and exposes the headers on the actual response', async () => {
      for (const origin of [`http://localhost:${emu.port}`, `https://localhost:${emu.port}`, `http://127.0.0.1:${emu.port}`, `https://127.0.0.1:${emu.port}`]) {
        const r: Response = await fetch(`${emu.siteUrl}/_api/${MILESTONES}/items(1)`, { headers: { Origin: origin, Accept: 'application/json', Authorization: `Bearer ${USERS.lead}` } });
        expect(r.status).toBe(200);
        expect(r.headers.get('access-control-allow-origin')).toBe(origin);
        expect(r.headers.get('access-control-expose-headers')).toMatch(/ETag/);
        expect(r.headers.get('etag')).toMatch(/^"[0-9a-f-]{36},\d+"$/);
      }
    });

    it('refuses any other origin: no Access-Control-Allow-Origin, preflight refused, and a simple write changes nothing', async () => {
      const before: Json[] = await allItems(emu, 'Milestones', 'Id');
      const faultsBefore: string = JSON.stringify(emu.faults);
      for (const origin of ['https://contoso.sharepoint.com', `http://localhost:${emu.port + 1}`, `http://evil.example:${emu.port}`, 'null']) {
        const preflight: Response = await fetch(`${emu.siteUrl}/_api/web/lists`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
        expect(preflight.status).toBe(403);
        expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
        // What a page's <form> or fetch(no-cors) can send without a preflight, with no Authorization
        // header (so acting as the default user, the programme office).
        const write: Response = await fetch(`${emu.siteUrl}/_api/${MILESTONES}/items`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'text/plain' }, body: JSON.stringify(MILESTONE) });
        expect(write.status).toBe(403);
        expect(write.headers.get('access-control-allow-origin')).toBeNull();
        const read: Response = await fetch(`${emu.url}/v1.0/sites/root`, { headers: { Origin: origin } });
        expect(read.status).toBe(403);
        expect(read.headers.get('access-control-allow-origin')).toBeNull();
        const fault: Response = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'text/plain' }, body: '{"rate":1}' });
        expect(fault.status).toBe(403);
      }
      expect(await allItems(emu, 'Milestones', 'Id')).toEqual(before);
      expect(JSON.stringify(emu.faults)).toBe(faultsBefore);
    });
  });
});
