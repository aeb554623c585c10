/**
 * A local stack for data tests: the emulator in-process on a free port, seeded with the real
 * programme, and both repositories over real HTTP — @pnp/sp with SPBrowser, and graph-client
 * over HTTPS (it only authenticates and pages https URLs), trusting the emulator's certificate.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tls from 'tls';
import { spfi, SPBrowser } from '@pnp/sp';
import { Client } from '@microsoft/microsoft-graph-client';
import { startEmulator, type Emulator, type IEmulatorOptions } from '../../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../../src/fixtures/improvementPlanPhase2';
import { BearerLogin, PnpRepository } from '../../../src/data/sharepoint/PnpRepository';
import { GraphRepository } from '../../../src/data/graph/GraphRepository';
import type { IProgrammeRepository } from '../../../src/data/repository';

/** Logins of the seeded people by role. */
export const USERS = {
  lead: 'heidi.robinson@improvement.example',
  manager: 'louisa.simpson@improvement.example',
  sponsor: 'nick.bell@improvement.example',
  otherSponsor: 'steve.cox@improvement.example',
  iib: 'alex.morgan@improvement.example'
};

const trusted: Set<string> = new Set<string>();

/** Starts a seeded emulator in a fresh folder. */
export async function startStack(options: Partial<IEmulatorOptions> = {}): Promise<Emulator> {
  const emulator: Emulator = await startEmulator({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ph-data-')), seed: IMPROVEMENT_PLAN_PHASE_2, ...options });
  if (!trusted.has(emulator.certificate.cert)) {
    trusted.add(emulator.certificate.cert);
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), ...Array.from(trusted)]);
  }
  return emulator;
}

/** The PnPjs repository acting as a user. */
export function pnp(emulator: Emulator, login: string): PnpRepository {
  return new PnpRepository(spfi(emulator.siteUrl).using(SPBrowser({ baseUrl: emulator.siteUrl }), BearerLogin(login)));
}

/** The Graph repository acting as a user. */
export function graph(emulator: Emulator, login: string): GraphRepository {
  const client: Client = Client.init({
    baseUrl: emulator.httpsUrl,
    defaultVersion: 'v1.0',
    customHosts: new Set<string>(['localhost']),
    authProvider: (done) => done(null, login)
  });
  return new GraphRepository({
    client,
    hostname: 'localhost',
    sitePath: emulator.site.serverRelativeUrl,
    sharePointFetch: (apiPath: string) => fetch(`${emulator.siteUrl}/_api/${apiPath}`, { headers: { Accept: 'application/json', Authorization: `Bearer ${login}` } })
  });
}

/** Both implementations, for one contract suite. */
export const IMPLEMENTATIONS: Array<[string, (emulator: Emulator, login: string) => IProgrammeRepository]> = [
  ['PnPjs over SharePoint REST', pnp],
  ['graph-client over Microsoft Graph', graph]
];
