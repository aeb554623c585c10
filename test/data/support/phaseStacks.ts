/**
 * The phase contract tests' stacks: the seeded (or a test's own) programme over PnPjs and Graph
 * against the emulator over real HTTP, and over the in-memory list transport, each giving the
 * phases' repository as a login, the whole repository, and a way round the product to a
 * close-down row.
 */
import type { Emulator } from '../../../src/emulator/server';
import type { ISeedProgramme } from '../../../src/fixtures/improvementPlanPhase2';
import { ProgrammeRepository } from '../../../src/data/ProgrammeRepository';
import type { PhaseRepository } from '../../../src/data/PhaseRepository';
import { MemoryTransport, type IMemoryUser } from '../../../src/data/memory/MemoryTransport';
import type { RestItem } from '../../../src/data/sharepoint/restRows';
import type { IProgrammeRepository } from '../../../src/data/repository';
import { seededSite } from '../../support/memoryProgramme';
import { IMPLEMENTATIONS, startStack, USERS } from './stack';

export interface IStack {
  as: (login: string) => PhaseRepository;
  /** The whole repository, to lock a phase's periods. */
  programme: (login: string) => IProgrammeRepository;
  /** Changes a close-down row straight in the list, round the product (SharePoint REST over the wire). */
  changeRow: (id: number, fields: object) => Promise<void>;
  close: () => Promise<void>;
}

export type Factory = (seed: ISeedProgramme) => Promise<IStack>;

const overWire = (make: (emulator: Emulator, login: string) => unknown): Factory => async (seed) => {
  const emu: Emulator = await startStack({ seed });
  return {
    as: (login) => (make(emu, login) as ProgrammeRepository).phases(),
    programme: (login) => make(emu, login) as IProgrammeRepository,
    changeRow: async (id, fields) => {
      const res: Response = await fetch(`${emu.siteUrl}/_api/web/lists/getByTitle('Close-down%20Items')/items(${id})`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${USERS.lead}`, 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' },
        body: JSON.stringify(fields)
      });
      expect({ status: res.status, text: res.status === 204 ? '' : await res.text() }).toEqual({ status: 204, text: '' });
    },
    close: async () => { await emu.close(); }
  };
};

const inMemory: Factory = async (seed) => {
  const { site, ready } = seededSite(seed);
  await ready;
  const transport = (login: string): MemoryTransport => new MemoryTransport(site, login, ready);
  return {
    as: (login) => new ProgrammeRepository(transport(login)).phases(),
    programme: (login) => new ProgrammeRepository(transport(login)),
    changeRow: async (id, fields) => {
      // As the lead, straight in the site's list (its REST shape), whatever its ETag: as over the wire with IF-Match *.
      site.change('closeDown', id, fields as RestItem, (site.user(USERS.lead) as IMemoryUser).id);
    },
    close: async () => undefined
  };
};

export const PHASE_STACKS: Array<[string, Factory]> = [...IMPLEMENTATIONS.map(([name, make]) => [name, overWire(make)] as [string, Factory]), ['the in-memory list transport', inMemory]];
