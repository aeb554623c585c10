/**
 * @jest-environment jsdom
 *
 * Bad input through the board report's renderers: generated hostile text (any Unicode, control
 * characters, lone surrogates, markup, `]]>`, entities, very long text) in every text field of
 * the November/December 2023 picture. The OOXML Word inserts is well-formed XML (jsdom's strict
 * XML parser), carries no character XML forbids, every content control's tag reads back, and the
 * data's text is printed as written; the preview HTML holds only the renderer's own elements and
 * attributes, with the hostile text as text; and every generated document whose texts stay
 * within 10,000 characters, packed as .docx, is opened by LibreOffice (one run for all) and holds
 * its words. Documents with longer texts are checked as XML only: LibreOffice takes minutes to lay
 * out a table cell holding one unbroken 100,000-character word.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { blocksToHtml, blocksToInsertableOoxml, buildDocx, buildProgrammeReport, parseTag, type IBlock } from '../../../src/report';
import { convertToPdf, pdfPages, requireRenderingTools } from '../../report/support/render';
import { descendants, documentBody, parseXml, W, wText } from '../../report/support/xml';
import { record } from '../support/counts';
import { hasUnsavableCharacter, hostileText, isWellFormed, longText, seedFor } from './hostile';
import { compact, hostilePicture, type IGenerated } from './hostilePicture';

const AREA: string = 'Bad input: OOXML and HTML renderers';
/** How many documents are generated. */
const DOCUMENTS: number = 80;
/** LibreOffice opens every generated document whose longest text is no longer than this. */
const OPENED_UP_TO: number = 10000;

const texts: fc.Arbitrary<IGenerated> = fc.record({
  texts: fc.array(hostileText(8), { minLength: 1, maxLength: 60 }),
  long: fc.option(longText(2000, 100000), { freq: 4 })
});

/** The elements and attributes the preview renderer writes; anything else came from data. */
const HTML_ELEMENTS: ReadonlySet<string> = new Set(['section', 'h1', 'h2', 'h3', 'p', 'ul', 'li', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'br']);
const HTML_ATTRIBUTES: ReadonlySet<string> = new Set(['class', 'data-block-tag', 'aria-label', 'style', 'scope', 'colspan', 'data-rag']);

let dir: string = '';
const samples: Array<{ blocks: IBlock[]; marker: string; longest: number }> = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ph-badinput-ooxml-'));
});

afterAll(() => {
  if (dir && !process.env.KEEP_RENDER) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('the report renderers with hostile text in every field', () => {
  it('OOXML is well-formed, holds no character XML forbids, its tags read back and its cells say what was written', () => {
    let runs: number = 0;
    fc.assert(
      fc.property(texts, (t) => {
        const { picture, cellTexts, marker } = hostilePicture(t, runs);
        runs++;
        const blocks: IBlock[] = buildProgrammeReport(picture);
        const ooxml: string = blocksToInsertableOoxml(blocks);
        if (hasUnsavableCharacter(ooxml)) {
          const at: number = Array.from(ooxml).findIndex((ch) => hasUnsavableCharacter(ch));
          throw new Error(`The OOXML holds a character XML forbids near ${JSON.stringify(Array.from(ooxml).slice(Math.max(0, at - 40), at + 10).join(''))}`);
        }
        const doc: Document = parseXml(ooxml);
        const body: Element = documentBody(doc);
        const tags: string[] = descendants(body, 'tag').map((el) => el.getAttributeNS(W, 'val') || '');
        expect(tags).toHaveLength(blocks.length);
        tags.forEach((tag, k) => {
          const parsed = parseTag(tag);
          if (!parsed) {
            throw new Error(`Content control ${k} has a tag that does not read back: ${JSON.stringify(tag)}`);
          }
          expect(parsed.kind).toBe(blocks[k].kind);
          expect(parsed.periodId).toBe(blocks[k].periodId);
          expect(parsed.workstreamId).toBe(blocks[k].workstreamId);
        });
        for (const alias of descendants(body, 'alias').map((el) => el.getAttributeNS(W, 'val') || '')) {
          expect(alias.length).toBeLessThanOrEqual(64);
        }
        const printed: string = compact(wText(body));
        for (const written of cellTexts) {
          if (printed.indexOf(compact(written)) < 0) {
            throw new Error(`The OOXML does not print ${JSON.stringify(written.slice(0, 200))} as written`);
          }
        }
        expect(printed.indexOf(marker)).toBeGreaterThanOrEqual(0);
        samples.push({ blocks, marker, longest: Math.max(t.long ? t.long.length : 0, ...t.texts.map((x) => x.length)) });
      }),
      { numRuns: DOCUMENTS, seed: seedFor(200) }
    );
    record(AREA, { inputs: runs });
  });

  it('the preview HTML holds only the renderer\'s markup, runs nothing, and shows the hostile text as text', () => {
    let runs: number = 0;
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    fc.assert(
      fc.property(texts, (t) => {
        const { picture, cellTexts } = hostilePicture(t, runs);
        runs++;
        const html: string = blocksToHtml(buildProgrammeReport(picture));
        if (hasUnsavableCharacter(html)) {
          throw new Error('The preview HTML holds a control character or a lone surrogate');
        }
        const host: HTMLDivElement = document.createElement('div');
        host.innerHTML = html;
        document.body.appendChild(host);
        try {
          for (const el of Array.from(host.querySelectorAll('*'))) {
            const name: string = el.tagName.toLowerCase();
            if (!HTML_ELEMENTS.has(name)) {
              throw new Error(`The preview holds a <${name}> element that came from data`);
            }
            for (const a of Array.from(el.attributes)) {
              if (!HTML_ATTRIBUTES.has(a.name)) {
                throw new Error(`The preview holds a ${a.name}="${a.value.slice(0, 80)}" attribute on <${name}> that came from data`);
              }
            }
            const style: string | null = el.getAttribute('style');
            if (style !== null && /url\(|expression\(|javascript:|@import/i.test(style)) {
              throw new Error(`The preview holds a style that loads or runs something: ${style}`);
            }
          }
          expect(host.querySelector('script, img, svg, iframe, object, embed, a, form, input')).toBeNull();
          const shown: string = compact(host.textContent || '');
          for (const written of cellTexts) {
            if (shown.indexOf(compact(written)) < 0) {
              throw new Error(`The preview does not show ${JSON.stringify(written.slice(0, 200))} as text`);
            }
          }
          expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
        } finally {
          host.remove();
        }
      }),
      { numRuns: 80, seed: seedFor(201) }
    );
    record(AREA, { inputs: runs });
  });

  it(`LibreOffice opens every generated document with texts up to ${OPENED_UP_TO} characters, each holding its words`, async () => {
    requireRenderingTools();
    expect(samples.length).toBe(DOCUMENTS);
    const opened = samples.filter((sample) => sample.longest <= OPENED_UP_TO);
    expect(opened.length).toBeGreaterThanOrEqual(20);
    const files: string[] = [];
    for (let i: number = 0; i < opened.length; i++) {
      const path: string = join(dir, `hostile-${i}.docx`);
      writeFileSync(path, await buildDocx(opened[i].blocks, { created: new Date('2024-01-08T09:00:00Z') }));
      files.push(path);
    }
    const pdfs: string[] = convertToPdf(files, dir, 180000);
    pdfs.forEach((pdf, i) => {
      expect(existsSync(pdf)).toBe(true);
      const text: string = pdfPages(pdf).join('\n');
      expect(text).toContain('Individual Workstream Status');
      expect(text).toContain(opened[i].marker);
      expect(isWellFormed(text)).toBe(true);
    });
    record(AREA, { inputs: opened.length });
  }, 240000);
});
