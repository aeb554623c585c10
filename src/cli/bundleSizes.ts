/**
 * How big the browser's first loads are, as the bench reports them (`bundles.<name>.gzipKb` in
 * test-results/bench.json) and test/perf/bundleSizes.test.ts guards them: an entry bundled with
 * esbuild, minified and split at every `import()` as SPFx's webpack splits it, each file gzipped
 * (level 9) on its own as a browser fetches it. A load is an entry's file and the files it imports
 * statically; "opening" adds a part loaded on first use together with the files that part
 * imports statically — what a Teams tab opening on a workstream fetches at once.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { build, type Metafile } from 'esbuild';
import { projectRoot } from '../emulator/server';

/** One bundled entry's sizes (KB, gzipped) and what is biggest in its first load (KB, minified). */
export interface IBundleSizes {
  initialKb: number;
  totalKb: number;
  modules: Array<{ module: string; kb: number }>;
  /** The first load plus the part loaded later whose source matches `alsoOpening`, if asked. */
  openingKb?: number;
  /** The source files (relative to the project) in the first load. */
  initialInputs: string[];
  /** The source files in the opening load, if asked. */
  openingInputs?: string[];
}

/** The dashboard's entry, and what SPFx supplies to it (not counted). */
export const WEB_PART_ENTRY: string = 'src/webparts/programmeDashboard/ProgrammeDashboardWebPart.ts';
export const SPFX_SUPPLIED: string[] = ['react', 'react-dom', '@microsoft/sp-*'];
/** The Word task pane's entry (it bundles everything it uses). */
export const TASK_PANE_ENTRY: string = 'src/addin/taskpane.tsx';
/** The part a Teams tab pinned to a workstream opens on. */
export const WORKSTREAM_VIEW: RegExp = /WorkstreamView\.tsx$/;

/** A file's size gzipped at level 9, in KB to one decimal. */
export function gzipKb(file: string): number {
  return Math.round((zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024) * 10) / 10;
}

/** Sizes by package (or "our code") in a bundle, from esbuild's metafile. */
function largestModules(meta: Metafile, output: string, count: number): Array<{ module: string; kb: number }> {
  const byModule: { [name: string]: number } = {};
  const out = meta.outputs[output];
  for (const [input, info] of Object.entries(out.inputs)) {
    const m: RegExpExecArray | null = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/lib\/components\/([^/]+))?/.exec(input);
    const name: string = m ? (m[3] ? `${m[1]} ${m[3]}` : m[1]) : input.startsWith('src/') ? `our code (${input.split('/').slice(0, 2).join('/')})` : input;
    byModule[name] = (byModule[name] || 0) + info.bytesInOutput;
  }
  return Object.entries(byModule)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([module, bytes]) => ({ module, kb: Math.round(bytes / 102.4) / 10 }));
}

/** Bundles an entry as its host would load it into `outDir`; returns its first load's size, everything's, and what is biggest in it. */
export async function bundleSizes(entry: string, external: string[], outDir: string, alsoOpening?: RegExp): Promise<IBundleSizes> {
  const root: string = projectRoot();
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, entry)],
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    metafile: true,
    platform: 'browser',
    target: ['es2019'],
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    write: true
  });
  const outputs = Object.keys(result.metafile.outputs).filter((o) => o.endsWith('.js'));
  // The entry's own file (every `import()` is an entry point of esbuild's too: not any of those).
  const entryOutput: string = outputs.filter((o) => result.metafile.outputs[o].entryPoint === entry)[0];
  if (!entryOutput) {
    throw new Error(`esbuild wrote no file for ${entry}.`);
  }
  // What a load needs: its chunk and the chunks that imports statically.
  const closure = (starts: string[]): Set<string> => {
    const found: Set<string> = new Set<string>(starts);
    const queue: string[] = starts.slice();
    while (queue.length > 0) {
      const o: string = queue.shift() as string;
      for (const imp of result.metafile.outputs[o].imports) {
        if (imp.kind === 'import-statement' && !found.has(imp.path) && result.metafile.outputs[imp.path]) {
          found.add(imp.path);
          queue.push(imp.path);
        }
      }
    }
    return found;
  };
  const inputsOf = (files: Set<string>): string[] =>
    Array.from(new Set<string>(Array.from(files).reduce((all: string[], f: string) => all.concat(Object.keys(result.metafile.outputs[f].inputs)), []))).sort();
  const initial: Set<string> = closure([entryOutput]);
  const size = (files: string[]): number => Math.round(files.reduce((sum, f) => sum + gzipKb(path.resolve(root, f)), 0) * 10) / 10;
  const sizes: IBundleSizes = {
    initialKb: size(Array.from(initial)),
    totalKb: size(outputs),
    modules: largestModules(result.metafile, entryOutput, 8),
    initialInputs: inputsOf(initial)
  };
  if (alsoOpening) {
    const part: string | undefined = outputs.filter((o) => alsoOpening.test(result.metafile.outputs[o].entryPoint || '') && o !== entryOutput)[0];
    if (part) {
      const opening: Set<string> = new Set<string>([...Array.from(initial), ...Array.from(closure([part]))]);
      sizes.openingKb = size(Array.from(opening));
      sizes.openingInputs = inputsOf(opening);
    }
  }
  return sizes;
}
