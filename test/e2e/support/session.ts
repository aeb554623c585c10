/**
 * What every browser test sets up, once: the real `npm start` (./server) and Chromium
 * (./browser), started before a test file's tests and stopped after them — the stack must exit
 * cleanly — with the pages, the seeded people and the SharePoint REST calls the tests share.
 *
 *   const e2e = browserSession();
 *   const page = await e2e.openDashboard(LEAD, { query: themeQuery('dark'), width: 400 });
 */
import type { Browser, Page } from 'playwright-core';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { BearerLogin, PnpRepository } from '../../../src/data/sharepoint/PnpRepository';
import { launchBrowser } from './browser';
import { restBody } from '../../support/restBody';
import { startLocalStack, type ILocalStack } from './server';

/** The seeded programme's people, by their role in it. */
export const LEAD = 'heidi.robinson@improvement.example';
export const MANAGER = 'louisa.simpson@improvement.example';
export const IIB = 'alex.morgan@improvement.example';
export const SPONSOR = 'nick.bell@improvement.example';

/** The programme's site, below the stack's address. */
export const PROGRAMME_SITE = '/sites/improvement';

/** The three themes every changed page is checked in with axe-core. */
export const THEMES: ReadonlyArray<'default' | 'dark' | 'contrast'> = ['default', 'dark', 'contrast'];

/** The address's part that asks for a theme (nothing for the default one). */
export function themeQuery(theme: string): string {
  return theme === 'default' ? '' : `&theme=${theme}`;
}

/** A page that keeps the uncaught errors of its scripts, for `expect(page.errors).toEqual([])`. */
export type TestPage = Page & { errors: string[] };

export interface IPageOptions {
  /** The viewport's width in CSS pixels. */
  width: number;
  /** The viewport's height; 900 unless told. */
  height?: number;
  acceptDownloads?: boolean;
  /** Animation frames drawn this many milliseconds late, as a busy machine draws them; on time unless told. */
  lateFrames?: number;
}

export interface IDashboardOptions {
  /** More of the address after `?as=<login>`, starting with `&`. */
  query?: string;
  /** 1280 unless told. */
  width?: number;
  height?: number;
  /** Animation frames drawn this many milliseconds late (see {@link IPageOptions.lateFrames}). */
  lateFrames?: number;
}

/** A REST call's answer: its status, its body, and the body parsed as JSON (undefined when empty). */
export interface IRestAnswer {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
}

export interface IRestRequest {
  /** Who calls (a Bearer login); the programme office lead unless told. */
  login?: string;
  method?: string;
  headers?: { [name: string]: string };
  body?: string;
}

export interface IBrowserSession {
  /** The running stack (after beforeAll). */
  readonly stack: ILocalStack;
  /** Its address, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  readonly browser: Browser;
  /** A new page of that size, keeping its script errors. */
  newPage(options: IPageOptions): Promise<TestPage>;
  /** A new page opened at an address below the stack's. */
  open(address: string, options: IPageOptions & { waitUntil?: 'load' | 'domcontentloaded' }): Promise<TestPage>;
  /** The dashboard as a login, once its RAG status table is there. */
  openDashboard(login: string, options?: IDashboardOptions): Promise<TestPage>;
  /** A call to the stack's SharePoint REST API, as JSON. */
  rest(path: string, request?: IRestRequest): Promise<IRestAnswer>;
  /** Adds an item to a list of the programme's site; expects 201 and returns its id. */
  addItem(list: string, record: object, login?: string): Promise<number>;
  /** Changes an item of a list of the programme's site straight in the list (MERGE, any etag); expects 204. */
  mergeItem(list: string, id: number, fields: object, login?: string): Promise<void>;
  /** PnPjs on a site of the stack, as a login. */
  sp(login: string, site?: string): SPFI;
  /** The product's repository on the programme's site, as a login. */
  repository(login: string): PnpRepository;
}

/** The REST address of a list of the programme's site. */
export function listApi(list: string): string {
  return `${PROGRAMME_SITE}/_api/web/lists/getByTitle('${encodeURIComponent(list)}')`;
}

/** Waits for the dashboard's RAG status table. */
export async function waitForDashboard(page: Page): Promise<void> {
  await page.getByRole('table', { name: /RAG status of each workstream/ }).waitFor();
}

/** How far the page itself scrolls sideways (0 or less: it does not). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Starts the local stack (with `stackArgs`, e.g. ['--empty']) and, unless `browser` is false,
 * Chromium before the file's tests, runs `setUp` after them, and closes both after the tests.
 */
export function browserSession(options: { stackArgs?: string[]; browser?: boolean; setUp?: (session: IBrowserSession) => Promise<void> } = {}): IBrowserSession {
  let stack: ILocalStack | undefined;
  let browser: Browser | undefined;
  const running = (): ILocalStack => {
    if (!stack) {
      throw new Error('The local stack is not running: use the session inside tests, after beforeAll.');
    }
    return stack;
  };

  const session: IBrowserSession = {
    get stack(): ILocalStack {
      return running();
    },
    get url(): string {
      return running().url;
    },
    get browser(): Browser {
      if (!browser) {
        throw new Error('Chromium is not running: browserSession({ browser: false }) starts none.');
      }
      return browser;
    },
    async newPage({ width, height = 900, acceptDownloads, lateFrames }: IPageOptions): Promise<TestPage> {
      const page = (await session.browser.newPage({ viewport: { width, height }, ...(acceptDownloads ? { acceptDownloads } : {}) })) as TestPage;
      if (lateFrames) {
        await page.addInitScript((ms: number) => {
          const draw = window.requestAnimationFrame.bind(window);
          window.requestAnimationFrame = (callback: FrameRequestCallback): number => window.setTimeout(() => draw(callback), ms);
        }, lateFrames);
      }
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      return page;
    },
    async open(address: string, options: IPageOptions & { waitUntil?: 'load' | 'domcontentloaded' }): Promise<TestPage> {
      const page: TestPage = await session.newPage(options);
      await page.goto(`${session.url}${address}`, options.waitUntil ? { waitUntil: options.waitUntil } : undefined);
      return page;
    },
    async openDashboard(login: string, { query = '', width = 1280, height, lateFrames }: IDashboardOptions = {}): Promise<TestPage> {
      const page: TestPage = await session.open(`/?as=${encodeURIComponent(login)}${query}`, { width, height, lateFrames });
      await waitForDashboard(page);
      return page;
    },
    async rest(path: string, { login = LEAD, method = 'GET', headers = {}, body }: IRestRequest = {}): Promise<IRestAnswer> {
      const res: Response = await fetch(`${session.url}${path}`, {
        method,
        headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), Authorization: `Bearer ${login}`, ...headers },
        body
      });
      const text: string = await res.text();
      return {
        status: res.status,
        text,
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        get json(): any {
          return text ? JSON.parse(text) : undefined;
        }
      };
    },
    async addItem(list: string, record: object, login: string = LEAD): Promise<number> {
      const res: IRestAnswer = await session.rest(`${listApi(list)}/items`, { login, method: 'POST', body: JSON.stringify(restBody(list, record)) });
      // The list and the answer are in the failure message, not just the status.
      expect({ list, status: res.status, text: res.status === 201 ? '' : res.text }).toEqual({ list, status: 201, text: '' });
      return (res.json as { Id: number }).Id;
    },
    async mergeItem(list: string, id: number, fields: object, login: string = LEAD): Promise<void> {
      const res: IRestAnswer = await session.rest(`${listApi(list)}/items(${id})`, { login, method: 'POST', headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' }, body: JSON.stringify(restBody(list, fields)) });
      expect({ list, id, status: res.status, text: res.status === 204 ? '' : res.text }).toEqual({ list, id, status: 204, text: '' });
    },
    sp(login: string, site: string = PROGRAMME_SITE): SPFI {
      const siteUrl: string = `${session.url}${site}`;
      return spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), BearerLogin(login));
    },
    repository(login: string): PnpRepository {
      return new PnpRepository(session.sp(login));
    }
  };

  beforeAll(async () => {
    stack = await startLocalStack(options.stackArgs);
    if (options.browser !== false) {
      browser = await launchBrowser();
    }
    if (options.setUp) {
      await options.setUp(session);
    }
  }, 60000);

  afterAll(async () => {
    if (browser) {
      await browser.close();
    }
    if (stack) {
      expect(await stack.stop()).toBe(0);
    }
  });

  return session;
}
