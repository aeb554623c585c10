/**
 * Small helpers for putting data into localised strings. Kept here, not in the domain,
 * because they serve only the dashboard's words.
 */

export { format, plural } from '../../../ui/format';

/** Items as a phrase: "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[], and: string = ' and '): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/**
 * Lower-cases the first letter, so that a sentence-case phrase from the domain
 * ("Unchanged since last period") can follow a comma in a spoken sentence.
 */
export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleLowerCase('en-GB') + text.slice(1);
}
