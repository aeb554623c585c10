/**
 * A seed the site refuses stops the emulator's start with the site's own words, and leaves nothing
 * listening: the caller, who gets the error and no emulator, has nothing to close (a server left
 * open kept a test run waiting for ever). The next start on the same data seeds
 * afresh.
 */
import * as net from 'net';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';
import { useSharedCertificate } from '../data/support/stack';
import { freePort, tempDir } from './helpers';

/** Whether a TCP connection to the port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket: net.Socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('a seed the site refuses', () => {
  it('fails the start with the refusal, leaves the port free, and the next start seeds afresh', async () => {
    const dataDir: string = tempDir('ph-seed-refused-');
    await useSharedCertificate(dataDir);
    const port: number = await freePort();
    const seed: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2;
    // A milestone's title longer than a single line of text holds (255 characters): SharePoint refuses it.
    const refused: ISeedProgramme = { ...seed, milestones: seed.milestones.map((m, i) => (i === 2 ? { ...m, title: 'x'.repeat(300) } : m)) };
    await expect(startEmulator({ seed: refused, dataDir, port })).rejects.toThrow(/Seeding failed: POST .*Milestones.* answered 400/);
    expect(await accepts(port)).toBe(false);

    const emu: Emulator = await startEmulator({ seed, dataDir, port });
    try {
      expect(emu.port).toBe(port);
      const answer = await fetch(`${emu.siteUrl}/_api/web/lists/getByTitle('Status%20Reports')/items?$select=Id&$top=5000`, {
        headers: { Accept: 'application/json;odata=nometadata', Authorization: `Bearer ${seed.users[0].login}` }
      });
      expect((await answer.json()).value).toHaveLength(seed.statusReports.length);
    } finally {
      await emu.close();
    }
  });
});
