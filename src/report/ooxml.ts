/**
 * Renders report blocks to WordprocessingML: for the Word add-in's `insertOoxml` (a flat-OPC
 * package, one insert for any number of blocks) and for the .docx (docx.ts).
 *
 * Each block is ONE block-level rich-text content control around all of its headings,
 * paragraphs and tables. Never a control inside a table cell or row: Word on the web does not
 * return controls in cells (office-js #2040) and a control on a row wraps the whole table
 * (#4251).
 *
 * Bullets are literal: a bulleted item is "•", a tab and the text, in a hanging-indent style.
 * No numbering part is needed, and Word's text of the control (which omits automatic list
 * numbering) contains the bullet just as {@link blockPlainText} does, so fingerprints agree.
 */
import { stripControlCharacters } from '../domain/text';
import { BULLET_CHARACTER, type DocNode, type IBlock, type IParagraph, type IRun, type ITable, type ITableCell, type ITableRow } from './model';
import { STYLE_IDS, stylesXml, TABLE_STYLE_ID, tableBordersXml, tableCellMarginsXml } from './styles';
import { makeTag } from './tag';

export { blockPlainText, fingerprintText, formatTag, makeTag, parseTag, tagPrefix, type IBlockTag } from './tag';

/** Longest content-control title (alias) written: Word's properties dialog stops at 64. */
export const MAX_ALIAS_LENGTH: number = 64;

/** The block's title as a content-control alias: cut at a word with an ellipsis if too long. */
export function aliasOf(title: string): string {
  const clean: string = stripControlCharacters(title).replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_ALIAS_LENGTH) {
    return clean;
  }
  const cut: string = clean.slice(0, MAX_ALIAS_LENGTH - 1);
  const space: number = cut.lastIndexOf(' ');
  return `${(space > MAX_ALIAS_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s–-]+$/, '')}…`;
}

/** The WordprocessingML main namespace. */
export const W_NS: string = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** The relationships namespace used in document parts. */
export const R_NS: string = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Escapes text for XML content or a quoted attribute: drops control characters and lone
 * surrogates (not allowed in XML 1.0) and escapes & < > " '. `]]>` cannot survive because
 * every `>` is escaped.
 */
export function escapeXml(text: string): string {
  return stripControlCharacters(String(text))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An attribute value on one line: tabs and line breaks become spaces before escaping. */
function attr(text: string): string {
  return escapeXml(String(text).replace(/[\t\r\n]+/g, ' '));
}

/** Text of one run: tabs and line breaks become Word's own elements, so nothing is lost. */
function runContentXml(text: string): string {
  const clean: string = stripControlCharacters(text).replace(/\r\n?/g, '\n');
  let xml: string = '';
  for (const piece of clean.split(/(\t|\n)/)) {
    if (piece === '\t') {
      xml += '<w:tab/>';
    } else if (piece === '\n') {
      xml += '<w:br/>';
    } else if (piece !== '') {
      xml += `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`;
    }
  }
  return xml;
}

function runXml(r: IRun, color?: string): string {
  const content: string = runContentXml(r.text);
  if (content === '') {
    return '';
  }
  const rPr: string =
    (r.bold ? '<w:b/><w:bCs/>' : '') + (r.italic ? '<w:i/><w:iCs/>' : '') + (color ? `<w:color w:val="${attr(color)}"/>` : '');
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${content}</w:r>`;
}

interface IParagraphContext {
  /** Text colour for every run (a RAG cell's label colour). */
  color?: string;
  /** The paragraph sits in a table cell: tighter spacing. */
  inCell?: boolean;
  /** Keep the paragraph with the next one. */
  keepNext?: boolean;
  /** A table comes straight before (space above) or after (space below) the paragraph. */
  afterTable?: boolean;
  beforeTable?: boolean;
}

const HEADING_STYLES: readonly string[] = ['Title', 'Heading1', 'Heading2', 'Heading3'];

function paragraphXml(p: IParagraph, context: IParagraphContext = {}): string {
  let pPr: string = p.style === 'Normal' ? '' : `<w:pStyle w:val="${STYLE_IDS[p.style]}"/>`;
  if (p.keepWithNext || context.keepNext) {
    pPr += '<w:keepNext/>';
  }
  if (p.pageBreakBefore) {
    pPr += '<w:pageBreakBefore/>';
  }
  if (context.inCell) {
    // Direct spacing as well as the table style's: LibreOffice and some Word builds ignore
    // paragraph properties that come from a table style.
    pPr += '<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>';
  } else if (HEADING_STYLES.indexOf(p.style) < 0 && (context.afterTable || context.beforeTable)) {
    // A table has no spacing of its own: body text next to one needs air, headings have it.
    pPr += `<w:spacing${context.afterTable ? ' w:before="200"' : ''}${context.beforeTable ? ' w:after="200"' : ''}/>`;
  }
  const bullet: string = p.style === 'ListBullet' ? runXml({ text: `${BULLET_CHARACTER}\t` }, context.color) : '';
  const runs: string = p.runs.map((r) => runXml(r, context.color)).join('');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${bullet}${runs}</w:p>`;
}

function cellXml(cell: ITableCell, widths: number[], column: number, keepNext: boolean): string {
  const span: number = Math.max(1, Math.min(cell.columnSpan || 1, widths.length - column));
  const width: number = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
  let tcPr: string = `<w:tcW w:w="${width}" w:type="dxa"/>`;
  if (span > 1) {
    tcPr += `<w:gridSpan w:val="${span}"/>`;
  }
  if (cell.fill) {
    tcPr += `<w:shd w:val="clear" w:color="auto" w:fill="${attr(cell.fill)}"/>`;
  }
  // Every cell needs at least one paragraph, or Word calls the file corrupt.
  const paragraphs: IParagraph[] = cell.paragraphs.length > 0 ? cell.paragraphs : [{ type: 'paragraph', style: 'Normal', runs: [] }];
  return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${paragraphs.map((p) => paragraphXml(p, { color: cell.color, inCell: true, keepNext })).join('')}</w:tc>`;
}

function rowXml(row: ITableRow, widths: number[], isHeader: boolean, keepNext: boolean): string {
  // No row splits across a page (a RAG label must stay with its colour); header rows also
  // repeat at the top of every page a table runs onto.
  const trPr: string = isHeader ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
  let column: number = 0;
  let cells: string = '';
  for (const cell of row.cells) {
    cells += cellXml(cell, widths, column, keepNext);
    column += Math.max(1, cell.columnSpan || 1);
  }
  return `<w:tr>${trPr}${cells}</w:tr>`;
}

function tableXml(t: ITable): string {
  const width: number = t.columnWidths.reduce((a, b) => a + b, 0);
  // Direct borders and margins as well as the table style: when inserted into an officer's
  // document the style may be missing or redefined, and the table must still look the same.
  const tblPr: string =
    `<w:tblPr><w:tblStyle w:val="${TABLE_STYLE_ID}"/><w:tblW w:w="${width}" w:type="dxa"/>${tableBordersXml()}` +
    `<w:tblLayout w:type="fixed"/>${tableCellMarginsXml()}` +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>' +
    (t.caption ? `<w:tblCaption w:val="${attr(t.caption)}"/>` : '') +
    '</w:tblPr>';
  const grid: string = `<w:tblGrid>${t.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  // Word keeps a row with the next paragraph when the row's paragraphs are "keep with next".
  const rows: string = t.rows
    .map((row, i) => rowXml(row, t.columnWidths, i < t.headerRows, !!t.keepWithNext && i === t.rows.length - 1))
    .join('');
  return `<w:tbl>${tblPr}${grid}${rows}</w:tbl>`;
}

/**
 * The empty paragraph that closes a block whose last element is a table, inside its content
 * control. Word wants a paragraph after a table; a content control whose content ends with a
 * table is the case where replacing the content corrupts the table or leaves an extra paragraph
 * outside the control (office-js #85, #2606, #116). One point high, so it takes no room. It has
 * no text, so Word's text of the control and the block's fingerprint are unchanged by it.
 */
export const TABLE_CLOSING_PARAGRAPH_XML: string = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>';

function contentXml(content: readonly DocNode[]): string {
  const xml: string = content
    .map((node, i) =>
      node.type === 'paragraph'
        ? paragraphXml(node, {
            afterTable: i > 0 && content[i - 1].type === 'table',
            beforeTable: i + 1 < content.length && content[i + 1].type === 'table'
          })
        : tableXml(node)
    )
    .join('');
  const last: DocNode | undefined = content[content.length - 1];
  return last && last.type === 'table' ? xml + TABLE_CLOSING_PARAGRAPH_XML : xml;
}

/**
 * One block as a block-level rich-text content control, `<w:sdt>…</w:sdt>`, with the block's
 * title as its alias and {@link makeTag} as its tag. Uses the `w:` prefix without declaring
 * it: the caller's document element declares it.
 */
export function blockToSdtXml(block: IBlock): string {
  return (
    `<w:sdt><w:sdtPr><w:alias w:val="${attr(aliasOf(block.title))}"/><w:tag w:val="${attr(makeTag(block))}"/></w:sdtPr>` +
    `<w:sdtContent>${contentXml(block.content)}</w:sdtContent></w:sdt>`
  );
}

function flatPart(name: string, contentType: string, xml: string): string {
  return `<pkg:part pkg:name="${name}" pkg:contentType="${contentType}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
}

function packageOf(bodyXml: string): string {
  const rels: string =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
    '</Relationships>';
  const documentRels: string =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
    '</Relationships>';
  const documentXml: string = `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${bodyXml}</w:body></w:document>`;
  return (
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    flatPart('/_rels/.rels', 'application/vnd.openxmlformats-package.relationships+xml', rels) +
    flatPart('/word/_rels/document.xml.rels', 'application/vnd.openxmlformats-package.relationships+xml', documentRels) +
    flatPart('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', documentXml) +
    flatPart('/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml', stylesXml()) +
    '</pkg:package>'
  );
}

/**
 * All the blocks as one flat-OPC package for `range.insertOoxml(...)`: one string, so one
 * insert call and one sync, however many blocks. The package carries the document part and
 * the styles the blocks use.
 */
export function blocksToInsertableOoxml(blocks: readonly IBlock[]): string {
  return packageOf(blocks.map(blockToSdtXml).join(''));
}

/**
 * A block's content without its content control, for refreshing a control already in the
 * document: `contentControl.insertOoxml(..., 'Replace')` keeps the control and replaces what is
 * inside it, so inserting another control would nest one in the other.
 */
export function blockContentToInsertableOoxml(block: IBlock): string {
  return packageOf(contentXml(block.content));
}
