/**
 * The paper's own sections as report blocks: one block per section (its name as the heading, the
 * period's text as the overview is printed), tagged so that Word's refresh finds the same section
 * again; in the whole report, the sections with text come after the title in the programme's
 * order. Then the .docx `npm run report` writes, with sections written through the product over
 * the wire, rendered by LibreOffice and read back.
 *
 * Needs soffice and pdftotext (bash config/install-system-packages.sh) for the last part.
 */
import { execFile } from 'child_process';
import { promisify } from 'util';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import type { IPeriodPicture, IPeriodSection } from '../../src/domain';
import { blockPlainText, blocksToHtml, buildBlock, buildProgrammeReport, buildSectionBlock, makeTag, parseTag, sectionTagId } from '../../src/report';
import { pnp, startStack, USERS } from '../data/support/stack';
import { convertToPdf, pdfPages, requireRenderingTools } from './support/render';
import { NOVDEC, picture } from './support/pictures';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A differently shaped programme: the seeded period with two workstreams only, renamed, and four sections. */
function sixThemePicture(): IPeriodPicture {
  const p: IPeriodPicture = picture(NOVDEC);
  const sections: IPeriodSection[] = [
    { key: 'implications', name: 'Significant Implications', order: 9, text: '' },
    { key: 'purpose', name: 'Purpose', order: 1, text: 'To update the Board on the first phase of the improvement plan.' },
    { key: 'also-to-note', name: 'Also to note', order: 3, text: '- The audit letter was answered.\n- Two posts were filled.', author: 'Programme office' },
    { key: 'background', name: 'Background and the history of the Best Value Notice issued to the authority in January 2023', order: 2, text: 'The authority received a Best Value Notice.' }
  ];
  return {
    ...p,
    programme: { ...p.programme, title: 'Improvement Plan Phase 1' },
    workstreams: p.workstreams.slice(0, 2).map((w, i) => ({ ...w, title: `Theme ${'AB'[i]}`, order: i + 1 })),
    sections
  };
}

describe('period section blocks', () => {
  const p: IPeriodPicture = sixThemePicture();

  it('puts the sections with text after the title, in the programme’s order, each its own block', () => {
    const blocks = buildProgrammeReport(p);
    expect(blocks.slice(0, 5).map((b) => b.kind)).toEqual(['reportTitle', 'periodSection', 'periodSection', 'periodSection', 'overview']);
    expect(blocks.slice(1, 4).map((b) => b.sectionKey)).toEqual(['purpose', 'background', 'also-to-note']);
    // The empty one is not printed in the whole report.
    expect(blocks.some((b) => b.sectionKey === 'implications')).toBe(false);
    const note = blocks[3];
    expect(blockPlainText(note)).toBe('Also to note\n\u2022\tThe audit letter was answered.\n\u2022\tTwo posts were filled.');
    const html: string = blocksToHtml([note]);
    expect(html).toContain('<h1>Also to note</h1><ul><li>The audit letter was answered.</li>');
  });

  it('prints an empty section on its own with a plain note, and keeps a block title within Word’s 64 characters', () => {
    const empty = buildSectionBlock(p, 'implications');
    expect(blockPlainText(empty)).toBe('Significant Implications\nNothing has been written in this section for this period.');
    const long = buildSectionBlock(p, 'background');
    expect(long.title.length).toBeLessThanOrEqual(64);
    expect(long.title.endsWith('…')).toBe(true);
    // The heading keeps the whole name.
    expect(blockPlainText(long).split('\n')[0]).toBe(p.sections![3].name);
  });

  it('tags a section block with its section, and refresh builds the same section from the tag', () => {
    const block = buildSectionBlock(p, 'also-to-note');
    const tag = parseTag(makeTag(block));
    expect(tag).toMatchObject({ kind: 'periodSection', periodId: NOVDEC, sectionId: sectionTagId('also-to-note') });
    expect(tag!.workstreamId).toBeUndefined();
    // As the add-in's refresh does, from a later picture where the text changed and the order moved.
    const later: IPeriodPicture = { ...p, sections: p.sections!.map((x) => (x.key === 'also-to-note' ? { ...x, order: 0, text: 'Changed.' } : x)) };
    const again = buildBlock(later, tag!.kind, tag!.workstreamId, tag!.sectionId);
    expect(again.sectionKey).toBe('also-to-note');
    expect(blockPlainText(again)).toBe('Also to note\nChanged.');
    // A section removed since: no block, as for a workstream no longer in the period.
    expect(() => buildBlock({ ...p, sections: [] }, tag!.kind, undefined, tag!.sectionId)).toThrow('has no section');
    expect(parseTag(`PH:periodSection:${NOVDEC}:0:0123abcd`)).toBeUndefined();
  });

  it('gives the seeded programme’s report no section blocks while it has none', () => {
    expect(buildProgrammeReport(picture(NOVDEC)).some((b) => b.kind === 'periodSection')).toBe(false);
  });
});

describe('npm run report with period sections, rendered by LibreOffice', () => {
  const REPORT_CLI = resolve(__dirname, '../../dist/node/report.js');
  let dir = '';

  beforeAll(() => {
    requireRenderingTools();
    dir = mkdtempSync(join(tmpdir(), 'ph-sections-'));
  });
  afterAll(() => {
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints each written section with its heading and text, in order, before the overview', async () => {
    const stack = await startStack();
    try {
      const lead = pnp(stack, USERS.lead);
      await lead.addSectionDefinition('Purpose');
      await lead.addSectionDefinition('Also to note');
      await lead.addSectionDefinition('Implications');
      await lead.savePeriodSection(NOVDEC, 'purpose', 'To give the Board the programme’s progress for November and December.', undefined);
      await lead.savePeriodSection(NOVDEC, 'also-to-note', '- The Single Assurance Framework was approved.\n- A new Monitoring Officer started.', undefined);
      expect(existsSync(REPORT_CLI)).toBe(true);
      const out = join(dir, 'nov-dec.docx');
      await promisify(execFile)(process.execPath, [REPORT_CLI, '--site', stack.siteUrl, '--out', out], { encoding: 'utf8' });
      const [pdf] = convertToPdf([out], dir);
      const text: string = squash(pdfPages(pdf).join(' '));
      const at = (words: string): number => {
        const i: number = text.indexOf(words);
        expect(i).toBeGreaterThanOrEqual(0);
        return i;
      };
      const purpose = at('Purpose To give the Board the programme’s progress for November and December.');
      const note = at('Also to note • The Single Assurance Framework was approved. • A new Monitoring Officer started.');
      const overview = at('Lead Executive Director Overview');
      expect(purpose).toBeLessThan(note);
      expect(note).toBeLessThan(overview);
      // A section with no text this period is not printed in the whole report.
      expect(text).not.toContain('Implications');
    } finally {
      await stack.close();
    }
  }, 120000);
});
