/**
 * The words only the programme view uses (its tables, the overview card, the key risks, the
 * period's sections, the filter and the export), with the first screen's (./strings.ts says how the
 * words are split). They come with the programme view's part, which a Teams tab pinned to a
 * workstream never fetches.
 */
import { strings as firstScreen } from './strings';

export const strings = {
  ...firstScreen,
  ProgrammeSubtitle: '{0}: reported to the {1}',
  MatrixHeading: 'Workstream status by period',
  MatrixCaption: 'RAG status of each workstream in each reporting period, earliest first, with the direction of travel since the period before',
  MatrixShowEarlier: 'Show {0} earlier periods',
  MatrixLatestOnly: 'Show only the latest periods',
  MatrixLoadingEarlier: 'Loading the ratings of earlier periods…',
  MilestonesDueColumn: 'Milestones due ({0})',
  MilestonesDueColumnNoPeriod: 'Milestones due',
  MilestonesNextDue: 'next due {0}',
  MilestonesOverdueOne: '1 overdue',
  MilestonesOverdueMany: '{0} overdue',
  RagKeyHeading: 'RAG key',
  OverviewHeading: 'Lead Executive Director overview',
  OverallRating: 'Overall programme rating:',
  NoOverview: 'No overview has been written for {0} yet.',
  NoWorkstreams: 'No workstreams have been set up yet. The programme office sets them up.',
  FilterAmberOrWorse: 'Only workstreams rated Amber or worse',
  FilterResult: 'Showing {0} of {1} workstreams: those whose latest rating is Amber, Amber/Red or Red.',
  FilterAll: 'Showing all {0} workstreams.',
  FilterNone: 'No workstream\'s latest rating is Amber or worse. Clear the filter to see them all.',
  MatrixHeadingUnrated: 'Workstreams',
  MatrixCaptionUnrated: 'Each workstream with its open risks; the programme does not rate its workstreams yet',
  KeyRisksHeading: 'Key risks by workstream',
  KeyRisksCaption: 'Risks open in {0}, by workstream, with their mitigation',
  KeyRisksNone: 'No risks are open in {0}.',
  PeriodSectionsHeading: 'The paper\'s sections',
  PeriodSectionsNone: 'Nothing has been written in this section for {0}.',
  PeriodSectionEdit: 'Edit {0}',
  PeriodSectionSave: 'Save',
  PeriodSectionCancel: 'Cancel',
  PeriodSectionTextLabel: '{0} – text for {1}',
  PeriodSectionSaved: '{0} saved.',
  PeriodSectionConflict: 'Someone else changed {0} while you were writing. Their text is shown below; yours is still in the box. Save again to replace theirs, or cancel to keep it.',
  PeriodSectionTheirs: 'Their text',
  PeriodSectionLocked: '{0} is locked: its sections are as they went to the Board.',
  PeriodSectionWrittenBy: 'Written by {0}',
  DraftBanner: 'Draft – not yet approved for the Board. {0} is open: reports not yet approved are marked Draft.',
  ReaderOpenBanner: '{0} is open: each workstream\'s report is shown once the programme office has approved it; the others are awaiting approval.',
  OverviewWithheld: 'The overview for {0} is shown once the period has gone to the Board.',
  PhasesNavLabel: 'Close-down of phases',
  PhaseCloseDownLink: '{0} close-down',
  PhaseLinkState: '({0})',
  ExportMatrixButton: 'Export to Excel',
  ExportMatrixDescription: 'The status matrix, every workstream\'s rating in every period, as an Excel workbook',
  ExportWorking: 'Preparing the workbook…',
  ExportDone: 'Your browser has the workbook: {0}.',
  ExportFailed: 'The workbook could not be made. {0}'
};
