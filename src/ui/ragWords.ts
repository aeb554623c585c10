/**
 * The words for a rating's direction of travel (src/domain/rag.ts' Direction), en-GB: for screen
 * readers, the status section and the Excel export. The domain says which way a rating moved;
 * these say it.
 */
import type { Direction } from '../domain/rag';

const DIRECTION_WORDS: { readonly [D in Direction]: string } = {
  improved: 'Improved since last period',
  worsened: 'Worsened since last period',
  unchanged: 'Unchanged since last period',
  new: 'First rating',
  notRated: 'Not rated'
};

/** Words for a direction of travel, for screen readers and print. */
export function describeDirection(direction: Direction): string {
  return DIRECTION_WORDS[direction] || DIRECTION_WORDS.notRated;
}
