/**
 * Small helpers for putting data into localised strings. Kept here, not in the domain,
 * because they serve only the dashboard's words.
 */

/** Fills `{0}`, `{1}`… in a localised template with the given values. */
export function format(template: string, ...values: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole: string, index: string) => {
    const value: string | number | undefined = values[parseInt(index, 10)];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Lower-cases the first letter, so that a sentence-case phrase from the domain
 * ("Unchanged since last period") can follow a comma in a spoken sentence.
 */
export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleLowerCase('en-GB') + text.slice(1);
}
