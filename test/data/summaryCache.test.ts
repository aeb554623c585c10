/**
 * The programme view's landing read, kept from growing: its ratings over time are a window of the
 * latest periods (ISummaryOptions.ratingsWindow), read by period, the earlier read on demand; and
 * the reference lists (programme, RAG key, periods, workstreams) are kept for the browser session
 * and read again only when SharePoint's stamp of the list (LastItemModifiedDate,
 * LastItemDeletedDate, ItemCount, asked in the same $batch) has changed. PnPjs over real HTTP to
 * the emulator.
 */
import { spfi, SPBrowser } from '@pnp/sp';
import { BearerLogin, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import type { ISessionHints } from '../../src/data/ProgrammeRepository';
import type { IProgrammeSummary, IRagHistoryEntry } from '../../src/data/repository';
import type { Emulator } from '../../src/emulator/server';
import { startStack, USERS } from './support/stack';

/** A session's storage, as sessionStorage would keep it. */
function hints(): ISessionHints & { values: Map<string, string> } {
  const values: Map<string, string> = new Map<string, string>();
  return { values, get: (k) => values.get(k), set: (k, v) => void values.set(k, v) };
}

const rating = (h: IRagHistoryEntry): string => `${h.workstreamId}/${h.periodId}/${h.rag}/${h.previousRag}/${h.state}`;
const REFERENCE_ITEMS: RegExp = /getByTitle\('(Programme|RAG Definitions|Reporting Periods|Workstreams)'\)\/items/;

describe("the programme view's landing read", () => {
  let emu: Emulator;
  const repository = (session?: ISessionHints, login: string = USERS.iib): PnpRepository =>
    new PnpRepository(spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(login)), { hints: session });
  const parts = (): string[] => emu.stats.recentParts.map((p) => decodeURIComponent(p.path.replace(/\+/g, ' ')));

  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());
  afterEach(() => jest.restoreAllMocks());

  it('reads only the latest periods\' ratings, by period, and the earlier ones on demand, the same as a whole read', async () => {
    const whole: IProgrammeSummary = await repository().getProgrammeSummary();
    expect(whole.ratingsOf).toBeUndefined();
    expect(whole.periods.length).toBeGreaterThan(1);
    const session = hints();
    // A first visit: the periods are not known yet, so the window's ratings come one round trip
    // after them, with the milestones due.
    emu.resetStats();
    const first: IProgrammeSummary = await repository(session).getProgrammeSummary({ ratingsWindow: 1 });
    expect(emu.stats.roundTrips).toBe(2);
    const window: number[] = whole.periods.slice(-1).map((p) => p.id);
    expect(first.ratingsOf).toEqual(window);
    expect(first.history.map(rating).sort()).toEqual(whole.history.filter((h) => window.indexOf(h.periodId) >= 0).map(rating).sort());
    expect(first.history.length).toBeGreaterThan(0);
    // Filtered on the indexed period column, never the whole list.
    expect(parts().filter((p) => /Status Reports'\)\/items/.test(p)).filter((p) => !/\$filter=\(?ReportingPeriodId eq/.test(p))).toEqual([]);
    // A return in the session: one round trip, the same ratings.
    emu.resetStats();
    const again: IProgrammeSummary = await repository(session).getProgrammeSummary({ ratingsWindow: 1 });
    expect(emu.stats.roundTrips).toBe(1);
    expect(again.history.map(rating).sort()).toEqual(first.history.map(rating).sort());
    // The earlier periods on demand: one round trip, what the whole read holds of them.
    const earlier: number[] = whole.periods.slice(0, -1).map((p) => p.id);
    emu.resetStats();
    const read: IRagHistoryEntry[] = await repository(session).getRatings(earlier);
    expect(emu.stats.roundTrips).toBe(1);
    expect(read.map(rating).sort()).toEqual(whole.history.filter((h) => earlier.indexOf(h.periodId) >= 0).map(rating).sort());
  });

  it("lands a new session in one round trip from the browser's lasting hint of the window (ids only), and a wrong hint costs one more, never a wrong rating", async () => {
    const whole: IProgrammeSummary = await repository().getProgrammeSummary();
    const window: number[] = whole.periods.slice(-2).map((p) => p.id);
    const expected: string[] = whole.history.filter((h) => window.indexOf(h.periodId) >= 0).map(rating).sort();
    const lasting = hints();
    const withLasting = (session: ISessionHints): PnpRepository =>
      new PnpRepository(spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(USERS.iib)), { hints: session, lastingHints: lasting });
    // The browser's first visit: two round trips, and the window's and latest period's ids kept beyond the session.
    emu.resetStats();
    await withLasting(hints()).getProgrammeSummary({ ratingsWindow: 2 });
    expect(emu.stats.roundTrips).toBe(2);
    expect(lasting.get('ratingsWindow')).toBe(window.join(','));
    expect(lasting.get('latestPeriod')).toBe(String(window[1]));
    // A new session of the same browser (its session storage empty): one round trip, the same ratings.
    emu.resetStats();
    const again: IProgrammeSummary = await withLasting(hints()).getProgrammeSummary({ ratingsWindow: 2 });
    expect(emu.stats.roundTrips).toBe(1);
    expect(again.history.map(rating).sort()).toEqual(expected);
    expect(again.milestonesDue).toEqual(whole.milestonesDue);
    // A hint proved wrong by the periods read with it (another period than the latest): the right
    // window and milestones due are read, one more round trip.
    lasting.set('ratingsWindow', String(whole.periods[0].id));
    lasting.set('latestPeriod', String(whole.periods[0].id));
    emu.resetStats();
    const wrong: IProgrammeSummary = await withLasting(hints()).getProgrammeSummary({ ratingsWindow: 2 });
    expect(emu.stats.roundTrips).toBe(2);
    expect(wrong.ratingsOf).toEqual(window);
    expect(wrong.history.map(rating).sort()).toEqual(expected);
    expect(wrong.milestonesDue).toEqual(whole.milestonesDue);
    expect(lasting.get('ratingsWindow')).toBe(window.join(','));
  });

  it('keeps the reference lists for the session once settled, and reads a list again only when its stamp changed', async () => {
    // The lists were written moments ago (the seed): nothing is kept until a minute has passed.
    const session = hints();
    await repository(session).getProgrammeSummary();
    expect(session.get('referenceLists')).toBeUndefined();
    // A minute and more later, by this browser's clock.
    const realNow: () => number = Date.now.bind(Date);
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 120000);
    const filled: IProgrammeSummary = await repository(session).getProgrammeSummary();
    expect(session.get('referenceLists')).toBeTruthy();
    // A return: one round trip, none of the reference lists' items read, the same summary.
    emu.resetStats();
    const kept: IProgrammeSummary = await repository(session).getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(1);
    expect(parts().filter((p) => REFERENCE_ITEMS.test(p))).toEqual([]);
    expect(parts().filter((p) => /getByTitle\('Workstreams'\)\?\$select=LastItemModifiedDate/.test(p))).toHaveLength(1);
    expect({ ...kept, history: [] }).toEqual({ ...filled, history: [] });
    // Someone else adds a workstream: its list alone is read again, in one more round trip.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await repository(undefined, USERS.lead).saveWorkstream({ code: 'ZZ', title: 'A workstream added elsewhere' });
    // Now, by the real clock: the workstreams changed under a minute ago.
    jest.spyOn(Date, 'now').mockImplementation(() => realNow());
    emu.resetStats();
    const changed: IProgrammeSummary = await repository(session).getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(2);
    expect(parts().filter((p) => REFERENCE_ITEMS.test(p)).map((p) => REFERENCE_ITEMS.exec(p)![1])).toEqual(['Workstreams']);
    expect(changed.workstreams.map((w) => w.code)).toContain('ZZ');
    expect(changed.periods).toEqual(filled.periods);
    // Just changed: not kept (a second change within the same second would not move the stamp);
    // the next read takes the lists whole, with the rest, in one round trip.
    expect(session.get('referenceLists')).toBe('');
    emu.resetStats();
    const next: IProgrammeSummary = await repository(session).getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(1);
    expect(next.workstreams.map((w) => w.code)).toContain('ZZ');
  });

  it("drops the session's copy when this page writes a reference list, and reads it whole next time", async () => {
    const session = hints();
    const realNow: () => number = Date.now.bind(Date);
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 120000);
    const lead: PnpRepository = repository(session, USERS.lead);
    await lead.getProgrammeSummary();
    expect(session.get('referenceLists')).toBeTruthy();
    await lead.saveWorkstream({ code: 'YY', title: 'A workstream added here' });
    expect(session.get('referenceLists')).toBe('');
    emu.resetStats();
    const after: IProgrammeSummary = await repository(session, USERS.lead).getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(1);
    expect(after.workstreams.map((w) => w.code)).toContain('YY');
  });
});
