/**
 * Setting up a programme's workstreams and recording its Board meeting date, over the real
 * repository and rules (in-memory site): only the programme office may, every field is checked
 * with a field-level message and a refusal writes nothing, codes are unique, titles any length,
 * the order moves one place at a time, and a retired workstream stays in the periods it reported
 * in (and their snapshots) but is not offered in new ones, until restored.
 */
import { isDataError, type DataError } from '../../src/data/errors';
import type { IWorkstreamInput, Saved } from '../../src/data/repository';
import { DUPLICATE_CODE, maySetUpProgramme, NOT_PROGRAMME_OFFICE, workstreamFaults } from '../../src/data/rules';
import type { IWorkstream } from '../../src/domain';
import { MemoryRepository } from '../support/memoryProgramme';
import { EMPTY_SITE, FIRST_PHASE, themeTitle } from '../support/firstPhaseProgramme';

async function refusal(p: Promise<unknown>): Promise<DataError> {
  try {
    await p;
  } catch (e) {
    if (isDataError(e)) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

const LONG: string = themeTitle('G', 'Procurement and contract management') + ' A third sentence makes it longer still, as some papers do.';

describe('workstream set-up rules (workstreamFaults)', () => {
  const others: Array<Pick<IWorkstream, 'code' | 'title'>> = [{ code: 'GOV', title: 'Governance' }];

  it('accepts a workstream with a unique code and a title of any length', () => {
    expect(workstreamFaults({ code: 'THEME-G', title: LONG }, others)).toEqual([]);
    expect(LONG.length).toBeGreaterThan(400);
  });

  it('names each field that is wrong', () => {
    const faults = workstreamFaults({ code: '', title: '  ', shortTitle: 'x'.repeat(256) }, others);
    expect(faults.map((f) => f.field)).toEqual(['Code', 'Title', 'Short title']);
    expect(faults[0].message).toMatch(/^Code: .*must not be empty/);
  });

  it('refuses a code another workstream has, whatever its case, a code with a space and one too long', () => {
    expect(workstreamFaults({ code: 'gov', title: 'New' }, others)[0].message).toBe('Code: GOV is already the code of Governance: each workstream needs its own code.'.replace('GOV is', 'gov is'));
    expect(workstreamFaults({ code: 'A B', title: 'New' }, others)[0].message).toMatch(/has a space in it/);
    expect(workstreamFaults({ code: 'X'.repeat(17), title: 'New' }, others)[0].field).toBe('Code');
  });
});

describe('setting up workstreams (programme office only)', () => {
  it('lets only the programme office set up workstreams, refusing others with a code and writing nothing', async () => {
    const office = new MemoryRepository({ seed: FIRST_PHASE });
    const pm = office.as('projectManager');
    expect(maySetUpProgramme(await office.getRights())).toBe(true);
    expect(maySetUpProgramme(await pm.getRights())).toBe(false);
    const before = await office.getWorkstreams();
    const e = await refusal(pm.saveWorkstream({ code: 'G', title: 'Theme G' }));
    expect(e.kind).toBe('forbidden');
    expect(e.code).toBe(NOT_PROGRAMME_OFFICE);
    const first: Saved<IWorkstream> = before[0];
    expect((await refusal(pm.moveWorkstream(first.id, 'down'))).code).toBe(NOT_PROGRAMME_OFFICE);
    expect((await refusal(pm.setWorkstreamRetired(first.id, true, first.etag))).code).toBe(NOT_PROGRAMME_OFFICE);
    expect(await office.getWorkstreams()).toEqual(before);
  });

  it('adds workstreams to an empty site, last in order, with a long title, a short one and people from the site', async () => {
    const repo = new MemoryRepository({ seed: EMPTY_SITE });
    const people = await repo.getPeople();
    expect(people.length).toBeGreaterThan(3);
    expect(people.map((p) => p.name)).toEqual(people.map((p) => p.name).slice().sort((a, b) => a.localeCompare(b, 'en-GB')));
    const input: IWorkstreamInput = {
      code: 'A',
      title: LONG,
      shortTitle: 'Theme A – Procurement',
      description: 'What the theme is for.',
      outcomes: 'Leadership:\n- A shared culture\n- Open decisions',
      sponsorId: people[0].id,
      projectManagerIds: [people[1].id as number, people[2].id as number],
      pmoSupportIds: [people[3].id as number]
    };
    const a = await repo.saveWorkstream(input);
    const b = await repo.saveWorkstream({ code: 'B', title: 'Theme B' });
    expect(a.title).toBe(LONG);
    expect(a.shortTitle).toBe('Theme A – Procurement');
    expect(a.sponsor && a.sponsor.name).toBe(people[0].name);
    expect(a.projectManagers.map((p) => p.name)).toEqual([people[1].name, people[2].name]);
    expect(a.pmoSupport.map((p) => p.name)).toEqual([people[3].name]);
    expect(a.outcomes).toEqual([{ heading: 'Leadership', items: ['A shared culture', 'Open decisions'] }]);
    expect([a.order, b.order]).toEqual([1, 2]);
    const stored = await repo.getWorkstreams();
    expect(stored.map((w) => [w.code, w.title])).toEqual([
      ['A', LONG],
      ['B', 'Theme B']
    ]);
  });

  it('refuses a duplicate code, an empty title and someone not on the site by field, and writes nothing', async () => {
    const repo = new MemoryRepository({ seed: FIRST_PHASE });
    const before = await repo.getWorkstreams();
    const dup = await refusal(repo.saveWorkstream({ code: 'theme-a', title: 'Another' }));
    expect(dup.kind).toBe('validation');
    expect(dup.field).toBe('code');
    expect(dup.code).toBe(DUPLICATE_CODE);
    expect(dup.message).toContain('THEME-A'.toLowerCase());
    expect((await refusal(repo.saveWorkstream({ code: 'G', title: '' }))).field).toBe('title');
    expect((await refusal(repo.saveWorkstream({ code: 'G', title: 'Theme G', sponsorId: 9999 }))).field).toBe('sponsor');
    // Changing a workstream to another's code is refused too; keeping its own is not.
    const [first, second] = before;
    expect((await refusal(repo.saveWorkstream({ code: second.code, title: first.title }, first.id, first.etag))).field).toBe('code');
    expect(await repo.getWorkstreams()).toEqual(before);
    const kept = await repo.saveWorkstream({ code: first.code, title: first.title, shortTitle: 'Theme A' }, first.id, first.etag);
    expect(kept.shortTitle).toBe('Theme A');
    expect(kept.order).toBe(first.order);
  });

  it('refuses a change made over someone else’s as a conflict carrying their version', async () => {
    const repo = new MemoryRepository({ seed: FIRST_PHASE });
    const [first] = await repo.getWorkstreams();
    await repo.saveWorkstream({ code: first.code, title: 'Changed by someone else' }, first.id, first.etag);
    const e = await refusal(repo.saveWorkstream({ code: first.code, title: 'My change' }, first.id, first.etag));
    expect(e.kind).toBe('conflict');
    expect((e.current as IWorkstream).title).toBe('Changed by someone else');
    expect((await repo.getWorkstreams())[0].title).toBe('Changed by someone else');
  });

  it('moves a workstream one place at a time and refuses moving the first up', async () => {
    const repo = new MemoryRepository({ seed: FIRST_PHASE });
    const before = await repo.getWorkstreams();
    const codes = before.map((w) => w.code);
    const moved = await repo.moveWorkstream(before[2].id, 'up');
    expect(moved.map((w) => w.code)).toEqual([codes[0], codes[2], codes[1], ...codes.slice(3)]);
    expect((await repo.getWorkstreams()).map((w) => w.code)).toEqual(moved.map((w) => w.code));
    expect((await repo.getWorkstreams()).map((w) => w.order)).toEqual([1, 2, 3, 4, 5, 6]);
    const e = await refusal(repo.moveWorkstream(moved[0].id, 'up'));
    expect(e.message).toMatch(/already first/);
    const down = await repo.moveWorkstream(moved[5].id, 'down').catch((x: Error) => x);
    expect((down as Error).message).toMatch(/already last/);
  });
});

describe('retiring a workstream', () => {
  it('keeps it in the period it reported in, leaves it out of a new period, and restores it', async () => {
    const repo = new MemoryRepository({ seed: FIRST_PHASE });
    const [first] = await repo.getWorkstreams();
    const retired = await repo.setWorkstreamRetired(first.id, true, first.etag);
    expect(retired.retired).toBe(true);
    // March 2023 has its report: it stays there.
    const march = await repo.getPeriodPicture(1);
    expect(march.workstreams.map((w) => w.id)).toContain(first.id);
    const april = await repo.createPeriod({ title: 'April 2023', start: '01/04/2023', end: '30/04/2023' });
    const next = await repo.getPeriodPicture(april.id);
    expect(next.workstreams.map((w) => w.id)).not.toContain(first.id);
    expect(next.workstreams).toHaveLength(5);
    const restored = await repo.setWorkstreamRetired(first.id, false, retired.etag);
    expect(restored.retired).toBeUndefined();
    expect((await repo.getPeriodPicture(april.id)).workstreams).toHaveLength(6);
  });

  it('refuses retiring with a stale ETag as a conflict', async () => {
    const repo = new MemoryRepository({ seed: FIRST_PHASE });
    const [first] = await repo.getWorkstreams();
    await repo.setWorkstreamRetired(first.id, true, first.etag);
    expect((await refusal(repo.setWorkstreamRetired(first.id, false, first.etag))).kind).toBe('conflict');
  });

  it('keeps a retired workstream in a locked period’s snapshot (seeded programme)', async () => {
    const repo = new MemoryRepository();
    const periods = await repo.getPeriods();
    const locked = periods.filter((p) => p.state === 'Locked')[0];
    const before = await repo.getPeriodPicture(locked.id);
    const all = await repo.getWorkstreams();
    const gone = all.filter((w) => w.id === before.workstreams[0].id)[0];
    await repo.setWorkstreamRetired(gone.id, true, gone.etag);
    const after = await repo.getPeriodPicture(locked.id);
    expect(after.workstreams.map((w) => w.id)).toEqual(before.workstreams.map((w) => w.id));
  });
});

describe('the Board meeting date a lock records', () => {
  it('records the date on the period and in Period History, and refuses an impossible date writing nothing', async () => {
    const repo = new MemoryRepository({ seed: FIRST_PHASE });
    // Every theme's report approved, over the real cycle.
    const picture = await repo.getPeriodPicture(1);
    for (const r of picture.statusReports) {
      const submitted = await repo.transitionReport(r.id, 'submit', r.etag);
      await repo.transitionReport(r.id, 'approve', submitted.etag);
    }
    const bad = await refusal(repo.lockPeriod(1, { boardMeetingDate: '31/06/2023' }));
    expect(bad.field).toBe('boardMeetingDate');
    expect((await repo.getPeriods())[0].state).toBe('Open');
    const locked = await repo.lockPeriod(1, { boardMeetingDate: '12/04/2023' });
    expect(locked.state).toBe('Locked');
    expect(locked.boardMeetingDate).toBe('2023-04-12');
    expect((await repo.getPeriods())[0].boardMeetingDate).toBe('2023-04-12');
    const history = await repo.getPeriodHistory(1);
    const lock = history.filter((h) => h.action === 'Locked')[0];
    expect(lock.boardMeetingDate).toBe('2023-04-12');
    expect(lock.at).not.toBe('');
  });
});
