/** @jest-environment jsdom */
/**
 * The programme office's exports to Excel from the dashboard, through the real download path
 * (an object URL the browser is given): the status matrix as the programme view shows it to them
 * — label and colour, drafts marked, open risks — and a period's records with the sheets and
 * headings of a whole export. On the seeded programme and on a first-phase programme of another
 * shape (six unrated themes with long titles, one risk each) built for the tests.
 */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import * as ExcelJS from 'exceljs';
import { officeView, programmeTable, renderDashboard, renderOver } from './dashboardKit';
import { readBlob } from '../addin/paneKit';
import { FIRST_PHASE } from '../support/firstPhaseProgramme';
import { MemoryRepository } from '../support/memoryProgramme';
import { readWorkbook } from '../../src/data/exchange/workbook';

/** What the page handed the browser to download: each blob, and the link's file name. */
interface IDownload {
  fileName: string;
  blob: Blob;
}

let downloads: IDownload[];
let blobs: Map<string, Blob>;

beforeEach(() => {
  downloads = [];
  blobs = new Map<string, Blob>();
  let n: number = 0;
  // jsdom has no object URLs: keep the blob behind each, and the name the link gives it when clicked.
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url: string = `blob:test/${++n}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: (url: string) => blobs.delete(url)
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, blob: blobs.get(this.href) as Blob });
  });
});

afterEach(() => jest.restoreAllMocks());

async function workbookOf(download: IDownload): Promise<ExcelJS.Workbook> {
  const wb: ExcelJS.Workbook = new ExcelJS.Workbook();
  await wb.xlsx.load((await readBlob(download.blob)) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sheet's rows as text, from the given row. */
function rowsOf(ws: ExcelJS.Worksheet, from: number): string[][] {
  const out: string[][] = [];
  ws.eachRow((row, n) => {
    if (n >= from) {
      out.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    }
  });
  return out;
}

describe('exporting the status matrix', () => {
  it('gives the programme office the matrix as they see it: each rating in words on its colour, drafts marked, open risks', async () => {
    const { user } = renderDashboard({ persona: 'programmeOffice' });
    const table: HTMLElement = await programmeTable();
    const columns: string[] = within(table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent || '');
    await user.click(screen.getByRole('button', { name: 'Export to Excel' }));
    await screen.findByText(/^Your browser has the workbook: Improvement Plan Phase 2 status matrix \d{4}-\d{2}-\d{2}\.xlsx\.$/);
    expect(downloads).toHaveLength(1);
    const ws: ExcelJS.Worksheet = (await workbookOf(downloads[0])).getWorksheet('Status matrix') as ExcelJS.Worksheet;
    const [header, ...rows] = rowsOf(ws, 3);
    // The page's columns, with the workstream's code before them.
    expect(columns).toEqual(['Workstream', 'June 2023', 'November/December 2023', 'Open risks', expect.stringMatching(/^Milestones due/)]);
    expect(header).toEqual(['Code', 'Workstream', 'June 2023', 'November/December 2023', 'Open risks', 'Milestones due']);
    expect(rows.map((r) => r[1])).toEqual(['Governance and Decision Making', 'Procurement', 'Project Plans and Delivery', 'Partnership Working', 'Confidence, Culture and Capacity']);
    // The open period's ratings are drafts to the programme office until approved; approved ones are not.
    const open: string[] = rows.map((r) => r[3]);
    expect(open.filter((c) => c.endsWith('(draft)'))).toHaveLength(4);
    expect(open.filter((c) => !c.endsWith('(draft)'))).toHaveLength(1);
    // Every rated cell carries its label and its colour, never colour alone.
    const cell: ExcelJS.Cell = ws.getCell(4, 3);
    expect(String(cell.value)).toMatch(/^(Green|Green\/Amber|Amber|Amber\/Red|Red) – /);
    expect((cell.fill as ExcelJS.FillPattern).fgColor).toBeDefined();
    // Open risks are the programme view's counts.
    const shown: string[] = within(await programmeTable())
      .getAllByRole('row')
      .slice(1)
      .map((r) => (r.querySelectorAll('td')[2] as HTMLElement).textContent || '');
    expect(rows.map((r) => r[4])).toEqual(shown);
  });

  it('is not offered to an IIB member', async () => {
    renderDashboard({ persona: 'iibMember' });
    await programmeTable();
    expect(screen.queryByRole('button', { name: 'Export to Excel' })).toBeNull();
  });

  it('of a programme that does not rate yet has no period columns and no colours, and its long titles come short', async () => {
    const { user } = renderOver(new MemoryRepository({ persona: 'programmeOffice', seed: FIRST_PHASE }));
    await user.click(await screen.findByRole('button', { name: 'Export to Excel' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const ws: ExcelJS.Worksheet = (await workbookOf(downloads[0])).getWorksheet('Status matrix') as ExcelJS.Worksheet;
    const [header, ...rows] = rowsOf(ws, 3);
    expect(header).toEqual(['Code', 'Workstream', 'Open risks']);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r[2] === '1')).toBe(true);
    expect(rows.every((r) => r[1].length < 100)).toBe(true);
  });
});

describe("exporting a period's records", () => {
  it('gives the open period alone, its records, the risks open in it, and what they name, in sheets an import reads', async () => {
    const { user } = renderDashboard({ persona: 'programmeOffice' });
    const office = await officeView();
    await user.click(within(office).getByRole('button', { name: 'Export November/December 2023 to Excel' }));
    await within(office).findByText('Your browser has the workbook: November-December 2023 records.xlsx.');
    const source = await readWorkbook(await readBlob(downloads[0].blob));
    expect(source.problems).toEqual([]);
    const sheet = (name: string) => source.tables.filter((t) => t.sheet === name)[0];
    expect(sheet('Reporting Periods').rows.map((r) => r.Title)).toEqual(['November/December 2023']);
    expect(sheet('Status Reports').rows).toHaveLength(5);
    expect(sheet('Status Reports').rows.every((r) => r.ReportingPeriod === 'November/December 2023')).toBe(true);
    expect(sheet('Milestones').rows.every((r) => r.ReportingPeriod === 'November/December 2023')).toBe(true);
    expect(sheet('Workstreams').rows).toHaveLength(5);
    // No risk closed before the period, none raised after it.
    expect(sheet('Risks').rows.length).toBeGreaterThan(0);
    expect(sheet('Risks').rows.every((r) => !r.ClosedPeriod || r.ClosedPeriod === 'November/December 2023')).toBe(true);
    // What only .json carries is not there.
    expect(sheet('Period Snapshots')).toBeUndefined();
  });

  it('of an earlier period leaves out the risks raised after it and the records of other periods', async () => {
    const repository = new MemoryRepository({ persona: 'programmeOffice' });
    const june = (await repository.getPeriods()).filter((p) => p.title === 'June 2023')[0];
    const file = await repository.exportPeriod(june.id);
    expect(file.lists['Reporting Periods'].map((r) => r.Title)).toEqual(['June 2023']);
    expect(file.lists.Risks.length).toBeGreaterThan(0);
    expect(file.lists.Risks.every((r) => r.RaisedPeriod === 'June 2023')).toBe(true);
    expect(file.lists['Status Reports'].every((r) => r.ReportingPeriod === 'June 2023')).toBe(true);
    await expect(repository.exportPeriod(9999)).rejects.toThrow('The site has no reporting period with id 9999');
  });

  it("says what went wrong, in words to act on, when the site cannot be read, and offers the file again once it can", async () => {
    const repository = new MemoryRepository({ persona: 'programmeOffice' });
    const { user } = renderOver(repository);
    const office = await officeView();
    repository.failNext('network', 'exportPeriod');
    await user.click(within(office).getByRole('button', { name: 'Export November/December 2023 to Excel' }));
    expect(await within(office).findByRole('alert')).toHaveTextContent(/^The workbook could not be made\. /);
    expect(downloads).toHaveLength(0);
    await user.click(within(office).getByRole('button', { name: 'Export November/December 2023 to Excel' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
  });
});
