/**
 * The lasting hint that this browser found a programme site's lists up to date (listsChecked.ts),
 * as "Set up this site" writes and reads it over PnPjs against the emulator (real HTTP): the check
 * writes it when the lists are up to date with this release's schema, drops it when they are
 * not; it is fresh only for the same schema within seven days; a read refused for a column the
 * site lacks drops it and tells whoever listens. The landing's use of it (skipping the check, the
 * offer still made) is in test/webparts/ProgrammeSiteGate.test.tsx and test/perf/screenCounts.test.ts.
 */
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { BearerLogin, pnpError, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import { provisionSite } from '../../src/data/provisioning/provision';
import { LIST_SCHEMAS } from '../../src/data/provisioning/schema';
import { LISTS_SCHEMA_FINGERPRINT } from '../../src/data/provisioning/schemaVersion';
import { connectProgrammeSite, siteSetupFor } from '../../src/webparts/programmeDashboard/connect';
import { LISTS_CHECK_DAYS, LISTS_CHECKED_HINT, listsCheckedLately, saysListsLackSomething } from '../../src/webparts/programmeDashboard/listsChecked';
import type { Emulator } from '../../src/emulator/server';
import { startStack, USERS } from '../data/support/stack';

const DAY_MS: number = 24 * 60 * 60 * 1000;

/** A browser's localStorage. */
function store(): Pick<Storage, 'getItem' | 'setItem'> & { values: Map<string, string> } {
  const values: Map<string, string> = new Map<string, string>();
  return { values, getItem: (k) => (values.has(k) ? (values.get(k) as string) : null), setItem: (k, v) => void values.set(k, v) };
}

/** The hint as kept for a site. */
function hintOf(local: ReturnType<typeof store>, siteUrl: string): string | undefined {
  return local.values.get(`programme-highlights:${siteUrl.toLowerCase()}:${LISTS_CHECKED_HINT}`);
}

/** The hints of a site in a store, as the module reads them. */
function hints(local: ReturnType<typeof store>, siteUrl: string): { get(k: string): string | undefined; set(k: string, v: string): void } {
  const prefix: string = `programme-highlights:${siteUrl.toLowerCase()}:`;
  return { get: (k) => local.values.get(prefix + k), set: (k, v) => void local.values.set(prefix + k, v) };
}

describe("the browser's hint that a site's lists were up to date", () => {
  let emu: Emulator;
  let older: string;
  const spFor = (url: string): SPFI => spfi(url).using(SPBrowser({ baseUrl: url }), BearerLogin(USERS.lead));

  beforeAll(async () => {
    // Two plain sites the programme office owns, to be provisioned by an older release.
    const owned = (code: string) => ({ code, title: code, owners: [USERS.lead], members: [] as string[] });
    emu = await startStack({ teamSites: [owned('older'), owned('older2')] });
    // A site provisioned by an older release: Risks without its Mitigation column.
    older = emu.siteUrl.replace(/\/sites\/[^/]+$/, '/sites/older');
    const schemas = LIST_SCHEMAS.map((l) => (l.title === 'Risks' ? { ...l, fields: l.fields.filter((f) => f.name !== 'Mitigation') } : l));
    await provisionSite(spFor(older), older, { schemas });
  }, 60000);
  afterAll(() => emu.close());

  it('is written by a check that finds the lists up to date, and is fresh for the same schema within seven days only', async () => {
    const local = store();
    const setup = siteSetupFor(spFor, local);
    expect(setup.checkedLately!(emu.siteUrl)).toBe(false);
    expect(await setup.changesNeeded(emu.siteUrl)).toBe(0);
    const kept = JSON.parse(hintOf(local, emu.siteUrl) as string);
    expect(kept.schema).toBe(LISTS_SCHEMA_FINGERPRINT);
    expect(Date.now() - Date.parse(kept.checked)).toBeLessThan(60000);
    expect(setup.checkedLately!(emu.siteUrl)).toBe(true);
    // Another site's lists are not this one's.
    expect(setup.checkedLately!(older)).toBe(false);

    const at = (schema: string, checked: number): void => hints(local, emu.siteUrl).set(LISTS_CHECKED_HINT, JSON.stringify({ schema, checked: new Date(checked).toISOString() }));
    at(LISTS_SCHEMA_FINGERPRINT, Date.now() - (LISTS_CHECK_DAYS - 1) * DAY_MS);
    expect(setup.checkedLately!(emu.siteUrl)).toBe(true);
    // Older than seven days: checked again.
    at(LISTS_SCHEMA_FINGERPRINT, Date.now() - LISTS_CHECK_DAYS * DAY_MS - 1000);
    expect(setup.checkedLately!(emu.siteUrl)).toBe(false);
    // Another release's schema: checked again.
    at('v1-0000000000000000', Date.now() - 1000);
    expect(setup.checkedLately!(emu.siteUrl)).toBe(false);
    // Dated ahead of this browser's clock: not to be trusted.
    at(LISTS_SCHEMA_FINGERPRINT, Date.now() + 2 * DAY_MS);
    expect(setup.checkedLately!(emu.siteUrl)).toBe(false);
    // Anything else kept there: checked again.
    hints(local, emu.siteUrl).set(LISTS_CHECKED_HINT, 'not json');
    expect(listsCheckedLately(hints(local, emu.siteUrl))).toBe(false);
    expect(listsCheckedLately(undefined)).toBe(false);
  });

  it('is dropped by a check that finds the lists out of date, and by a set-up, which is checked again next time', async () => {
    const local = store();
    const setup = siteSetupFor(spFor, local);
    hints(local, older).set(LISTS_CHECKED_HINT, JSON.stringify({ schema: LISTS_SCHEMA_FINGERPRINT, checked: new Date().toISOString() }));
    expect(setup.checkedLately!(older)).toBe(true);
    expect(await setup.changesNeeded(older)).toBe(1);
    expect(hintOf(local, older)).toBe('');
    expect(setup.checkedLately!(older)).toBe(false);
    // Set up (a copy of the older site, so the other tests keep theirs).
    const copy: string = emu.siteUrl.replace(/\/sites\/[^/]+$/, '/sites/older2');
    await provisionSite(spFor(copy), copy, { schemas: LIST_SCHEMAS.map((l) => (l.title === 'Risks' ? { ...l, fields: l.fields.filter((f) => f.name !== 'Mitigation') } : l)) });
    hints(local, copy).set(LISTS_CHECKED_HINT, JSON.stringify({ schema: LISTS_SCHEMA_FINGERPRINT, checked: new Date().toISOString() }));
    expect(await setup.setUp(copy, () => undefined)).toBe(1);
    expect(setup.checkedLately!(copy)).toBe(false);
    expect(await setup.changesNeeded(copy)).toBe(0);
    expect(setup.checkedLately!(copy)).toBe(true);
  }, 60000);

  it("is dropped when a read is refused for a column the site lacks, and the connection's listeners hear of it", async () => {
    const local = store();
    const session = store();
    hints(local, older).set(LISTS_CHECKED_HINT, JSON.stringify({ schema: LISTS_SCHEMA_FINGERPRINT, checked: new Date().toISOString() }));
    const connection = await connectProgrammeSite({ currentWebUrl: older, webPartSetting: older, spFor, session, lasting: local });
    let heard: number = 0;
    const stop = connection.onListsDoubted!(() => heard++);
    const transport = (connection.repository as PnpRepository).listTransport();
    // A read that does not name the missing column: nothing doubted.
    await transport.read({ risks: { list: 'risks', columns: ['Workstream'] } }, { action: 'read the risks' });
    expect(heard).toBe(0);
    expect(listsCheckedLately(hints(local, older))).toBe(true);
    let refused: unknown;
    await transport
      .read({ risks: { list: 'risks', columns: ['Mitigation'] } }, { action: 'read the risks' })
      .catch((e: unknown) => (refused = e));
    expect(saysListsLackSomething(refused)).toBe(true);
    expect(heard).toBe(1);
    expect(listsCheckedLately(hints(local, older))).toBe(false);
    stop();
  }, 60000);

  it('tells a missing list or column from other refusals', async () => {
    const repository = (await connectProgrammeSite({ currentWebUrl: emu.siteUrl, spFor, session: store(), lasting: store() })).repository;
    const gone = await repository.get('risk', 999999).catch((e: unknown) => e);
    expect(saysListsLackSomething(gone)).toBe(false);
    expect(saysListsLackSomething(new Error("List 'Risks' does not exist at site with URL"))).toBe(false);
    // A list the site has not got, as SharePoint answers it (404 "List '…' does not exist at site with URL …").
    const noList: unknown = await spFor(emu.siteUrl)
      .web.lists.getByTitle('No Such List')
      .items()
      .then(
        () => undefined,
        (e: unknown) => pnpError(e, 'read the list')
      );
    expect(noList).toMatchObject({ kind: 'notFound', status: 404 });
    expect(saysListsLackSomething(noList)).toBe(true);
  });

  it("waits, before the check, for the landing's reads on their way and then a quiet spell", async () => {
    const repository = new PnpRepository(spFor(emu.siteUrl));
    let read: number = 0;
    const reading = repository.getProgrammeSummary().then(() => (read = Date.now()));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await repository.readsQuiet(300);
    const quiet: number = Date.now();
    await reading;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(quiet);
  });
});
