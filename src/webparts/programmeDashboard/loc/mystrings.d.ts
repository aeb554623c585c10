declare interface IProgrammeDashboardWebPartStrings {
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  WorkstreamFieldLabel: string;
  WorkstreamFieldDescription: string;
  TeamsAppIdFieldLabel: string;
  TeamsAppIdFieldDescription: string;
  TeamsLinkLabel: string;
  WholeProgrammeOption: string;
  LoadingWorkstreams: string;
  WorkstreamsUnavailable: string;
  Loading: string;
  /** Button to load again after a failure. */
  Retry: string;
  /** A part of the dashboard loaded on first use could not be fetched. */
  PartLoadFailed: string;
  Save: string;
  Cancel: string;
  Close: string;
  /** The X button of a panel. */
  ClosePanel: string;
  Dismiss: string;
  /** Progress while a change is stored. */
  Saving: string;
  /** Confirmation once a change is stored. */
  Saved: string;
  Deleting: string;
  /** Button: the programme office opens the workstreams' set-up. */
  SetUpWorkstreams: string;
  WorkstreamSetUpTitle: string;
  WorkstreamSetUpText: string;
  AddWorkstream: string;
  AddWorkstreamTitle: string;
  EditWorkstreamTitle: string;
  /** {0}: the workstream's code. */
  EditWorkstreamHeading: string;
  NoWorkstreamsYet: string;
  WorkstreamOrderLabel: string;
  /** {0}: place in the order; {1}: code; {2}: short title. */
  WorkstreamPlace: string;
  RetiredMarker: string;
  /** {0}: the workstream's code. */
  MoveUpLabel: string;
  /** {0}: the workstream's code. */
  MoveDownLabel: string;
  /** {0}: the workstream's code. */
  EditWorkstreamLabel: string;
  RetireWorkstream: string;
  /** {0}: the workstream's code. */
  RetireWorkstreamLabel: string;
  RestoreWorkstream: string;
  /** {0}: the workstream's code. */
  RestoreWorkstreamLabel: string;
  /** {0}: code; {1}: its place; {2}: how many. */
  WorkstreamMovedMessage: string;
  WorkstreamRetiredMessage: string;
  WorkstreamRestoredMessage: string;
  WorkstreamSavedMessage: string;
  WorkstreamAddedMessage: string;
  WorkstreamConflict: string;
  WorkstreamReloaded: string;
  WorkstreamGone: string;
  ErrorSetUpNotProgrammeOffice: string;
  ErrorSetUpForbidden: string;
  WorkstreamCodeLabel: string;
  WorkstreamCodeHint: string;
  WorkstreamTitleLabel: string;
  WorkstreamTitleHint: string;
  WorkstreamShortTitleLabel: string;
  WorkstreamShortTitleHint: string;
  WorkstreamDescriptionLabel: string;
  WorkstreamOutcomesLabel: string;
  WorkstreamOutcomesHint: string;
  WorkstreamSponsorLabel: string;
  WorkstreamManagersLabel: string;
  WorkstreamPmoLabel: string;
  ChoosePeoplePlaceholder: string;
  ClearSponsor: string;
  BoardMeetingDateLabel: string;
  BoardMeetingDateHint: string;
  /** {0}: the meeting's date, dd/mm/yyyy. */
  HistoryBoardMeeting: string;
  Deleted: string;
  Edit: string;
  Delete: string;
  LoadingPeriod: string;
  LoadingHistory: string;
  /** A cell or status with no RAG rating. */
  NotRated: string;
  /** A previous rating the report does not give. */
  NotStated: string;
  /** Beside last period's rating when it is the one recorded: {0} the previous period's title. */
  LastPeriodRecorded: string;
  /** Beside last period's rating when the report states another: {0} the report's reason. */
  LastPeriodStated: string;
  NotRatedChoice: string;
  /** A value the report leaves empty. */
  NotGiven: string;
  EmptyRow: string;
  /** An empty field in the conflict view. */
  EmptyValue: string;
  /** Between names in a list. */
  ListSeparator: string;
  /** A numbered row in accessible names: {0} number, {1} text. */
  NumberedItem: string;
  ChoosePlaceholder: string;
  /** Name of the scrolling area round a table: {0} the table. */
  ScrollableTable: string;
  DateFormatHint: string;
  /** A rating and its direction for screen readers: {0} rating, {1} direction in lower case. */
  RagSpoken: string;
  /** Symbol beside a rating that improved (always with words for screen readers). */
  GlyphImproved: string;
  GlyphWorsened: string;
  GlyphUnchanged: string;
  GlyphNew: string;
  GlyphError: string;
  GlyphWarning: string;
  GlyphInfo: string;
  /** {0} organisation, {1} board. */
  ProgrammeSubtitle: string;
  MatrixHeading: string;
  MatrixCaption: string;
  WorkstreamColumn: string;
  OpenRisksColumn: string;
  /** {0} latest period. */
  MilestonesDueColumn: string;
  MilestonesDueColumnNoPeriod: string;
  MilestonesNextDue: string;
  MilestonesOverdueOne: string;
  MilestonesOverdueMany: string;
  RagKeyHeading: string;
  OverviewHeading: string;
  OverallRating: string;
  NoOverview: string;
  NoPeriods: string;
  NoWorkstreams: string;
  /** Trends at a glance (the programme view). */
  TrendsHeading: string;
  TrendsIntro: string;
  /** Name of one workstream's trend list: {0} workstream. */
  TrendListLabel: string;
  /** One point of a trend for screen readers: {0} period, {1} rating or "Not rated". */
  TrendPoint: string;
  TrendDraftRating: string;
  TrendKeyDraft: string;
  /** The latest rating beside a trend: {0} period. */
  TrendLatest: string;
  /** A workstream with no rating in any period. */
  TrendNeverRated: string;
  /** Short labels on the trend's cells, always with the key below and words for screen readers. */
  RagShortGreen: string;
  RagShortGreenAmber: string;
  RagShortAmber: string;
  RagShortAmberRed: string;
  RagShortRed: string;
  RagShortNone: string;
  RagShortAwaiting: string;
  TrendKeyLabel: string;
  /** The "Amber or worse" filter of the programme view's workstreams. */
  FilterAmberOrWorse: string;
  /** {0} shown, {1} all. */
  FilterResult: string;
  /** {0} all. */
  FilterAll: string;
  FilterNone: string;
  /** The programme's 5 × 5 risk matrix. */
  RiskMatrixHeading: string;
  RiskMatrixTableRegion: string;
  RiskMatrixCaption: string;
  RiskMatrixCorner: string;
  RiskMatrixIntro: string;
  RiskMatrixNoRisks: string;
  RiskMatrixChoose: string;
  /** A likelihood or impact header: {0} number, {1} word. */
  RiskScaleHeader: string;
  RiskLikelihood1: string;
  RiskLikelihood2: string;
  RiskLikelihood3: string;
  RiskLikelihood4: string;
  RiskLikelihood5: string;
  RiskImpact1: string;
  RiskImpact2: string;
  RiskImpact3: string;
  RiskImpact4: string;
  RiskImpact5: string;
  RiskBandLow: string;
  RiskBandMedium: string;
  RiskBandHigh: string;
  RiskBandVeryHigh: string;
  /** {0} count. */
  RiskCountOne: string;
  RiskCountMany: string;
  /** A cell's button: {0} count in words, {1} likelihood, {2} impact, {3} band. */
  RiskCellButton: string;
  /** {0} count. */
  RiskNotScoredButton: string;
  /** Heading of a cell's list: {0} likelihood, {1} impact, {2} band, {3} count in words. */
  RiskCellListHeading: string;
  /** {0} count in words. */
  RiskNotScoredListHeading: string;
  /** {0} owner. */
  RiskOwnerLine: string;
  RiskNoOwner: string;
  RiskNoDescription: string;
  /** The heading of the programme office's first step on a site with no programme. */
  ProgrammeSetUpHeading: string;
  ProgrammeSetUpIntro: string;
  FieldProgrammeTitle: string;
  FieldProgrammeTitleHint: string;
  FieldOrganisation: string;
  FieldBoard: string;
  ReportingOptionsHeading: string;
  FieldRatingScale: string;
  RatingFiveLevels: string;
  RatingThreeLevels: string;
  RatingNotYet: string;
  FieldUsesSponsorComments: string;
  FieldUsesMilestones: string;
  FieldUsesSignOff: string;
  FieldKeyRisksTable: string;
  FieldPrintEmpty: string;
  SaveProgramme: string;
  SavingProgramme: string;
  /** Shown to everyone but the programme office on a site with no programme. */
  NothingReportedHeading: string;
  NothingReportedText: string;
  /** The programme view's table when the programme does not rate its workstreams. */
  MatrixHeadingUnrated: string;
  MatrixCaptionUnrated: string;
  KeyRisksHeading: string;
  /** {0}: the period. */
  KeyRisksCaption: string;
  /** {0}: the period. */
  KeyRisksNone: string;
  UnknownWorkstreamCode: string;
  BackToProgramme: string;
  PeriodPickerLabel: string;
  SponsorLine: string;
  ProjectManagersLine: string;
  /** {0} period title. */
  PeriodLocked: string;
  StatusHeading: string;
  NoStatusReport: string;
  ThisPeriodLabel: string;
  PreviousPeriodLabel: string;
  DirectionLabel: string;
  ReportingPeriodLabel: string;
  CompletedByLine: string;
  EditStatusReport: string;
  AddStatusReport: string;
  SponsorCommentsHeading: string;
  NoSponsorComments: string;
  WrittenBy: string;
  AddSponsorComments: string;
  EditSponsorComments: string;
  FeedbackHeading: string;
  NoFeedback: string;
  AddFeedback: string;
  AddFeedbackTitle: string;
  EditFeedbackTitle: string;
  /** {0} kind, {1} start of the text. */
  EditFeedbackAria: string;
  FeedbackRecordedByOn: string;
  FeedbackRecordedBy: string;
  FeedbackRecordedOn: string;
  MilestonesThisPeriodHeading: string;
  MilestonesNextPeriodHeading: string;
  /** {0} table, {1} workstream, {2} period. */
  TableCaption: string;
  NumberColumn: string;
  MilestoneColumn: string;
  StatusColumn: string;
  ActionsColumn: string;
  RowActionsAria: string;
  DueOverdue: string;
  DueUnknown: string;
  OverdueLabel: string;
  RiskScoreColumn: string;
  RiskScoreValue: string;
  RiskScoreAria: string;
  RiskScorePartial: string;
  RiskScoreNotGiven: string;
  RiskScoreMissingPart: string;
  RiskOwnerColumn: string;
  NoMilestonesThisPeriod: string;
  NoMilestonesNextPeriod: string;
  DueOn: string;
  StatusCategoryLine: string;
  ChangeStatus: string;
  /** {0} the milestone, as MilestoneRef gives it. */
  ChangeStatusAria: string;
  EditMilestoneAria: string;
  MoveUp: string;
  MoveDown: string;
  MoveUpAria: string;
  MoveDownAria: string;
  /** {0} number and text of a milestone this period. */
  MilestoneRefThisPeriod: string;
  /** {0} number and text of a milestone planned for next period. */
  MilestoneRefNextPeriod: string;
  /** {0} number and text of a risk. */
  RiskRef: string;
  DeleteMilestoneAria: string;
  AddMilestoneThisPeriod: string;
  AddMilestoneNextPeriod: string;
  RisksHeading: string;
  NoRisks: string;
  RiskStateColumn: string;
  RiskOpen: string;
  RiskClosed: string;
  CloseRisk: string;
  EditRiskAria: string;
  CloseRiskAria: string;
  DeleteRiskAria: string;
  RiskClosedMessage: string;
  AddRisk: string;
  RagHistoryHeading: string;
  RagHistoryCaption: string;
  PeriodColumn: string;
  RatingColumn: string;
  ReadinessHeading: string;
  ReadinessIntro: string;
  ReadinessNone: string;
  SeverityError: string;
  SeverityWarning: string;
  SeverityInfo: string;
  /** {0} workstream, {1} period. */
  FormContext: string;
  /** {0} workstream, {1} period, {2} item. */
  FormContextItem: string;
  EditStatusReportTitle: string;
  AddStatusReportTitle: string;
  FieldRag: string;
  FieldPreviousRag: string;
  FieldPreviousRagReason: string;
  KeyActivitiesLabel: string;
  EngagementLabel: string;
  ConcernsIssuesLabel: string;
  ManagerUpdateLabel: string;
  RagRationaleLabel: string;
  AgreedCompletionLabel: string;
  ForecastCompletionLabel: string;
  CompletionDateChangeNoteLabel: string;
  CompletedByLabel: string;
  CompletionDateLabel: string;
  EditMilestoneTitle: string;
  ChangeStatusTitle: string;
  MilestoneNumberLabel: string;
  MilestoneTitleLabel: string;
  MilestoneStatusLabel: string;
  MilestoneStatusHint: string;
  MilestoneStatusCategoryLabel: string;
  MilestoneDueDateLabel: string;
  StatusCategoryNone: string;
  StatusCategoryNotStarted: string;
  StatusCategoryInProgress: string;
  StatusCategoryOngoing: string;
  StatusCategoryComplete: string;
  StatusCategoryDelayed: string;
  EditRiskTitle: string;
  AddRiskTitle: string;
  RiskNumberLabel: string;
  RiskDescriptionLabel: string;
  RiskMitigationLabel: string;
  RiskLikelihoodLabel: string;
  RiskImpactLabel: string;
  RiskScoreHint: string;
  RiskOwnerLabel: string;
  SponsorCommentsLabel: string;
  FeedbackKindLabel: string;
  FeedbackKindChallenge: string;
  FeedbackKindFeedback: string;
  FeedbackTextLabel: string;
  UnsavedChanges: string;
  DiscardChanges: string;
  KeepEditing: string;
  DeleteTitle: string;
  /** {0} the item, e.g. "risk 2 (Skills lost)". */
  DeleteConfirmText: string;
  ConflictIntro: string;
  ConflictRegionLabel: string;
  ConflictYours: string;
  ConflictCurrent: string;
  ConflictDifferent: string;
  ConflictSame: string;
  ConflictKeepMine: string;
  ConflictUseCurrent: string;
  ConflictEditFromCurrent: string;
  DiscardedIntro: string;
  DiscardedTextLabel: string;
  /** {0} field, {1} what the user typed. */
  PreservedField: string;
  EditFromCurrentIntro: string;
  YourVersionLabel: string;
  EntityStatusReport: string;
  EntitySponsorComment: string;
  EntityMilestone: string;
  EntityRisk: string;
  EntityFeedback: string;
  ListStatusReports: string;
  ListSponsorComments: string;
  ListMilestones: string;
  ListRisks: string;
  ListFeedback: string;
  /** {0} list, in lower case. */
  ErrorForbidden: string;
  /** A sponsor writing another workstream's sponsor comments (the product's rule). */
  ErrorNotSponsor: string;
  ErrorThrottled: string;
  ErrorThrottledOneSecond: string;
  ErrorThrottledSoon: string;
  ErrorNotFound: string;
  ErrorNetwork: string;
  ErrorValidation: string;
  ErrorThreshold: string;
  ErrorConflictAction: string;
  ErrorUnknown: string;
  LoadErrorForbidden: string;
  LoadErrorNotFound: string;
  LoadErrorNetwork: string;
  LoadErrorUnknown: string;
  ReportStateLabel: string;
  /** A period with no status report yet. */
  ReportStateNotStarted: string;
  ReportStateDraft: string;
  ReportStateSubmitted: string;
  ReportStateApproved: string;
  ReportStateReturned: string;
  ReturnedHeading: string;
  ReturnedNoReason: string;
  ReportSubmittedNoEdit: string;
  ReportApprovedNoEdit: string;
  SubmitReport: string;
  SubmitReportTitle: string;
  /** {0} workstream, {1} period. */
  SubmitReportText: string;
  SubmitBlockedIntro: string;
  Submitting: string;
  ReportSubmittedMessage: string;
  ApproveReport: string;
  /** {0} workstream whose report is approved. */
  ApproveReportAria: string;
  Approving: string;
  /** {0} workstream, {1} period. */
  ReportApprovedMessage: string;
  ReturnReport: string;
  /** {0} workstream whose report is sent back. */
  ReturnReportAria: string;
  ReturnReportTitle: string;
  /** {0} workstream, {1} period. */
  ReturnReportText: string;
  ReturnReasonLabel: string;
  ReturnReasonHint: string;
  Returning: string;
  /** {0} workstream, {1} period. */
  ReportReturnedMessage: string;
  /** {0} dd/mm/yyyy, {1} who locked it. */
  PeriodLockedBanner: string;
  /** {0} dd/mm/yyyy. */
  PeriodLockedBannerNoName: string;
  /** {0} period. */
  ReopenPeriod: string;
  /** {0} period. */
  ReopenPeriodTitle: string;
  /** {0} period. */
  ReopenPeriodText: string;
  ReopenReasonLabel: string;
  ReasonRecorded: string;
  Reopening: string;
  /** {0} period. */
  PeriodReopenedMessage: string;
  /** {0} period. */
  PeriodHistoryHeading: string;
  PeriodHistoryNone: string;
  LoadingPeriodHistory: string;
  /** {0} dd/mm/yyyy, {1} who. */
  HistoryLocked: string;
  /** {0} dd/mm/yyyy, {1} who. */
  HistoryReopened: string;
  /** An approval or lock given over must-fix readiness findings: {0} date, {1} person. */
  HistoryOverridden: string;
  HistoryReason: string;
  SomeoneUnknown: string;
  OfficeHeading: string;
  OfficeIntro: string;
  OfficePeriodLabel: string;
  OfficeNoOpenPeriod: string;
  /** {0} approved, {1} workstreams, {2} submitted. */
  OfficeProgress: string;
  /** {0} period. */
  OfficeCaption: string;
  OfficeReportColumn: string;
  OfficeSponsorColumn: string;
  OfficeReadinessColumn: string;
  /** {0} findings in words. */
  OfficeWholeReport: string;
  SponsorCommentsPresent: string;
  SponsorCommentsMissing: string;
  /** {0} the workstream's sponsor. */
  SponsorCommentsMissingFrom: string;
  FindingsNone: string;
  /** {0} readiness findings that must be fixed. */
  FindingsMustFix: string;
  /** {0} readiness findings to check. */
  FindingsToCheck: string;
  /** {0} period (a locked period's readiness findings). */
  ReadinessIntroLocked: string;
  /** {0} period. */
  ReadinessNoneLocked: string;
  OpenWorkstream: string;
  /** {0} workstream. */
  OpenWorkstreamAria: string;
  LockPeriod: string;
  /** {0} period. */
  LockPeriodTitle: string;
  /** {0} period. */
  LockPeriodText: string;
  LockAnywayText: string;
  LockAnywayReasonLabel: string;
  LockAnyway: string;
  /** Before the reason to go ahead over must-fix readiness findings (approve or lock). */
  OverrideText: string;
  OverrideReasonLabel: string;
  ApproveOverTitle: string;
  /** {0} workstream, {1} period. */
  ApproveOverText: string;
  ApproveAnyway: string;
  Locking: string;
  /** {0} period. */
  PeriodLockedMessage: string;
  NewPeriod: string;
  NewPeriodTitle: string;
  NewPeriodText: string;
  NewPeriodTitleLabel: string;
  NewPeriodTitleHint: string;
  NewPeriodStartLabel: string;
  NewPeriodEndLabel: string;
  CreatePeriod: string;
  Creating: string;
  /** {0} period. */
  PeriodCreatedMessage: string;
  /** {0} period. */
  OwedHeading: string;
  /** {0} period. */
  OwedNothing: string;
  /** Between the things still to do (hidden from screen readers, which hear a list). */
  OwedSeparator: string;
  OwedStartReport: string;
  OwedSubmitDraft: string;
  OwedResubmit: string;
  /** {0} the workstream's sponsor. */
  OwedSponsorFrom: string;
  OwedSponsor: string;
  OwedFindingsOne: string;
  /** {0} how many. */
  OwedFindingsMany: string;
  OwedReportWithOffice: string;
  OwedReportApproved: string;
  EntityPeriod: string;
  ActionSubmit: string;
  ActionReview: string;
  ActionLock: string;
  ActionReopen: string;
  ActionCreatePeriod: string;
  /** {0} what the user tried, e.g. "lock periods". */
  ErrorForbiddenAction: string;
  ErrorUnknownAction: string;
  /** Label of the property pane field for the programme site's address. */
  ProgrammeSiteFieldLabel: string;
  /** Help under the programme site field. */
  ProgrammeSiteFieldDescription: string;
  /** Placeholder of the programme site field. */
  ProgrammeSiteFieldPlaceholder: string;
  /** While the programme site is found or checked. */
  ProgrammeSiteChecking: string;
  /** Under the field once a site has been checked. */
  ProgrammeSiteInUse: string;
  /** No setting names a programme site and this site has not got the lists. */
  ProgrammeSiteNotSet: string;
  /** The setting is not a site address. */
  ProgrammeSiteInvalidUrl: string;
  /** The setting names another host. */
  ProgrammeSiteOtherHost: string;
  /** No site at the address. */
  ProgrammeSiteNotFound: string;
  /** The site has not got the programme's lists. */
  ProgrammeSiteListsMissing: string;
  /** The user may not read the site or its lists. */
  ProgrammeSiteForbidden: string;
  /** The site did not answer. */
  ProgrammeSiteUnreachable: string;
  /** Button: create or update the programme's lists on the site. */
  SetUpSite: string;
  /** Beside the button, when the lists are missing. */
  SetUpSiteOffer: string;
  /** Progress of setting up: {0} done, {1} in all. */
  SettingUpSite: string;
  /** Once setting up is done. */
  SetUpSiteDone: string;
  /** Setting up failed; {0} is why. */
  SetUpSiteFailed: string;
  /** For those who manage the lists, when the site's lists are older than the product's. */
  ListsOutOfDate: string;
  /** Button: upgrade the site's lists. */
  UpdateLists: string;
  PeriodSectionsHeading: string;
  PeriodSectionsNone: string;
  PeriodSectionEdit: string;
  PeriodSectionSave: string;
  PeriodSectionCancel: string;
  PeriodSectionTextLabel: string;
  PeriodSectionSaved: string;
  PeriodSectionConflict: string;
  PeriodSectionTheirs: string;
  PeriodSectionLocked: string;
  PeriodSectionWrittenBy: string;
  AwaitingApproval: string;
  AwaitingApprovalSpoken: string;
  ReaderStateDraft: string;
  ReaderStateSubmitted: string;
  ReaderStateReturned: string;
  ReportWithheld: string;
  DraftMark: string;
  DraftBanner: string;
  ReaderOpenBanner: string;
  DraftReportNote: string;
  CopyLink: string;
  CopyLinkLabel: string;
  LinkCopied: string;
  LinkCopyManual: string;
  LinkFieldLabel: string;
  OverviewWithheld: string;
  ListPeriods: string;
  ErrorNotFeedbackAuthor: string;
  ErrorNotWorkstreamLead: string;
  ErrorNotIibRecorder: string;
  ErrorNotProgrammeOffice: string;
  ErrorChallengeClosed: string;
  ErrorNotAChallenge: string;
  ErrorFeedbackPeriodLocked: string;
  ChallengeHeadingWithState: string;
  ChallengeStateOpen: string;
  ChallengeStateResponded: string;
  ChallengeStateClosed: string;
  FeedbackAboutPeriod: string;
  FeedbackRaisedIn: string;
  ResponseByOn: string;
  ClosedByOn: string;
  ClosingNoteThen: string;
  Respond: string;
  RespondAria: string;
  EditResponse: string;
  EditResponseAria: string;
  RespondTitle: string;
  EditResponseTitle: string;
  ResponseLabel: string;
  ResponseSaved: string;
  CloseChallenge: string;
  CloseChallengeAria: string;
  CloseChallengeTitle: string;
  ClosingNoteLabel: string;
  ClosingNoteHint: string;
  ChallengeClosedSaved: string;
  ShowHistory: string;
  ShowHistoryAria: string;
  HideHistory: string;
  HideHistoryAria: string;
  HistoryLoading: string;
  HistoryListLabel: string;
  HistoryVersion: string;
  HistoryVersionNow: string;
  HistoryByOn: string;
  HistoryRecorded: string;
  HistoryChangedText: string;
  HistoryResponded: string;
  HistoryChangedResponse: string;
  HistoryClosed: string;
  HistoryChangedClosing: string;
  HistoryChangedOther: string;
  HistoryResponseThen: string;
  HistoryClosedWithNote: string;
  HistoryClosedNoNote: string;
  AddFeedbackAbout: string;
  AddFeedbackAboutTitle: string;
  FeedbackGoesToOpen: string;
  FeedbackNoOpenPeriod: string;
  WriteOverview: string;
  WriteOverviewAria: string;
  EditOverview: string;
  EditOverviewAria: string;
  EditOverviewTitle: string;
  OverviewLabel: string;
  OverviewHint: string;
  OverviewAuthorLabel: string;
  OverviewAuthorHint: string;
  OverallRagLabel: string;
  OverallRagNone: string;
  OverviewSaved: string;
  PhaseOpen: string;
  PhaseClosing: string;
  PhaseClosedShort: string;
  PhaseClosed: string;
  PhaseStateLine: string;
  CloseDownHeading: string;
  CloseDownKeyHeading: string;
  CloseDownTableHeading: string;
  CloseDownTableCaption: string;
  CloseDownEmpty: string;
  CloseDownThemeColumn: string;
  CloseDownTaskColumn: string;
  CloseDownUndertakenColumn: string;
  CloseDownOutstandingColumn: string;
  CloseDownDestinationColumn: string;
  CloseDownEvidence: string;
  CloseDownNothing: string;
  PhasesNavLabel: string;
  PhaseCloseDownLink: string;
  PhaseLinkState: string;
  CloseDownNotFound: string;
  EntityCloseDownItem: string;
  ListCloseDown: string;
  CloseDownFieldTask: string;
  CloseDownFieldUndertaken: string;
  CloseDownFieldEvidence: string;
  CloseDownFieldOutstanding: string;
  CloseDownFieldDestination: string;
  CloseDownFieldTheme: string;
  CloseDownFieldDestinationWords: string;
  CloseDownTaskRequired: string;
  CloseDownTooLong: string;
  CloseDownThemeRequired: string;
  CloseDownEvidenceRequired: string;
  CloseDownNoDestinationChoice: string;
  CloseDownNoThemeChoice: string;
  CloseDownThemeHint: string;
  CloseDownDestinationWordsHint: string;
  CloseDownEditTitle: string;
  CloseDownEditContext: string;
  CloseDownRowSaved: string;
  CloseDownEditRowAria: string;
  CloseDownDraft: string;
  CloseDownDraftIntro: string;
  CloseDownDrafted: string;
  CloseDownReadinessHeading: string;
  CloseDownReady: string;
  CloseDownNotReady: string;
  CloseDownLock: string;
  CloseDownLocking: string;
  CloseDownLockedMessage: string;
  CloseDownLockedNote: string;
  CloseDownBoardDateHint: string;
  CloseDownBoardMeeting: string;
  NextPhaseHeading: string;
  NextPhaseIntro: string;
  NextPhaseTitle: string;
  NextPhaseStart: string;
  NextPhasePeriodLegend: string;
  NextPhasePeriodTitle: string;
  NextPhasePeriodStart: string;
  NextPhasePeriodEnd: string;
  NextPhaseThemeN: string;
  NextPhaseThemeKind: string;
  NextPhaseNewTheme: string;
  NextPhaseExistingTheme: string;
  NextPhaseThemeCode: string;
  NextPhaseThemeTitle: string;
  NextPhaseRemoveTheme: string;
  NextPhaseRemoveThemeAria: string;
  NextPhaseAddTheme: string;
  NextPhasePlacementsLegend: string;
  NextPhasePlacement: string;
  NextPhaseRisksLegend: string;
  NextPhaseRisk: string;
  NextPhaseCarryInto: string;
  NextPhaseCloseRisk: string;
  NextPhaseCloseReason: string;
  NextPhaseStartButton: string;
  NextPhaseStarted: string;
  MilestoneOrigin: string;
  MilestoneOriginAria: string;
}

declare module 'ProgrammeDashboardWebPartStrings' {
  const strings: IProgrammeDashboardWebPartStrings;
  export = strings;
}
