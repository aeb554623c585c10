/**
 * npm test's and npm run test:reliability's runner of Jest (config/jest-run.js): a run whose tests
 * are done but whose process stays alive (a server or timer a test left open: on a two-core
 * machine every file runs in Jest's own process) is stopped soon after and reported, rather than
 * left to wait for ever; a run that ends by itself is left alone.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runJest } = require('../../config/jest-run.js') as {
  runJest: (args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; resultFile: string; lingerMs?: number; stdio?: 'inherit' | 'ignore' }) => Promise<{ status: number | null; lingered: boolean }>;
};

const project: string = path.join(__dirname, '..', 'support', 'lingering');

async function run(fixture: string): Promise<{ status: number | null; lingered: boolean; passed: number | undefined; ms: number }> {
  const resultFile: string = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ph-jest-run-')), 'result.json');
  const started: number = Date.now();
  const ended = await runJest([require.resolve('jest/bin/jest'), '--config', path.join(project, 'jest.config.js'), '--json', '--outputFile', resultFile, fixture], {
    cwd: path.resolve(project, '../../..'),
    env: process.env,
    resultFile,
    lingerMs: 2000,
    stdio: 'ignore'
  });
  const result: { numPassedTests?: number } = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : {};
  return { ...ended, passed: result.numPassedTests, ms: Date.now() - started };
}

describe("the runner of npm test's Jest", () => {
  it('stops a run whose tests are done but whose process stays alive, and says so', async () => {
    const r = await run('lingers.fixture.js');
    expect(r.passed).toBe(1);
    expect(r.lingered).toBe(true);
    expect(r.status).not.toBe(0);
    // Stopped about two seconds after its last test, not left to wait.
    expect(r.ms).toBeLessThan(20000);
  }, 60000);

  it('leaves a run that ends by itself alone', async () => {
    const r = await run('ends.fixture.js');
    expect(r.passed).toBe(1);
    expect(r.lingered).toBe(false);
    expect(r.status).toBe(0);
  }, 60000);
});
