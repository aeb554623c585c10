/**
 * Finding the programme site without a round trip of its own (connect.ts): the session's memory
 * of the site, or on a first load the site the page is on, is checked in the repository's first
 * $batch, with the screen's reads; nothing read there is given out unless the check passes, and a
 * site that fails it is found afresh. PnPjs over real HTTP to the emulator.
 */
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { BearerLogin, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import { connectProgrammeSite, type IConnectOptions } from '../../src/webparts/programmeDashboard/connect';
import { ProgrammeSiteError } from '../../src/webparts/programmeDashboard/programmeSite';
import { storageEntityKey } from '../../src/emulator/provisioning';
import type { Emulator } from '../../src/emulator/server';
import { startStack, USERS } from '../data/support/stack';

/** A tab's sessionStorage. */
function session(): Pick<Storage, 'getItem' | 'setItem'> & { values: Map<string, string> } {
  const values: Map<string, string> = new Map<string, string>();
  return { values, getItem: (k) => (values.has(k) ? (values.get(k) as string) : null), setItem: (k, v) => void values.set(k, v) };
}

describe('the programme site remembered or guessed, checked with the first reads', () => {
  let emu: Emulator;
  const spFor = (url: string): SPFI => spfi(url).using(SPBrowser({ baseUrl: url }), BearerLogin(USERS.iib));
  const options = (currentWebUrl: string, store: Pick<Storage, 'getItem' | 'setItem'>): IConnectOptions => ({ currentWebUrl, spFor, session: store });

  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());
  afterEach(() => emu.store.setMeta(storageEntityKey('ProgrammeHighlightsSite'), ''));

  it("on the programme site's own page: no round trip to find the site, on a first load or a return", async () => {
    // What the programme's first read costs with the site known (no session hints here: node has no sessionStorage).
    emu.resetStats();
    await new PnpRepository(spFor(emu.siteUrl)).getProgrammeSummary();
    const known: number = emu.stats.roundTrips;
    const tab = session();
    emu.resetStats();
    const connection = await connectProgrammeSite(options(emu.siteUrl, tab));
    expect(emu.stats.roundTrips).toBe(0);
    const summary = await connection.repository.getProgrammeSummary();
    await expect(connection.proven).resolves.toBeUndefined();
    expect(emu.stats.roundTrips).toBe(known);
    expect(summary.workstreams.length).toBeGreaterThan(0);
    // The check went in the same $batch: the site's lists and the tenant setting.
    const parts: string[] = emu.stats.recentParts.map((p) => decodeURIComponent(p.path));
    expect(parts.filter((p) => /\/web\/lists\?\$select=Title$/.test(p))).toHaveLength(1);
    expect(parts.filter((p) => /getStorageEntity/i.test(p))).toHaveLength(1);
    expect(Array.from(tab.values.values()).some((v) => v.indexOf(emu.siteUrl) >= 0)).toBe(true);
    // The page again in the session: the same.
    emu.resetStats();
    const again = await connectProgrammeSite(options(emu.siteUrl, tab));
    await again.repository.getProgrammeSummary();
    expect(emu.stats.roundTrips).toBe(known);
  });

  it('gives out nothing read from a guessed site that is not the programme site, and finds the site afresh', async () => {
    const tab = session();
    // A page on the programme site while the tenant setting names another site (on the same host).
    const elsewhere: string = emu.siteUrl.replace(/\/sites\/[^/]+$/, '/sites/elsewhere');
    emu.store.setMeta(storageEntityKey('ProgrammeHighlightsSite'), elsewhere);
    const connection = await connectProgrammeSite(options(emu.siteUrl, tab));
    await expect(connection.repository.getProgrammeSummary()).rejects.toMatchObject({ kind: 'notFound' });
    await expect(connection.proven).rejects.toBeInstanceOf(ProgrammeSiteError);
    // Found afresh: the tenant setting's site, which is not there.
    await expect(connectProgrammeSite(options(emu.siteUrl, tab))).rejects.toMatchObject({ problem: 'siteNotFound', siteUrl: elsewhere });
  });

  it('checks a remembered site again: the tenant setting now naming another site, and it is found afresh', async () => {
    const tab = session();
    await (await connectProgrammeSite(options(emu.siteUrl, tab))).repository.getProgrammeSummary();
    const elsewhere: string = emu.siteUrl.replace(/\/sites\/[^/]+$/, '/sites/elsewhere');
    emu.store.setMeta(storageEntityKey('ProgrammeHighlightsSite'), elsewhere);
    const remembered = await connectProgrammeSite(options(emu.siteUrl, tab));
    expect(remembered.proven).toBeDefined();
    await expect(remembered.repository.getRights()).rejects.toMatchObject({ kind: 'notFound' });
    await expect(remembered.proven).rejects.toBeInstanceOf(ProgrammeSiteError);
    await expect(connectProgrammeSite(options(emu.siteUrl, tab))).rejects.toMatchObject({ problem: 'siteNotFound' });
  });
});
