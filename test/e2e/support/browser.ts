/**
 * Debian's Chromium driven by playwright-core (which cannot download browsers here), and
 * axe-core for accessibility checks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM: string = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Launches headless Chromium, or fails saying what to install. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install it with: bash config/install-system-packages.sh (Debian package "chromium").`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--ignore-certificate-errors']
  });
}

/** One axe-core violation, in short. */
export interface IViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page (WCAG 2.1 A and AA rules) and returns what it finds. */
export async function axeViolations(page: Page, context?: string): Promise<IViolation[]> {
  const source: string = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async (selector: string | undefined) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(selector ? document.querySelector(selector) : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, context);
}

/** Where browser tests keep their screenshots: test-results/screenshots (git ignores it). */
export function screenshotPath(name: string): string {
  const dir: string = path.resolve(__dirname, '../../../test-results/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
