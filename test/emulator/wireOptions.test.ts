/**
 * The emulator's options for wire behaviours reports disagree on (IFaults): SharePoint's
 * poisoned $batch (pnp/pnpjs #486, #1275) and Graph's plain 429 at the list view threshold
 * (msgraph-sdk-dotnet #827, microsoft-graph-docs #8450) — set at start or through /_emulator/faults.
 */
import type { Emulator } from '../../src/emulator/server';
import { allItems, reply, startStack, USERS, type IReply, type Json } from './helpers';

function batchBody(boundary: string, emu: Emulator, parts: Array<{ method: string; path: string; body?: object }>): string {
  const out: string[] = [];
  for (const p of parts) {
    out.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `${p.method} ${emu.siteUrl}/_api/${p.path} HTTP/1.1`, 'Accept: application/json');
    if (p.body) {
      out.push('Content-Type: application/json', '', JSON.stringify(p.body));
    } else {
      out.push('');
    }
    out.push('');
  }
  out.push(`--${boundary}--`, '');
  return out.join('\r\n');
}

async function statuses(emu: Emulator, parts: Array<{ method: string; path: string; body?: object }>): Promise<{ codes: string[]; text: string }> {
  const res: Response = await fetch(`${emu.siteUrl}/_api/$batch`, { method: 'POST', headers: { Authorization: `Bearer ${USERS.lead}`, 'Content-Type': 'multipart/mixed; boundary=x' }, body: batchBody('x', emu, parts) });
  const text: string = await res.text();
  return { codes: (text.match(/HTTP\/1\.1 \d{3}/g) || []).map((s) => s.slice(9)), text };
}

const MISSING = { method: 'GET', path: "web/lists/getByTitle('No%20such%20list')/items" };
const READ = { method: 'GET', path: "web/lists/getByTitle('Milestones')/items?$top=1" };

describe('emulator wire options', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());
  afterEach(() => emu.setFaults({ poisonedBatch: false, plainGraphThreshold: false, rate: 0 }));

  it('answers every part of a $batch on its own by default', async () => {
    expect((await statuses(emu, [READ, MISSING, READ])).codes).toEqual(['200', '404', '200']);
  });

  it('poisons the parts after a failed one when asked, and does not run them', async () => {
    const set: IReply = await reply(await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ poisonedBatch: true }) }));
    expect(set.body.poisonedBatch).toBe(true);
    const before: number = (await allItems(emu, 'Milestones', 'Id')).length;
    const create = { method: 'POST', path: "web/lists/getByTitle('Milestones')/items", body: { Title: 'After a failure', WorkstreamId: 1, ReportingPeriodId: 2, Timing: 'This period' } };
    const { codes, text } = await statuses(emu, [READ, MISSING, READ, create]);
    expect(codes).toEqual(['200', '404', '500', '500']);
    const bodies: Json[] = text
      .split(/\r?\n/)
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    const poisoned: Json = bodies[bodies.length - 1]['odata.error'];
    expect(poisoned).toEqual({ code: '-1, System.IndexOutOfRangeException', message: { lang: 'en-US', value: 'Index was outside the bounds of the array.' } });
    expect((await allItems(emu, 'Milestones', 'Id')).length).toBe(before);
  });

  it('answers a Graph query over the threshold with a plain 429 when asked, naming no threshold and giving no Retry-After', async () => {
    emu.site.threshold = 10;
    try {
      const url: string = `${emu.url}/v1.0/sites/localhost:/sites/improvement:/lists/Milestones/items?expand=fields&$filter=fields/ReportingPeriodLookupId eq '2'`;
      const named: Response = await fetch(url, { headers: { Authorization: `Bearer ${USERS.lead}` } });
      expect(named.status).toBe(429);
      expect(JSON.stringify(await named.json())).toMatch(/list view threshold/);
      emu.setFaults({ plainGraphThreshold: true });
      const plain: Response = await fetch(url, { headers: { Authorization: `Bearer ${USERS.lead}` } });
      expect(plain.status).toBe(429);
      expect(plain.headers.get('retry-after')).toBeNull();
      const body: Json = await plain.json();
      expect(body.error.code).toBe('activityLimitReached');
      expect(body.error.message).toBe('The request has been throttled');
    } finally {
      emu.site.threshold = 5000;
    }
  });
});
