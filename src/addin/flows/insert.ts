/** What the officer can insert, and the blocks each choice is made of. */
import { byOrder, reportingOptionsOf, tableTitle, type IPeriodPicture, type IReportingOptions, type IWorkstream } from '../../domain';
import { buildBlock, buildProgrammeReport } from '../../report/build';
import type { BlockKind, IBlock } from '../../report/model';
import { wordsFor } from '../../ui/format';
import { STRINGS } from '../loc/en-gb';

/** A programme-level choice. */
export type ProgrammeChoice = 'wholeReport' | 'statusTable' | 'overview' | 'keyRisks' | 'ragKey';
/** A choice about one workstream. */
export type WorkstreamChoice = 'workstreamSection' | 'sponsorComments' | 'milestonesThisPeriod' | 'milestonesNextPeriod' | 'risks';
/** Anything the pane can insert or preview. */
export type InsertChoice = ProgrammeChoice | WorkstreamChoice;

/** Programme-level choices, in the order the pane offers them. */
export const PROGRAMME_CHOICES: readonly ProgrammeChoice[] = ['statusTable', 'overview', 'keyRisks', 'ragKey', 'wholeReport'];
/** Workstream choices, in the order the pane offers them. */
export const WORKSTREAM_CHOICES: readonly WorkstreamChoice[] = ['workstreamSection', 'sponsorComments', 'milestonesThisPeriod', 'milestonesNextPeriod', 'risks'];

/**
 * Whether the programme uses what a choice inserts (its reporting options): a programme that does
 * not rate is not offered the status table or the RAG key; one without sponsor comments or
 * milestones is not offered those blocks. Everything else is always offered.
 */
export function isOffered(picture: IPeriodPicture | undefined, choice: InsertChoice): boolean {
  const options: IReportingOptions = reportingOptionsOf(picture ? picture.programme : undefined);
  switch (choice) {
    case 'statusTable':
    case 'ragKey':
      return options.rated;
    case 'sponsorComments':
      return options.sponsorComments;
    case 'milestonesThisPeriod':
    case 'milestonesNextPeriod':
      return options.milestones;
    default:
      return true;
  }
}

/** A workstream's name in the pane's pickers and labels: its short title, if it has one. */
export function workstreamName(workstream: IWorkstream): string {
  return tableTitle(workstream);
}

/** Whether a choice needs a workstream. */
export function isWorkstreamChoice(choice: InsertChoice): choice is WorkstreamChoice {
  return (WORKSTREAM_CHOICES as readonly string[]).indexOf(choice) >= 0;
}

/** Each choice's name in the pane's strings. */
const CHOICE_KEYS: { readonly [K in InsertChoice]?: keyof typeof STRINGS } = {
  wholeReport: 'KindWholeReport',
  statusTable: 'KindStatusTable',
  overview: 'KindOverview',
  ragKey: 'KindRagKey',
  keyRisks: 'KindKeyRisks',
  workstreamSection: 'KindWorkstreamSection',
  sponsorComments: 'KindSponsorComments',
  milestonesThisPeriod: 'KindMilestonesThisPeriod',
  milestonesNextPeriod: 'KindMilestonesNextPeriod'
};

/** A choice's name, as the buttons and messages say it. */
export function choiceLabel(choice: InsertChoice): string {
  return wordsFor(CHOICE_KEYS, choice, STRINGS, STRINGS.KindRisks);
}

/** The workstreams of a picture in the programme's order. */
export function orderedWorkstreams(picture: IPeriodPicture): IWorkstream[] {
  return picture.workstreams.slice().sort(byOrder);
}

/**
 * The blocks a choice inserts: the whole report is several blocks (each refreshable on its own);
 * every other choice is one.
 * @throws Error when a workstream choice has no workstream of the picture.
 */
export function blocksFor(picture: IPeriodPicture, choice: InsertChoice, workstreamId?: number): IBlock[] {
  if (choice === 'wholeReport') {
    return buildProgrammeReport(picture);
  }
  if (isWorkstreamChoice(choice)) {
    if (workstreamId === undefined) {
      throw new Error(`Choose a workstream to insert ${choiceLabel(choice).toLowerCase()}.`);
    }
    return [buildBlock(picture, choice as BlockKind, workstreamId)];
  }
  return [buildBlock(picture, choice as BlockKind)];
}
