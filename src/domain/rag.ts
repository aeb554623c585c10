/**
 * The five-level RAG scale, parsing of the spellings real reports use, and direction of
 * travel between periods.
 */
import { DomainValidationError } from './errors';
import { fieldName, message, wordOf } from './messages';
import type { IRagDefinition, RagScaleName } from './model';

/** The five RAG levels, stored and shown by these labels. */
export type Rag = 'Green' | 'Green/Amber' | 'Amber' | 'Amber/Red' | 'Red';

/** The scale in order, best first. */
export const RAG_SCALE: readonly Rag[] = ['Green', 'Green/Amber', 'Amber', 'Amber/Red', 'Red'];

/** Plain Red/Amber/Green: the three levels a programme rating on the simpler scale uses. */
export const THREE_LEVEL_SCALE: readonly Rag[] = ['Green', 'Amber', 'Red'];

/** The levels of a programme's scale, best first. */
export function ragLevels(scale: RagScaleName | undefined): readonly Rag[] {
  return scale === 'three' ? THREE_LEVEL_SCALE : RAG_SCALE;
}

/** Position on the scale: 0 for Green to 4 for Red. */
export function ragRank(rag: Rag): number {
  return RAG_SCALE.indexOf(rag);
}

/**
 * The spellings of the levels that papers write, normalised ({@link normalise}).
 * @wire spellings read from what reports and SharePoint's columns hold, never words the product writes.
 */
const WORDS_TO_RAG: { [words: string]: Rag } = {
  green: 'Green',
  'green amber': 'Green/Amber',
  amber: 'Amber',
  'amber red': 'Amber/Red',
  red: 'Red'
};

/**
 * The spellings papers use for a rating not given.
 * @wire spellings read from what reports and SharePoint's columns hold, never words the product writes.
 */
const NOT_RATED: readonly string[] = ['n/a', 'na', 'n a', 'not rated', 'not applicable', 'none', '-', '–'];

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[/\\\-–—&+,]|\band\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a RAG level from any spelling the reports use: "Green Amber", "green/amber",
 * "Green / Amber", "AMBER-RED"…
 * @throws DomainValidationError naming the field and the value for anything else.
 */
export function parseRag(text: string, field: string = 'RAG'): Rag {
  if (typeof text !== 'string') {
    throw new DomainValidationError(field, text, message('ragSpellingUnknown', {}));
  }
  const words: string = normalise(text);
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  const rag: Rag | undefined = Object.prototype.hasOwnProperty.call(WORDS_TO_RAG, words) ? WORDS_TO_RAG[words] : undefined;
  if (!rag) {
    throw new DomainValidationError(field, text, message('ragSpellingUnknown', {}));
  }
  return rag;
}

/**
 * Reads a rating that may be absent: "N/A", "not rated" or an empty cell (`null` from
 * SharePoint) give `null`.
 * @throws DomainValidationError for anything that is neither a level nor "not rated", whatever its type.
 */
export function parseOptionalRag(text: string | undefined | null, field: string = 'RAG'): Rag | null {
  if (text === undefined || text === null || (typeof text === 'string' && (text.trim() === '' || NOT_RATED.indexOf(text.trim().toLowerCase()) >= 0))) {
    return null;
  }
  return parseRag(text as string, field);
}

/** True when the text is one of the RAG spellings. */
export function isRag(text: unknown): text is Rag {
  return typeof text === 'string' && RAG_SCALE.indexOf(text as Rag) >= 0;
}

/** Direction of travel of a workstream's rating from one period to the next. */
export type Direction = 'improved' | 'unchanged' | 'worsened' | 'new' | 'notRated';

/**
 * Compares this period's rating with the previous one. A rating with no previous one is
 * `new`; no rating this period is `notRated`.
 */
export function directionOfTravel(current: Rag | null | undefined, previous: Rag | null | undefined): Direction {
  if (!current) {
    return 'notRated';
  }
  if (!previous) {
    return 'new';
  }
  const delta: number = ragRank(current) - ragRank(previous);
  if (delta < 0) {
    return 'improved';
  }
  return delta > 0 ? 'worsened' : 'unchanged';
}

/** Colours for each level: a fill and the text colour readable on it (WCAG AA). */
export interface IRagColours {
  fill: string;
  text: string;
}

/**
 * Fill and text colours per level, as hex without '#'. Chosen so that the label on its fill
 * reaches a contrast of at least 4.5:1, and so that the five fills stay distinct in print.
 */
export const RAG_COLOURS: { readonly [rag in Rag]: IRagColours } = {
  Green: { fill: '00B050', text: '000000' },
  'Green/Amber': { fill: 'C4D79B', text: '000000' },
  Amber: { fill: 'FFC000', text: '000000' },
  'Amber/Red': { fill: 'F4B183', text: '000000' },
  Red: { fill: 'C00000', text: 'FFFFFF' }
};

/**
 * Puts a set of definitions in scale order and checks it covers each level exactly once.
 * @throws DomainValidationError naming the missing or repeated level.
 */
export function orderRagDefinitions(definitions: readonly IRagDefinition[], scale?: RagScaleName): IRagDefinition[] {
  const levels: readonly Rag[] = ragLevels(scale);
  const seen: Set<Rag> = new Set<Rag>();
  for (const d of definitions) {
    if (seen.has(d.rag)) {
      throw new DomainValidationError(fieldName('ragDefinitions'), d.rag, message('ragDefinedTwice', {}));
    }
    if (!d.definition || d.definition.trim() === '') {
      throw new DomainValidationError(wordOf(message('ragDefinitionFor', { rag: d.rag })), d.definition, message('mustNotBeEmpty', {}));
    }
    seen.add(d.rag);
  }
  for (const rag of levels) {
    if (!seen.has(rag)) {
      throw new DomainValidationError(fieldName('ragDefinitions'), rag, message('ragNoDefinition', {}));
    }
  }
  // A three-level programme's key prints its three levels, whatever else is defined.
  return levels.map((rag) => definitions.filter((d) => d.rag === rag)[0]);
}
