/**
 * npm run report -- --site <site url> [--period <title or id>] --out <file.docx>
 *
 * Writes the whole programme highlight report for a period (the latest by default) as a Word
 * document, content controls included, so that the Word add-in can later refresh a paper that
 * began life here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BOARD_READER, checkReadiness, latestPeriod, pictureSeenBy, type IPeriod, type IPeriodPicture, type IPhase } from '../domain';
import { isDataError } from '../data/errors';
import type { IProgrammeRepository } from '../data/repository';
import { buildCloseDownBlock, buildDocx, buildProgrammeReport, draftHeader } from '../report';
import type { ProgrammeRepository } from '../data/ProgrammeRepository';
import { closeDownThemes } from '../data/PhaseRepository';
import { readArgs, requiredOptions, UsageError, type OptionSpec } from './args';
import { connectToSite, siteConnection, SITE_OPTIONS, SITE_USAGE } from './graphSite';
import { installMessageWords } from '../ui/messages';
import { installRightsWords } from '../ui/rightsWords';
import { installWriteWords } from '../ui/writeWords';

// The product's messages, in the words the dashboard and the task pane use.
installMessageWords();
installRightsWords();
installWriteWords();

const USAGE: string = `Usage: npm run report -- --site <site url> [--period <title or id>] [--board] --out <file.docx>
       npm run report -- --site <site url> --closedown [--phase <title or id>] --out <file.docx>
  --site     the programme's site, e.g. http://localhost:4321/sites/improvement (the local stack)
             or https://contoso.sharepoint.com/sites/iib (with --token)
  --period   the period's title ("November/December 2023") or id; the latest by default
  --board    the Board's version: of an open period, approved reports only (the others say they
             await approval); a locked period's report is the same either way
  --closedown  write a phase's close-down table with its colour key instead of a period's report
  --phase    with --closedown: the phase's title ("Phase 2") or id; the latest closing or closed one by default
  --out      the Word document to write
${SITE_USAGE}`;

/** The options `npm run report` takes. */
export const REPORT_OPTIONS = {
  ...SITE_OPTIONS,
  period: { type: 'string' },
  board: { type: 'boolean' },
  closedown: { type: 'boolean' },
  phase: { type: 'string' },
  out: { type: 'string' }
} as const satisfies OptionSpec;

/** Finds a period by id or title (case and spacing ignored). */
export function choosePeriod(periods: IPeriod[], wanted: string | undefined): IPeriod {
  if (periods.length === 0) {
    throw new Error('The site has no reporting periods yet: the programme office sets the programme and its first period up in the dashboard.');
  }
  if (!wanted) {
    return latestPeriod(periods) as IPeriod;
  }
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const found: IPeriod | undefined = periods.filter((p) => String(p.id) === wanted.trim() || norm(p.title) === norm(wanted))[0];
  if (!found) {
    throw new Error(`There is no period "${wanted}". The periods are: ${periods.map((p) => `"${p.title}" (${p.id})`).join(', ')}.`);
  }
  return found;
}

/**
 * Writes the report; returns what it wrote, for the caller to print.
 * @param board - the Board's version: reports not yet approved in an open period are left out
 *   (domain/visibility.ts), their places saying they await approval.
 */
export async function writeReport(
  repository: IProgrammeRepository,
  periodWanted: string | undefined,
  out: string,
  board: boolean = false
): Promise<{ period: IPeriod; blocks: number; bytes: number; findings: number; withheld: number }> {
  const period: IPeriod = choosePeriod(await repository.getPeriods(), periodWanted);
  const whole: IPeriodPicture = await repository.getPeriodPicture(period.id);
  const picture: IPeriodPicture = board ? pictureSeenBy(BOARD_READER, whole) : whole;
  const blocks = buildProgrammeReport(picture);
  const docx: Uint8Array = await buildDocx(blocks, { title: `${picture.programme.title} – ${period.title}`, header: draftHeader(picture) });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, docx);
  return { period, blocks: blocks.length, bytes: docx.length, findings: checkReadiness(whole).length, withheld: (picture.withheld || []).length };
}

/**
 * Finds a phase by id or title (case and spacing ignored); by default the latest phase that is
 * closing or closed, else the latest.
 */
export function choosePhase(phases: IPhase[], wanted: string | undefined): IPhase {
  if (phases.length === 0) {
    throw new Error('The site has no phases yet.');
  }
  if (!wanted) {
    const ending: IPhase[] = phases.filter((p) => p.state !== 'Open');
    return (ending.length > 0 ? ending : phases)[(ending.length > 0 ? ending : phases).length - 1];
  }
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const found: IPhase | undefined = phases.filter((p) => String(p.id) === wanted.trim() || norm(p.title) === norm(wanted))[0];
  if (!found) {
    throw new Error(`There is no phase "${wanted}". The phases are: ${phases.map((p) => `"${p.title}" (${p.id})`).join(', ')}.`);
  }
  return found;
}

/** Writes a phase's close-down table; returns what it wrote, for the caller to print. */
export async function writeCloseDown(repository: ProgrammeRepository, phaseWanted: string | undefined, out: string): Promise<{ phase: IPhase; rows: number; bytes: number; findings: number }> {
  const phases = repository.phases();
  const phase: IPhase = choosePhase((await phases.getPhases()).phases, phaseWanted);
  const closeDown = await phases.getCloseDown(phase.id);
  // Destination themes may be the next phase's: every workstream is named from the whole list.
  const workstreams = (await repository.getProgrammeSummary()).workstreams;
  const block = buildCloseDownBlock({ phase: closeDown.phase, items: closeDown.items, workstreams: closeDownThemes(closeDown, workstreams) });
  const docx: Uint8Array = await buildDocx([block], { title: block.title });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, docx);
  return { phase, rows: closeDown.items.length, bytes: docx.length, findings: closeDown.findings.length };
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), REPORT_OPTIONS);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const { out } = requiredOptions(args, ['site', 'out'], USAGE);
  const repository = await connectToSite(siteConnection(args));
  if (args.closedown) {
    const written = await writeCloseDown(repository, args.phase, out);
    console.log(`Wrote ${out}: the close-down of ${written.phase.title}, ${written.rows} rows, ${Math.round(written.bytes / 1024)} KB.`);
    if (written.findings > 0) {
      console.log(`Readiness: ${written.findings} findings to look at before the close-down is locked.`);
    }
    return;
  }
  if (args.phase) {
    throw new UsageError(`--phase goes with --closedown.\n${USAGE}`);
  }
  const result = await writeReport(repository, args.period, out, !!args.board);
  console.log(`Wrote ${out}: ${result.period.title}, ${result.blocks} blocks, ${Math.round(result.bytes / 1024)} KB.`);
  if (result.withheld > 0) {
    console.log(`The Board's version: ${result.withheld} workstream reports not yet approved are left out and marked as awaiting approval.`);
  }
  if (result.findings > 0) {
    console.log(`Readiness: ${result.findings} findings to look at before this goes to the Board (see the dashboard or the Word add-in).`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(isDataError(e) ? e.message : e instanceof Error ? e.message : String(e));
    process.exit(e instanceof UsageError ? 2 : 1);
  });
}
