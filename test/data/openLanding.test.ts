/**
 * The programme view landing on the open period (the programme office's landing, issue 14): where
 * this browser last saw it land on the open period, and that period is still the latest as far as
 * the hints know, its key risks and sections go in the landing's one $batch — checked against the
 * periods read there, and read after as before when the hint no longer holds. PnPjs over real
 * HTTP to the emulator; the hints are stand-ins for the browser's session and local storage.
 */
import { spfi, SPBrowser } from '@pnp/sp';
import { BearerLogin, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import type { ISessionHints } from '../../src/data/ProgrammeRepository';
import type { IProgrammePicture, IProgrammeSummary } from '../../src/data/repository';
import { latestPeriod, type IPeriod } from '../../src/domain';
import { nextMonth } from '../../src/cli/benchScreens';
import type { Emulator } from '../../src/emulator/server';
import { startStack, USERS } from './support/stack';

/** A browser store of hints. */
function store(): ISessionHints & { values: Map<string, string> } {
  const values: Map<string, string> = new Map<string, string>();
  return { values, get: (k) => values.get(k), set: (k, v) => void values.set(k, v) };
}

/** What the view shows of the key risks and sections. */
function shown(p: IProgrammePicture): unknown {
  return JSON.parse(JSON.stringify({ period: p.period.id, periods: p.periods.map((x) => x.id), workstreams: p.workstreams, risks: p.risks, sections: p.sections }));
}

describe('the programme view landing on the open period', () => {
  let emu: Emulator;
  const repository = (lasting: ISessionHints, session: ISessionHints = store()): PnpRepository =>
    new PnpRepository(spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(USERS.lead)), { hints: session, lastingHints: lasting });
  /** Lands as the programme view does: the summary, then the key risks and sections asking at once for the period shown. */
  const land = async (r: PnpRepository, shownId?: (summary: IProgrammeSummary) => number): Promise<{ summary: IProgrammeSummary; picture: IProgrammePicture }> => {
    const summary: IProgrammeSummary = await r.getProgrammeSummary({ landing: {}, ratingsWindow: 12 });
    const id: number = shownId ? shownId(summary) : (latestPeriod(summary.periods) as IPeriod).id;
    const [risks, sections] = await Promise.all([r.getPeriodPicture(id, { programmeOnly: true }), r.getPeriodPicture(id, { programmeOnly: true })]);
    expect(risks).toBe(sections);
    return { summary, picture: risks };
  };
  const keyRiskParts = (): string[] => emu.stats.recentParts.map((p) => decodeURIComponent(p.path)).filter((p) => /Risks'\)\/items\?\$select=[^&]*RiskDescription/.test(p));

  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  it("reads the open period's key risks and sections in the landing's one $batch in a new session of a browser that landed there, the same as read after", async () => {
    const lasting = store();
    emu.resetStats();
    const first = await land(repository(lasting));
    expect(first.picture.period.state).not.toBe('Locked');
    // The first time: the open period is read once the summary has named it.
    expect(emu.stats.roundTrips).toBeGreaterThanOrEqual(2);
    expect(lasting.values.get('programmeOpen')).toBe(String(first.picture.period.id));
    emu.resetStats();
    const again = await land(repository(lasting));
    expect(emu.stats.roundTrips).toBe(1);
    expect(keyRiskParts()).toHaveLength(1);
    expect(shown(again.picture)).toEqual(shown(first.picture));
    // The open risks are read once: the key risks' read brings the counts' and the risk matrix's scores too.
    expect(emu.stats.recentParts.filter((p) => /Risks'\)\/items/.test(decodeURIComponent(p.path)))).toHaveLength(1);
    expect(again.summary.openRiskScores).toEqual(first.summary.openRiskScores);
    expect(again.summary.openRisks).toEqual(first.summary.openRisks);
    expect(again.summary.openRiskScores.length).toBeGreaterThan(0);
  });

  it('reads nothing of the open period ahead where the view last landed on a locked period', async () => {
    const lasting = store();
    const locked = (summary: IProgrammeSummary): number => summary.periods.filter((p) => p.state === 'Locked').slice(-1)[0].id;
    await land(repository(lasting));
    await land(repository(lasting), locked);
    expect(lasting.values.get('programmeOpen')).toBe('');
    emu.resetStats();
    await repository(lasting).getProgrammeSummary({ landing: {}, ratingsWindow: 12 });
    expect(keyRiskParts()).toHaveLength(0);
  });

  it('reads the open period after the landing as before when the hint no longer holds: a new period started since', async () => {
    const lasting = store();
    const before = await land(repository(lasting));
    const created: IPeriod = await repository(store()).createPeriod(nextMonth(before.picture.period));
    emu.resetStats();
    // The hints name the period before: read ahead, found not to be the latest, and not used.
    const after = await land(repository(lasting));
    expect(after.picture.period.id).toBe(created.id);
    expect(keyRiskParts().length).toBeGreaterThanOrEqual(2);
    expect(emu.stats.roundTrips).toBeGreaterThanOrEqual(2);
    const fresh = await land(repository(store()));
    expect(shown(after.picture)).toEqual(shown(fresh.picture));
    // And the next landing in a new session is one round trip again.
    emu.resetStats();
    await land(repository(lasting));
    expect(emu.stats.roundTrips).toBe(1);
  });
});
