/**
 * Packs report blocks into a real .docx: the same content controls the add-in inserts, in an
 * A4 portrait en-GB document with the report's styles. Browser-safe (jszip only), so the CLI
 * writes the bytes to a file and the task pane offers them as a download.
 */
import * as JSZipModule from 'jszip';
import type { IBlock } from './model';
import { blockToSdtXml, escapeXml, R_NS, TABLE_CLOSING_PARAGRAPH_XML, W_NS } from './ooxml';
import { stylesXml } from './styles';
import { paragraphPlainText } from './tag';

/** Options for {@link buildDocx}. */
export interface IDocxOptions {
  /** Document title (core properties and footer); defaults to the report title block's text. */
  title?: string;
  /** Author recorded in the core properties. */
  author?: string;
  /** Creation time recorded in the package; defaults to now. Fix it for reproducible files. */
  created?: Date;
  /**
   * Text for the top of every page, e.g. the draft marking of a period not yet locked (see
   * `draftHeader` in build.ts). No page header when absent.
   */
  header?: string;
}

/** A4 portrait in twips, with 2.54 cm (1440 twip) margins. */
export const PAGE: { readonly width: number; readonly height: number; readonly margin: number } = {
  width: 11906,
  height: 16838,
  margin: 1440
};

const XML_DECLARATION: string = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS_NS: string = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE: string = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The constructor of JSZip, whichever way the bundler or Node hands the CommonJS module over. */
type JSZipConstructor = new () => JSZipModule;
function jszipConstructor(): JSZipConstructor {
  const m: { default?: JSZipConstructor } = JSZipModule as unknown as { default?: JSZipConstructor };
  return m.default || (JSZipModule as unknown as JSZipConstructor);
}

function defaultTitle(blocks: readonly IBlock[]): string {
  const titleBlock: IBlock | undefined = blocks.filter((b) => b.kind === 'reportTitle')[0];
  const first: string = titleBlock && titleBlock.content[0] && titleBlock.content[0].type === 'paragraph' ? paragraphPlainText(titleBlock.content[0]) : '';
  return first || 'Programme Highlight Report';
}

function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function contentTypesXml(withHeader: boolean): string {
  const override = (part: string, type: string): string => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml') +
    override('/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml') +
    override('/word/settings.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml') +
    override('/word/footer1.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml') +
    (withHeader ? override('/word/header1.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml') : '') +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

function packageRelsXml(): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${RELS_NS}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="word/document.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL_TYPE}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>'
  );
}

function documentRelsXml(withHeader: boolean): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${RELS_NS}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_TYPE}/settings" Target="settings.xml"/>` +
    `<Relationship Id="rId3" Type="${REL_TYPE}/footer" Target="footer1.xml"/>` +
    (withHeader ? `<Relationship Id="rId4" Type="${REL_TYPE}/header" Target="header1.xml"/>` : '') +
    '</Relationships>'
  );
}

function documentXml(blocks: readonly IBlock[], withHeader: boolean): string {
  // Blocks ending with a table close with a paragraph inside their control (ooxml.ts); the body
  // also ends with a paragraph outside the last control, so the officer can type after it. One
  // point high, so it never spills onto a blank page of its own.
  const closing: string = TABLE_CLOSING_PARAGRAPH_XML;
  const sectPr: string =
    '<w:sectPr>' +
    (withHeader ? '<w:headerReference w:type="default" r:id="rId4"/>' : '') +
    '<w:footerReference w:type="default" r:id="rId3"/>' +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
    `<w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}" w:left="${PAGE.margin}" w:header="708" w:footer="708" w:gutter="0"/>` +
    '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>';
  return (
    XML_DECLARATION +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>` +
    blocks.map(blockToSdtXml).join('') +
    closing +
    sectPr +
    '</w:body></w:document>'
  );
}

function footerXml(title: string): string {
  const field = (instr: string, shown: string): string =>
    `<w:fldSimple w:instr=" ${instr} \\* MERGEFORMAT "><w:r><w:t>${shown}</w:t></w:r></w:fldSimple>`;
  return (
    XML_DECLARATION +
    `<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
    `<w:r><w:t xml:space="preserve">${escapeXml(title)}</w:t></w:r><w:r><w:tab/></w:r>` +
    `<w:r><w:t xml:space="preserve">Page </w:t></w:r>${field('PAGE', '1')}<w:r><w:t xml:space="preserve"> of </w:t></w:r>${field('NUMPAGES', '1')}` +
    '</w:p></w:ftr>'
  );
}

function headerXml(text: string): string {
  // In bold words, no colour: it must survive black-and-white print, and a red would read as a RAG.
  return (
    XML_DECLARATION +
    `<w:hdr xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>` +
    `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>` +
    '</w:p></w:hdr>'
  );
}

function settingsXml(): string {
  return (
    XML_DECLARATION +
    `<w:settings xmlns:w="${W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>` +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="en-GB"/></w:settings>'
  );
}

function corePropertiesXml(title: string, author: string, created: Date): string {
  const when: string = w3cdtf(created);
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(author)}</dc:creator><dc:language>en-GB</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appPropertiesXml(): string {
  return (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
    '<Application>Programme Highlights</Application></Properties>'
  );
}

/**
 * Builds a .docx holding the blocks, each as one content control, in order.
 * @returns the file's bytes; Node writes them to disk, the browser wraps them in a Blob.
 */
export async function buildDocx(blocks: readonly IBlock[], options: IDocxOptions = {}): Promise<Uint8Array> {
  const title: string = options.title || defaultTitle(blocks);
  const created: Date = options.created || new Date();
  const JSZip: JSZipConstructor = jszipConstructor();
  const zip: JSZipModule = new JSZip();
  const file = (path: string, xml: string): void => {
    zip.file(path, xml, { date: created, createFolders: false });
  };
  // [Content_Types].xml first: some readers expect it to lead the archive.
  const header: string | undefined = options.header && options.header.trim() !== '' ? options.header : undefined;
  file('[Content_Types].xml', contentTypesXml(!!header));
  file('_rels/.rels', packageRelsXml());
  file('word/document.xml', documentXml(blocks, !!header));
  file('word/_rels/document.xml.rels', documentRelsXml(!!header));
  if (header) {
    file('word/header1.xml', headerXml(header));
  }
  file('word/styles.xml', XML_DECLARATION + stylesXml());
  file('word/settings.xml', settingsXml());
  file('word/footer1.xml', footerXml(title));
  file('docProps/core.xml', corePropertiesXml(title, options.author || 'Programme Highlights', created));
  file('docProps/app.xml', appPropertiesXml());
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}
