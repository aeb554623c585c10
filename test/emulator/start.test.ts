/**
 * `npm start`'s server: the built dist/node/start.js on a free port and a temporary data folder.
 * It prints where everything is, answers a plain curl, serves a landing page, keeps its data
 * across a restart without seeding again, seeds afresh with --reset, and stops cleanly on SIGINT.
 */
import * as http from 'http';
import { killAllServers, startServer, stopServer, tempDir, type IStartedServer, type Json } from './helpers';

/** A GET as curl sends it: the path exactly as typed, and no Accept header unless given one. */
function curl(server: IStartedServer, rawPath: string, headers: { [name: string]: string } = {}): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req: http.ClientRequest = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method: 'GET', headers: { Host: `localhost:${server.port}`, 'User-Agent': 'curl/8.5.0', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode || 0, contentType: String(res.headers['content-type'] || ''), body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const WORKSTREAMS: string = '/sites/improvement/_api/web/lists/getByTitle(%27Workstreams%27)/items';

async function health(server: IStartedServer): Promise<{ [title: string]: number }> {
  const body: Json = await (await fetch(`${server.url}/_emulator/health`)).json();
  return Object.fromEntries(body.lists.map((l: Json) => [l.title, l.items]));
}

describe('npm start', () => {
  const dataDir: string = tempDir('ph-start-');
  afterAll(() => killAllServers());

  it('prints where the stack is, answers curl, serves the landing page, and stops on SIGINT with 0', async () => {
    const s: IStartedServer = await startServer(dataDir);
    const out: string = s.output();
    expect(out).toContain(`Programme Highlights local stack on http://localhost:${s.port}/`);
    expect(out).toContain(`SharePoint REST  http://localhost:${s.port}/sites/improvement/_api/…`);
    expect(out).toContain(`Microsoft Graph  http://localhost:${s.port}/v1.0/…  (and https://localhost:${s.port}/v1.0/…)`);
    const dataLine: string = out.split('\n').filter((l) => /^ +Data +/.test(l))[0] || '';
    expect(dataLine.replace(/^ +Data +/, '')).toMatch(/ \(seeded \d+ items\)$/);
    expect(dataLine.replace(/^ +Data +/, '').replace(/ \(seeded \d+ items\)$/, '')).toBe(dataDir);
    expect(out).toMatch(/Acting as +Heidi Robinson unless a request says "Authorization: Bearer <login>"/);

    const r = await curl(s, WORKSTREAMS);
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^application\/json/);
    const workstreams: Json[] = JSON.parse(r.body).value;
    expect(workstreams.map((w) => w.Code)).toEqual(['GOV', 'PROC', 'PPD', 'PART', 'CCC']);
    // curl's own "Accept: */*" gets the same.
    const starAccept = await curl(s, WORKSTREAMS, { Accept: '*/*' });
    expect(JSON.parse(starAccept.body).value).toEqual(workstreams);

    // The page describing the stack: at "/", or where the banner says ("Stack details  <url>") once
    // "/" serves the dashboard itself.
    const details: RegExpExecArray | null = /Stack details +http:\/\/localhost:\d+(\/\S*)/.exec(out);
    const landing = await curl(s, details ? details[1] : '/');
    expect(landing.status).toBe(200);
    expect(landing.contentType).toMatch(/^text\/html/);
    const counts = await health(s);
    for (const [title, n] of Object.entries(counts)) {
      expect(landing.body).toContain(`<tr><td>${title.replace(/&/g, '&amp;')}</td><td>${n}</td>`);
    }
    const users: Json[] = await (await fetch(`${s.url}/_emulator/users`)).json();
    expect(users.length).toBeGreaterThan(5);
    for (const u of users) {
      expect(landing.body).toContain(`<code>${u.login}</code>`);
    }
    // How to run the add-in in Word: the certificate to trust and the manifest, both served.
    for (const link of ['/_emulator/certificate', '/addin/manifest.local.xml']) {
      expect(landing.body).toContain(`href="${link}"`);
    }
    const pem = await curl(s, '/_emulator/certificate');
    expect(pem.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const manifest = await curl(s, '/addin/manifest.local.xml');
    expect(manifest.status).toBe(200);
    expect(manifest.body).toContain('<SourceLocation DefaultValue="https://localhost:4321/addin/taskpane.html"');

    const unknown = await curl(s, '/no/such/page');
    expect(unknown.status).toBe(404);

    const stopped = await stopServer(s, 'SIGINT');
    expect(stopped).toEqual({ code: 0, signal: null });
    expect(s.output()).toContain('Stopping…');
  });

  it('keeps data across a restart without seeding again, and seeds afresh with --reset', async () => {
    let server: IStartedServer = await startServer(dataDir);
    const before = await health(server);
    expect(server.output()).not.toMatch(/seeded \d+ items/);
    const created: Response = await fetch(`${server.url}/sites/improvement/_api/web/lists/getByTitle('Workstreams')/items`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json;charset=utf-8', Authorization: 'Bearer heidi.robinson@improvement.example' },
      body: JSON.stringify({ Title: 'Written before the restart', Code: 'RST' })
    });
    expect(created.status).toBe(201);
    const id: number = (await created.json()).Id;
    expect((await stopServer(server, 'SIGINT')).code).toBe(0);

    server = await startServer(dataDir);
    expect(server.output()).not.toMatch(/seeded \d+ items/);
    const after = await health(server);
    expect(after).toEqual({ ...before, Workstreams: before.Workstreams + 1 });
    const again = await curl(server, WORKSTREAMS);
    const titles: Json[] = JSON.parse(again.body).value;
    expect(titles.filter((w) => w.Id === id).map((w) => w.Title)).toEqual(['Written before the restart']);
    expect((await stopServer(server, 'SIGINT')).code).toBe(0);

    server = await startServer(dataDir, ['--reset']);
    expect(server.output()).toMatch(/seeded \d+ items/);
    const reseeded = await health(server);
    expect(reseeded).toEqual(before);
    const fresh: Json[] = JSON.parse((await curl(server, WORKSTREAMS)).body).value;
    expect(fresh.map((w) => w.Code)).toEqual(['GOV', 'PROC', 'PPD', 'PART', 'CCC']);
    expect((await stopServer(server, 'SIGINT')).code).toBe(0);
  });
});
