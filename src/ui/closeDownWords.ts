/**
 * The words of the messages only a phase's close-down writes give (drafting, its rows, its lock,
 * starting the next phase; en-GB): the close-down view's chunk brings them, and the command line
 * and the tests install them with the rest, so that the first loads do not carry them. Typed by
 * the codes (src/domain/messages.ts: CloseDownWriteCode).
 */
import type { CloseDownWriteWords } from '../domain/messages';
import { addMessageWords, pluralForm } from './messages';

/** A close-down row's fields as its refusals name them. */
const CLOSE_DOWN_FIELD_WORDS: { readonly [F in 'task' | 'themeAsWritten' | 'destinationAsWritten']: string } = {
  task: 'Tasks/actions',
  themeAsWritten: 'Theme as written',
  destinationAsWritten: 'Where it goes next, as written'
};

/** The words of a close-down's writes' messages. */
export const CLOSE_DOWN_WRITE_WORDS: CloseDownWriteWords = {
  closeDownTaskMissing: () => 'Tasks/actions: a close-down row needs its task or action.',
  closeDownTooLong: ({ field, length }) => `${CLOSE_DOWN_FIELD_WORDS[field]}: at most 255 characters (this one has ${length}).`,
  notADestination: ({ value }) => `Where it goes next: "${value}" is not a destination.`,
  phaseOfficeOnly: ({ action }) => `Could not ${action}: only the programme office does this.`,
  phaseClosed: ({ action, phase }) => `Could not ${action}: ${phase} is closed and its close-down locked.`,
  closeDownExists: ({ phase, rows }) => `${phase} already has a close-down of ${rows} rows: edit it instead of drafting another.`,
  closeDownRowGone: ({ action }) => `Could not ${action}: there is no such row. Someone may have deleted it.`,
  closeDownBoardDateMissing: () => 'Board meeting date: give the date of the Board meeting the close-down went to, as dd/mm/yyyy.',
  closeDownBlocked: ({ action, count, first }) => `Could not ${action}: ${count} ${pluralForm(count, { one: 'thing needs', other: 'things need' })} putting right first. ${first}`,
  phaseNoPeriods: ({ action, phase }) => `Could not ${action}: ${phase} has no reporting periods, so nothing of it has gone to the Board.`,
  closeDownKeptChanging: ({ action }) => `Could not ${action}: its rows kept changing while it was being locked. Try again in a minute.`,
  lockCloseDownFirst: ({ action, phase }) => `Could not ${action}: lock the close-down of ${phase} first.`,
  closeDownCarriedAlready: ({ action, phase }) => `Could not ${action}: the close-down of ${phase} has already been carried into the next phase.`,
  nextPhaseNoTitle: () => 'Phase: the next phase needs a title.',
  nextPeriodNoTitle: () => 'Period: the first reporting period needs a title.',
  nextPeriodEndBeforeStart: ({ start, end }) => `Period end: ${end} is before the start (${start}).`,
  notAnOpenPhase: ({ phaseId, phase }) => `Phase: phase ${phaseId} is not an open phase that can follow ${phase}.`,
  phaseTitleTaken: ({ title }) => `Phase: there is already a phase called "${title}".`,
  nextPeriodOverlaps: ({ period }) => `Period: the first period overlaps ${period}; reporting periods may not overlap.`,
  nextPeriodTitleTaken: ({ title }) => `Period: there is already a period called "${title}".`,
  noThemes: () => 'Themes: the next phase needs at least one theme.',
  themeNoWorkstream: ({ theme, workstreamId }) => `Theme ${theme}: there is no workstream ${workstreamId}.`,
  themeNeedsCodeAndTitle: ({ theme }) => `Theme ${theme}: a new theme needs a code and a title.`,
  themeCodeTaken: ({ theme, code }) => `Theme ${theme}: the code "${code}" is already used by another workstream.`,
  rowNotPlaced: ({ task }) => `"${task}" moves to the next phase: choose which of its themes it goes to.`,
  riskUndecided: ({ number, description, phase }) =>
    `The open risk ${number ? `${number} ` : ''}"${description}" of ${phase}: carry it into a theme of the next phase, or close it with a reason.`
};

/** Makes a close-down's writes' messages read in these words. */
export function installCloseDownWords(): void {
  addMessageWords(CLOSE_DOWN_WRITE_WORDS);
}
