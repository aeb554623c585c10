/**
 * A Teams tab pinned to a workstream lands in one round trip from where this browser last saw it
 * land (ISummaryOptions.pinned; a lasting hint of ids only), over real HTTP (PnPjs against the
 * local stack) — and a hint the site has since proved wrong is never taken as the data: the
 * period locked since, a period started after it, the workstream's code now another's. Each time
 * the tab still shows the right period's picture, for one more round trip, never the hinted one.
 */
import { spfi, SPBrowser } from '@pnp/sp';
import type { Emulator } from '../../src/emulator/server';
import { BearerLogin, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import type { ISessionHints } from '../../src/data/ProgrammeRepository';
import type { IEditablePeriodPicture } from '../../src/data/repository';
import { sortPeriods, type IPeriod, type IWorkstreamHeading } from '../../src/domain';
import { startStack, USERS } from './support/stack';
import { lockPeriodsOf, recoveryPlan } from '../support/phasedProgramme';

jest.setTimeout(120000);

/** A browser's localStorage for one site, as the web part gives it (connect.ts, lastingHints). */
function browserStore(): ISessionHints & { entries: Map<string, string> } {
  const entries: Map<string, string> = new Map<string, string>();
  return { entries, get: (k) => entries.get(k), set: (k, v) => void entries.set(k, v) };
}

/** A new session of the tab (a fresh page: no session hints, no copy of anything) in a browser that keeps `lasting`. */
function session(emu: Emulator, lasting: ISessionHints, login: string = USERS.lead): PnpRepository {
  return new PnpRepository(spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(login)), { lastingHints: lasting });
}

interface ILanded {
  picture: IEditablePeriodPicture;
  roundTrips: number;
}

/** What the tab does on opening: the summary for its pinned workstream, then that workstream's ratings and its picture of the period it lands on. */
async function openTab(emu: Emulator, repository: PnpRepository, code: string, landOn: (periods: IPeriod[]) => IPeriod): Promise<ILanded> {
  emu.resetStats();
  const summary = await repository.getProgrammeSummary({ withoutRatings: true, pinned: code });
  const ws: IWorkstreamHeading = summary.workstreams.filter((w) => w.code === code)[0];
  const period: IPeriod = landOn(summary.periods);
  const [, picture] = await Promise.all([repository.getRagHistory(ws.id), repository.getPeriodPicture(period.id, { workstreamId: ws.id })]);
  return { picture, roundTrips: emu.stats.roundTrips };
}

const latest = (periods: IPeriod[]): IPeriod => sortPeriods(periods)[periods.length - 1];

let emu: Emulator;
let code: string;

beforeAll(async () => {
  emu = await startStack({ seed: recoveryPlan() });
  const summary = await session(emu, browserStore()).getProgrammeSummary();
  code = summary.workstreams.slice().sort((a, b) => a.order - b.order)[0].code;
});

afterAll(async () => {
  if (emu) {
    await emu.close();
  }
});

it('first open: two round trips; opened again in a new session: one, with the same picture', async () => {
  const store = browserStore();
  const first: ILanded = await openTab(emu, session(emu, store), code, latest);
  expect(first.roundTrips).toBe(2);
  // Ids only: nothing of the programme's data is kept beyond the session.
  const kept: string[] = Array.from(store.entries.values());
  expect(kept).toHaveLength(1);
  expect(JSON.parse(kept[0])).toEqual(expect.objectContaining({ workstreamId: first.picture.workstreams.filter((w) => w.code === code)[0].id, periodId: first.picture.period.id }));
  expect(kept[0]).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);

  const again: ILanded = await openTab(emu, session(emu, store), code, latest);
  expect(again.roundTrips).toBe(1);
  expect(again.picture.period).toEqual(first.picture.period);
  expect(again.picture.statusReports).toEqual(first.picture.statusReports);
  expect(again.picture.milestones).toEqual(first.picture.milestones);
});

describe('a hint the site has since proved wrong costs one more round trip and is never shown', () => {
  it('a period started after the one it landed on: the tab lands on the new one', async () => {
    const store = browserStore();
    const before: ILanded = await openTab(emu, session(emu, store), code, latest);
    const lead = session(emu, browserStore());
    const periods: IPeriod[] = sortPeriods(await lead.getPeriods());
    const last: IPeriod = periods[periods.length - 1];
    const next: IPeriod = await lead.createPeriod({ title: 'Tab test period', start: '01/01/2031', end: '31/01/2031' });
    const after: ILanded = await openTab(emu, session(emu, store), code, latest);
    expect(after.roundTrips).toBe(2);
    expect(after.picture.period.id).toBe(next.id);
    expect(after.picture.period.id).not.toBe(before.picture.period.id);
    expect(before.picture.period.id).toBe(last.id);
    // It now remembers the new landing: one round trip again.
    expect((await openTab(emu, session(emu, store), code, latest)).roundTrips).toBe(1);
  });

  it('the period it landed on, locked since: the picture is what the lock froze, not the live one the hint read', async () => {
    const store = browserStore();
    const open: ILanded = await openTab(emu, session(emu, store), code, latest);
    expect(open.picture.period.state).not.toBe('Locked');
    await lockPeriodsOf(session(emu, browserStore()), [open.picture.period]);
    const after: ILanded = await openTab(emu, session(emu, store), code, latest);
    expect(after.roundTrips).toBe(2);
    expect(after.picture.period.id).toBe(open.picture.period.id);
    expect(after.picture.period.state).toBe('Locked');
    expect(after.picture.snapshot).toBeDefined();
  });

  it("another workstream's code: its own picture, never the hinted workstream's", async () => {
    const store = browserStore();
    const lead = session(emu, browserStore());
    const workstreams = (await lead.getWorkstreams()).slice().sort((a, b) => a.order - b.order);
    const [a, b] = workstreams;
    await openTab(emu, session(emu, store), a.code, latest);
    // The hint is under a's code: swap the codes, so that code now names b.
    const t = lead.listTransport();
    await t.update('workstreams', a.id, { Code: 'SWAPPED' }, a.etag, 'rename a code');
    const bNow = (await lead.getWorkstreams()).filter((w) => w.id === b.id)[0];
    await t.update('workstreams', b.id, { Code: a.code }, bNow.etag, 'rename a code');
    const after: ILanded = await openTab(emu, session(emu, store), a.code, latest);
    expect(after.roundTrips).toBe(2);
    expect(after.picture.workstreams.map((w) => w.id)).toContain(b.id);
    expect(after.picture.statusReports.every((r) => r.workstreamId === b.id)).toBe(true);
  });
});
