/**
 * Durability: the built `npm start` server is killed with SIGKILL in the middle of a burst of
 * writes from several clients. On restart every write it acknowledged is there, once, the
 * database is sound and the seeded programme is intact. A create retried with the same
 * request key is refused by the key's unique column, even across the crash.
 */
import * as path from 'path';
import { Store } from '../../src/emulator/store';
import { killAllServers, startServer, stopServer, tempDir, USERS, type IStartedServer, type Json } from './helpers';

const CLIENTS: number = 4;
const KILL_AFTER: number = 300;
const SEEDED_MILESTONES: number = 87;

interface IAck {
  id: number;
  title: string;
}

function milestone(title: string): Json {
  return { Title: title, WorkstreamId: 1, ReportingPeriodId: 2, Timing: 'This period' };
}

async function post(server: IStartedServer, body: Json, headers: { [name: string]: string } = {}): Promise<Response> {
  return fetch(`${server.url}/sites/improvement/_api/web/lists/getByTitle('Milestones')/items`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json;charset=utf-8', Authorization: `Bearer ${USERS.lead}`, ...headers },
    body: JSON.stringify(body)
  });
}

async function items(server: IStartedServer, list: string): Promise<Json[]> {
  const res: Response = await fetch(`${server.url}/sites/improvement/_api/web/lists/getByTitle('${encodeURIComponent(list)}')/items?$top=5000&$select=Id,Title`, {
    headers: { Accept: 'application/json', Authorization: `Bearer ${USERS.lead}` }
  });
  expect(res.status).toBe(200);
  return (await res.json()).value;
}

describe('durability', () => {
  const dataDir: string = tempDir('ph-durability-');
  afterAll(() => killAllServers());

  it('keeps every acknowledged write through kill -9, once each, with a sound database', async () => {
    const first: IStartedServer = await startServer(dataDir, ['--reset']);
    const seededWorkstreams: Json[] = await items(first, 'Workstreams');
    expect(seededWorkstreams).toHaveLength(5);
    expect(await items(first, 'Milestones')).toHaveLength(SEEDED_MILESTONES);

    // A keyed create before the crash, to be retried after it.
    const keyed: Response = await post(first, { ...milestone('Keyed before the crash'), RequestKey: 'durability-key-1' });
    expect(keyed.status).toBe(201);
    const keyedId: number = (await keyed.json()).Id;

    const acks: IAck[] = [];
    let killed: boolean = false;
    const kill = (): void => {
      if (!killed) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    };
    const client = async (n: number): Promise<void> => {
      for (let i: number = 0; !killed; i++) {
        const title: string = `Burst ${n}-${i}`;
        let res: Response;
        try {
          res = await post(first, milestone(title));
        } catch {
          // The connection died with the server: this write was never acknowledged.
          return;
        }
        if (res.status !== 201) {
          throw new Error(`A create answered ${res.status}: ${await res.text()}`);
        }
        let body: Json;
        try {
          body = await res.json();
        } catch {
          return;
        }
        acks.push({ id: body.Id, title: body.Title });
        expect(body.Title).toBe(title);
        if (acks.length >= KILL_AFTER) {
          kill();
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    const exit = await first.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(acks.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // Every client took part in the burst.
    for (let n: number = 0; n < CLIENTS; n++) {
      expect(acks.some((a) => a.title.startsWith(`Burst ${n}-`))).toBe(true);
    }

    // Restart on the same folder, without --reset.
    const second: IStartedServer = await startServer(dataDir);
    expect(second.output()).not.toMatch(/seeded \d+ items/);
    const after: Json[] = await items(second, 'Milestones');
    const byId: Map<number, string> = new Map<number, string>(after.map((m) => [m.Id as number, m.Title as string]));
    for (const ack of acks) {
      expect(byId.get(ack.id)).toBe(ack.title);
    }
    const ids: number[] = after.map((m) => m.Id);
    expect(new Set(ids).size).toBe(ids.length);
    const titles: string[] = after.map((m) => m.Title);
    expect(new Set(titles.filter((t) => t.startsWith('Burst '))).size).toBe(titles.filter((t) => t.startsWith('Burst ')).length);
    // At most the writes in flight at the kill were stored without an acknowledgement.
    const burst: number = titles.filter((t) => t.startsWith('Burst ')).length;
    expect(burst).toBeGreaterThanOrEqual(acks.length);
    expect(burst).toBeLessThanOrEqual(acks.length + CLIENTS);
    // The seeded programme is intact and was not seeded again.
    expect(after.filter((m) => m.Id <= SEEDED_MILESTONES)).toHaveLength(SEEDED_MILESTONES);
    expect(await items(second, 'Workstreams')).toEqual(seededWorkstreams);

    // The keyed create, retried after the crash, is refused by the key's unique column and adds none.
    const retried: Response = await post(second, { ...milestone('Keyed before the crash'), RequestKey: 'durability-key-1' });
    expect(retried.status).toBe(400);
    expect((await retried.json())['odata.error'].code).toBe('-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException');
    expect(after.filter((m) => m.Title === 'Keyed before the crash').map((m) => m.Id)).toEqual([keyedId]);
    const health: Json = await (await fetch(`${second.url}/_emulator/health`)).json();
    expect(health.status).toBe('ok');
    expect(health.lists.filter((l: Json) => l.title === 'Milestones')[0].items).toBe(after.length);

    // New ids carry on after the highest one stored; none is reused.
    const fresh: Response = await post(second, milestone('After the restart'));
    expect((await fresh.json()).Id).toBeGreaterThan(Math.max(...ids));

    const stopped = await stopServer(second, 'SIGINT');
    expect(stopped.code).toBe(0);

    // With the process gone, the file itself is sound and holds the same.
    const store: Store = Store.open(path.join(dataDir, 'improvement.sqlite'));
    try {
      expect(store.integrityCheck()).toBe('ok');
      const list = store.listByTitle('Milestones');
      expect(list && list.items.size).toBe(after.length + 1);
      expect(store.listByTitle('Workstreams')?.items.size).toBe(5);
    } finally {
      store.close();
    }
  });

});
