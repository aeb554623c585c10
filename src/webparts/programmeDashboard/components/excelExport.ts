/**
 * The programme office's exports to Excel from the dashboard (issue 12): the status matrix as
 * the programme view shows it to them, and a period's records with the sheets and headings of
 * `npm run export`. exceljs is large (about 260 KB gzipped), so this module is loaded only when
 * an export is asked for (see exportLoader.ts).
 */
import * as ExcelJS from 'exceljs';
import { strings } from '../loc/moreStrings';
import { tableTitle, type IPeriod, type IWorkstreamHeading } from '../../../domain/model';
import { RAG_COLOURS } from '../../../domain/rag';
import { describeDirection } from '../../../ui/ragWords';
import { formatUkDate } from '../../../domain/dates';
import { safeFileName } from '../../../domain/text';
import type { IProgrammeRepository, IProgrammeSummary } from '../../../data/repository';
import { writeWorkbook } from '../../../data/exchange/workbook';
import { cellTooLong } from '../../../ui/workbookWords';
import { installSiteFileWords } from '../../../ui/siteFileWords';
import { format } from './format';
import { ratedPeriods } from './ragHistory';

// A period's export is refused in the exchange's words (src/data/exchange/transfer.ts), which come with this chunk.
installSiteFileWords();

/** A workbook ready to save: its name and bytes. */
export interface IExportedWorkbook {
  fileName: string;
  bytes: Uint8Array;
}

/** What the matrix holds: the periods its columns are, the workstreams its rows, the parts the programme reports. */
export interface IMatrixScope {
  periods: readonly IPeriod[];
  workstreams: readonly IWorkstreamHeading[];
  rated: boolean;
  milestones: boolean;
  /** Today, ISO, for the title line and the file name. */
  today: string;
}

/**
 * The status matrix as a workbook: one row a workstream (code and short title), a column a
 * period with its rating, direction of travel and state in words — "(draft)" for a rating not
 * yet approved, "Awaiting approval" where the summary withholds one — on the rating's colour
 * (label and colour, never colour alone), then open risks and milestones due.
 * `summary` is the summary as the person exporting may see it.
 */
export async function statusMatrixWorkbook(summary: IProgrammeSummary, scope: IMatrixScope): Promise<IExportedWorkbook> {
  const wb: ExcelJS.Workbook = new ExcelJS.Workbook();
  wb.creator = 'Programme Highlights';
  // Printed as the dashboard shows it: landscape, one page wide, A4.
  const ws: ExcelJS.Worksheet = wb.addWorksheet(strings.ExportMatrixSheet, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' }
  });
  ws.getCell(1, 1).value = summary.programme.title || strings.ExportMatrixSheet;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = format(scope.rated ? strings.ExportMatrixNote : strings.ExportMatrixNoteUnrated, formatUkDate(scope.today));
  const periods: readonly IPeriod[] = scope.rated ? scope.periods : [];
  const headings: string[] = [strings.ExportCodeColumn, strings.WorkstreamColumn, ...periods.map((p) => p.title), strings.OpenRisksColumn];
  if (scope.milestones) {
    headings.push(strings.ExportMilestonesDueColumn);
  }
  const header: ExcelJS.Row = ws.getRow(3);
  headings.forEach((h, i) => (header.getCell(i + 1).value = h));
  header.font = { bold: true };
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 40;
  // Wide enough for the longest cell on one line ("Green/Amber – Improved since last period (draft)").
  periods.forEach((_p, i) => (ws.getColumn(3 + i).width = 48));
  ws.getColumn(3 + periods.length).width = 12;
  if (scope.milestones) {
    ws.getColumn(4 + periods.length).width = 16;
  }
  // The note runs across the table and wraps, rather than hiding under the next cells.
  ws.mergeCells(2, 1, 2, headings.length);
  ws.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = 30;
  header.alignment = { wrapText: true, vertical: 'bottom' };
  scope.workstreams.forEach((w, r) => {
    const row: ExcelJS.Row = ws.getRow(4 + r);
    row.getCell(1).value = w.code || '';
    row.getCell(2).value = tableTitle(w);
    ratedPeriods(periods, summary.history, w.id).forEach((rated, i) => {
      const cell: ExcelJS.Cell = row.getCell(3 + i);
      if (rated.withheld) {
        cell.value = strings.AwaitingApproval;
      } else if (!rated.rag) {
        cell.value = strings.NotRated;
      } else {
        cell.value = `${rated.rag} – ${describeDirection(rated.direction)}${rated.draft ? ` ${strings.ExportDraftMark}` : ''}`;
        const colours = RAG_COLOURS[rated.rag];
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colours.fill}` } };
        cell.font = { color: { argb: `FF${colours.text}` } };
      }
    });
    row.getCell(3 + periods.length).value = summary.openRisks[w.id] || 0;
    if (scope.milestones) {
      row.getCell(4 + periods.length).value = summary.milestonesDue[w.id] || 0;
    }
  });
  const bytes: Uint8Array = new Uint8Array(await wb.xlsx.writeBuffer());
  return { fileName: `${safeFileName(format(strings.ExportMatrixFileName, summary.programme.title || strings.ExportMatrixSheet, scope.today))}.xlsx`, bytes };
}

/** A period's records as a workbook: the first sheet says what it holds, then one sheet a list. */
export async function periodWorkbook(repository: IProgrammeRepository, period: IPeriod): Promise<IExportedWorkbook> {
  const file = await repository.exportPeriod(period.id);
  const about: string[] = [format(strings.ExportPeriodAbout1, period.title), strings.ExportPeriodAbout2, strings.ExportPeriodAbout3];
  const bytes: Uint8Array = await writeWorkbook(file, { about, cellTooLong });
  return { fileName: `${safeFileName(format(strings.ExportPeriodFileName, period.title))}.xlsx`, bytes };
}

/** The MIME type of an .xlsx workbook. */
export const XLSX_TYPE: string = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
