/**
 * The command lines of npm start, npm run report and npm run bench, read with Node's
 * util.parseArgs in strict mode: a mistyped option (`--thresold`) is refused with a message
 * naming it and the option meant, never ignored; `--help` still prints each command's options.
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { intOption, rateOption, readArgs, requiredOptions, UsageError } from '../../src/cli/args';
import { START_OPTIONS } from '../../src/cli/start';
import { REPORT_OPTIONS } from '../../src/cli/report';
import { benchScope } from '../../src/cli/bench';

const run = promisify(execFile);
const ROOT: string = path.resolve(__dirname, '../..');

/** What reading a command line threw. */
function refusal(argv: string[], spec: Parameters<typeof readArgs>[1] = START_OPTIONS): UsageError {
  try {
    readArgs(argv, spec);
  } catch (e) {
    if (e instanceof UsageError) {
      return e;
    }
    throw e;
  }
  throw new Error(`${argv.join(' ')} was accepted.`);
}

describe("npm run bench's scope", () => {
  it('measures everything, growth too, unless told; --screens names some, --no-growth leaves out the growth runs', () => {
    expect(benchScope([])).toEqual({ growth: true });
    expect(benchScope(['--screens', 'lock, newPeriod', '--no-growth'])).toEqual({ screens: ['lock', 'newPeriod'], growth: false });
    expect(benchScope(['--screens=programme'])).toEqual({ screens: ['programme'], growth: true });
  });

  it('refuses a screen it does not measure, and an empty list, naming the screens it does', () => {
    expect(() => benchScope(['--screens', 'lock,lok'])).toThrow(new UsageError('--screens: lok is not a screen the bench measures; it measures programme, programmeOffice, cycle, workstream, teamsTab, taskPane, save, lock, newPeriod.'));
    expect(() => benchScope(['--screens', ' , '])).toThrow(UsageError);
    expect(() => benchScope(['--screens'])).toThrow(UsageError);
  });
});

describe('reading a command line', () => {
  it('reads options with values, flags and --name=value', () => {
    expect(readArgs(['--port', '5000', '--reset', '--data=/tmp/x', '--throttle', '0.5'], START_OPTIONS)).toEqual({ port: '5000', reset: true, data: '/tmp/x', throttle: '0.5' });
    expect(readArgs([], START_OPTIONS)).toEqual({});
    expect(readArgs(['--site', 'http://localhost:4321/sites/improvement', '--out', 'r.docx', '--period', 'June 2023'], REPORT_OPTIONS)).toEqual({
      site: 'http://localhost:4321/sites/improvement',
      out: 'r.docx',
      period: 'June 2023'
    });
  });

  it('gives the options a command cannot run without, and names the first one missing (an empty value too) with the usage', () => {
    const args = readArgs(['--site', 'http://localhost:4321/sites/improvement', '--out', 'r.docx'], REPORT_OPTIONS);
    expect(requiredOptions(args, ['site', 'out'], 'Usage: here')).toMatchObject({ site: 'http://localhost:4321/sites/improvement', out: 'r.docx' });
    expect(() => requiredOptions(readArgs(['--out', 'r.docx'], REPORT_OPTIONS), ['site', 'out'], 'Usage: here')).toThrow(new UsageError('--site is needed.\nUsage: here'));
    expect(() => requiredOptions(readArgs(['--site', 'x', '--out='], REPORT_OPTIONS), ['site', 'out'], 'Usage: here')).toThrow(new UsageError('--out is needed.\nUsage: here'));
  });

  it('refuses a mistyped option, naming it and the option meant', () => {
    expect(refusal(['--thresold', '4000']).message).toBe('Unknown option --thresold. Did you mean --threshold? Run with --help to see the options.');
    expect(refusal(['--prot', '80']).message).toBe('Unknown option --prot. Did you mean --port? Run with --help to see the options.');
    expect(refusal(['--peroid', 'June 2023'], REPORT_OPTIONS).message).toContain('Did you mean --period?');
  });

  it('refuses an option nothing is close to without guessing', () => {
    expect(refusal(['--colour', 'blue']).message).toBe('Unknown option --colour. Run with --help to see the options.');
    expect(refusal(['-x']).message).toBe('Unknown option -x. Run with --help to see the options.');
  });

  it('refuses an option without its value, a flag with one, and stray arguments', () => {
    expect(refusal(['--port']).message).toBe('--port needs a value. Run with --help to see the options.');
    expect(refusal(['--threshold', '--reset']).message).toBe('--threshold needs a value. Run with --help to see the options.');
    expect(refusal(['--reset=yes']).message).toBe('--reset takes no value. Run with --help to see the options.');
    expect(refusal(['4321']).message).toBe('Unexpected argument "4321": options start with --. Run with --help to see the options.');
  });

  it('reads whole numbers and shares, refusing anything else by name', () => {
    expect(intOption(undefined, 'port', 4321)).toBe(4321);
    expect(intOption('5000', 'threshold', 5000, 1)).toBe(5000);
    expect(() => intOption('0', 'threshold', 5000, 1)).toThrow('--threshold must be a whole number of at least 1, not "0".');
    expect(() => intOption('', 'port', 4321)).toThrow('--port must be a whole number of at least 0, not "".');
    expect(() => intOption('4.5', 'latency', 0)).toThrow(UsageError);
    expect(rateOption('0.25', 'throttle', 0)).toBe(0.25);
    expect(() => rateOption('2', 'throttle', 0)).toThrow('--throttle must be a share between 0 and 1, not "2".');
  });
});

describe('the commands', () => {
  const node: string = process.execPath;
  // Built by the test run's global setup (config/build.mjs node).
  const script = (name: string): string => path.join(ROOT, 'dist/node', `${name}.js`);

  async function outcome(name: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(node, [script(name), ...argv], { cwd: ROOT, timeout: 30000 });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const failed = e as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it.each([
    ['start', ['--thresold', '4000'], 'Unknown option --thresold. Did you mean --threshold?'],
    ['report', ['--site', 'http://localhost:1/sites/x', '--out', 'x.docx', '--perod', '1'], 'Unknown option --perod. Did you mean --period?'],
    ['bench', ['--quick'], 'Unknown option --quick.'],
    ['bench', ['--screens', 'lock,newPeriods'], '--screens: newPeriods is not a screen the bench measures; it measures programme, programmeOffice, cycle, workstream, teamsTab, taskPane, save, lock, newPeriod.']
  ])('npm run %s refuses an unknown option with exit code 2 and says so, starting nothing', async (name, argv, words) => {
    const result = await outcome(name, argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['start', ['Usage: npm start -- [options]', '--threshold <n>', '--reset', '--help']],
    ['report', ['Usage: npm run report -- --site <site url>', '--period', '--token']],
    ['bench', ['Usage: npm run bench', '--screens <names>', '--no-growth']]
  ])('npm run %s --help prints its options and exits 0', async (name, lines) => {
    const result = await outcome(name, ['--help']);
    expect(result.code).toBe(0);
    for (const line of lines) {
      expect(result.stdout).toContain(line);
    }
  });

  it('npm run report says which option is missing', async () => {
    const result = await outcome('report', ['--site', 'http://localhost:1/sites/x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out is needed.');
  });
});
