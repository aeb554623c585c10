/**
 * The words of the messages only the repository's writes give (src/data/repositoryWrites.ts: the
 * reporting cycle's actions, the programme's and its workstreams' set-up, periods, the paper's
 * sections, acknowledged findings; en-GB), and of the product's own faults (a caller asking the
 * field tables, the lists' columns or the exchange's tables for what they do not have). The
 * repositories load them with their writes' part (src/data/writesPart.ts, as installMessageWords
 * sets), so that the first loads, which only read, do not carry them; the command line and the
 * tests install them with the rest. Typed by the codes (src/domain/messages.ts: WritesCode): a
 * code used and not worded here does not compile.
 */
import type { CycleDoing, ReportStateCode, WritesWords } from '../domain/messages';
import { addMessageWords, FIELD_NAME_WORDS, NOUN_WORDS, pluralForm, REPORT_STATE_WORDS } from './messages';
import { setWrittenTexts } from '../data/writtenTexts';
import { WRITTEN_TEXTS } from './writtenTexts';

/** What one of the cycle's writes is doing, as a failure says it ("Could not lock the period: …"). */
const CYCLE_DOING_WORDS: { readonly [D in CycleDoing]: string } = {
  saveResponse: 'save the response',
  closeChallenge: 'close the challenge',
  saveOverview: "save the period's overview",
  submitReport: 'submit the status report',
  approveReport: 'approve the status report',
  returnReport: 'send back the status report',
  saveProgramme: 'save the programme',
  addWorkstream: 'add the workstream',
  saveWorkstream: 'save the workstream',
  moveWorkstream: 'move the workstream',
  retireWorkstream: 'retire the workstream',
  restoreWorkstream: 'restore the workstream',
  setUpPeriod: 'set up the period',
  lockPeriod: 'lock the period',
  reopenPeriod: 'reopen the period',
  addSection: "add the paper's section",
  changeSection: "change the paper's section",
  removeSection: "remove the paper's section",
  saveSectionText: "save the paper's section",
  acknowledgeFinding: 'acknowledge the finding',
  withdrawAcknowledgement: 'withdraw the acknowledgement'
};

/** How a refusal quotes a value (the state's own name, in lower case). */
function stateName(state: ReportStateCode): string {
  return state.toLowerCase();
}

/** The words of the writes' messages and of the product's own faults. */
export const WRITE_WORDS: WritesWords = {
  // The rules' refusals, which only the writes give (src/data/rules.ts' asserts, called by repositoryWrites.ts).
  periodLocked: ({ period, what }) =>
    `${period} is locked: its report has gone to the Board, so its ${NOUN_WORDS[what]} can no longer change. The programme office can reopen the period, giving a reason.`,
  feedbackOnRecord: ({ period, doing }) =>
    `${period} is locked: its report has gone to the Board, so what its challenge log records can no longer ${doing === 'change' ? 'be changed' : 'be deleted'}. A challenge can still be responded to and closed; to add to it, record a new challenge in the open period about ${period}.`,
  sponsorWorkstreamGone: () => 'Could not save the sponsor comments: the workstream no longer exists.',
  notSectionsWriter: ({ action }) => `Could not ${action}: only the programme office writes the paper's sections.`,
  submitForbidden: () => "Could not submit the report: you don't have permission to change status reports.",
  submitNotDraft: ({ state }) => `Could not submit the report: it is already ${stateName(state)}.`,
  approveForbidden: () => 'Could not approve the report: only the programme office approves reports.',
  approveNotSubmitted: ({ state }) => `Could not approve the report: it is ${stateName(state)}, not submitted.`,
  sendBackForbidden: () => 'Could not send the report back: only the programme office sends reports back.',
  sendBackWrongState: ({ state }) => `Could not send the report back: it is ${stateName(state)}.`,
  sendBackNoReason: () => 'Could not send the report back: say why, so the project manager knows what to change.',
  reportNotEditable: ({ state }) => `Could not save the status report: it has been ${stateName(state)}. Ask the programme office to send it back if it needs changing.`,
  notProgrammeOfficeClose: () => 'Could not close the challenge: only the programme office closes a challenge.',
  cycleAction: ({ doing }) => CYCLE_DOING_WORDS[doing],
  readPlannedMilestones: ({ period }) => `read ${period}'s planned milestones`,
  bringPlannedMilestones: ({ from, into }) => `bring ${from}'s planned milestones into ${into}`,
  plannedMilestonesNotBrought: ({ period, previous }) =>
    `${period} is set up, but ${previous}'s planned milestones could not be brought into it: add them by hand, or delete the period and set it up again.`,
  historyApprovedOver: ({ period }) => `${period !== undefined ? period : 'Report'}: report approved over findings`,
  historyLockedOver: ({ period }) => `${period} locked over findings`,
  reloadAndRetry: ({ action }) => `Could not ${action}: reload it and make the change again.`,
  sectionOrderRange: ({ order }) => `Order: ${order} is not a whole number from 0 to 100,000.`,
  sectionRemoved: ({ action }) => `Could not ${action}: it no longer exists. Someone may have removed it.`,
  sectionGone: ({ action }) => `Could not ${action}: the programme has no such section. Someone may have removed it.`,
  sectionTextChanged: ({ period, section }) => `Someone else wrote ${period}'s "${section}" since you opened it.`,
  requestKeyLength: ({ length }) => `A request key has 1 to 64 characters; this one has ${length}.`,
  workflowNotByEditing: () => 'Could not save the challenge: a response is given with Respond, and a challenge closed with Close, not by editing it.',
  stateNotByEditing: () => 'Could not save the status report: submit, approve or send it back with the reporting-cycle actions, not by editing its state.',
  newChallengeAnswered: () => 'Could not save the challenge: a new challenge has no response and is not closed yet.',
  noAboutPeriod: ({ periodId }) => `Could not save the challenge: there is no reporting period ${periodId} for it to be about.`,
  aboutEarlierPeriod: ({ period }) => `Could not save the challenge: a challenge is recorded in its own period, or in a later one about ${period} — not in an earlier one.`,
  overviewForbidden: () => "Could not save the period's overview: only the programme office writes the lead executive director's overview.",
  submitBlocked: ({ faults }) => `Could not submit the report: ${faults.join(' ')}`,
  programmeForbidden: () => 'Could not save the programme: only the programme office sets up the programme.',
  programmeSetUpAlready: () => 'Could not save the programme: it has been set up already. Reload to see its details, then change them.',
  alreadyAtEnd: ({ action, workstream, end }) => `Could not ${action}: ${workstream} is already ${end}.`,
  periodSetUpForbidden: () => 'Could not set up the period: only the programme office sets up reporting periods.',
  periodEndBeforeStart: ({ start, end }) => `End: ${end} is before the start (${start}).`,
  periodOverlaps: ({ period }) => `The period overlaps ${period}; reporting periods may not overlap.`,
  periodTitleTaken: ({ title }) => `There is already a period called "${title}".`,
  lockKeptChanging: ({ period }) => `Could not lock ${period}: its records kept changing while it was being locked. Try again in a minute.`,
  findingGone: ({ action, period }) =>
    `Could not ${action}: readiness no longer finds it in ${period} (the records it was about have changed). Reload to see the findings as they are now.`,
  findingMustBeFixed: ({ action, finding }) =>
    `Could not ${action}: ${finding} This must be fixed before the report is approved and the period locked, so it cannot be set aside in advance. ` +
    "Fix it, or give your reason when you approve the report or lock the period: that reason is recorded in the period's history.",
  acknowledgementGone: ({ action }) => `Could not ${action}: it no longer exists. Someone may have withdrawn it already.`,
  codeTakenMeanwhile: ({ code }) => `${FIELD_NAME_WORDS.code}: ${code} is already the code of another workstream: each workstream needs its own code.`,
  personNotOnSite: ({ field, person }) => `${FIELD_NAME_WORDS[field]}: person ${person} is not one of the site's people. Choose them again.`,
  mustFixFirst: (p) => {
    const n: number = p.findings.length;
    const lead: string = p.doing === 'approve' ? `Could not ${p.action}` : `${p.period} cannot be locked yet`;
    const goAhead: string = p.doing === 'approve' ? 'go ahead' : 'lock anyway';
    return (
      `${lead}: readiness finds ${pluralForm(n, { one: 'a fault', other: `${n} faults` })} that must be fixed first — ${p.findings.join(' ')} ` +
      `Fix ${pluralForm(n, { one: 'it', other: 'them' })}, or give a reason to ${goAhead}; the reason is recorded in the period's history.`
    );
  },
  alreadyLocked: ({ period }) => `${period} is already locked.`,
  notLocked: ({ period }) => `${period} is not locked.`,
  lockForbidden: () => 'Could not lock the period: only the programme office locks periods.',
  reopenForbidden: () => 'Could not reopen the period: only the programme office reopens periods.',
  lockNotApproved: ({ period, reports }) =>
    `${period} cannot be locked yet: these reports are not approved — ${reports.map((r) => `${r.workstream} (${r.state ? REPORT_STATE_WORDS[r.state] : 'no report'})`).join(', ')}.`,
  lockUnapprovedNoReason: () => 'Say why the period is being locked with reports not approved.',

  // the product's own faults: never a user's doing
  noSuchField: ({ key }) => `No field ${key} in the table.`,
  noSuchColumn: ({ list, column }) => `The ${list} list has no column ${column}.`,
  noColumnFor: ({ list, key }) => `The ${list} list has no column for ${key}.`,
  noColumnToRead: ({ list, column }) => `The ${list} list has no column ${column} to read.`,
  columnNotIndexed: ({ list, column }) => `The ${list} list's column ${column} is not indexed; filtering on it is not threshold-safe.`,
  lookupUnnamed: ({ list, column, target }) => `The ${list} list's column ${column} looks up a list the export cannot name rows of (${target}).`,
  noExchangeTable: ({ list }) => `No table for the ${list} list.`,
  partSizeTooSmall: ({ size }) => `A part holds at least 2 characters; asked for ${size}.`,
  addToList: ({ list }) => `add to ${list}`
};

/** Makes the writes' messages (and the product's own faults) read in these words. */
export function installWriteWords(): void {
  addMessageWords(WRITE_WORDS);
  setWrittenTexts(WRITTEN_TEXTS);
}
