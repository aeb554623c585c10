/**
 * The real `npm start` for browser tests: the built dist/node/start.js in its own process, on a
 * free port, with its own data folder, seeded afresh.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A running local stack. */
export interface ILocalStack {
  url: string;
  dataDir: string;
  /** Everything the process printed. */
  output(): string;
  stop(): Promise<number | null>;
}

const ROOT: string = path.resolve(__dirname, '../../..');

/** Starts the local stack as `npm start` does (the build is done by the tests' global setup). */
export async function startLocalStack(extraArgs: string[] = []): Promise<ILocalStack> {
  const script: string = path.join(ROOT, 'dist', 'node', 'start.js');
  if (!fs.existsSync(script) || !fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/node/start.js or dist/web is missing: the tests\' global setup builds them (node config/build.mjs node web).');
  }
  const dataDir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [script, '--port', '0', '--data', dataDir, '--reset', ...extraArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed: string = '';
  child.stdout?.on('data', (d: Buffer) => (printed += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (printed += d.toString()));
  const url: string = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The local stack did not start within 20 s:\n${printed}`)), 20000);
    const check = (): void => {
      const m: RegExpExecArray | null = /local stack on (http:\/\/[^/\s]+)\//.exec(printed);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The local stack exited with ${code}:\n${printed}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => printed,
    stop: () =>
      new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) {
          resolve(child.exitCode);
          return;
        }
        child.once('exit', (code) => resolve(code));
        child.kill('SIGINT');
      })
  };
}
