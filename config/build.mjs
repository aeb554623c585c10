// Builds what the SPFx toolchain does not: the Node tools (local stack, report, bench) and the
// browser bundles of the local workbench and the Word add-in's task pane.
// Usage: node config/build.mjs [node] [web] [addin-ship]
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'fs';
import { dirname, resolve } from 'path';
import { fileURLToPath } from 'url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const targets = process.argv.slice(2);

const nodeEntries = { start: 'src/cli/start.ts', report: 'src/cli/report.ts' };

// The web part's strings are SPFx AMD modules (define([], factory)); outside SPFx they are
// loaded by running the factory, so every host shows the same words.
const amdStrings = {
  name: 'spfx-strings',
  setup(b) {
    b.onResolve({ filter: /^ProgrammeDashboardWebPartStrings$/ }, () => ({
      path: resolve(root, 'src/webparts/programmeDashboard/loc/en-gb.js'),
      namespace: 'spfx-strings'
    }));
    b.onLoad({ filter: /.*/, namespace: 'spfx-strings' }, (args) => ({
      contents: `let strings; const define = (deps, factory) => { strings = factory(); };\n${readFileSync(args.path, 'utf8')}\nmodule.exports = strings;`,
      loader: 'js'
    }));
  }
};

async function buildNode() {
  await build({
    entryPoints: Object.fromEntries(Object.entries(nodeEntries).map(([k, v]) => [k, resolve(root, v)])),
    outdir: resolve(root, 'dist/node'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning'
  });
}

/** Browser bundles and their pages: [entry, output script, page source, page output]. */
const webEntries = [['src/local/workbench.tsx', 'dist/web/workbench.js', 'src/local/index.html', 'dist/web/index.html']];

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
      plugins: [amdStrings],
      logLevel: 'warning'
    });
    mkdirSync(dirname(resolve(root, pageOut)), { recursive: true });
    copyFileSync(resolve(root, page), resolve(root, pageOut));
  }
}

const jobs = { node: buildNode, web: () => buildWeb(false) };
for (const t of targets.length ? targets : Object.keys(jobs)) {
  if (!jobs[t]) {
    console.error(`Unknown build target "${t}". Known: ${Object.keys(jobs).join(', ')}`);
    process.exit(1);
  }
  await jobs[t]();
}
