/**
 * Programmes shaped unlike the seeded one, for tests that must not lean on its shape:
 * - FIRST_PHASE: the first phase of an improvement plan — six themes A–F titled with two or three
 *   sentences (over 255 characters) and a short title each, one open period with no ratings, no
 *   sponsor comments, no milestones and no sign-off, three progress bullets and one key risk per
 *   theme, its risks in one table of key risks by workstream;
 * - EMPTY_SITE: a site whose programme is not set up yet (npm start -- --empty): the people and
 *   nothing else.
 */
import type { IReportingOptions, IStatusReport, IRisk, IWorkstream } from '../../src/domain';
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';

const TOPICS: string[] = ['Culture and leadership', 'Governance', 'Finance', 'Transport', 'Skills', 'Housing'];
const LETTERS: string[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/** The first phase's reporting options: nothing but updates and risks, and no padding. */
export const FIRST_PHASE_OPTIONS: IReportingOptions = {
  rated: false,
  ragScale: 'five',
  sponsorComments: false,
  milestones: false,
  signOff: false,
  printEmpty: false,
  keyRisks: true
};

/** A theme's full title: two sentences, well over SharePoint's 255-character single line. */
export function themeTitle(letter: string, topic: string): string {
  return (
    `Theme ${letter} – ${topic}. The authority puts right the weaknesses the best value notice found in ${topic.toLowerCase()}, with clear ownership by members and officers and evidence the Board can test. ` +
    `Progress is reported to the Independent Improvement Board every month, and what is learned is built into the directorate plans so that the change lasts beyond the programme's first phase.`
  );
}

const workstreams: IWorkstream[] = LETTERS.map((letter, i) => ({
  id: i + 1,
  code: `THEME-${letter}`,
  title: themeTitle(letter, TOPICS[i]),
  shortTitle: `Theme ${letter} – ${TOPICS[i]}`,
  description: '',
  outcomes: [],
  projectManagers: [],
  pmoSupport: [],
  order: i + 1
}));

const statusReports: IStatusReport[] = workstreams.map((w, i) => ({
  id: i + 1,
  workstreamId: w.id,
  periodId: 1,
  managerUpdate: [1, 2, 3].map((n) => `- ${TOPICS[i]}: progress point ${n} for theme ${LETTERS[i]}`).join('\n'),
  state: 'Draft'
}));

const risks: IRisk[] = workstreams.map((w, i) => ({
  id: i + 1,
  workstreamId: w.id,
  description: `Work-Stream ${LETTERS[i]}: capacity to deliver ${TOPICS[i].toLowerCase()} alongside business as usual`,
  mitigation: `Interim support for theme ${LETTERS[i]} agreed and reviewed monthly`,
  state: 'Open',
  raisedPeriodId: 1,
  order: 1
}));

/** The first phase of an improvement plan, one open period (see the file's comment). */
export const FIRST_PHASE: ISeedProgramme = {
  programme: {
    title: 'Improvement Plan Phase 1',
    organisation: 'A Combined Authority',
    board: 'Independent Improvement Board',
    ragKeyIntroduction: '',
    ragDefinitions: [],
    reporting: FIRST_PHASE_OPTIONS
  },
  users: IMPROVEMENT_PLAN_PHASE_2.users,
  periods: [{ id: 1, title: 'March 2023', start: '2023-03-01', end: '2023-03-31', state: 'Open', overview: 'Good progress across all six themes this month.' }],
  workstreams,
  statusReports,
  sponsorComments: [],
  milestones: [],
  risks,
  feedback: []
};

/** A site with the people and no programme: what npm start -- --empty serves. */
export const EMPTY_SITE: ISeedProgramme = {
  programme: { title: '', organisation: '', board: '', ragKeyIntroduction: '', ragDefinitions: [] },
  users: IMPROVEMENT_PLAN_PHASE_2.users,
  periods: [],
  workstreams: [],
  statusReports: [],
  sponsorComments: [],
  milestones: [],
  risks: [],
  feedback: []
};
