/**
 * The summary's session hint: a returning page remembers the programme's latest period, so the
 * milestones due go in the summary's own $batch; a hint that is wrong (another period started
 * since) costs one more round trip and never a wrong count. PnPjs over real HTTP to the emulator.
 */
import { spfi, SPBrowser } from '@pnp/sp';
import { BearerLogin, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import type { ISessionHints } from '../../src/data/ProgrammeRepository';
import type { IProgrammeSummary } from '../../src/data/repository';
import type { Emulator } from '../../src/emulator/server';
import { startStack, USERS } from './support/stack';

/** A session's storage, as sessionStorage would keep it. */
function hints(): ISessionHints & { values: Map<string, string> } {
  const values: Map<string, string> = new Map<string, string>();
  return { values, get: (k) => values.get(k), set: (k, v) => void values.set(k, v) };
}

describe("the programme summary with the session's hint", () => {
  let emu: Emulator;
  const repository = (session?: ISessionHints): PnpRepository =>
    new PnpRepository(spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(USERS.lead)), { hints: session });
  const due = (s: IProgrammeSummary): unknown => ({ due: s.milestonesDue, dates: s.milestonesDueDates });

  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  it('reads the summary in two round trips on a first visit and one on a return, counting the same', async () => {
    const session = hints();
    // A first visit: time zone and summary, then the latest period's milestones due.
    emu.resetStats();
    const first: IProgrammeSummary = await repository(session).getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(2);
    expect(session.values.size).toBe(1);
    expect(Object.values(first.milestonesDue).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // The page is loaded again in the same session: a new repository, the hint kept.
    emu.resetStats();
    const again: IProgrammeSummary = await repository(session).getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(1);
    expect(due(again)).toEqual(due(first));
  });

  it('reads the milestones due again when the hint names a period that is no longer the latest', async () => {
    const session = hints();
    const right: IProgrammeSummary = await repository(session).getProgrammeSummary();
    const [key] = Array.from(session.values.keys());
    // The first period instead of the latest, as after another period was started elsewhere.
    session.set(key, String(right.periods[0].id));
    emu.resetStats();
    const summary: IProgrammeSummary = await repository(session).getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(2);
    expect(due(summary)).toEqual(due(right));
    expect(session.get(key)).toBe(String(right.periods[right.periods.length - 1].id));
  });
});
