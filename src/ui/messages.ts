/**
 * The words for the domain's and the data layer's messages, en-GB: one table shared by the
 * dashboard (src/webparts/programmeDashboard/loc/strings.ts), the Word task pane
 * (src/addin/loc/en-gb.ts) and the CLI (npm run report/import/export), each of which installs it
 * with {@link installMessageWords}. The table is typed by the codes (src/domain/messages.ts): a
 * code used and not worded here, or worded with other values, does not compile.
 */
import type { MilestoneStatusCategory } from '../domain/model';
import { setFieldWording, setMessageWording, setWritesWording, type FieldNameCode, type IMessage, type MessageWords, type SiteFileWords, type CloseDownWriteWords, type CloseDownRowName, type IShapeFault, type PhaseDoing, type ReadDoing, type RecordNoun, type SnapshotFault, type SnapshotOf, type ReportStateCode, type RowSection, type WritesWords, type RightsWords } from '../domain/messages';

/** British English plural forms, by the CLDR categories English has. */
const PLURALS: Intl.PluralRules = new Intl.PluralRules('en-GB');

/** The form for the count: `one` for 1, `other` for the rest. */
export function pluralForm(count: number, forms: { one: string; other: string }): string {
  return PLURALS.select(count) === 'one' ? forms.one : forms.other;
}

/** The records and parts a refusal names. */
export const NOUN_WORDS: { readonly [K in RecordNoun]: string } = {
  statusReport: 'status report',
  sponsorComment: 'sponsor comments',
  milestone: 'milestone',
  risk: 'risk',
  feedback: 'feedback',
  overview: 'overview',
  sections: 'sections',
  acknowledgedFindings: 'acknowledged findings'
};

/** A report's state in the words the dashboard uses for it. */
export const REPORT_STATE_WORDS: { readonly [S in ReportStateCode]: string } = {
  Draft: 'draft',
  Submitted: 'submitted',
  Approved: 'approved',
  Returned: 'sent back'
};

/** The tables of a report whose rows readiness checks. */
export const ROW_SECTION_WORDS: { readonly [S in RowSection]: string } = {
  milestonesThisPeriod: 'milestones this period',
  milestonesNextPeriod: 'milestones planned for next period',
  risks: 'risks'
};

const RISK_PART_WORDS: { readonly [P in 'description' | 'mitigation']: string } = {
  description: 'risk description',
  mitigation: 'mitigation'
};

/** A scale's levels as a choice: "Green, Amber or Red". */
function levelsChoice(levels: readonly string[]): string {
  return `${levels.slice(0, -1).join(', ')} or ${levels[levels.length - 1]}`;
}

/** A count as en-GB writes it: 63,999. */
function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** A row as a finding names it. */
function rowName(row: string | undefined): string {
  return row || '(unnumbered)';
}



/** What is being done with a phase, as a failure says it ("Could not lock the close-down: …"). */
const PHASE_DOING_WORDS: { readonly [D in PhaseDoing]: string } = {
  readPhases: 'read the phases',
  readJourney: "read the workstream's journey across phases",
  readCloseDown: 'read the close-down',
  draft: 'draft the close-down',
  addRow: 'add the close-down row',
  saveRow: 'save the close-down row',
  lock: 'lock the close-down',
  startNext: 'start the next phase'
};

/** What a read is doing, as its failure says it ("Could not read the period: …"). */
const READ_DOING_WORDS: { readonly [D in Exclude<ReadDoing, 'reported'>]: string } = {
  periods: 'read the reporting periods',
  programme: 'read the programme',
  period: 'read the period',
  ragHistory: 'read the RAG history',
  ratings: 'read the ratings',
  openRisks: 'read the open risks',
  periodHistory: "read the period's history",
  challengeHistory: "read the challenge's history",
  workstreams: 'read the workstreams',
  sections: "read the paper's sections",
  acknowledgements: "read the period's acknowledged findings",
  timeZone: "read the site's time zone",
  whoYouAre: 'find out who you are',
  permissions: 'read your permissions',
  sitePermissions: 'read your permissions on the site',
  people: "read the site's people",
  reachSite: 'reach the site',
  siteLists: "read the site's lists",
  siteColumns: "read the columns of the site's lists",
  tenantSetting: 'read the tenant setting',
  openSite: 'open the site'
};

const NOT_SHOWN: string = 'It has not been shown, so that nothing is misread';
const REOPEN_AND_LOCK: string = 'The programme office should reopen and lock the period again to make a new one.';
const SNAPSHOT_PART_WORDS: { readonly [P in 'programme' | 'workstream']: string } = { programme: 'programme part', workstream: 'workstream part' };
const SHAPE_PROBLEM_WORDS: { readonly [P in IShapeFault['problem']]: string } = {
  text: 'is not text',
  yesNo: 'is not yes or no',
  wholeNumber: 'is not a whole number',
  date: 'is not a date',
  rag: 'is not a RAG level',
  oneOf: 'is not one of',
  list: 'is not a list',
  object: 'is not an object'
};

/** Why a snapshot is not read, in words. */
function snapshotUnreadable(of: SnapshotOf, fault: SnapshotFault): string {
  const period: boolean = 'period' in of;
  const whole: boolean = 'period' in of && of.part === undefined;
  const record: string = `The record of ${'period' in of ? `what ${of.period} reported to the Board` : `the close-down of ${of.phase} as the Board saw it`}`;
  switch (fault.kind) {
    case 'missing':
    case 'incomplete':
    case 'checksum':
    case 'notJson': {
      const why: string = fault.kind === 'checksum' ? 'damaged (it does not match its checksum)' : fault.kind === 'notJson' ? 'damaged (it is not JSON)' : fault.kind;
      return `${record} is ${why}. ${period ? REOPEN_AND_LOCK : `${NOT_SHOWN}.`}`;
    }
    case 'otherKind': {
      const is: string = 'period' in of ? (of.part ? SNAPSHOT_PART_WORDS[of.part] : `snapshot (it is a "${fault.found}" one)`) : '';
      return `${record} is not ${period ? `a period's ${is}` : "a close-down's snapshot"}. ${NOT_SHOWN}.`;
    }
    case 'version': {
      const label: string = 'period' in of && of.part ? SNAPSHOT_PART_WORDS[of.part] : 'schema';
      const reads: string = Array.isArray(fault.reads) ? fault.reads.join(' and ') : `${fault.reads.from} to ${fault.reads.to}`;
      return (
        `${record} has a format this version of the product cannot read (${label} version ${fault.found !== undefined ? fault.found : 'none'}; it reads ${reads}). ` +
        `${NOT_SHOWN}: update the product${whole ? ', or ask the programme office to reopen and lock the period again' : ''}.`
      );
    }
    default: {
      const at: string =
        fault.kind === 'shape' ? `${fault.at.path} ${SHAPE_PROBLEM_WORDS[fault.at.problem]}${fault.at.values ? ` ${fault.at.values.join(', ')}` : ''}` : 'it does not name its snapshot';
      return `${record} is damaged (${at}). ${NOT_SHOWN}.${period ? ` ${REOPEN_AND_LOCK}` : ''}`;
    }
  }
}

/** A close-down row as a finding names it. */
function closeDownRow(row: CloseDownRowName): string {
  return 'task' in row ? `"${row.task}"` : `row ${row.order}`;
}

/** A workstream as a close-down finding names it. */
function workstreamName(p: { workstream?: string; workstreamId: number }): string {
  return p.workstream !== undefined ? p.workstream : `workstream ${p.workstreamId}`;
}

/**
 * The fields as messages name them ("Agreed completion date: "31/06/2023" is not a date …"), by
 * the codes the field tables and the domain's checks give them.
 */
export const FIELD_NAME_WORDS: { readonly [F in FieldNameCode]: string } = {
  workstream: 'Workstream',
  reportingPeriod: 'Reporting period',
  order: 'Order',
  title: 'Title',
  state: 'State',
  recordedBy: 'Recorded by',
  recordedOn: 'Recorded on',
  timing: 'Timing',
  number: 'Number',
  milestone: 'Milestone',
  status: 'Status',
  statusCategory: 'Status category',
  dueDate: 'Due date',
  origin: 'Origin',
  riskDescription: 'Risk description',
  mitigation: 'Mitigation',
  likelihood: 'Likelihood',
  impact: 'Impact',
  owner: 'Owner',
  raisedInPeriod: 'Raised in period',
  closedInPeriod: 'Closed in period',
  ragThisPeriod: 'Project status this period',
  ragPreviousPeriod: 'Project status previous period',
  previousRagReason: 'Why last period differs from the record',
  keyActivities: 'Key activities',
  engagement: 'Engagement',
  concernsIssues: 'Concerns/issues',
  managerUpdate: 'Project manager update',
  ragRationale: 'RAG rationale',
  agreedCompletion: 'Agreed completion date',
  forecastCompletion: 'Forecast completion date',
  completionDateChangeNote: 'Why the completion date moved',
  reportingPeriodAsWritten: 'Reporting period as written',
  namesAsWritten: 'Names as written',
  completedBy: 'Report completed by',
  completionDate: 'Completion date',
  reportState: 'Report state',
  returnReason: 'Reason sent back',
  sponsorComments: 'Sponsor comments',
  kind: 'Kind',
  feedback: 'Feedback',
  aboutPeriod: 'About period',
  response: 'Response',
  respondedBy: 'Responded by',
  respondedAt: 'Responded',
  closedBy: 'Closed by',
  closedAt: 'Closed',
  closingNote: 'Closing note',
  period: 'Period',
  start: 'Start',
  end: 'End',
  overview: 'Overview',
  overallRag: 'Overall programme RAG',
  overviewAuthor: 'Overview by',
  boardMeetingDate: 'Board meeting date',
  code: 'Code',
  description: 'Description',
  projectDescription: 'Project description',
  outcomes: 'Outcomes',
  sponsor: 'Sponsor',
  projectManagers: 'Project managers',
  pmoSupport: 'PMO support',
  shortTitle: 'Short title',
  fullTitle: 'Full title',
  retired: 'Retired',
  programme: 'Programme',
  organisation: 'Organisation',
  board: 'Board',
  ragKeyIntroduction: 'RAG key introduction',
  ratingScale: 'Workstream ratings',
  usesSponsorComments: 'Sponsor comments',
  usesMilestones: 'Milestones',
  usesSignOff: 'Sign-off',
  printEmpty: 'Print empty parts',
  keyRisksTable: 'Key risks table',
  rag: 'RAG',
  definition: 'Definition',
  ragDefinitions: 'RAG definitions',
  task: 'Tasks/actions',
  phase: 'Phase',
  theme: 'Theme',
  themeAsWritten: 'Theme as written',
  undertaken: 'Activity undertaken (completed)',
  evidence: 'Evidence',
  outstanding: 'Activity outstanding',
  destination: 'Where it goes next',
  destinationTheme: 'Next phase theme',
  destinationAsWritten: 'Where it goes next, as written',
  sources: 'Drafted from',
  phaseStart: 'Phase start',
  periodStart: 'Period start',
  periodEnd: 'Period end',
  overrideReason: 'Reason to go ahead over the findings',
  reopenReason: 'Reason for reopening',
  sectionName: 'Section name',
  sectionAuthor: 'Written by'
};

/** A milestone's status category as a refusal lists it. */
const STATUS_CATEGORY_WORDS: { readonly [C in MilestoneStatusCategory]: string } = {
  NotStarted: 'Not started',
  InProgress: 'In progress',
  Ongoing: 'Ongoing',
  Complete: 'Complete',
  Delayed: 'Delayed'
};

/** Every message's words. */
export const MESSAGE_WORDS: MessageWords = {
  missingOverview: () => 'The period has no lead executive director overview.',
  missingStatusReport: ({ workstream, period }) => `${workstream} has no status report for ${period}.`,
  missingSponsorComments: ({ workstream, period }) => `${workstream} has no sponsor comments for ${period}.`,
  plannedNotReported: ({ milestone, previousPeriod }) => `"${milestone}" was planned for this period in ${previousPeriod}'s report but is not reported on this period.`,
  impossibleDate: ({ workstream, reason }) => `${workstream}: ${reason}`,
  missingRag: ({ workstream, period }) => `${workstream} has no RAG status for ${period}.`,
  forecastAfterAgreed: ({ workstream, rag, forecast, agreed }) =>
    `${workstream} is rated ${rag} but its forecast completion date (${forecast}) is later than the agreed date (${agreed}).`,
  completionDatePassed: ({ workstream, rag, which, due }) => `${workstream} is rated ${rag} but its ${which} completion date (${due}) passed before this period began.`,
  completionDateMoved: ({ workstream, before, previousPeriod, now }) =>
    `${workstream}'s agreed completion date moved from ${before} (${previousPeriod || 'last period'}) to ${now} with no note of why.`,
  ragChangedWithoutRationale: ({ workstream, from, to }) => `${workstream} moved from ${from} to ${to} with no RAG rationale.`,
  previousRatingMismatch: ({ workstream, stated, previousPeriod, recorded, reason }) =>
    `${workstream}'s report gives last period's rating as ${stated || 'not rated'}, but ${previousPeriod} recorded ${recorded || 'no rating'}` +
    (reason !== undefined ? ` (the report's reason: ${reason}).` : '.'),
  missingCompletedBy: ({ workstream }) => `${workstream}'s report does not say who completed it.`,
  missingCompletionDate: ({ workstream }) => `${workstream}'s report has no completion date.`,
  nameInconsistent: ({ workstream, spellings }) => `${workstream} is also written as ${spellings.map((s) => `"${s}"`).join(', ')} in this period's report.`,
  repeatedNumber: ({ workstream, section, number, count }) => `${workstream}'s ${ROW_SECTION_WORDS[section]} number ${number} is used ${count} times.`,
  emptyRow: ({ workstream, section, row }) => `${workstream}'s ${ROW_SECTION_WORDS[section]} row ${rowName(row)} is empty.`,
  placeholderRow: ({ workstream, section, row, text }) => `${workstream}'s ${ROW_SECTION_WORDS[section]} row ${rowName(row)} says only "${text}".`,
  riskPartMissing: ({ workstream, row, part }) => `${workstream}'s risks row ${rowName(row)} has no ${RISK_PART_WORDS[part]}.`,
  riskPartPlaceholder: ({ workstream, row, part, text }) => `${workstream}'s risks row ${rowName(row)} gives its ${RISK_PART_WORDS[part]} as "${text}".`,

  recordAction: ({ doing, what }) => `${doing} the ${NOUN_WORDS[what]}`,
  readAction: ({ doing, period }) => (doing === 'reported' ? `read what ${period} reported` : READ_DOING_WORDS[doing]),
  recordGone: ({ action }) => `Could not ${action}: it no longer exists. Someone may have deleted it.`,
  periodGone: ({ action }) => `Could not ${action}: there is no such period. Someone may have deleted it.`,
  snapshotUnreadable: ({ of, fault }) => snapshotUnreadable(of, fault),
  noWebCrypto: () => 'This browser cannot compute SHA-256 (Web Crypto needs a secure context).',
  answerMissing: ({ action }) => `Could not ${action}: the answer to one of its requests is missing.`,
  siteMoved: () => 'The programme site is not where this page last found it; it is being found again.',
  writesNotLoaded: () => 'The part that saves and changes could not be loaded, so nothing was changed. Check your connection and try again.',
  readerNotLoaded: () => 'The part of the product that reads this could not be loaded, so it is not shown. Check your connection and try again.',
  noSuchPeriod: ({ periodId, deleted }) => `There is no reporting period ${periodId}.${deleted ? ' Someone may have deleted it.' : ''}`,

  listThreshold: ({ action }) => `Could not ${action}: the list is too large for this query (SharePoint's 5,000-item list view threshold).`,
  lookupThreshold: ({ action }) => `Could not ${action}: the query names more lookup and person columns than SharePoint allows (12). Tell the programme office.`,
  signedOut: ({ action }) => `Could not ${action}: you are signed out. Sign in again and retry.`,
  noPermission: ({ action }) => `Could not ${action}: you don't have permission. Ask the programme office if you need it.`,
  savedAtSameMoment: ({ action }) => `Could not ${action}: someone else changed it at the same moment. Reload it and try again.`,
  refusedData: ({ action, field }) => `Could not ${action}: SharePoint refused the data${field ? ` in ${field}` : ''}.`,
  changedSinceOpened: ({ action }) => `Could not ${action}: someone else changed it since you opened it.`,
  busy: ({ action, seconds }) => `Could not ${action}: SharePoint is busy. Try again in ${seconds || 'a few'} seconds.`,
  serverError: ({ action, status }) => `Could not ${action}: SharePoint answered with an error (${status}).`,
  unreachable: ({ action }) => `Could not ${action}: SharePoint could not be reached. Check your connection and try again.`,
  graphNotSetUp: ({ action }) => `Could not ${action}: the connection to Microsoft Graph is not set up correctly.`,




  notProgrammeOffice: ({ action, doing }) =>
    doing === 'setUp'
      ? `Could not ${action}: only the programme office sets up the programme's workstreams.`
      : `Could not ${action}: only the programme office acknowledges readiness findings.`,
  notWorkstreamLead: ({ workstream }) => `Could not save the response: only ${workstream ? `${workstream}'s` : "the workstream's"} project managers respond to its challenges.`,
  notIibRecorder: () =>
    "Could not save the challenge: the IIB's challenge and feedback are recorded by its members and the programme office; a workstream's own people respond to it.",



  codeHasSpace: ({ code }) => `"${code}" has a space in it: a code is one word, such as GOV or A.`,
  codeTaken: ({ code, workstream }) => `${code} is already the code of ${workstream}: each workstream needs its own code.`,
  sectionNameTaken: ({ name }) => `the programme already has a section called "${name}".`,

  dateMissing: () => 'is missing: enter a date as dd/mm/yyyy.',
  notADate: () => 'is not a date: enter it as dd/mm/yyyy, for example 30/09/2023.',
  noSuchMonth: ({ month }) => `is not a date: there is no month ${month}.`,
  yearOutOfRange: ({ year }) => `is not a date: the year ${year} is out of range.`,
  noSuchDay: ({ month, year, days }) => `is not a date: ${month} ${year} has ${days} days.`,
  notAMonth: ({ word }) => `is not a date: "${word}" is not a month.`,
  notAnIsoDate: () => 'is not an ISO date (yyyy-mm-dd).',
  mustBeText: () => 'must be text.',
  mustNotBeEmpty: () => 'must not be empty.',
  unsavableCharacter: ({ character }) => `contains a character that cannot be saved (${character}). Remove it and try again.`,
  tooLong: ({ length, max }) => `is ${count(length)} characters long; the most SharePoint keeps is ${count(max)}.`,
  dateRequired: () => 'must not be empty: enter a date as dd/mm/yyyy.',
  refused: ({ why }) => why,
  ragRequired: ({ levels }) => `must be chosen: ${levelsChoice(levels)}.`,
  ragOffScale: ({ levels }) => `is not on this programme's scale: use ${levelsChoice(levels)}.`,
  previousRatingReasonNeeded: ({ stated, recorded }) =>
    `must be given: the report states last period as ${stated || 'not rated'}, but the previous period recorded ${recorded || 'no rating'}.`,
  timingChoice: () => 'must be "This period" or "Next period".',
  scoreRange: () => 'must be a whole number from 1 to 5.',
  kindChoice: () => 'must be "Challenge" or "Feedback".',
  ragSpellingUnknown: () => 'is not a RAG status. Use Green, Green/Amber, Amber, Amber/Red or Red.',
  ragDefinedTwice: () => 'is defined more than once.',
  ragNoDefinition: () => 'has no definition.',
  ragDefinitionFor: ({ rag }) => `RAG definition for ${rag}`,
  notARagRating: () => 'is not a RAG rating (Green, Green/Amber, Amber, Amber/Red or Red).',
  endBeforeStart: ({ start }) => `is before the start (${start}).`,
  codeCharacters: () => 'may hold only letters, digits and hyphens.',
  keyActivitiesRequired: () => 'must not be empty: say what the workstream did this period.',
  mustBeChosen: () => 'must be chosen.',
  notOneOf: ({ allowed }) => `is not one of ${allowed.join(', ')}.`,
  notAStatusCategory: ({ allowed }) => `is not one of ${allowed.map((c) => STATUS_CATEGORY_WORDS[c]).join(', ')}.`,
  notARagStatus: () => 'is not a RAG status.',
  wholeNumber: () => 'must be a whole number.',
  wholeNumberRange: ({ min, max }) => `must be a whole number from ${min} to ${max}.`,
  notACalendarDate: () => 'is not a calendar date (yyyy-mm-dd).',

  phaseAction: ({ doing }) => PHASE_DOING_WORDS[doing],
  noSuchPhase: ({ action, phaseId, deleted }) => `Could not ${action}: there is no phase ${phaseId}.${deleted ? ' Someone may have deleted it.' : ''}`,

  closeDownNoDestination: ({ row }) =>
    `${closeDownRow(row)} has activity outstanding but no destination: say whether it is completed, moves to a next-phase theme, goes to directorate business plans or is kept under review.`,
  closeDownNoEvidence: ({ row }) => `${closeDownRow(row)} is marked completed with no activity undertaken or evidence.`,
  closeDownNoTheme: ({ row }) => `${closeDownRow(row)} moves to the next phase but names no theme.`,
  closeDownMilestoneDropped: (p) => `The open milestone "${p.milestone}" of ${workstreamName(p)} is in no row of the close-down.`,
  closeDownRiskDropped: (p) => `The open risk ${p.number ? `${p.number} ` : ''}"${p.description}" of ${workstreamName(p)} is in no row of the close-down.`,
  closeDownPeriodsOpen: ({ periods, phase }) =>
    `${pluralForm(periods.length, { one: 'The period', other: 'The periods' })} ${periods.join(', ')} of ${phase} ${pluralForm(periods.length, { one: 'is', other: 'are' })} still open: ` +
    `lock ${pluralForm(periods.length, { one: 'it', other: 'each' })} once its report has gone to the Board, then lock the close-down.`
};

/** Words added by the parts of the product loaded on first use (see {@link addMessageWords}). */
const added: Partial<SiteFileWords & CloseDownWriteWords & WritesWords> = {};

/**
 * Adds the words of the messages that only importing, exporting and provisioning give
 * (src/ui/siteFileWords.ts), only a close-down's writes (src/ui/closeDownWords.ts), or only the
 * repository's writes (src/ui/writeWords.ts), which come with those parts rather than with every
 * first load.
 */
export function addMessageWords(words: SiteFileWords | CloseDownWriteWords | WritesWords | RightsWords): void {
  Object.assign(added, words);
}

/** The message in words. */
export function wordMessage(m: IMessage): string {
  const words: ((params: unknown) => string) | undefined = (MESSAGE_WORDS as { [code: string]: (params: unknown) => string })[m.code] || (added as { [code: string]: (params: unknown) => string })[m.code];
  // A message of a part whose words were not added: its code and values, as before any words are installed.
  return words ? words(m.params) : `${m.code} ${JSON.stringify(m.params)}`;
}

/**
 * Makes the product's messages read in these words (the web part, the task pane and the CLI call
 * it on load). The writes' messages' words (./writeWords.ts) are loaded with the writes' part: under
 * the same chunk name, so that SPFx's webpack puts them in the writes' chunk itself.
 */
export function installMessageWords(): void {
  setMessageWording(wordMessage);
  setFieldWording((f) => FIELD_NAME_WORDS[f]);
  setWritesWording(() => import(/* webpackChunkName: 'ph-writes' */ './writeWords').then((part) => part.installWriteWords()));
}
