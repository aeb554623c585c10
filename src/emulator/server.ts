/**
 * The local SharePoint + Graph emulator: one server on one port speaking HTTP and HTTPS (the
 * first byte of a connection tells which), provisioned from the .sppkg's list XML, seeded
 * through its own REST API, with fault injection (429/503 with Retry-After, latency, a lower
 * list view threshold) and request counts for tests and benchmarks. Development and tests only.
 *
 * It serves a tenant's sites, as a Teams tab meets them: the programme site (/sites/improvement)
 * holding the lists, one team site per workstream group (/sites/gov, …) holding none of them,
 * and the tenant's root site (/_api/web). It answers cross-origin requests from its own origins only.
 */
import { createHash, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as path from 'path';
import type { ISeedProgramme } from '../fixtures/improvementPlanPhase2';
import { parseBatch, partToRequest, writeBatchResponse, BatchFormatError } from './batch';
import { localhostCertificate, type ICertificate } from './certificate';
import { graphError, handleGraph, handleGraphBatch } from './graph';
import { bearerLogin, empty, json, type IEmuRequest, type IEmuResponse } from './http';
import { loadListDefinitions, type IListDefinition } from './schema';
import { seedSite, type ISeedResult } from './seed';
import { FIRST_USER_ID, roleOn, SITE_GROUPS } from './siteConfig';
import { storageEntityKey } from './provisioning';
import { seededRandom } from './random';
import { Site, TIME_ZONES, type ISiteTimeZone } from './site';
import type { RoleName } from './store';
import { isValidDigest } from './rest/digest';
import { metadataLevel, spError } from './rest/shapes';
import { handleSharePointRest, type ICaller } from './sprest';
import { Store, type IUser } from './store';

/** The tenant property that names the programme site (src/data/provisioning/site.ts reads it). */
const TENANT_SETTING: string = 'ProgrammeHighlightsSite';

/** Injected faults. */
export interface IFaults {
  /** Share of API requests answered with `status` instead (0 to 1). */
  rate: number;
  status: 429 | 503;
  retryAfterSeconds: number;
  /** How many times the same request (method, URL, body) may be refused before it is let through. */
  maxPerRequest: number;
  /** Added to every API response. */
  latencyMs: number;
  /**
   * SharePoint $batch: every part after a failed one is not run and answers
   * `500 -1, System.IndexOutOfRangeException` ("Index was outside the bounds of the array.").
   * UNCONFIRMED whether SharePoint Online still does this, and whether the later parts ran:
   * reported in pnp/pnpjs #486 (2019) and #1275 (2020); modelled as not run. An option, so the
   * product is tested under both.
   */
  poisonedBatch: boolean;
  /**
   * Graph answers a query over the list view threshold with a plain 429 "The request has been
   * throttled" (code activityLimitReached), with no word of the threshold and no Retry-After —
   * as msgraph-sdk-dotnet #827 and microsoft-graph-docs #8450 report. Off, the 429 names the
   * threshold (UNCONFIRMED wording). An option, so the product is tested under both.
   */
  plainGraphThreshold: boolean;
}

/** Options for {@link startEmulator}. */
export interface IEmulatorOptions {
  /** Folder for the database and the localhost certificate. */
  dataDir: string;
  /** Port; 0 picks a free one. */
  port?: number;
  host?: string;
  siteName?: string;
  /** Seeds the site on first start with this programme; false for an empty site. */
  seed?: ISeedProgramme | false;
  /** Users and their groups when not seeding a programme. */
  users?: ISeedProgramme['users'];
  /** Deletes the data folder's database first. */
  reset?: boolean;
  /** The caller of a request with no Authorization header (default: the first programme office user). */
  defaultLogin?: string;
  threshold?: number;
  faults?: Partial<IFaults>;
  /** Folder of the provisioning XML (default: the project's sharepoint/assets). */
  assetsDir?: string;
  /** Serves anything that is not an API request: pages, scripts. */
  pages?: (req: IEmuRequest) => Promise<IEmuResponse | undefined> | IEmuResponse | undefined;
  /** Called with one line per request when set. */
  log?: (line: string) => void;
  /**
   * The sites' regional time zone: a name from TIME_ZONES ("london", "pacific", …) or a zone
   * (default London). Date-only columns hold the instant the day starts in it.
   */
  timeZone?: string | ISiteTimeZone;
  /**
   * The workstream groups' team sites, each at /sites/<code in lower case> (default: one per
   * workstream of the seed programme; none without a seed).
   */
  teamSites?: ITeamSite[];
  /**
   * Tenant properties (storage entities in the tenant app catalog), readable from every site with
   * GetStorageEntity. Default: ProgrammeHighlightsSite names the programme site, as the README's
   * deploy steps have the admin set it; {} for a tenant where it is not set.
   */
  tenantSettings?: { [key: string]: string };
}

/** A workstream group's team site (the site behind its team in Teams). */
export interface ITeamSite {
  /** The workstream's code: GOV gives /sites/gov. */
  code: string;
  /** The team's name. */
  title: string;
  /** Logins in the site's Owners group (Full Control). */
  owners: string[];
  /** Logins in the site's Members group (Edit: the default Members level, which includes Manage Lists). */
  members: string[];
}

/** Counts of what reached the server. */
export interface IRequestStats {
  /** API requests over the wire; a $batch counts once. */
  roundTrips: number;
  /** Requests carried inside batches. */
  batchParts: number;
  /** Requests answered by fault injection. */
  faultsInjected: number;
  /** Bytes of API response bodies sent. */
  bytesOut: number;
  byKind: { [kind: string]: number };
  /** The last requests, newest last, with the bytes of each response body. */
  recent: Array<{ method: string; path: string; status: number; bytes: number }>;
  /** The last requests carried inside batches, newest last, with the bytes of each part's body. */
  recentParts: Array<{ method: string; path: string; status: number; bytes: number }>;
}

const DEFAULT_FAULTS: IFaults = { rate: 0, status: 429, retryAfterSeconds: 1, maxPerRequest: 1, latencyMs: 0, poisonedBatch: false, plainGraphThreshold: false };

/** The body SharePoint gives the parts of a $batch after a failed one (pnp/pnpjs #486, #1275). */
const POISONED_CODE: string = '-1, System.IndexOutOfRangeException';
const POISONED_MESSAGE: string = 'Index was outside the bounds of the array.';
const MAX_BODY: number = 25 * 1024 * 1024;

/** The project's folder, found from this file whether run from src or a bundle. */
export function projectRoot(): string {
  let dir: string = __dirname;
  for (let i: number = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'sharepoint', 'assets', 'elements.xml'))) {
      return dir;
    }
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** A running emulator. */
export class Emulator {
  /** The programme site. */
  public readonly site: Site;
  /** Every site: the programme site, the team sites, and the tenant's root site last. */
  public readonly sites: readonly Site[];
  public readonly store: Store;
  public readonly certificate: ICertificate;
  public readonly stats: IRequestStats = { roundTrips: 0, batchParts: 0, faultsInjected: 0, bytesOut: 0, byKind: {}, recent: [], recentParts: [] };
  public faults: IFaults;
  public port: number = 0;
  public seeded?: ISeedResult;
  /** The site was started empty (npm start -- --empty), and is never seeded. */
  public emptyStart: boolean = false;
  private readonly _options: IEmulatorOptions;
  private readonly _defaultUser: IUser;
  private readonly _refusals: Map<string, number> = new Map<string, number>();
  private readonly _sockets: Set<net.Socket> = new Set<net.Socket>();
  private _server?: net.Server;
  private _http?: http.Server;
  private _https?: https.Server;
  private _random: () => number;

  constructor(options: IEmulatorOptions, store: Store, site: Site, certificate: ICertificate, otherSites: Site[] = []) {
    this._options = options;
    this.store = store;
    this.site = site;
    this.sites = [site, ...otherSites];
    this.certificate = certificate;
    this.faults = { ...DEFAULT_FAULTS, ...(options.faults || {}) };
    this._random = seededRandom(42);
    const lead: IUser | undefined = options.defaultLogin ? site.userByLogin(options.defaultLogin) : store.users[0];
    if (!lead) {
      throw new Error(`The default user ${options.defaultLogin || '(first user)'} is not a user of the site.`);
    }
    this._defaultUser = lead;
  }

  /** http://host:port */
  public get url(): string {
    return `http://${this._host}:${this.port}`;
  }

  /** https://host:port — the same server. */
  public get httpsUrl(): string {
    return `https://${this._host}:${this.port}`;
  }

  /** The programme site's URL. */
  public get siteUrl(): string {
    return `${this.url}${this.site.serverRelativeUrl}`;
  }

  /** A site by server-relative URL ("/sites/gov", "/"), or undefined. */
  public siteAt(serverRelativeUrl: string): Site | undefined {
    const wanted: string = normalSitePath(serverRelativeUrl);
    return this.sites.filter((s) => normalSitePath(s.serverRelativeUrl) === wanted)[0];
  }

  /** The origins this stack answers cross-origin requests from: its own, by either name and scheme. */
  public get allowedOrigins(): string[] {
    const hosts: string[] = ['localhost', '127.0.0.1'];
    const configured: string | undefined = this._options.host;
    if (configured && configured !== '0.0.0.0' && configured !== '::' && hosts.indexOf(configured) < 0) {
      hosts.push(configured);
    }
    const out: string[] = [];
    for (const scheme of ['http', 'https']) {
      for (const h of hosts) {
        out.push(`${scheme}://${h}:${this.port}`);
      }
    }
    return out;
  }

  public get defaultUser(): IUser {
    return this._defaultUser;
  }

  private get _host(): string {
    const h: string = this._options.host || 'localhost';
    return h === '127.0.0.1' || h === '0.0.0.0' ? 'localhost' : h;
  }

  /** Sets injected faults; fields not given keep their values. */
  public setFaults(faults: Partial<IFaults>): void {
    this.faults = { ...this.faults, ...faults };
    this._refusals.clear();
    this._random = seededRandom(42);
  }

  public resetStats(): void {
    this.stats.roundTrips = 0;
    this.stats.batchParts = 0;
    this.stats.faultsInjected = 0;
    this.stats.bytesOut = 0;
    this.stats.byKind = {};
    this.stats.recent = [];
    this.stats.recentParts = [];
  }

  /** Starts listening. */
  public async listen(): Promise<void> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      this._serve(req, res).catch((e: unknown) => {
        const message: string = e instanceof Error ? e.stack || e.message : String(e);
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        }
        res.end(`Emulator error: ${message}`);
      });
    };
    this._http = http.createServer(handler);
    this._https = https.createServer({ key: this.certificate.key, cert: this.certificate.cert }, handler);
    this._server = net.createServer((socket: net.Socket) => {
      this._sockets.add(socket);
      socket.on('close', () => this._sockets.delete(socket));
      socket.once('data', (chunk: Buffer) => {
        socket.pause();
        socket.unshift(chunk);
        // A TLS connection opens with a handshake record (0x16); anything else is plain HTTP.
        ((chunk[0] === 0x16 ? this._https : this._http) as net.Server).emit('connection', socket);
        process.nextTick(() => socket.resume());
      });
      socket.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      (this._server as net.Server).once('error', reject);
      (this._server as net.Server).listen(this._options.port || 0, this._options.host || '127.0.0.1', () => resolve());
    });
    this.port = ((this._server as net.Server).address() as net.AddressInfo).port;
  }

  /** Stops the server and closes the database. */
  public async close(): Promise<void> {
    for (const s of Array.from(this._sockets)) {
      s.destroy();
    }
    if (this._server) {
      await new Promise<void>((resolve) => (this._server as net.Server).close(() => resolve()));
    }
    for (const site of this.sites) {
      site.store.close();
    }
  }

  private async _serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const secure: boolean = (req.socket as { encrypted?: boolean }).encrypted === true;
    const host: string = req.headers.host || `${this._host}:${this.port}`;
    let url: URL;
    try {
      url = new URL(req.url || '/', `${secure ? 'https' : 'http'}://${host}`);
    } catch {
      // A request target or Host header no URL can be made of ("//[", "Host: ["): refused as IIS does.
      req.resume();
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Bad Request: the request target or Host header is not valid.');
      return;
    }
    const body: string = await readBody(req);
    const headers: { [name: string]: string } = {};
    for (const [k, v] of Object.entries(req.headers)) {
      headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v || '';
    }
    const emuReq: IEmuRequest = { method: (req.method || 'GET').toUpperCase(), url, headers, body };
    let response: IEmuResponse;
    if (emuReq.headers.origin !== undefined && this.allowedOrigins.indexOf(emuReq.headers.origin.toLowerCase()) < 0) {
      // Another web page open in the same browser: without this it could read and write the
      // programme as the default user (no Authorization header needed) and inject faults. Its
      // preflight is refused, and so is a "simple" request, which a browser sends without one.
      const why: string = `Cross-origin requests are answered only from this stack's own origins (${this.allowedOrigins.join(', ')}).`;
      response = url.pathname.startsWith('/v1.0/') ? graphError(403, 'accessDenied', why, emuReq) : spError(metadataLevel(emuReq), 403, '-2147024891, System.UnauthorizedAccessException', why);
    } else {
      response = body.length > MAX_BODY ? empty(413) : await this.handle(emuReq);
      response = { ...response, headers: { ...response.headers, ...cors(emuReq) } };
    }
    res.writeHead(response.status, response.headers);
    res.end(response.body);
    if (this._options.log) {
      this._options.log(`${emuReq.method} ${url.pathname}${url.search} → ${response.status}`);
    }
  }

  /** Answers one request (used by the server and by tests that skip the network). */
  public async handle(req: IEmuRequest): Promise<IEmuResponse> {
    if (req.method === 'OPTIONS') {
      return empty(204);
    }
    const p: string = req.url.pathname;
    if (p.startsWith('/_emulator/')) {
      return this._admin(req);
    }
    const spSite: Site | undefined = this._siteOfPath(p);
    const sitePrefix: string = spSite ? spSite.apiPrefix : '';
    const isSp: boolean = spSite !== undefined;
    const isGraph: boolean = p.startsWith('/v1.0/');
    if (!isSp && !isGraph) {
      if (/^\/sites\/[^/]+\/_api\//i.test(p)) {
        return spError(metadataLevel(req), 404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
      }
      const page: IEmuResponse | undefined = this._options.pages ? await this._options.pages(req) : undefined;
      return page || { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `Not found: ${p}` };
    }

    const kind: string = isSp ? (/\/_api\/\$batch$/i.test(p) ? 'sp-batch' : 'sp') : p === '/v1.0/$batch' ? 'graph-batch' : 'graph';
    this.stats.roundTrips++;
    this.stats.byKind[kind] = (this.stats.byKind[kind] || 0) + 1;

    if (this.faults.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
    }
    const injected: IEmuResponse | undefined = this._inject(req, isSp);
    const response: IEmuResponse = injected || (spSite ? this._sharePoint(req, spSite, p.slice(sitePrefix.length), kind === 'sp-batch') : this._graph(req, p.slice('/v1.0/'.length), kind === 'graph-batch'));
    this.stats.bytesOut += Buffer.byteLength(response.body);
    this.stats.recent.push({ method: req.method, path: `${p}${req.url.search}`, status: response.status, bytes: Buffer.byteLength(response.body) });
    if (this.stats.recent.length > 200) {
      this.stats.recent.shift();
    }
    return response;
  }

  /** Notes one part of a $batch and what its answer weighed. */
  private _notePart(inner: IEmuRequest, answer: IEmuResponse): void {
    this.stats.recentParts.push({ method: inner.method, path: `${inner.url.pathname}${inner.url.search}`, status: answer.status, bytes: Buffer.byteLength(answer.body) });
    if (this.stats.recentParts.length > 1000) {
      this.stats.recentParts.shift();
    }
  }

  private _inject(req: IEmuRequest, isSp: boolean): IEmuResponse | undefined {
    if (this.faults.rate <= 0) {
      return undefined;
    }
    const key: string = createHash('sha1').update(`${req.method} ${req.url.pathname}${req.url.search}\n${req.body}`).digest('hex');
    const refused: number = this._refusals.get(key) || 0;
    if (refused >= this.faults.maxPerRequest || this._random() >= this.faults.rate) {
      this._refusals.delete(key);
      return undefined;
    }
    this._refusals.set(key, refused + 1);
    this.stats.faultsInjected++;
    const retry: { [name: string]: string } = { 'retry-after': String(this.faults.retryAfterSeconds) };
    if (isSp) {
      // UNCONFIRMED: SharePoint Online's exact throttling body; not SPQueryThrottledException,
      // which is the list view threshold's, a different failure that retrying does not cure.
      return this.faults.status === 429
        ? spError(metadataLevel(req), 429, '-2146233083, Microsoft.SharePoint.Client.RequestThrottledException', `The request has been throttled. Try again in ${this.faults.retryAfterSeconds} seconds.`, retry)
        : spError(metadataLevel(req), 503, '-2146233088, Microsoft.SharePoint.Client.ServerBusyException', 'The server is busy. Please try again later.', retry);
    }
    return this.faults.status === 429
      ? graphError(429, 'activityLimitReached', 'The request has been throttled', req, retry)
      : graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable.', req, retry);
  }

  /** The site whose REST API a path addresses (the longest matching prefix), or undefined. */
  private _siteOfPath(pathname: string): Site | undefined {
    const lower: string = pathname.toLowerCase();
    const matching: Site[] = this.sites.filter((s) => lower.startsWith(s.apiPrefix));
    matching.sort((a, b) => b.apiPrefix.length - a.apiPrefix.length);
    return matching[0];
  }

  /** The site a Graph path addresses: by path (sites/host:/sites/gov), by id, or "root" (the tenant's root site). */
  private _siteOfGraphPath(graphPath: string): Site {
    const byPath: RegExpExecArray | null = /^sites\/[^/:]+:(\/[^:]*?)(?::(\/.*)?)?$/.exec(graphPath);
    if (byPath) {
      return this.siteAt(safeDecode(byPath[1])) || this.site;
    }
    const byId: RegExpExecArray | null = /^sites\/([^/]+)/.exec(graphPath);
    if (byId) {
      const id: string = safeDecode(byId[1]);
      if (id === 'root') {
        return this.sites[this.sites.length - 1];
      }
      const guid: string | undefined = id.split(',')[1];
      return this.sites.filter((s) => s.store.siteGuid === guid)[0] || this.site;
    }
    return this.site;
  }

  private _caller(req: IEmuRequest, site: Site = this.site): ICaller | 'unknown' {
    const login: string | undefined = bearerLogin(req);
    if (login === undefined) {
      const user: IUser | undefined = site.userByLogin(this._defaultUser.login);
      return user ? { user, bearer: false } : 'unknown';
    }
    const user: IUser | undefined = site.userByLogin(login);
    return user ? { user, bearer: true } : 'unknown';
  }

  private _sharePoint(req: IEmuRequest, site: Site, apiPath: string, isBatch: boolean): IEmuResponse {
    const caller = this._caller(req, site);
    if (caller === 'unknown') {
      return json(401, { error_description: 'The bearer token does not name a user of this site.' }, { 'www-authenticate': 'Bearer realm="local", error="invalid_token"' });
    }
    const origin: string = req.url.origin;
    if (!isBatch) {
      return handleSharePointRest(req, site, caller, origin, apiPath);
    }
    if (req.method !== 'POST') {
      return spError(metadataLevel(req), 405, '-1, System.InvalidOperationException', '$batch accepts POST only.');
    }
    if (!caller.bearer && !isValidDigest(req.headers['x-requestdigest'])) {
      return spError(metadataLevel(req), 403, '-2130575251, Microsoft.SharePoint.SPException', "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.");
    }
    let parts;
    try {
      parts = parseBatch(req.headers['content-type'], req.body);
    } catch (e) {
      if (e instanceof BatchFormatError) {
        return spError(metadataLevel(req), 400, '-1, Microsoft.Data.OData.ODataException', `The batch request is not valid: ${e.message}.`);
      }
      throw e;
    }
    this.stats.batchParts += parts.length;
    const innerCaller: ICaller = { user: caller.user, bearer: true };
    const prefix: string = site.apiPrefix;
    let failed: boolean = false;
    const responses: IEmuResponse[] = parts.map((part) => {
      const inner: IEmuRequest = partToRequest(part, req.url);
      if (failed && this.faults.poisonedBatch) {
        return spError(metadataLevel(inner), 500, POISONED_CODE, POISONED_MESSAGE);
      }
      const answer: IEmuResponse =
        inner.url.origin !== req.url.origin || this._siteOfPath(inner.url.pathname) !== site
          ? spError(metadataLevel(inner), 400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `A batch request must address this site: ${part.url}`)
          : handleSharePointRest(inner, site, innerCaller, origin, inner.url.pathname.slice(prefix.length));
      failed = failed || answer.status >= 400;
      this._notePart(inner, answer);
      return answer;
    });
    const written = writeBatchResponse(responses);
    return { status: 200, headers: { 'content-type': written.contentType }, body: written.body };
  }

  private _graph(req: IEmuRequest, graphPath: string, isBatch: boolean): IEmuResponse {
    const caller = this._caller(req, this._siteOfGraphPath(graphPath));
    if (caller === 'unknown') {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', req);
    }
    // Graph links are https, whichever scheme the request came in on.
    const origin: string = `https://${req.url.host}`;
    if (isBatch) {
      if (req.method !== 'POST') {
        return graphError(405, 'methodNotAllowed', '$batch accepts POST only.', req);
      }
      const batchResponse: IEmuResponse = handleGraphBatch(req, (inner) => {
        this.stats.batchParts++;
        const innerPath: string = inner.url.pathname.slice('/v1.0/'.length);
        const innerSite: Site = this._siteOfGraphPath(innerPath);
        const innerCaller = this._caller(inner, innerSite);
        if (innerCaller === 'unknown') {
          return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.', inner);
        }
        const answer: IEmuResponse = handleGraph(inner, innerSite, innerCaller.user, req.url.hostname, origin, innerPath, { plainThreshold: this.faults.plainGraphThreshold });
        this._notePart(inner, answer);
        return answer;
      });
      return batchResponse;
    }
    return handleGraph(req, this._siteOfGraphPath(graphPath), caller.user, req.url.hostname, origin, graphPath, { plainThreshold: this.faults.plainGraphThreshold });
  }

  private _admin(req: IEmuRequest): IEmuResponse {
    const p: string = req.url.pathname;
    if (p === '/_emulator/health') {
      return json(200, {
        status: 'ok',
        site: this.site.serverRelativeUrl,
        lists: this.store.lists.map((l) => ({ title: l.definition.title, items: l.items.size })),
        sites: this.sites.map((s) => ({ url: s.serverRelativeUrl, title: s.title, lists: s.store.lists.length }))
      });
    }
    if (p === '/_emulator/stats' && req.method === 'GET') {
      return json(200, this.stats);
    }
    if (p === '/_emulator/stats/reset' && req.method === 'POST') {
      this.resetStats();
      return empty(204);
    }
    if (p === '/_emulator/faults') {
      if (req.method === 'POST') {
        const usage: string = 'The body must be JSON: {"rate":0.2,"status":429,"retryAfterSeconds":1,"maxPerRequest":1,"latencyMs":0,"poisonedBatch":false,"plainGraphThreshold":false}';
        let asked: unknown;
        try {
          asked = JSON.parse(req.body || '{}');
        } catch {
          return json(400, { error: usage });
        }
        if (!asked || typeof asked !== 'object' || Array.isArray(asked)) {
          return json(400, { error: usage });
        }
        const given: { [key: string]: unknown } = asked as { [key: string]: unknown };
        for (const key of ['poisonedBatch', 'plainGraphThreshold']) {
          if (key in given && typeof given[key] !== 'boolean') {
            return json(400, { error: `${key} must be true or false. ${usage}` });
          }
        }
        this.setFaults(given as Partial<IFaults>);
      }
      return json(200, this.faults);
    }
    if (p === '/_emulator/threshold' && req.method === 'POST') {
      const value: number = Number(JSON.parse(req.body || '{}').threshold);
      if (!Number.isInteger(value) || value < 1) {
        return json(400, { error: 'The body must be {"threshold": <positive whole number>}.' });
      }
      this.site.threshold = value;
      return json(200, { threshold: value });
    }
    if (p === '/_emulator/certificate') {
      return { status: 200, headers: { 'content-type': 'application/x-pem-file' }, body: this.certificate.cert };
    }
    if (p === '/_emulator/users') {
      return json(200, this.store.users.map((u) => ({ ...u, groups: this.store.groups.filter((g) => g.memberIds.indexOf(u.id) >= 0).map((g) => g.title) })));
    }
    return json(404, { error: `No emulator endpoint ${p}` });
  }
}

/** "/sites/GOV/" and "/sites/gov" are the same site; "" and "/" are the root site. */
function normalSitePath(p: string): string {
  const trimmed: string = p.replace(/\/+$/, '').toLowerCase();
  return trimmed === '' ? '/' : trimmed;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** CORS headers for a request from one of the stack's own origins (others never get here). */
function cors(req: IEmuRequest): { [name: string]: string } {
  const origin: string | undefined = req.headers.origin;
  if (!origin) {
    return {};
  }
  return {
    'access-control-allow-origin': origin,
    vary: 'Origin',
    'access-control-allow-methods': 'GET, POST, PATCH, PUT, MERGE, DELETE, OPTIONS',
    'access-control-allow-headers':
      'authorization, accept, content-type, if-match, x-http-method, x-requestdigest, x-clientservice-clienttag, x-pnpjs-requestid, prefer, sdkversion, client-request-id, retry-attempt',
    'access-control-expose-headers': 'ETag, Retry-After, Location, request-id, SPRequestGuid',
    'access-control-max-age': '600'
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size: number = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY + 1) {
        chunks.push(c);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Gives a new site its site and web ids; a site keeps the ids it was given. */
function giveSiteIds(store: Store): void {
  if (!store.getMeta('siteGuid')) {
    store.setMeta('siteGuid', randomUUID());
    store.setMeta('webGuid', randomUUID());
  }
  store.siteGuid = store.getMeta('siteGuid') as string;
  store.webGuid = store.getMeta('webGuid') as string;
}

/** Creates lists from the XML, or brings existing lists' definitions up to the XML's. */
function provision(store: Store, definitions: IListDefinition[], users: ISeedProgramme['users']): void {
  store.transaction(() => {
    giveSiteIds(store);
    for (const def of definitions) {
      const existing = store.listByTitle(def.title);
      if (!existing) {
        store.createList(def);
      } else if (JSON.stringify(existing.definition) !== JSON.stringify(def)) {
        existing.definition = def;
        store.saveDefinition(existing);
      }
    }
    if (store.users.length === 0) {
      users.forEach((u, i) => store.addUser({ id: FIRST_USER_ID + i, login: u.login, name: u.name, email: u.email, isSiteAdmin: false }));
      SITE_GROUPS.forEach((g, i) => {
        const members: number[] = users.map((u, j) => (u.groups.indexOf(g.title) >= 0 ? FIRST_USER_ID + j : 0)).filter((x) => x > 0);
        store.addGroup({ id: 3 + i, title: g.title, memberIds: members });
        store.assign({ scope: '', principalId: 3 + i, role: g.site });
      });
      // Every list gets its own role assignments (broken inheritance), as the site owner sets them.
      for (const list of store.lists) {
        SITE_GROUPS.forEach((g, i) => store.assign({ scope: list.guid, principalId: 3 + i, role: roleOn(g, list.definition.title) }));
      }
    }
  });
}

/** Opens a site's store in the data folder, deleting it first when resetting. */
function openStore(dataDir: string, name: string, reset: boolean | undefined): Store {
  const file: string = path.join(dataDir, `${name}.sqlite`);
  if (reset) {
    for (const suffix of ['', '-wal', '-shm']) {
      fs.rmSync(`${file}${suffix}`, { force: true });
    }
  }
  return Store.open(file);
}

/**
 * Sets up a site with no programme lists: the tenant's users, and the three groups every
 * SharePoint site is created with — Owners (Full Control), Members (Edit) and Visitors (Read).
 * Everyone not named an owner or member is a visitor, so every user can open every site: a
 * simplification (a private team's site admits its members only), UNCONFIRMED as a model of any
 * particular tenant.
 */
function provisionPlainSite(store: Store, users: ISeedProgramme['users'], title: string, owners: string[], members: string[]): void {
  store.transaction(() => {
    giveSiteIds(store);
    if (store.users.length > 0) {
      return;
    }
    users.forEach((u, i) => store.addUser({ id: FIRST_USER_ID + i, login: u.login, name: u.name, email: u.email, isSiteAdmin: false }));
    const lower = (xs: string[]): string[] => xs.map((x) => x.toLowerCase());
    const ownerLogins: string[] = lower(owners);
    const memberLogins: string[] = lower(members).filter((m) => ownerLogins.indexOf(m) < 0);
    const idsOf = (logins: string[] | undefined): number[] =>
      users.map((u, i) => (logins === undefined ? ownerLogins.concat(memberLogins).indexOf(u.login.toLowerCase()) < 0 : logins.indexOf(u.login.toLowerCase()) >= 0) ? FIRST_USER_ID + i : 0).filter((x) => x > 0);
    const groups: Array<[string, RoleName, number[]]> = [
      [`${title} Owners`, 'Full Control', idsOf(ownerLogins)],
      [`${title} Members`, 'Edit', idsOf(memberLogins)],
      [`${title} Visitors`, 'Read', idsOf(undefined)]
    ];
    groups.forEach(([groupTitle, role, memberIds], i) => {
      store.addGroup({ id: 3 + i, title: groupTitle, memberIds });
      store.assign({ scope: '', principalId: 3 + i, role });
    });
  });
}

/** One team site per workstream of a seed programme: its sponsor and project managers are members, the programme office owns it. */
export function teamSitesOf(seed: ISeedProgramme): ITeamSite[] {
  const office: string[] = seed.users.filter((u) => u.groups.indexOf('Programme Office') >= 0).map((u) => u.login);
  return seed.workstreams.map((w) => ({
    code: w.code,
    title: w.title,
    owners: office,
    members: [...(w.sponsor ? [w.sponsor.login] : []), ...w.projectManagers.map((p) => p.login)].filter((l): l is string => !!l)
  }));
}

/** Starts an emulator: opens or creates its store, provisions, listens, and seeds on first start. */
export async function startEmulator(options: IEmulatorOptions): Promise<Emulator> {
  const siteName: string = options.siteName || 'improvement';
  const dbFile: string = path.join(options.dataDir, `${siteName}.sqlite`);
  if (options.reset) {
    for (const suffix of ['', '-wal', '-shm']) {
      fs.rmSync(`${dbFile}${suffix}`, { force: true });
    }
  }
  let store: Store = Store.open(dbFile);
  // A first seeding that never finished (the process was stopped half way) leaves part of the
  // programme: start again from nothing rather than seed on top of it.
  if (options.seed && store.getMeta('seedStarted') && !store.getMeta('seeded')) {
    store.close();
    for (const suffix of ['', '-wal', '-shm']) {
      fs.rmSync(`${dbFile}${suffix}`, { force: true });
    }
    store = Store.open(dbFile);
  }
  const users: ISeedProgramme['users'] = options.seed ? options.seed.users : options.users || [];
  if (users.length === 0 && store.users.length === 0) {
    throw new Error('The emulator needs site users: pass a seed programme or users.');
  }
  provision(store, loadListDefinitions(options.assetsDir || path.join(projectRoot(), 'sharepoint', 'assets')), users);
  const timeZone: ISiteTimeZone | undefined = typeof options.timeZone === 'string' ? TIME_ZONES[options.timeZone.toLowerCase()] : options.timeZone;
  if (options.timeZone !== undefined && !timeZone) {
    throw new Error(`Unknown time zone '${String(options.timeZone)}': use one of ${Object.keys(TIME_ZONES).join(', ')}.`);
  }
  const site: Site = new Site(store, siteName, options.threshold || 5000, { timeZone });
  const allUsers: ISeedProgramme['users'] = users.length > 0 ? users : store.users.map((u) => ({ login: u.login, name: u.name, email: u.email, groups: [] }));
  const others: Site[] = [];
  const teamSites: ITeamSite[] = options.teamSites || (options.seed ? teamSitesOf(options.seed) : []);
  for (const team of teamSites) {
    const code: string = team.code.toLowerCase();
    if (!/^[a-z0-9-]+$/.test(code) || code === siteName.toLowerCase() || others.some((o) => o.name === code)) {
      throw new Error(`A team site's code must be letters, digits or hyphens, and unique: '${team.code}'.`);
    }
    const teamStore: Store = openStore(options.dataDir, `team-${code}`, options.reset);
    provisionPlainSite(teamStore, allUsers, team.title, team.owners, team.members);
    others.push(new Site(teamStore, code, options.threshold || 5000, { title: team.title, timeZone }));
  }
  // The tenant's root site: what /_api/web answers and what Graph's sites/root is.
  const rootStore: Store = openStore(options.dataDir, 'tenant-root', options.reset);
  const office: string[] = allUsers.filter((u) => u.groups.indexOf('Programme Office') >= 0).map((u) => u.login);
  provisionPlainSite(rootStore, allUsers, 'Communication site', office, []);
  others.push(new Site(rootStore, '', options.threshold || 5000, { serverRelativeUrl: '/', title: 'Communication site', timeZone }));
  const settings: { [key: string]: string } = options.tenantSettings || { ProgrammeHighlightsSite: `/sites/${siteName}` };
  for (const s of [site, ...others]) {
    s.store.transaction(() => {
      for (const key of Object.keys(settings)) {
        s.store.setMeta(storageEntityKey(key), settings[key]);
      }
      // A setting no longer given is unset, as the admin's Remove-PnPStorageEntity would leave it.
      if (!(TENANT_SETTING in settings)) {
        s.store.setMeta(storageEntityKey(TENANT_SETTING), '');
      }
    });
  }
  const emulator: Emulator = new Emulator(options, store, site, await localhostCertificate(options.dataDir), others);
  await emulator.listen();
  if (options.seed === false && !store.getMeta('seeded')) {
    // A site started empty stays the programme office's own: a later start without --empty
    // must not seed the sample programme on top of what they set up.
    store.setMeta('emptyStart', store.getMeta('emptyStart') || new Date().toISOString());
  }
  emulator.emptyStart = !!store.getMeta('emptyStart');
  if (options.seed && !store.getMeta('seeded') && !store.getMeta('emptyStart')) {
    // Faults are for the clients under test, not for the seeder.
    const faults: IFaults = emulator.faults;
    emulator.setFaults({ rate: 0, latencyMs: 0 });
    store.setMeta('seedStarted', new Date().toISOString());
    try {
      emulator.seeded = await seedSite(emulator.siteUrl, options.seed);
    } catch (e) {
      // A seed the site refuses stops the start: nothing is left listening (a caller that gets the
      // error has no emulator to close), and the next start seeds afresh (seedStarted, above).
      await emulator.close();
      throw e;
    }
    emulator.setFaults(faults);
    store.setMeta('seeded', new Date().toISOString());
    emulator.resetStats();
  }
  return emulator;
}
