/**
 * The in-memory list transport's own behaviour, beyond the contract suite it shares with PnPjs and
 * Graph: it refuses what SharePoint refuses (a column the list does not have, a user it does not
 * know), copies of a site are independent, and its hooks fail, lose or hold exactly the calls they
 * are aimed at.
 */
import { DataError } from '../../src/data/errors';
import { MemorySite, MemoryTransport } from '../../src/data/memory/MemoryTransport';
import { ProgrammeRepository } from '../../src/data/ProgrammeRepository';
import { failure } from '../support/dataFailure';
import { PERSONA_LOGINS, seededSite, uniformRights } from '../support/memoryProgramme';

const NOVDEC = 2;

function lead(site: MemorySite): MemoryTransport {
  return new MemoryTransport(site, PERSONA_LOGINS.programmeOffice);
}

describe('the in-memory site', () => {
  it("refuses a column the list does not have, as SharePoint refuses a property it does not know, and stores nothing", async () => {
    const { site, ready } = seededSite();
    await ready;
    const before: number = site.records('milestones').length;
    const e: DataError = await failure(lead(site).create('milestones', { Title: 'x', Colour: 'red' }, 'save the milestone'));
    expect(e).toMatchObject({ kind: 'validation', status: 400, field: 'Colour' });
    expect(e.message).toBe('Could not save the milestone: SharePoint refused the data in Colour.');
    expect(site.records('milestones')).toHaveLength(before);
  });

  it('answers someone it does not know as signed out', async () => {
    const { site, ready } = seededSite();
    await ready;
    const e: DataError = await failure(new MemoryTransport(site, 'stranger@elsewhere.example').currentUser());
    expect(e.kind).toBe('unauthenticated');
  });

  it('gives copies that change independently', async () => {
    const { site, ready } = seededSite();
    await ready;
    const twin: MemorySite = site.clone();
    twin.change('milestones', 1, { MilestoneStatus: 'Changed in the copy' });
    twin.setRights(PERSONA_LOGINS.sponsor, uniformRights({ view: true, add: false, edit: false, delete: false, approve: false, manage: false }));
    expect(site.record('milestones', 1)?.MilestoneStatus).not.toBe('Changed in the copy');
    expect(site.record('milestones', 1)?.__etag).toBe('"1"');
    expect(twin.record('milestones', 1)?.__etag).toBe('"2"');
    expect(site.rightsOf(PERSONA_LOGINS.sponsor).sponsorComments.add).toBe(true);
    expect(twin.rightsOf(PERSONA_LOGINS.sponsor).sponsorComments.add).toBe(false);
  });
});

describe("the transport's hooks", () => {
  it('fail only the call they are aimed at, once', async () => {
    const { site, ready } = seededSite();
    await ready;
    const transport: MemoryTransport = lead(site);
    const repository = new ProgrammeRepository(transport);
    transport.failNext(new DataError('throttled', 'Busy.', { retryAfterSeconds: 3 }), (c) => c.op === 'read' && c.action === 'read the period');
    await repository.getPeriods();
    expect((await failure(repository.getPeriodPicture(NOVDEC))).retryAfterSeconds).toBe(3);
    expect((await repository.getPeriodPicture(NOVDEC)).statusReports).toHaveLength(5);
  });

  it('lose an answer after the work is done', async () => {
    const { site, ready } = seededSite();
    await ready;
    const transport: MemoryTransport = lead(site);
    transport.loseNextAnswer((c) => c.op === 'update');
    const e: DataError = await failure(transport.update('milestones', 1, { MilestoneStatus: 'Landed' }, '"1"', 'save the milestone'));
    expect(e.kind).toBe('network');
    expect(site.record('milestones', 1)).toMatchObject({ MilestoneStatus: 'Landed', __etag: '"2"' });
  });

  it('hold every call until released', async () => {
    const { site, ready } = seededSite();
    await ready;
    const transport: MemoryTransport = lead(site);
    const release = transport.hold();
    let answered: boolean = false;
    const pending = transport.currentUser().then((u) => {
      answered = true;
      return u;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    release();
    expect((await pending).name).toBe('Heidi Robinson');
  });
});
