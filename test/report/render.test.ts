/**
 * The whole programme report, as a reader sees it: written by `npm run report` from the local
 * stack seeded with the programme, rendered by LibreOffice to PDF, then read back as text and as
 * pixels. The words must be the papers' words, and each RAG colour must be on the page, in the
 * right row and column, with its label.
 *
 * Needs soffice, pdftotext and pdftoppm (bash config/install-system-packages.sh).
 * Set KEEP_RENDER=1 to keep the files it writes (their folder is printed).
 */
import { execFile } from 'child_process';
import { promisify } from 'util';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { RAG_COLOURS, RAG_SCALE, type Rag } from '../../src/domain';
import type { Emulator } from '../../src/emulator/server';
import { startStack } from '../data/support/stack';
import { colourSegments, countPixels, rgbOf, type IImage, type ISegment, type Rgb } from './support/png';
import { convertToPdf, pdfPageImage, pdfPages, pdfWords, requireRenderingTools, type IWordBox } from './support/render';
import { JUNE, NOVDEC, picture, SEED } from './support/pictures';

const DPI = 60;
const PX_PER_PT = DPI / 72;
const RAG_RGB: { [name: string]: Rgb } = {};
for (const rag of RAG_SCALE) {
  RAG_RGB[rag] = rgbOf(RAG_COLOURS[rag].fill);
}
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

let dir = '';
const pdf: { [periodId: number]: string } = {};
const text: { [periodId: number]: string[] } = {};

/** The Board's version of November/December (`--board`): its pages, and what the command printed. */
let boardText: string[] = [];
let boardSays: string = '';

let stack: Emulator;
const REPORT_CLI = resolve(__dirname, '../../dist/node/report.js');

/**
 * Runs the built `npm run report` as a separate process, as an officer would. Asynchronously:
 * the local stack it reads from runs in this process and must go on answering.
 */
async function runReport(siteUrl: string, period: string | undefined, out: string, board: boolean = false): Promise<string> {
  if (!existsSync(REPORT_CLI)) {
    throw new Error(`${REPORT_CLI} is missing: the tests' global setup builds it (node config/build.mjs node).`);
  }
  const args = [REPORT_CLI, '--site', siteUrl, '--out', out, ...(period ? ['--period', period] : []), ...(board ? ['--board'] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { encoding: 'utf8' });
  return stdout;
}

beforeAll(async () => {
  requireRenderingTools();
  dir = mkdtempSync(join(tmpdir(), 'ph-render-'));
  stack = await startStack();
  const files: string[] = [];
  for (const [period, name, board] of [
    ['June 2023', 'june-2023', false],
    [undefined, 'nov-dec-2023', false],
    ['November/December 2023', 'nov-dec-2023-board', true]
  ] as const) {
    const path = join(dir, `${name}.docx`);
    const printed = await runReport(stack.siteUrl, period, path, board);
    expect(printed).toContain(`Wrote ${path}: ${period || 'November/December 2023'}`);
    boardSays = board ? printed : boardSays;
    files.push(path);
  }
  const [junePdf, novDecPdf, boardPdf] = convertToPdf(files, dir);
  boardText = pdfPages(boardPdf);
  pdf[JUNE] = junePdf;
  pdf[NOVDEC] = novDecPdf;
  text[JUNE] = pdfPages(junePdf);
  text[NOVDEC] = pdfPages(novDecPdf);
}, 60000);

afterAll(async () => {
  if (stack) {
    await stack.close();
  }
  if (dir && process.env.KEEP_RENDER) {
    console.log(`Rendered report files kept in ${dir}`);
  } else if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The whole text of a rendered report, whitespace squashed (wrapped lines join up again). */
const fullText = (periodId: number): string => squash(text[periodId].join(' '));
/** The 1-based number of the first page whose text contains the words. */
function pageWith(periodId: number, words: string): number {
  const i = text[periodId].findIndex((p) => squash(p).indexOf(words) >= 0);
  expect(i).toBeGreaterThanOrEqual(0);
  return i + 1;
}
/** The boxes of a run of consecutive words on a page, first occurrence after `from`. */
function findWords(words: IWordBox[], phrase: string, from = 0): IWordBox[] {
  const wanted = phrase.split(' ');
  for (let i = from; i + wanted.length <= words.length; i++) {
    if (wanted.every((w, j) => words[i + j].text === w)) {
      return words.slice(i, i + wanted.length);
    }
  }
  throw new Error(`"${phrase}" is not on the page.`);
}

describe('the November/December 2023 report rendered by LibreOffice', () => {
  it('has the title, the period and every workstream', () => {
    const all = fullText(NOVDEC);
    expect(all).toContain('Improvement Plan Phase 2 Programme Level Highlight Report');
    expect(all).toContain('for the Period: 01/11/2023 – 22/12/2023');
    for (const ws of SEED.workstreams) {
      expect(all).toContain(ws.title);
    }
  });

  it("prints each workstream's sponsor comments", () => {
    const all = fullText(NOVDEC);
    // Distinctive sentences, as the November/December paper prints them.
    for (const sentence of [
      'Overall, I am pleased with progress on this workstream which remains on track to deliver its key outputs by the end of the year.',
      'The new procurement hub to provide a single point of contact for the Combined Authority on procurement and contract management issues has been launched',
      'The approval of the SAF by Government is a significant step not just in delivering this workstream',
      'The reflections of both DLUHC and the IIB remind us that successful partnership working will be central to our ambitions',
      'The recruitment of two senior roles has concluded, with the role of Executive Director for Place & Connectivity confirmed.'
    ]) {
      expect(all).toContain(sentence);
    }
    for (const comment of SEED.sponsorComments.filter((c) => c.periodId === NOVDEC)) {
      expect(all).toContain(squash(comment.text.split('\n\n')[0]));
    }
  });

  it('prints every milestone with its status, and every risk with its mitigation', () => {
    const all = fullText(NOVDEC);
    const milestones = SEED.milestones.filter((m) => m.periodId === NOVDEC && m.title !== '');
    expect(milestones.length).toBeGreaterThan(30);
    for (const m of milestones) {
      expect(all).toContain(squash(`${m.number} ${m.title}${m.status ? ` ${m.status}` : ''}`));
    }
    const risks = picture(NOVDEC).risks;
    expect(risks).toHaveLength(15);
    for (const r of risks) {
      expect(all).toContain(squash(`${r.number} ${r.description}`));
      expect(all).toContain(squash(r.mitigation));
    }
    expect(all).toContain('Performance Management Framework');
  });

  it('is marked Draft while the period is open: on every page, and on each section whose report is not approved', () => {
    for (const page of text[NOVDEC]) {
      expect(squash(page)).toContain('Draft – not yet approved for the Board');
    }
    const states = SEED.statusReports.filter((r) => r.periodId === NOVDEC);
    const all = fullText(NOVDEC);
    for (const ws of SEED.workstreams) {
      const approved = states.filter((r) => r.workstreamId === ws.id)[0].state === 'Approved';
      expect(all.indexOf(`${ws.title} – Draft`) >= 0).toBe(!approved);
    }
    expect(states.filter((r) => r.state === 'Approved')).toHaveLength(1);
  });

  it("in the Board's version (--board), prints approved reports only: the others' sections say they await approval", () => {
    const states = SEED.statusReports.filter((r) => r.periodId === NOVDEC);
    const waiting = states.filter((r) => r.state !== 'Approved');
    expect(boardSays).toContain(`${waiting.length} workstream reports not yet approved are left out`);
    for (const page of boardText) {
      expect(squash(page)).toContain('Draft – the period is open: approved reports only, the others await approval');
    }
    const all = squash(boardText.join(' '));
    for (const ws of SEED.workstreams) {
      const report = states.filter((r) => r.workstreamId === ws.id)[0];
      const opening = squash((report.keyActivities || report.managerUpdate || '').split('\n')[0]).slice(0, 50);
      expect(opening.length).toBeGreaterThan(20);
      expect({ ws: ws.title, awaiting: all.indexOf(`${ws.title} – Awaiting approval`) >= 0, printed: all.indexOf(opening) >= 0 }).toEqual({
        ws: ws.title,
        awaiting: report.state !== 'Approved',
        printed: report.state === 'Approved'
      });
    }
    expect(all).not.toMatch(/ – Draft/);
  });

  it('prints the RAG key with every definition', () => {
    const all = fullText(NOVDEC);
    expect(all).toContain('RAG Rating Methodology');
    for (const d of SEED.programme.ragDefinitions) {
      expect(all).toContain(`${d.rag} ${squash(d.definition)}`);
    }
  });

  it("shades the status table's cells with each rating's exact colour, in the right row and column", () => {
    const page = pageWith(NOVDEC, 'Individual Workstream Status');
    const image = pdfPageImage(pdf[NOVDEC], page, DPI, join(dir, 'nov-dec-status'));
    const words = pdfWords(pdf[NOVDEC], page);
    const rows = statusRowColours(image, words);
    // Last period as recorded for June, the previous period held.
    expect(rows.map((r) => r.colours)).toEqual([
      ['Green', 'Green/Amber'],
      ['Green', 'Green/Amber'],
      ['Green', 'Green/Amber'],
      ['Green/Amber', 'Amber'],
      ['Green', 'Green/Amber']
    ]);
    // Rows run top to bottom in the programme's order.
    const ys = rows.map((r) => r.y);
    expect(ys.slice().sort((a, b) => a - b)).toEqual(ys);
    // Each fill is in its column: This Period, then Last Period.
    for (const r of rows) {
      expect(r.segments[0].x0).toBeGreaterThanOrEqual(Math.floor(r.thisColumn[0]));
      expect(r.segments[0].x1).toBeLessThanOrEqual(Math.ceil(r.thisColumn[1]));
      expect(r.segments[1].x0).toBeGreaterThanOrEqual(Math.floor(r.lastColumn[0]));
    }
    // Every label is printed in its cell, beside its colour.
    expect(squash(text[NOVDEC][page - 1])).toContain(
      'Governance and Decision Making Green Green/Amber Procurement Green Green/Amber Project Plans and Delivery Green Green/Amber ' +
        'Partnership Working Green/Amber Amber Confidence, Culture and Capacity Green Green/Amber'
    );
    // Header row shaded light grey; no colour on the page that no rating uses.
    expect(countPixels(image, rgbOf('D9D9D9'))).toBeGreaterThan(200);
    expect(countPixels(image, RAG_RGB['Amber/Red'])).toBe(0);
    expect(countPixels(image, RAG_RGB.Red)).toBe(0);
  });

  it('shades all five levels in the RAG key', () => {
    const page = pageWith(NOVDEC, 'RAG Rating Methodology');
    const image = pdfPageImage(pdf[NOVDEC], page, DPI, join(dir, 'nov-dec-key'));
    for (const rag of RAG_SCALE) {
      expect(countPixels(image, RAG_RGB[rag])).toBeGreaterThan(300);
    }
  });
});

describe('the June 2023 report rendered by LibreOffice', () => {
  it('has every workstream, its project manager update, and the empty and "TBA" risk rows as written', () => {
    const all = fullText(JUNE);
    expect(all).toContain('for the Period: 01/06/2023 – 30/06/2023');
    for (const ws of SEED.workstreams) {
      expect(all).toContain(ws.title);
    }
    expect(all.match(/Project Manager Update/g)).toHaveLength(5);
    expect(all).toContain('Confidence, Culture and Capacity – Project Risks # Risk Description Mitigation 1 TBA TBA 2 3');
    // The risk table's narrower columns still fit their headings' words whole.
    expect(all).not.toMatch(/Likelihoo d|Own er/);
    expect(all).toContain('Overall programme RAG rating: Green/Amber');
  });

  it('carries no draft marking once locked; the papers\' own words ("Draft Concept paper") stay as written', () => {
    const all = fullText(JUNE);
    expect(all).not.toContain('– Draft');
    expect(all).not.toContain('not yet approved for the Board');
    expect(all.match(/Draft/g)).toEqual(['Draft']);
    expect(all).toContain('Draft Concept paper and draft assessment criteria');
  });

  it('shades this period and leaves last period unshaded, saying "Not rated"', () => {
    const page = pageWith(JUNE, 'Individual Workstream Status');
    const image = pdfPageImage(pdf[JUNE], page, DPI, join(dir, 'june-status'));
    const rows = statusRowColours(image, pdfWords(pdf[JUNE], page));
    expect(rows.map((r) => r.colours)).toEqual([['Green/Amber'], ['Green/Amber'], ['Green/Amber'], ['Amber'], ['Green/Amber']]);
    expect(squash(text[JUNE][page - 1]).match(/Not rated/g)).toHaveLength(5);
  });
});

interface IStatusRow {
  y: number;
  colours: string[];
  segments: ISegment[];
  thisColumn: [number, number];
  lastColumn: [number, number];
}

/**
 * For each workstream row of the status table (found by the workstream's words on the page),
 * the RAG colours along a pixel row inside it, left to right. The pixel row chosen is the one
 * with the most shaded pixels: between the lines of text, where no glyph interrupts a fill.
 */
function statusRowColours(image: IImage, words: IWordBox[]): IStatusRow[] {
  const heading = findWords(words, 'Individual Workstream Status');
  const start = words.indexOf(heading[2]) + 1;
  const header = findWords(words, 'Workstream This Period Last Period', start);
  const thisX = header[1].xMin * PX_PER_PT;
  const lastX = header[3].xMin * PX_PER_PT;
  const padding = 10;
  return SEED.workstreams.map((ws) => {
    const boxes = findWords(words, ws.title, start);
    // Scan only within the words' line box (ascent to descent): it lies inside the row, and
    // its top and bottom pixel rows are clear of most glyphs.
    const top = Math.ceil(Math.min(...boxes.map((b) => b.yMin)) * PX_PER_PT);
    const bottom = Math.floor(Math.max(...boxes.map((b) => b.yMax)) * PX_PER_PT);
    let best: ISegment[] = [];
    let bestY = top;
    for (let y = top; y <= bottom; y++) {
      const segments = colourSegments(image, y, RAG_RGB).filter((s) => s.x1 - s.x0 >= 10);
      const covered = (list: ISegment[]): number => list.reduce((n, s) => n + s.x1 - s.x0, 0);
      if (covered(segments) > covered(best)) {
        best = segments;
        bestY = y;
      }
    }
    return {
      y: bestY,
      colours: best.map((s) => s.name as Rag),
      segments: best,
      thisColumn: [thisX - padding, lastX] as [number, number],
      lastColumn: [lastX - padding, image.width] as [number, number]
    };
  });
}
