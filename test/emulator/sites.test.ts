/**
 * The emulator as a tenant: the programme site, one team site per workstream group holding none
 * of the programme lists, and the tenant's root site — each answering the calls a web part makes
 * in the site it runs in, over SharePoint REST and Graph, with SharePoint's default permission levels.
 */
import type { Emulator } from '../../src/emulator/server';
import { PermissionKind } from '../../src/emulator/permissions';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { reply, spErrorOf, startStack, USERS, type IReply, type Json } from './helpers';

/** A SharePoint REST call to any site of the emulator. */
async function at(emu: Emulator, sitePath: string, apiPath: string, as: string = USERS.lead, method: string = 'GET'): Promise<IReply> {
  const base: string = sitePath === '/' ? emu.url : `${emu.url}${sitePath}`;
  return reply(await fetch(`${base}/_api/${apiPath}`, { method, headers: { Accept: 'application/json', Authorization: `Bearer ${as}` } }));
}

async function graphGet(emu: Emulator, path: string, as: string = USERS.lead): Promise<IReply> {
  return reply(await fetch(`${emu.url}/v1.0/${path}`, { headers: { Accept: 'application/json', Authorization: `Bearer ${as}` } }));
}

function has(mask: { High: string; Low: string }, kind: number): boolean {
  const bit: number = kind - 1;
  const half: number = Number(bit < 32 ? mask.Low : mask.High);
  return ((half >>> bit % 32) & 1) === 1;
}

describe('emulator: the sites of a tenant', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  it('serves one team site per workstream, at /sites/<code in lower case>, with its title', async () => {
    for (const w of IMPROVEMENT_PLAN_PHASE_2.workstreams) {
      const r: IReply = await at(emu, `/sites/${w.code.toLowerCase()}`, 'web');
      expect(r.status).toBe(200);
      expect(r.body.ServerRelativeUrl).toBe(`/sites/${w.code.toLowerCase()}`);
      expect(r.body.Title).toBe(w.title);
      expect(r.body.Url).toBe(`${emu.url}/sites/${w.code.toLowerCase()}`);
    }
    const programme: IReply = await at(emu, '/sites/improvement', 'web');
    const gov: IReply = await at(emu, '/sites/gov', 'web');
    expect(gov.body.Id).not.toBe(programme.body.Id);
  });

  it('a team site holds none of the programme lists: 404 as SharePoint words it, by title, by URL and in a batch-free list read', async () => {
    const lists: IReply = await at(emu, '/sites/gov', 'web/lists');
    expect(lists.status).toBe(200);
    expect(lists.body.value).toEqual([]);
    const byTitle: IReply = await at(emu, '/sites/gov', "web/lists/getByTitle('Status%20Reports')/items");
    expect(byTitle.status).toBe(404);
    expect(spErrorOf(byTitle.body).message).toBe("List 'Status Reports' does not exist at site with URL '/sites/gov'.");
    const byUrl: IReply = await at(emu, '/sites/gov', "web/GetList('%2Fsites%2Fgov%2FLists%2FStatusReports')");
    expect(byUrl.status).toBe(404);
    // The programme site still has them.
    expect((await at(emu, '/sites/improvement', "web/lists/getByTitle('Status%20Reports')/items?$top=1")).status).toBe(200);
  });

  it('each site answers contextinfo, currentuser, effective permissions and its time zone', async () => {
    for (const sitePath of ['/sites/improvement', '/sites/gov', '/']) {
      const info: IReply = await at(emu, sitePath, 'contextinfo', USERS.sponsor, 'POST');
      expect(info.status).toBe(200);
      expect(info.body.WebFullUrl).toBe(sitePath === '/' ? emu.url : `${emu.url}${sitePath}`);
      expect(info.body.FormDigestValue).toEqual(expect.any(String));
      const me: IReply = await at(emu, sitePath, 'web/currentuser', USERS.sponsor);
      expect(me.status).toBe(200);
      expect(me.body.Email).toBe(USERS.sponsor);
      const perms: IReply = await at(emu, sitePath, 'web/effectiveBasePermissions', USERS.sponsor);
      expect(perms.status).toBe(200);
      expect(has(perms.body, PermissionKind.ViewListItems)).toBe(true);
      const tz: IReply = await at(emu, sitePath, 'web/RegionalSettings/TimeZone', USERS.sponsor);
      expect(tz.status).toBe(200);
      expect(tz.body).toMatchObject({ Id: 2, Description: '(UTC) Dublin, Edinburgh, Lisbon, London', Information: { Bias: 0 } });
    }
  });

  it("the tenant's root site answers /_api/web while the workbench page stays at /", async () => {
    const web: IReply = await at(emu, '/', 'web');
    expect(web.status).toBe(200);
    expect(web.body.ServerRelativeUrl).toBe('/');
    expect(web.body.Url).toBe(emu.url);
    const lists: IReply = await at(emu, '/', 'web/lists');
    expect(lists.body.value).toEqual([]);
    // "/" is the pages' (here no pages are configured, so the emulator says it has none), never the API's.
    const page: Response = await fetch(`${emu.url}/`);
    expect(page.headers.get('content-type')).not.toMatch(/json/);
  });

  it('an unknown site is not found, as SharePoint answers it', async () => {
    const r: IReply = await at(emu, '/sites/nope', 'web');
    expect(r.status).toBe(404);
    expect(spErrorOf(r.body).code).toMatch(/FileNotFoundException/);
  });

  it("a team site's default levels: owners Full Control, members Edit (Manage Lists, not Approve Items), everyone else Read", async () => {
    // GOV: Nick Bell sponsors it and Louisa Simpson manages it; the programme office owns the site.
    const owner: Json = (await at(emu, '/sites/gov', 'web/effectiveBasePermissions', USERS.lead)).body;
    const member: Json = (await at(emu, '/sites/gov', 'web/effectiveBasePermissions', USERS.manager)).body;
    const visitor: Json = (await at(emu, '/sites/gov', 'web/effectiveBasePermissions', USERS.otherSponsor)).body;
    expect(has(owner, PermissionKind.ManagePermissions)).toBe(true);
    expect(has(member, PermissionKind.ManageLists)).toBe(true);
    expect(has(member, PermissionKind.EditListItems)).toBe(true);
    expect(has(member, PermissionKind.ApproveItems)).toBe(false);
    expect(has(member, PermissionKind.ManagePermissions)).toBe(false);
    expect(has(visitor, PermissionKind.ViewListItems)).toBe(true);
    expect(has(visitor, PermissionKind.EditListItems)).toBe(false);
    const groups: IReply = await at(emu, '/sites/gov', 'web/sitegroups');
    expect(groups.body.value.map((g: Json) => g.Title)).toEqual(['Governance and Decision Making Owners', 'Governance and Decision Making Members', 'Governance and Decision Making Visitors']);
    // The programme office is not a group of a team site.
    const mine: IReply = await at(emu, '/sites/gov', 'web/currentuser/groups', USERS.manager);
    expect(mine.body.value.map((g: Json) => g.Title)).toEqual(['Governance and Decision Making Members']);
  });

  it('Graph resolves each site by path and by id, sites/root is the root site, and a team site lists no lists', async () => {
    const gov: IReply = await graphGet(emu, 'sites/localhost:/sites/gov');
    expect(gov.status).toBe(200);
    expect(gov.body.displayName).toBe('Governance and Decision Making');
    expect(gov.body.webUrl).toBe(`${emu.url}/sites/gov`);
    const programme: IReply = await graphGet(emu, 'sites/localhost:/sites/improvement');
    expect(programme.body.id).not.toBe(gov.body.id);
    const byId: IReply = await graphGet(emu, `sites/${encodeURIComponent(gov.body.id)}`);
    expect(byId.body.displayName).toBe('Governance and Decision Making');
    const lists: IReply = await graphGet(emu, `sites/${encodeURIComponent(gov.body.id)}/lists`);
    expect(lists.status).toBe(200);
    expect(lists.body.value).toEqual([]);
    const missing: IReply = await graphGet(emu, `sites/${encodeURIComponent(gov.body.id)}/lists/Status%20Reports/items`);
    expect(missing.status).toBe(404);
    const root: IReply = await graphGet(emu, 'sites/root');
    expect(root.status).toBe(200);
    expect(root.body.webUrl).toBe(emu.url);
    const rootByPath: IReply = await graphGet(emu, 'sites/localhost:/');
    expect(rootByPath.body.id).toBe(root.body.id);
    expect((await graphGet(emu, 'sites/localhost:/sites/nope')).status).toBe(404);
  });

  it('a SharePoint $batch to a team site must address that site', async () => {
    const boundary: string = 'batch_x';
    const body: string = [
      `--${boundary}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `GET ${emu.url}/sites/gov/_api/web HTTP/1.1`,
      'Accept: application/json',
      '',
      `--${boundary}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `GET ${emu.url}/sites/improvement/_api/web HTTP/1.1`,
      'Accept: application/json',
      '',
      `--${boundary}--`,
      ''
    ].join('\r\n');
    const res: Response = await fetch(`${emu.url}/sites/gov/_api/$batch`, { method: 'POST', headers: { Authorization: `Bearer ${USERS.lead}`, 'Content-Type': `multipart/mixed; boundary=${boundary}` }, body });
    expect(res.status).toBe(200);
    const text: string = await res.text();
    const statuses: string[] = text.match(/HTTP\/1\.1 \d{3}/g) || [];
    expect(statuses).toEqual(['HTTP/1.1 200', 'HTTP/1.1 400']);
    expect(text).toContain('"ServerRelativeUrl":"/sites/gov"');
  });
});
