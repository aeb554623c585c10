/**
 * `npm start -- --empty`: the built server with a new data folder serves every list provisioned
 * and empty — no programme, no workstreams, no periods — with the acting person (no Authorization
 * header) the programme office; started again without --empty it keeps the site as it is rather
 * than seeding the sample programme over it; and --empty on a folder that holds a programme
 * says it needs --reset.
 */
import { killAllServers, startServer, stopServer, tempDir, type IStartedServer, type Json } from './helpers';

async function items(server: IStartedServer, list: string): Promise<Json[]> {
  const res: Response = await fetch(`${server.url}/sites/improvement/_api/web/lists/getByTitle('${encodeURIComponent(list)}')/items`, { headers: { Accept: 'application/json' } });
  expect(res.status).toBe(200);
  return ((await res.json()) as Json).value;
}

describe('npm start -- --empty', () => {
  afterAll(() => killAllServers());

  it('serves the lists with no programme in them, the acting person as the programme office, and is never seeded over', async () => {
    const dataDir: string = tempDir('ph-start-empty-');
    let s: IStartedServer = await startServer(dataDir, ['--empty']);
    expect(s.output()).toContain('(no programme: set it up in the dashboard)');
    for (const list of ['Programme', 'RAG Definitions', 'Workstreams', 'Reporting Periods', 'Status Reports', 'Milestones', 'Risks']) {
      expect({ list, items: await items(s, list) }).toEqual({ list, items: [] });
    }
    // The acting person (a request with no Authorization header) is in the Programme Office group.
    const me: Json = await (await fetch(`${s.url}/sites/improvement/_api/web/currentuser`, { headers: { Accept: 'application/json' } })).json();
    const groups: Json = await (await fetch(`${s.url}/_emulator/users`)).json();
    expect(groups.filter((u: Json) => u.login === me.Email || u.email === me.Email)[0].groups).toContain('Programme Office');
    await stopServer(s);

    s = await startServer(dataDir);
    expect(s.output()).not.toMatch(/seeded \d+ items/);
    expect(await items(s, 'Workstreams')).toEqual([]);
    await stopServer(s);
  });

  it('on a folder that already holds a programme, serves it and says --empty needs --reset', async () => {
    const dataDir: string = tempDir('ph-start-empty-');
    let s: IStartedServer = await startServer(dataDir);
    expect((await items(s, 'Workstreams')).length).toBeGreaterThan(0);
    await stopServer(s);
    s = await startServer(dataDir, ['--empty']);
    expect(s.output()).toContain('already holds a programme: --empty starts empty only with --reset or a new --data folder');
    await stopServer(s);
    s = await startServer(dataDir, ['--empty', '--reset']);
    expect(await items(s, 'Workstreams')).toEqual([]);
    expect(await items(s, 'Programme')).toEqual([]);
    await stopServer(s);
  });
});
