/**
 * @jest-environment jsdom
 *
 * Where the task pane runs: office.js loaded with a time limit, and every part of Office and
 * Word checked before use — outside Office onReady says host null, Word is undefined and
 * Office.context.requirements is undefined.
 */
import { classifyHost, detectHost, officeTimeoutMs, OFFICE_JS_URL } from '../../src/addin/office/host';

type Globals = { Office?: unknown; Word?: unknown };
const g = globalThis as unknown as Globals;

function fakeOffice(options: { host: string | null; requirements?: 'yes' | 'no' | 'absent'; ready?: 'resolve' | 'never' }): unknown {
  const requirements = options.requirements === 'absent' ? undefined : { isSetSupported: (name: string, version: string) => options.requirements === 'yes' && name === 'WordApi' && version === '1.3' };
  return {
    HostType: { Word: 'Word', Excel: 'Excel' },
    context: { requirements },
    onReady: () => (options.ready === 'never' ? new Promise(() => undefined) : Promise.resolve({ host: options.host, platform: null }))
  };
}

afterEach(() => {
  delete g.Office;
  delete g.Word;
  document.head.innerHTML = '';
});

describe('finding the host', () => {
  it('waits briefly in a browser tab and longer when Office hosts the pane', () => {
    expect(officeTimeoutMs({ search: '' }, false)).toBe(3000);
    expect(officeTimeoutMs({ search: '?_host_Info=Word$Win32$16.01$en-GB$$$$0' }, false)).toBe(20000);
    expect(officeTimeoutMs({ search: '' }, true)).toBe(20000);
  });

  it('loads office.js from Microsoft\u2019s CDN, and is outside Word when it never arrives', async () => {
    const started = Date.now();
    await expect(detectHost(document, 50)).resolves.toEqual({ kind: 'outside' });
    expect(Date.now() - started).toBeLessThan(2000);
    const script = document.head.querySelector('script') as HTMLScriptElement;
    expect(script.src).toBe(OFFICE_JS_URL);
    expect(script.async).toBe(true);
  });

  it("is outside Word at once when the page's own <head> reference to office.js failed, without loading it again", async () => {
    const own = document.createElement('script');
    own.setAttribute('src', OFFICE_JS_URL);
    document.head.appendChild(own);
    const started = Date.now();
    await expect(detectHost(document, 5000)).resolves.toEqual({ kind: 'outside' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(document.getElementsByTagName('script')).toHaveLength(1);
  });

  it('is outside Word when office.js fails to load', async () => {
    const detecting = detectHost(document, 5000, 'https://example.invalid/office.js');
    (document.head.querySelector('script') as HTMLScriptElement).dispatchEvent(new Event('error'));
    await expect(detecting).resolves.toEqual({ kind: 'outside' });
  });

  it('is in Word when Office says Word, Word is there and WordApi 1.3 is supported', async () => {
    g.Office = fakeOffice({ host: 'Word', requirements: 'yes' });
    g.Word = {};
    await expect(detectHost(document, 50)).resolves.toEqual({ kind: 'word' });
    expect(document.head.querySelector('script')).toBeNull();
  });

  it('is in a Word too old for the add-in without WordApi 1.3, or without requirements at all', async () => {
    g.Word = {};
    g.Office = fakeOffice({ host: 'Word', requirements: 'no' });
    await expect(detectHost(document, 50)).resolves.toEqual({ kind: 'wordTooOld' });
    g.Office = fakeOffice({ host: 'Word', requirements: 'absent' });
    await expect(detectHost(document, 50)).resolves.toEqual({ kind: 'wordTooOld' });
  });

  it('is outside Word when onReady says host null, another host, Word is undefined, or onReady never answers', async () => {
    g.Office = fakeOffice({ host: null, requirements: 'absent' });
    await expect(detectHost(document, 50)).resolves.toEqual({ kind: 'outside' });
    g.Office = fakeOffice({ host: 'Excel', requirements: 'yes' });
    g.Word = {};
    await expect(detectHost(document, 50)).resolves.toEqual({ kind: 'outside' });
    delete g.Word;
    g.Office = fakeOffice({ host: 'Word', requirements: 'yes' });
    await expect(detectHost(document, 50)).resolves.toEqual({ kind: 'outside' });
    g.Word = {};
    g.Office = fakeOffice({ host: 'Word', requirements: 'yes', ready: 'never' });
    await expect(detectHost(document, 50)).resolves.toEqual({ kind: 'outside' });
  });

  it('classifies no answer as outside', () => {
    expect(classifyHost(undefined)).toBe('outside');
  });
});
