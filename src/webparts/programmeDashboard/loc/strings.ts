/**
 * The dashboard's words, in British English: typed modules, as the Word task pane's are
 * (src/addin/loc/en-gb.ts), filled with `format` and `plural` from src/ui/format.ts. A word a
 * component uses that is not in the module it imports is a compile error, not an empty string at
 * run time.
 *
 * The words are in six modules so that each first load carries only its own (README,
 * Performance): this one has the words of the web part's first screen (the site gate, the period
 * picker, the errors: what ProgrammeDashboardWebPart.ts loads statically); ./programmeStrings.ts
 * adds the programme view's (where a page lands; a tab pinned to a workstream never loads them);
 * ./workstreamStrings.ts adds a workstream's view's (what a Teams tab opens on); ./cycleStrings.ts
 * adds the reporting cycle's checks and steps (with the readiness part and the panels);
 * ./formStrings.ts adds the edit forms' (which come with the editing panels); ./moreStrings.ts adds everything
 * else (the panels, the programme office's view, set-up, close-down) and is the whole dashboard's
 * words. Each module's `strings` holds the words of the one before it, so a
 * component imports one `strings`: the module of the first load it is part of.
 */
import { installMessageWords } from '../../../ui/messages';
import { installRightsWords } from '../../../ui/rightsWords';

export const strings = {
  // Beside every date field (components/forms.ts), wherever the field is.
  DateFormatHint: 'dd/mm/yyyy',
  PropertyPaneDescription: 'Choose what this dashboard shows. In a Teams tab, pick the workstream the tab belongs to.',
  SettingsGroupName: 'Dashboard settings',
  WorkstreamFieldLabel: 'Workstream',
  TeamsAppIdFieldLabel: 'Teams app id (for links to this tab)',
  TeamsAppIdFieldDescription: 'In Teams, "Copy link" copies a link to this tab. Leave empty to use the id SharePoint gives the app; on Teams for iOS the id the Teams admin centre shows may be needed.',
  TeamsLinkLabel: 'Programme highlights',
  WorkstreamFieldDescription: 'Choose a workstream to show only it (a workstream group\'s Teams tab), or the whole programme.',
  WholeProgrammeOption: 'The whole programme',
  LoadingWorkstreams: 'Loading the workstreams…',
  WorkstreamsUnavailable: 'The workstreams could not be read; the dashboard shows the whole programme until one is chosen.',
  Loading: 'Loading the programme…',
  Retry: 'Try again',
  PartLoadFailed: 'This part of the dashboard could not be loaded. Check your connection and try again.',
  Dismiss: 'Dismiss this message',
  LoadingPeriod: 'Loading the reporting period…',
  NotRated: 'Not rated',
  ScrollableTable: '{0} (table; scroll sideways to see every column)',
  RagSpoken: '{0}, {1}',
  GlyphImproved: '▲',
  GlyphWorsened: '▼',
  GlyphUnchanged: '▶',
  GlyphNew: '●',
  WorkstreamColumn: 'Workstream',
  OpenRisksColumn: 'Open risks',
  NoPeriods: 'No reporting periods have been set up yet. The programme office sets them up.',
  NothingReportedHeading: 'Nothing reported yet',
  NothingReportedText: 'The programme office has not set up the programme on this site yet. Its reports will be here once they have.',
  UnknownWorkstreamCode: 'This dashboard is set to show the workstream with the code "{0}", but the programme has no such workstream. Ask the programme office to check the tab\'s or web part\'s settings. The whole programme is shown below.',
  PeriodPickerLabel: 'Reporting period',
  PeriodLocked: '{0} is locked because it has gone to the Board. The programme office can reopen it.',
  RiskDescriptionLabel: 'Risk description',
  RiskMitigationLabel: 'Mitigation',
  EntityStatusReport: 'status report',
  EntitySponsorComment: 'sponsor comment',
  EntityMilestone: 'milestone',
  EntityRisk: 'risk',
  EntityFeedback: 'challenge or feedback',
  ListStatusReports: 'status reports',
  ListSponsorComments: 'sponsor comments',
  ListMilestones: 'milestones',
  ListRisks: 'risks',
  ListFeedback: 'IIB challenge and feedback',
  ErrorForbidden: 'You don\'t have permission to change {0}. Ask the programme office to give you access; your changes are still here.',
  ErrorNotSponsor: "Only this workstream's own sponsor (or the programme office) can write its sponsor comments. Your changes are still here.",
  ErrorThrottled: 'SharePoint is busy. Try again in {0} seconds.',
  ErrorThrottledOneSecond: 'SharePoint is busy. Try again in 1 second.',
  ErrorThrottledSoon: 'SharePoint is busy. Try again in a minute.',
  ErrorNotFound: 'Someone deleted this {0} since you opened it.',
  ErrorNetwork: 'Can\'t reach SharePoint. Check your connection; your changes are still here.',
  ErrorValidation: 'SharePoint did not accept this {0}. Check the fields and try again; your changes are still here.',
  ErrorThreshold: 'This list has grown past SharePoint\'s 5,000-item view limit. Ask the programme office to index it.',
  ErrorConflictAction: 'Someone else changed this {0} since you opened it. The page now shows the current version; check it and try again.',
  ErrorUnknown: 'Something went wrong and the change was not saved. Your changes are still here: try again, and if it keeps happening tell the programme office.',
  LoadErrorForbidden: 'You don\'t have permission to see this programme. Ask the programme office for access.',
  LoadErrorNotFound: 'The programme\'s lists could not be found on this site. Ask the programme office to check the site.',
  LoadErrorNetwork: 'Can\'t reach SharePoint. Check your connection and try again.',
  LoadErrorUnknown: 'The programme could not be loaded. Try again, and if it keeps happening tell the programme office.',
  EntityPeriod: 'reporting period',
  ActionSubmit: 'submit status reports',
  ActionReview: 'approve or send back status reports',
  ActionLock: 'lock periods',
  ActionReopen: 'reopen periods',
  ActionCreatePeriod: 'set up reporting periods',
  ErrorForbiddenAction: 'You don\'t have permission to {0}. Ask the programme office if you need it.',
  ErrorUnknownAction: 'Something went wrong and nothing was changed. Try again, and if it keeps happening tell the programme office.',
  ProgrammeSiteFieldLabel: 'Programme site',
  ProgrammeSiteFieldDescription: 'The address of the SharePoint site that holds the programme\'s lists, for example https://contoso.sharepoint.com/sites/improvement. Leave it empty to use your organisation\'s setting.',
  ProgrammeSiteFieldPlaceholder: 'https://contoso.sharepoint.com/sites/improvement',
  ProgrammeSiteChecking: 'Checking the programme site…',
  ProgrammeSiteInUse: 'Using the programme site {0}.',
  ProgrammeSiteNotSet: 'No programme site is set. Open this web part\'s or tab\'s settings and enter the address of the site that holds the programme\'s lists, or ask your SharePoint administrator to set it for everyone.',
  ProgrammeSiteInvalidUrl: '"{0}" is not a site address. Enter the programme site\'s address, for example https://contoso.sharepoint.com/sites/improvement.',
  ProgrammeSiteOtherHost: '{0} is not on this organisation\'s SharePoint. The programme site must be on the same SharePoint as this page.',
  ProgrammeSiteNotFound: 'There is no site at {0}. Check the programme site\'s address.',
  ProgrammeSiteListsMissing: 'The site {0} does not hold the programme\'s lists. Check the address, or ask the programme office to set up the lists on that site.',
  ProgrammeSiteForbidden: 'You don\'t have permission to read the programme at {0}. Ask the programme office for access.',
  ProgrammeSiteUnreachable: 'The programme site {0} could not be reached. Check your connection and try again.',
  SetUpSite: 'Set up this site',
  SetUpSiteOffer: 'As someone who manages this site\'s lists, you can create the programme\'s lists on {0} now. Nothing already there is removed.',
  SettingUpSite: 'Setting up the programme\'s lists: {0} of {1} changes made…',
  SetUpSiteDone: 'The programme\'s lists on {0} are set up (changes made: {1}).',
  SetUpSiteFailed: 'Setting up the lists stopped: {0} What was done so far is kept; set up the site again to carry on.',
  ListsOutOfDate: 'The programme\'s lists on {0} are out of date (changes to make: {1}). Bringing them up to date adds what is missing and removes nothing.',
  UpdateLists: 'Bring the lists up to date',
  AwaitingApproval: 'Awaiting approval',
  AwaitingApprovalSpoken: 'Not yet approved: awaiting approval',
  DraftMark: 'Draft',
  CopyLink: 'Copy link',
  CopyLinkLabel: 'Copy link to this view',
  LinkCopied: 'Link to this view copied.',
  LinkCopyManual: 'Your browser did not let the page copy it. Select the link and copy it:',
  LinkFieldLabel: 'Link to this view',
  ListPeriods: 'reporting periods',
  ErrorNotFeedbackAuthor: 'Only the member who recorded this challenge or feedback, or the programme office, can change it: what is on record stays as its author said it.',
  ErrorNotWorkstreamLead: 'Only the workstream\'s project managers respond to its challenges.',
  ErrorNotIibRecorder: 'The IIB\'s challenge and feedback are recorded by its members and the programme office; a workstream\'s own people respond to it.',
  ErrorNotProgrammeOffice: 'Only the programme office can do this.',
  ErrorChallengeClosed: 'The programme office has closed this challenge, so it no longer changes.',
  ErrorNotAChallenge: 'Only challenges are responded to and closed, not feedback.',
  ErrorFeedbackPeriodLocked: '{0} is locked, so its challenge log is not added to. Record the challenge in the open period\'s log, about {0}.',
  PhaseOpen: 'open',
  PhaseClosing: 'closing',
  PhaseClosedShort: 'closed',
  EntityCloseDownItem: 'close-down row',
  ListCloseDown: 'Close-down Items',
};

// The domain's and the data layer's messages (codes and values) are worded by the one table the
// dashboard, the task pane and the CLI share (src/ui/messages.ts); the challenge log's and sponsor
// comments' refusals, which the dashboard alone shows, by their own (src/ui/rightsWords.ts).
installMessageWords();
installRightsWords();
