/**
 * The IIB challenge log and the period's overview, held to one contract over the three
 * transports: PnPjs over SharePoint REST and graph-client over Microsoft Graph (real HTTP to the
 * emulator, which keeps version history as SharePoint does), and the in-memory transport the
 * dashboard's tests run on. Each test makes its own challenge, so the order of tests does not matter.
 */
import type { IIibFeedback } from '../../src/domain';
import type { IProgrammeRepository, Saved } from '../../src/data/repository';
import { CHALLENGE_CLOSED, FEEDBACK_ON_RECORD, FEEDBACK_PERIOD_LOCKED, NOT_FEEDBACK_AUTHOR, NOT_IIB_RECORDER, NOT_PROGRAMME_OFFICE, NOT_WORKSTREAM_LEAD } from '../../src/data/rules';
import type { Emulator } from '../../src/emulator/server';
import { failure } from '../support/dataFailure';
import { IMPLEMENTATIONS, MEMORY_NAME, memory, startStack, USERS } from './support/stack';

const JUNE = 1;
const NOVDEC = 2;
/** Project Plans and Delivery: Jodie Townsend is its project manager, Louisa Simpson is not. */
const PPD = 3;
const JODIE: string = 'jodie.townsend@improvement.example';
const PRIYA: string = 'priya.shah@improvement.example';

describe.each([...IMPLEMENTATIONS, [MEMORY_NAME, memory] as const])('%s', (name, make) => {
  let emu: Emulator;
  let lead: IProgrammeRepository;
  let iib: IProgrammeRepository;
  let jodie: IProgrammeRepository;
  let louisa: IProgrammeRepository;

  beforeAll(async () => {
    emu = await startStack();
    lead = make(emu, USERS.lead);
    iib = make(emu, USERS.iib);
    jodie = make(emu, JODIE);
    louisa = make(emu, USERS.manager);
  });
  afterAll(() => emu.close());

  const challenge = (text: string): Promise<Saved<IIibFeedback>> => iib.create('feedback', { workstreamId: PPD, periodId: NOVDEC, kind: 'Challenge', text });

  it("keeps every change of a challenge in its history: who, when and what it said, newest first", async () => {
    const first = await challenge('Why has the agreed completion date of 31/06/23 not been corrected?');
    const second = await iib.update('feedback', first.id, { text: 'Why has the impossible date 31/06/23 not been corrected?' }, first.etag);
    const history = await lead.getFeedbackHistory(first.id);
    expect(history.map((v) => [v.label, v.current, v.by && v.by.name, v.value.text])).toEqual([
      ['2.0', true, 'Alex Morgan', 'Why has the impossible date 31/06/23 not been corrected?'],
      ['1.0', false, 'Alex Morgan', 'Why has the agreed completion date of 31/06/23 not been corrected?']
    ]);
    expect(history.every((v) => v.value.id === first.id && v.value.workstreamId === PPD && v.value.periodId === NOVDEC && v.value.kind === 'Challenge')).toBe(true);
    expect(Date.parse(history[0].at)).toBeGreaterThanOrEqual(Date.parse(history[1].at));
    expect(second.text).toBe(history[0].value.text);
  });

  it("lets the workstream's own project manager respond, recording who and when, and refuses anyone else with the reason", async () => {
    const c = await challenge('What is the plan for the vacant planning officer posts?');
    const other = await failure(louisa.respondToChallenge(c.id, 'Not mine to answer.', c.etag));
    expect(other).toMatchObject({ kind: 'forbidden', code: NOT_WORKSTREAM_LEAD });
    expect(other.message).toContain('Project Plans and Delivery');
    const member = await failure(iib.respondToChallenge(c.id, 'Answering my own challenge.', c.etag));
    expect(member.code).toBe(NOT_WORKSTREAM_LEAD);
    const empty = await failure(jodie.respondToChallenge(c.id, '   ', c.etag));
    expect(empty).toMatchObject({ kind: 'validation', field: 'response' });
    expect((await lead.get('feedback', c.id)).etag).toBe(c.etag);

    const before: number = Date.now() - 1000;
    const answered = await jodie.respondToChallenge(c.id, 'Two posts are advertised; interviews on 12/01/2024.', c.etag);
    expect(answered).toMatchObject({ response: 'Two posts are advertised; interviews on 12/01/2024.', respondedBy: { name: 'Jodie Townsend' }, text: c.text, author: { name: 'Alex Morgan' } });
    expect(Date.parse(answered.respondedAt as string)).toBeGreaterThanOrEqual(before);
    // A stale ETag is a conflict carrying the challenge as it now is.
    const stale = await failure(jodie.respondToChallenge(c.id, 'Again.', c.etag));
    expect(stale.kind).toBe('conflict');
    expect((stale.current as Saved<IIibFeedback>).response).toBe(answered.response);
    const history = await iib.getFeedbackHistory(c.id);
    expect(history.map((v) => [v.label, v.by && v.by.name, v.value.response || null])).toEqual([
      ['2.0', 'Jodie Townsend', 'Two posts are advertised; interviews on 12/01/2024.'],
      ['1.0', 'Alex Morgan', null]
    ]);
  });

  it('lets only the programme office close a challenge, with an optional note; a closed challenge then stays as closed', async () => {
    const c = await challenge('Is the CIPFA code review on track?');
    const byMember = await failure(iib.closeChallenge(c.id, undefined, c.etag));
    expect(byMember).toMatchObject({ kind: 'forbidden', code: NOT_PROGRAMME_OFFICE });
    const closed = await lead.closeChallenge(c.id, 'Answered at the Board on 18/01/2024.', c.etag);
    expect(closed).toMatchObject({ closedBy: { name: 'Heidi Robinson' }, closingNote: 'Answered at the Board on 18/01/2024.', text: c.text });
    expect(closed.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await failure(lead.closeChallenge(c.id, undefined, closed.etag))).code).toBe(CHALLENGE_CLOSED);
    expect((await failure(jodie.respondToChallenge(c.id, 'Late answer.', closed.etag))).code).toBe(CHALLENGE_CLOSED);
    expect((await failure(iib.update('feedback', c.id, { text: 'Rewritten after closing' }, closed.etag))).code).toBe(CHALLENGE_CLOSED);
    expect((await failure(iib.remove('feedback', c.id, closed.etag))).code).toBe(CHALLENGE_CLOSED);
    expect(await lead.get('feedback', c.id)).toEqual(closed);
  });

  it("refuses another member's change to a challenge, and a response or closing slipped into an edit", async () => {
    const c = await challenge('Who owns the Local Plan timetable?');
    const priya = make(emu, PRIYA);
    expect((await failure(priya.update('feedback', c.id, { text: 'Rewritten by Priya' }, c.etag))).code).toBe(NOT_FEEDBACK_AUTHOR);
    const sneaky = await failure(iib.update('feedback', c.id, { closedAt: '2024-01-01T00:00:00Z' } as Partial<IIibFeedback>, c.etag));
    expect(sneaky.kind).toBe('validation');
    expect((await lead.get('feedback', c.id)).etag).toBe(c.etag);
    // A workstream's own people may write the list (to respond) but do not record challenges.
    const before: number = (await lead.getPeriodPicture(NOVDEC)).feedback.length;
    const byLead = await failure(jodie.create('feedback', { workstreamId: PPD, periodId: NOVDEC, kind: 'Challenge', text: 'Challenging ourselves.' }));
    expect(byLead).toMatchObject({ kind: 'forbidden', code: NOT_IIB_RECORDER });
    expect((await lead.getPeriodPicture(NOVDEC)).feedback).toHaveLength(before);
  });

  it("adds nothing to a locked period's log: a challenge about June goes to the open period and shows under both", async () => {
    const before = (await lead.getPeriodPicture(JUNE)).feedback.length;
    const refused = await failure(iib.create('feedback', { workstreamId: PPD, periodId: JUNE, kind: 'Challenge', text: 'Was the procurement code agreed in June?' }));
    expect(refused).toMatchObject({ kind: 'locked', code: FEEDBACK_PERIOD_LOCKED });
    expect(refused.message).toContain('June 2023 is locked');
    expect((await lead.getPeriodPicture(JUNE)).feedback).toHaveLength(before);

    const about = await iib.create('feedback', { workstreamId: PPD, periodId: NOVDEC, aboutPeriodId: JUNE, kind: 'Challenge', text: 'Was the procurement code agreed in June?' });
    expect(about).toMatchObject({ periodId: NOVDEC, aboutPeriodId: JUNE });
    const june = await iib.getPeriodPicture(JUNE);
    expect(june.snapshot).toBeDefined();
    expect(june.feedback.filter((f) => f.id === about.id)).toHaveLength(1);
    expect(june.feedback).toHaveLength(before + 1);
    expect((await iib.getPeriodPicture(NOVDEC)).feedback.filter((f) => f.id === about.id)).toHaveLength(1);
    // A workstream's own picture (a Teams tab) finds it too.
    expect((await iib.getPeriodPicture(JUNE, { workstreamId: PPD })).feedback.map((f) => f.id)).toContain(about.id);

    const backwards = await failure(iib.create('feedback', { workstreamId: PPD, periodId: JUNE, aboutPeriodId: NOVDEC, kind: 'Challenge', text: 'x' }));
    expect(backwards.kind).toBe('locked');
    const later = await failure(iib.create('feedback', { workstreamId: PPD, periodId: NOVDEC, aboutPeriodId: NOVDEC, kind: 'Challenge', text: 'x' }));
    expect(later).toMatchObject({ kind: 'validation', field: 'aboutPeriodId' });
  });

  it("keeps a locked period's challenges on record: not edited or deleted, even by their author, yet still responded to and closed", async () => {
    const c = await challenge('Who signs off the revised delivery plan?');
    await lead.lockPeriod(NOVDEC, { allowUnapproved: true, reason: 'The Board met.', overrideReason: 'The paper went as it was.' });
    try {
      const edit = await failure(iib.update('feedback', c.id, { text: 'Rewritten after the Board.' }, c.etag));
      expect(edit).toMatchObject({ kind: 'locked', code: FEEDBACK_ON_RECORD });
      expect(edit.message).toContain('November/December 2023 is locked');
      expect(edit.message).toContain('can still be responded to and closed');
      expect((await failure(lead.remove('feedback', c.id, c.etag))).code).toBe(FEEDBACK_ON_RECORD);
      const responded = await jodie.respondToChallenge(c.id, 'The chief executive, at the January meeting.', c.etag);
      const closed = await lead.closeChallenge(responded.id, undefined, responded.etag);
      expect(closed).toMatchObject({ text: 'Who signs off the revised delivery plan?', response: 'The chief executive, at the January meeting.' });
      expect(closed.closedAt).toBeDefined();
    } finally {
      await lead.reopenPeriod(NOVDEC, 'Back to the tests: the period was locked only to try its challenge log.');
    }
  });

  it("saves the period's overview for the programme office only, guarded by its ETag, and never a locked period's", async () => {
    const period = await lead.getPeriod(NOVDEC);
    const refused = await failure(iib.updateOverview(NOVDEC, { overview: 'Not mine to write.' }, period.etag));
    expect(refused.kind).toBe('forbidden');
    const empty = await failure(lead.updateOverview(NOVDEC, { overview: ' ' }, period.etag));
    expect(empty).toMatchObject({ kind: 'validation', field: 'overview' });
    const saved = await lead.updateOverview(NOVDEC, { overview: 'Four themes are green.\n\nProcurement remains a concern.', overviewAuthor: 'Angela Probert', overallRag: 'Green/Amber' }, period.etag);
    expect(saved).toMatchObject({ overview: 'Four themes are green.\n\nProcurement remains a concern.', overviewAuthor: 'Angela Probert', overallRag: 'Green/Amber', state: 'Open', title: 'November/December 2023' });
    expect((await lead.getPeriods()).filter((p) => p.id === NOVDEC)[0].overview).toBe(saved.overview);
    const stale = await failure(lead.updateOverview(NOVDEC, { overview: 'An older draft.' }, period.etag));
    expect(stale.kind).toBe('conflict');
    expect(stale.current).toMatchObject({ overview: saved.overview, etag: saved.etag });
    const june = await lead.getPeriod(JUNE);
    const locked = await failure(lead.updateOverview(JUNE, { overview: 'Rewriting history.' }, june.etag));
    expect(locked.kind).toBe('locked');
    expect((await lead.getPeriod(JUNE)).overview).toBe(june.overview);
    expect(name).toBeTruthy();
  });
});
