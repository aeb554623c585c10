/**
 * The report's Word styles, shared by the .docx and the package inserted with insertOoxml.
 *
 * Headings use Word's built-in style ids (Title, Heading1-3, names "heading 1"…) so the
 * document's table of contents and navigation pane pick them up; when the officer's own
 * document already defines them, Word keeps the document's look. Bulleted items use a
 * style of our own with a literal bullet (see ooxml.ts) rather than Word's "List Bullet":
 * a document that already uses List Bullet has numbering attached to it, which would add a
 * second, automatic bullet to ours.
 */
import type { ParagraphStyle } from './model';

/** The Word style id each paragraph style maps to. */
export const STYLE_IDS: { readonly [style in ParagraphStyle]: string } = {
  Title: 'Title',
  Heading1: 'Heading1',
  Heading2: 'Heading2',
  Heading3: 'Heading3',
  Normal: 'Normal',
  ListBullet: 'PHBullet'
};

/** The table style every report table uses. */
export const TABLE_STYLE_ID: string = 'PHTable';

/** Hanging indent of a bulleted item, in twips: the bullet sits left, the text at the tab. */
export const BULLET_INDENT_TWIPS: number = 360;

/** Border colour of report tables: dark grey reads as a rule without shouting. */
export const TABLE_BORDER_COLOUR: string = '595959';

/** Body and heading text colours. Dark navy headings keep a contrast above 12:1 on white. */
const HEADING_COLOUR: string = '1F3864';
const FONT: string = 'Arial';

function headingStyle(id: string, name: string, level: number, halfPoints: number, before: number, after: number): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
    `<w:uiPriority w:val="9"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="${after}"/><w:outlineLvl w:val="${level}"/></w:pPr>` +
    `<w:rPr><w:b/><w:bCs/><w:color w:val="${HEADING_COLOUR}"/><w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/></w:rPr></w:style>`
  );
}

/** Single borders on every edge and between every cell, as board-paper tables have. */
export function tableBordersXml(): string {
  const edge = (name: string): string => `<w:${name} w:val="single" w:sz="4" w:space="0" w:color="${TABLE_BORDER_COLOUR}"/>`;
  return `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(edge).join('')}</w:tblBorders>`;
}

/** Cell margins of report tables, in twips. */
export function tableCellMarginsXml(): string {
  return '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>';
}

/** The `<w:styles>` part, with the namespace declaration. */
export function stylesXml(): string {
  return (
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>` +
    '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>' +
    '</w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
    `<w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}"/><w:lang w:val="en-GB"/></w:rPr></w:style>` +
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>' +
    '<w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/></w:pPr>' +
    `<w:rPr><w:b/><w:bCs/><w:color w:val="${HEADING_COLOUR}"/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>` +
    headingStyle('Heading1', 'heading 1', 0, 32, 360, 160) +
    headingStyle('Heading2', 'heading 2', 1, 28, 240, 160) +
    headingStyle('Heading3', 'heading 3', 2, 24, 240, 80) +
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE_IDS.ListBullet}"><w:name w:val="PH Bullet"/><w:basedOn w:val="Normal"/>` +
    `<w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="${BULLET_INDENT_TWIPS}"/></w:tabs><w:spacing w:after="60"/>` +
    `<w:ind w:left="${BULLET_INDENT_TWIPS}" w:hanging="${BULLET_INDENT_TWIPS}"/></w:pPr></w:style>` +
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>' +
    '<w:pPr><w:tabs><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr>' +
    '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>' +
    '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>' +
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    `<w:style w:type="table" w:customStyle="1" w:styleId="${TABLE_STYLE_ID}"><w:name w:val="PH Table"/><w:basedOn w:val="TableNormal"/>` +
    `<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>` +
    `<w:tblPr>${tableBordersXml()}${tableCellMarginsXml()}</w:tblPr></w:style>` +
    '</w:styles>'
  );
}
