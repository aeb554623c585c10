/**
 * Hostile text stored in SharePoint's lists, shown by the dashboard in real Chromium against the
 * real `npm start`: payloads written through the emulator's REST API into the texts the dashboard
 * shows for one workstream in the open period (status report, milestone, risk, sponsor comment,
 * IIB feedback) and into the period's overview on the programme view — `<img onerror>`, `<script>`,
 * `<svg onload>`, `javascript:` URLs and links, `<style>`, `]]>`, entities, control characters the
 * list accepts, and generated hostile text. What SharePoint refuses (control characters XML cannot
 * carry, lone surrogates) is refused with a 4xx and SharePoint's error body, and left unstored. Nothing runs:
 * no dialog, no page error, the `window.__pwned` sentinel stays unset, no request for `x`, no
 * script, img, iframe, style, foreign svg, on* attribute or javascript: URL appears; every payload
 * shows as text.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { parseRichText } from '../../../src/domain';
import { browserSession, LEAD } from '../../e2e/support/session';
import { record } from '../support/counts';
import { hasXmlInvalidCharacter, hostileText, seedFor, withoutUnsavable } from './hostile';

const AREA: string = 'Bad input: dashboard in Chromium';
const WORKSTREAM: string = 'Partnership Working';
const OPEN_PERIOD: string = 'November/December 2023';
const API: string = '/sites/improvement/_api';
const WEB_ROOT: string = path.resolve(__dirname, '../../../dist/web');

/** A JSON value as an answer carries it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** How the dashboard shows a column: as rich text (paragraphs, headings, lists) or as it is. */
type Shown = 'rich' | 'plain';

/** One hostile value stored in one column of one item. */
interface IStored {
  list: string;
  id: number;
  column: string;
  value: string;
  shown: Shown;
}

/** Markup, script and entity payloads, each in the column the dashboard shows it from. */
function fixedPayloads(ids: { report: number; milestone: number; risk: number; comment: number; feedback: number; period: number }): IStored[] {
  const report = (column: string, value: string, shown: Shown = 'rich'): IStored => ({ list: 'Status Reports', id: ids.report, column, value, shown });
  return [
    report(
      'KeyActivities',
      [
        '«H01» <img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
        '',
        '- «H02» <script>window.__pwned=1</script>',
        '- «H03» <svg onload=window.__pwned=1>'
      ].join('\n')
    ),
    report('RagRationale', '«H04» javascript:window.__pwned=1 ]]> &amp; &lt;b&gt; &lt;script&gt;window.__pwned=1&lt;/script&gt;'),
    report('Engagement', '«H05» <a href="javascript:window.__pwned=1">click me</a> <a href="javascript:alert(1)">or me</a>'),
    report('ConcernsIssues', '«H06» <style>main{display:none}</style><style>@import "javascript:window.__pwned=1"</style>'),
    // Control characters SharePoint keeps in a list item: tab, line feed, carriage return, DEL, NEL.
    report('ManagerUpdate', '«H07» tab\there\r\ncarriage return line\rDEL\u007fDEL NEL\u0085NEL'),
    report('AgreedCompletion', '«H08» <img src=x onerror=alert(document.domain)>', 'plain'),
    { list: 'Milestones', id: ids.milestone, column: 'Title', value: '«H09» <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>\t]]>&amp;', shown: 'plain' },
    { list: 'Milestones', id: ids.milestone, column: 'MilestoneStatus', value: '«H10» "><img src=x onerror=window.__pwned=1>', shown: 'rich' },
    { list: 'Risks', id: ids.risk, column: 'RiskDescription', value: '«H11» <svg><script>window.__pwned=1</script></svg>', shown: 'rich' },
    {
      list: 'Risks',
      id: ids.risk,
      column: 'Mitigation',
      value: '«H12» <body onload=window.__pwned=1><math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
      shown: 'rich'
    },
    { list: 'Sponsor Comments', id: ids.comment, column: 'SponsorComment', value: "«H13» '><img src=x onerror=window.__pwned=1> <![CDATA[ x ]]> <!-- -->", shown: 'rich' },
    { list: 'IIB Feedback', id: ids.feedback, column: 'Feedback', value: '«H14» <script>alert(1)</script><a href="javascript:window.__pwned=1">feedback link</a>', shown: 'rich' },
    {
      list: 'Reporting Periods',
      id: ids.period,
      column: 'Overview',
      value: '«H15» <img src=x onerror="window.__pwned=(window.__pwned||0)+1"> <script>window.__pwned=1</script> <svg onload=window.__pwned=1>',
      shown: 'rich'
    }
  ];
}

/** Writes SharePoint refuses: characters XML 1.0 cannot carry, in columns the dashboard shows. */
function refusedPayloads(ids: { report: number; milestone: number; risk: number; comment: number; feedback: number }): IStored[] {
  return [
    { list: 'Milestones', id: ids.milestone, column: 'Title', value: '«R1» NUL\u0000<script>window.__pwned=1</script>', shown: 'plain' },
    { list: 'Status Reports', id: ids.report, column: 'RagRationale', value: '«R2» bell\u0007', shown: 'rich' },
    { list: 'IIB Feedback', id: ids.feedback, column: 'Feedback', value: '«R3» escape\u001b[31m red', shown: 'rich' },
    { list: 'Risks', id: ids.risk, column: 'RiskDescription', value: '«R4» vertical tab\u000b form feed\u000c', shown: 'rich' },
    { list: 'Sponsor Comments', id: ids.comment, column: 'SponsorComment', value: '«R5» non-character\uffff', shown: 'rich' },
    { list: 'Risks', id: ids.risk, column: 'Mitigation', value: '«R6» lone \ud800 surrogate', shown: 'rich' }
  ];
}

/** Generated hostile text around a payload that runs if it is ever written as markup. */
const generated: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      '<img src=x onerror=window.__pwned=1>',
      '<script>window.__pwned=1</script>',
      '"><svg onload=window.__pwned=1>',
      '<a href="javascript:window.__pwned=1">go</a>',
      '<style>main{display:none}</style>'
    ),
    hostileText(3),
    hostileText(2)
  )
  .map(([payload, before, after]) => `${before}${payload}${after}`);

/** What the page shows of a stored text: rich text as its paragraphs, headings and list items. */
function shownPieces(s: IStored): string[] {
  if (s.shown === 'plain') {
    return [s.value];
  }
  const pieces: string[] = [];
  for (const block of parseRichText(s.value)) {
    if (block.kind === 'list') {
      pieces.push(...block.items);
    } else {
      pieces.push(block.text);
    }
  }
  return pieces;
}

/** Runs of whitespace (as JavaScript counts it) as one space, trimmed. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every script of the page as served, before any data is on it: src paths and inline texts. */
function scriptsOf(html: string): { srcs: string[]; inline: string[] } {
  const srcs: string[] = [];
  const inline: string[] = [];
  const re: RegExp = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (let m: RegExpExecArray | null = re.exec(html); m; m = re.exec(html)) {
    const src: RegExpExecArray | null = /\bsrc="([^"]+)"/.exec(m[1]);
    if (src) {
      srcs.push(src[1]);
    } else {
      inline.push(m[2]);
    }
  }
  return { srcs, inline };
}

let digest: string;

const e2e = browserSession({
  setUp: async () => {
    const info = await rest('POST', '/contextinfo');
    expect(info.status).toBe(200);
    digest = info.body.FormDigestValue;
  }
});

/** The site's REST API with no Authorization header: the programme office lead, with a form digest for writes. */
async function rest(method: string, target: string, body?: unknown, headers: { [k: string]: string } = {}): Promise<{ status: number; body: Json; text: string }> {
  const res: Response = await fetch(`${e2e.url}${API}${target}`, {
    method,
    headers: {
      Accept: 'application/json;odata=nometadata',
      'Content-Type': 'application/json',
      ...(method === 'GET' || !digest ? {} : { 'X-RequestDigest': digest }),
      ...headers
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text: string = await res.text();
  let json: Json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, body: json, text };
}

function items(list: string): string {
  return `/web/lists/getByTitle('${encodeURIComponent(list)}')/items`;
}

async function only(list: string, query: string): Promise<Json> {
  const answer = await rest('GET', `${items(list)}?${query}`);
  expect(answer.status).toBe(200);
  if (answer.body.value.length === 0) {
    throw new Error(`No item in ${list} for ${query}`);
  }
  return answer.body.value[0];
}

function merge(s: IStored, value: string): ReturnType<typeof rest> {
  return rest('POST', `${items(s.list)}(${s.id})`, { [s.column]: value }, { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' });
}

/** A refusal as SharePoint gives one: 4xx with odata.error's code and message. */
function expectRefused(answer: { status: number; body: Json; text: string }, what: string): void {
  const e: Json = answer.body && answer.body['odata.error'];
  if (answer.status < 400 || answer.status >= 500 || !e || typeof e.code !== 'string' || !e.message || typeof e.message.value !== 'string' || e.message.value.trim() === '') {
    throw new Error(`${what}: expected a 4xx with SharePoint's error body, got ${answer.status} ${answer.text.slice(0, 300)}`);
  }
}

/** Checks the page: nothing ran, nothing from data became markup, and each stored text shows as text. */
async function expectInert(p: Page, where: string, shown: IStored[], own: { srcs: string[]; inline: string[] }, seen: { dialogs: string[]; errors: string[] }): Promise<void> {
  // Let anything the page asked for (an img's src, say) answer, so its handlers would have run.
  // (Bounded: a payload that keeps the page busy must fail on what it did, not on a timeout.)
  await p.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  const found = await p.evaluate(() => {
    const main: HTMLElement = document.querySelector('main') as HTMLElement;
    const problems: string[] = [];
    const tag = (el: Element): string => `<${el.tagName.toLowerCase()}> ${el.outerHTML.slice(0, 160)}`;
    for (const el of Array.from(main.querySelectorAll('script, img, iframe, frame, object, embed, style, link, base, meta, math, form'))) {
      problems.push(`in the dashboard: ${tag(el)}`);
    }
    // The dashboard's only svg are the offline icons: one path, aria-hidden, 16 by 16.
    for (const svg of Array.from(main.querySelectorAll('svg'))) {
      const icon: boolean =
        svg.getAttribute('viewBox') === '0 0 16 16' && svg.getAttribute('aria-hidden') === 'true' && svg.children.length === 1 && svg.children[0].tagName.toLowerCase() === 'path';
      if (!icon) {
        problems.push(`in the dashboard, an svg that is not an icon: ${tag(svg)}`);
      }
    }
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) {
          problems.push(`an ${a.name} attribute: ${tag(el)}`);
        }
        if (/^(href|src|srcdoc|action|formaction|xlink:href|data)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) {
          problems.push(`a javascript: URL in ${a.name}: ${tag(el)}`);
        }
      }
    }
    for (const style of Array.from(document.querySelectorAll('style'))) {
      if (/pwned|main\s*\{/.test(style.textContent || '')) {
        problems.push(`a style element from data: ${tag(style)}`);
      }
    }
    const w = window as unknown as { __pwned?: unknown };
    return {
      problems,
      pwned: w.__pwned === undefined ? 'undefined' : String(w.__pwned),
      scripts: Array.from(document.scripts).map((s) => ({ src: s.getAttribute('src'), text: s.getAttribute('src') ? '' : s.textContent || '', inMain: main.contains(s) })),
      text: main.textContent || '',
      hidden: getComputedStyle(main).display === 'none' || getComputedStyle(main).visibility === 'hidden'
    };
  });
  expect({ where, dialogs: seen.dialogs, pageErrors: seen.errors, pwned: found.pwned, problems: found.problems, mainHidden: found.hidden }).toEqual({
    where,
    dialogs: [],
    pageErrors: [],
    pwned: 'undefined',
    problems: [],
    mainHidden: false
  });
  // Only the page's own scripts: those it was served with, or a bundle of dist/web.
  for (const s of found.scripts) {
    const ok: boolean = s.src ? own.srcs.indexOf(s.src) >= 0 || (/^\/[\w.-]+\.js$/.test(s.src) && fs.existsSync(path.join(WEB_ROOT, s.src))) : own.inline.indexOf(s.text) >= 0;
    if (!ok || s.inMain) {
      throw new Error(`${where}: a script that is not the page's own: ${JSON.stringify(s).slice(0, 300)}`);
    }
  }
  // Every stored text shows as text, whitespace aside; tab, line breaks, DEL and NEL included.
  const text: string = normalise(found.text);
  for (const s of shown) {
    for (const piece of shownPieces(s)) {
      if (text.indexOf(normalise(piece)) < 0) {
        throw new Error(`${where}: ${s.list}.${s.column} ${JSON.stringify(piece)} is not shown as text`);
      }
    }
    const marker: string = (/«[A-Z]\d+»/.exec(s.value) as RegExpExecArray)[0];
    if (!(await p.getByText(marker).first().isVisible())) {
      throw new Error(`${where}: ${s.list}.${s.column} (${marker}) is not visible`);
    }
  }
}

describe('hostile text in SharePoint, in Chromium', () => {
  it('is shown as text by the programme view and a workstream view of the open period, and nothing of it runs', async () => {
    const ws = await only('Workstreams', `$filter=Title eq '${WORKSTREAM}'&$select=Id`);
    const period = await only('Reporting Periods', `$filter=Title eq '${encodeURIComponent(OPEN_PERIOD)}'&$select=Id,PeriodState`);
    expect(period.PeriodState).toBe('Open');
    const inPeriod: string = `WorkstreamId eq ${ws.Id} and ReportingPeriodId eq ${period.Id}`;
    const ids = {
      report: (await only('Status Reports', `$filter=${inPeriod}&$select=Id`)).Id as number,
      milestone: (await only('Milestones', `$filter=${inPeriod} and Timing eq 'This period'&$select=Id`)).Id as number,
      risk: (await only('Risks', `$filter=WorkstreamId eq ${ws.Id} and RiskState eq 'Open'&$select=Id`)).Id as number,
      comment: (await only('Sponsor Comments', `$filter=${inPeriod}&$select=Id`)).Id as number,
      feedback: (await only('IIB Feedback', `$filter=${inPeriod}&$select=Id`)).Id as number,
      period: period.Id as number
    };

    // Accepted: every payload is stored as written.
    const stored: IStored[] = fixedPayloads(ids);
    let inputs: number = 0;
    for (const s of stored) {
      inputs++;
      const answer = await merge(s, s.value);
      if (answer.status !== 204) {
        throw new Error(`Writing ${s.list}.${s.column} answered ${answer.status} ${answer.text.slice(0, 300)}`);
      }
    }

    // Refused: characters XML cannot carry get SharePoint's 400, and the stored value stays.
    for (const s of refusedPayloads(ids)) {
      inputs++;
      expect(hasXmlInvalidCharacter(s.value)).toBe(true);
      expectRefused(await merge(s, s.value), `Writing ${JSON.stringify(s.value)} to ${s.list}.${s.column}`);
    }

    // Generated: hostile text around a payload, in new milestones (shown as written) and new
    // feedback (shown as rich text). Text SharePoint cannot keep is refused first, then written
    // without the characters it refused.
    const samples: string[] = fc.sample(generated, { numRuns: 6, seed: seedFor(400) });
    const count = async (list: string): Promise<number> => (await rest('GET', `${items(list)}?$filter=${inPeriod}&$select=Id`)).body.value.length;
    const before: number[] = [await count('Milestones'), await count('IIB Feedback')];
    for (let i: number = 0; i < samples.length; i++) {
      const milestone: boolean = i % 2 === 0;
      const list: string = milestone ? 'Milestones' : 'IIB Feedback';
      const column: string = milestone ? 'Title' : 'Feedback';
      const fields = milestone
        ? { WorkstreamId: ws.Id, ReportingPeriodId: period.Id, Timing: 'This period', SortOrder: 100 + i }
        : { WorkstreamId: ws.Id, ReportingPeriodId: period.Id, FeedbackKind: 'Feedback' };
      // A Title holds 255 characters; the marker keeps each one findable and never blank.
      const raw: string = `«G${i}» ${samples[i]}`.slice(0, milestone ? 255 : 60000);
      inputs++;
      let value: string = raw;
      if (hasXmlInvalidCharacter(raw)) {
        expectRefused(await rest('POST', items(list), { ...fields, [column]: raw }), `Creating ${JSON.stringify(raw)} in ${list}`);
        inputs++;
        value = withoutUnsavable(raw);
      }
      const created = await rest('POST', items(list), { ...fields, [column]: value });
      if (created.status !== 201) {
        throw new Error(`Creating ${JSON.stringify(value)} in ${list} answered ${created.status} ${created.text.slice(0, 300)}`);
      }
      stored.push({ list, id: created.body.Id, column, value, shown: milestone ? 'plain' : 'rich' });
    }

    // SharePoint holds exactly what was accepted: no item from a refused create, no refused value.
    expect([await count('Milestones'), await count('IIB Feedback')]).toEqual([before[0] + Math.ceil(samples.length / 2), before[1] + Math.floor(samples.length / 2)]);
    for (const s of stored) {
      const item = await rest('GET', `${items(s.list)}(${s.id})?$select=${s.column}`);
      expect(item.status).toBe(200);
      expect(item.body[s.column]).toBe(s.value);
    }

    // The page as served: its own scripts, before any data is on it.
    const served: string = await (await fetch(`${e2e.url}/`)).text();
    const own = scriptsOf(served);
    expect(own.srcs.length).toBeGreaterThan(0);

    const page: Page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15000);
    const dialogs: string[] = [];
    const errors: string[] = [];
    const requested: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requested.push(r.url()));
    try {
      await page.goto(`${e2e.url}/?as=${encodeURIComponent(LEAD)}`);
      // Attached, not visible: a payload that hid the page must fail with what it did, not a timeout.
      await page.getByRole('table', { name: /RAG status of each workstream/, includeHidden: true }).waitFor({ state: 'attached' });
      await page.getByText('«H15»').first().waitFor({ state: 'attached' });
      await expectInert(page, 'Programme view', stored.filter((s) => s.list === 'Reporting Periods'), own, { dialogs, errors });

      await page.getByRole('button', { name: WORKSTREAM, exact: true }).click();
      await page.getByRole('heading', { name: 'Key milestones/activities this period', includeHidden: true }).waitFor({ state: 'attached' });
      expect(await page.getByRole('combobox', { name: /^Reporting period/, includeHidden: true }).textContent()).toContain(OPEN_PERIOD);
      await page.getByText('«H14»').first().waitFor({ state: 'attached' });
      await page.getByText(`«G${samples.length - 1}»`).first().waitFor({ state: 'attached' });
      await expectInert(page, 'Workstream view', stored.filter((s) => s.list !== 'Reporting Periods'), own, { dialogs, errors });
    } finally {
      await page.close();
    }
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requested.filter((u) => /^javascript:/i.test(u) || new URL(u).pathname === '/x')).toEqual([]);
    record(AREA, { inputs });
  }, 90000);
});
