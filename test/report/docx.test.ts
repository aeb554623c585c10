/**
 * @jest-environment jsdom
 */
/**
 * The .docx package: the parts Word and LibreOffice need, A4 portrait with 2.54 cm margins,
 * en-GB, the report's styles and the same content controls the add-in inserts.
 */
import JSZip from 'jszip';
import { buildDocx, buildProgrammeReport, draftHeader, parseTag, PAGE } from '../../src/report';
import { NOVDEC, picture } from './support/pictures';
import { childElements, descendants, parseXml, W, wAttr } from './support/xml';

describe('buildDocx', () => {
  const blocks = buildProgrammeReport(picture(NOVDEC));
  let zip: JSZip;
  const part = async (name: string): Promise<Document> => {
    const file = zip.file(name);
    if (!file) {
      throw new Error(`The .docx has no ${name}.`);
    }
    return parseXml(await file.async('string'));
  };

  beforeAll(async () => {
    const bytes = await buildDocx(blocks, { created: new Date('2023-12-22T09:00:00Z'), author: 'PMO' });
    expect(bytes).toBeInstanceOf(Uint8Array);
    // A zip file starts "PK".
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    zip = await JSZip.loadAsync(bytes);
  });

  it('declares a content type for every part and relates every part it uses', async () => {
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(names[0]).toBe('[Content_Types].xml');
    const types = await part('[Content_Types].xml');
    const overrides = Array.from(types.getElementsByTagName('Override')).map((o) => o.getAttribute('PartName'));
    for (const name of names.filter((n) => !n.endsWith('.rels') && n !== '[Content_Types].xml')) {
      expect(overrides).toContain(`/${name}`);
    }
    const rels = await part('word/_rels/document.xml.rels');
    for (const r of Array.from(rels.getElementsByTagName('Relationship'))) {
      expect(names).toContain(`word/${r.getAttribute('Target')}`);
    }
    const root = await part('_rels/.rels');
    for (const r of Array.from(root.getElementsByTagName('Relationship'))) {
      expect(names).toContain(r.getAttribute('Target'));
    }
  });

  it('is A4 portrait with 2.54 cm margins', async () => {
    const doc = await part('word/document.xml');
    const pgSz = descendants(doc, 'pgSz')[0];
    expect([wAttr(pgSz, 'w'), wAttr(pgSz, 'h')]).toEqual(['11906', '16838']);
    const pgMar = descendants(doc, 'pgMar')[0];
    for (const side of ['top', 'right', 'bottom', 'left']) {
      expect(wAttr(pgMar, side)).toBe('1440');
    }
    expect(PAGE.width - 2 * PAGE.margin).toBe(9026);
  });

  it('holds the blocks as top-level content controls, in order', async () => {
    const body = descendants(await part('word/document.xml'), 'body')[0];
    const sdts = childElements(body, 'sdt');
    expect(sdts).toHaveLength(blocks.length);
    expect(sdts.map((s) => parseTag(wAttr(descendants(s, 'tag')[0], 'val') || '')!.kind)).toEqual(blocks.map((b) => b.kind));
    expect(childElements(body).map((e) => e.localName).slice(blocks.length)).toEqual(['p', 'sectPr']);
  });

  it('defines Normal, Title, the headings under their built-in names, the bullet and table styles, in en-GB', async () => {
    const styles = await part('word/styles.xml');
    const byId = new Map(descendants(styles, 'style').map((s) => [wAttr(s, 'styleId'), s] as const));
    const name = (id: string): string | null => wAttr(childElements(byId.get(id)!, 'name')[0], 'val');
    expect(name('Normal')).toBe('Normal');
    expect(name('Title')).toBe('Title');
    expect([name('Heading1'), name('Heading2'), name('Heading3')]).toEqual(['heading 1', 'heading 2', 'heading 3']);
    expect(byId.has('PHBullet')).toBe(true);
    expect(wAttr(byId.get('PHTable')!, 'type')).toBe('table');
    expect(descendants(styles, 'lang').map((l) => wAttr(l, 'val'))).toContain('en-GB');
    expect(wAttr(descendants(await part('word/settings.xml'), 'themeFontLang')[0], 'val')).toBe('en-GB');
  });

  it('records the title, author and language in the core properties', async () => {
    const core = await part('docProps/core.xml');
    const text = (ns: string, local: string): string | null => core.getElementsByTagNameNS(ns, local)[0].textContent;
    expect(text('http://purl.org/dc/elements/1.1/', 'title')).toBe('Improvement Plan Phase 2 Programme Level Highlight Report');
    expect(text('http://purl.org/dc/elements/1.1/', 'creator')).toBe('PMO');
    expect(text('http://purl.org/dc/elements/1.1/', 'language')).toBe('en-GB');
    expect(text('http://purl.org/dc/terms/', 'created')).toBe('2023-12-22T09:00:00Z');
  });

  it('numbers pages in the footer, outside every content control', async () => {
    const footer = await part('word/footer1.xml');
    const fields = Array.from(footer.getElementsByTagNameNS(W, 'fldSimple')).map((f) => f.getAttributeNS(W, 'instr'));
    expect(fields.map((f) => (f || '').trim().split(' ')[0])).toEqual(['PAGE', 'NUMPAGES']);
  });

  it('has no page header unless asked; a draft header is on every page, outside every content control', async () => {
    expect(zip.file('word/header1.xml')).toBeNull();
    const header = draftHeader(picture(NOVDEC)) as string;
    const drafted = await JSZip.loadAsync(await buildDocx(blocks, { header }));
    const xml = await (drafted.file('word/header1.xml') as JSZip.JSZipObject).async('string');
    expect(parseXml(xml).documentElement.textContent).toBe(header);
    const rels = parseXml(await (drafted.file('word/_rels/document.xml.rels') as JSZip.JSZipObject).async('string'));
    const headerRel = Array.from(rels.getElementsByTagName('Relationship')).filter((r) => r.getAttribute('Target') === 'header1.xml')[0];
    expect(headerRel.getAttribute('Type')).toMatch(/\/header$/);
    const doc = parseXml(await (drafted.file('word/document.xml') as JSZip.JSZipObject).async('string'));
    const ref = descendants(doc.documentElement, 'headerReference')[0];
    expect(wAttr(ref, 'type')).toBe('default');
    expect(ref.parentElement && ref.parentElement.localName).toBe('sectPr');
    const types = await (drafted.file('[Content_Types].xml') as JSZip.JSZipObject).async('string');
    expect(types).toContain('PartName="/word/header1.xml"');
  });
});
