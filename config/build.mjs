// Builds what the SPFx toolchain does not: the Node tools (local stack, report, bench) and the
// browser bundles of the local workbench and the Word add-in's task pane.
// Usage: node config/build.mjs [node] [web] [addin-ship]
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { fileURLToPath } from 'url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const targets = process.argv.slice(2);

const nodeEntries = { start: 'src/cli/start.ts', report: 'src/cli/report.ts', bench: 'src/cli/bench.ts', provision: 'src/cli/provision.ts', export: 'src/cli/export.ts', import: 'src/cli/import.ts' };

async function buildNode() {
  await build({
    entryPoints: Object.fromEntries(Object.entries(nodeEntries).map(([k, v]) => [k, resolve(root, v)])),
    outdir: resolve(root, 'dist/node'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    // esbuild and playwright-core stay packages the bench loads at run time, not part of its bundle.
    external: ['esbuild', 'playwright-core'],
    // office-addin-mock (the bench counts Word syncs with it) needs only an enum from this ESM-only package.
    alias: { 'office-addin-manifest': resolve(root, 'test/support/office-addin-manifest-stub.js') },
    logLevel: 'warning'
  });
}

/** Browser bundles and their pages: [entry, output script, page source, page output]. */
const webEntries = [
  ['src/local/workbench.tsx', 'dist/web/workbench.js', 'src/local/index.html', 'dist/web/index.html'],
  ['src/addin/taskpane.tsx', 'dist/web/addin/taskpane.js', 'src/addin/taskpane.html', 'dist/web/addin/taskpane.html']
];

async function buildWeb(minify = false) {
  for (const [entry, out, page, pageOut] of webEntries) {
    await build({
      entryPoints: [resolve(root, entry)],
      outfile: resolve(root, out),
      bundle: true,
      platform: 'browser',
      target: ['es2019'],
      format: 'iife',
      sourcemap: true,
      minify,
      define: { 'process.env.NODE_ENV': minify ? '"production"' : '"development"' },
      logLevel: 'warning'
    });
    mkdirSync(dirname(resolve(root, pageOut)), { recursive: true });
    copyFileSync(resolve(root, page), resolve(root, pageOut));
  }
}

// ---------------------------------------------------------------------------------------------
// The Word add-in: its pages, icons and manifests beside the task pane's bundle.
// ---------------------------------------------------------------------------------------------

const addinDir = resolve(root, 'src/addin');

/** The manifest generator (src/addin/manifest/manifest.ts, pure TypeScript), loaded through esbuild. */
async function manifestModule() {
  const out = await build({
    entryPoints: [resolve(addinDir, 'manifest/manifest.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning'
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

/** Copies the sign-in return page and the icons next to a built task pane. */
function copyAddinFiles(outDir) {
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  copyFileSync(join(addinDir, 'signed-in.html'), join(outDir, 'signed-in.html'));
  for (const file of readdirSync(join(addinDir, 'assets')).filter((f) => f.endsWith('.png'))) {
    copyFileSync(join(addinDir, 'assets', file), join(outDir, 'assets', file));
  }
}

function packageVersion() {
  return JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version;
}

/** The local stack's add-in files: icons, sign-in page and manifest.local.xml (host https://localhost:4321). */
async function buildAddinLocal() {
  const outDir = resolve(root, 'dist/web/addin');
  copyAddinFiles(outDir);
  const m = await manifestModule();
  const template = readFileSync(join(addinDir, 'manifest/manifest.template.xml'), 'utf8');
  const settings = { ...m.settingsFromEnvironment({}).settings, hostUrl: m.LOCAL_HOST_URL, clientId: '' };
  writeFileSync(join(outDir, 'manifest.local.xml'), m.renderManifest(template, { settings, version: packageVersion(), local: true }));
}

/**
 * The deployable add-in, beside the .sppkg: sharepoint/solution/addin/ holds manifest.xml,
 * taskpane.html, taskpane.js (minified) and its chunks/, signed-in.html and assets/. Its host URL and app
 * registration come from ADDIN_HOST_URL, ADDIN_CLIENT_ID and ADDIN_AUTHORITY.
 */
async function buildAddinShip() {
  const m = await manifestModule();
  const { settings, errors, warnings } = m.settingsFromEnvironment(process.env);
  for (const w of warnings) {
    console.warn(`addin-ship: warning: ${w}`);
  }
  if (errors.length > 0) {
    for (const e of errors) {
      console.error(`addin-ship: ${e}`);
    }
    process.exit(1);
  }
  // ADDIN_SHIP_OUT lets a test build elsewhere than beside the .sppkg.
  const outDir = resolve(root, process.env.ADDIN_SHIP_OUT || 'sharepoint/solution/addin');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // An ES module with split chunks: MSAL (a third of the bundle) loads only when sign-in is needed.
  await build({
    entryPoints: [join(addinDir, 'taskpane.tsx')],
    outdir: outDir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'browser',
    target: ['es2019'],
    format: 'esm',
    minify: true,
    legalComments: 'eof',
    define: { 'process.env.NODE_ENV': '"production"', ADDIN_BUILD_SETTINGS: JSON.stringify(settings) },
    logLevel: 'warning'
  });
  const page = readFileSync(join(addinDir, 'taskpane.html'), 'utf8');
  const modulePage = page.replace('<script src="taskpane.js"></script>', '<script type="module" src="taskpane.js"></script>');
  if (modulePage === page) {
    throw new Error('src/addin/taskpane.html no longer loads taskpane.js as addin-ship expects.');
  }
  writeFileSync(join(outDir, 'taskpane.html'), modulePage);
  copyAddinFiles(outDir);
  const template = readFileSync(join(addinDir, 'manifest/manifest.template.xml'), 'utf8');
  writeFileSync(join(outDir, 'manifest.xml'), m.renderManifest(template, { settings, version: packageVersion(), local: false }));
  const kb = (f) => `${Math.round(statSync(join(outDir, f)).size / 1024)} KB`;
  console.log(`Word add-in for ${settings.hostUrl}/addin/ in ${outDir}: manifest.xml, taskpane.html, taskpane.js (${kb('taskpane.js')}), chunks/, signed-in.html, assets/`);
}

const jobs = {
  node: buildNode,
  web: async () => {
    await buildWeb(false);
    await buildAddinLocal();
  },
  'addin-ship': buildAddinShip
};
// "node config/build.mjs" alone builds what the local stack needs; addin-ship is asked for by name.
const defaultJobs = ['node', 'web'];
for (const t of targets.length ? targets : defaultJobs) {
  if (!jobs[t]) {
    console.error(`Unknown build target "${t}". Known: ${Object.keys(jobs).join(', ')}`);
    process.exit(1);
  }
  await jobs[t]();
}
