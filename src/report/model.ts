/**
 * A neutral document tree for the board report: what the report says, with no Word, HTML or
 * Office types in it. Blocks are built once from domain objects (build.ts) and rendered by
 * ooxml.ts (Word and the .docx) and html.ts (the task pane's preview), so the three outputs
 * cannot drift apart.
 */
import type { Rag } from '../domain/rag';

/** Paragraph styles the report uses; OOXML maps each to a style id, HTML to an element. */
export type ParagraphStyle = 'Title' | 'Heading1' | 'Heading2' | 'Heading3' | 'Normal' | 'ListBullet';

/**
 * A run of text with one formatting. `\n` in the text is a line break within the paragraph
 * and `\t` a tab; every other character is printed as it is.
 */
export interface IRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A paragraph. A 'ListBullet' paragraph is one bulleted list item; renderers add the bullet. */
export interface IParagraph {
  type: 'paragraph';
  style: ParagraphStyle;
  runs: IRun[];
  /** Start the paragraph on a new page (each workstream section of a board paper does). */
  pageBreakBefore?: boolean;
  /** Keep the paragraph on the same page as the next one (lines that belong together). */
  keepWithNext?: boolean;
}

/** A table cell. */
export interface ITableCell {
  paragraphs: IParagraph[];
  /** Background fill, hex RGB without '#'. */
  fill?: string;
  /** Text colour, hex RGB without '#'. */
  color?: string;
  /**
   * Marks a RAG status cell: the level shown, or `null` for a status that is not rated.
   * A RAG cell always carries its label as text, never colour alone.
   */
  rag?: Rag | null;
  /** How many grid columns the cell spans (default 1). */
  columnSpan?: number;
}

/** A table row. */
export interface ITableRow {
  cells: ITableCell[];
}

/** A table laid out on the A4 portrait text width. */
export interface ITable {
  type: 'table';
  /** Column widths in twips; they sum to {@link A4_TEXT_WIDTH_TWIPS}. */
  columnWidths: number[];
  /** How many leading rows are header rows (repeated at the top of each page). */
  headerRows: number;
  rows: ITableRow[];
  /** When true, the first cell of each body row labels the row (a row header). */
  rowHeaders?: boolean;
  /** A short description of the table for assistive technology. */
  caption?: string;
  /** Keep the table's last row on the same page as the paragraph after the table. */
  keepWithNext?: boolean;
}

/** A node of a block's content. */
export type DocNode = IParagraph | ITable;

/** The kinds of block the report is made of; each becomes one content control in Word. */
export type BlockKind =
  | 'reportTitle'
  | 'overview'
  | 'statusTable'
  | 'workstreamSection'
  | 'sponsorComments'
  | 'milestonesThisPeriod'
  | 'milestonesNextPeriod'
  | 'risks'
  | 'keyRisks'
  | 'ragKey'
  | 'periodSection'
  // A phase's close-down table (issue 16): built by report/closeDown.ts from a phase, not a period's picture.
  | 'closeDown';

/** Every block kind, in the order a programme report uses them. */
export const BLOCK_KINDS: readonly BlockKind[] = [
  'reportTitle',
  'overview',
  'statusTable',
  'workstreamSection',
  'sponsorComments',
  'milestonesThisPeriod',
  'milestonesNextPeriod',
  'risks',
  'keyRisks',
  'ragKey',
  'periodSection'
];

/** Block kinds that belong to one workstream and so need a workstream id. */
export const WORKSTREAM_BLOCK_KINDS: readonly BlockKind[] = [
  'workstreamSection',
  'sponsorComments',
  'milestonesThisPeriod',
  'milestonesNextPeriod',
  'risks'
];

/**
 * Block kinds about one of the programme's period sections ("Purpose", "Also to note"): their
 * tag's number names the section (see tag.ts sectionTagId) where a workstream block's names the
 * workstream.
 */
export const SECTION_BLOCK_KINDS: readonly BlockKind[] = ['periodSection'];

/**
 * Block kinds of a phase, not a period (issue 16): their tag's first number names the phase where
 * every other block's names its period; they are built from the phase, not a period's picture.
 */
export const PHASE_BLOCK_KINDS: readonly BlockKind[] = ['closeDown'];

/** One block of the report: a unit the Word add-in inserts, tracks and refreshes. */
export interface IBlock {
  kind: BlockKind;
  periodId: number;
  workstreamId?: number;
  /** The period section, for a period section block: its key within the programme. */
  sectionKey?: string;
  /** The block's human name, e.g. "Status table – November/December 2023". */
  title: string;
  content: DocNode[];
}

/** A4 (21.0 cm) less two 2.54 cm margins, in twips: the width every table spans. */
export const A4_TEXT_WIDTH_TWIPS: number = 9026;

/** The character the report prints before each bulleted item (a literal, not Word numbering). */
export const BULLET_CHARACTER: string = '\u2022';
