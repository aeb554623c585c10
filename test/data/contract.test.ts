/**
 * One contract, three implementations: the PnPjs repository over SharePoint REST and the Graph
 * repository over Microsoft Graph, each with its real client library over real HTTP to the
 * emulator, and the in-memory list transport the UI tests run on (src/data/memory). Whatever one
 * does, the others must do the same; what only a wire has (throttling, the list view threshold)
 * is held to the two over HTTP.
 */
import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';
import { Client, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { BearerLogin, pnpError } from '../../src/data/sharepoint/PnpRepository';
import { graphClientError } from '../../src/data/graph/pipeline';
import type { IEditablePeriodPicture, IProgrammeRepository, Saved } from '../../src/data/repository';
import type { Emulator } from '../../src/emulator/server';
import type { IMilestone } from '../../src/domain';
import { IMPLEMENTATIONS, MEMORY_NAME, memory, memorySiteOf, startStack, underEachVariant, USERS } from './support/stack';
import { failure } from '../support/dataFailure';

const NOVDEC = 2;
const JUNE = 1;

function withoutEtags<T>(value: T): T {
  // ETags, the programme's among them, are each protocol's own.
  return JSON.parse(JSON.stringify(value, (k, v) => (k === 'etag' || k === 'programmeEtag' ? undefined : v)));
}

// Both wire implementations under each wire variant; the in-memory transport (no wire) once.
describe.each([...underEachVariant(IMPLEMENTATIONS), [MEMORY_NAME, memory, {}] as const])('%s', (name, make, wire) => {
  let emu: Emulator;
  let lead: IProgrammeRepository;
  // Round trips: HTTP requests to the emulator, or calls to the in-memory site.
  const trips = {
    reset: (): void => (name === MEMORY_NAME ? void memorySiteOf(emu).site.calls.splice(0) : emu.resetStats()),
    count: (): number => (name === MEMORY_NAME ? memorySiteOf(emu).site.calls.length : emu.stats.roundTrips),
    parts: (): number => (name === MEMORY_NAME ? memorySiteOf(emu).site.calls.reduce((n, c) => n + c.lists.length, 0) : emu.stats.batchParts)
  };
  beforeAll(async () => {
    emu = await startStack({ faults: wire });
    lead = make(emu, USERS.lead);
  });
  afterAll(() => emu.close());

  it('reads the periods in order, June 2023 locked and November/December 2023 open', async () => {
    const periods = await lead.getPeriods();
    expect(periods.map((p) => [p.id, p.title, p.start, p.end, p.state])).toEqual([
      [JUNE, 'June 2023', '2023-06-01', '2023-06-30', 'Locked'],
      [NOVDEC, 'November/December 2023', '2023-11-01', '2023-12-22', 'Open']
    ]);
  });

  it("loads a period's whole picture in one round trip", async () => {
    await lead.getPeriods();
    trips.reset();
    const picture: IEditablePeriodPicture = await lead.getPeriodPicture(NOVDEC);
    expect(trips.count()).toBe(1);
    expect(trips.parts()).toBeGreaterThanOrEqual(10);
    expect(picture.workstreams.map((w) => w.code)).toEqual(['GOV', 'PROC', 'PPD', 'PART', 'CCC']);
    expect(picture.statusReports).toHaveLength(5);
    expect(picture.previousStatusReports).toHaveLength(5);
    expect(picture.sponsorComments).toHaveLength(5);
    expect(picture.milestones).toHaveLength(37);
    // Of June's 50 milestones, the 28 it planned for the next period.
    expect(picture.previousMilestones).toHaveLength(28);
    expect(picture.previousMilestones.every((m) => m.timing === 'NextPeriod')).toBe(true);
    // Nov/Dec lists its own 15 open risks; June's were closed in Nov/Dec.
    expect(picture.risks).toHaveLength(15);
    expect(picture.feedback.map((f) => f.kind)).toEqual(['Challenge']);
    const gov = picture.workstreams[0];
    expect(gov.sponsor).toMatchObject({ name: 'Nick Bell', login: USERS.sponsor });
    expect(picture.sponsorComments.filter((c) => c.workstreamId === gov.id)[0].author).toMatchObject({ name: 'Nick Bell' });
    expect(picture.programme.ragDefinitions.map((d) => d.rag)).toEqual(['Green', 'Green/Amber', 'Amber', 'Amber/Red', 'Red']);
    const ppd = picture.statusReports.filter((r) => r.workstreamId === picture.workstreams[2].id)[0];
    expect(ppd.agreedCompletionAsWritten).toBe('31/06/23');
    expect(picture.risks.every((r) => typeof r.etag === 'string' && r.etag.length > 0)).toBe(true);
  });

  it("holds of the previous period's reports and milestones what the picture uses — ratings, completion dates, states, what was planned — and none of their text", async () => {
    const picture = await lead.getPeriodPicture(NOVDEC);
    const before = await lead.getPeriodPicture((picture.previousPeriod as { id: number }).id);
    const report = (r: { id: number; workstreamId: number; periodId: number; rag?: unknown; agreedCompletionAsWritten?: string; forecastCompletionAsWritten?: string; state: string }): unknown =>
      [r.id, r.workstreamId, r.periodId, r.rag, r.agreedCompletionAsWritten, r.forecastCompletionAsWritten, r.state];
    const planned = (m: { id: number; workstreamId: number; periodId: number; timing: string; number?: string; title: string; order: number }): unknown =>
      [m.id, m.workstreamId, m.periodId, m.timing, m.number, m.title, m.order];
    const byId = (a: { id: number }, b: { id: number }): number => a.id - b.id;
    expect(picture.previousStatusReports.slice().sort(byId).map(report)).toEqual(before.statusReports.slice().sort(byId).map(report));
    // Of the previous period's milestones, those it planned for this one: the others are not read.
    const plannedForThis = before.milestones.filter((m) => m.timing === 'NextPeriod');
    expect(plannedForThis.length).toBeGreaterThan(0);
    expect(plannedForThis.length).toBeLessThan(before.milestones.length);
    expect(picture.previousMilestones.slice().sort(byId).map(planned)).toEqual(plannedForThis.sort(byId).map(planned));
    const text = (r: object): string => ['keyActivities', 'engagement', 'concernsIssues', 'managerUpdate', 'ragRationale'].map((k) => (r as { [k: string]: string | undefined })[k] || '').join('');
    expect(before.statusReports.filter((r) => text(r) !== '')).toHaveLength(before.statusReports.length);
    expect(picture.previousStatusReports.filter((r) => text(r) !== '')).toEqual([]);
    expect(picture.previousMilestones.filter((m) => !!(m as { status?: string }).status)).toEqual([]);
  });

  it("loads June's picture from June's own risks, closed since", async () => {
    const june = await lead.getPeriodPicture(JUNE);
    expect(june.previousPeriod).toBeUndefined();
    expect(june.risks).toHaveLength(15);
    expect(june.risks.every((r) => r.raisedPeriodId === JUNE && r.state === 'Closed')).toBe(true);
  });

  it('loads one workstream only, for its Teams tab', async () => {
    const picture = await lead.getPeriodPicture(NOVDEC, { workstreamId: 5 });
    expect(picture.workstreams.map((w) => w.code)).toEqual(['CCC']);
    expect(picture.milestones.every((m) => m.workstreamId === 5)).toBe(true);
    expect(picture.milestones.filter((m) => m.number === '7' && m.timing === 'ThisPeriod')).toHaveLength(2);
  });

  it('summarises the programme: every rating, open risks and milestones due', async () => {
    const summary = await lead.getProgrammeSummary();
    expect(summary.programme.title).toBe('Improvement Plan Phase 2');
    expect(summary.history).toHaveLength(10);
    expect(summary.history.filter((h) => h.periodId === NOVDEC).map((h) => h.rag)).toEqual(['Green', 'Green', 'Green', 'Green/Amber', 'Green']);
    expect(Object.values(summary.openRisks).reduce((a, b) => a + b, 0)).toBe(15);
    // Due: this period's milestones not complete, not next period's plans.
    const novDec = await lead.getPeriodPicture(NOVDEC);
    for (const w of novDec.workstreams) {
      const due = novDec.milestones.filter((m) => m.workstreamId === w.id && m.timing === 'ThisPeriod' && m.statusCategory !== 'Complete').length;
      expect(summary.milestonesDue[w.id] || 0).toBe(due);
    }
    expect(summary.milestonesDue[1]).toBe(3);
    // …with their due dates, as the workstream's own view shows them.
    for (const w of novDec.workstreams) {
      const dates = novDec.milestones.filter((m) => m.workstreamId === w.id && m.timing === 'ThisPeriod' && m.statusCategory !== 'Complete' && m.dueDate).map((m) => m.dueDate);
      expect((summary.milestonesDueDates[w.id] || []).slice().sort()).toEqual(dates.slice().sort());
    }
  });

  it("summarises every open risk's likelihood and impact for the risk matrix, unscored ones without numbers; titles, numbers and owners read apart, in one round trip", async () => {
    const before = await lead.getProgrammeSummary();
    // The seeded papers score none of their 15 open risks.
    expect(before.openRiskScores).toHaveLength(15);
    expect(before.openRiskScores.every((r) => r.likelihood === undefined && r.impact === undefined)).toBe(true);
    expect(before.openRiskScores.filter((r) => r.workstreamId === 2)).toHaveLength(before.openRisks[2]);
    const risk = await lead.create('risk', { workstreamId: 3, number: '9', description: 'Supplier   fails\n\nto deliver', mitigation: 'Second supplier', likelihood: 4, impact: 5, owner: 'Head of Procurement', state: 'Open', raisedPeriodId: NOVDEC, order: 9 });
    try {
      if (name !== MEMORY_NAME) {
        emu.resetStats();
      }
      const after = await lead.getProgrammeSummary();
      if (name !== MEMORY_NAME) {
        // On the wire: the open risks' scores, not their titles, numbers or owners.
        const risksRead: string[] = [...emu.stats.recent, ...emu.stats.recentParts].map((r) => decodeURIComponent(r.path)).filter((p) => /getByTitle\('Risks'\)|\/lists\/Risks\//.test(p));
        expect(risksRead.length).toBeGreaterThan(0);
        // Graph's columns are in expand=fields(select=…); its $select=id names the item's own properties.
        const selected: string[] = risksRead.map((p) => (/fields\(\$?select=([^&)]*)/i.exec(p) || /select=([^&)]*)/i.exec(p) || ['', ''])[1]);
        expect(selected.every((columns) => columns.split(',').indexOf('WorkstreamId') >= 0 || columns.split(',').indexOf('WorkstreamLookupId') >= 0)).toBe(true);
        expect(selected.filter((columns) => columns.split(',').some((c) => ['Title', 'RiskOwner', 'RiskNumber'].indexOf(c) >= 0))).toEqual([]);
      }
      expect(after.openRiskScores).toHaveLength(16);
      // The landing holds only what the matrix counts.
      expect(after.openRiskScores.filter((r) => r.id === risk.id)).toEqual([{ id: risk.id, workstreamId: 3, likelihood: 4, impact: 5 }]);
      trips.reset();
      const listed = await lead.getOpenRisks();
      expect(trips.count()).toBe(1);
      expect(listed.map((r) => r.id).sort((a, b) => a - b)).toEqual(after.openRiskScores.map((r) => r.id).sort((a, b) => a - b));
      expect(listed.filter((r) => r.id === risk.id)).toEqual([
        { id: risk.id, workstreamId: 3, number: '9', title: 'Supplier fails to deliver', likelihood: 4, impact: 5, owner: 'Head of Procurement', order: 9 }
      ]);
      // In workstream order, then each workstream's own order.
      const keys = listed.map((r) => [r.workstreamId, r.order]);
      expect(keys).toEqual(keys.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    } finally {
      await lead.remove('risk', risk.id, risk.etag);
    }
  });

  it("reads a workstream's RAG history", async () => {
    const history = await lead.getRagHistory(4);
    expect(history.map((h) => [h.periodId, h.rag])).toEqual([
      [JUNE, 'Amber'],
      [NOVDEC, 'Green/Amber']
    ]);
  });

  it('creates, reads, updates and deletes every kind of entity', async () => {
    const report = await lead.create('statusReport', { workstreamId: 1, periodId: NOVDEC, rag: 'Amber', previousRag: null, keyActivities: 'Training <rolled> out & "checked"', state: 'Draft' });
    expect(report).toMatchObject({ rag: 'Amber', previousRag: null, keyActivities: 'Training <rolled> out & "checked"', state: 'Draft' });
    const comment = await lead.create('sponsorComment', { workstreamId: 1, periodId: NOVDEC, text: 'Good progress.\n\nMore to do.' });
    const milestone = await lead.create('milestone', { workstreamId: 1, periodId: NOVDEC, timing: 'NextPeriod', number: '5', title: 'Agree the remuneration policy', dueDate: '2024-01-31', order: 5 });
    expect(milestone).toMatchObject({ timing: 'NextPeriod', dueDate: '2024-01-31', number: '5' });
    const risk = await lead.create('risk', { workstreamId: 1, description: 'Key staff leave', mitigation: 'Succession plan', likelihood: 3, impact: 4, state: 'Open', raisedPeriodId: NOVDEC, order: 3 });
    const feedback = await lead.create('feedback', { workstreamId: 1, periodId: NOVDEC, kind: 'Feedback', text: 'Clear report.' });

    for (const [kind, item] of [['statusReport', report], ['sponsorComment', comment], ['milestone', milestone], ['risk', risk], ['feedback', feedback]] as const) {
      const read = await lead.get(kind, item.id);
      expect(withoutEtags(read)).toEqual(withoutEtags(item));
    }

    const report2 = await lead.update('statusReport', report.id, { rag: 'Green', ragRationale: 'Back on track.' }, report.etag);
    expect(report2).toMatchObject({ rag: 'Green', ragRationale: 'Back on track.', keyActivities: 'Training <rolled> out & "checked"' });
    expect(report2.etag).not.toBe(report.etag);
    const milestone2 = await lead.update('milestone', milestone.id, { status: 'Complete', statusCategory: 'Complete', dueDate: undefined }, milestone.etag);
    expect(milestone2).toMatchObject({ status: 'Complete', statusCategory: 'Complete', title: 'Agree the remuneration policy' });
    expect(milestone2.dueDate).toBeUndefined();
    const risk2 = await lead.update('risk', risk.id, { state: 'Closed', closedPeriodId: NOVDEC }, risk.etag);
    expect(risk2).toMatchObject({ state: 'Closed', closedPeriodId: NOVDEC, likelihood: 3 });
    const comment2 = await lead.update('sponsorComment', comment.id, { text: 'Revised.' }, comment.etag);
    const feedback2 = await lead.update('feedback', feedback.id, { kind: 'Challenge' }, feedback.etag);
    expect(feedback2.kind).toBe('Challenge');

    await lead.remove('statusReport', report.id, report2.etag);
    await lead.remove('sponsorComment', comment.id, comment2.etag);
    await lead.remove('milestone', milestone.id, milestone2.etag);
    await lead.remove('risk', risk.id, risk2.etag);
    await lead.remove('feedback', feedback.id, feedback2.etag);
    expect((await failure(lead.get('milestone', milestone.id))).kind).toBe('notFound');
  });

  it('adds an item once when a create is repeated with the same request key, as a retry after a lost answer is', async () => {
    const title: string = 'Publish the members\' allowances review';
    const value = { workstreamId: 2, periodId: NOVDEC, timing: 'ThisPeriod', title, order: 50 } as const;
    const count = async (): Promise<number> => (await lead.getPeriodPicture(NOVDEC)).milestones.filter((m) => m.title === title).length;
    const first = await lead.create('milestone', value, { requestKey: 'contract-retry-1' });
    const again = await lead.create('milestone', value, { requestKey: 'contract-retry-1' });
    expect(again).toEqual(first);
    expect(await count()).toBe(1);
    // The same key in another list, or no key at all, is another item.
    const risk = await lead.create('risk', { workstreamId: 2, description: title, mitigation: 'Agree the timetable with the panel', state: 'Open', raisedPeriodId: NOVDEC, order: 9 }, { requestKey: 'contract-retry-1' });
    expect(risk.description).toBe(title);
    const other = await lead.create('milestone', value);
    expect(other.id).not.toBe(first.id);
    expect(await count()).toBe(2);
    // A key SharePoint's column cannot hold is the caller's mistake, refused before anything is sent.
    await expect(lead.create('milestone', value, { requestKey: 'k'.repeat(65) })).rejects.toThrow('A request key has 1 to 64 characters');
    expect(await count()).toBe(2);
    for (const m of [first, other]) {
      await lead.remove('milestone', m.id, m.etag);
    }
    await lead.remove('risk', risk.id, risk.etag);
  });

  it('refuses a stale ETag as a conflict carrying the current version, and changes nothing', async () => {
    const picture = await lead.getPeriodPicture(NOVDEC);
    const original: Saved<IMilestone> = picture.milestones[3];
    const manager = make(emu, USERS.manager);
    const theirs = await manager.update('milestone', original.id, { status: 'Delayed – waiting for the Board', statusCategory: 'Delayed' }, original.etag);
    const error = await failure(lead.update('milestone', original.id, { status: 'Complete' }, original.etag));
    expect(error.kind).toBe('conflict');
    expect(error.status).toBe(412);
    expect(error.message).toMatch(/someone else changed it/);
    expect(error.current).toMatchObject({ id: original.id, status: 'Delayed – waiting for the Board', etag: theirs.etag });
    expect(await lead.get('milestone', original.id)).toMatchObject({ status: 'Delayed – waiting for the Board', etag: theirs.etag });
    const deleteError = await failure(lead.remove('milestone', original.id, original.etag));
    expect(deleteError.kind).toBe('conflict');
    expect((await lead.get('milestone', original.id)).id).toBe(original.id);
  });

  it('refuses an IIB member who writes where they may only read, and changes nothing', async () => {
    const iib = make(emu, USERS.iib);
    const rights = await iib.getRights();
    expect(rights.milestones).toEqual({ view: true, add: false, edit: false, delete: false, approve: false, manage: false });
    expect(rights.feedback).toMatchObject({ view: true, add: true });
    const before = await lead.getPeriodPicture(NOVDEC);
    const target = before.milestones[0];
    const update = await failure(iib.update('milestone', target.id, { status: 'Tampered' }, target.etag));
    expect(update.kind).toBe('forbidden');
    expect(update.status).toBe(403);
    const create = await failure(iib.create('risk', { workstreamId: 1, description: 'x', mitigation: 'y', state: 'Open', raisedPeriodId: NOVDEC, order: 9 }));
    expect(create.kind).toBe('forbidden');
    const after = await lead.getPeriodPicture(NOVDEC);
    expect(after.milestones.filter((m) => m.id === target.id)[0]).toEqual(target);
    expect(after.risks).toHaveLength(before.risks.length);
    const ok = await iib.create('feedback', { workstreamId: 2, periodId: NOVDEC, kind: 'Challenge', text: 'Why is the contract manager post still vacant?' });
    expect(ok.author).toMatchObject({ name: 'Alex Morgan' });
  });

  it('gives each persona the rights their SharePoint groups give', async () => {
    const rightsOf = async (login: string): Promise<string> => {
      const r = await make(emu, login).getRights();
      return ['statusReports', 'sponsorComments', 'milestones', 'risks', 'feedback', 'workstreams']
        .map((k) => `${k}:${(r as unknown as { [k: string]: { add: boolean } })[k].add ? 'w' : 'r'}`)
        .join(' ');
    };
    expect(await rightsOf(USERS.lead)).toBe('statusReports:w sponsorComments:w milestones:w risks:w feedback:w workstreams:w');
    // Workstream leads write IIB Feedback to respond to challenges (the product lets only a workstream's own project managers respond).
    expect(await rightsOf(USERS.manager)).toBe('statusReports:w sponsorComments:r milestones:w risks:w feedback:w workstreams:r');
    expect(await rightsOf(USERS.sponsor)).toBe('statusReports:r sponsorComments:w milestones:r risks:r feedback:r workstreams:r');
    expect(await rightsOf(USERS.iib)).toBe('statusReports:r sponsorComments:r milestones:r risks:r feedback:w workstreams:r');
    expect(await make(emu, USERS.sponsor).getCurrentUser()).toMatchObject({ name: 'Nick Bell', login: USERS.sponsor });
  });

  it('refuses bad input with a validation error naming the field, before anything is sent', async () => {
    trips.reset();
    const control = await failure(lead.create('milestone', { workstreamId: 1, periodId: NOVDEC, timing: 'ThisPeriod', title: 'Bell\u0007', order: 1 }));
    expect(control).toMatchObject({ kind: 'validation', field: 'title' });
    expect(control.message).toContain('U+0007');
    const long = await failure(lead.create('milestone', { workstreamId: 1, periodId: NOVDEC, timing: 'ThisPeriod', title: 'x'.repeat(300), order: 1 }));
    expect(long.message).toMatch(/is 300 characters long; the most SharePoint keeps is 255/);
    const rag = await failure(lead.update('statusReport', 1, { rag: 'Purple' as 'Red' }, '"1"'));
    expect(rag).toMatchObject({ kind: 'validation', field: 'rag' });
    const score = await failure(lead.create('risk', { workstreamId: 1, description: 'd', mitigation: 'm', state: 'Open', raisedPeriodId: NOVDEC, order: 1, likelihood: 7 }));
    expect(score.message).toBe('Likelihood: 7 must be a whole number from 1 to 5.');
    expect(trips.count()).toBe(0);
  });
});

describe.each(IMPLEMENTATIONS)('%s reading only what a view shows', (_name, make) => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  /** Every answer's body while `work` runs. */
  async function answersDuring(work: () => Promise<unknown>): Promise<string> {
    const bodies: Array<Promise<string>> = [];
    const real = globalThis.fetch;
    const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const response: Response = await real(input, init);
      bodies.push(response.clone().text());
      return response;
    });
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return (await Promise.all(bodies)).join('\n');
  }

  it("summarises the programme and reads a RAG history without any report's text crossing the wire", async () => {
    const lead = make(emu, USERS.lead);
    const reports = [...(await lead.getPeriodPicture(JUNE)).statusReports, ...(await lead.getPeriodPicture(NOVDEC)).statusReports];
    // A stretch of each report's text, as JSON would carry it.
    const fragments: string[] = reports
      .flatMap((r) => [r.keyActivities, r.managerUpdate, r.ragRationale])
      .filter((t): t is string => typeof t === 'string' && t.length > 30)
      .map((t) => JSON.stringify(t).slice(1, 31));
    expect(fragments.length).toBeGreaterThan(5);
    let summary: Awaited<ReturnType<IProgrammeRepository['getProgrammeSummary']>> | undefined;
    const summaryAnswers: string = await answersDuring(async () => (summary = await lead.getProgrammeSummary()));
    expect(summary?.history).toHaveLength(10);
    expect(fragments.filter((f) => summaryAnswers.indexOf(f) >= 0)).toEqual([]);
    // Nor any risk's mitigation: the risk matrix needs the scores, the owner and the title only.
    const mitigations: string[] = (await lead.getPeriodPicture(NOVDEC)).risks
      .map((r) => r.mitigation)
      .filter((t) => t.length > 30)
      .map((t) => JSON.stringify(t).slice(1, 31));
    expect(mitigations.length).toBeGreaterThan(3);
    expect(mitigations.filter((f) => summaryAnswers.indexOf(f) >= 0)).toEqual([]);
    let history: Awaited<ReturnType<IProgrammeRepository['getRagHistory']>> = [];
    const historyAnswers: string = await answersDuring(async () => (history = await lead.getRagHistory(4)));
    expect(history.map((h) => h.rag)).toEqual(['Amber', 'Green/Amber']);
    expect(fragments.filter((f) => historyAnswers.indexOf(f) >= 0)).toEqual([]);
  });
});

describe.each(IMPLEMENTATIONS)('%s under throttling', (_name, make) => {
  let emu: Emulator;
  let lead: IProgrammeRepository;
  beforeAll(async () => {
    emu = await startStack();
    lead = make(emu, USERS.lead);
  });
  afterAll(() => emu.close());

  it("absorbs injected 429s with the client's own retries", async () => {
    await lead.getPeriods();
    emu.setFaults({ rate: 1, status: 429, retryAfterSeconds: 1, maxPerRequest: 1 });
    try {
      const picture = await lead.getPeriodPicture(NOVDEC);
      const m = picture.milestones[1];
      const saved = await lead.update('milestone', m.id, { status: 'Ongoing – retried' }, m.etag);
      expect(saved.status).toBe('Ongoing – retried');
      expect(emu.stats.faultsInjected).toBeGreaterThanOrEqual(2);
    } finally {
      emu.setFaults({ rate: 0 });
    }
  }, 30000);

  it('reads who the user is and what they may do through throttling, not only the list data', async () => {
    // A fresh repository: nothing cached, so the user and the rights go to the wire (for Graph,
    // SharePoint REST calls outside graph-client, which must retry as graph-client does).
    const fresh: IProgrammeRepository = make(emu, USERS.sponsor);
    emu.setFaults({ rate: 1, status: 429, retryAfterSeconds: 1, maxPerRequest: 1 });
    try {
      const [user, rights] = await Promise.all([fresh.getCurrentUser(), fresh.getRights()]);
      expect(user.login).toBe(USERS.sponsor);
      expect(rights.sponsorComments).toMatchObject({ view: true, add: true, edit: true, manage: false });
      expect(rights.statusReports).toMatchObject({ view: true, edit: false, approve: false });
      expect(emu.stats.faultsInjected).toBeGreaterThanOrEqual(2);
    } finally {
      emu.setFaults({ rate: 0 });
    }
  }, 30000);

  it('reports throttling it cannot absorb as throttled, with when to retry', async () => {
    await lead.getPeriods();
    emu.setFaults({ rate: 1, status: 503, retryAfterSeconds: 1, maxPerRequest: 99 });
    try {
      const error = await failure(lead.getPeriodPicture(NOVDEC));
      expect(error.kind).toBe('throttled');
      expect(error.retryAfterSeconds).toBe(1);
      expect(error.message).toMatch(/Try again in 1 seconds/);
    } finally {
      emu.setFaults({ rate: 0 });
    }
  }, 30000);
});

describe.each(underEachVariant(IMPLEMENTATIONS))('%s on a portfolio past the list view threshold', (name, make, wire) => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startStack({ faults: wire });
    const list = emu.store.listByTitle('Milestones');
    if (!list) {
      throw new Error('no Milestones list');
    }
    const user = emu.site.userByLogin(USERS.lead);
    if (!user) {
      throw new Error('no lead');
    }
    // 6,000 milestones in the open period, stored directly: the reading is under test here.
    emu.store.transaction(() => {
      for (let i = 1; i <= 6000; i++) {
        emu.site.createItem(user, list, { Title: `Portfolio milestone ${i}`, Workstream: 1 + (i % 5), ReportingPeriod: NOVDEC, Timing: 'This period', SortOrder: 100 + i }, 'SP.Data.MilestonesListItem');
      }
    });
  });
  afterAll(() => emu.close());

  it('reads 6,000 milestones page by page when the period filter passes the threshold', async () => {
    const repo = make(emu, USERS.lead);
    await repo.getPeriods();
    emu.resetStats();
    const picture = await repo.getPeriodPicture(NOVDEC);
    expect(picture.milestones).toHaveLength(6037);
    expect(new Set(picture.milestones.map((m) => m.id)).size).toBe(6037);
    expect(picture.milestones.filter((m) => m.title === 'Portfolio milestone 6000')).toHaveLength(1);
    // One batch, then the list read page by page by ID after SharePoint refused the filter.
    expect(emu.stats.recent.filter((r) => r.status === 200).length).toBeGreaterThan(2);
    expect(emu.stats.roundTrips).toBeGreaterThan(2);
  });

  it('gets a threshold error for a filter on a column that is not indexed', async () => {
    emu.setFaults({ rate: 0 });
    if (name.startsWith('PnPjs')) {
      const sp = spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(USERS.lead));
      let caught: unknown;
      try {
        await sp.web.lists.getByTitle('Milestones').items.filter("MilestoneNumber eq '7'")();
      } catch (e) {
        caught = e;
      }
      const error = await pnpError(caught, 'read the milestones');
      expect(error.kind).toBe('threshold');
      expect(error.status).toBe(500);
      expect(error.message).toMatch(/5,000-item list view threshold/);
    } else {
      const client = Client.init({ baseUrl: emu.httpsUrl, customHosts: new Set(['localhost']), authProvider: (done) => done(null, USERS.lead) });
      const path = `/sites/localhost:${emu.site.serverRelativeUrl}:/lists/Milestones/items?expand=fields&$filter=fields/MilestoneNumber eq '7'`;
      let refused: unknown;
      try {
        await client.api(path).get();
      } catch (e) {
        refused = e;
      }
      // Without the Prefer header, Graph refuses a non-indexed filter outright…
      expect(graphClientError(refused, 'read the milestones').kind).toBe('validation');
      let caught: unknown;
      try {
        // No retries: a plain 429 would otherwise be retried as throttling, slowly.
        await client.api(path).header('Prefer', 'HonorNonIndexedQueriesWarningMayFailRandomly').middlewareOptions([new RetryHandlerOptions(0, 0)]).get();
      } catch (e) {
        caught = e;
      }
      // …and with it, the list view threshold stops it: a 429 naming the threshold, or a plain
      // 429 no different from throttling, which the repository meets by reading the list whole.
      expect(graphClientError(caught, 'read the milestones').kind).toBe(wire.plainGraphThreshold ? 'throttled' : 'threshold');
    }
  }, 30000);
});

describe('the implementations', () => {
  it('give the same picture of a period', async () => {
    const emu = await startStack();
    try {
      const [pnpRepo, graphRepo] = IMPLEMENTATIONS.map(([, make]) => make(emu, USERS.manager));
      expect(withoutEtags(await graphRepo.getPeriodPicture(NOVDEC))).toEqual(withoutEtags(await pnpRepo.getPeriodPicture(NOVDEC)));
      expect(await graphRepo.getRights()).toEqual(await pnpRepo.getRights());
      expect(withoutEtags(await graphRepo.getProgrammeSummary())).toEqual(withoutEtags(await pnpRepo.getProgrammeSummary()));
      // …and so does the in-memory transport the UI tests run on, but for when things were written.
      const inMemory = memory(emu, USERS.manager);
      const unwritten = <T>(value: T): T => JSON.parse(JSON.stringify(withoutEtags(value), (k, v) => (k === 'created' ? undefined : v)));
      expect(unwritten(await inMemory.getPeriodPicture(NOVDEC))).toEqual(unwritten(await pnpRepo.getPeriodPicture(NOVDEC)));
      expect(await inMemory.getRights()).toEqual(await pnpRepo.getRights());
      expect(await inMemory.getCurrentUser()).toEqual(await pnpRepo.getCurrentUser());
      expect(withoutEtags(await inMemory.getProgrammeSummary())).toEqual(withoutEtags(await pnpRepo.getProgrammeSummary()));
      const june = (picture: IEditablePeriodPicture): unknown => unwritten({ ...picture, snapshot: { ...picture.snapshot, id: undefined, takenAt: undefined, sha256: undefined } });
      expect(june(await inMemory.getPeriodPicture(JUNE))).toEqual(june(await pnpRepo.getPeriodPicture(JUNE)));
    } finally {
      await emu.close();
    }
  });
});
