/**
 * npm run import -- --site <site url> <file.xlsx|file.json>
 *
 * Brings a programme's history into a site from a workbook or a .json export. The whole file is
 * checked first — against the lists' columns, their choices and lengths, real dates, the site's
 * people, and the workstreams and periods rows name — and every problem is listed by sheet, row
 * and column; nothing is written unless there is none. Each row is created once: a row with a
 * request key (or a workstream with its code, a period with its title) already on the site is
 * passed over, so the import can be run again after a failure.
 */
import * as fs from 'fs';
import { isDataError } from '../data/errors';
import { importSource, ImportRefused, jsonSource, planImport, type IImportProgress, type IImportSummary, type ISource } from '../data/exchange/transfer';
import { readWorkbook } from '../data/exchange/workbook';
import type { IRowTransport } from '../data/transport';
import { readArgsAndFiles, UsageError, type OptionSpec } from './args';
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

const USAGE: string = `Usage: npm run import -- --site <site url> <file.xlsx|file.json>
  --site     the site to import into, e.g. http://localhost:4321/sites/improvement (the local stack)
             or https://contoso.sharepoint.com/sites/iib (with --token)
  --check    check the file against the site and list its problems; write nothing
${SITE_USAGE}`;

/** The options `npm run import` takes. */
export const IMPORT_OPTIONS = {
  ...SITE_OPTIONS,
  check: { type: 'boolean' }
} as const satisfies OptionSpec;

/** A file's tables, read by its format. */
export async function readSourceFile(file: string): Promise<ISource> {
  const format: 'json' | 'xlsx' = formatOf(file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(`Could not read ${file}: ${(e as Error).message}`);
  }
  if (format === 'xlsx') {
    return readWorkbook(new Uint8Array(bytes));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    return { rowWord: 'item', tables: [], problems: [{ sheet: '(file)', message: `is not JSON: ${(e as Error).message}` }] };
  }
  return jsonSource(parsed);
}

/** The summary an import ends with. */
export function describeSummary(summary: IImportSummary): string {
  const lines: string[] = summary.lists.filter((l) => l.created + l.alreadyThere > 0).map((l) => `  ${l.title}: ${l.created} created${l.alreadyThere ? `, ${l.alreadyThere} already there` : ''}`);
  return [`Imported: ${summary.created} items created, ${summary.alreadyThere} already on the site.`, ...lines, ...summary.notes.map((n) => `Note: ${n}`)].join('\n');
}

/** Imports a file into a site, reporting progress; throws ImportRefused (nothing written) on problems. */
export async function importFile(transport: IRowTransport, file: string, progress?: (p: IImportProgress) => void): Promise<IImportSummary> {
  return importSource(transport, await readSourceFile(file), progress);
}

async function main(): Promise<void> {
  const { values: args, files } = readArgsAndFiles(process.argv.slice(2), IMPORT_OPTIONS, 1);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!args.site || files.length === 0) {
    throw new UsageError(`${!args.site ? '--site' : 'The file to import'} is needed.\n${USAGE}`);
  }
  formatOf(files[0]);
  const repository = await connectToSite(siteConnection(args));
  const transport: IRowTransport = repository.listTransport();
  const source: ISource = await readSourceFile(files[0]);
  if (args.check) {
    const plan = await planImport(transport, source);
    if (plan.problems.length > 0) {
      throw new ImportRefused(plan.problems, source.rowWord);
    }
    console.log(`${files[0]} can be imported: ${plan.steps.reduce((n, s) => n + s.create.length, 0)} items to create, ${plan.steps.reduce((n, s) => n + s.alreadyThere, 0)} already there.`);
    return;
  }
  const summary: IImportSummary = await importSource(transport, source, (p: IImportProgress) => {
    if (p.total > 0 && p.done > 0) {
      console.log(`${p.list}: ${p.done} of ${p.total}`);
    }
  });
  console.log(describeSummary(summary));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(isDataError(e) ? e.message : e instanceof Error ? e.message : String(e));
    process.exit(e instanceof UsageError ? 2 : 1);
  });
}
