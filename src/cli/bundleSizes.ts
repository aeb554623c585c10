/**
 * How big the browser's first loads are, as the bench reports them (`bundles.<name>.gzipKb` in
 * test-results/bench.json) and test/perf/bundleSizes.test.ts guards them: an entry bundled with
 * esbuild, minified and split at every `import()` as SPFx's webpack splits it, each file gzipped
 * (level 9) on its own as a browser fetches it. A load is an entry's file and the files it imports
 * statically; an "opening" adds a part loaded at once on arrival together with the files that
 * part imports statically — the programme view where the page lands, or the workstream view a
 * Teams tab pinned to a workstream opens on.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { build, type Metafile } from 'esbuild';
import { projectRoot } from '../emulator/server';

/** A first load with a part fetched at once on arrival: its size (KB, gzipped) and source files. */
export interface IOpening {
  kb: number;
  /** The source files (relative to the project) it loads. */
  inputs: string[];
}

/** One bundled entry's sizes (KB, gzipped) and what is biggest in its first load (KB, minified). */
export interface IBundleSizes {
  /** The entry's file and what it imports statically, before any part is fetched. */
  initialKb: number;
  totalKb: number;
  modules: Array<{ module: string; kb: number }>;
  /** The source files (relative to the project) in the first load. */
  initialInputs: string[];
  /** Each opening asked for, by name: the first load and the part whose source matched. */
  openings: { [name: string]: IOpening };
}

/** The dashboard's entry, and what SPFx supplies to it (not counted). */
export const WEB_PART_ENTRY: string = 'src/webparts/programmeDashboard/ProgrammeDashboardWebPart.ts';
export const SPFX_SUPPLIED: string[] = ['react', 'react-dom', '@microsoft/sp-*'];
/** The Word task pane's entry (it bundles everything it uses). */
export const TASK_PANE_ENTRY: string = 'src/addin/taskpane.tsx';
/** The part a Teams tab pinned to a workstream opens on. */
export const WORKSTREAM_VIEW: RegExp = /WorkstreamView\.tsx$/;
/** The part the web part lands on anywhere else: the programme at a glance. */
export const PROGRAMME_VIEW: RegExp = /components\/ProgrammeView\.tsx$/;
/** The web part's two openings: where a page lands, and where a Teams tab pinned to a workstream opens. */
export const WEB_PART_OPENINGS: { [name: string]: RegExp } = { landing: PROGRAMME_VIEW, workstream: WORKSTREAM_VIEW };

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

/**
 * Bundles an entry as its host would load it into `outDir`; returns its first load's size,
 * everything's, what is biggest in it, and each of `openings` (a part, by its source, fetched at
 * once on arrival). An opening whose part is not split from the first load is an error: the
 * measure would otherwise pass for a part it never saw.
 */
export async function bundleSizes(entry: string, external: string[], outDir: string, openings: { [name: string]: RegExp } = {}): Promise<IBundleSizes> {
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
    initialInputs: inputsOf(initial),
    openings: {}
  };
  for (const name of Object.keys(openings)) {
    const part: string | undefined = outputs.filter((o) => openings[name].test(result.metafile.outputs[o].entryPoint || '') && o !== entryOutput)[0];
    if (!part) {
      throw new Error(`No part of ${entry} loaded on first use matches ${String(openings[name])} (the "${name}" opening).`);
    }
    const opening: Set<string> = new Set<string>([...Array.from(initial), ...Array.from(closure([part]))]);
    sizes.openings[name] = { kb: size(Array.from(opening)), inputs: inputsOf(opening) };
  }
  return sizes;
}
