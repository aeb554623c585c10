/**
 * Wire behaviours reports describe and the emulator models as options (see IFaults): the data
 * layer must come out right under them. SharePoint's poisoned $batch (pnp/pnpjs #486, #1275):
 * not-found and per-list rights; Graph's header names in $batch answers, whatever their case;
 * lookup ids quoted in Graph filters; no OR across indexed columns. The contract suite
 * (contract.test.ts) runs whole under the same options too.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { batchHeader } from '../../src/data/graph/GraphRepository';
import { pictureQueries } from '../../src/data/picture';
import { graphFilter } from '../../src/data/query';
import { COLUMNS } from '../../src/data/lists';
import type { IPeriod } from '../../src/domain';
import type { Emulator } from '../../src/emulator/server';
import { projectRoot } from '../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { IMPLEMENTATIONS, pnp, startStack, USERS } from './support/stack';
import { failure } from '../support/dataFailure';

const NOVDEC = 2;

/** The project's list definitions without one list, as on a site set up before the list existed. */
function assetsWithout(title: string): string {
  const dir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-assets-'));
  const source: string = path.join(projectRoot(), 'sharepoint', 'assets');
  for (const f of fs.readdirSync(source)) {
    fs.copyFileSync(path.join(source, f), path.join(dir, f));
  }
  const elements: string = path.join(dir, 'elements.xml');
  const xml: string = fs.readFileSync(elements, 'utf8');
  const without: string = xml
    .split('\n')
    .filter((line) => !(line.indexOf('<ListInstance ') >= 0 && line.indexOf(`Title="${title}"`) >= 0))
    .join('\n');
  if (without === xml) {
    throw new Error(`No list ${title} in elements.xml`);
  }
  fs.writeFileSync(elements, without);
  return dir;
}

describe('a poisoned SharePoint $batch (parts after a failed one answer 500 IndexOutOfRangeException)', () => {
  describe.each(IMPLEMENTATIONS)('%s', (_name, make) => {
    let emu: Emulator;
    beforeAll(async () => {
      emu = await startStack({ faults: { poisonedBatch: true } });
    });
    afterAll(() => emu.close());

    it('says an item someone deleted no longer exists, not that SharePoint failed', async () => {
      const lead = make(emu, USERS.lead);
      const picture = await lead.getPeriodPicture(NOVDEC);
      const doomed = picture.milestones[picture.milestones.length - 1];
      await lead.remove('milestone', doomed.id, doomed.etag);
      const error = await failure(lead.update('milestone', doomed.id, { status: 'Too late' }, doomed.etag));
      expect(error.kind).toBe('notFound');
    });

    it("a stale save is a conflict carrying the server's current version", async () => {
      const lead = make(emu, USERS.lead);
      const m = (await lead.getPeriodPicture(NOVDEC)).milestones[0];
      const theirs = await make(emu, USERS.manager).update('milestone', m.id, { status: 'Theirs' }, m.etag);
      const error = await failure(lead.update('milestone', m.id, { status: 'Mine' }, m.etag));
      expect(error.kind).toBe('conflict');
      expect(error.current).toMatchObject({ id: m.id, status: 'Theirs', etag: theirs.etag });
    });
  });

  it('reads the rights on every list there is when the first list is missing from the site (PnPjs batches them)', async () => {
    const assetsDir: string = assetsWithout('Programme');
    const emu: Emulator = await startStack({ seed: false, users: IMPROVEMENT_PLAN_PHASE_2.users, assetsDir, faults: { poisonedBatch: true } });
    try {
      // The emulator does poison the batch: the part after the missing list's 404 is a 500.
      const boundary: string = 'b';
      const part = (title: string): string =>
        [`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `GET ${emu.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(title)}')/EffectiveBasePermissions HTTP/1.1`, 'Accept: application/json', '', ''].join('\r\n');
      const res: Response = await fetch(`${emu.siteUrl}/_api/$batch`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${USERS.lead}`, 'Content-Type': `multipart/mixed; boundary=${boundary}` },
        body: `${part('Programme')}${part('Milestones')}--${boundary}--\r\n`
      });
      const text: string = await res.text();
      expect(text.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 404', 'HTTP/1.1 500']);
      expect(text).toContain('-1, System.IndexOutOfRangeException');

      const rights = await pnp(emu, USERS.lead).getRights();
      expect(rights.programme.view).toBe(false);
      for (const key of ['milestones', 'risks', 'statusReports', 'periods', 'history'] as const) {
        expect(rights[key]).toEqual({ view: true, add: true, edit: true, delete: true, approve: true, manage: true });
      }
      const manager = await pnp(emu, USERS.manager).getRights();
      expect(manager.milestones).toMatchObject({ view: true, add: true, approve: false, manage: false });
      expect(manager.workstreams).toMatchObject({ view: true, add: false });
    } finally {
      await emu.close();
    }
  });
});

describe('Graph $batch answers', () => {
  it('reads header names whatever their case', () => {
    expect(batchHeader({ headers: { 'Retry-After': '7' } }, 'Retry-After')).toBe('7');
    expect(batchHeader({ headers: { 'retry-after': '8' } }, 'Retry-After')).toBe('8');
    expect(batchHeader({ headers: { 'RETRY-AFTER': '9' } }, 'retry-after')).toBe('9');
    expect(batchHeader({ headers: { ETag: '"x"' } }, 'Retry-After')).toBeUndefined();
    expect(batchHeader({}, 'Retry-After')).toBeUndefined();
  });
});

describe('threshold-safe queries', () => {
  it("quotes lookup ids in Graph's $filter, as Graph writes them, and leaves numbers and text as they are", () => {
    expect(graphFilter('milestones', { anyOf: [{ column: 'ReportingPeriod', value: 5 }], allOf: [{ column: 'Workstream', value: 3 }] })).toBe(
      "fields/ReportingPeriodLookupId eq '5' and fields/WorkstreamLookupId eq '3'"
    );
    expect(graphFilter('risks', { anyOf: [{ column: 'RiskState', value: "Won't" }] })).toBe("fields/RiskState eq 'Won''t'");
  });

  it("never ORs across indexed columns: each picture query starts with one equality on an indexed column", () => {
    const periods: IPeriod[] = IMPROVEMENT_PLAN_PHASE_2.periods;
    for (const periodId of periods.map((p) => p.id)) {
      for (const workstreamId of [undefined, 1]) {
        const queries = pictureQueries(periods, periodId, { workstreamId });
        for (const name of Object.keys(queries)) {
          const q = queries[name];
          if (!q.filter) {
            continue;
          }
          expect([name, q.filter.anyOf.length]).toEqual([name, 1]);
          const first = COLUMNS[q.list].filter((c) => c.name === q.filter?.anyOf[0].column)[0];
          expect([name, first && first.indexed]).toEqual([name, true]);
        }
      }
    }
    // June's picture still asks for the risks closed in the later period.
    const june = pictureQueries(periods, 1);
    expect(Object.keys(june).filter((n) => june[n].list === 'risks').length).toBe(2);
  });
});
