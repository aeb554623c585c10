/**
 * Codes in the core, words at the edge.
 *
 * The domain and the data layer say what happened as a {@link IMessage} — a code, the field at
 * fault when there is one, and the values the words need — and never as an English sentence.
 * The words live with the UI's strings (src/ui/loc/messages.ts): one table, typed against
 * {@link IMessageParams}, so a code that is used but not worded (or worded with the wrong
 * values) is a compile error. The web part, the task pane and the CLI install that table at
 * start-up ({@link setMessageWording}); `DataError.message` and the like are worded through it.
 */

import type { IRagDefinition, MilestoneStatusCategory } from './model';

/** The records a period's lock freezes, and the other things a refusal can name, by code. */
export type RecordNoun =
  | 'statusReport'
  | 'sponsorComment'
  | 'milestone'
  | 'risk'
  | 'feedback'
  | 'overview'
  | 'sections'
  | 'acknowledgedFindings';

/** The tables of a workstream's report whose rows readiness checks. */
export type RowSection = 'milestonesThisPeriod' | 'milestonesNextPeriod' | 'risks';

/** A status report's state as a refusal names it (lower case in English: "it is already submitted"). */
export type ReportStateCode = 'Draft' | 'Submitted' | 'Approved' | 'Returned';

/**
 * Every message the domain and the data layer give, with the values its words need. Values are
 * data (titles, numbers, codes), never words — except `action`, a phrase of what was being done
 * that the data layer still passes as text (see the issue-15 notes in the report).
 */
export interface IMessageParams {
  // ---- readiness findings (src/domain/readiness.ts), each named by its workstream ----
  missingOverview: Record<string, never>;
  missingStatusReport: { workstream: string; period: string };
  missingSponsorComments: { workstream: string; period: string };
  plannedNotReported: { milestone: string; previousPeriod: string };
  /** A date that is not one: `reason` is the date's own refusal, already in words. */
  impossibleDate: { workstream: string; reason: string };
  missingRag: { workstream: string; period: string };
  forecastAfterAgreed: { workstream: string; rag: string; forecast: string; agreed: string };
  completionDatePassed: { workstream: string; rag: string; which: 'forecast' | 'agreed'; due: string };
  completionDateMoved: { workstream: string; before: string; previousPeriod?: string; now: string };
  ragChangedWithoutRationale: { workstream: string; from: string; to: string };
  previousRatingMismatch: { workstream: string; stated?: string; previousPeriod: string; recorded?: string; reason?: string };
  missingCompletedBy: { workstream: string };
  missingCompletionDate: { workstream: string };
  nameInconsistent: { workstream: string; spellings: string[] };
  repeatedNumber: { workstream: string; section: RowSection; number: string; count: number };
  emptyRow: { workstream: string; section: RowSection; row?: string };
  placeholderRow: { workstream: string; section: RowSection; row?: string; text: string };
  riskPartMissing: { workstream: string; row?: string; part: 'description' | 'mitigation' };
  riskPartPlaceholder: { workstream: string; row?: string; part: 'description' | 'mitigation'; text: string };

  // ---- what was being done, for the words of a failure ----
  /** Reading, saving or deleting one of a period's records: "save the risk". */
  recordAction: { doing: 'read' | 'save' | 'delete'; what: RecordNoun };
  /** What one of the cycle's writes is doing (src/data/repositoryWrites.ts): "lock the period". */
  cycleAction: { doing: CycleDoing };
  /** Reading the previous period's planned milestones, to bring them into a new period. */
  readPlannedMilestones: { period: string };
  /** Bringing the previous period's planned milestones into the new one. */
  bringPlannedMilestones: { from: string; into: string };
  /** A period set up whose previous period's planned milestones could not be brought in. */
  plannedMilestonesNotBrought: { period: string; previous: string };
  /** Period History's title for a report approved over must-fix findings (`period`: none when the period is not known). */
  historyApprovedOver: { period?: string };
  /** Period History's title for a period locked over must-fix findings. */
  historyLockedOver: { period: string };
  /** A workstream changed in a way the save cannot apply over. */
  reloadAndRetry: { action: string };
  /** A section's place that is not a whole number from 0 to 100,000. */
  sectionOrderRange: { order: string };
  /** The paper's section was removed meanwhile. */
  sectionRemoved: { action: string };
  /** A period that is not there (a section's text for it, its item read by id). */
  periodGone: { action: string };
  /** A section's text for a section the programme does not have. */
  sectionGone: { action: string };
  /** Someone else wrote a period's text of a section since it was opened. */
  sectionTextChanged: { period: string; section: string };
  /** What a read is doing ("read the period"; `period`: the period whose report is read, for `reported`). */
  readAction: { doing: ReadDoing; period?: string };
  /** The record was not there (someone deleted it). */
  recordGone: { action: string };
  /** A $batch whose answer lacks one of its requests' answers (Graph). */
  answerMissing: { action: string };
  /** The site this page remembered failed its check as the screen's first reads went: it is being found again. */
  siteMoved: Record<string, never>;
  /** The writes' part could not be fetched (the connection dropped): nothing was changed. */
  writesNotLoaded: Record<string, never>;
  /** A part that reads (snapshots, close-downs) could not be fetched (the connection dropped): nothing is shown from it. */
  readerNotLoaded: Record<string, never>;
  /** A snapshot (what the Board saw) that is not read, so that nothing is misread: of what, and what is wrong with it. */
  snapshotUnreadable: { of: SnapshotOf; fault: SnapshotFault };
  /** The platform has no Web Crypto to check a snapshot's SHA-256 with (a page not in a secure context). */
  noWebCrypto: Record<string, never>;
  /** A reporting period asked for by id that is not there (`deleted`: when it was there before, so someone may have deleted it). */
  noSuchPeriod: { periodId: number; deleted?: boolean };

  // ---- what SharePoint or Graph answered (src/data/httpErrors.ts) ----
  listThreshold: { action: string };
  lookupThreshold: { action: string };
  signedOut: { action: string };
  noPermission: { action: string };
  savedAtSameMoment: { action: string };
  refusedData: { action: string; field?: string };
  changedSinceOpened: { action: string };
  busy: { action: string; seconds?: number };
  serverError: { action: string; status: number };
  unreachable: { action: string };
  graphNotSetUp: { action: string };

  // ---- the product's own faults (a caller asking what the tables do not have; never a user's doing) ----
  noSuchField: { key: string };
  noSuchColumn: { list: string; column: string };
  noColumnFor: { list: string; key: string };
  noColumnToRead: { list: string; column: string };
  columnNotIndexed: { list: string; column: string };
  requestKeyLength: { length: number };
  lookupUnnamed: { list: string; column: string; target: string };
  noExchangeTable: { list: string };
  partSizeTooSmall: { size: number };
  /** What the in-memory SharePoint's seeding add is doing, for the words of its failure: `list` is the list's title. */
  addToList: { list: string };

  // ---- the repository's own refusals (src/data/ProgrammeRepository.ts) ----
  workflowNotByEditing: Record<string, never>;
  stateNotByEditing: Record<string, never>;
  newChallengeAnswered: Record<string, never>;
  noAboutPeriod: { periodId: number };
  aboutEarlierPeriod: { period: string };
  overviewForbidden: Record<string, never>;
  /** A submit refused: the faults are the field checks' own messages. */
  submitBlocked: { faults: string[] };
  programmeForbidden: Record<string, never>;
  programmeSetUpAlready: Record<string, never>;
  alreadyAtEnd: { action: string; workstream: string; end: 'first' | 'last' };
  periodSetUpForbidden: Record<string, never>;
  periodEndBeforeStart: { start: string; end: string };
  periodOverlaps: { period: string };
  periodTitleTaken: { title: string };
  lockKeptChanging: { period: string };
  findingGone: { action: string; period: string };
  /** An import's acknowledgement names, by a request key or a code, a record in neither the file nor the site. */
  findingRecordMissing: { ref: string; what: 'report' | 'milestone' | 'risk' | 'workstream'; list: string };
  /** An imported acknowledgement whose finding's record could not be known on this site: it sets nothing aside. */
  acknowledgementUnlinked: { period: string; finding: string };
  /** A must-fix finding cannot be acknowledged: `finding` is its message. */
  findingMustBeFixed: { action: string; finding: string };
  acknowledgementGone: { action: string };

  // ---- a locked period ----
  /** A change to a locked period's records. */
  periodLocked: { period: string; what: RecordNoun };
  /** Adding to a locked period's challenge log. */
  feedbackPeriodLocked: { period: string };
  /** Changing or deleting what a locked period's challenge log records. */
  feedbackOnRecord: { period: string; doing: 'change' | 'delete' };

  // ---- who may do what ----
  sponsorWorkstreamGone: Record<string, never>;
  notWorkstreamSponsor: { workstream: string; sponsor?: string };
  notFeedbackAuthor: { author?: string };
  notSectionsWriter: { action: string };
  notProgrammeOffice: { action: string; doing: 'setUp' | 'acknowledge' };
  notWorkstreamLead: { workstream?: string };
  notIibRecorder: Record<string, never>;

  // ---- the reporting cycle ----
  submitForbidden: Record<string, never>;
  submitNotDraft: { state: ReportStateCode };
  approveForbidden: Record<string, never>;
  approveNotSubmitted: { state: ReportStateCode };
  sendBackForbidden: Record<string, never>;
  sendBackWrongState: { state: ReportStateCode };
  sendBackNoReason: Record<string, never>;
  reportNotEditable: { state: ReportStateCode };

  // ---- the challenge log ----
  /** A challenge closed by the programme office: `doing` is what was refused. */
  challengeClosed: { doing: 'respond' | 'close' | 'save' };
  notAChallenge: { doing: 'respond' | 'close' };
  notProgrammeOfficeClose: Record<string, never>;

  // ---- setting up ----
  codeHasSpace: { code: string };
  codeTaken: { code: string; workstream: string };
  /** Another workstream took the code while this one was being saved (the list's unique Code column refused it). */
  codeTakenMeanwhile: { code: string };
  /** Another of the programme's sections has the name (ignoring case and spaces): `name` is that section's. */
  sectionNameTaken: { name: string };
  /** A person chosen for a workstream's people field who is not among the site's people. */
  personNotOnSite: { field: FieldNameCode; person: number };

  // ---- why a field's value is refused (worded after the field and the value) ----
  mustBeText: Record<string, never>;
  /** Dates (src/domain/dates.ts). `month` in noSuchDay is the month's name as the dates module spells it. */
  dateMissing: Record<string, never>;
  notADate: Record<string, never>;
  noSuchMonth: { month: number };
  yearOutOfRange: { year: number };
  noSuchDay: { month: string; year: number; days: number };
  notAMonth: { word: string };
  notAnIsoDate: Record<string, never>;
  mustNotBeEmpty: Record<string, never>;
  /** A control character or non-character, named as U+XXXX. */
  unsavableCharacter: { character: string };
  tooLong: { length: number; max: number };
  dateRequired: Record<string, never>;
  /** Something other than the domain's own refusal, in its own words. */
  refused: { why: string };
  ragRequired: { levels: readonly string[] };
  ragOffScale: { levels: readonly string[] };
  previousRatingReasonNeeded: { stated?: string; recorded?: string };
  timingChoice: Record<string, never>;
  scoreRange: Record<string, never>;
  kindChoice: Record<string, never>;
  notARagRating: Record<string, never>;
  /** Not a spelling of a RAG level the domain reads. */
  ragSpellingUnknown: Record<string, never>;
  /** A programme's RAG key: a level defined twice, or not at all; and one level's definition as a field. */
  ragDefinedTwice: Record<string, never>;
  ragNoDefinition: Record<string, never>;
  ragDefinitionFor: { rag: string };
  endBeforeStart: { start: string };
  codeCharacters: Record<string, never>;
  keyActivitiesRequired: Record<string, never>;
  /** Not one of the records it can name. */
  mustBeChosen: Record<string, never>;
  notOneOf: { allowed: string[] };
  /** Not a milestone status category: `allowed` are the categories' codes. */
  notAStatusCategory: { allowed: MilestoneStatusCategory[] };
  /** The data layer's checks by the field tables (src/data/fields.ts). */
  notARagStatus: Record<string, never>;
  wholeNumber: Record<string, never>;
  wholeNumberRange: { min: number; max: number };
  notACalendarDate: Record<string, never>;

  // ---- phases and their close-down (src/data/PhaseRepository.ts, phaseWrites.ts; issue 16) ----
  /** What was being done with a phase, for the words of a failure: "lock the close-down". */
  phaseAction: { doing: PhaseDoing };
  closeDownTaskMissing: Record<string, never>;
  closeDownTooLong: { field: 'task' | 'themeAsWritten' | 'destinationAsWritten'; length: number };
  notADestination: { value: string };
  phaseOfficeOnly: { action: string };
  phaseClosed: { action: string; phase: string };
  closeDownExists: { phase: string; rows: number };
  /** No phase of that id; `deleted` when it was there to be read a moment before. */
  noSuchPhase: { action: string; phaseId: number; deleted: boolean };
  closeDownRowGone: { action: string };
  closeDownBoardDateMissing: Record<string, never>;
  /** The close-down's lock refused: `first` is the first blocker's own message. */
  closeDownBlocked: { action: string; count: number; first: string };
  phaseNoPeriods: { action: string; phase: string };
  closeDownKeptChanging: { action: string };
  lockCloseDownFirst: { action: string; phase: string };
  closeDownCarriedAlready: { action: string; phase: string };
  nextPhaseNoTitle: Record<string, never>;
  nextPeriodNoTitle: Record<string, never>;
  nextPeriodEndBeforeStart: { start: string; end: string };
  notAnOpenPhase: { phaseId: number; phase: string };
  phaseTitleTaken: { title: string };
  nextPeriodOverlaps: { period: string };
  nextPeriodTitleTaken: { title: string };
  noThemes: Record<string, never>;
  themeNoWorkstream: { theme: number; workstreamId: number };
  themeNeedsCodeAndTitle: { theme: number };
  themeCodeTaken: { theme: number; code: string };
  rowNotPlaced: { task: string };
  riskUndecided: { number?: string; description: string; phase: string };

  // ---- a close-down's readiness (src/domain/phases.ts: checkCloseDown) ----
  closeDownNoDestination: { row: CloseDownRowName };
  closeDownNoEvidence: { row: CloseDownRowName };
  closeDownNoTheme: { row: CloseDownRowName };
  /** `workstream` is the workstream's title, when it is among the phase's. */
  closeDownMilestoneDropped: { milestone: string; workstream?: string; workstreamId: number };
  closeDownRiskDropped: { number?: string; description: string; workstream?: string; workstreamId: number };
  closeDownPeriodsOpen: { periods: string[]; phase: string };

  // ---- importing a file (src/data/exchange): what is wrong with it, where ----
  /** What an export or import is doing, for a failure's words; `list` is a list's title. */
  exchangeAction: { doing: ExchangeDoing; list?: string };
  /** A file refused: each problem already in words, with its sheet, row and column. */
  importRefused: { problems: string[] };
  importPeriodWithoutSnapshot: { period: string };
  /** A period's export asked for a period the site no longer has. */
  exportPeriodGone: { periodId: number };
  importCloseDownWithoutSnapshot: { phase: string };
  importNotAnExport: Record<string, never>;
  importExportVersion: { version: string };
  importNotAList: Record<string, never>;
  importUnknownList: { lists: string[] };
  importNotAColumn: Record<string, never>;
  /** A lookup's value not found: `sheet` and `column` are where its rows are named. */
  importNotFound: { value: string; sheet: string; column: string };
  importRepeated: { rowWord: 'row' | 'item'; at: number; keyed: boolean };
  importOneProgramme: Record<string, never>;
  importProgrammeThere: { programme: string };
  importOriginNotFound: { origin: string; sheet: string };
  importSourceNotFound: { kind: 'milestone' | 'risk'; key: string; sheet: string };
  /** A cell's value refused: after the sheet, row and column. `value` is as the file has it (JSON where not text). */
  cellEmpty: Record<string, never>;
  cellNotADate: { value: string };
  /** `reason` is the date's own refusal, already in words (none: not a date at all). */
  cellDateRefused: { value: string; reason?: string };
  cellNotADateTime: { value: string };
  cellNotANumber: { value: string };
  cellNotYesOrNo: { value: string };
  cellNotAChoice: { value: string; choices: string[] };
  cellOnePerson: { count: number };
  cellNotUsers: { logins: string[] };
  cellNotText: { value: string };
  cellTooLong: { length: number; max: number };
  /** The workbook could not be read: `error` is the reader's own words. */
  workbookUnreadable: { error: string };
  cellNoHeading: Record<string, never>;

  // ---- provisioning a site (src/data/provisioning) ----
  /** A change to a site's lists: `column` is the step's column (none when a list is created), `from` a renamed column's old name, `title` the Title column's new name. */
  provisionStep: { kind: 'createList' | 'addField' | 'indexField' | 'linkField' | 'copyColumn' | 'nameTitle'; list: string; column: string; from?: string; title?: string };
  /** A lookup column provisioning cannot add: the list it looks up is not on the site. */
  lookupListMissing: { column: string; list: string };
  /** A column the site has with another type than the schema's, left alone. */
  columnTypeDiffers: { list: string; column: string; has: string; wants: string };

  // ---- lock and approval ----
  /** Approval or lock refused over must-fix findings (worded each by its own code). */
  mustFixFirst: { doing: 'approve'; action: string; findings: string[] } | { doing: 'lock'; period: string; findings: string[] };
  alreadyLocked: { period: string };
  notLocked: { period: string };
  lockForbidden: Record<string, never>;
  reopenForbidden: Record<string, never>;
  lockNotApproved: { period: string; reports: Array<{ workstream: string; state?: ReportStateCode }> };
  lockUnapprovedNoReason: Record<string, never>;
}

/**
 * The fields a message names, by code: each field's name in the words users know it by ("Agreed
 * completion date") lives with the UI's strings (src/ui/messages.ts, FIELD_NAME_WORDS). The field
 * tables (src/data/fields.ts) give each checked field one of these, and the domain's and data
 * layer's checks name their fields by them ({@link fieldName}).
 */
export type FieldNameCode =
  // lookups and the fields many lists share
  | 'workstream'
  | 'reportingPeriod'
  | 'order'
  | 'title'
  | 'state'
  | 'recordedBy'
  | 'recordedOn'
  // milestones
  | 'timing'
  | 'number'
  | 'milestone'
  | 'status'
  | 'statusCategory'
  | 'dueDate'
  | 'origin'
  // risks
  | 'riskDescription'
  | 'mitigation'
  | 'likelihood'
  | 'impact'
  | 'owner'
  | 'raisedInPeriod'
  | 'closedInPeriod'
  // status reports
  | 'ragThisPeriod'
  | 'ragPreviousPeriod'
  | 'previousRagReason'
  | 'keyActivities'
  | 'engagement'
  | 'concernsIssues'
  | 'managerUpdate'
  | 'ragRationale'
  | 'agreedCompletion'
  | 'forecastCompletion'
  | 'completionDateChangeNote'
  | 'reportingPeriodAsWritten'
  | 'namesAsWritten'
  | 'completedBy'
  | 'completionDate'
  | 'reportState'
  | 'returnReason'
  // sponsor comments and IIB feedback
  | 'sponsorComments'
  | 'kind'
  | 'feedback'
  | 'aboutPeriod'
  | 'response'
  | 'respondedBy'
  | 'respondedAt'
  | 'closedBy'
  | 'closedAt'
  | 'closingNote'
  // periods
  | 'period'
  | 'start'
  | 'end'
  | 'overview'
  | 'overallRag'
  | 'overviewAuthor'
  | 'boardMeetingDate'
  // workstreams
  | 'code'
  | 'description'
  | 'projectDescription'
  | 'outcomes'
  | 'sponsor'
  | 'projectManagers'
  | 'pmoSupport'
  | 'shortTitle'
  | 'fullTitle'
  | 'retired'
  // the programme and its RAG key
  | 'programme'
  | 'organisation'
  | 'board'
  | 'ragKeyIntroduction'
  | 'ratingScale'
  | 'usesSponsorComments'
  | 'usesMilestones'
  | 'usesSignOff'
  | 'printEmpty'
  | 'keyRisksTable'
  | 'rag'
  | 'definition'
  | 'ragDefinitions'
  // a phase's close-down
  | 'task'
  | 'phase'
  | 'theme'
  | 'themeAsWritten'
  | 'undertaken'
  | 'evidence'
  | 'outstanding'
  | 'destination'
  | 'destinationTheme'
  | 'destinationAsWritten'
  | 'sources'
  | 'phaseStart'
  | 'periodStart'
  | 'periodEnd'
  // the reasons and names the cycle's actions take
  | 'overrideReason'
  | 'reopenReason'
  | 'sectionName'
  | 'sectionAuthor';

/** What one of the reporting cycle's writes is doing (the repository's actions; worded at the edge). */
export type CycleDoing =
  | 'saveResponse'
  | 'closeChallenge'
  | 'saveOverview'
  | 'submitReport'
  | 'approveReport'
  | 'returnReport'
  | 'saveProgramme'
  | 'addWorkstream'
  | 'saveWorkstream'
  | 'moveWorkstream'
  | 'retireWorkstream'
  | 'restoreWorkstream'
  | 'setUpPeriod'
  | 'lockPeriod'
  | 'reopenPeriod'
  | 'addSection'
  | 'changeSection'
  | 'removeSection'
  | 'saveSectionText'
  | 'acknowledgeFinding'
  | 'withdrawAcknowledgement';

/**
 * What a snapshot records, as its refusals name it: a locked period's report (the whole snapshot,
 * or one of its programme or workstream parts), or a phase's close-down.
 */
export type SnapshotOf = { period: string; part?: 'programme' | 'workstream' } | { phase: string };

/** What is wrong at a place in a snapshot's document ("picture.risks[2].order is not a whole number"). */
export interface IShapeFault {
  path: string;
  problem: 'text' | 'yesNo' | 'wholeNumber' | 'date' | 'rag' | 'oneOf' | 'list' | 'object';
  /** The values allowed, for `oneOf`. */
  values?: string[];
}

/**
 * Why a snapshot is not read: parts missing or altered, not JSON, another kind of document (its
 * own kind, `found`, for a whole period's), a version this product does not read (`found` as
 * stored, none when it has none; `reads`: a range or the versions), its shape, or a part that
 * does not name the whole snapshot it was cut from.
 */
export type SnapshotFault =
  | { kind: 'missing' | 'incomplete' | 'checksum' | 'notJson' | 'noSnapshotNamed' }
  | { kind: 'otherKind'; found?: string }
  | { kind: 'version'; found?: string; reads: { from: number; to: number } | number[] }
  | { kind: 'shape'; at: IShapeFault };

/**
 * What a read is doing, for the words of its failure ("Could not read the period: …"): the
 * repository's reads, the site's own (who you are, your permissions, its people and time zone) and
 * provisioning's.
 */
export type ReadDoing =
  | 'periods'
  | 'programme'
  | 'period'
  | 'reported'
  | 'ragHistory'
  | 'ratings'
  | 'openRisks'
  | 'periodHistory'
  | 'challengeHistory'
  | 'workstreams'
  | 'sections'
  | 'acknowledgements'
  | 'timeZone'
  | 'whoYouAre'
  | 'permissions'
  | 'sitePermissions'
  | 'people'
  | 'reachSite'
  | 'siteLists'
  | 'siteColumns'
  | 'tenantSetting'
  | 'openSite';

/** What is being done with a phase or its close-down (the phases' repository's actions). */
export type PhaseDoing = 'readPhases' | 'readJourney' | 'readCloseDown' | 'draft' | 'addRow' | 'saveRow' | 'lock' | 'startNext';

/** A close-down row as a finding names it: by its task, or by its place when it has none. */
export type CloseDownRowName = { task: string } | { order: number };

/** What an export or import is doing (src/data/exchange/transfer.ts). */
export type ExchangeDoing = 'export' | 'exportPeriod' | 'checkEarlier' | 'readSite' | 'importList' | 'linkSources';

/** What a snapshot's part is of, as its title in Period Snapshots names it: a period's whole snapshot, its programme part, a group of its workstreams, or a phase's close-down. */
export type SnapshotTitleOf = { period: string } | { programmeOf: string } | { workstreamsOf: string; group: number; groups: number } | { closeDownOf: string };

/**
 * The drafted close-down's texts (src/domain/phases.ts: draftCloseDown): what it writes into a
 * row from the milestone or risk it comes from.
 */
export interface ICloseDownDraftTexts {
  /** A completed milestone's evidence: when it was reported complete, its number and its status as written. */
  reportedComplete(p: { period: string; number?: string; status?: string }): string;
  /** An open risk's task: its number and its description. */
  riskTask(p: { number?: string; description: string }): string;
  /** An open risk's activity outstanding, when it has a mitigation. */
  riskMitigation(p: { mitigation: string }): string;
}

/**
 * What the product writes into SharePoint's lists as content (not a message): a new programme's
 * RAG key, snapshots' titles, a close-down's draft and what carrying it into the next phase
 * writes. Content is words too, so it comes from the edge (src/ui/writtenTexts.ts, installed with
 * the writes' words: src/data/writtenTexts.ts), word for word as the product wrote it before.
 */
export interface IWrittenTexts extends ICloseDownDraftTexts {
  /** The RAG key a programme set up without one starts with: the methodology's definitions. */
  defaultRagDefinitions: readonly IRagDefinition[];
  /** A snapshot part's title: what it is of, and which part of how many. */
  snapshotPartTitle(p: { of: SnapshotTitleOf; part: number; parts: number }): string;
  /** A milestone carried into the next phase: its status, naming the closed phase and what was outstanding. */
  carriedMilestoneStatus(p: { phase: string; outstanding?: string }): string;
  /** The note added to a risk's mitigation as its phase closes: carried into the next phase, or closed with a reason. */
  riskClosedNote(p: { carriedInto: string } | { closedIn: string; reason: string }): string;
}

/** A message's code. */
export type MessageCode = keyof IMessageParams;

/** What happened, as a code with the field at fault and the values its words need. */
export type IMessage<C extends MessageCode = MessageCode> = {
  [K in C]: { readonly code: K; readonly field?: string; readonly params: IMessageParams[K] };
}[C];

/** A message of the given code. */
export function message<C extends MessageCode>(code: C, params: IMessageParams[C], field?: string): IMessage<C> {
  return (field === undefined ? { code, params } : { code, field, params }) as IMessage<C>;
}

/** The codes only importing, exporting and provisioning a site give, worded apart (src/ui/siteFileWords.ts). */
export type SiteFileCode =
  | 'exchangeAction'
  | 'importRefused'
  | 'importPeriodWithoutSnapshot'
  | 'exportPeriodGone'
  | 'importCloseDownWithoutSnapshot'
  | 'importNotAnExport'
  | 'importExportVersion'
  | 'importNotAList'
  | 'importUnknownList'
  | 'importNotAColumn'
  | 'importNotFound'
  | 'importRepeated'
  | 'importOneProgramme'
  | 'importProgrammeThere'
  | 'importOriginNotFound'
  | 'importSourceNotFound'
  | 'findingRecordMissing'
  | 'acknowledgementUnlinked'
  | 'cellEmpty'
  | 'cellNotADate'
  | 'cellDateRefused'
  | 'cellNotADateTime'
  | 'cellNotANumber'
  | 'cellNotYesOrNo'
  | 'cellNotAChoice'
  | 'cellOnePerson'
  | 'cellNotUsers'
  | 'cellNotText'
  | 'cellTooLong'
  | 'workbookUnreadable'
  | 'cellNoHeading'
  | 'provisionStep'
  | 'lookupListMissing'
  | 'columnTypeDiffers';

/** The codes only a phase's close-down writes give (src/data/phaseWrites.ts), worded apart (src/ui/closeDownWords.ts). */
export type CloseDownWriteCode =
  | 'closeDownTaskMissing'
  | 'closeDownTooLong'
  | 'notADestination'
  | 'phaseOfficeOnly'
  | 'phaseClosed'
  | 'closeDownExists'
  | 'closeDownRowGone'
  | 'closeDownBoardDateMissing'
  | 'closeDownBlocked'
  | 'phaseNoPeriods'
  | 'closeDownKeptChanging'
  | 'lockCloseDownFirst'
  | 'closeDownCarriedAlready'
  | 'nextPhaseNoTitle'
  | 'nextPeriodNoTitle'
  | 'nextPeriodEndBeforeStart'
  | 'notAnOpenPhase'
  | 'phaseTitleTaken'
  | 'nextPeriodOverlaps'
  | 'nextPeriodTitleTaken'
  | 'noThemes'
  | 'themeNoWorkstream'
  | 'themeNeedsCodeAndTitle'
  | 'themeCodeTaken'
  | 'rowNotPlaced'
  | 'riskUndecided';

/**
 * The codes only the repository's writes give (src/data/repositoryWrites.ts, loaded on first use),
 * worded apart (src/ui/writeWords.ts) so that their words come with the writes' part, not with
 * every first load; and the product's own faults (a caller asking the field tables, the lists'
 * columns or the exchange's tables for what they do not have: never a user's doing, and shown by
 * the views as their words for an unknown failure), worded with them. Until those words are
 * added, such a fault reads as its code and values, as in a log.
 */
export type WritesCode =
  | 'periodLocked'
  | 'feedbackOnRecord'
  | 'sponsorWorkstreamGone'
  | 'notSectionsWriter'
  | 'submitForbidden'
  | 'submitNotDraft'
  | 'approveForbidden'
  | 'approveNotSubmitted'
  | 'sendBackForbidden'
  | 'sendBackWrongState'
  | 'sendBackNoReason'
  | 'reportNotEditable'
  | 'notProgrammeOfficeClose'
  | 'cycleAction'
  | 'readPlannedMilestones'
  | 'bringPlannedMilestones'
  | 'plannedMilestonesNotBrought'
  | 'historyApprovedOver'
  | 'historyLockedOver'
  | 'reloadAndRetry'
  | 'sectionOrderRange'
  | 'sectionRemoved'
  | 'sectionGone'
  | 'sectionTextChanged'
  | 'requestKeyLength'
  | 'workflowNotByEditing'
  | 'stateNotByEditing'
  | 'newChallengeAnswered'
  | 'noAboutPeriod'
  | 'aboutEarlierPeriod'
  | 'overviewForbidden'
  | 'submitBlocked'
  | 'programmeForbidden'
  | 'programmeSetUpAlready'
  | 'alreadyAtEnd'
  | 'periodSetUpForbidden'
  | 'periodEndBeforeStart'
  | 'periodOverlaps'
  | 'periodTitleTaken'
  | 'lockKeptChanging'
  | 'findingGone'
  | 'findingMustBeFixed'
  | 'acknowledgementGone'
  | 'codeTakenMeanwhile'
  | 'personNotOnSite'
  | 'mustFixFirst'
  | 'alreadyLocked'
  | 'notLocked'
  | 'lockForbidden'
  | 'reopenForbidden'
  | 'lockNotApproved'
  | 'lockUnapprovedNoReason'
  // the product's own faults
  | 'noSuchField'
  | 'noSuchColumn'
  | 'noColumnFor'
  | 'noColumnToRead'
  | 'columnNotIndexed'
  | 'lookupUnnamed'
  | 'noExchangeTable'
  | 'partSizeTooSmall'
  | 'addToList';

/**
 * The codes only the dashboard's challenge log and sponsor comments give (src/data/rights.ts, and
 * the writes' checks), worded apart (src/ui/rightsWords.ts) so that the task pane does not carry them.
 */
export type RightsCode = 'feedbackPeriodLocked' | 'notWorkstreamSponsor' | 'notFeedbackAuthor' | 'challengeClosed' | 'notAChallenge';

/** The words for every code but those worded apart: a missing code, or words expecting other values, do not compile. */
export type MessageWords = { readonly [C in Exclude<MessageCode, SiteFileCode | CloseDownWriteCode | WritesCode | RightsCode>]: (params: IMessageParams[C]) => string };

/** The words for the challenge log's and sponsor comments' codes. */
export type RightsWords = { readonly [C in RightsCode]: (params: IMessageParams[C]) => string };

/** The words for the writes' codes (and the product's own faults). */
export type WritesWords = { readonly [C in WritesCode]: (params: IMessageParams[C]) => string };

/** The words for a close-down's writes' codes. */
export type CloseDownWriteWords = { readonly [C in CloseDownWriteCode]: (params: IMessageParams[C]) => string };

/** The words for the site files' codes. */
export type SiteFileWords = { readonly [C in SiteFileCode]: (params: IMessageParams[C]) => string };

let wording: ((m: IMessage) => string) | undefined;

let fieldWording: ((f: FieldNameCode) => string) | undefined;

/**
 * Installs the words the edge (web part, task pane, CLI) names fields by. Until one is installed,
 * a field is named by its code.
 */
export function setFieldWording(words: (f: FieldNameCode) => string): void {
  fieldWording = words;
}

/** The field's name in the installed words (its code, when none are installed). */
export function fieldName(f: FieldNameCode): string {
  return fieldWording ? fieldWording(f) : f;
}

/**
 * Installs the words the edge (web part, task pane, CLI) gives messages. Until one is installed,
 * a message reads as its code and values (for logs; never shown to a user by the product, whose
 * edges install their words first).
 */
export function setMessageWording(words: (m: IMessage) => string): void {
  wording = words;
}

let writesWording: (() => Promise<void>) | undefined;

/**
 * Sets how the edge brings the words of the writes' messages ({@link WritesCode}): the
 * repositories load them with their writes' part (src/data/writesPart.ts), so that a first load,
 * which only reads, does not carry them.
 */
export function setWritesWording(load: () => Promise<void>): void {
  writesWording = load;
}

/** Brings the writes' messages' words as the edge set (nothing, when it set none). */
export function loadWritesWording(): Promise<void> {
  return writesWording ? writesWording() : Promise.resolve();
}

/** The message in the installed words (or its code and values, when none are installed). */
export function wordOf(m: IMessage): string {
  return wording ? wording(m) : `${m.code} ${JSON.stringify(m.params)}`;
}

/** A message in the installed words with its code and values, for what carries both (`message` and `detail`). */
export function said(m: IMessage): { message: string; detail: IMessage } {
  return { message: wordOf(m), detail: m };
}
