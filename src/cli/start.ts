/**
 * npm start: the local stack on the embedded default — the SharePoint/Graph emulator seeded with
 * the real programme, and the pages that run against it.
 */
import * as path from 'path';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../fixtures/improvementPlanPhase2';
import type { IEmuRequest, IEmuResponse } from '../emulator/http';
import { projectRoot, startEmulator, type Emulator } from '../emulator/server';
import { intOption, rateOption, readArgs, UsageError, type OptionSpec } from './args';
import { landingPage, type ILocalApp } from './landing';
import { staticFile } from './webFiles';
import { installMessageWords } from '../ui/messages';
import { installRightsWords } from '../ui/rightsWords';
import { installWriteWords } from '../ui/writeWords';

// The product's messages in the words the dashboard uses, and the texts the writes put into the
// lists (the seed's locked periods' snapshots, a new programme's RAG key): the writes refuse to
// write without them.
installMessageWords();
installRightsWords();
installWriteWords();

const USAGE: string = `Usage: npm start -- [options]
  --port <n>          port (default 4321, or the PORT environment variable)
  --reset             delete the local data and seed the programme again
  --empty             no programme: the lists provisioned and empty, the site's people
                      with you (the first) as the programme office, to set a programme up
                      in the dashboard (with --reset, or a new --data folder)
  --data <folder>     where the data lives (default .data in the project)
  --threshold <n>     list view threshold (default 5000)
  --throttle <share>  answer this share of requests 429 with Retry-After (0 to 1)
  --status <429|503>  the status throttled requests get (default 429)
  --latency <ms>      add this delay to every SharePoint and Graph response
  --poisoned-batch    SharePoint $batch: parts after a failed one answer 500
                      IndexOutOfRangeException (pnp/pnpjs #486, #1275)
  --plain-graph-threshold
                      Graph answers a query over the list view threshold with a plain
                      429 "The request has been throttled" (msgraph-sdk-dotnet #827)
  --time-zone <name>  the sites' regional time zone: london (default), eastern,
                      pacific, hawaii or tokyo
  --verbose           print one line per request
  --help              show this`;

/** The options `npm start` takes. */
export const START_OPTIONS = {
  port: { type: 'string' },
  reset: { type: 'boolean' },
  empty: { type: 'boolean' },
  data: { type: 'string' },
  threshold: { type: 'string' },
  throttle: { type: 'string' },
  status: { type: 'string' },
  latency: { type: 'string' },
  'poisoned-batch': { type: 'boolean' },
  'plain-graph-threshold': { type: 'boolean' },
  'time-zone': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean' }
} as const satisfies OptionSpec;

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), START_OPTIONS);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port: number = intOption(args.port, 'port', process.env.PORT ? Number(process.env.PORT) : 4321);
  const dataDir: string = path.resolve(args.data || path.join(projectRoot(), '.data'));
  const status: number = intOption(args.status, 'status', 429);
  if (status !== 429 && status !== 503) {
    throw new UsageError('--status must be 429 or 503.');
  }
  const webRoot: string = path.join(projectRoot(), 'dist', 'web');
  const apps: ILocalApp[] = [
    { path: '/', title: 'Programme dashboard', description: 'the SharePoint web part and Teams tab, as any of the site\u2019s people' },
    { path: '/addin/taskpane.html', title: 'Word add-in', description: 'the task pane; outside Word it previews the report and downloads it as a .docx' }
  ];
  // The stack page describes the emulator, which exists only once it has started.
  const started: { emulator?: Emulator } = {};
  const pages = (req: IEmuRequest): IEmuResponse | undefined => {
    if (req.url.pathname === '/local' && started.emulator) {
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: landingPage(started.emulator, apps) };
    }
    return staticFile(webRoot, req.url.pathname === '/' ? '/index.html' : req.url.pathname);
  };
  const running: Emulator = await startEmulator({
    dataDir,
    port,
    host: '127.0.0.1',
    reset: args.reset === true,
    // An empty start has the seed's people (and groups), but none of its programme.
    seed: args.empty ? false : IMPROVEMENT_PLAN_PHASE_2,
    users: IMPROVEMENT_PLAN_PHASE_2.users,
    threshold: intOption(args.threshold, 'threshold', 5000, 1),
    timeZone: args['time-zone'],
    faults: {
      rate: rateOption(args.throttle, 'throttle', 0),
      status: status as 429 | 503,
      latencyMs: intOption(args.latency, 'latency', 0),
      poisonedBatch: args['poisoned-batch'] === true,
      plainGraphThreshold: args['plain-graph-threshold'] === true
    },
    pages,
    log: args.verbose ? (line: string) => console.log(line) : undefined
  });
  started.emulator = running;
  console.log(`Programme Highlights local stack on ${running.url}/`);
  console.log(`  Dashboard        ${running.url}/   (the web part, as any of the site's people)`);
  console.log(`  Word add-in      ${running.url}/addin/taskpane.html`);
  console.log(`  Stack details    ${running.url}/local`);
  console.log(`  SharePoint REST  ${running.siteUrl}/_api/…`);
  console.log(`  Microsoft Graph  ${running.url}/v1.0/…  (and ${running.httpsUrl}/v1.0/…)`);
  console.log(`  Data             ${dataDir}${running.seeded ? ` (seeded ${running.seeded.items} items)` : running.emptyStart ? ' (no programme: set it up in the dashboard)' : ''}`);
  console.log(`  Acting as        ${running.defaultUser.name} unless a request says "Authorization: Bearer <login>"`);
  if (args.empty && !running.emptyStart) {
    console.log(`  Note             ${dataDir} already holds a programme: --empty starts empty only with --reset or a new --data folder.`);
  }
  console.log('Press Ctrl-C to stop.');
  let stopping: boolean = false;
  const stop = (): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log('\nStopping…');
    running.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Only when run, not when a test imports the options.
if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    // A command line it cannot read is a usage error (2), as for other command-line tools.
    process.exit(e instanceof UsageError ? 2 : 1);
  });
}
