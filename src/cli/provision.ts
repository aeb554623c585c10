/**
 * npm run provision -- --site <site url> [--check] [--as <login>] [--token <token>]
 *
 * Creates the programme's lists on a site, or brings an older site's lists up to the current
 * schema (missing columns and indexes; nothing is ever removed), printing each change and a
 * summary. Running it again changes nothing. The same code serves the dashboard's "Set up this
 * site" (src/data/provisioning/provision.ts).
 */
import { parseArgs } from 'node:util';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { InjectHeaders } from '@pnp/queryable';
import { isDataError } from '../data/errors';
import { describeStep } from '../data/provisioning/plan';
import { checkSite, provisionSite } from '../data/provisioning/provision';
import { summaryLines } from '../ui/provisionWords';
import { LIST_SCHEMAS } from '../data/provisioning/schema';
import { installMessageWords } from '../ui/messages';
import { installRightsWords } from '../ui/rightsWords';
import { installWriteWords } from '../ui/writeWords';
import { installSiteFileWords } from '../ui/siteFileWords';

// The product's messages, in the words the dashboard and the task pane use.
installMessageWords();
installRightsWords();
installWriteWords();
installSiteFileWords();

const USAGE: string = `Usage: npm run provision -- --site <site url> [--check] [--as <login>] [--token <token>]
  --site     the site to provision, e.g. http://localhost:4321/sites/gov (the local stack)
             or https://contoso.sharepoint.com/sites/improvement (with --token)
  --check    say what would change, and change nothing (exits 1 when the site is out of date)
  --as       local stack only: the login to act as (a site owner or the programme office)
  --token    a tenant: a SharePoint access token of a site owner (or set SHAREPOINT_TOKEN),
             e.g. from "m365 util accesstoken get --resource https://contoso.sharepoint.com"
  --help     this text`;

/** The command line, read strictly: an unknown option or a missing value is an error, not a guess. */
export interface IProvisionArgs {
  site: string;
  check: boolean;
  login?: string;
  token?: string;
  help: boolean;
}

/**
 * Reads the arguments.
 * @throws Error with a message for the person at the terminal.
 */
export function readProvisionArgs(argv: string[], env: { [key: string]: string | undefined } = {}): IProvisionArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      site: { type: 'string' },
      check: { type: 'boolean', default: false },
      as: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', default: false }
    }
  });
  if (positionals.length > 0) {
    throw new Error(`Unexpected argument "${positionals[0]}".`);
  }
  if (values.help) {
    return { site: '', check: false, help: true };
  }
  if (!values.site) {
    throw new Error('--site is required.');
  }
  let url: URL;
  try {
    url = new URL(values.site);
  } catch {
    throw new Error(`"${values.site}" is not a site URL; give one like http://localhost:4321/sites/gov.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`"${values.site}" is not a site URL; give an http or https address.`);
  }
  const local: boolean = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  const token: string | undefined = values.token || env.SHAREPOINT_TOKEN || undefined;
  if (!local && !token) {
    throw new Error('A tenant needs a SharePoint access token: --token or SHAREPOINT_TOKEN.');
  }
  if (!local && url.protocol !== 'https:') {
    throw new Error(`"${values.site}": a tenant's site is https.`);
  }
  return { site: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, check: !!values.check, login: values.as, token, help: false };
}

/** PnPjs for the site, as the login (local stack) or with the token (tenant). */
export function spForProvisioning(args: IProvisionArgs): SPFI {
  const bearer: string | undefined = args.token || args.login;
  const sp: SPFI = spfi(args.site).using(SPBrowser({ baseUrl: args.site }));
  return bearer ? sp.using(InjectHeaders({ Authorization: `Bearer ${bearer}` })) : sp;
}

/**
 * Runs the command: prints progress and the summary through `print`.
 * @returns the process's exit code.
 */
export async function runProvision(argv: string[], print: (line: string) => void, env: { [key: string]: string | undefined } = {}): Promise<number> {
  let args: IProvisionArgs;
  try {
    args = readProvisionArgs(argv, env);
  } catch (e) {
    print((e as Error).message);
    print(USAGE);
    return 2;
  }
  if (args.help) {
    print(USAGE);
    return 0;
  }
  const sp: SPFI = spForProvisioning(args);
  try {
    if (args.check) {
      const plan = await checkSite(sp, LIST_SCHEMAS);
      for (const step of plan.steps) {
        print(`would ${describeStep(step)}`);
      }
      for (const w of plan.warnings) {
        print(`left alone: ${w}`);
      }
      print(plan.steps.length === 0 ? `${args.site}: every list is up to date.` : `${args.site}: ${plan.steps.length} change(s) to make; run without --check to make them.`);
      return plan.steps.length === 0 ? 0 : 1;
    }
    print(`Provisioning the programme's lists on ${args.site}…`);
    const summary = await provisionSite(sp, args.site, {
      schemas: LIST_SCHEMAS,
      onProgress: (message, done, total) => print(`[${done + 1}/${total}] ${message}`)
    });
    for (const line of summaryLines(summary)) {
      print(line);
    }
    return 0;
  } catch (e) {
    print(`Provisioning stopped: ${isDataError(e) ? e.message : e instanceof Error ? e.message : String(e)}`);
    if (isDataError(e) && e.serverMessage) {
      // The person running this is setting up SharePoint: SharePoint's own words help them.
      print(`SharePoint said (${e.status || '?'}): ${e.serverMessage}`);
    }
    print('What was done so far is kept; run the command again to carry on.');
    return 1;
  }
}

if (require.main === module) {
  runProvision(process.argv.slice(2), (line) => console.log(line), process.env).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    }
  );
}
