/**
 * The command lines of `npm start`, `npm run report` and `npm run bench`, read with Node's own
 * `util.parseArgs` in strict mode: an option a command does not have (`--thresold`), a value
 * missing after an option that needs one, or a stray argument is refused with a clear message
 * naming it (and the option meant, when one is close), never silently ignored.
 */
import { parseArgs as parseNodeArgs } from 'node:util';

/** The options a command takes: each a flag (`boolean`) or an option with a value (`string`). */
export type OptionSpec = { readonly [name: string]: { readonly type: 'string' | 'boolean' } };

/** The options given on a command line, by name. */
export type OptionValues<S extends OptionSpec> = { [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : string };

/** A command line the command cannot read; its message says what is wrong and how to get help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
    Object.setPrototypeOf(this, UsageError.prototype);
  }
}

/**
 * Edits between two words — a letter added, dropped, changed, or two side by side swapped — for
 * suggesting the option meant ("prot" is one edit from "port").
 */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_r, i) => Array.from({ length: b.length + 1 }, (_c, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i: number = 1; i <= a.length; i++) {
    for (let j: number = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** The option closest to a mistyped one, when one is close enough to be what was meant. */
function closest(name: string, spec: OptionSpec): string | undefined {
  const ranked: Array<[string, number]> = Object.keys(spec)
    .map((o): [string, number] => [o, distance(name, o)])
    .sort((a, b) => a[1] - b[1]);
  return ranked.length > 0 && ranked[0][1] <= Math.max(1, Math.floor(ranked[0][0].length / 3)) ? ranked[0][0] : undefined;
}

/**
 * Reads a command line (argv without node and the script) against the options a command takes.
 * @throws UsageError for an unknown option, an option without its value, a value given to a
 * flag, or an argument that is not an option.
 */
export function readArgs<S extends OptionSpec>(argv: readonly string[], spec: S): OptionValues<S> {
  return readArgsAndFiles(argv, spec, 0).values;
}

/**
 * Like {@link readArgs}, for a command that also takes up to `files` plain arguments (the file
 * `npm run import` reads); one more is refused as readArgs refuses any.
 */
export function readArgsAndFiles<S extends OptionSpec>(argv: readonly string[], spec: S, files: number): { values: OptionValues<S>; files: string[] } {
  try {
    const { values, positionals } = parseNodeArgs({ args: [...argv], options: spec, strict: true, allowPositionals: files > 0 });
    if (positionals.length > files) {
      throw new UsageError(`Unexpected argument "${positionals[files]}": ${files === 1 ? 'one file is read at a time' : 'options start with --'}. Run with --help to see the options.`);
    }
    return { values: values as OptionValues<S>, files: positionals };
  } catch (e) {
    if (e instanceof UsageError) {
      throw e;
    }
    const code: string | undefined = (e as { code?: string }).code;
    const message: string = e instanceof Error ? e.message : String(e);
    const help: string = 'Run with --help to see the options.';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given: string = (/'(-{1,2}[^'=\s]+)/.exec(message) || [])[1] || '';
      const meant: string | undefined = closest(given.replace(/^-+/, ''), spec);
      throw new UsageError(`Unknown option ${given || '(unreadable)'}.${meant ? ` Did you mean --${meant}?` : ''} ${help}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const given: string = (/Option '(?:-\w, )?(--[^' <]+)/.exec(message) || [])[1] || 'an option';
      const flag: boolean = given !== 'an option' && spec[given.replace(/^--/, '')]?.type === 'boolean';
      throw new UsageError(flag ? `${given} takes no value. ${help}` : `${given} needs a value. ${help}`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const given: string = (/'([^']*)'/.exec(message) || [])[1] || '';
      throw new UsageError(`Unexpected argument "${given}": options start with --. ${help}`);
    }
    throw new UsageError(`${message} ${help}`);
  }
}

/**
 * The options a command cannot run without, checked in the order named, as values.
 * @throws UsageError naming the first one not given, followed by the command's usage.
 */
export function requiredOptions<K extends string>(values: { readonly [name in K]?: string | boolean }, names: readonly K[], usage: string): { [name in K]: string } {
  for (const name of names) {
    if (typeof values[name] !== 'string' || values[name] === '') {
      throw new UsageError(`--${name} is needed.\n${usage}`);
    }
  }
  return values as { [name in K]: string };
}

/** A whole number option, or the default; refuses anything else with a plain message. */
export function intOption(raw: string | undefined, name: string, fallback: number, min: number = 0): number {
  if (raw === undefined) {
    return fallback;
  }
  const n: number = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${raw}".`);
  }
  return n;
}

/** A number option between 0 and 1. */
export function rateOption(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) {
    return fallback;
  }
  const n: number = Number(raw);
  if (raw.trim() === '' || !(n >= 0 && n <= 1)) {
    throw new UsageError(`--${name} must be a share between 0 and 1, not "${raw}".`);
  }
  return n;
}
