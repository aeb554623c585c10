/**
 * Export and import carry a phase's close-down (issue 16) over real HTTP (graph-client against the
 * local stack): a programme of two phases built here (not the seed), the first's close-down
 * locked with its Board meeting date and snapshot and carried into the second (a milestone whose
 * Origin names its row). Its .json export, imported into an empty site whose item ids have moved
 * on (as a tenant's do), exports the same again; the close-down report renders the same text from
 * the snapshot; the carried milestone still names its row; and a workbook, which carries no
 * snapshot, brings the closed phase in saying so rather than pass its live rows off as the Board's.
 */
import type { Emulator } from '../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { exportSite, importSource, ImportRefused, jsonSource } from '../../src/data/exchange/transfer';
import type { IExchangeFile } from '../../src/data/exchange/tables';
import { readWorkbook, writeWorkbook } from '../../src/data/exchange/workbook';
import { IMPORT_WORKBOOK_WORDS } from '../../src/ui/workbookWords';
import { closeDownThemes, parseCloseDownOrigin } from '../../src/data/PhaseRepository';
import type { GraphRepository } from '../../src/data/graph/GraphRepository';
import { blocksToHtml } from '../../src/report';
import { buildCloseDownBlock } from '../../src/report/closeDown';
import { graph, startStack, USERS } from './support/stack';
import { lockPeriodsOf, recoveryPlan } from '../support/phasedProgramme';

jest.setTimeout(120000);

const started: Emulator[] = [];

/** A provisioned site with no programme in it, whose lists' item ids have moved on (items made and deleted), as a tenant's have. */
async function emptyStack(): Promise<Emulator> {
  const emu: Emulator = await startStack({ seed: false, users: IMPROVEMENT_PLAN_PHASE_2.users });
  started.push(emu);
  const t = graph(emu, USERS.lead).listTransport();
  for (const [list, record] of [
    ['phases', { Title: 'Scratch', PhaseStart: '2020-01-01', PhaseState: 'Open' }],
    ['closeDown', { Title: 'Scratch' }],
    ['closeDown', { Title: 'Scratch 2' }],
    ['milestones', { Title: 'Scratch' }],
    ['milestones', { Title: 'Scratch 2' }],
    ['milestones', { Title: 'Scratch 3' }],
    ['risks', { Title: 'Scratch' }],
    ['risks', { Title: 'Scratch 2' }]
  ] as const) {
    const made = await t.create(list, record, 'make room');
    await t.remove(list, made.id, made.etag, 'make room');
  }
  return emu;
}

function reportText(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The close-down report of the phase titled `title`, as text, and whether it came from its snapshot. */
async function closeDownReport(repository: GraphRepository, title: string): Promise<{ text: string; snapshot: boolean; boardMeetingDate?: string }> {
  const phases = repository.phases();
  const phase = (await phases.getPhases()).phases.filter((p) => p.title === title)[0];
  const closeDown = await phases.getCloseDown(phase.id);
  const block = buildCloseDownBlock({ phase: closeDown.phase, items: closeDown.items, workstreams: closeDownThemes(closeDown, await repository.getWorkstreams()) });
  return { text: reportText(blocksToHtml([block])), snapshot: !!closeDown.snapshot, boardMeetingDate: closeDown.snapshot && closeDown.snapshot.boardMeetingDate };
}

let source: Emulator;
let original: IExchangeFile;
let originalReport: { text: string; snapshot: boolean; boardMeetingDate?: string };
let carriedTask: string;

beforeAll(async () => {
  source = await startStack({ seed: recoveryPlan() });
  started.push(source);
  const repository = graph(source, USERS.lead);
  const phases = repository.phases();
  const [first, second] = (await phases.getPhases()).phases;
  const drafted = await phases.draftCloseDown(first.id);
  const [head, ...rest] = drafted.items.filter((i) => i.destination === undefined);
  await phases.updateCloseDownItem(head.id, { destination: 'NextPhaseTheme', destinationWorkstreamId: 3 }, head.etag);
  for (const item of rest) {
    await phases.updateCloseDownItem(item.id, { destination: 'KeepUnderReview' }, item.etag);
  }
  const ready = await phases.getCloseDown(first.id);
  await lockPeriodsOf(repository, ready.records.periods);
  await phases.lockCloseDown(first.id, { boardMeetingDate: '25/01/2024' });
  await phases.startNextPhase(first.id, {
    existingPhaseId: second.id,
    title: '',
    start: '',
    period: { title: 'Quarter 1 of year two', start: '01/04/2024', end: '30/06/2024' },
    themes: [{ existingId: 3 }],
    risks: Object.fromEntries(ready.records.risks.filter((r) => r.state === 'Open').map((r) => [r.id, { closeReason: 'Superseded.' }]))
  });
  carriedTask = head.task.trim();
  // Changed in the list after the lock, round the product: the snapshot is what the Board saw.
  const transport = repository.listTransport();
  const { records } = await transport.read({ row: { list: 'closeDown', id: head.id } }, { action: 'change a row' });
  await transport.update('closeDown', head.id, { ActivityOutstanding: 'Rewritten after the Board met' }, records.row[0].etag, 'change a row');
  original = await exportSite(repository.listTransport());
  originalReport = await closeDownReport(repository, 'Recovery year one');
});

afterAll(async () => {
  for (const emu of started) {
    await emu.close();
  }
});

describe('export', () => {
  it("carries the phases, the close-down's rows, the close-down's snapshot and the phase's Board date and snapshot id", () => {
    const phases = original.lists.Phases;
    expect(phases.map((p) => [p.Title, p.PhaseState, p.BoardMeetingDate])).toEqual([
      ['Recovery year one', 'Closed', '2024-01-25'],
      ['Recovery year two', 'Open', null]
    ]);
    const snapshotId = String(phases[0].CloseDownSnapshotId);
    expect(snapshotId).not.toBe('null');
    const parts = original.lists['Period Snapshots'].filter((s) => s.SnapshotId === snapshotId);
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((s) => s.Phase === 'Recovery year one')).toBe(true);
    expect(original.lists['Close-down Items'].length).toBeGreaterThan(0);
    expect(original.lists['Close-down Items'].every((r) => r.Phase === 'Recovery year one')).toBe(true);
    // The carried milestone names its row by the row's request key, not by ids of this site.
    const carried = original.lists.Milestones.filter((m) => m.Origin !== null);
    expect(carried.map((m) => m.Title)).toEqual([carriedTask]);
    const row = original.lists['Close-down Items'].filter((r) => r.Title === carriedTask)[0];
    expect(carried[0].Origin).toBe(`closeDownRow:${String(row.RequestKey)}`);
    expect(originalReport.snapshot).toBe(true);
    expect(originalReport.text).toContain(carriedTask);
    expect(originalReport.text).not.toContain('Rewritten after the Board met');
  });
});

describe('.json into an empty site whose ids have moved on', () => {
  it('exports the same again, renders the same close-down from its snapshot, and the carried milestone names its row there', async () => {
    const target: Emulator = await emptyStack();
    const repository = graph(target, USERS.lead);
    const json: string = JSON.stringify(original);
    const summary = await importSource(repository.listTransport(), jsonSource(JSON.parse(json)));
    expect(summary.notes).toEqual([]);
    expect(await exportSite(repository.listTransport())).toEqual(original);
    const report = await closeDownReport(repository, 'Recovery year one');
    expect(report).toEqual(originalReport);
    expect(report.boardMeetingDate).toBe('2024-01-25');

    // The milestone carried from the row names that row on this site.
    const phases = repository.phases();
    const first = (await phases.getPhases()).phases.filter((p) => p.title === 'Recovery year one')[0];
    const rows = (await phases.getCloseDown(first.id)).records;
    expect(rows.phase.id).toBe(first.id);
    const next = (await phases.getPhases()).phases.filter((p) => p.title === 'Recovery year two')[0];
    const carried = (await phases.getCloseDown(next.id)).records.milestones.filter((m) => m.origin);
    expect(carried).toHaveLength(1);
    const origin = parseCloseDownOrigin(carried[0].origin);
    const live = await repository.listTransport().read({ row: { list: 'closeDown', id: origin ? origin.itemId : 0 } }, { action: 'read the row' });
    expect(origin && origin.phaseId).toBe(first.id);
    expect(live.records.row.map((r) => r.values.Title)).toEqual([carriedTask]);

    // A second run adds nothing.
    const again = await importSource(repository.listTransport(), jsonSource(JSON.parse(json)));
    expect(again.created).toBe(0);
    expect(await exportSite(repository.listTransport())).toEqual(original);
  });

  it("is refused, naming sheet, item and column, when a milestone's origin names a row that is in neither the file nor the site", async () => {
    const target: Emulator = await emptyStack();
    const repository = graph(target, USERS.lead);
    const bad: IExchangeFile = JSON.parse(JSON.stringify(original)) as IExchangeFile;
    const at: number = bad.lists.Milestones.findIndex((m) => m.Origin !== null);
    bad.lists.Milestones[at].Origin = 'closeDownRow:x-nowhere';
    const refused = await importSource(repository.listTransport(), jsonSource(bad)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as ImportRefused).problems).toEqual([
      {
        sheet: 'Milestones',
        row: at + 1,
        column: 'Origin',
        message: '"closeDownRow:x-nowhere" names a close-down row that is not in the Close-down Items sheet (column "Request key") or on the site.',
        detail: { code: 'importOriginNotFound', params: { origin: 'closeDownRow:x-nowhere', sheet: 'Close-down Items' } }
      }
    ]);
    expect((await exportSite(repository.listTransport())).lists.Phases).toEqual([]);
  });
});

describe('.xlsx into an empty site', () => {
  it('brings the closed phase in without its snapshot, says so, and refuses to pass its live rows off as what the Board saw', async () => {
    const target: Emulator = await emptyStack();
    const repository = graph(target, USERS.lead);
    const wb = await readWorkbook(await writeWorkbook(original, IMPORT_WORKBOOK_WORDS));
    expect(wb.problems).toEqual([]);
    const summary = await importSource(repository.listTransport(), wb);
    expect(summary.notes).toEqual(
      expect.arrayContaining(['The close-down of Recovery year one is locked but the file has no record of what the Board saw (a workbook carries none): import it from a .json export to bring it in as it went to the Board.'])
    );
    const first = (await repository.phases().getPhases()).phases.filter((p) => p.title === 'Recovery year one')[0];
    expect(first).toMatchObject({ state: 'Closed', boardMeetingDate: '2024-01-25' });
    await expect(repository.phases().getCloseDown(first.id)).rejects.toThrow(/close-down of Recovery year one as the Board saw it/);
  });
});

describe("a close-down's rows name the milestones and risks they were drafted from, on whichever site they are", () => {
  let file: IExchangeFile;
  let drafted: string[];

  beforeAll(async () => {
    // The second phase's close-down, drafted and still open: readiness reads its rows' sources live.
    const repository = graph(source, USERS.lead);
    const next = (await repository.phases().getPhases()).phases.filter((p) => p.title === 'Recovery year two')[0];
    const closeDown = await repository.phases().draftCloseDown(next.id);
    drafted = closeDown.items.map((i) => i.task).sort();
    expect(drafted.length).toBeGreaterThan(0);
    expect(closeDown.findings.filter((f) => f.rule === 'closedown-dropped')).toEqual([]);
    file = await exportSite(repository.listTransport());
  });

  it('in a file, by the items\' request keys: milestones and risks, of the locked close-down and the open one', () => {
    const lines: string[] = file.lists['Close-down Items'].map((r) => String(r.Sources || '').split('\n')).reduce((all, l) => all.concat(l), [] as string[]).filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => !/^(milestone|risk)Row:x-[0-9a-f]{40}$/.test(l))).toEqual([]);
    expect(lines.some((l) => l.startsWith('riskRow:'))).toBe(true);
    const keys: Set<string> = new Set<string>([...file.lists.Milestones, ...file.lists.Risks].map((r) => String(r.RequestKey)));
    expect(lines.filter((l) => !keys.has(l.replace(/^[a-z]+Row:/, '')))).toEqual([]);
  });

  it('imported where the ids have moved on, by the ids there: the open close-down finds every item it was drafted from, and exports as before', async () => {
    const target: Emulator = await emptyStack();
    const repository = graph(target, USERS.lead);
    const progress: string[] = [];
    await importSource(repository.listTransport(), jsonSource(JSON.parse(JSON.stringify(file))), (p) => progress.push(`${p.list} ${p.done}/${p.total}`));
    const rows: number = file.lists['Close-down Items'].length;
    expect(progress).toContain(`Close-down Items ${rows}/${rows}`);
    const next = (await repository.phases().getPhases()).phases.filter((p) => p.title === 'Recovery year two')[0];
    const closeDown = await repository.phases().getCloseDown(next.id);
    expect(closeDown.items.map((i) => i.task).sort()).toEqual(drafted);
    expect(closeDown.findings.filter((f) => f.rule === 'closedown-dropped')).toEqual([]);
    // Each source names the item with the same request key as on the first site.
    expect(await exportSite(repository.listTransport())).toEqual(file);
  });

  it("is refused, naming sheet, row and column, when a source names a risk that is in neither the file nor the site", async () => {
    const target: Emulator = await emptyStack();
    const repository = graph(target, USERS.lead);
    const bad: IExchangeFile = JSON.parse(JSON.stringify(file)) as IExchangeFile;
    const at: number = bad.lists['Close-down Items'].findIndex((r) => /riskRow:/.test(String(r.Sources)));
    bad.lists['Close-down Items'][at].Sources = `${String(bad.lists['Close-down Items'][at].Sources)}\nriskRow:x-nowhere`;
    const refused = await importSource(repository.listTransport(), jsonSource(bad)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as ImportRefused).problems).toEqual([
      {
        sheet: 'Close-down Items',
        row: at + 1,
        column: 'Drafted from',
        message: '"riskRow:x-nowhere" names a risk that is not in the Risks sheet (column "Request key") or on the site.',
        detail: { code: 'importSourceNotFound', params: { kind: 'risk', key: 'x-nowhere', sheet: 'Risks' } }
      }
    ]);
    expect((await exportSite(repository.listTransport())).lists.Phases).toEqual([]);
  });
});
