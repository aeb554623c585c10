/** Putting data into localised strings: the dashboard's and the task pane's. */

/** Fills `{0}`, `{1}`… in a localised template with the given values. */
export function format(template: string, ...values: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole: string, index: string) => {
    const value: string | number | undefined = values[parseInt(index, 10)];
    return value === undefined ? whole : String(value);
  });
}

/** Picks the singular or plural template by count, then fills it (`{0}` is the count). */
export function plural(count: number, one: string, many: string, ...values: Array<string | number>): string {
  return format(count === 1 ? one : many, count, ...values);
}

/**
 * The words a keyed table names for a value: the table maps each value to a key of a string file,
 * so the words stay in the string file and a key it lacks does not compile. `otherwise` for a
 * value the table does not name.
 */
export function wordsFor<V extends string, W extends { readonly [key: string]: unknown }>(table: { readonly [value in V]?: keyof W }, value: V | undefined, words: W, otherwise: string): string {
  const key: keyof W | undefined = value === undefined ? undefined : table[value];
  return key === undefined ? otherwise : String(words[key]);
}
