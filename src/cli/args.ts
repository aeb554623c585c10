/** A small reader of command-line options: --name value, --name=value and --flag. */

/** Options read from a command line. */
export interface IArgs {
  /** Named options; a flag without a value is "true". */
  named: { [name: string]: string };
  positional: string[];
}

/** Reads argv (without node and the script). */
export function parseArgs(argv: string[], flags: readonly string[] = []): IArgs {
  const named: { [name: string]: string } = {};
  const positional: string[] = [];
  for (let i: number = 0; i < argv.length; i++) {
    const a: string = argv[i];
    const m: RegExpExecArray | null = /^--([^=]+)(=(.*))?$/.exec(a);
    if (!m) {
      positional.push(a);
    } else if (m[2] !== undefined) {
      named[m[1]] = m[3];
    } else if (flags.indexOf(m[1]) >= 0 || i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
      named[m[1]] = 'true';
    } else {
      named[m[1]] = argv[++i];
    }
  }
  return { named, positional };
}

/** A whole number option, or the default; throws a plain message otherwise. */
export function intOption(args: IArgs, name: string, fallback: number, min: number = 0): number {
  const raw: string | undefined = args.named[name];
  if (raw === undefined) {
    return fallback;
  }
  const n: number = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`--${name} must be a whole number of at least ${min}, not "${raw}".`);
  }
  return n;
}

/** A number option between 0 and 1. */
export function rateOption(args: IArgs, name: string, fallback: number): number {
  const raw: string | undefined = args.named[name];
  if (raw === undefined) {
    return fallback;
  }
  const n: number = Number(raw);
  if (!(n >= 0 && n <= 1)) {
    throw new Error(`--${name} must be a share between 0 and 1, not "${raw}".`);
  }
  return n;
}
