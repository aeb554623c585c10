/**
 * The Word add-in's task pane in Chromium against the real `npm start`.
 *
 * Outside Word (the page in a browser, office.js unreachable as it is offline): the pane says so,
 * previews the seeded November/December 2023 report with RAG labels and fills, passes axe-core,
 * and downloads a .docx that opens — its content controls tagged PH:…, and, where LibreOffice is
 * installed (CI installs it), converted to PDF with the workstreams' titles in its text.
 *
 * In Word: Word itself cannot run here, so a stand-in for Office.js's Word API (the few calls the
 * adapter makes, keeping content controls as Word reports them) is put in the page before it
 * loads; the real pane and the real adapter insert the report, the data changes on the site, an
 * officer edits a block, and a refresh shows the changes, keeps the edit and updates the rest.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import * as JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { RAG_COLOURS } from '../../src/domain';
import { axeViolations, screenshotPath } from './support/browser';
import { browserSession, listApi, PROGRAMME_SITE, type TestPage } from './support/session';
import { convertToPdf, pdfPages } from '../report/support/render';

jest.setTimeout(120000);

const OFFICE_JS = 'https://appsforoffice.microsoft.com/**';
const WORKSTREAMS = ['Governance and Decision Making', 'Procurement', 'Project Plans and Delivery', 'Partnership Working', 'Confidence, Culture and Capacity'];

const e2e = browserSession();
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-taskpane-'));
});

/** Opens the task pane page; office.js from the CDN is refused (this machine is offline) unless told to hang. */
async function openPane(
  width: number,
  options: { officeJs?: 'refused' | 'neverReady'; word?: boolean; page?: (html: string) => string } = {}
): Promise<TestPage> {
  const page: TestPage = await e2e.newPage({ width, acceptDownloads: true });
  if (options.officeJs === 'neverReady') {
    // office.js arrives, but Office never says it is ready (a host that never answers).
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'window.Office = { HostType: { Word: "Word" }, onReady: function () { return new Promise(function () {}); } };' })
    );
  } else {
    await page.route(OFFICE_JS, (route) => route.abort());
  }
  if (options.word) {
    await page.addInitScript(installFakeWord);
  }
  const transform = options.page;
  if (transform) {
    await page.route('**/addin/taskpane.html', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: transform(await response.text()) });
    });
  }
  // The pane comes up at DOMContentLoaded: office.js is referenced in <head> before the page's own script.
  await page.goto(`${e2e.url}/addin/taskpane.html`, { waitUntil: 'domcontentloaded' });
  return page;
}

function rgb(hex: string): string {
  return `rgb(${parseInt(hex.slice(0, 2), 16)}, ${parseInt(hex.slice(2, 4), 16)}, ${parseInt(hex.slice(4, 6), 16)})`;
}

describe('the task pane page itself', () => {
  const OFFICE_JS_SRC = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
  const UNSUPPORTED = 'Programme Highlights cannot run in this version of Word';

  it('references office.js in <head>, before any script of its own, and hides the "not supported" message where the pane runs', async () => {
    const page = await openPane(350);
    await page.getByRole('region', { name: /^Preview of / }).waitFor();
    const scripts = await page.evaluate(() =>
      Array.from(document.scripts).map((el) => ({ src: el.getAttribute('src') || '', inHead: el.parentElement === document.head, async: el.async, defer: el.defer }))
    );
    const office = scripts.findIndex((x) => x.src === OFFICE_JS_SRC);
    expect(office).toBeGreaterThanOrEqual(0);
    expect(scripts[office]).toEqual({ src: OFFICE_JS_SRC, inHead: true, async: false, defer: false });
    expect(scripts.filter((x) => x.src === OFFICE_JS_SRC)).toHaveLength(1);
    expect(scripts.findIndex((x) => x.src === 'taskpane.js')).toBeGreaterThan(office);
    expect(await page.getByRole('alert').filter({ hasText: UNSUPPORTED }).isVisible()).toBe(false);
    await page.close();
  });

  it('says plainly that it cannot run where ES modules are not supported (the nomodule path of Word 2016/2019)', async () => {
    // What an engine without modules does with the shipped page: it runs the nomodule script and
    // skips the module. Chromium has modules, so the page is given to it as such an engine sees it.
    const page = await openPane(350, {
      page: (html) => {
        expect(html).toContain('<script nomodule>');
        return html.replace('<script nomodule>', '<script>').replace('<script src="taskpane.js"></script>', '');
      }
    });
    const alert = page.getByRole('alert').filter({ hasText: UNSUPPORTED });
    await alert.waitFor();
    expect(await alert.getByRole('heading', { level: 1 }).textContent()).toBe(UNSUPPORTED);
    expect(await alert.textContent()).toContain('Use Word on the web, or Word for Microsoft 365 on Windows or Mac.');
    expect(await page.locator('#root').innerHTML()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('taskpane-unsupported') });
    await page.close();
  });

  it('says the same in an engine with modules but without dynamic import() (the old Edge), and does not start the pane', async () => {
    const page = await e2e.newPage({ width: 350 });
    await page.route(OFFICE_JS, (route) => route.abort());
    // EdgeHTML cannot parse import(): the page's own check builds such a function without running it.
    await page.addInitScript(() => {
      const Native = window.Function;
      const Patched = function (this: unknown, ...args: string[]): unknown {
        if (String(args[args.length - 1]).indexOf('import(') >= 0) {
          throw new SyntaxError('Expected identifier');
        }
        return Native.apply(this, args);
      };
      Patched.prototype = Native.prototype;
      (window as unknown as { Function: unknown }).Function = Patched;
    });
    await page.goto(`${e2e.url}/addin/taskpane.html`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('alert').filter({ hasText: UNSUPPORTED }).waitFor();
    await page.waitForTimeout(1500);
    expect(await page.locator('#root').innerHTML()).toBe('');
    await page.close();
  });
});

describe('the task pane page as the sign-in dialog', () => {
  it('opened by hand outside Office, says what it is instead of starting a sign-in nobody waits for', async () => {
    const page = await e2e.newPage({ width: 500, height: 600 });
    await page.route(OFFICE_JS, (route) => route.abort());
    const scopes = encodeURIComponent(JSON.stringify([['https://graph.microsoft.com/Sites.Read.All']]));
    await page.goto(`${e2e.url}/addin/taskpane.html?phSignIn=${scopes}`, { waitUntil: 'domcontentloaded' });
    await page.getByText('This is the Programme Highlights sign-in window. Close it and use Sign in in the add-in’s task pane in Word.').waitFor();
    expect(await page.getByRole('heading', { name: 'Programme Highlights' }).count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

describe('the task pane outside Word', () => {
  it('says it is outside Word and previews the seeded November/December 2023 report, labels with their fills', async () => {
    const page = await openPane(350);
    await page.getByText('Open this in Word to insert into a document. Here you can preview the report and download it as a Word document.').waitFor();
    const preview = page.getByRole('region', { name: 'Preview of Whole programme report, November/December 2023' });
    await preview.waitFor();
    for (const title of WORKSTREAMS) {
      // November/December is open: every section but the approved Project Plans and Delivery is marked Draft.
      const heading: string = title === 'Project Plans and Delivery' ? title : `${title} – Draft`;
      expect(await preview.getByRole('heading', { level: 2, name: heading, exact: true }).count()).toBe(1);
    }
    const status = preview.getByRole('table', { name: /RAG status of each workstream for November\/December 2023/ });
    const cells: Array<[string, string, string]> = await status.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => {
        const cell = r.querySelector('td.ph-rag') as HTMLElement;
        return [(r.querySelector('th') as HTMLElement).textContent || '', cell.textContent || '', getComputedStyle(cell).backgroundColor];
      })
    );
    expect(cells.map((c) => c[0])).toEqual(WORKSTREAMS);
    expect(cells).toContainEqual(['Partnership Working', 'Green/Amber', rgb(RAG_COLOURS['Green/Amber'].fill)]);
    expect(cells).toContainEqual(['Governance and Decision Making', 'Green', rgb(RAG_COLOURS.Green.fill)]);
    // The readiness findings of the period are there too.
    await page.getByText(/^November\/December 2023: 1 error, \d+ warnings\.$/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('taskpane-preview') });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('reads well at a wide pane too, and passes axe-core with the findings open', async () => {
    const page = await openPane(800);
    await page.getByRole('region', { name: /^Preview of / }).waitFor();
    await page.getByText(/^Warnings – check these/).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('taskpane-preview-wide') });
    await page.close();
  });

  it('comes up within its time limit even when Office never says it is ready', async () => {
    const started = Date.now();
    const page = await openPane(350, { officeJs: 'neverReady' });
    await page.getByText(/^Open this in Word to insert into a document\./).waitFor({ timeout: 15000 });
    expect(Date.now() - started).toBeLessThan(12000);
    await page.close();
  });

  it('is keyboard-complete: the period, the preview choice and the download are reached with Tab', async () => {
    const page = await openPane(350);
    await page.getByRole('region', { name: /^Preview of / }).waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => (document.activeElement ? document.activeElement.getAttribute('aria-label') || document.activeElement.textContent || '' : '')));
    }
    expect(reached.some((r) => /November\/December 2023/.test(r))).toBe(true);
    expect(reached).toContain('Download .docx');
    expect(reached.some((r) => /Whole programme report/.test(r))).toBe(true);
    await page.close();
  });

  it('downloads the report as a .docx that opens, with its content controls tagged', async () => {
    const page = await openPane(350);
    await page.getByRole('region', { name: /^Preview of / }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .docx' }).click()]);
    expect(download.suggestedFilename()).toBe('November-December 2023 highlight report.docx');
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByText('Downloaded “November-December 2023 highlight report.docx”.').waitFor();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString('ascii')).toBe('PK');
    const zip = await JSZip.loadAsync(bytes);
    const documentXml = await zip.file('word/document.xml')!.async('string');
    const tags = Array.from(documentXml.matchAll(/<w:tag w:val="(PH:[^"]+)"\/>/g)).map((m) => m[1].split(':').slice(0, 3).join(':'));
    expect(tags).toEqual([
      'PH:reportTitle:2',
      'PH:overview:2',
      'PH:statusTable:2',
      'PH:workstreamSection:2',
      'PH:workstreamSection:2',
      'PH:workstreamSection:2',
      'PH:workstreamSection:2',
      'PH:workstreamSection:2',
      'PH:ragKey:2'
    ]);
    if (spawnSync('sh', ['-c', 'command -v soffice && command -v pdftotext']).status === 0) {
      const [pdf] = convertToPdf([file], tmp);
      const text = pdfPages(pdf).join('\n').replace(/\s+/g, ' ');
      for (const title of WORKSTREAMS) {
        expect(text).toContain(title);
      }
      expect(text).toContain('Improvement Plan Phase 2 Programme Level Highlight Report');
    } else {
      console.warn('LibreOffice (soffice) or pdftotext is not installed: the downloaded .docx was checked as a package only. Install them with: bash config/install-system-packages.sh');
    }
    await page.close();
  });
});

/** The stand-in for Office.js and Word's API, run in the page before anything else. */
function installFakeWord(): void {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const SKIP = ['pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'sdtPr', 'tblGrid', 'sectPr'];
  interface IControl {
    id: number;
    tag: string;
    title: string;
    text: string;
    isNullObject: boolean;
    load: () => void;
    insertOoxml: (ooxml: string, where: string) => void;
  }
  const state = { controls: [] as IControl[], nextId: 100, syncs: 0, settings: {} as { [k: string]: unknown } };
  (window as unknown as { __fakeWord: unknown }).__fakeWord = state;

  // The text Word reports for content: runs' text, tabs, breaks, a mark after each paragraph.
  const textOf = (el: Element): string => {
    let out = '';
    const walk = (node: Element): void => {
      for (const child of Array.from(node.children)) {
        if (child.namespaceURI === W && SKIP.indexOf(child.localName) >= 0) {
          continue;
        }
        if (child.namespaceURI === W && child.localName === 't') {
          out += child.textContent || '';
        } else if (child.namespaceURI === W && child.localName === 'tab') {
          out += '\t';
        } else if (child.namespaceURI === W && child.localName === 'br') {
          out += '\v';
        } else {
          walk(child);
          if (child.namespaceURI === W && child.localName === 'p') {
            out += '\r';
          }
        }
      }
    };
    walk(el);
    return out;
  };
  const body = (ooxml: string): Element => {
    const doc = new DOMParser().parseFromString(ooxml, 'application/xml');
    const b = doc.getElementsByTagNameNS(W, 'body')[0];
    if (!b) {
      throw new Error('insertOoxml: no w:body in the package');
    }
    return b;
  };
  const attr = (el: Element | undefined, name: string): string => (el ? el.getAttributeNS(W, 'val') || el.getAttribute(`w:${name}`) || '' : '');
  const control = (tag: string, title: string, text: string): IControl => {
    const c: IControl = {
      id: state.nextId++,
      tag,
      title,
      text,
      isNullObject: false,
      load: () => undefined,
      insertOoxml: (ooxml: string) => {
        c.text = textOf(body(ooxml));
      }
    };
    return c;
  };
  const settings = state.settings;
  (window as unknown as { Office: unknown }).Office = {
    HostType: { Word: 'Word' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: () => Promise.resolve({ host: 'Word', platform: 'OfficeOnline' }),
    context: {
      // Word with WordApi 1.3 and not 1.4: no change-tracking API (the unit tests cover 1.4).
      requirements: { isSetSupported: (name: string, version: string) => name === 'WordApi' && parseFloat(version) <= 1.3 },
      document: {
        settings: {
          get: (key: string) => (key in settings ? settings[key] : null),
          set: (key: string, value: unknown) => {
            settings[key] = value;
          },
          saveAsync: (callback: (r: { status: string }) => void) => callback({ status: 'succeeded' })
        }
      }
    }
  };
  (window as unknown as { Word: unknown }).Word = {
    run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
      const collection = {
        items: [] as IControl[],
        load(): void {
          collection.items = state.controls.slice();
        },
        getByIdOrNullObject(id: number): IControl | { isNullObject: true; load: () => void } {
          return state.controls.filter((c) => c.id === id)[0] || { isNullObject: true, load: () => undefined };
        }
      };
      const context = {
        document: {
          contentControls: collection,
          getSelection: () => ({
            // The cursor is in no content control and no table.
            parentContentControlOrNullObject: { isNullObject: true, load: () => undefined },
            parentTableOrNullObject: { isNullObject: true, load: () => undefined },
            insertOoxml: (ooxml: string) => {
              for (const sdt of Array.from(body(ooxml).children).filter((e) => e.namespaceURI === W && e.localName === 'sdt')) {
                const pr = Array.from(sdt.children).filter((e) => e.localName === 'sdtPr')[0];
                const content = Array.from(sdt.children).filter((e) => e.localName === 'sdtContent')[0];
                const tag = pr ? Array.from(pr.children).filter((e) => e.localName === 'tag')[0] : undefined;
                const alias = pr ? Array.from(pr.children).filter((e) => e.localName === 'alias')[0] : undefined;
                state.controls.push(control(attr(tag, 'val'), attr(alias, 'val'), content ? textOf(content) : ''));
              }
            }
          })
        },
        sync: async (): Promise<void> => {
          state.syncs++;
        }
      };
      return batch(context);
    }
  };
}

interface IFakeWordState {
  controls: Array<{ id: number; tag: string; title: string; text: string }>;
  syncs: number;
  settings: { [k: string]: unknown };
}

function fakeWord(page: Page): Promise<IFakeWordState> {
  return page.evaluate(() => {
    const s = (window as unknown as { __fakeWord: IFakeWordState }).__fakeWord;
    return { controls: s.controls.map((c) => ({ id: c.id, tag: c.tag, title: c.title, text: c.text })), syncs: s.syncs, settings: { ...s.settings } };
  });
}

/** Changes a status report's RAG on the site, as a project manager would. */
async function setRag(workstreamId: number, periodId: number, rag: string): Promise<void> {
  const found = await e2e.rest(`${listApi('Status Reports')}/items?$filter=ReportingPeriodId eq ${periodId}&$select=Id,WorkstreamId`);
  const item = (found.json.value as Array<{ Id: number; WorkstreamId: number }>).filter((i) => i.WorkstreamId === workstreamId)[0];
  await e2e.mergeItem('Status Reports', item.Id, { Rag: rag });
}

describe('the task pane in Word (Word\u2019s API stood in for)', () => {
  it('inserts the whole report, then refreshes it: changes shown, the officer\u2019s edit kept, the rest brought up to date', async () => {
    const page = await openPane(350, { word: true });
    await page.getByRole('heading', { name: 'Insert at the cursor' }).waitFor();
    await page.getByText(/^November\/December 2023: 1 error/).waitFor();
    expect(await page.getByText(/^Open this in Word/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('taskpane-word') });

    await page.getByRole('button', { name: 'Whole programme report' }).click();
    await page.getByText('Inserted “Whole programme report” for November/December 2023.').waitFor();
    let doc = await fakeWord(page);
    expect(doc.controls.map((c) => c.tag.split(':')[1])).toEqual(['reportTitle', 'overview', 'statusTable', ...WORKSTREAMS.map(() => 'workstreamSection'), 'ragKey']);
    expect(JSON.parse(String(doc.settings['ProgrammeHighlights.Source']))).toEqual({ siteUrl: `${e2e.url}${PROGRAMME_SITE}`, periodId: 2, periodTitle: 'November/December 2023' });

    // Partnership Working goes Red on the site; an officer rewords the overview in the paper.
    await setRag(4, 2, 'Red');
    await page.evaluate(() => {
      const s = (window as unknown as { __fakeWord: IFakeWordState }).__fakeWord;
      const overview = s.controls.filter((c) => c.tag.indexOf('PH:overview:') === 0)[0];
      overview.text = overview.text.replace('I am pleased to present', 'We are delighted to present');
    });
    const syncsBefore = doc.syncs;

    await page.getByRole('button', { name: 'Check for changes' }).click();
    await page.getByText('9 blocks found in the document.').waitFor();
    const statusChanges = page.getByRole('list', { name: 'What changes in Status table – November/December 2023' });
    expect(await statusChanges.textContent()).toContain('was “Green/Amber”, now “Red”');
    const box = page.getByRole('checkbox', { name: 'Replace this block, losing the edits: Lead Executive Director overview – November/December 2023' });
    expect(await box.isChecked()).toBe(false);
    await page.getByText('Text that would be lost: “We are delighted”').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The pane brings the plan into view and focus to its summary.
    expect(await page.evaluate(() => (document.activeElement ? document.activeElement.textContent : ''))).toBe('9 blocks found in the document.');
    const shown = await page.evaluate(() => {
      const r = (document.getElementById('ph-refresh-heading') as HTMLElement).closest('section')!.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: window.innerHeight };
    });
    // Its top at the top of the pane, or all of it in view when the page cannot scroll further.
    expect(shown.top === 0 || (shown.top >= 0 && shown.bottom <= shown.height)).toBe(true);
    await page.screenshot({ path: screenshotPath('taskpane-refresh-review') });

    await page.getByRole('button', { name: 'Refresh 2 blocks' }).click();
    await page.getByText('Refreshed: 2 blocks (Status table – November/December 2023; Workstream section – Partnership Working).').waitFor();
    await page.getByText('Kept as edited: 1 block (Lead Executive Director overview – November/December 2023).').waitFor();
    await page.screenshot({ path: screenshotPath('taskpane-refresh-done') });

    doc = await fakeWord(page);
    // One sync to find the blocks, at most two to apply: three in all, whatever the number of blocks.
    expect(doc.syncs - syncsBefore).toBeLessThanOrEqual(3);
    const status = doc.controls.filter((c) => c.tag.indexOf('PH:statusTable:') === 0)[0];
    // Last period as recorded for June (Amber), beside the new Red.
    expect(status.text.replace(/\s+/g, ' ')).toContain('Partnership Working Red Amber');
    expect(doc.controls.filter((c) => c.tag.indexOf('PH:overview:') === 0)[0].text).toContain('We are delighted to present');

    // Checked again, the paper is up to date but for the kept edit.
    await page.getByRole('button', { name: 'Check for changes' }).click();
    await page.getByText('9 blocks found in the document.').waitFor();
    expect(await page.getByText('Up to date: 8 blocks.').count()).toBe(1);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
