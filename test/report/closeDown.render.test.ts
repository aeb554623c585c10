/**
 * Phase 2's close-down as a reader sees it: written by `npm run report -- --closedown` from the
 * local stack seeded with the programme, rendered by LibreOffice to PDF, read back as text and
 * as pixels: the paper's columns in order, every theme of the seed's table, the colour key with
 * each colour labelled, and each destination's colour on the page.
 *
 * Needs soffice, pdftotext and pdftoppm (bash config/install-system-packages.sh).
 */
import { execFile } from 'child_process';
import { promisify } from 'util';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import type { Emulator } from '../../src/emulator/server';
import { CLOSE_DOWN_DESTINATIONS } from '../../src/domain';
import { DESTINATION_LABELS, DESTINATION_STYLES } from '../../src/report';
import { PHASE_2_CLOSE_DOWN } from '../../src/fixtures/phase2CloseDown';
import { startStack } from '../data/support/stack';
import { countPixels, rgbOf } from './support/png';
import { convertToPdf, pdfPageImage, pdfPages, requireRenderingTools } from './support/render';

const REPORT_CLI = resolve(__dirname, '../../dist/node/report.js');
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

let dir = '';
let stack: Emulator;
let printed = '';
let pdf = '';
let pages: string[] = [];

beforeAll(async () => {
  requireRenderingTools();
  if (!existsSync(REPORT_CLI)) {
    throw new Error(`${REPORT_CLI} is missing: the tests' global setup builds it (node config/build.mjs node).`);
  }
  dir = mkdtempSync(join(tmpdir(), 'ph-closedown-'));
  stack = await startStack();
  const out = join(dir, 'phase-2-close-down.docx');
  printed = (await promisify(execFile)(process.execPath, [REPORT_CLI, '--site', stack.siteUrl, '--closedown', '--out', out], { encoding: 'utf8' })).stdout;
  // A loaded machine's LibreOffice may take minutes to start.
  [pdf] = convertToPdf([out], dir, 240000);
  pages = pdfPages(pdf);
}, 300000);

afterAll(async () => {
  if (stack) {
    await stack.close();
  }
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("Phase 2's close-down rendered by LibreOffice", () => {
  it('says what it wrote', () => {
    expect(printed).toContain('the close-down of Phase 2, 21 rows');
    expect(printed).toMatch(/Readiness: \d+ findings to look at before the close-down is locked\./);
  });

  it("has the paper's columns in the paper's order and the note on the next phase's themes, faults as written", () => {
    const all = squash(pages.join(' '));
    const headers = ['Theme', 'Phase 2 Tasks/Actions', 'Activity Undertaken / Evidence – COMPLETED', 'Activity Outstanding', 'New Phase'];
    const at = headers.map((h) => all.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at.slice().sort((a, b) => a - b)).toEqual(at);
    expect(all).toContain('1, Strateguc ambitions and priorities');
    expect(all).toContain('2. Culural change for members and officers');
  });

  it('prints every theme and every task of the seed table', () => {
    const all = squash(pages.join(' '));
    for (const theme of new Set(PHASE_2_CLOSE_DOWN.map((i) => i.themeAsWritten as string))) {
      expect(all).toContain(theme);
    }
    for (const item of PHASE_2_CLOSE_DOWN) {
      expect(all).toContain(squash(item.task));
    }
  });

  it('has the colour key, each colour with its label, and every colour on the page', () => {
    const first = squash(pages[0]);
    expect(first).toContain('Colour key');
    for (const d of CLOSE_DOWN_DESTINATIONS) {
      expect(first).toContain(DESTINATION_LABELS[d]);
    }
    const image = pdfPageImage(pdf, 1, 60, join(dir, 'page'));
    for (const d of CLOSE_DOWN_DESTINATIONS) {
      expect({ d, pixels: countPixels(image, rgbOf(DESTINATION_STYLES[d].fill)) > 100 }).toEqual({ d, pixels: true });
    }
  });
});
