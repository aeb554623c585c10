/**
 * npm run export -- --site <site url> --out <file.xlsx|file.json>
 *
 * Writes the whole programme: as .json everything (period snapshots and history too), for backup
 * and for moving between tenants; as .xlsx a workbook people can read and fill in, one sheet per
 * list (see src/cli/workbook.ts for what a workbook leaves out).
 */
import * as fs from 'fs';
import * as path from 'path';
import { isDataError } from '../data/errors';
import { exportSite } from '../data/exchange/transfer';
import type { IExchangeFile } from '../data/exchange/tables';
import { writeWorkbook } from '../data/exchange/workbook';
import { IMPORT_WORKBOOK_WORDS } from '../ui/workbookWords';
import type { IRowTransport } from '../data/transport';
import { readArgs, requiredOptions, UsageError, type OptionSpec } from './args';
import { formatOf } from './exchangeFormat';
import { connectToSite, siteConnection, SITE_OPTIONS, SITE_USAGE } from './graphSite';
import { installMessageWords } from '../ui/messages';
import { installRightsWords } from '../ui/rightsWords';
import { installWriteWords } from '../ui/writeWords';
import { installSiteFileWords } from '../ui/siteFileWords';

// The product's messages, in the words the dashboard and the task pane use.
installMessageWords();
installRightsWords();
installWriteWords();
installSiteFileWords();

const USAGE: string = `Usage: npm run export -- --site <site url> --out <file.xlsx|file.json>
  --site     the programme's site, e.g. http://localhost:4321/sites/improvement (the local stack)
             or https://contoso.sharepoint.com/sites/iib (with --token)
  --out      the file to write: .json (everything) or .xlsx (a workbook: no period snapshots or history)
${SITE_USAGE}`;

/** The options `npm run export` takes. */
export const EXPORT_OPTIONS = {
  ...SITE_OPTIONS,
  out: { type: 'string' }
} as const satisfies OptionSpec;

/** The export as the bytes of a file of that format. */
export async function exportBytes(file: IExchangeFile, format: 'json' | 'xlsx'): Promise<Uint8Array> {
  return format === 'json' ? new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`) : writeWorkbook(file, IMPORT_WORKBOOK_WORDS);
}

/** Exports a site into a file; returns how many items per list. */
export async function exportToFile(transport: IRowTransport, out: string): Promise<{ [list: string]: number }> {
  const format: 'json' | 'xlsx' = formatOf(out);
  const file: IExchangeFile = await exportSite(transport);
  const bytes: Uint8Array = await exportBytes(file, format);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, bytes);
  const counts: { [list: string]: number } = {};
  for (const title of Object.keys(file.lists)) {
    counts[title] = file.lists[title].length;
  }
  return counts;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), EXPORT_OPTIONS);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const { out } = requiredOptions(args, ['site', 'out'], USAGE);
  formatOf(out);
  const repository = await connectToSite(siteConnection(args));
  const counts = await exportToFile(repository.listTransport(), out);
  console.log(`Wrote ${out}:`);
  for (const title of Object.keys(counts)) {
    console.log(`  ${title}: ${counts[title]}`);
  }
  if (formatOf(out) === 'xlsx') {
    console.log('A workbook leaves out period snapshots and history (what the Board saw for a locked period): export to .json to keep them.');
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(isDataError(e) ? e.message : e instanceof Error ? e.message : String(e));
    process.exit(e instanceof UsageError ? 2 : 1);
  });
}
