import { isDataError } from '../../src/data/errors';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { FakeRepository, rightsFor } from '../support/fakeRepository';
import { failure } from '../support/dataFailure';

describe('the fake repository the dashboard tests use', () => {
  it('serves a deep copy of the seed: changing what it returns or stores changes neither', async () => {
    const repository = new FakeRepository();
    const picture = await repository.getPeriodPicture(2);
    picture.milestones[0].title = 'Changed by a careless caller';
    expect((await repository.getPeriodPicture(2)).milestones[0].title).not.toBe('Changed by a careless caller');
    await repository.update('milestone', 51, { title: 'Stored' }, '"1"');
    expect(IMPROVEMENT_PLAN_PHASE_2.milestones.find((m) => m.id === 51)?.title).not.toBe('Stored');
  });

  it('gives every item an ETag "1" and bumps it on every write', async () => {
    const repository = new FakeRepository();
    const before = await repository.get('risk', 16);
    expect(before.etag).toBe('"1"');
    const after = await repository.update('risk', 16, { owner: 'Louisa Simpson' }, before.etag);
    expect(after.etag).toBe('"2"');
    expect((await repository.update('risk', 16, { owner: 'Nick Bell' }, after.etag)).etag).toBe('"3"');
  });

  it('refuses a stale ETag with a 412 conflict carrying the current item, and changes nothing', async () => {
    const repository = new FakeRepository();
    repository.changeAsOtherUser('milestone', 76, { status: 'Postponed' });
    const error = await failure(repository.update('milestone', 76, { status: 'Mine' }, '"1"'));
    expect(error.kind).toBe('conflict');
    expect(error.status).toBe(412);
    expect(error.current).toMatchObject({ id: 76, status: 'Postponed', etag: '"2"' });
    expect(repository.stored('milestone', 76)).toMatchObject({ status: 'Postponed', etag: '"2"' });
    expect(isDataError(await failure(repository.remove('milestone', 76, '"1"')), 'conflict')).toBe(true);
    expect(repository.stored('milestone', 76)).toBeDefined();
  });

  it('refuses writes without the right on the list, and changes nothing', async () => {
    const repository = new FakeRepository({ persona: 'iibMember' });
    expect((await failure(repository.update('milestone', 76, { status: 'Mine' }, '"1"'))).kind).toBe('forbidden');
    expect((await failure(repository.remove('risk', 16, '"1"'))).kind).toBe('forbidden');
    expect((await failure(repository.create('sponsorComment', { workstreamId: 1, periodId: 2, text: 'x' }))).kind).toBe('forbidden');
    expect(repository.stored('milestone', 76)?.etag).toBe('"1"');
    const created = await repository.create('feedback', { workstreamId: 1, periodId: 2, kind: 'Challenge', text: 'Why?' });
    expect(created).toMatchObject({ id: 2, etag: '"1"' });
  });

  it('gives each persona the rights of its permission level', () => {
    expect(rightsFor('programmeOffice').periods).toEqual({ view: true, add: true, edit: true, delete: true, approve: true, manage: true });
    expect(rightsFor('projectManager').milestones).toEqual({ view: true, add: true, edit: true, delete: true, approve: false, manage: false });
    expect(rightsFor('projectManager').sponsorComments).toEqual({ view: true, add: false, edit: false, delete: false, approve: false, manage: false });
    expect(rightsFor('sponsor').sponsorComments).toEqual({ view: true, add: true, edit: true, delete: false, approve: false, manage: false });
    expect(rightsFor('iibMember').feedback).toEqual({ view: true, add: true, edit: false, delete: false, approve: false, manage: false });
    expect(rightsFor('iibMember').statusReports).toEqual({ view: true, add: false, edit: false, delete: false, approve: false, manage: false });
  });

  it('refuses changes to a locked period', async () => {
    const repository = new FakeRepository();
    expect((await failure(repository.update('statusReport', 1, { ragRationale: 'x' }, '"1"'))).kind).toBe('locked');
  });

  it('injects a failure for the next call of a method, once', async () => {
    const repository = new FakeRepository();
    repository.failNext('throttled', 'getPeriods', { retryAfterSeconds: 5 });
    await expect(repository.getRights()).resolves.toBeDefined();
    const error = await failure(repository.getPeriods());
    expect(error).toMatchObject({ kind: 'throttled', retryAfterSeconds: 5 });
    await expect(repository.getPeriods()).resolves.toHaveLength(2);
  });

  it('logs every call', async () => {
    const repository = new FakeRepository();
    await repository.getProgrammeSummary();
    await repository.getPeriodPicture(2, { workstreamId: 3 });
    expect(repository.calls.map((c) => c.method)).toEqual(['getProgrammeSummary', 'getPeriodPicture']);
    expect(repository.callsOf('getPeriodPicture')[0].args).toEqual([2, { workstreamId: 3 }]);
  });

  it("loads one workstream's picture, with the risks its period lists", async () => {
    const repository = new FakeRepository();
    const picture = await repository.getPeriodPicture(2, { workstreamId: 5 });
    expect(picture.workstreams.map((w) => w.code)).toEqual(['CCC']);
    expect(picture.risks.map((r) => r.id)).toEqual([28, 29, 30]);
    expect(picture.previousStatusReports.map((r) => r.id)).toEqual([5]);
    expect(picture.periods.map((p) => p.title)).toEqual(['June 2023', 'November/December 2023']);
  });
});
