/**
 * Export and import of a whole programme over real HTTP (graph-client against the local stack):
 * the seeded programme to .json and into an empty site gives the same content and the same board
 * reports for both periods (the locked one from its snapshot); to .xlsx and back, the same for
 * the open period; a workbook with problems is refused with one message per problem naming
 * sheet, row and column, and nothing is written; an import run twice adds nothing; and a
 * differently shaped programme, written by hand as a workbook, comes in as written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { exportSite, importSource, ImportRefused, jsonSource, type IImportProblem, type IImportProgress } from '../../src/data/exchange/transfer';
import { exchangeTables, JSON_ONLY_LISTS, MAX_CELL_CHARACTERS, type IExchangeFile } from '../../src/data/exchange/tables';
import { ABOUT_SHEET, readWorkbook, writeWorkbook } from '../../src/data/exchange/workbook';
import { IMPORT_WORKBOOK_WORDS } from '../../src/ui/workbookWords';
import type { GraphRepository } from '../../src/data/graph/GraphRepository';
import type { IRowTransport } from '../../src/data/transport';
import { blocksToHtml, buildProgrammeReport } from '../../src/report';
import { graph, startStack, useSharedCertificate, USERS } from './support/stack';

jest.setTimeout(120000);

const started: Emulator[] = [];

/** A provisioned site with no programme in it, the seeded people its users. */
async function emptyStack(): Promise<Emulator> {
  const dataDir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-empty-'));
  await useSharedCertificate(dataDir);
  const emu: Emulator = await startEmulator({ seed: false, users: IMPROVEMENT_PLAN_PHASE_2.users, dataDir });
  started.push(emu);
  return emu;
}

function lead(emu: Emulator): { repository: GraphRepository; transport: IRowTransport } {
  const repository: GraphRepository = graph(emu, USERS.lead);
  return { repository, transport: repository.listTransport() };
}

/** What a reader sees of a report: its text, without markup. */
function reportText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each period's board report text, by period title; and which periods were read from a snapshot. */
async function boardReports(repository: GraphRepository): Promise<{ text: { [title: string]: string }; fromSnapshot: string[] }> {
  const text: { [title: string]: string } = {};
  const fromSnapshot: string[] = [];
  for (const period of await repository.getPeriods()) {
    const picture = await repository.getPeriodPicture(period.id);
    text[period.title] = reportText(blocksToHtml(buildProgrammeReport(picture)));
    if (picture.snapshot) {
      fromSnapshot.push(period.title);
    }
  }
  return { text, fromSnapshot };
}

async function itemCount(transport: IRowTransport): Promise<number> {
  const file: IExchangeFile = await exportSite(transport);
  return Object.keys(file.lists).reduce((n, k) => n + file.lists[k].length, 0);
}

function withoutJsonOnly(file: IExchangeFile): IExchangeFile {
  const titles: string[] = exchangeTables()
    .filter((t) => JSON_ONLY_LISTS.indexOf(t.list) >= 0)
    .map((t) => t.title);
  const lists: IExchangeFile['lists'] = {};
  for (const k of Object.keys(file.lists)) {
    if (titles.indexOf(k) < 0) {
      lists[k] = file.lists[k];
    }
  }
  return { ...file, lists };
}

let seeded: Emulator;
let original: IExchangeFile;
let originalReports: { text: { [title: string]: string }; fromSnapshot: string[] };

beforeAll(async () => {
  seeded = await startStack();
  started.push(seeded);
  original = await exportSite(lead(seeded).transport);
  originalReports = await boardReports(lead(seeded).repository);
});

afterAll(async () => {
  for (const emu of started) {
    await emu.close();
  }
});

describe('export', () => {
  it('has one table per list, headed by the lists, with every item of the seeded programme', () => {
    expect(Object.keys(original.lists)).toEqual(exchangeTables().map((t) => t.title));
    expect(original.lists.Workstreams.map((w) => w.Code)).toEqual(IMPROVEMENT_PLAN_PHASE_2.workstreams.map((w) => w.code));
    // Lookups are named, not numbered: a report names its workstream by code and its period by title.
    const report = original.lists['Status Reports'][0];
    expect(IMPROVEMENT_PLAN_PHASE_2.workstreams.map((w) => w.code)).toContain(report.Workstream);
    expect(original.lists['Reporting Periods'].map((p) => p.Title)).toContain(report.ReportingPeriod);
    expect(typeof report.RequestKey).toBe('string');
    // The locked period's snapshot travels in .json.
    expect(original.lists['Period Snapshots'].length).toBeGreaterThan(0);
    expect(originalReports.fromSnapshot.length).toBe(1);
  });
});

describe('.json into an empty site', () => {
  let target: Emulator;

  beforeAll(async () => {
    target = await emptyStack();
  });

  it('gives the same content, the same board reports for both periods (the locked one from its snapshot), and a second run adds nothing', async () => {
    const { transport, repository } = lead(target);
    expect(await itemCount(transport)).toBe(0);
    const progress: IImportProgress[] = [];
    const json: string = JSON.stringify(original);
    const summary = await importSource(transport, jsonSource(JSON.parse(json)), (p) => progress.push(p));
    expect(summary.alreadyThere).toBe(0);
    expect(summary.notes).toEqual([]);
    expect(summary.created).toBe(Object.keys(original.lists).reduce((n, k) => n + original.lists[k].length, 0));
    expect(progress.filter((p) => p.list === 'Status Reports' && p.done === p.total && p.total > 0)).toHaveLength(1);

    expect(await exportSite(transport)).toEqual(original);
    const reports = await boardReports(repository);
    expect(Object.keys(reports.text).length).toBeGreaterThanOrEqual(2);
    expect(reports.text).toEqual(originalReports.text);
    expect(reports.fromSnapshot).toEqual(originalReports.fromSnapshot);

    // Who wrote what, and when, came too: SharePoint makes the importer every item's author, so
    // the sponsor's comments, the challenges and each lock keep their writer and time beside it.
    const before = lead(seeded).repository;
    const periodTitles = (await before.getPeriods()).map((p) => p.title);
    for (const title of periodTitles) {
      const was = await before.getPeriodPicture((await before.getPeriods()).filter((p) => p.title === title)[0].id);
      const now = await repository.getPeriodPicture((await repository.getPeriods()).filter((p) => p.title === title)[0].id);
      if (!was.snapshot) {
        // A locked period's comments come from its snapshot, as they were; an open one's are read live.
        expect(now.sponsorComments.map((c) => [c.recorded && c.recorded.by && c.recorded.by.login, c.author && c.author.login])).toEqual(
          was.sponsorComments.map((c) => [c.author && c.author.login, USERS.lead])
        );
      }
      expect(now.feedback.map((f) => f.recorded && f.recorded.on)).toEqual(was.feedback.map((f) => f.created && f.created.replace(/\.\d{3}Z$/, 'Z')));
      expect(now.snapshot && { by: now.snapshot.takenBy && now.snapshot.takenBy.login, at: now.snapshot.takenAt }).toEqual(
        was.snapshot && { by: was.snapshot.takenBy && was.snapshot.takenBy.login, at: was.snapshot.takenAt.replace(/\.\d{3}Z$/, 'Z') }
      );
    }

    const again = await importSource(transport, jsonSource(JSON.parse(json)));
    expect(again.created).toBe(0);
    expect(again.alreadyThere).toBe(summary.created);
    expect(await exportSite(transport)).toEqual(original);
  });
});

describe('.xlsx into an empty site', () => {
  it('carries every list but snapshots and history, and gives the same board report for the open period', async () => {
    const bytes: Uint8Array = await writeWorkbook(original, IMPORT_WORKBOOK_WORDS);
    const target: Emulator = await emptyStack();
    const { transport, repository } = lead(target);
    const source = await readWorkbook(bytes);
    expect(source.problems).toEqual([]);
    expect(source.tables.map((t) => t.sheet)).toEqual(Object.keys(withoutJsonOnly(original).lists));
    const summary = await importSource(transport, source);
    const locked: string[] = original.lists['Reporting Periods'].filter((p) => p.PeriodState === 'Locked').map((p) => String(p.Title));
    expect(locked.length).toBeGreaterThan(0);
    expect(summary.notes).toEqual(locked.map((t) => expect.stringContaining(`${t} is locked but the file has no record of what the Board saw`)));

    const back: IExchangeFile = await exportSite(transport);
    expect(withoutJsonOnly(back)).toEqual(withoutJsonOnly(original));
    expect(back.lists['Period Snapshots']).toEqual([]);

    const open: string[] = original.lists['Reporting Periods'].filter((p) => p.PeriodState !== 'Locked').map((p) => String(p.Title));
    expect(open.length).toBeGreaterThan(0);
    for (const period of await repository.getPeriods()) {
      if (open.indexOf(period.title) >= 0) {
        expect(reportText(blocksToHtml(buildProgrammeReport(await repository.getPeriodPicture(period.id))))).toBe(originalReports.text[period.title]);
      } else {
        // Without its snapshot a locked period says so, rather than pass its live items off as what the Board saw.
        await expect(repository.getPeriodPicture(period.id)).rejects.toThrow(/record of what .* reported to the Board is missing/);
      }
    }
  });
});

describe('.xlsx in the words the caller passes', () => {
  it('says on its first sheet what the workbook is, word for word', async () => {
    const wb: ExcelJS.Workbook = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(original, IMPORT_WORKBOOK_WORDS)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].name).toBe(ABOUT_SHEET);
    expect(wb.worksheets[0].getCell(1, 1).value).toBe('Programme Highlights: a programme exported for import (npm run import -- --site <url> <this file>).');
    expect(wb.worksheets[0].getCell(6, 1).value).toBe('Not in a workbook: period snapshots (what the Board saw for a locked period) and period history. Export to .json for those.');
  });

  it('refuses a cell longer than a workbook cell holds, naming sheet, row and column, word for word', async () => {
    const table = exchangeTables().filter((t) => t.list === 'workstreams')[0];
    const column = table.columns.filter((c) => c.kind === 'note')[0];
    const long: IExchangeFile = JSON.parse(JSON.stringify(original));
    long.lists[table.title][0][column.name] = 'x'.repeat(MAX_CELL_CHARACTERS + 1);
    await expect(writeWorkbook(long, IMPORT_WORKBOOK_WORDS)).rejects.toThrow(
      `Sheet "${table.title}", row 2, column "${column.heading}" has ${MAX_CELL_CHARACTERS + 1} characters; a workbook cell holds ${MAX_CELL_CHARACTERS}. Export to .json instead.`
    );
  });
});

/** The seeded programme's workbook with cells changed: [sheet, data row (0 = first), heading, value]. */
async function spoilt(changes: Array<[string, number, string, ExcelJS.CellValue]>): Promise<Uint8Array> {
  const wb: ExcelJS.Workbook = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbook(original, IMPORT_WORKBOOK_WORDS)) as unknown as ExcelJS.Buffer);
  for (const [sheet, row, heading, value] of changes) {
    const ws: ExcelJS.Worksheet = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    let col: number = 0;
    ws.getRow(1).eachCell((cell, i) => {
      if (cell.value === heading) {
        col = i;
      }
    });
    expect(col).toBeGreaterThan(0);
    ws.getCell(row + 2, col).value = value;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('a bad workbook', () => {
  it("names a row repeating another's request key under the Request key column", async () => {
    const target: Emulator = await emptyStack();
    const { transport } = lead(target);
    const file: IExchangeFile = JSON.parse(JSON.stringify(original));
    const risks = file.lists[exchangeTables().filter((t) => t.list === 'risks')[0].title];
    risks.push({ ...risks[0] });
    let refused: ImportRefused | undefined;
    try {
      await importSource(transport, jsonSource(file));
    } catch (e) {
      refused = e as ImportRefused;
    }
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as ImportRefused).problems.filter((p) => /may appear once/.test(p.message)).map((p) => p.column)).toEqual(['Request key']);
  });

  it('is refused with one message per problem, naming sheet, row and column, and nothing is written', async () => {
    const target: Emulator = await emptyStack();
    const { transport } = lead(target);
    const bytes: Uint8Array = await spoilt([
      ['Reporting Periods', 0, 'Start', '31/06/23'],
      ['Status Reports', 1, 'This period', 'Purple'],
      ['Milestones', 2, 'Workstream', 'NOPE'],
      ['Workstreams', 0, 'Workstream', null]
    ]);
    let refused: ImportRefused | undefined;
    try {
      await importSource(transport, await readWorkbook(bytes));
    } catch (e) {
      refused = e as ImportRefused;
    }
    expect(refused).toBeInstanceOf(ImportRefused);
    const problems: IImportProblem[] = (refused as ImportRefused).problems;
    expect(problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ['Workstreams', 2, 'Workstream'],
      ['Reporting Periods', 2, 'Start'],
      ['Status Reports', 3, 'This period'],
      ['Milestones', 4, 'Workstream']
    ]);
    expect(problems[0].message).toMatch(/empty/);
    expect(problems[1].message).toMatch(/31\/06\/23/);
    expect(problems[1].message).toMatch(/June|30/);
    expect(problems[2].message).toMatch(/"Purple" is not one of Green, Green\/Amber, Amber, Amber\/Red, Red/);
    expect(problems[3].message).toMatch(/"NOPE" is not in the Workstreams sheet/);
    expect((refused as ImportRefused).message).toContain('Sheet "Status Reports", row 3, column "This period"');
    expect(await itemCount(transport)).toBe(0);
  });

  it('is refused when a person is not a user of the site or a heading is not a column', async () => {
    const target: Emulator = await emptyStack();
    const { transport } = lead(target);
    const bytes: Uint8Array = await spoilt([
      ['Workstreams', 1, 'Workstream sponsor', 'nobody@elsewhere.example'],
      ['Risks', 0, 'Order', 'first']
    ]);
    const wb: ExcelJS.Workbook = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    (wb.getWorksheet('Programme') as ExcelJS.Worksheet).getCell(1, 10).value = 'Colour';
    (wb.getWorksheet('Programme') as ExcelJS.Worksheet).getCell(2, 10).value = 'Blue';
    await expect(importSource(transport, await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer())))).rejects.toMatchObject({
      problems: [
        { sheet: 'Programme', row: 1, column: 'Colour' },
        { sheet: 'Workstreams', row: 3, column: 'Workstream sponsor', message: expect.stringMatching(/"nobody@elsewhere.example" is not a user of the site/) },
        { sheet: 'Risks', row: 2, column: 'Order', message: '"first" is not a number.' }
      ]
    });
    expect(await itemCount(transport)).toBe(0);
  });
});

describe('a programme of another shape, written by hand as a workbook', () => {
  const THEMES: string[] = ['A', 'B', 'C', 'D', 'E', 'F'];
  const longTitle = (t: string): string => `Theme ${t} – ${'a theme whose title runs to two or three sentences, as the paper has it. '.repeat(5)}`.trim();

  async function handWritten(): Promise<Uint8Array> {
    const wb: ExcelJS.Workbook = new ExcelJS.Workbook();
    const sheet = (name: string, rows: ExcelJS.CellValue[][]): void => {
      const ws: ExcelJS.Worksheet = wb.addWorksheet(name);
      rows.forEach((r) => ws.addRow(r));
    };
    sheet('Programme', [
      ['Programme', 'Organisation', 'Board', 'Workstream ratings'],
      ['Improvement Plan Phase 1', 'Another Trust', 'Quality Board', 'Not rated yet']
    ]);
    sheet('Workstreams', [
      ['Workstream', 'Full title', 'Code', 'Workstream sponsor', 'Project managers', 'Agreed completion date', 'Order'],
      ...THEMES.map((t, i) => [`Theme ${t}`, longTitle(t), `TH-${t}`, USERS.sponsor, `${USERS.manager}; ${USERS.lead}`, 'Sept 2024 (as written)', i + 1])
    ]);
    sheet('Reporting Periods', [
      ['Period', 'Start', 'End', 'State', 'Lead executive director overview'],
      ['January 2024', '01/01/2024', new Date(Date.UTC(2024, 0, 31)), 'Open', 'The first phase began.']
    ]);
    sheet('Status Reports', [
      ['Workstream', 'Reporting period', 'Key activities', 'Report state'],
      ...THEMES.map((t) => [`th-${t.toLowerCase()}`, 'January 2024', `• Started theme ${t}\n• Met the team`, 'Draft'])
    ]);
    sheet('Risks', [['Risk', 'Workstream', 'Risk description', 'Mitigation', 'State', 'Raised in period'], ...THEMES.map((t) => [`Risk ${t}`, `TH-${t}`, `Theme ${t} may slip.`, `Weekly review of theme ${t}.`, 'Open', 'January 2024'])]);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('comes in as written — codes matched whatever their case, dates as dates, "as written" text as text — and a second run adds nothing', async () => {
    const target: Emulator = await emptyStack();
    const { transport, repository } = lead(target);
    const bytes: Uint8Array = await handWritten();
    const first = await importSource(transport, await readWorkbook(bytes));
    expect(first.created).toBe(1 + 6 + 1 + 6 + 6);

    const periods = await repository.getPeriods();
    expect(periods.map((p) => [p.title, p.start, p.end])).toEqual([['January 2024', '2024-01-01', '2024-01-31']]);
    const picture = await repository.getPeriodPicture(periods[0].id);
    expect(picture.programme.title).toBe('Improvement Plan Phase 1');
    expect(picture.workstreams.map((w) => w.code)).toEqual(THEMES.map((t) => `TH-${t}`));
    expect(picture.workstreams[0].projectManagers.map((p) => p.login)).toEqual([USERS.manager, USERS.lead]);
    expect(picture.statusReports).toHaveLength(6);
    expect(picture.statusReports.every((r) => r.rag === undefined || r.rag === null)).toBe(true);
    expect(picture.risks.map((r) => r.mitigation)).toEqual(THEMES.map((t) => `Weekly review of theme ${t}.`));

    const exported: IExchangeFile = await exportSite(transport);
    // A title of any length comes in whole, in the column made for it.
    expect(longTitle('A').length).toBeGreaterThan(255);
    expect(exported.lists.Workstreams.map((w) => w.FullTitle)).toEqual(THEMES.map(longTitle));
    expect(exported.lists.Programme[0].RatingScale).toBe('Not rated yet');
    expect(exported.lists.Workstreams.map((w) => w.AgreedCompletion)).toEqual(THEMES.map(() => 'Sept 2024 (as written)'));
    expect(exported.lists['Status Reports'].map((r) => r.KeyActivities)).toEqual(THEMES.map((t) => `• Started theme ${t}\n• Met the team`));

    const second = await importSource(transport, await readWorkbook(bytes));
    expect(second.created).toBe(0);
    expect(await exportSite(transport)).toEqual(exported);
  });

  it("finds a person by login whatever their site user id (ids run past 100,000 on a tenant's old sites)", async () => {
    const target: Emulator = await emptyStack();
    const login: string = 'late.joiner@example.org';
    target.store.addUser({ id: 250000, login, name: 'Late Joiner', email: login, isSiteAdmin: false });
    const wb: ExcelJS.Workbook = new ExcelJS.Workbook();
    wb.addWorksheet('Programme').addRows([
      ['Programme', 'Organisation', 'Board'],
      ['Another Plan', 'Another Trust', 'Quality Board']
    ]);
    wb.addWorksheet('Workstreams').addRows([
      ['Workstream', 'Code', 'Workstream sponsor', 'Order'],
      ['Theme A', 'TH-A', login, 1]
    ]);
    const { transport, repository } = lead(target);
    const done = await importSource(transport, await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(done.created).toBe(2);
    const [workstream] = (await repository.getProgrammeSummary()).workstreams;
    expect(workstream.sponsor).toEqual(expect.objectContaining({ id: 250000, name: 'Late Joiner' }));
  });
});
