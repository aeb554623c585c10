/**
 * The Graph transport's one pipeline (src/data/graph/pipeline.ts), over real HTTP against the
 * local stack: SharePoint REST calls beside Graph (who you are, your rights) retried after
 * Retry-After by graph-client's RetryHandler, reported as throttled when it does not let up, and
 * every failure one DataError — including a request that never reaches a server.
 */
import { graphRepository } from '../../src/data/graph/connect';
import type { IProgrammeRepository } from '../../src/data/repository';
import type { Emulator } from '../../src/emulator/server';
import { failure } from '../support/dataFailure';
import { startStack, USERS } from './support/stack';

interface ISent {
  url: string;
  headers: { [name: string]: string };
}

/** The Graph repository as a user, recording what it sends. */
function recorded(emu: Emulator, login: string): { repo: IProgrammeRepository; sent: ISent[] } {
  const sent: ISent[] = [];
  const send = ((input: RequestInfo | URL, init?: RequestInit) => {
    const headers: { [name: string]: string } = {};
    new Headers(init && init.headers).forEach((value, name) => (headers[name] = value));
    sent.push({ url: String(input), headers });
    return fetch(input, init);
  }) as typeof fetch;
  const repo: IProgrammeRepository = graphRepository({
    graphOrigin: emu.httpsUrl,
    customHosts: ['localhost'],
    siteUrl: emu.siteUrl,
    graphToken: async () => login,
    sharePointToken: async () => login,
    fetch: send
  });
  return { repo, sent };
}

describe('the Graph pipeline', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());
  afterEach(() => emu.setFaults({ rate: 0 }));

  it('retries a SharePoint REST call refused with 429 after its Retry-After, sending the same headers again', async () => {
    const { repo, sent } = recorded(emu, USERS.lead);
    emu.setFaults({ rate: 1, status: 429, retryAfterSeconds: 1, maxPerRequest: 1 });
    const started: number = Date.now();
    const me = await repo.getCurrentUser();
    expect(me.login).toBe(USERS.lead);
    expect(emu.stats.faultsInjected).toBe(1);
    const calls: ISent[] = sent.filter((s) => s.url === `${emu.siteUrl}/_api/web/currentuser`);
    expect(calls).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(calls[1].headers).toEqual(calls[0].headers);
    expect(calls[0].headers.authorization).toBe(`Bearer ${USERS.lead}`);
    expect(calls[0].headers.accept).toBe('application/json');
  }, 30000);

  it('reports a SharePoint REST call that stays refused as throttled, with when to retry, after four tries', async () => {
    const { repo, sent } = recorded(emu, USERS.lead);
    emu.setFaults({ rate: 1, status: 503, retryAfterSeconds: 1, maxPerRequest: 1000 });
    const error = await failure(repo.getCurrentUser());
    expect(error.kind).toBe('throttled');
    expect(error.retryAfterSeconds).toBe(1);
    expect(sent.filter((s) => s.url === `${emu.siteUrl}/_api/web/currentuser`)).toHaveLength(4);
  }, 30000);

  it('reports a Graph request refused with 503 the same way', async () => {
    const { repo } = recorded(emu, USERS.lead);
    emu.setFaults({ rate: 1, status: 503, retryAfterSeconds: 1, maxPerRequest: 1000 });
    const error = await failure(repo.getPeriods());
    expect(error.kind).toBe('throttled');
    expect(error.retryAfterSeconds).toBe(1);
    expect(error.message).toMatch(/read/i);
  }, 30000);

  it('reports a site that does not answer as unreachable, for Graph and for SharePoint REST alike', async () => {
    // A port nothing listens on: the request never reaches a server.
    const nowhere = graphRepository({ graphOrigin: 'https://localhost:1', customHosts: ['localhost'], siteUrl: 'http://localhost:1/sites/improvement', graphToken: async () => USERS.lead });
    expect((await failure(nowhere.getPeriods())).kind).toBe('network');
    expect((await failure(nowhere.getCurrentUser())).kind).toBe('network');
  });
});
