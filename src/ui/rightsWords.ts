/**
 * The words of the refusals only the dashboard's challenge log and sponsor comments give (en-GB):
 * who may record, change, respond to or close a challenge, and write a workstream's sponsor
 * comments (src/data/rights.ts, and the writes' checks in src/data/rules.ts). The web part installs
 * them with its first screen's words, and the writes' part with its own; the task pane, which
 * neither shows nor writes these, does not carry them. Typed by the codes (src/domain/messages.ts:
 * RightsCode).
 */
import type { RightsWords } from '../domain/messages';
import { addMessageWords } from './messages';

const CHALLENGE_CLOSED_WORDS: string = 'the challenge has been closed by the programme office, so it stays as it was closed.';
const NOT_A_CHALLENGE_WORDS: string = 'it is feedback, not a challenge; only challenges are responded to and closed.';
const CHALLENGE_DOING: { readonly [K in 'respond' | 'close' | 'save']: string } = {
  respond: 'Could not save the response',
  close: 'Could not close the challenge',
  save: 'Could not save the challenge'
};

/** The words of the challenge log's and sponsor comments' refusals. */
export const RIGHTS_WORDS: RightsWords = {
  feedbackPeriodLocked: ({ period }) =>
    `${period} is locked: its report has gone to the Board, so its challenge log is not added to. Record the challenge in the open period, saying it is about ${period}.`,
  notWorkstreamSponsor: ({ workstream, sponsor }) => `Only ${workstream}'s sponsor${sponsor ? `, ${sponsor},` : ''} can write its sponsor comments.`,
  notFeedbackAuthor: ({ author }) => `Only ${author || 'the member who recorded it'} or the programme office can change this challenge or feedback.`,
  challengeClosed: ({ doing }) => `${CHALLENGE_DOING[doing]}: ${CHALLENGE_CLOSED_WORDS}`,
  notAChallenge: ({ doing }) => `${CHALLENGE_DOING[doing]}: ${NOT_A_CHALLENGE_WORDS}`,
};

/** Makes the challenge log's and sponsor comments' refusals read in these words. */
export function installRightsWords(): void {
  addMessageWords(RIGHTS_WORDS);
}
