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
import { startEmulator, type Emulator, type IEmulatorOptions, type IFaults } from '../../../src/emulator/server';
import { makeLocalhostCertificate, type ICertificate } from '../../../src/emulator/certificate';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../../src/fixtures/improvementPlanPhase2';
import { BearerLogin, PnpRepository } from '../../../src/data/sharepoint/PnpRepository';
import type { GraphRepository } from '../../../src/data/graph/GraphRepository';
import { graphRepository } from '../../../src/data/graph/connect';
import type { IProgrammeRepository } from '../../../src/data/repository';
import { ProgrammeRepository } from '../../../src/data/ProgrammeRepository';
import { MemoryTransport, type MemorySite } from '../../../src/data/memory/MemoryTransport';
import { seededSite } from '../../support/memoryProgramme';

/** Logins of the seeded people by role. */
export const USERS = {
  lead: 'heidi.robinson@improvement.example',
  manager: 'louisa.simpson@improvement.example',
  sponsor: 'nick.bell@improvement.example',
  otherSponsor: 'steve.cox@improvement.example',
  iib: 'alex.morgan@improvement.example'
};

// One certificate for the emulators a test file starts, trusted once, so a test file's trust
// store does not grow with every emulator it starts.
let shared: Promise<ICertificate> | undefined;

/** Writes the shared localhost certificate into a data folder, trusting it the first time. */
export async function useSharedCertificate(dataDir: string): Promise<void> {
  if (!shared) {
    shared = makeLocalhostCertificate().then((made: ICertificate) => {
      tls.setDefaultCACertificates([...tls.getCACertificates('default'), made.cert]);
      return made;
    });
  }
  const { cert, key }: ICertificate = await shared;
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'localhost-cert.pem'), cert);
  fs.writeFileSync(path.join(dataDir, 'localhost-key.pem'), key);
}

/** Starts a seeded emulator in a fresh folder. */
export async function startStack(options: Partial<IEmulatorOptions> = {}): Promise<Emulator> {
  const dataDir: string = options.dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'ph-data-'));
  await useSharedCertificate(dataDir);
  return startEmulator({ seed: IMPROVEMENT_PLAN_PHASE_2, ...options, dataDir });
}

/** The PnPjs repository acting as a user. */
export function pnp(emulator: Emulator, login: string): PnpRepository {
  return new PnpRepository(spfi(emulator.siteUrl).using(SPBrowser({ baseUrl: emulator.siteUrl }), BearerLogin(login)));
}

/** The Graph repository acting as a user. */
export function graph(emulator: Emulator, login: string): GraphRepository {
  return graphRepository({ graphOrigin: emulator.httpsUrl, customHosts: ['localhost'], siteUrl: emulator.siteUrl, graphToken: async () => login, sharePointToken: async () => login });
}

/** Both implementations, for one contract suite. */
export const IMPLEMENTATIONS: Array<[string, (emulator: Emulator, login: string) => IProgrammeRepository]> = [
  ['PnPjs over SharePoint REST', pnp],
  ['graph-client over Microsoft Graph', graph]
];

// One in-memory site per emulator a test starts, so that every user of a test shares its data
// as they share the emulator's.
const memorySites: WeakMap<Emulator, { site: MemorySite; ready: Promise<void> }> = new WeakMap<Emulator, { site: MemorySite; ready: Promise<void> }>();

/** The in-memory site standing beside an emulator: seeded the same way, never on the wire. */
export function memorySiteOf(emulator: Emulator): { site: MemorySite; ready: Promise<void> } {
  let seeded = memorySites.get(emulator);
  if (!seeded) {
    seeded = seededSite();
    memorySites.set(emulator, seeded);
  }
  return seeded;
}

/** The repository over the in-memory list transport acting as a user (the emulator only names its site). */
export function memory(emulator: Emulator, login: string): ProgrammeRepository {
  const { site, ready } = memorySiteOf(emulator);
  return new ProgrammeRepository(new MemoryTransport(site, login, ready));
}

/** The name of the in-memory implementation in the contract suite. */
export const MEMORY_NAME: string = 'the in-memory list transport';

/**
 * The wire behaviours the contract suite runs under: the emulator's defaults, and the ones
 * reports describe where they disagree with the defaults (see IFaults) — SharePoint's poisoned
 * $batch and Graph's plain 429 at the list view threshold. The product must be right under each.
 */
export const WIRE_VARIANTS: Array<[string, Partial<IFaults>]> = [
  ['', {}],
  [' (poisoned $batch, plain Graph 429 at the threshold)', { poisonedBatch: true, plainGraphThreshold: true }]
];

/** Each implementation under each wire variant: [name, make, faults], the name saying both. */
export function underEachVariant(
  implementations: Array<[string, (emulator: Emulator, login: string) => IProgrammeRepository]>
): Array<[string, (emulator: Emulator, login: string) => IProgrammeRepository, Partial<IFaults>]> {
  const out: Array<[string, (emulator: Emulator, login: string) => IProgrammeRepository, Partial<IFaults>]> = [];
  for (const [variant, faults] of WIRE_VARIANTS) {
    for (const [name, make] of implementations) {
      out.push([`${name}${variant}`, make, faults]);
    }
  }
  return out;
}
