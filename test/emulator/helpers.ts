/**
 * Helpers for the emulator's own tests: plain fetch calls to SharePoint REST and Graph on an
 * emulator started in-process, the real @pnp/sp acting as a user, and the child-process tools
 * for the tests that run the built `npm start` server.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';
import { BearerLogin } from '../../src/data/sharepoint/PnpRepository';
import type { Emulator } from '../../src/emulator/server';

export { startStack, USERS } from '../data/support/stack';

/** The project's folder. */
export const ROOT: string = path.resolve(__dirname, '../..');

/** The project's Node 22 (the system node may be older and lack node:sqlite). */
export const NODE: string = fs.existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;

/** A JSON object as the emulator answers it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** What a call answered: status, headers and the body as text and (when it is JSON) parsed. */
export interface IReply {
  status: number;
  headers: Headers;
  text: string;
  body: Json;
}

/** Reads a response into an {@link IReply}. */
export async function reply(res: Response): Promise<IReply> {
  const text: string = await res.text();
  let body: Json = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** Options of one SharePoint REST call. */
export interface ICallOptions {
  method?: string;
  /** A login to send as "Authorization: Bearer <login>"; null for no Authorization header. */
  as?: string | null;
  headers?: { [name: string]: string };
  body?: unknown;
}

/**
 * Calls `{site}/_api/{apiPath}` as pnpjs would: Accept and Content-Type application/json, with a
 * bearer login (the programme office lead unless told otherwise).
 */
export async function sp(emu: Emulator, apiPath: string, options: ICallOptions = {}): Promise<IReply> {
  const headers: { [name: string]: string } = { Accept: 'application/json', 'Content-Type': 'application/json;charset=utf-8', ...(options.headers || {}) };
  const as: string | null = options.as === undefined ? 'heidi.robinson@improvement.example' : options.as;
  if (as !== null) {
    headers.Authorization = `Bearer ${as}`;
  }
  const body: string | undefined = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  return reply(await fetch(`${emu.siteUrl}/_api/${apiPath}`, { method: options.method || 'GET', headers, body }));
}

/** `web/lists/getByTitle('<title>')` with the title quoted and encoded as pnpjs does. */
export function listPath(title: string): string {
  return `web/lists/getByTitle('${encodeURIComponent(title.replace(/'/g, "''"))}')`;
}

/** Every item of a list (one page of up to 5,000), as the lead sees it. */
export async function allItems(emu: Emulator, title: string, select?: string): Promise<Json[]> {
  const r: IReply = await sp(emu, `${listPath(title)}/items?$top=5000${select ? `&$select=${select}` : ''}`);
  if (r.status !== 200) {
    throw new Error(`Reading ${title} answered ${r.status}: ${r.text}`);
  }
  return r.body.value;
}

/** The real @pnp/sp with the SPBrowser behaviour, acting as a user (or the default user with null). */
export function pnp(emu: Emulator, login: string | null): SPFI {
  const sp0: SPFI = spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }));
  return login === null ? sp0 : sp0.using(BearerLogin(login));
}

/** The body of a failed pnpjs call (HttpRequestError) as status and parsed JSON. */
export async function pnpFailure(work: Promise<unknown>): Promise<{ status: number; body: Json }> {
  try {
    await work;
  } catch (e) {
    const err = e as { status?: number; response?: Response };
    if (err && typeof err.status === 'number' && err.response) {
      const text: string = await err.response.clone().text();
      return { status: err.status, body: text ? JSON.parse(text) : undefined };
    }
    throw e;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}

/** The error code and message of a SharePoint error body (minimal or verbose). */
export function spErrorOf(body: Json): { code: string; message: string } {
  const e: Json = body && (body['odata.error'] || body.error);
  if (!e) {
    throw new Error(`Not a SharePoint error body: ${JSON.stringify(body)}`);
  }
  return { code: e.code, message: e.message.value };
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A port free at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server: net.Server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port: number = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** The built `npm start` server running as a child process. */
export interface IStartedServer {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const START_JS: string = path.join(ROOT, 'dist/node/start.js');

function newestSource(dir: string): number {
  let newest: number = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full: string = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function runBuild(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const build: ChildProcess = spawn(NODE, [path.join(ROOT, 'config/build.mjs'), 'node'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    build.on('error', reject);
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node config/build.mjs node exited with ${code}`))));
  });
}

const LOCK: string = path.join(os.tmpdir(), `programme-highlights-build-${Buffer.from(ROOT).toString('hex').slice(-24)}.lock`);

/**
 * Runs `work` holding a lock folder shared by the test files in every Jest worker, so that no
 * file rebuilds dist/node while another is starting a server from it.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const started: number = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than a minute was left by a process that died holding it.
      const age: number = fs.existsSync(LOCK) ? Date.now() - fs.statSync(LOCK).mtimeMs : 0;
      if (age > 60000 || Date.now() - started > 60000) {
        fs.rmSync(LOCK, { recursive: true, force: true });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

async function buildIfStale(): Promise<string> {
  if (!fs.existsSync(START_JS) || fs.statSync(START_JS).mtimeMs < newestSource(path.join(ROOT, 'src'))) {
    await runBuild();
  }
  return START_JS;
}

/**
 * Builds the CLI (`node config/build.mjs node`, with the project's Node) unless dist/node/start.js
 * is newer than every source file. Jest's global setup has usually just built it.
 */
export function ensureBuilt(): Promise<string> {
  return withBuildLock(buildIfStale);
}

const running: Set<IStartedServer> = new Set<IStartedServer>();

/** Kills every server this test file started that is still running (for afterAll). */
export async function killAllServers(): Promise<void> {
  await Promise.all(Array.from(running).map((s) => stopServer(s, 'SIGKILL')));
}

/**
 * Spawns `node dist/node/start.js --port <port> --data <dir> [extra]` and waits for its ready
 * line ("Programme Highlights local stack on http://localhost:<port>/") and the rest of its
 * banner, which ends "Press Ctrl-C to stop.".
 */
export function startServer(dataDir: string, extra: string[] = [], port?: number): Promise<IStartedServer> {
  // The lock is held until the server is up, so dist/node/start.js is not rewritten while it loads.
  return withBuildLock(async () => spawnServer(await buildIfStale(), dataDir, extra, port));
}

async function spawnServer(script: string, dataDir: string, extra: string[], port?: number): Promise<IStartedServer> {
  const p: number = port || (await freePort());
  const child: ChildProcess = spawn(NODE, [script, '--port', String(p), '--data', dataDir, ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out: string = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal })));
  const server: IStartedServer = { child, port: p, url: `http://localhost:${p}`, output: () => out, exited };
  running.add(server);
  void exited.then(() => running.delete(server));
  const ready: string = `Programme Highlights local stack on http://localhost:${p}/`;
  await new Promise<void>((resolve, reject) => {
    const timer: NodeJS.Timeout = setTimeout(() => reject(new Error(`The server did not start in time. It printed:\n${out}`)), 20000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      if (out.indexOf(ready) >= 0 && out.indexOf('Press Ctrl-C to stop.') > out.indexOf(ready)) {
        clearTimeout(timer);
        resolve();
      }
    };
    (child.stdout as NodeJS.ReadableStream).on('data', onData);
    (child.stderr as NodeJS.ReadableStream).on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code === null ? signal : code}) before it was ready. It printed:\n${out}`));
    });
  });
  return server;
}

/** Stops a started server with a signal and waits for it to exit. */
export async function stopServer(server: IStartedServer, signal: NodeJS.Signals = 'SIGINT'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill(signal);
  }
  return server.exited;
}
