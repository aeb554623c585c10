/**
 * `npm run ship`'s add-in step (node config/build.mjs addin-ship): the manifest, page, minified
 * bundle and icons beside the .sppkg, with the host and app registration given at build time
 * baked in, and MSAL in a chunk of its own that the local preview never loads.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const CLIENT_ID = '0c6e2a43-8f7b-4a57-9a59-3c2e1d4b5a6f';

function ship(env: { [k: string]: string }, out: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'config/build.mjs'), 'addin-ship'], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_HOST_URL: '', ADDIN_CLIENT_ID: '', ADDIN_AUTHORITY: '', ...env, ADDIN_SHIP_OUT: out },
    encoding: 'utf8'
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A module and the modules it imports statically ("import … from './chunks/x.js'"), transitively. */
function loadedWith(dir: string, file: string, seen: string[] = []): string[] {
  if (seen.indexOf(file) >= 0) {
    return seen;
  }
  seen.push(file);
  const code = fs.readFileSync(path.join(dir, file), 'utf8');
  for (const m of Array.from(code.matchAll(/(?:import|export)\s*(?:\{[^}]*\}|\*(?:\s*as\s*\w+)?|\w+)?\s*(?:from)?\s*"(\.[^"]+)"/g))) {
    loadedWith(dir, path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])), seen);
  }
  return seen;
}

describe('the add-in build for shipping', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-addin-ship-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('writes the manifest, page, minified bundle, sign-in page and icons for the host given', () => {
    const run = ship({ ADDIN_HOST_URL: 'https://addins.contoso.org', ADDIN_CLIENT_ID: CLIENT_ID, ADDIN_AUTHORITY: 'https://login.microsoftonline.com/contoso.onmicrosoft.com' }, out);
    expect(run.status).toBe(0);
    expect(run.output).not.toMatch(/warning/);
    for (const file of ['manifest.xml', 'taskpane.html', 'taskpane.js', 'signed-in.html', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']) {
      expect(fs.existsSync(path.join(out, file))).toBe(true);
    }
    const manifest = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(manifest).toContain('<SourceLocation DefaultValue="https://addins.contoso.org/addin/taskpane.html"/>');
    // Sign-in takes the app registration from the bundle: the manifest has no WebApplicationInfo.
    expect(manifest).not.toContain('WebApplicationInfo');
    const page = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    expect(page).toContain('<script type="module" src="taskpane.js"></script>');
    // office.js in <head>, before the page's own script; the "not supported" path for old engines.
    const head = page.slice(0, page.indexOf('</head>'));
    expect(head).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js" type="text/javascript"></script>');
    expect(page.indexOf('<script nomodule>')).toBeGreaterThan(page.indexOf('<body>'));
    expect(page.indexOf('<script nomodule>')).toBeLessThan(page.indexOf('<script type="module" src="taskpane.js">'));
    expect(page).toContain('Programme Highlights cannot run in this version of Word');
    expect(page).toContain("window.FabricConfig = { fontBaseUrl: '' }");
    const bundle = fs.readFileSync(path.join(out, 'taskpane.js'), 'utf8');
    expect(bundle.length / bundle.split('\n').length).toBeGreaterThan(2000);
    // What loads with the pane: taskpane.js and the chunks it imports statically.
    const eager = loadedWith(out, 'taskpane.js');
    const eagerCode = eager.map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('\n');
    expect(eagerCode.includes(CLIENT_ID)).toBe(true);
    expect(eagerCode.includes('https://login.microsoftonline.com/contoso.onmicrosoft.com')).toBe(true);
    expect(eagerCode.includes('https://appsforoffice.microsoft.com/lib/1/hosted/office.js')).toBe(true);
    // MSAL, and the pane's token code that names it, are chunks of their own, loaded only off the local stack.
    const chunks = fs.readdirSync(path.join(out, 'chunks')).map((c) => `chunks/${c}`);
    const msal = chunks.filter((c) => fs.readFileSync(path.join(out, c), 'utf8').includes('createNestablePublicClientApplication'));
    expect(msal.length).toBeGreaterThan(0);
    expect(msal.filter((c) => eager.indexOf(c) >= 0)).toEqual([]);
    expect(eagerCode.includes('createNestablePublicClientApplication')).toBe(false);
  }, 60000);

  it('goes on with the local stack\u2019s defaults when nothing is set, saying so', () => {
    const run = ship({}, out);
    expect(run.status).toBe(0);
    expect(run.output).toMatch(/warning: ADDIN_HOST_URL is not set/);
    expect(run.output).toMatch(/warning: ADDIN_CLIENT_ID is not set/);
    expect(fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8')).toContain('https://localhost:4321/addin/taskpane.html');
  }, 60000);

  it('stops on a setting it cannot use', () => {
    const run = ship({ ADDIN_HOST_URL: 'http://addins.contoso.org' }, out);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/ADDIN_HOST_URL must be an https address/);
  }, 60000);
});

