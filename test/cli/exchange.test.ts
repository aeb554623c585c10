/**
 * `npm run export` and `npm run import` as an officer runs them: the built commands as separate
 * processes against a local stack over HTTP — the command lines they take and refuse, progress
 * and a summary, and a bad file refused with its problems listed and nothing written.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { readArgsAndFiles, UsageError } from '../../src/cli/args';
import { formatOf } from '../../src/cli/exchangeFormat';
import { IMPORT_OPTIONS } from '../../src/cli/import';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { startStack, useSharedCertificate } from '../data/support/stack';

jest.setTimeout(120000);

const ROOT: string = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** Runs a built command; gives its exit code and output whatever the code. */
async function cli(name: 'export' | 'import', args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const script: string = path.join(ROOT, 'dist/node', `${name}.js`);
  if (!fs.existsSync(script)) {
    throw new Error(`${script} is missing: the tests' global setup builds it (node config/build.mjs node).`);
  }
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('the command lines', () => {
  it('take one file to import and refuse a second, an unknown option, and a format they do not write', () => {
    expect(readArgsAndFiles(['--site', 'http://localhost:1/sites/x', 'a.xlsx'], IMPORT_OPTIONS, 1)).toEqual({ values: { site: 'http://localhost:1/sites/x' }, files: ['a.xlsx'] });
    expect(() => readArgsAndFiles(['a.xlsx', 'b.xlsx'], IMPORT_OPTIONS, 1)).toThrow(/Unexpected argument "b.xlsx": one file is read at a time/);
    expect(() => readArgsAndFiles(['--sit', 'x', 'a.xlsx'], IMPORT_OPTIONS, 1)).toThrow(/Unknown option --sit\. Did you mean --site\?/);
    expect(() => formatOf('programme.csv')).toThrow(UsageError);
    expect(formatOf('Programme.XLSX')).toBe('xlsx');
  });
});

describe('npm run export and npm run import', () => {
  let seeded: Emulator;
  let empty: Emulator;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-exchange-'));
    seeded = await startStack();
    const dataDir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-empty-'));
    await useSharedCertificate(dataDir);
    empty = await startEmulator({ seed: false, users: IMPROVEMENT_PLAN_PHASE_2.users, dataDir });
  });

  afterAll(async () => {
    await seeded.close();
    await empty.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('export a workbook, refuse a spoilt copy naming the problem, then import it with progress and a summary, and again as a no-op', async () => {
    const xlsx: string = path.join(dir, 'programme.xlsx');
    const exported = await cli('export', ['--site', seeded.siteUrl, '--out', xlsx]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Status Reports: \d+/);
    expect(exported.stdout).toMatch(/export to \.json to keep them/);

    const json: string = path.join(dir, 'bad.json');
    const file = JSON.parse(fs.readFileSync(await (async () => {
      const out: string = path.join(dir, 'programme.json');
      expect((await cli('export', ['--site', seeded.siteUrl, '--out', out])).code).toBe(0);
      return out;
    })(), 'utf8'));
    file.lists['Reporting Periods'][0].PeriodEnd = '31/06/23';
    fs.writeFileSync(json, JSON.stringify(file));
    const refused = await cli('import', ['--site', empty.siteUrl, json]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/nothing was written/);
    expect(refused.stderr).toMatch(/Sheet "Reporting Periods", item 1, column "End": "31\/06\/23"/);

    const checked = await cli('import', ['--site', empty.siteUrl, '--check', xlsx]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/can be imported: \d+ items to create, 0 already there/);

    const imported = await cli('import', ['--site', empty.siteUrl, xlsx]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Workstreams: \d+ of \d+/);
    expect(imported.stdout).toMatch(/Imported: \d+ items created, 0 already on the site\./);

    const again = await cli('import', ['--site', empty.siteUrl, xlsx]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Imported: 0 items created, \d+ already on the site\./);
  });
});
