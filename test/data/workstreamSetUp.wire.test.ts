/**
 * Setting up workstreams over real HTTP against the emulator, through both protocols: an empty
 * site's programme office adds workstreams with people from the site, a code added by hand
 * outside the product is refused with a field-level message, the order and the Retired column
 * travel both ways, and a lock writes the Board meeting date to Reporting Periods and Period History.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { workstreamValues } from '../../src/data/mapping';
import { valuesToRest, type RestItem } from '../../src/data/sharepoint/restRows';
import type { IProgrammeRepository } from '../../src/data/repository';
import { DUPLICATE_CODE } from '../../src/data/rules';
import type { Emulator } from '../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { graph, pnp, startStack, USERS } from './support/stack';

async function rest(emu: Emulator, apiPath: string, init: { method?: string; body?: unknown } = {}): Promise<RestItem> {
  const res: Response = await fetch(`${emu.siteUrl}/_api/${apiPath}`, {
    method: init.method || 'GET',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json;charset=utf-8', Authorization: `Bearer ${USERS.lead}` },
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  });
  const text: string = await res.text();
  if (!res.ok) {
    throw new Error(`${res.status} ${text}`);
  }
  return text ? (JSON.parse(text) as RestItem) : {};
}

async function items(emu: Emulator, list: string): Promise<RestItem[]> {
  return (await rest(emu, `web/lists/getByTitle('${encodeURIComponent(list)}')/items`)).value as RestItem[];
}

const THEME_B: string =
  'Theme B – Governance and scrutiny. Decisions are taken in the open, with scrutiny that tests them before and after, and members trained for it. ' +
  'The Board sees the evidence each month, and the authority shows that what it learns changes how it decides.';

describe('setting up workstreams on the wire', () => {
  let emu: Emulator;

  beforeAll(async () => {
    emu = await startStack({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ph-wg-')), seed: false, users: IMPROVEMENT_PLAN_PHASE_2.users });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('adds workstreams with a long title and people from the site, through either protocol', async () => {
    const viaPnp = pnp(emu, USERS.lead);
    const people = await viaPnp.getPeople();
    expect(people.length).toBeGreaterThan(2);
    expect((await graph(emu, USERS.lead).getPeople()).map((p) => p.name)).toEqual(people.map((p) => p.name));
    const a = await viaPnp.saveWorkstream({ code: 'A', title: 'Theme A – Culture', sponsorId: people[0].id, projectManagerIds: [people[1].id as number] });
    const b = await graph(emu, USERS.lead).saveWorkstream({ code: 'B', title: THEME_B, shortTitle: 'Theme B – Governance' });
    expect([a.order, b.order]).toEqual([1, 2]);
    for (const repo of [pnp(emu, USERS.iib), graph(emu, USERS.iib)] as IProgrammeRepository[]) {
      const all = await repo.getWorkstreams();
      expect(all.map((w) => [w.code, w.title, w.sponsor ? w.sponsor.name : undefined])).toEqual([
        ['A', 'Theme A – Culture', people[0].name],
        ['B', THEME_B, undefined]
      ]);
    }
  });

  it('refuses a code someone added by hand, whatever its case, naming the field, and writes nothing', async () => {
    const repo = pnp(emu, USERS.lead);
    await rest(emu, `web/lists/getByTitle('Workstreams')/items`, {
      method: 'POST',
      body: valuesToRest('workstreams', workstreamValues({ code: 'C', title: 'Added by hand', description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: 3 }))
    });
    await expect(repo.saveWorkstream({ code: 'c', title: 'Another C' })).rejects.toMatchObject({ kind: 'validation', field: 'code', code: DUPLICATE_CODE });
    expect((await items(emu, 'Workstreams')).map((w) => w.Code)).toEqual(['A', 'B', 'C']);
  });

  it('moves, retires and restores, and the columns read back through both protocols', async () => {
    const repo = graph(emu, USERS.lead);
    const moved = await repo.moveWorkstream((await repo.getWorkstreams())[2].id, 'up');
    expect(moved.map((w) => w.code)).toEqual(['A', 'C', 'B']);
    const c = moved[1];
    await pnp(emu, USERS.lead).setWorkstreamRetired(c.id, true, c.etag);
    const [item] = (await items(emu, 'Workstreams')).filter((w) => w.Code === 'C');
    expect(item.Retired).toBe(true);
    expect(item.SortOrder).toBe(2);
    for (const r of [pnp(emu, USERS.iib), graph(emu, USERS.iib)] as IProgrammeRepository[]) {
      expect((await r.getWorkstreams()).map((w) => [w.code, !!w.retired])).toEqual([
        ['A', false],
        ['C', true],
        ['B', false]
      ]);
    }
    const now = (await repo.getWorkstreams())[1];
    expect((await repo.setWorkstreamRetired(now.id, false, now.etag)).retired).toBeUndefined();
  });

  it('records the Board meeting date with a lock', async () => {
    const office = pnp(emu, USERS.lead);
    await office.saveProgramme({ title: 'Improvement Plan Phase 1', reporting: { rated: false, sponsorComments: false, milestones: false, signOff: false } });
    const period = await office.createPeriod({ title: 'March 2023', start: '01/03/2023', end: '31/03/2023' });
    await expect(office.lockPeriod(period.id, { allowUnapproved: true, reason: 'First period', boardMeetingDate: '30/02/2023' })).rejects.toMatchObject({
      kind: 'validation',
      field: 'boardMeetingDate'
    });
    expect((await items(emu, 'Reporting Periods'))[0].PeriodState).toBe('Open');
    await office.lockPeriod(period.id, { allowUnapproved: true, reason: 'First period', boardMeetingDate: '12/04/2023' });
    for (const repo of [pnp(emu, USERS.iib), graph(emu, USERS.iib)] as IProgrammeRepository[]) {
      const [p] = await repo.getPeriods();
      expect(p.boardMeetingDate).toBe('2023-04-12');
      const lock = (await repo.getPeriodHistory(period.id)).filter((h) => h.action === 'Locked')[0];
      expect(lock.boardMeetingDate).toBe('2023-04-12');
    }
  });
});
