/**
 * A programme shaped unlike the seeded one — the first phase of an improvement plan: six themes
 * A–F titled with two or three sentences (over 255 characters), no ratings, no sponsor comments,
 * no milestones, no sign-off, three progress bullets and one key risk per theme — set up on an
 * empty stack through the product's own data layer, written by `npm run report`, rendered by
 * LibreOffice and read back. Its report prints what the programme has: no empty tables, no "Not
 * rated", no RAG key, each long title whole once as its section's heading, and one table of key
 * risks by workstream using the short titles.
 *
 * Needs soffice, pdftotext and pdftoppm (bash config/install-system-packages.sh).
 * Set KEEP_RENDER=1 to keep the files it writes (their folder is printed).
 */
import { execFile } from 'child_process';
import { promisify } from 'util';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { RAG_COLOURS, RAG_SCALE } from '../../src/domain';
import { workstreamValues } from '../../src/data/mapping';
import { restBody } from '../support/restBody';
import type { Emulator } from '../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { pnp, startStack, USERS } from '../data/support/stack';
import { countPixels, rgbOf } from './support/png';
import { convertToPdf, pdfPageImage, pdfPages, requireRenderingTools } from './support/render';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Six themes, each a full title of two or three sentences and a short one for tables. */
const THEMES = ['A', 'B', 'C', 'D', 'E', 'F'].map((letter, i) => {
  const topic: string = ['Culture and leadership', 'Governance', 'Finance', 'Transport', 'Skills', 'Housing'][i];
  return {
    code: `THEME-${letter}`,
    short: `Theme ${letter} – ${topic}`,
    title:
      `Theme ${letter} – ${topic}. The authority puts right the weaknesses the best value notice found in ${topic.toLowerCase()}, with clear ownership by members and officers and evidence the Board can test. ` +
      `Progress is reported to the Independent Improvement Board every month, and what is learned is built into the directorate plans so that the change lasts beyond the programme's first phase.`,
    bullets: [1, 2, 3].map((n) => `${topic}: progress point ${n} for theme ${letter}`),
    risk: `Work-Stream ${letter}: capacity to deliver ${topic.toLowerCase()} alongside business as usual`,
    mitigation: `Mitigation: interim support for theme ${letter} agreed and reviewed monthly`
  };
});

let dir = '';
let pages: string[] = [];
let pdf = '';
let stack: Emulator;
const REPORT_CLI = resolve(__dirname, '../../dist/node/report.js');

beforeAll(async () => {
  requireRenderingTools();
  if (!existsSync(REPORT_CLI)) {
    throw new Error(`${REPORT_CLI} is missing: the tests' global setup builds it (node config/build.mjs node).`);
  }
  dir = mkdtempSync(join(tmpdir(), 'ph-first-phase-'));
  stack = await startStack({ dataDir: join(dir, 'data'), seed: false, users: IMPROVEMENT_PLAN_PHASE_2.users });
  const lead = pnp(stack, USERS.lead);
  await lead.saveProgramme({
    title: 'Improvement Plan Phase 1',
    organisation: 'A Combined Authority',
    board: 'Independent Improvement Board',
    reporting: { rated: false, sponsorComments: false, milestones: false, signOff: false, printEmpty: false, keyRisks: true }
  });
  // Workstreams as the programme office's set-up writes them (full title kept whole).
  for (const [i, t] of THEMES.entries()) {
    const res = await fetch(`${stack.siteUrl}/_api/web/lists/getByTitle('Workstreams')/items`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${USERS.lead}` },
      body: JSON.stringify(restBody('Workstreams', workstreamValues({ code: t.code, title: t.title, shortTitle: t.short, description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: i + 1 })))
    });
    expect(res.status).toBe(201);
  }
  const period = await lead.createPeriod({ title: 'March 2023', start: '01/03/2023', end: '31/03/2023' });
  const overview = await fetch(`${stack.siteUrl}/_api/web/lists/getByTitle('Reporting Periods')/items(${period.id})`, {
    method: 'PATCH',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'IF-Match': '*', Authorization: `Bearer ${USERS.lead}` },
    body: JSON.stringify({ Overview: 'Good progress across all six themes this month.' })
  });
  expect(overview.status).toBeLessThan(300);
  const { workstreams } = await lead.getProgrammeSummary();
  for (const ws of workstreams) {
    const theme = THEMES.filter((t) => t.code === ws.code)[0];
    const report = await lead.create('statusReport', { workstreamId: ws.id, periodId: period.id, managerUpdate: theme.bullets.map((b) => `- ${b}`).join('\n'), state: 'Draft' });
    const submitted = await lead.transitionReport(report.id, 'submit', report.etag);
    await lead.transitionReport(report.id, 'approve', submitted.etag);
    await lead.create('risk', { workstreamId: ws.id, description: theme.risk, mitigation: theme.mitigation, state: 'Open', raisedPeriodId: period.id, order: 1 });
  }
  // What the Board saw: locked without a rating, a sponsor comment or a sign-off line anywhere.
  await lead.lockPeriod(period.id);
  const out = join(dir, 'phase-1.docx');
  const { stdout } = await promisify(execFile)(process.execPath, [REPORT_CLI, '--site', stack.siteUrl, '--out', out], { encoding: 'utf8' });
  expect(stdout).toContain(`Wrote ${out}: March 2023`);
  // Nothing the programme does not use is looked for: readiness has nothing to say.
  expect(stdout).not.toContain('Readiness:');
  [pdf] = convertToPdf([out], dir);
  pages = pdfPages(pdf);
}, 90000);

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

const all = (): string => squash(pages.join(' '));
const count = (text: string, words: string): number => text.split(words).length - 1;

describe('a first-phase programme report rendered by LibreOffice', () => {
  it('prints no empty table, no "Not rated", no RAG key and no sign-off', () => {
    const text: string = all();
    expect(text).toContain('Improvement Plan Phase 1 Programme Level Highlight Report');
    expect(text).toContain('Good progress across all six themes this month.');
    expect(text).not.toContain('None reported');
    expect(text).not.toContain('Not rated');
    expect(text).not.toContain('RAG Rating Methodology');
    expect(text).not.toContain('Individual Workstream Status');
    expect(text).not.toContain('Project Status');
    expect(text).not.toContain('Workstream Sponsor');
    expect(text).not.toContain('Key Milestones');
    expect(text).not.toContain('Report Completed By');
    expect(text).not.toContain('Draft');
    // No RAG colour on any page.
    for (let page = 1; page <= pages.length; page++) {
      const image = pdfPageImage(pdf, page, 40, join(dir, `page-${page}`));
      for (const rag of RAG_SCALE) {
        expect({ page, rag, pixels: countPixels(image, rgbOf(RAG_COLOURS[rag].fill)) }).toEqual({ page, rag, pixels: 0 });
      }
    }
  });

  it("prints each theme's full title whole, once, as its section's heading, and its bullets", () => {
    const text: string = all();
    for (const t of THEMES) {
      expect(t.title.length).toBeGreaterThan(255);
      expect(count(text, squash(t.title))).toBe(1);
      for (const b of t.bullets) {
        expect(text).toContain(b);
      }
    }
    // One page per section, and little more: the report is not padded.
    expect(pages.length).toBeLessThanOrEqual(THEMES.length + 2);
  });

  it('prints one table of key risks by workstream, in theme order, with the short titles and mitigations', () => {
    const page: string | undefined = pages.map(squash).filter((p) => p.indexOf('Key Risks by Workstream') >= 0)[0];
    expect(page).toBeDefined();
    const table: string = (page as string).slice((page as string).indexOf('Key Risks by Workstream'));
    expect(table).toContain('Workstream Risk Mitigation');
    let from = 0;
    for (const t of THEMES) {
      const at: number = table.indexOf(`${t.short} ${t.risk} ${t.mitigation}`, from);
      expect({ theme: t.code, found: at >= 0 }).toEqual({ theme: t.code, found: true });
      from = at;
    }
    // The risks are printed there once, not again in each section.
    for (const t of THEMES) {
      expect(count(all(), t.risk)).toBe(1);
    }
  });
});
