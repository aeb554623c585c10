/**
 * The programme as an Excel workbook (exceljs): one sheet per list, named as the list, the first
 * row the columns' names as SharePoint shows them, then one row per item. Used by the command
 * line (npm run export / import) and by the dashboard's "Export to Excel", where it is loaded only
 * when asked for (exceljs is a large module; see components/excelExport.ts).
 *
 * Dates are real dates shown dd/mm/yyyy; text columns are formatted as text so that what is
 * typed there (an agreed completion date "as written", "Sept 2024") stays as typed; several
 * people in one cell are separated by ";". Period snapshots and period history are not in a
 * workbook: a snapshot's parts are longer than a cell's 32,767 characters (see JSON_ONLY_LISTS).
 */
import * as ExcelJS from 'exceljs';
import type { ISource, ISourceTable } from './transfer';
import { message, said } from '../../domain/messages';
import { exchangeTables, JSON_ONLY_LISTS, MAX_CELL_CHARACTERS, type CellValue, type ExchangeRow, type IExchangeColumn, type IExchangeFile, type IExchangeTable } from './tables';

/**
 * The sheet that says what the workbook is; an import passes over it.
 * @wire the workbook format's own sheet name, by which an import knows the sheet to pass over in
 * every file exported so far: a name in the file format, like the lists' titles, not words.
 */
export const ABOUT_SHEET: string = 'About this workbook';

function workbookTables(): IExchangeTable[] {
  return exchangeTables().filter((t) => JSON_ONLY_LISTS.indexOf(t.list) < 0);
}

function isoToDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

function dateToIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function ukDate(d: Date): string {
  const iso: string = dateToIso(d);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function cellOut(c: IExchangeColumn, v: CellValue | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined) {
    return null;
  }
  if (c.kind === 'date' && typeof v === 'string') {
    return isoToDate(v);
  }
  if (c.kind === 'dateTime' && typeof v === 'string' && !isNaN(Date.parse(v))) {
    return new Date(Date.parse(v));
  }
  if (Array.isArray(v)) {
    return v.join('; ');
  }
  return v;
}

/**
 * The words a workbook is written with, from the caller (the edge: src/ui/workbookWords.ts for the
 * command line, the dashboard's strings for a period's export): what its first sheet says, and
 * the refusal of a cell longer than a workbook cell holds.
 */
export interface IWorkbookWords {
  about: readonly string[];
  cellTooLong(p: { sheet: string; row: number; column: string; length: number; max: number }): string;
}

/**
 * The file as a workbook: a first sheet saying what it is (`words.about`), then a sheet for each
 * list the file has. Throws naming sheet, row and column when a cell would be longer than a
 * workbook cell holds (export to .json instead), in the caller's words.
 */
export async function writeWorkbook(file: IExchangeFile, words: IWorkbookWords): Promise<Uint8Array> {
  const wb: ExcelJS.Workbook = new ExcelJS.Workbook();
  // @wire the product's name as the workbook's creator property (document metadata), not words.
  wb.creator = 'Programme Highlights';
  const aboutSheet: ExcelJS.Worksheet = wb.addWorksheet(ABOUT_SHEET);
  aboutSheet.getColumn(1).width = 110;
  words.about.forEach((line, i) => (aboutSheet.getCell(i + 1, 1).value = line));
  // A whole site's export has every list; a period's, the lists that period's records are in.
  for (const t of workbookTables().filter((x) => file.lists[x.title] !== undefined)) {
    const ws: ExcelJS.Worksheet = wb.addWorksheet(t.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({
      header: c.heading,
      key: c.name,
      width: c.kind === 'note' ? 60 : c.kind === 'date' ? 12 : 24,
      // @wire Excel's number format codes (ECMA-376 numFmt), not words.
      style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : c.kind === 'dateTime' ? { numFmt: 'dd/mm/yyyy hh:mm:ss' } : c.kind === 'text' || c.kind === 'note' || c.kind === 'choice' ? { numFmt: '@', alignment: { wrapText: c.kind === 'note', vertical: 'top' } } : {}
    }));
    ws.getRow(1).font = { bold: true };
    const rows: ExchangeRow[] = file.lists[t.title] || [];
    rows.forEach((row, i) => {
      const values: { [key: string]: ExcelJS.CellValue } = {};
      for (const c of t.columns) {
        const v: ExcelJS.CellValue = cellOut(c, row[c.name]);
        if (typeof v === 'string' && v.length > MAX_CELL_CHARACTERS) {
          throw new Error(words.cellTooLong({ sheet: t.title, row: i + 2, column: c.heading, length: v.length, max: MAX_CELL_CHARACTERS }));
        }
        values[c.name] = v;
      }
      ws.addRow(values);
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A cell as read: its text, number, flag or date; formulas by their result. */
function cellIn(c: IExchangeColumn | undefined, value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    // A date typed into a text column (Excel makes one of "30/09/2023") is kept as it reads.
    return c && c.kind === 'date' ? dateToIso(value) : c && c.kind === 'dateTime' ? value.toISOString().replace(/\.\d{3}Z$/, 'Z') : ukDate(value);
  }
  if (typeof value === 'object') {
    const o = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) {
      return o.richText.map((r) => r.text).join('');
    }
    if ('result' in o) {
      return cellIn(c, o.result as ExcelJS.CellValue);
    }
    if (typeof o.text === 'string') {
      return o.text;
    }
    if ('error' in o) {
      return String(o.error);
    }
    return null;
  }
  return value as string | number | boolean;
}

/** A workbook's sheets as a source for import (see transfer.ts), reading headings as SharePoint shows them (or internal names). */
export async function readWorkbook(bytes: Uint8Array): Promise<ISource> {
  const source: ISource = { rowWord: 'row', tables: [], problems: [] };
  const wb: ExcelJS.Workbook = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    source.problems.push({ sheet: '(file)', ...said(message('workbookUnreadable', { error: (e as Error).message })) });
    return source;
  }
  const tables: IExchangeTable[] = exchangeTables();
  for (const ws of wb.worksheets) {
    if (ws.name === ABOUT_SHEET) {
      continue;
    }
    const table: IExchangeTable | undefined = tables.filter((t) => t.title === ws.name)[0];
    const headings: Array<{ key: string; column?: IExchangeColumn }> = [];
    ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
      const text: string = String(cellIn(undefined, cell.value) || '').trim();
      const column: IExchangeColumn | undefined = table ? table.columns.filter((c) => c.heading === text || c.name === text)[0] : undefined;
      headings[col] = { key: column ? column.name : text, column };
    });
    const st: ISourceTable = { sheet: ws.name, rows: [], rowNumbers: [] };
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) {
        return;
      }
      const out: ExchangeRow = {};
      let any: boolean = false;
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const h = headings[col];
        const v: CellValue = cellIn(h ? h.column : undefined, cell.value);
        if (v === null || (typeof v === 'string' && v.trim() === '')) {
          return;
        }
        any = true;
        if (!h) {
          source.problems.push({ sheet: ws.name, row: rowNumber, column: cell.address.replace(/\d+$/, ''), ...said(message('cellNoHeading', {})) });
          return;
        }
        out[h.key] = v;
      });
      if (any) {
        st.rows.push(out);
        st.rowNumbers.push(rowNumber);
      }
    });
    source.tables.push(st);
  }
  return source;
}
