/**
 * The close-down table of a phase as a report block (issue 16): the paper's columns in the
 * paper's order — Theme | <phase> Tasks/Actions | Activity Undertaken / Evidence – COMPLETED |
 * Activity Outstanding | New Phase — with each row's destination shaded and always named in
 * words, and a colour key that gives each colour its label: colour alone fails colour-blind
 * readers and black-and-white print.
 */
import { CLOSE_DOWN_DESTINATIONS, DESTINATION_STYLES, themeOf, type ICloseDownItem, type IPhase, type ThemeName } from '../domain/phases';
import { DESTINATION_LABELS, destinationText, NO_DESTINATION_LABEL } from '../ui/destinationWords';

// The key's colours and the theme are the domain's, the destination's words the edge's: shared with the dashboard.
export { DESTINATION_LABELS, DESTINATION_STYLES, destinationText, NO_DESTINATION_LABEL, themeOf };
import { isBlank } from '../domain/text';
import { HEADER_FILL, richTextNodes } from './build';
import { A4_TEXT_WIDTH_TWIPS, type DocNode, type IBlock, type IParagraph, type ITable, type ITableCell, type ITableRow } from './model';

/** What the close-down block needs. */
export interface ICloseDownReport {
  phase: IPhase;
  items: ICloseDownItem[];
  /** Workstreams of this phase and of the next (for themes the rows move into). */
  workstreams: readonly ThemeName[];
}

const COLUMN_WIDTHS: number[] = [1700, 1700, 2026, 1900, 1700];

function para(text: string, bold?: boolean): IParagraph {
  return { type: 'paragraph', style: 'Normal', runs: [bold ? { text, bold: true } : { text }] };
}

function cell(text: string | undefined): ITableCell {
  return { paragraphs: isBlank(text) ? [] : richTextNodes((text as string).trim()) };
}

function header(text: string): ITableCell {
  return { paragraphs: [para(text, true)], fill: HEADER_FILL };
}

function destinationCell(item: ICloseDownItem, workstreams: readonly ThemeName[]): ITableCell {
  const { label, detail } = destinationText(item, workstreams);
  const paragraphs: IParagraph[] = [para(label, true)];
  if (detail) {
    paragraphs.push(para(detail));
  }
  if (!item.destination) {
    return { paragraphs };
  }
  return { paragraphs, fill: DESTINATION_STYLES[item.destination].fill, color: DESTINATION_STYLES[item.destination].text };
}

function undertakenText(item: ICloseDownItem): string | undefined {
  const parts: string[] = [item.undertaken, isBlank(item.evidence) ? undefined : `Evidence: ${(item.evidence as string).trim()}`].filter((p): p is string => !isBlank(p)).map((p) => p.trim());
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

/** The colour key: each destination's colour with its label. */
export function closeDownKey(): ITable {
  return {
    type: 'table',
    columnWidths: [3000, A4_TEXT_WIDTH_TWIPS - 3000],
    headerRows: 1,
    caption: 'Colour key of the close-down table',
    rows: [
      { cells: [header('Colour'), header('Where the activity goes next')] },
      ...CLOSE_DOWN_DESTINATIONS.map((d) => ({
        cells: [{ paragraphs: [para(DESTINATION_LABELS[d], true)], fill: DESTINATION_STYLES[d].fill, color: DESTINATION_STYLES[d].text }, { paragraphs: [para(DESTINATION_LABELS[d])] }]
      }))
    ]
  };
}

/** The close-down table: the paper's columns, rows in order, a theme named on its first row. */
export function closeDownTable(report: ICloseDownReport): ITable {
  const items: ICloseDownItem[] = report.items.slice().sort((a, b) => a.order - b.order || a.id - b.id);
  const rows: ITableRow[] = [
    { cells: [header('Theme'), header(`${report.phase.title} Tasks/Actions`), header('Activity Undertaken / Evidence – COMPLETED'), header('Activity Outstanding'), header('New Phase')] }
  ];
  let lastTheme: string | undefined;
  for (const item of items) {
    const theme: string = themeOf(item, report.workstreams);
    rows.push({ cells: [cell(theme === lastTheme ? undefined : theme), { paragraphs: [para(item.task.trim())] }, cell(undertakenText(item)), cell(item.outstanding), destinationCell(item, report.workstreams)] });
    lastTheme = theme;
  }
  if (items.length === 0) {
    rows.push({ cells: [{ paragraphs: [para(`${report.phase.title} has no close-down rows yet.`)], columnSpan: 5 }] });
  }
  return { type: 'table', columnWidths: COLUMN_WIDTHS, headerRows: 1, caption: `Close-down of ${report.phase.title}`, rows };
}

/** The close-down as one block: heading, the phase's note, the colour key and the table. */
export function buildCloseDownBlock(report: ICloseDownReport): IBlock {
  const title: string = `${report.phase.title} – close down of activity`;
  const content: DocNode[] = [
    { type: 'paragraph', style: 'Heading1', runs: [{ text: title }], keepWithNext: true },
    ...(isBlank(report.phase.closeDownNote) ? [] : richTextNodes(report.phase.closeDownNote)),
    { type: 'paragraph', style: 'Heading2', runs: [{ text: 'Colour key' }], keepWithNext: true },
    closeDownKey(),
    // A paragraph between the tables: Word joins two adjacent tables into one.
    { type: 'paragraph', style: 'Heading2', runs: [{ text: 'Close-down table' }], keepWithNext: true },
    closeDownTable(report)
  ];
  // The block belongs to a phase, not a period: its tag's first number is the phase's id (PHASE_BLOCK_KINDS), for refresh.
  return { kind: 'closeDown', periodId: report.phase.id, title, content };
}
