/**
 * The words a whole programme's workbook is written with (en-GB; src/data/exchange/workbook.ts:
 * IWorkbookWords): what its first sheet says, and the refusal of a cell too long for a workbook.
 * The command line's export passes them; the dashboard's export of a period says what it holds in
 * its own strings and refuses a long cell in these words.
 */
import type { IWorkbookWords } from '../data/exchange/workbook';

/** What the first sheet of a whole programme's workbook says. */
export const IMPORT_ABOUT: readonly string[] = [
  'Programme Highlights: a programme exported for import (npm run import -- --site <url> <this file>).',
  'One sheet per SharePoint list; the first row names the columns as SharePoint shows them; one row per item.',
  'Workstreams are named by their code and periods by their title; people by their login or e-mail, several separated by ";".',
  'Dates are dd/mm/yyyy; dates with a time (when a challenge was answered or closed) are UTC. Columns formatted as text keep what is typed as it is typed.',
  'Request key: identifies a row so that importing the same file again adds nothing. Leave it as it is; leave it empty on a new row.',
  'Not in a workbook: period snapshots (what the Board saw for a locked period) and period history. Export to .json for those.'
];

/** A cell longer than a workbook cell holds: where, and how long. */
export function cellTooLong({ sheet, row, column, length, max }: { sheet: string; row: number; column: string; length: number; max: number }): string {
  return `Sheet "${sheet}", row ${row}, column "${column}" has ${length} characters; a workbook cell holds ${max}. Export to .json instead.`;
}

/** The words of a whole programme's workbook. */
export const IMPORT_WORKBOOK_WORDS: IWorkbookWords = { about: IMPORT_ABOUT, cellTooLong };
