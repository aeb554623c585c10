/**
 * Acknowledged readiness findings (issue 12) held to one contract over PnPjs (SharePoint REST),
 * graph-client (Microsoft Graph) against the emulator over real HTTP, and the in-memory list
 * transport: the programme office acknowledges a finding with a reason, it stays acknowledged
 * when the period is read again, and withdrawing it makes it count again; a must-fix finding, a
 * blank reason, a finding readiness no longer finds, anyone but the programme office and a
 * locked period are each refused with a clear message, writing nothing.
 */
import type { Emulator } from '../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { applyAcknowledgements, checkReadiness, findingKey, type IPeriod, type IReadinessFinding } from '../../src/domain';
import { LIST_TITLES } from '../../src/data/repository';
import type { IEditablePeriodPicture, IProgrammeRepository } from '../../src/data/repository';
import { ProgrammeRepository } from '../../src/data/ProgrammeRepository';
import { MemoryTransport } from '../../src/data/memory/MemoryTransport';
import { IMPLEMENTATIONS, startStack, USERS } from './support/stack';
import { seededSite } from '../support/memoryProgramme';
import { failure } from '../support/dataFailure';

/** An acknowledgement's columns as stored, bypassing the repository: as an earlier version wrote it. */
type StoredAcknowledgement = { Title: string; ReportingPeriodId: number; FindingKey: string; Reason: string };

type Factory = () => Promise<{ as: (login: string) => IProgrammeRepository; store: (row: StoredAcknowledgement) => Promise<void>; close: () => Promise<void> }>;

const overWire = (make: (emulator: Emulator, login: string) => IProgrammeRepository): Factory => async () => {
  const emu: Emulator = await startStack({ seed: IMPROVEMENT_PLAN_PHASE_2 });
  const store = async (row: StoredAcknowledgement): Promise<void> => {
    const res = await fetch(`${emu.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(LIST_TITLES.acknowledgements)}')/items`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${USERS.lead}` },
      body: JSON.stringify(row)
    });
    expect(res.status).toBe(201);
  };
  return { as: (login) => make(emu, login), store, close: async () => { await emu.close(); } };
};

const inMemory: Factory = async () => {
  const { site, ready } = seededSite(IMPROVEMENT_PLAN_PHASE_2);
  await ready;
  const store = async (row: StoredAcknowledgement): Promise<void> => {
    site.add('acknowledgements', row, (site.user(USERS.lead) as { id: number }).id);
  };
  return { as: (login) => new ProgrammeRepository(new MemoryTransport(site, login, ready)), store, close: async () => undefined };
};

const FACTORIES: Array<[string, Factory]> = [...IMPLEMENTATIONS.map(([name, make]) => [name, overWire(make)] as [string, Factory]), ['the in-memory list transport', inMemory]];

describe.each(FACTORIES)('%s', (_name, factory) => {
  let stack: Awaited<ReturnType<Factory>>;
  let open: IPeriod;
  let locked: IPeriod;
  let warning: IReadinessFinding;
  let mustFix: IReadinessFinding;

  beforeAll(async () => {
    stack = await factory();
    const periods: IPeriod[] = await stack.as(USERS.lead).getPeriods();
    open = periods.filter((p) => p.state === 'Open')[0];
    locked = periods.filter((p) => p.state === 'Locked')[0];
    const findings: IReadinessFinding[] = checkReadiness(await stack.as(USERS.lead).getPeriodPicture(open.id));
    warning = findings.filter((f) => f.severity === 'warning' && f.where.itemId !== undefined)[0];
    mustFix = findings.filter((f) => f.severity === 'error')[0];
  });
  afterAll(() => stack && stack.close());

  const picture = (login: string = USERS.lead): Promise<IEditablePeriodPicture> => stack.as(login).getPeriodPicture(open.id);

  it('the seeded open period has findings to check and one that must be fixed, none acknowledged', async () => {
    expect(warning).toBeDefined();
    expect(mustFix).toBeDefined();
    expect((await picture()).acknowledgements).toEqual([]);
  });

  it('the programme office acknowledges a finding with a reason: set apart, with who and when, on every later read and for every reader', async () => {
    const before: number = applyAcknowledgements(checkReadiness(await picture()), []).open.length;
    const reason: string = 'The paper numbers risks <as written> & keeps them: ]]> the Board agreed.';
    const made = await stack.as(USERS.lead).acknowledgeFinding(open.id, findingKey(warning), reason);
    expect(made).toMatchObject({ periodId: open.id, findingKey: findingKey(warning), reason, by: { name: 'Heidi Robinson' } });
    expect(made.etag).not.toBe('');
    expect(made.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);

    // A fresh repository (a reload), as the office and as an IIB member.
    for (const login of [USERS.lead, USERS.iib]) {
      const again: IEditablePeriodPicture = await picture(login);
      expect(again.acknowledgements).toEqual([expect.objectContaining({ id: made.id, findingKey: findingKey(warning), reason, by: expect.objectContaining({ name: 'Heidi Robinson' }) })]);
      const applied = applyAcknowledgements(checkReadiness(again), again.acknowledgements);
      expect(applied.open).toHaveLength(before - 1);
      expect(applied.acknowledged.map((a) => a.finding.message)).toEqual([warning.message]);
    }
    expect(await stack.as(USERS.manager).getAcknowledgements(open.id)).toEqual([expect.objectContaining({ id: made.id, reason })]);
  });

  it('acknowledging the same finding again gives back the acknowledgement, adding nothing', async () => {
    const [first] = await stack.as(USERS.lead).getAcknowledgements(open.id);
    const again = await stack.as(USERS.lead).acknowledgeFinding(open.id, findingKey(warning), 'Said twice.');
    expect(again.id).toBe(first.id);
    expect(again.reason).toBe(first.reason);
    expect(await stack.as(USERS.lead).getAcknowledgements(open.id)).toHaveLength(1);
  });

  it('refuses a blank reason, a finding that must be fixed, and a finding readiness no longer finds, writing nothing', async () => {
    const other: IReadinessFinding = checkReadiness(await picture()).filter((f) => f.severity !== 'error' && findingKey(f) !== findingKey(warning))[0];
    const blank = await failure(stack.as(USERS.lead).acknowledgeFinding(open.id, findingKey(other), '   '));
    expect(blank).toMatchObject({ kind: 'validation', field: 'reason' });
    expect(blank.message).toMatch(/^Reason.*must not be empty\.$/);

    const refused = await failure(stack.as(USERS.lead).acknowledgeFinding(open.id, findingKey(mustFix), 'We know.'));
    expect(refused).toMatchObject({ kind: 'validation', code: 'mustFix' });
    expect(refused.message).toContain(mustFix.message);
    expect(refused.message).toContain('must be fixed before the report is approved and the period locked');
    expect(refused.message).toContain("give your reason when you approve the report or lock the period: that reason is recorded in the period's history");

    const gone = await failure(stack.as(USERS.lead).acknowledgeFinding(open.id, 'placeholder|risk:99999|Mitigation', 'Not any more.'));
    expect(gone).toMatchObject({ kind: 'notFound' });
    expect(gone.message).toContain('readiness no longer finds it');

    expect(await stack.as(USERS.lead).getAcknowledgements(open.id)).toHaveLength(1);
  });

  it('refuses anyone but the programme office, to acknowledge or to withdraw', async () => {
    const [ack] = await stack.as(USERS.lead).getAcknowledgements(open.id);
    for (const login of [USERS.manager, USERS.sponsor, USERS.iib]) {
      const add = await failure(stack.as(login).acknowledgeFinding(open.id, findingKey(warning), 'I think so.'));
      expect(add).toMatchObject({ kind: 'forbidden', message: 'Could not acknowledge the finding: only the programme office acknowledges readiness findings.' });
      const withdraw = await failure(stack.as(login).withdrawAcknowledgement(ack.id, ack.etag));
      expect(withdraw).toMatchObject({ kind: 'forbidden' });
    }
    expect(await stack.as(USERS.lead).getAcknowledgements(open.id)).toHaveLength(1);
  });

  it('withdrawn, the finding counts again', async () => {
    const [ack] = await stack.as(USERS.lead).getAcknowledgements(open.id);
    await stack.as(USERS.lead).withdrawAcknowledgement(ack.id, ack.etag);
    const after: IEditablePeriodPicture = await picture();
    expect(after.acknowledgements).toEqual([]);
    expect(applyAcknowledgements(checkReadiness(after), after.acknowledgements).open.map(findingKey)).toContain(findingKey(warning));
    const twice = await failure(stack.as(USERS.lead).withdrawAcknowledgement(ack.id, ack.etag));
    expect(twice).toMatchObject({ kind: 'notFound' });
  });

  it('an acknowledgement stored as keys were before they named fields by code still acknowledges its finding, and is the one given back when acknowledged again', async () => {
    // The key as earlier versions stored it: its field in English words ("…|Mitigation"), read through currentFindingKey.
    const asBefore: { [code: string]: string } = {
      overview: 'Overview',
      sponsorComments: 'Workstream sponsor comments',
      ragThisPeriod: 'Project status this period',
      ragPreviousPeriod: 'Project status previous period',
      agreedCompletion: 'Agreed completion date',
      forecastCompletion: 'Forecast completion date',
      completionDate: 'Completion date',
      ragRationale: 'RAG rationale',
      completedBy: 'Report completed by',
      workstream: 'Workstream',
      number: 'Number',
      milestone: 'Milestone',
      riskDescription: 'Risk description',
      mitigation: 'Mitigation'
    };
    const field: string = asBefore[warning.where.field as string];
    expect(field).toBeDefined();
    const oldKey: string = `${findingKey(warning).slice(0, findingKey(warning).lastIndexOf('|'))}|${field}`;
    expect(oldKey).not.toBe(findingKey(warning));
    await stack.store({ Title: warning.message, ReportingPeriodId: open.id, FindingKey: oldKey, Reason: 'Recorded before the keys named codes.' });

    const read: IEditablePeriodPicture = await picture();
    expect(read.acknowledgements).toEqual([expect.objectContaining({ findingKey: oldKey, reason: 'Recorded before the keys named codes.' })]);
    const applied = applyAcknowledgements(checkReadiness(read), read.acknowledgements);
    expect(applied.acknowledged.map((a) => [findingKey(a.finding), a.acknowledgement.findingKey])).toEqual([[findingKey(warning), oldKey]]);

    // Acknowledging the finding again, by today's key or the old one, gives back the stored one and adds nothing.
    for (const key of [findingKey(warning), oldKey]) {
      const again = await stack.as(USERS.lead).acknowledgeFinding(open.id, key, 'Said again.');
      expect(again).toMatchObject({ findingKey: oldKey, reason: 'Recorded before the keys named codes.' });
    }
    const [stored] = await stack.as(USERS.lead).getAcknowledgements(open.id);
    await stack.as(USERS.lead).withdrawAcknowledgement(stored.id, stored.etag);
    expect(await stack.as(USERS.lead).getAcknowledgements(open.id)).toEqual([]);
  });

  it("a locked period's acknowledgements are frozen: none added, none withdrawn, and its picture still shows them", async () => {
    const lead: IProgrammeRepository = stack.as(USERS.lead);
    expect(await failure(lead.acknowledgeFinding(locked.id, 'missing-overview|period|Overview', 'Too late.'))).toMatchObject({ kind: 'locked' });

    const ack = await lead.acknowledgeFinding(open.id, findingKey(warning), 'Recorded as the paper went.');
    await lead.lockPeriod(open.id, { allowUnapproved: true, reason: 'Went to the Board as it was.', overrideReason: 'As the paper went to the Board.' });
    const withdraw = await failure(stack.as(USERS.lead).withdrawAcknowledgement(ack.id, ack.etag));
    expect(withdraw).toMatchObject({ kind: 'locked' });
    expect(withdraw.message).toContain('is locked');
    const frozen: IEditablePeriodPicture = await stack.as(USERS.lead).getPeriodPicture(open.id);
    expect(frozen.snapshot).toBeDefined();
    expect(frozen.acknowledgements).toEqual([expect.objectContaining({ id: ack.id, reason: 'Recorded as the paper went.' })]);
    expect(applyAcknowledgements(checkReadiness(frozen), frozen.acknowledgements).acknowledged.map((a) => a.finding.message)).toEqual([warning.message]);
  });
});
