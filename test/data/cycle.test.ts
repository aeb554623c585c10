/**
 * The reporting cycle, through both repositories over real HTTP: reports written, submitted,
 * commented on by their sponsor, approved and the period locked with a snapshot; a locked
 * period's records refused, its picture unchanged however the lists change; reopening recorded
 * with its reason. The rules SharePoint cannot express are the product's, and tested here.
 */
import { checkReadiness } from '../../src/domain';
import type { IEditablePeriodPicture, IProgrammeRepository } from '../../src/data/repository';
import type { Emulator } from '../../src/emulator/server';
import type { IEmuRequest, IEmuResponse } from '../../src/emulator/http';
import type { DataError } from '../../src/data/errors';
import { IMPLEMENTATIONS, startStack, USERS } from './support/stack';
import { failure } from '../support/dataFailure';

const JUNE = 1;
const NOVDEC = 2;
const OTHER_MANAGER = 'jodie.townsend@improvement.example';
const SPONSOR_PART = 'richard.kenny@improvement.example';

function strip(p: IEditablePeriodPicture): unknown {
  return JSON.parse(JSON.stringify({ ...p, periods: undefined, snapshot: undefined }, (k, v) => (k === 'etag' ? undefined : v)));
}

/** A change made straight in the list, bypassing the product, as a site owner could. */
async function directChange(emu: Emulator, list: string, id: number, body: object): Promise<number> {
  const res = await fetch(`${emu.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(list)}')/items(${id})`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${USERS.lead}`, 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' },
    body: JSON.stringify(body)
  });
  return res.status;
}

describe.each(IMPLEMENTATIONS)('%s', (_name, make) => {
  let emu: Emulator;
  let lead: IProgrammeRepository;
  beforeEach(async () => {
    emu = await startStack();
    lead = make(emu, USERS.lead);
  });
  afterEach(() => emu.close());

  it('keeps June 2023 as it went to the Board: locked, read from its snapshot, its records refused', async () => {
    const before = await lead.getPeriodPicture(JUNE);
    expect(before.period.state).toBe('Locked');
    expect(before.snapshot).toMatchObject({ takenBy: { name: 'Heidi Robinson' } });
    expect(before.snapshot?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(before.milestones.every((m) => m.etag === '')).toBe(true);
    const history = await lead.getPeriodHistory(JUNE);
    expect(history.map((h) => [h.action, h.by?.name])).toEqual([['Locked', 'Heidi Robinson']]);

    // The product refuses June's own records, with words saying why and who can reopen.
    const manager = make(emu, USERS.manager);
    const novDec = await manager.getPeriodPicture(NOVDEC);
    const juneMilestone = before.milestones[0];
    const refused = await failure(manager.update('milestone', juneMilestone.id, { status: 'Complete' }, '"1"'));
    expect(refused.kind).toBe('locked');
    expect(refused.message).toBe('June 2023 is locked: its report has gone to the Board, so its milestone can no longer change. The programme office can reopen the period, giving a reason.');
    const moveIn = await failure(manager.update('milestone', novDec.milestones[0].id, { periodId: JUNE }, novDec.milestones[0].etag));
    expect(moveIn.kind).toBe('locked');
    const report = before.statusReports[0];
    expect((await failure(lead.update('statusReport', report.id, { ragRationale: 'Revised' }, '"1"'))).kind).toBe('locked');
    expect((await failure(manager.create('milestone', { workstreamId: 1, periodId: JUNE, timing: 'ThisPeriod', title: 'Late addition', order: 9 }))).kind).toBe('locked');

    // A risk June reported lives on and changes; a June milestone changed straight in the list.
    const liveRisk = novDec.risks[0];
    await manager.update('risk', liveRisk.id, { mitigation: 'Rewritten in January' }, liveRisk.etag);
    expect(await directChange(emu, 'Milestones', juneMilestone.id, { Title: 'Rewritten after the Board' })).toBe(204);
    const juneRisk = before.risks[0];
    expect(await directChange(emu, 'Risks', juneRisk.id, { Mitigation: 'Rewritten after the Board' })).toBe(204);

    const iib = make(emu, USERS.iib);
    const after = await iib.getPeriodPicture(JUNE);
    expect(strip(after)).toEqual(strip(before));

    // IIB feedback follows the Board's meeting, but a locked period's log is not added to: a
    // challenge about June is recorded in the open period, about June, and shows under June at
    // once, live and editable, while everything the Board was told stays as it was.
    expect((await failure(iib.create('feedback', { workstreamId: 2, periodId: JUNE, kind: 'Challenge', text: 'Was the procurement code agreed in June?' }))).kind).toBe('locked');
    const challenge = await iib.create('feedback', { workstreamId: 2, periodId: novDec.period.id, aboutPeriodId: JUNE, kind: 'Challenge', text: 'Was the procurement code agreed in June?' });
    const withFeedback = await iib.getPeriodPicture(JUNE);
    expect(withFeedback.feedback.map((f) => f.text)).toEqual([...before.feedback.map((f) => f.text), 'Was the procurement code agreed in June?']);
    expect(withFeedback.feedback.every((f) => f.etag !== '')).toBe(true);
    expect(withFeedback.feedback.filter((f) => f.id === challenge.id)[0].author).toMatchObject({ name: 'Alex Morgan' });
    expect(strip({ ...withFeedback, feedback: [] })).toEqual(strip({ ...before, feedback: [] }));
    const procurementOnly = await iib.getPeriodPicture(JUNE, { workstreamId: 2 });
    expect(procurementOnly.feedback.map((f) => f.workstreamId)).toEqual(withFeedback.feedback.filter((f) => f.workstreamId === 2).map(() => 2));
  }, 30000);

  it('runs a period through the cycle: written, submitted, commented, approved, locked, reopened', async () => {
    const january = await lead.createPeriod({ title: 'January 2024', start: '01/01/2024', end: '31/01/2024' });
    expect(january).toMatchObject({ title: 'January 2024', start: '2024-01-01', end: '2024-01-31', state: 'Open' });
    expect((await failure(lead.createPeriod({ title: 'Overlap', start: '15/01/2024', end: '15/02/2024' }))).message).toBe('The period overlaps January 2024; reporting periods may not overlap.');
    expect((await failure(make(emu, USERS.manager).createPeriod({ title: 'February 2024', start: '01/02/2024', end: '29/02/2024' }))).kind).toBe('forbidden');

    const manager = make(emu, USERS.manager);
    // Draft reports for every workstream (the programme office writes those no manager here covers).
    const drafts = [];
    for (const ws of [1, 2, 3, 4, 5]) {
      const writer = ws <= 2 ? manager : lead;
      drafts.push(await writer.create('statusReport', { workstreamId: ws, periodId: january.id, rag: 'Green', keyActivities: 'Kept going.', state: 'Draft' }));
    }
    const gov = drafts[0];
    // Submitting checks the report is complete.
    const incomplete = await failure(manager.transitionReport(gov.id, 'submit', gov.etag));
    expect(incomplete.kind).toBe('validation');
    // Named by the report's field key, as the form's field is.
    expect(incomplete.field).toBe('completedBy');
    expect(incomplete.message).toBe('Could not submit the report: Report completed by: (missing) must not be empty. Completion date: (missing) must not be empty: enter a date as dd/mm/yyyy.');
    const filled = await manager.update('statusReport', gov.id, { completedBy: 'Louisa Simpson', completionDateAsWritten: '30/01/2024' }, gov.etag);
    const submitted = await manager.transitionReport(gov.id, 'submit', filled.etag);
    expect(submitted.state).toBe('Submitted');
    // Submitted: the manager can no longer change it, nor approve it.
    expect((await failure(manager.update('statusReport', gov.id, { keyActivities: 'Changed my mind' }, submitted.etag))).kind).toBe('forbidden');
    expect((await failure(manager.transitionReport(gov.id, 'approve', submitted.etag))).kind).toBe('forbidden');
    // Sent back needs a reason; the reason reaches the manager.
    expect((await failure(lead.transitionReport(gov.id, 'return', submitted.etag, ' '))).kind).toBe('validation');
    const returned = await lead.transitionReport(gov.id, 'return', submitted.etag, 'Say what the training covered.');
    expect(returned).toMatchObject({ state: 'Returned', returnReason: 'Say what the training covered.' });
    const fixed = await manager.update('statusReport', gov.id, { keyActivities: 'Kept going. Training covered the new constitution.' }, returned.etag);
    const resubmitted = await manager.transitionReport(gov.id, 'submit', fixed.etag);
    const approved = await lead.transitionReport(gov.id, 'approve', resubmitted.etag);
    expect(approved).toMatchObject({ state: 'Approved', returnReason: undefined });

    // Sponsor comments: the sponsor of the workstream, and no other.
    const sponsor = make(emu, USERS.sponsor);
    await sponsor.create('sponsorComment', { workstreamId: 1, periodId: january.id, text: 'Content with progress.' });
    const notTheirs = await failure(sponsor.create('sponsorComment', { workstreamId: 4, periodId: january.id, text: 'Partnership is fine.' }));
    expect(notTheirs.kind).toBe('forbidden');
    expect(notTheirs.message).toBe("Only Partnership Working's sponsor, Richard Kenny, can write its sponsor comments.");
    await make(emu, SPONSOR_PART).create('sponsorComment', { workstreamId: 4, periodId: january.id, text: 'Partnership is fine.' });

    // Locking wants every report approved, and says where each other one stands, in the dashboard's words.
    const procurement = drafts[1];
    const procurementFilled = await manager.update('statusReport', procurement.id, { completedBy: 'PMO', completionDateAsWritten: '30/01/2024' }, procurement.etag);
    const procurementSubmitted = await manager.transitionReport(procurement.id, 'submit', procurementFilled.etag);
    drafts[1] = await lead.transitionReport(procurement.id, 'return', procurementSubmitted.etag, 'Add the procurement pipeline.');
    const early = await failure(lead.lockPeriod(january.id));
    expect(early.message).toBe('January 2024 cannot be locked yet: these reports are not approved — Procurement (sent back), Project Plans and Delivery (draft), Partnership Working (draft), Confidence, Culture and Capacity (draft).');
    for (const d of drafts.slice(1)) {
      const writer = d.workstreamId <= 2 ? manager : lead;
      const f = await writer.update('statusReport', d.id, { completedBy: 'PMO', completionDateAsWritten: '30/01/2024' }, d.etag);
      const s = await writer.transitionReport(d.id, 'submit', f.etag);
      await lead.transitionReport(d.id, 'approve', s.etag);
    }
    expect((await failure(manager.lockPeriod(january.id))).kind).toBe('forbidden');
    const milestone = await manager.create('milestone', { workstreamId: 1, periodId: january.id, timing: 'ThisPeriod', title: 'Train the new committee', status: 'Ongoing', order: 1 });
    // Every report is approved, but three workstreams have no sponsor comments: a must-fix finding
    // refuses the lock unless the programme office gives a reason to go ahead.
    const unfixed = await failure(lead.lockPeriod(january.id));
    expect(unfixed).toMatchObject({ kind: 'validation', field: 'overrideReason' });
    expect(unfixed.message).toBe(
      'January 2024 cannot be locked yet: readiness finds 3 faults that must be fixed first — Procurement has no sponsor comments for January 2024. Project Plans and Delivery has no sponsor comments for January 2024. Confidence, Culture and Capacity has no sponsor comments for January 2024. Fix them, or give a reason to lock anyway; the reason is recorded in the period\'s history.'
    );
    expect((await lead.getPeriods()).filter((p) => p.id === january.id)[0].state).toBe('Open');
    expect((await failure(lead.lockPeriod(january.id, { overrideReason: ' ' }))).field).toBe('overrideReason');
    await lead.lockPeriod(january.id, { overrideReason: 'Sponsors gave their comments at the Board meeting itself.' });

    const lockedBefore = await lead.getPeriodPicture(january.id);
    expect(lockedBefore.snapshot).toBeDefined();
    expect(lockedBefore.statusReports.map((r) => r.state)).toEqual(['Approved', 'Approved', 'Approved', 'Approved', 'Approved']);

    // Milestones and risks then change: the open period shows it, the locked one does not.
    expect((await failure(manager.update('milestone', milestone.id, { status: 'Complete' }, milestone.etag))).kind).toBe('locked');
    const novDec = await manager.getPeriodPicture(NOVDEC);
    const risk = novDec.risks[0];
    await manager.update('risk', risk.id, { description: 'Changed after January was locked' }, risk.etag);
    expect(await directChange(emu, 'Milestones', milestone.id, { MilestoneStatus: 'Complete' })).toBe(204);
    const lockedAfter = await lead.getPeriodPicture(january.id);
    expect(strip(lockedAfter)).toEqual(strip(lockedBefore));
    expect((await manager.getPeriodPicture(NOVDEC)).risks.filter((r) => r.id === risk.id)[0].description).toBe('Changed after January was locked');

    // Reopening needs a reason, and records who, when and why.
    expect((await failure(lead.reopenPeriod(january.id, ''))).kind).toBe('validation');
    expect((await failure(manager.reopenPeriod(january.id, 'I need to edit'))).kind).toBe('forbidden');
    await lead.reopenPeriod(january.id, 'The Board asked for the Procurement figures to be corrected.');
    const history = await lead.getPeriodHistory(january.id);
    expect(history.map((h) => [h.action, h.reason && h.reason.split('\n')[0], h.by && h.by.name])).toEqual([
      ['Overridden', 'Sponsors gave their comments at the Board meeting itself.', 'Heidi Robinson'],
      ['Locked', undefined, 'Heidi Robinson'],
      ['Reopened', 'The Board asked for the Procurement figures to be corrected.', 'Heidi Robinson']
    ]);
    // The override names what it went over; only the history holds it.
    expect(history[0].reason).toContain('Overridden: Procurement has no sponsor comments for January 2024.');
    expect(history[2].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const reopened = await lead.getPeriodPicture(january.id);
    expect(reopened.snapshot).toBeUndefined();
    expect(reopened.milestones.filter((m) => m.id === milestone.id)[0].status).toBe('Complete');
  }, 60000);

  it("starts a new period from the last one: November/December's planned milestones become January's, to report on", async () => {
    const novDec = await lead.getPeriodPicture(NOVDEC);
    const planned = novDec.milestones.filter((m) => m.timing === 'NextPeriod');
    const named = planned.filter((m) => m.title.trim() !== '');
    // The seed's plans include an empty row (Partnership Working's "1"), which is not carried.
    expect(named.length).toBeGreaterThan(10);
    expect(named.length).toBeLessThan(planned.length);
    const january = await lead.createPeriod({ title: 'January 2024', start: '01/01/2024', end: '31/01/2024' });
    const picture = await lead.getPeriodPicture(january.id);
    const key = (m: { workstreamId: number; number?: string; title: string; order: number }): string => `${m.workstreamId}|${m.number || ''}|${m.title}|${m.order}`;
    expect(picture.milestones.map((m) => m.timing).every((t) => t === 'ThisPeriod')).toBe(true);
    expect(picture.milestones.map(key).sort()).toEqual(named.map(key).sort());
    expect(picture.milestones.every((m) => m.status === undefined && m.statusCategory === undefined)).toBe(true);
    // Readiness no longer finds last period's plans unreported: they are there to report on.
    expect(picture.previousPeriod && picture.previousPeriod.id).toBe(NOVDEC);
    expect(checkReadiness(picture).filter((f) => f.rule === 'planned-milestone-not-reported')).toEqual([]);
    // A period set up in the past carries nothing.
    const earlier = await lead.createPeriod({ title: 'September/October 2023', start: '01/09/2023', end: '31/10/2023' });
    expect((await lead.getPeriodPicture(earlier.id)).milestones).toEqual([]);
  }, 30000);

  it('a new period whose carried milestones are not all brought in stands, says so, and holds none of them (those brought are taken back)', async () => {
    const novDec = await lead.getPeriodPicture(NOVDEC);
    const named = novDec.milestones.filter((m) => m.timing === 'NextPeriod' && m.title.trim() !== '');
    const plain = named.filter((m) => /^[A-Za-z0-9 ,.-]+$/.test(m.title) && named.filter((n) => n.title === m.title).length === 1)[named.length > 2 ? 1 : 0];
    expect(plain).toBeDefined();
    // The write carrying that milestone is refused on the way (its title made past the column's
    // 255 characters); the others in its $batch go through, as SharePoint and Graph run them.
    const answer = emu.handle.bind(emu);
    const marker: string = `"Title":"${plain.title}"`;
    emu.handle = async (req: IEmuRequest): Promise<IEmuResponse> =>
      answer(/\$batch$/.test(req.url.pathname) && req.body.indexOf(marker) >= 0 ? { ...req, body: req.body.replace(marker, `"Title":"${'x'.repeat(300)}"`) } : req);
    let refused: DataError;
    try {
      refused = await failure(lead.createPeriod({ title: 'January 2024', start: '01/01/2024', end: '31/01/2024' }));
    } finally {
      emu.handle = answer;
    }
    expect(refused.code).toBe('carryForwardFailed');
    const january = (await lead.getPeriods()).filter((p) => p.title === 'January 2024')[0];
    expect(january).toBeDefined();
    expect((await lead.getPeriodPicture(january.id)).milestones).toEqual([]);
    // November/December's plans are as they were.
    expect((await lead.getPeriodPicture(NOVDEC)).milestones.filter((m) => m.timing === 'NextPeriod').length).toBe(novDec.milestones.filter((m) => m.timing === 'NextPeriod').length);
  }, 30000);

  it("keeps a challenge as its author recorded it: another IIB member cannot change or delete it; the programme office can", async () => {
    const alex = make(emu, USERS.iib);
    const priya = make(emu, 'priya.shah@improvement.example');
    const challenge = await alex.create('feedback', { workstreamId: 2, periodId: NOVDEC, kind: 'Challenge', text: 'What is the procurement pipeline?' });
    const rewrite = await failure(priya.update('feedback', challenge.id, { text: 'Rewritten by Priya.' }, challenge.etag));
    expect(rewrite).toMatchObject({ kind: 'forbidden', code: 'notFeedbackAuthor' });
    expect(rewrite.message).toBe('Only Alex Morgan or the programme office can change this challenge or feedback.');
    expect((await failure(priya.remove('feedback', challenge.id, challenge.etag))).kind).toBe('forbidden');
    expect((await alex.get('feedback', challenge.id)).text).toBe('What is the procurement pipeline?');
    const own = await alex.update('feedback', challenge.id, { text: 'What is the procurement pipeline for 2024?' }, challenge.etag);
    const office = await lead.update('feedback', challenge.id, { kind: 'Feedback' }, own.etag);
    expect(office).toMatchObject({ kind: 'Feedback', text: 'What is the procurement pipeline for 2024?' });
  }, 30000);

  it('refuses to approve a report with a must-fix finding unless the programme office gives a reason, recorded in the history', async () => {
    const manager = make(emu, USERS.manager);
    const period = await lead.createPeriod({ title: 'February 2024', start: '01/02/2024', end: '29/02/2024' });
    const draft = await manager.create('statusReport', {
      workstreamId: 1,
      periodId: period.id,
      rag: 'Green',
      keyActivities: 'Kept going.',
      agreedCompletionAsWritten: '31/06/23',
      completedBy: 'Louisa Simpson',
      completionDateAsWritten: '27/02/2024',
      state: 'Draft'
    });
    const submitted = await manager.transitionReport(draft.id, 'submit', draft.etag);
    const refused = await failure(lead.transitionReport(draft.id, 'approve', submitted.etag));
    expect(refused).toMatchObject({ kind: 'validation', field: 'overrideReason' });
    expect(refused.message).toBe(
      'Could not approve the status report: readiness finds a fault that must be fixed first — Governance and Decision Making: Agreed completion date: "31/06/23" is not a date: June 2023 has 30 days. Fix it, or give a reason to go ahead; the reason is recorded in the period\'s history.'
    );
    expect((await lead.get('statusReport', draft.id)).state).toBe('Submitted');
    expect(await lead.getPeriodHistory(period.id)).toEqual([]);

    const approved = await lead.transitionReport(draft.id, 'approve', submitted.etag, 'The date is as the sponsor signed it; corrected next period.');
    expect(approved.state).toBe('Approved');
    const history = await lead.getPeriodHistory(period.id);
    expect(history.map((h) => h.action)).toEqual(['Overridden']);
    expect(history[0].reason).toBe(
      'The date is as the sponsor signed it; corrected next period.\n\nOverridden: Governance and Decision Making: Agreed completion date: "31/06/23" is not a date: June 2023 has 30 days.'
    );
    // The report itself carries nothing of it: the override is printed nowhere but the history.
    expect(approved.returnReason).toBeUndefined();
  }, 30000);

  it('lets only the programme office lock with reports not approved, giving a reason', async () => {
    const period = await lead.createPeriod({ title: 'March 2024', start: '01/03/2024', end: '31/03/2024' });
    expect((await failure(lead.lockPeriod(period.id, { allowUnapproved: true }))).field).toBe('reason');
    await lead.lockPeriod(period.id, { allowUnapproved: true, reason: 'No reports this month: the Board did not meet.' });
    const history = await lead.getPeriodHistory(period.id);
    expect(history[0]).toMatchObject({ action: 'Locked', reason: 'No reports this month: the Board did not meet.' });
    expect((await failure(make(emu, OTHER_MANAGER).create('statusReport', { workstreamId: 3, periodId: period.id, state: 'Draft' }))).kind).toBe('locked');
  }, 30000);
});
