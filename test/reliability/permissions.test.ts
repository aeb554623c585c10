/**
 * Nobody writes where they don't belong: every seeded user × every list × read, create, update
 * and delete, over SharePoint REST and Graph, against the declared matrix (the site's groups and
 * their permission levels); and forged requests — an unknown identity, forged read-only fields,
 * a forged form digest — refused and changing nothing.
 */
import { SITE_GROUPS, roleOn } from '../../src/emulator/siteConfig';
import type { Emulator } from '../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2 as SEED } from '../../src/fixtures/improvementPlanPhase2';
import { LIST_TITLES, type ListKey } from '../../src/data/repository';
import type { RoleName } from '../../src/emulator/store';
import { startStack, USERS } from '../data/support/stack';
import { record } from './support/counts';

/** A valid new item for each list, in SharePoint REST's shape. */
const NEW_ITEM: { [list in ListKey]: { [field: string]: unknown } } = {
  programme: { Title: 'Another programme' },
  ragDefinitions: { Title: 'Green', Rag: 'Green', Definition: 'Fine.' },
  workstreams: { Title: 'New workstream', Code: 'NEWWS', SortOrder: 9 },
  periods: { Title: 'A period', PeriodStart: '2030-01-01T00:00:00Z', PeriodEnd: '2030-01-31T00:00:00Z', PeriodState: 'Open' },
  statusReports: { WorkstreamId: 1, ReportingPeriodId: 2, Rag: 'Green', ReportState: 'Draft' },
  sponsorComments: { WorkstreamId: 1, ReportingPeriodId: 2, SponsorComment: 'A comment.' },
  milestones: { Title: 'A milestone', WorkstreamId: 1, ReportingPeriodId: 2, Timing: 'This period' },
  risks: { Title: 'A risk', WorkstreamId: 1, RiskDescription: 'r', Mitigation: 'm', RiskState: 'Open', RaisedPeriodId: 2 },
  feedback: { WorkstreamId: 1, ReportingPeriodId: 2, FeedbackKind: 'Feedback', Feedback: 'Noted.' },
  snapshots: { ReportingPeriodId: 2, SnapshotId: 'x', ChunkIndex: 0, ChunkCount: 1, Content: '{}', Sha256: '0' },
  history: { ReportingPeriodId: 2, PeriodAction: 'Locked', Reason: 'x' },
  periodSections: { Title: 'Purpose', SectionScope: 'Programme', SectionKey: 'purpose', SortOrder: 1 },
  phases: { Title: 'Phase 9', PhaseStart: '2030-01-01T00:00:00Z', PhaseState: 'Open' },
  closeDown: { Title: 'A task', PhaseId: 1, WorkstreamId: 1, ActivityOutstanding: 'Something', Destination: 'Keep under review' },
  acknowledgements: { Title: 'A finding', ReportingPeriodId: 2, FindingKey: 'missing-overview|period|Overview', Reason: 'Not for this paper.' }
};

/** A harmless change for each list. */
function change(list: ListKey): { [field: string]: unknown } {
  return list === 'programme' || list === 'workstreams' || list === 'periods' || list === 'milestones' || list === 'risks' ? { Title: `Changed ${Date.now()}` } : list === 'ragDefinitions' ? { Definition: 'Changed.' } : { Title: 'Changed' };
}

/** The permission level the declared matrix gives a user on a list. */
function expectedRole(login: string, listTitle: string): RoleName | undefined {
  const user = SEED.users.filter((u) => u.login === login)[0];
  const levels: RoleName[] = SITE_GROUPS.filter((g) => user.groups.indexOf(g.title) >= 0).map((g) => roleOn(g, listTitle));
  return levels.indexOf('Full Control') >= 0 ? 'Full Control' : levels.indexOf('Contribute') >= 0 ? 'Contribute' : levels.indexOf('Read') >= 0 ? 'Read' : undefined;
}

let emu: Emulator;
beforeAll(async () => {
  emu = await startStack();
});
afterAll(() => emu.close());

async function sp(login: string | undefined, method: string, path: string, body?: unknown, headers: { [k: string]: string } = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(`${emu.siteUrl}/_api/${path}`, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(login ? { Authorization: `Bearer ${login}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  return { status: res.status, text: await res.text() };
}

async function graph(login: string, method: string, path: string, body?: unknown): Promise<number> {
  const res = await fetch(`${emu.httpsUrl}/v1.0/sites/localhost:${emu.site.serverRelativeUrl}:${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${login}` },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  await res.text();
  return res.status;
}

const items = (list: ListKey): string => `web/lists/getByTitle('${encodeURIComponent(LIST_TITLES[list])}')/items`;

describe('every user, every list, every operation', () => {
  const lists: ListKey[] = Object.keys(LIST_TITLES) as ListKey[];

  it('matches the declared matrix over SharePoint REST', async () => {
    const mismatches: string[] = [];
    let checks = 0;
    for (const user of SEED.users) {
      for (const list of lists) {
        const role = expectedRole(user.login, LIST_TITLES[list]);
        const mayRead = role !== undefined;
        const mayWrite = role === 'Contribute' || role === 'Full Control';
        // A target for update and delete, made by the programme office each time.
        const made = JSON.parse((await sp(USERS.lead, 'POST', items(list), { ...NEW_ITEM[list], ...(list === 'workstreams' ? { Code: `T${checks}` } : {}) })).text);
        const outcomes: Array<[string, number, boolean]> = [
          ['read', (await sp(user.login, 'GET', `${items(list)}?$top=1`)).status, mayRead],
          ['create', (await sp(user.login, 'POST', items(list), { ...NEW_ITEM[list], ...(list === 'workstreams' ? { Code: `U${checks}` } : {}) })).status, mayWrite],
          ['update', (await sp(user.login, 'POST', `${items(list)}(${made.Id})`, change(list), { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' })).status, mayWrite],
          ['delete', (await sp(user.login, 'POST', `${items(list)}(${made.Id})`, undefined, { 'X-HTTP-Method': 'DELETE', 'IF-Match': '*' })).status, mayWrite]
        ];
        for (const [op, status, allowed] of outcomes) {
          checks++;
          const ok = allowed ? status >= 200 && status < 300 : status === 403;
          if (!ok) {
            mismatches.push(`${user.name} ${op} ${LIST_TITLES[list]}: ${status}, expected ${allowed ? '2xx' : '403'}`);
          }
        }
      }
    }
    record('Permissions: users × lists × operations (REST)', { inputs: checks, failures: mismatches.length });
    expect(mismatches).toEqual([]);
    expect(checks).toBe(SEED.users.length * lists.length * 4);
  }, 120000);

  it('matches it over Graph too', async () => {
    const mismatches: string[] = [];
    let checks = 0;
    for (const user of SEED.users) {
      for (const list of ['statusReports', 'sponsorComments', 'milestones', 'risks', 'feedback'] as ListKey[]) {
        const role = expectedRole(user.login, LIST_TITLES[list]);
        const fields: { [k: string]: unknown } = {};
        for (const [k, v] of Object.entries(NEW_ITEM[list])) {
          fields[k.replace(/Id$/, 'LookupId')] = /Id$/.test(k) ? String(v) : v;
        }
        const read = await graph(user.login, 'GET', `/lists/${encodeURIComponent(LIST_TITLES[list])}/items?$top=1`);
        const created = await graph(user.login, 'POST', `/lists/${encodeURIComponent(LIST_TITLES[list])}/items`, { fields });
        for (const [op, status, allowed] of [
          ['read', read, role !== undefined],
          ['create', created, role === 'Contribute' || role === 'Full Control']
        ] as Array<[string, number, boolean]>) {
          checks++;
          if (allowed ? status >= 300 : status !== 403) {
            mismatches.push(`${user.name} ${op} ${LIST_TITLES[list]} over Graph: ${status}`);
          }
        }
      }
    }
    record('Permissions: users × lists × operations (Graph)', { inputs: checks, failures: mismatches.length });
    expect(mismatches).toEqual([]);
  }, 120000);
});

describe('forged requests', () => {
  async function milestone(): Promise<{ Title: string; MilestoneStatus: string | null; AuthorId: number; EditorId: number; Created: string }> {
    return JSON.parse((await sp(USERS.lead, 'GET', `${items('milestones')}(40)?$select=Title,MilestoneStatus,AuthorId,EditorId,Created`)).text);
  }

  it('refuses an identity the site does not know, over REST and Graph', async () => {
    expect((await sp('intruder@elsewhere.example', 'GET', `${items('milestones')}?$top=1`)).status).toBe(401);
    expect(await graph('intruder@elsewhere.example', 'GET', '/lists/Milestones/items?$top=1')).toBe(401);
    record('Forged requests', { inputs: 2 });
  });

  it('refuses forged read-only fields (who wrote it, when, its id) and changes nothing', async () => {
    const before = await milestone();
    for (const forged of [{ AuthorId: 10 }, { EditorId: 10 }, { Created: '2001-01-01T00:00:00Z' }, { ID: 1 }, { GUID: '00000000-0000-0000-0000-000000000000' }, { Author: { Id: 10 } }]) {
      const res = await sp(USERS.manager, 'POST', `${items('milestones')}(40)`, { MilestoneStatus: 'Forged', ...forged }, { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)['odata.error'].code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    }
    expect(await milestone()).toEqual(before);
    record('Forged requests', { inputs: 6 });
  });

  it("refuses a browser write with a forged or missing form digest, and a member writing in another's name", async () => {
    const before = await milestone();
    expect((await sp(undefined, 'POST', `${items('milestones')}(40)`, { MilestoneStatus: 'No digest' }, { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' })).status).toBe(403);
    expect((await sp(undefined, 'POST', `${items('milestones')}(40)`, { MilestoneStatus: 'Forged digest' }, { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*', 'X-RequestDigest': '0xDEADBEEF,Mon, 01 Jan 2024 00:00:00 GMT' })).status).toBe(403);
    // An IIB member names another user's identity only by holding their token: with their own, writing is refused.
    expect((await sp(USERS.iib, 'POST', `${items('milestones')}(40)`, { MilestoneStatus: 'IIB edit' }, { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' })).status).toBe(403);
    expect(await milestone()).toEqual(before);
    record('Forged requests', { inputs: 3 });
  });
});
