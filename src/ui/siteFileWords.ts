/**
 * The words of the messages only importing, exporting and provisioning a site give (en-GB): the
 * command line installs them with the rest, and the dashboard's provisioning chunk brings them, so
 * that the first loads of the web part and the task pane do not carry them. Typed by the codes
 * (src/domain/messages.ts: SiteFileCode): a code used and not worded here does not compile.
 */
import type { SiteFileWords } from '../domain/messages';
import { addMessageWords, pluralForm } from './messages';

/** The words of import, export and provisioning's messages. */
export const SITE_FILE_WORDS: SiteFileWords = {
  exchangeAction: ({ doing, list }) => {
    const named: string = (list || '').toLowerCase();
    switch (doing) {
      case 'export':
        return 'export the programme';
      case 'exportPeriod':
        return 'export a period';
      case 'checkEarlier':
        return 'check what an earlier import wrote';
      case 'readSite':
        return 'read the site before importing';
      case 'importList':
        return `import the ${named}`;
      default:
        return `link the ${named} to what they were drafted from`;
    }
  },
  findingRecordMissing: ({ ref, what, list }) =>
    `"${ref}" names ${what === 'report' ? 'a status report' : what === 'milestone' ? 'a milestone' : what === 'risk' ? 'a risk' : 'a workstream'} that is not in the ${list} sheet (column "${what === 'workstream' ? 'Code' : 'Request key'}") or on the site.`,
  acknowledgementUnlinked: ({ period, finding }) =>
    `An acknowledgement in ${period} ("${finding}") names its finding's record by the ids of the site it came from, or by a record not in the file, so it was brought in without setting that finding aside: check the period's readiness and acknowledge the finding again if it still does not apply.`,
  importRefused: ({ problems }) =>
    `The file was not imported: ${problems.length} ${pluralForm(problems.length, { one: 'problem', other: 'problems' })}; nothing was written.\n${problems.join('\n')}`,
  importPeriodWithoutSnapshot: ({ period }) =>
    `${period} is locked but the file has no record of what the Board saw (a workbook carries none): the programme office can reopen and lock it again to make one, or import it from a .json export.`,
  importCloseDownWithoutSnapshot: ({ phase }) =>
    `The close-down of ${phase} is locked but the file has no record of what the Board saw (a workbook carries none): import it from a .json export to bring it in as it went to the Board.`,
  importNotAnExport: () => 'This is not a Programme Highlights export: it has no "format": "programme-highlights" and "lists".',
  importExportVersion: ({ version }) => `This export is version ${version}; this product reads version 1.`,
  importNotAList: () => 'is not a list of items.',
  importUnknownList: ({ lists }) => `is not one of the programme's lists (${lists.join(', ')}).`,
  importNotAColumn: () => 'is not a column of this list; remove it or check its heading.',
  importNotFound: ({ value, sheet, column }) => `"${value}" is not in the ${sheet} sheet (column "${column}") or on the site.`,
  importRepeated: ({ rowWord, at, keyed }) => `repeats ${rowWord} ${at}: each ${keyed ? 'request key' : 'value'} may appear once.`,
  importOneProgramme: () => 'A site holds one programme; this sheet has more than one row.',
  importProgrammeThere: ({ programme }) => `The site already holds the programme "${programme}": import into an empty site, or into that programme's own.`,
  importOriginNotFound: ({ origin, sheet }) => `"${origin}" names a close-down row that is not in the ${sheet} sheet (column "Request key") or on the site.`,
  importSourceNotFound: ({ kind, key, sheet }) => `"${kind}Row:${key}" names ${kind === 'risk' ? 'a risk' : 'a milestone'} that is not in the ${sheet} sheet (column "Request key") or on the site.`,
  cellEmpty: () => 'is empty; it must have a value.',
  cellNotADate: ({ value }) => `${value} is not a date: write it as dd/mm/yyyy.`,
  cellDateRefused: ({ value, reason }) => `"${value}" ${reason !== undefined ? reason : 'is not a date.'}`,
  cellNotADateTime: ({ value }) => `${value} is not a date and time: write it as 2023-11-20T14:05:00Z (UTC).`,
  cellNotANumber: ({ value }) => `"${value}" is not a number.`,
  cellNotYesOrNo: ({ value }) => `"${value}" is not Yes or No.`,
  cellNotAChoice: ({ value, choices }) => `"${value}" is not one of ${choices.join(', ')}.`,
  cellOnePerson: ({ count }) => `names ${count} people; it holds one.`,
  cellNotUsers: ({ logins }) =>
    `${logins.map((u) => `"${u}"`).join(', ')} ${pluralForm(logins.length, { one: 'is not a user', other: 'are not users' })} of the site: add them to the site first, or clear the cell.`,
  cellNotText: ({ value }) => `${value} is not text.`,
  lookupListMissing: ({ column, list }) => `Cannot add the column ${column}: the list it looks up (${list}) is not on the site.`,
  cellTooLong: ({ length, max }) => `has ${length} characters; the column holds ${max}.`,
  workbookUnreadable: ({ error }) => `is not an Excel workbook (.xlsx) that can be read: ${error}`,
  cellNoHeading: () => 'has a value but no heading in row 1.',
  provisionStep: ({ kind, list, column, from, title }) => {
    switch (kind) {
      case 'createList':
        return `create the list ${list}`;
      case 'addField':
        return `add the column ${column} to ${list}`;
      case 'copyColumn':
        return `copy the column ${from} of ${list} into ${column}`;
      case 'linkField':
        return `put the column ${column} of ${list} in its content type`;
      case 'nameTitle':
        return `name the Title column of ${list} "${title}"`;
      default:
        return `index the column ${column} of ${list}`;
    }
  },
  columnTypeDiffers: ({ list, column, has, wants }) => `${list}: the column ${column} is ${has}, not ${wants}; it is left as it is.`,
  exportPeriodGone: ({ periodId }) => `The site has no reporting period with id ${periodId}: it may have been deleted. Reload the dashboard.`
};

/** Makes import, export and provisioning's messages read in these words. */
export function installSiteFileWords(): void {
  addMessageWords(SITE_FILE_WORDS);
}
