/**
 * Nothing lost under faults: storms of 429 and 503 with Retry-After absorbed by the clients or
 * reported with when to retry; the local stack killed with -9 during bursts of writes from several
 * clients and restarted, with every acknowledged write present once and the database intact; and
 * a period locked while someone is editing it, so that an edit either lands in the locked report
 * or is refused — never saved and missing from what the Board was told.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { spfi, SPBrowser } from '@pnp/sp';
import { isDataError } from '../../src/data/errors';
import { BearerLogin, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import type { IProgrammeRepository } from '../../src/data/repository';
import type { Emulator } from '../../src/emulator/server';
import { Store } from '../../src/emulator/store';
import { IMPLEMENTATIONS, pnp, startStack, USERS } from '../data/support/stack';
import { record } from './support/counts';
import { failure } from '../support/dataFailure';

const NOVDEC = 2;

describe.each(IMPLEMENTATIONS)('a storm of 429 and 503 answers, through %s', (_name, make) => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  it("is absorbed by the client's own retries, without duplicating a create", async () => {
    const repo: IProgrammeRepository = make(emu, USERS.lead);
    await repo.getPeriods();
    let injected = 0;
    for (const status of [429, 503] as const) {
      emu.setFaults({ rate: 0.6, status, retryAfterSeconds: 1, maxPerRequest: 2 });
      const picture = await repo.getPeriodPicture(NOVDEC);
      const m = picture.milestones[2];
      const saved = await repo.update('milestone', m.id, { status: `Retried through ${status}s` }, m.etag);
      expect(saved.status).toBe(`Retried through ${status}s`);
      const title = `Risk raised through a storm of ${status}s ${Math.random()}`;
      await repo.create('risk', { workstreamId: 1, description: title, mitigation: 'Watch it.', state: 'Open', raisedPeriodId: NOVDEC, order: 20 });
      injected += emu.stats.faultsInjected;
      emu.setFaults({ rate: 0 });
      const risks = (await repo.getPeriodPicture(NOVDEC)).risks.filter((r) => r.description === title);
      expect(risks).toHaveLength(1);
    }
    expect(injected).toBeGreaterThan(0);
    record('Faults: throttling storms', { inputs: 6, faults: injected });
  }, 120000);

  it('that does not let up is reported as throttled with when to retry, and changes nothing', async () => {
    const repo: IProgrammeRepository = make(emu, USERS.lead);
    const picture = await repo.getPeriodPicture(NOVDEC);
    const m = picture.milestones[4];
    emu.setFaults({ rate: 1, status: 503, retryAfterSeconds: 1, maxPerRequest: 1000 });
    const error = await failure(repo.update('milestone', m.id, { status: 'Never saved' }, m.etag));
    const injected = emu.stats.faultsInjected;
    emu.setFaults({ rate: 0 });
    expect(error.kind).toBe('throttled');
    expect(error.retryAfterSeconds).toBe(1);
    expect((await repo.get('milestone', m.id)).status).toBe(m.status);
    record('Faults: throttling storms', { inputs: 1, faults: injected });
  }, 120000);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function startProcess(port: number, dataDir: string, reset: boolean): Promise<ChildProcess> {
  const script = path.resolve(__dirname, '../../dist/node/start.js');
  const child = spawn(process.execPath, [script, '--port', String(port), '--data', dataDir, ...(reset ? ['--reset'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`The local stack did not start:\n${out}`)), 20000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (/local stack on/.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The local stack exited (${code}):\n${out}`));
    });
  });
}

describe('the local stack killed with -9 during bursts of writes', () => {
  it('keeps every acknowledged write, once, and its database intact', async () => {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-kill-'));
    let server: ChildProcess = await startProcess(port, dataDir, true);
    const site = `http://localhost:${port}/sites/improvement`;
    const clients = 4;
    const perClient = 40;
    const acknowledged: Set<string> = new Set<string>();
    let kills = 0;
    let clientRetries = 0;

    const client = async (c: number): Promise<void> => {
      const repo = new PnpRepository(spfi(site).using(SPBrowser({ baseUrl: site }), BearerLogin(USERS.lead)));
      for (let n = 0; n < perClient; n++) {
        const title = `Client ${c} write ${n}`;
        // One key for this write, kept across every retry: a create that landed just before the
        // kill is found again, not made twice.
        const requestKey = `client-${c}-write-${n}`;
        for (let attempt = 0; ; attempt++) {
          try {
            await repo.create('milestone', { workstreamId: 1 + (n % 5), periodId: NOVDEC, timing: 'ThisPeriod', title, order: 100 + n }, { requestKey });
            acknowledged.add(title);
            break;
          } catch (e) {
            if (!isDataError(e, 'network') && !isDataError(e, 'throttled') && !isDataError(e, 'unknown')) {
              throw e;
            }
            clientRetries++;
            if (attempt > 100) {
              throw new Error(`Client ${c} gave up on write ${n}: ${(e as Error).message}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 150));
          }
        }
      }
    };

    const killer = (async (): Promise<void> => {
      for (const threshold of [40, 100]) {
        while (acknowledged.size < threshold) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        server.kill('SIGKILL');
        kills++;
        await new Promise((resolve) => server.once('exit', resolve));
        server = await startProcess(port, dataDir, false);
      }
    })();

    await Promise.all([...Array.from({ length: clients }, (_v, c) => client(c)), killer]);

    // Every acknowledged write is there, exactly once.
    const res = await fetch(`${site}/_api/web/lists/getByTitle('Milestones')/items?$select=Title&$filter=${encodeURIComponent("startswith(Title,'Client ')")}&$top=5000`, {
      headers: { Accept: 'application/json' }
    });
    const titles: string[] = (await res.json()).value.map((v: { Title: string }) => v.Title);
    expect(acknowledged.size).toBe(clients * perClient);
    expect(titles.filter((t) => acknowledged.has(t)).length).toBe(acknowledged.size);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.length).toBe(acknowledged.size);
    // The seeded programme survived too.
    const workstreams = await (await fetch(`${site}/_api/web/lists/getByTitle('Workstreams')/items`, { headers: { Accept: 'application/json' } })).json();
    expect(workstreams.value).toHaveLength(5);

    server.kill('SIGINT');
    await new Promise((resolve) => server.once('exit', resolve));
    const store = Store.open(path.join(dataDir, 'improvement.sqlite'));
    expect(store.integrityCheck()).toBe('ok');
    store.close();
    record('Faults: kill -9 during bursts of writes', { inputs: acknowledged.size, faults: kills + clientRetries });
  }, 180000);
});

describe('a period locked while someone is editing it', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  it("refuses an edit begun before the lock and saved after it, changing nothing", async () => {
    const lead = pnp(emu, USERS.lead);
    const manager = pnp(emu, USERS.manager);
    const period = await lead.createPeriod({ title: 'April 2031', start: '01/04/2031', end: '30/04/2031' });
    const milestone = await manager.create('milestone', { workstreamId: 1, periodId: period.id, timing: 'ThisPeriod', title: 'Open the consultation', status: 'Ongoing', order: 1 });
    const opened = await manager.get('milestone', milestone.id);
    await lead.lockPeriod(period.id, { allowUnapproved: true, reason: 'Test of a lock during an edit.' });
    const refused = await failure(manager.update('milestone', milestone.id, { status: 'Complete' }, opened.etag));
    expect(refused.kind).toBe('locked');
    const locked = await lead.getPeriodPicture(period.id);
    expect(locked.milestones.filter((m) => m.id === milestone.id)[0].status).toBe('Ongoing');
    record('Faults: lock during an edit', { inputs: 1 });
  });

  it('never keeps an edit that landed as the period locked out of the locked report', async () => {
    const lead = pnp(emu, USERS.lead);
    const manager = pnp(emu, USERS.manager);
    let rounds = 0;
    for (let month = 5; month <= 10; month++) {
      const mm = String(month).padStart(2, '0');
      const period = await lead.createPeriod({ title: `Month ${mm} 2031`, start: `01/${mm}/2031`, end: `28/${mm}/2031` });
      const milestone = await manager.create('milestone', { workstreamId: 1, periodId: period.id, timing: 'ThisPeriod', title: `Milestone of ${mm}/2031`, status: 'Ongoing', order: 1 });
      const edit = `Edited as ${mm}/2031 locked`;
      const [saved, locked] = await Promise.allSettled([
        manager.update('milestone', milestone.id, { status: edit }, milestone.etag),
        lead.lockPeriod(period.id, { allowUnapproved: true, reason: 'Race test.' })
      ]);
      expect(locked.status).toBe('fulfilled');
      const reported = (await lead.getPeriodPicture(period.id)).milestones.filter((m) => m.id === milestone.id)[0].status;
      if (saved.status === 'fulfilled') {
        // The edit landed: the locked report shows it.
        expect(reported).toBe(edit);
      } else {
        // Refused: what the report shows and what the list holds are both the old status.
        expect(isDataError(saved.reason, 'locked')).toBe(true);
        expect(reported).toBe('Ongoing');
        const direct = await (await fetch(`${emu.siteUrl}/_api/web/lists/getByTitle('Milestones')/items(${milestone.id})?$select=MilestoneStatus`, { headers: { Accept: 'application/json' } })).json();
        expect(direct.MilestoneStatus).toBe('Ongoing');
      }
      rounds++;
    }
    record('Faults: lock during an edit', { inputs: rounds });
  }, 120000);
});
