/**
 * Renders .docx files the way a reader sees them: LibreOffice converts them to PDF, poppler
 * extracts the text, word boxes and page images. Nothing is installed here: a missing tool
 * fails the test with the command that installs it.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { decodePng, type IImage } from './png';

const TOOLS: Array<{ command: string; from: string }> = [
  { command: 'soffice', from: 'libreoffice-writer-nogui' },
  { command: 'pdftotext', from: 'poppler-utils' },
  { command: 'pdftoppm', from: 'poppler-utils' }
];

/** Throws a message saying what to install when a rendering tool is missing. */
export function requireRenderingTools(): void {
  const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t.command}`]).status !== 0);
  if (missing.length > 0) {
    throw new Error(
      `The render test needs ${missing.map((t) => `${t.command} (Debian package ${t.from})`).join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed. ` +
        'Install them with: bash config/install-system-packages.sh'
    );
  }
}

/**
 * Converts .docx files to PDF with one LibreOffice run and its own profile directory
 * (parallel runs sharing a profile fail silently). Returns the PDF paths.
 */
export function convertToPdf(docxPaths: string[], outDir: string, timeoutMs: number = 60000): string[] {
  const profile = join(outDir, 'lo-profile');
  const result = spawnSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths],
    { encoding: 'utf8', timeout: timeoutMs }
  );
  const pdfs = docxPaths.map((p) => join(outDir, p.replace(/^.*\//, '').replace(/\.docx$/, '.pdf')));
  const absent = pdfs.filter((p) => !existsSync(p));
  if (result.error || absent.length > 0) {
    throw new Error(`LibreOffice did not convert ${absent.join(', ') || 'the files'}: ${result.error ? result.error.message : ''} ${result.stdout} ${result.stderr}`);
  }
  return pdfs;
}

const FOOTER: RegExp = /^.*\bPage \d+ of \d+\s*$/gm;

/**
 * The text of each page in content-stream order (LibreOffice writes a table cell by cell, so
 * a wrapped cell's text stays together), without the page footer.
 */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages[pages.length - 1].trim() === '') {
    pages.pop();
  }
  // A word LibreOffice broke at its own hyphen ("re-|profiling") is joined up again.
  return pages.map((p) => p.replace(FOOTER, '').replace(/([A-Za-z])-\n(?=[A-Za-z])/g, '$1-'));
}

/** A word on a PDF page and its box, in points from the top left. */
export interface IWordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of one page (1-based) with their boxes. */
export function pdfWords(pdf: string, page: number): IWordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  const words: IWordBox[] = [];
  const pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(html)) !== null) {
    words.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') });
  }
  return words;
}

/** Renders one page (1-based) to a PNG at the given resolution and decodes it. */
export function pdfPageImage(pdf: string, page: number, dpi: number, outPrefix: string): IImage {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, outPrefix]);
  return decodePng(readFileSync(`${outPrefix}.png`));
}
