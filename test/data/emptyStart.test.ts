/**
 * An empty start (`npm start -- --empty`) and a programme that reports only what it has, over
 * real HTTP against the emulator: the lists are provisioned with no programme in them, the
 * programme office sets the programme up with its reporting options, and a programme that does
 * not rate its workstreams, has no sponsor comments and no sign-off submits, approves and locks
 * its period without them — while a programme that does rate still cannot submit unrated.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { workstreamValues } from '../../src/data/mapping';
import { valuesToRest, type RestItem } from '../../src/data/sharepoint/restRows';
import { isDataError } from '../../src/data/errors';
import type { Emulator } from '../../src/emulator/server';
import type { IProgrammeRepository } from '../../src/data/repository';
import { graph, pnp, startStack, USERS } from './support/stack';

const LONG_TITLE: string =
  'Theme A – Culture and leadership. The authority builds a shared culture of openness and accountability across members and officers, ' +
  'so that decisions are taken in the open and challenge is welcomed. Leaders model the behaviours the improvement plan expects of everyone.';

async function rest(emu: Emulator, apiPath: string, init: { method?: string; body?: unknown; as?: string } = {}): Promise<RestItem> {
  const res: Response = await fetch(`${emu.siteUrl}/_api/${apiPath}`, {
    method: init.method || 'GET',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json;charset=utf-8', Authorization: `Bearer ${init.as || USERS.lead}` },
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  });
  const text: string = await res.text();
  if (!res.ok) {
    throw new Error(`${res.status} ${text}`);
  }
  return text ? (JSON.parse(text) as RestItem) : {};
}

async function items(emu: Emulator, list: string): Promise<RestItem[]> {
  return (await rest(emu, `web/lists/getByTitle('${encodeURIComponent(list)}')/items`)).value as RestItem[];
}

describe('an empty start', () => {
  let emu: Emulator;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-empty-'));
    emu = await startStack({ dataDir, seed: false, users: IMPROVEMENT_PLAN_PHASE_2.users });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('serves every list provisioned and empty: no programme, no workstreams, no periods', async () => {
    for (const list of ['Programme', 'RAG Definitions', 'Workstreams', 'Reporting Periods', 'Status Reports', 'Risks']) {
      expect({ list, items: await items(emu, list) }).toEqual({ list, items: [] });
    }
    expect(emu.emptyStart).toBe(true);
    expect(emu.defaultUser.login).toBe(USERS.lead);
  });

  it('reads as a programme not yet set up, through both protocols, without failing', async () => {
    for (const repo of [pnp(emu, USERS.lead), graph(emu, USERS.lead)] as IProgrammeRepository[]) {
      const summary = await repo.getProgrammeSummary();
      expect(summary.programmeEtag).toBeUndefined();
      expect(summary.workstreams).toEqual([]);
      expect(summary.periods).toEqual([]);
      expect(summary.programme.title).toBe('');
    }
  });

  it('refuses the programme from anyone but the programme office, and writes nothing', async () => {
    await expect(pnp(emu, USERS.manager).saveProgramme({ title: 'Improvement Plan Phase 1' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(pnp(emu, USERS.lead).saveProgramme({ title: '   ' })).rejects.toMatchObject({ kind: 'validation', field: 'title' });
    expect(await items(emu, 'Programme')).toEqual([]);
  });

  it('lets the programme office set the programme up with what it reports; the options travel both ways', async () => {
    const saved = await pnp(emu, USERS.lead).saveProgramme({
      title: 'Improvement Plan Phase 1',
      organisation: 'A Combined Authority',
      board: 'Independent Improvement Board',
      reporting: { rated: false, sponsorComments: false, milestones: false, signOff: false, printEmpty: false, keyRisks: true }
    });
    expect(saved.title).toBe('Improvement Plan Phase 1');
    const [item] = await items(emu, 'Programme');
    expect(item).toMatchObject({ RatingScale: 'Not rated yet', UsesSponsorComments: 'No', UsesMilestones: 'No', UsesSignOff: 'No', PrintEmpty: 'No', KeyRisksTable: 'Yes' });
    // The RAG key gets the five levels' default definitions, ready for when it rates.
    const definitions = await items(emu, 'RAG Definitions');
    expect(definitions.map((d) => d.Rag)).toEqual(['Green', 'Green/Amber', 'Amber', 'Amber/Red', 'Red']);
    // Word for word the methodology's definitions, written in the edge's words.
    expect(definitions[0].Definition).toBe('Successful delivery of the improvement theme to time, cost and quality appears to be highly likely.');
    expect(definitions[4].Definition).toMatch(/^Successful delivery of the improvement theme within the agreed timescale and\/or budget appears to be unachievable .* The theme will therefore need re-profiling\.$/);
    for (const repo of [pnp(emu, USERS.iib), graph(emu, USERS.iib)] as IProgrammeRepository[]) {
      const summary = await repo.getProgrammeSummary();
      expect(summary.programme.reporting).toEqual({ rated: false, ragScale: 'five', sponsorComments: false, milestones: false, signOff: false, printEmpty: false, keyRisks: true });
      expect(summary.programmeEtag).toBeDefined();
    }
    // A second set-up without the ETag is refused: the programme exists already.
    await expect(pnp(emu, USERS.lead).saveProgramme({ title: 'Another' })).rejects.toMatchObject({ kind: 'validation' });
    expect((await items(emu, 'Programme')).map((p) => p.Title)).toEqual(['Improvement Plan Phase 1']);
  });

  it('keeps what a change does not give: a new title alone leaves the board, the organisation and the options as saved', async () => {
    for (const repo of [pnp(emu, USERS.lead), graph(emu, USERS.lead)] as IProgrammeRepository[]) {
      const before = await repo.getProgrammeSummary();
      const renamed = await repo.saveProgramme({ title: `${before.programme.title} (renamed)` }, before.programmeEtag);
      expect(renamed).toMatchObject({ title: `${before.programme.title} (renamed)`, organisation: 'A Combined Authority', board: 'Independent Improvement Board' });
      // One option changed: the others stay as they were, not back to "reported".
      const changed = await repo.saveProgramme({ title: before.programme.title, reporting: { milestones: true } }, renamed.etag);
      expect(changed.reporting).toEqual({ ...before.programme.reporting, milestones: true });
      const after = await repo.getProgrammeSummary();
      expect(after.programme).toMatchObject({ title: before.programme.title, organisation: 'A Combined Authority', board: 'Independent Improvement Board' });
      expect(after.programme.reporting).toEqual({ ...before.programme.reporting, milestones: true });
      await repo.saveProgramme({ title: before.programme.title, reporting: { milestones: false } }, after.programmeEtag);
    }
  });

  it('keeps a workstream title longer than 255 characters whole, with its short title for tables', async () => {
    expect(LONG_TITLE.length).toBeGreaterThan(255);
    const people = (await rest(emu, 'web/siteusers')).value as Array<{ Id: number; Email: string }>;
    expect(people.length).toBeGreaterThan(0);
    await rest(emu, `web/lists/getByTitle('Workstreams')/items`, {
      method: 'POST',
      body: valuesToRest('workstreams', workstreamValues({ code: 'A', title: LONG_TITLE, shortTitle: 'Theme A – Culture and leadership', description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: 1 }))
    });
    const [item] = await items(emu, 'Workstreams');
    expect(String(item.Title).length).toBeLessThanOrEqual(255);
    expect(String(item.Title).endsWith('…')).toBe(true);
    for (const repo of [pnp(emu, USERS.lead), graph(emu, USERS.lead)] as IProgrammeRepository[]) {
      const [ws] = (await repo.getProgrammeSummary()).workstreams;
      expect(ws.title).toBe(LONG_TITLE);
      expect(ws.shortTitle).toBe('Theme A – Culture and leadership');
    }
  });

  it('submits, approves and locks an unrated report with no sponsor comments and no sign-off', async () => {
    const lead = pnp(emu, USERS.lead);
    const summary = await lead.getProgrammeSummary();
    const period = await lead.createPeriod({ title: 'January 2023', start: '01/01/2023', end: '31/01/2023' });
    const report = await lead.create('statusReport', {
      workstreamId: summary.workstreams[0].id,
      periodId: period.id,
      managerUpdate: '- Leadership away day held\n- Member code of conduct refreshed\n- Staff survey launched',
      state: 'Draft'
    });
    const submitted = await lead.transitionReport(report.id, 'submit', report.etag);
    expect(submitted.state).toBe('Submitted');
    const approved = await lead.transitionReport(report.id, 'approve', submitted.etag);
    expect(approved.state).toBe('Approved');
    const locked = await lead.lockPeriod(period.id);
    expect(locked.state).toBe('Locked');
    // The Board's record keeps the programme's options: the locked picture reads as unrated.
    const picture = await graph(emu, USERS.iib).getPeriodPicture(period.id);
    expect(picture.snapshot).toBeDefined();
    expect(picture.programme.reporting && picture.programme.reporting.rated).toBe(false);
    expect(picture.workstreams[0].title).toBe(LONG_TITLE);
  });

  it('does not seed the sample programme over it when started again without --empty', async () => {
    await emu.close();
    emu = await startStack({ dataDir });
    expect(emu.seeded).toBeUndefined();
    expect((await items(emu, 'Programme')).map((p) => p.Title)).toEqual(['Improvement Plan Phase 1']);
    expect(await items(emu, 'Workstreams')).toHaveLength(1);
  });
});

describe('a programme that rates', () => {
  it('still cannot submit a report without a rating, nor with a level off its three-level scale', async () => {
    const dataDir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-empty-'));
    const emu: Emulator = await startStack({ dataDir, seed: false, users: IMPROVEMENT_PLAN_PHASE_2.users });
    try {
      const lead = pnp(emu, USERS.lead);
      await lead.saveProgramme({ title: 'Plan', reporting: { rated: true, ragScale: 'three', signOff: false } });
      await rest(emu, `web/lists/getByTitle('Workstreams')/items`, {
        method: 'POST',
        body: valuesToRest('workstreams', workstreamValues({ code: 'B', title: 'Theme B', description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: 1 }))
      });
      const [ws] = (await lead.getProgrammeSummary()).workstreams;
      const period = await lead.createPeriod({ title: 'February 2023', start: '01/02/2023', end: '28/02/2023' });
      const report = await lead.create('statusReport', { workstreamId: ws.id, periodId: period.id, managerUpdate: 'Done.', state: 'Draft' });
      const refused: unknown = await lead.transitionReport(report.id, 'submit', report.etag).catch((e: unknown) => e);
      expect(isDataError(refused) && refused.kind).toBe('validation');
      expect(String((refused as Error).message)).toContain('Green, Amber or Red');
      const rated = await lead.update('statusReport', report.id, { rag: 'Green/Amber' }, report.etag);
      await expect(lead.transitionReport(report.id, 'submit', rated.etag)).rejects.toThrow(/not on this programme's scale/);
      const green = await lead.update('statusReport', report.id, { rag: 'Green' }, rated.etag);
      // No sign-off: who completed it and when are not asked for.
      expect((await lead.transitionReport(report.id, 'submit', green.etag)).state).toBe('Submitted');
    } finally {
      await emu.close();
    }
  });
});
