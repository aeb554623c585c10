/**
 * @jest-environment jsdom
 *
 * Hostile data on screen: the dashboard (programme view and a workstream's view) over the real
 * repository on an in-memory site whose texts are generated payloads — `<img onerror>`, `<script>`, `javascript:` URLs,
 * markup, entities, control characters, lone surrogates — and the task pane's preview of a
 * picture full of them. Nothing runs (a `window.__pwned` sentinel stays unset), no script, img or
 * event-handler attribute appears, and the payloads show as text.
 */
import * as React from 'react';
import { act, render, screen, type RenderResult } from '@testing-library/react';
import fc from 'fast-check';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { PreviewSection } from '../../../src/addin/components/PreviewSection';
import type { IPaneClassNames } from '../../../src/addin/components/styles';
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedProgramme } from '../../../src/fixtures/improvementPlanPhase2';
import { ProgrammeDashboard } from '../../../src/webparts/programmeDashboard/components/ProgrammeDashboard';
import { MemoryRepository } from '../../support/memoryProgramme';
import { record } from '../support/counts';
import { hostileText, seedFor } from './hostile';
import { compact, hostilePicture } from './hostilePicture';

const AREA: string = 'Bad input: dashboard and preview inert';

setIconOptions({ disableWarnings: true });

type Sentinel = { __pwned?: unknown };

/** Payloads that run script if any of them is ever written as markup or followed as a link. */
const PAYLOADS: readonly string[] = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1">open</a>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<body onload=window.__pwned=1>',
  '<style>@import "javascript:window.__pwned=1"</style>',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  ']]><script>window.__pwned=1</script>'
];

/** A payload wrapped in generated hostile text (any Unicode, controls, lone surrogates). */
const payloadText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...PAYLOADS), hostileText(3), hostileText(2))
  .map(([payload, before, after]) => `${before}${payload}${after}`);

/** The seeded programme with every text of the November/December 2023 period replaced. */
function hostileSeed(texts: string[]): ISeedProgramme {
  const seed: ISeedProgramme = JSON.parse(JSON.stringify(IMPROVEMENT_PLAN_PHASE_2)) as ISeedProgramme;
  let i: number = 0;
  const next = (): string => texts[i++ % texts.length];
  seed.programme.title = next();
  seed.workstreams.forEach((w, k) => {
    // Titles stay distinct: the dashboard lists them side by side.
    w.title = `${k + 1} ${next()}`;
    w.description = next();
    w.outcomes = [{ heading: next(), items: [next()] }];
  });
  for (const r of seed.statusReports) {
    r.keyActivities = next();
    r.engagement = next();
    r.concernsIssues = next();
    r.managerUpdate = next();
    r.ragRationale = next();
    r.agreedCompletionAsWritten = next();
    r.forecastCompletionAsWritten = next();
    r.completedBy = next();
    r.returnReason = next();
  }
  for (const c of seed.sponsorComments) {
    c.text = next();
  }
  for (const m of seed.milestones) {
    m.title = next();
    m.status = next();
  }
  for (const r of seed.risks) {
    r.description = next();
    r.mitigation = next();
    r.owner = next();
  }
  for (const f of seed.feedback) {
    f.text = next();
  }
  return seed;
}

/** Fails if anything in the page could run: script, img, iframe, object, embed, svg, on* attributes, javascript: links. */
function expectInert(where: string): void {
  const dangerous: Element | null = document.body.querySelector('script, img, iframe, object, embed, svg, style:not([data-merge-styles]), base, meta, link');
  if (dangerous) {
    throw new Error(`${where}: a <${dangerous.tagName.toLowerCase()}> element appeared: ${dangerous.outerHTML.slice(0, 200)}`);
  }
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) {
        throw new Error(`${where}: an ${a.name} attribute appeared on <${el.tagName.toLowerCase()}>`);
      }
      if ((a.name === 'href' || a.name === 'src' || a.name === 'action' || a.name === 'formaction') && /^\s*javascript:/i.test(a.value)) {
        throw new Error(`${where}: a javascript: URL in ${a.name} on <${el.tagName.toLowerCase()}>`);
      }
    }
  }
  expect((window as unknown as Sentinel).__pwned).toBeUndefined();
}

function expectShown(text: string, where: string): void {
  const shown: string = compact(document.body.textContent || '');
  const wanted: string = compact(text);
  if (shown.indexOf(wanted) < 0) {
    throw new Error(`${where}: ${JSON.stringify(text.slice(0, 120))} is not shown as text`);
  }
}

beforeEach(() => {
  (window as unknown as Sentinel).__pwned = undefined;
});

describe('hostile data on screen', () => {
  it('the dashboard shows payloads in every text as text, in the programme view and a workstream view, and runs none', async () => {
    const samples: string[][] = fc.sample(fc.array(payloadText, { minLength: 8, maxLength: 20 }), { numRuns: 16, seed: seedFor(300) });
    let runs: number = 0;
    for (const texts of samples) {
      runs++;
      const seed: ISeedProgramme = hostileSeed(texts);
      const repository: MemoryRepository = new MemoryRepository({ seed });
      const view: RenderResult = render(<ProgrammeDashboard repository={repository} />);
      try {
        await screen.findByRole('table', { name: /RAG status of each workstream/ }, { timeout: 10000 });
        expectInert(`Programme view, sample ${runs}`);
        const ordered = seed.workstreams.slice().sort((a, b) => a.order - b.order);
        for (const w of ordered) {
          expectShown(w.title, `Programme view, sample ${runs}`);
        }
        // Open the first workstream by its (hostile) title.
        const first = ordered[0];
        const link: HTMLElement | undefined = Array.from(document.body.querySelectorAll<HTMLElement>('button, a')).filter((el) => el.textContent === first.title)[0];
        if (!link) {
          throw new Error(`Sample ${runs}: no link for the workstream ${JSON.stringify(first.title)}`);
        }
        await act(async () => {
          link.click();
        });
        await screen.findByRole('heading', { level: 3, name: 'Project status' }, { timeout: 10000 });
        expectInert(`Workstream view, sample ${runs}`);
        const period: number = Math.max(...seed.periods.map((p) => p.id));
        for (const m of seed.milestones.filter((x) => x.workstreamId === first.id && x.periodId === period)) {
          expectShown(m.title, `Workstream view milestones, sample ${runs}`);
        }
        for (const r of seed.risks.filter((x) => x.workstreamId === first.id)) {
          if (r.closedPeriodId === undefined) {
            expectShown(r.description, `Workstream view risks, sample ${runs}`);
          }
        }
        const comment = seed.sponsorComments.filter((c) => c.workstreamId === first.id && c.periodId === period)[0];
        if (comment) {
          // Rich text: lines become paragraphs and list items; every word is still there.
          expectShown(comment.text.replace(/^\s*(?:[-•>*▪◦]|o(?=\s))\s*(?:>\s*)?/gm, '').replace(/:\s*$/gm, ''), `Workstream view sponsor comments, sample ${runs}`);
        }
      } finally {
        view.unmount();
      }
    }
    record(AREA, { inputs: runs });
  }, 120000);

  it("the task pane's preview of a picture full of payloads runs nothing and shows them as text", async () => {
    const samples = fc.sample(
      fc.record({ texts: fc.array(payloadText, { minLength: 5, maxLength: 30 }), long: fc.constant(null) }),
      { numRuns: 20, seed: seedFor(301) }
    );
    const classNames: IPaneClassNames = new Proxy({}, { get: (_, key) => String(key) }) as IPaneClassNames;
    let runs: number = 0;
    for (const generated of samples) {
      const { picture, cellTexts } = hostilePicture(generated, runs);
      runs++;
      const view: RenderResult = render(<PreviewSection picture={picture} disabled={false} classNames={classNames} headingId="preview-heading" onDownload={() => undefined} />);
      try {
        const region: HTMLElement = await screen.findByRole('region', { name: /^Preview of / });
        expectInert(`Preview, sample ${runs}`);
        expect(region.querySelectorAll('section').length).toBeGreaterThan(0);
        for (const text of cellTexts) {
          expectShown(text, `Preview, sample ${runs}`);
        }
      } finally {
        view.unmount();
      }
    }
    record(AREA, { inputs: runs });
  }, 120000);
});
