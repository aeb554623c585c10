/**
 * The programme view's summary reads each workstream's heading only (IWorkstreamHeading: no
 * description, no outcomes, which none of its views shows); a view that shows the long texts after
 * that landing gets them whole, never blank: a period's picture, one workstream's picture, the
 * workstreams' set-up — and a Teams tab pinned to a workstream, whose landing picture is made with
 * the summary's reference lists, in one round trip. Over PnPjs and Graph against the emulator,
 * and the in-memory transport.
 */
import { spfi, SPBrowser } from '@pnp/sp';
import { BearerLogin, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import type { ISessionHints } from '../../src/data/ProgrammeRepository';
import type { IProgrammeRepository, IProgrammeSummary, Saved } from '../../src/data/repository';
import type { Emulator } from '../../src/emulator/server';
import { sortPeriods, type IPeriod, type IWorkstream } from '../../src/domain';
import { IMPLEMENTATIONS, MEMORY_NAME, memory, startStack, USERS } from './support/stack';

jest.setTimeout(120000);

/** A browser's storage (sessionStorage or localStorage), as the web part gives it. */
function store(): ISessionHints {
  const values: Map<string, string> = new Map<string, string>();
  return { get: (k) => values.get(k), set: (k, v) => void values.set(k, v) };
}

/** Each workstream's long texts by id, as a whole read gives them. */
function longTexts(workstreams: readonly IWorkstream[]): { [id: number]: Pick<IWorkstream, 'description' | 'outcomes'> } {
  const out: { [id: number]: Pick<IWorkstream, 'description' | 'outcomes'> } = {};
  for (const w of workstreams) {
    out[w.id] = { description: w.description, outcomes: w.outcomes };
  }
  return out;
}

let emu: Emulator;

beforeAll(async () => {
  emu = await startStack();
});

afterAll(async () => {
  if (emu) {
    await emu.close();
  }
});

describe.each([...IMPLEMENTATIONS, [MEMORY_NAME, memory] as [string, (e: Emulator, login: string) => IProgrammeRepository]])('%s', (_name, make) => {
  it('the landing summary lists headings; the pictures read after it hold every workstream\'s description and outcomes', async () => {
    const repository: IProgrammeRepository = make(emu, USERS.lead);
    const whole: Array<Saved<IWorkstream>> = await repository.getWorkstreams();
    const expected = longTexts(whole);
    // The seed's workstreams have long texts to lose.
    expect(whole.filter((w) => w.description.trim() !== '' && w.outcomes.length > 0).length).toBeGreaterThan(0);

    const summary: IProgrammeSummary = await repository.getProgrammeSummary({ landing: {}, ratingsWindow: 12 });
    expect(summary.workstreams.map((w) => w.id).sort()).toEqual(whole.map((w) => w.id).sort());
    for (const w of summary.workstreams) {
      expect(Object.keys(w)).not.toContain('description');
      expect(Object.keys(w)).not.toContain('outcomes');
      // What the headings do carry is the list's.
      const listed: Saved<IWorkstream> = whole.filter((x) => x.id === w.id)[0];
      expect(w).toEqual(expect.objectContaining({ code: listed.code, title: listed.title, order: listed.order, projectManagers: listed.projectManagers }));
    }

    const latest: IPeriod = sortPeriods(summary.periods)[summary.periods.length - 1];
    const picture = await repository.getPeriodPicture(latest.id);
    expect(picture.workstreams.length).toBeGreaterThan(0);
    expect(longTexts(picture.workstreams)).toEqual(Object.fromEntries(picture.workstreams.map((w) => [w.id, expected[w.id]])));

    const first: IWorkstream = picture.workstreams.filter((w) => expected[w.id].description.trim() !== '')[0];
    const one = await repository.getPeriodPicture(latest.id, { workstreamId: first.id });
    expect(one.workstreams.map((w) => w.id)).toEqual([first.id]);
    expect(longTexts(one.workstreams)[first.id]).toEqual(expected[first.id]);
  });

  it("the landing and the period list read the open periods' overviews only; a locked period's shows from its snapshot", async () => {
    const repository: IProgrammeRepository = make(emu, USERS.lead);
    const listed: Array<Saved<IPeriod>> = await Promise.all((await repository.getPeriods()).map((p) => repository.getPeriod(p.id)));
    const open: Saved<IPeriod> = sortPeriods(listed.filter((p) => p.state === 'Open')).pop() as Saved<IPeriod>;
    const text: string = `Overview of ${open.title}, written now.`;
    await repository.updateOverview(open.id, { overview: text }, open.etag);
    // The seed's locked periods have overviews in the list to leave out.
    const locked: Array<Saved<IPeriod>> = listed.filter((p) => p.state === 'Locked' && (p.overview || '').trim() !== '');
    expect(locked.length).toBeGreaterThan(0);

    const summary: IProgrammeSummary = await repository.getProgrammeSummary({ landing: {}, ratingsWindow: 12 });
    const periods: IPeriod[] = await repository.getPeriods();
    for (const read of [summary.periods, periods]) {
      expect(read.map((p) => p.id).sort()).toEqual(listed.map((p) => p.id).sort());
      expect(read.filter((p) => p.id === open.id)[0].overview).toBe(text);
      for (const p of read.filter((x) => x.state === 'Locked')) {
        expect(p.overview).toBeUndefined();
        // The rest of the period is the list's.
        const whole: Saved<IPeriod> = listed.filter((x) => x.id === p.id)[0];
        expect(p).toEqual(expect.objectContaining({ title: whole.title, start: whole.start, end: whole.end, overallRag: whole.overallRag }));
      }
    }
    // What the programme view shows of a locked period is its snapshot's overview.
    const picture = await repository.getPeriodPicture(locked[locked.length - 1].id, { programmeOnly: true });
    expect((picture.period.overview || '').trim()).not.toBe('');
  });
});

it("a Teams tab landing in one round trip (its hint held) shows its workstream's description and outcomes, not the summary's heading", async () => {
  const lasting: ISessionHints = store();
  const tab = (): PnpRepository => new PnpRepository(spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(USERS.lead)), { hints: store(), lastingHints: lasting });
  const whole: Array<Saved<IWorkstream>> = await tab().getWorkstreams();
  const pinned: Saved<IWorkstream> = whole.filter((w) => w.description.trim() !== '' && w.outcomes.length > 0)[0];
  const open = async (): Promise<{ workstream: IWorkstream; roundTrips: number }> => {
    const repository: PnpRepository = tab();
    emu.resetStats();
    const summary: IProgrammeSummary = await repository.getProgrammeSummary({ withoutRatings: true, pinned: pinned.code });
    const latest: IPeriod = sortPeriods(summary.periods)[summary.periods.length - 1];
    const picture = await repository.getPeriodPicture(latest.id, { workstreamId: pinned.id });
    return { workstream: picture.workstreams.filter((w) => w.id === pinned.id)[0], roundTrips: emu.stats.roundTrips };
  };
  // The first time (no hint), then in a new session of the same browser: the picture in the summary's $batch.
  const first = await open();
  const again = await open();
  expect(again.roundTrips).toBe(1);
  for (const landed of [first, again]) {
    expect(landed.workstream.description).toBe(pinned.description);
    expect(landed.workstream.outcomes).toEqual(pinned.outcomes);
  }
});
