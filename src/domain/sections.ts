/**
 * Period sections: the parts of a programme's paper the programme office writes for each period
 * besides the overview. The programme names and orders them once (its section definitions); each
 * period has its own text for each. Pure.
 */
import type { IPeriodSection } from './model';
import { checkText, type IFieldError } from './textCheck';
import { fieldName, message, wordOf, type IMessage } from './messages';

/** A section as the programme defines it, once for every period. */
export interface IPeriodSectionDefinition {
  key: string;
  name: string;
  order: number;
}

/** One period's text of one section, as stored. */
export interface IPeriodSectionText {
  key: string;
  periodId: number;
  text: string;
  author?: string;
  /** The section's name when the text was written: kept for a text whose section was removed. */
  name?: string;
}

/** The longest section name: a SharePoint single line of text. */
export const MAX_SECTION_NAME: number = 255;

/**
 * A key for a new section from its name: lower case letters and digits joined by hyphens, at most
 * 48 characters, made unique among `taken` with a number ("purpose-2"). A name with no letter or
 * digit at all gets "section".
 */
export function sectionKeyFor(name: string, taken: readonly string[]): string {
  const base: string =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/g, '') || 'section';
  const used: Set<string> = new Set<string>(taken);
  if (!used.has(base)) {
    return base;
  }
  let n: number = 2;
  while (used.has(`${base}-${n}`)) {
    n++;
  }
  return `${base}-${n}`;
}

/**
 * What is wrong with a section's name: empty, too long, or the name of another section of the
 * programme (compared ignoring case and surrounding spaces), so that no paper has two headings
 * alike. `ownKey` is the section being renamed.
 */
export function checkSectionName(name: string | undefined, definitions: readonly IPeriodSectionDefinition[], ownKey?: string): IFieldError | undefined {
  const bad: IFieldError | undefined = checkText(fieldName('sectionName'), name, { required: true, maxLength: MAX_SECTION_NAME });
  if (bad) {
    return bad;
  }
  const wanted: string = (name as string).trim().toLowerCase();
  const same: IPeriodSectionDefinition | undefined = definitions.filter((d) => d.key !== ownKey && d.name.trim().toLowerCase() === wanted)[0];
  if (same) {
    const field: string = fieldName('sectionName');
    const why: IMessage = message('sectionNameTaken', { name: same.name });
    const reason: string = wordOf(why);
    return { field, value: name, reason, message: `${field}: ${reason}`, detail: why };
  }
  return undefined;
}

/**
 * A period's sections: every section the programme defines, in its order, each with the period's
 * text (empty when there is none), then any text the period holds for a section the programme has
 * since removed, under the name it was written with — so that no text written is lost from view.
 */
export function periodSections(definitions: readonly IPeriodSectionDefinition[], texts: readonly IPeriodSectionText[]): IPeriodSection[] {
  const byKey: Map<string, IPeriodSectionText> = new Map<string, IPeriodSectionText>(texts.map((t) => [t.key, t]));
  const defined: IPeriodSection[] = [...definitions]
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
    .map((d) => {
      const t: IPeriodSectionText | undefined = byKey.get(d.key);
      return { key: d.key, name: d.name, order: d.order, text: t ? t.text : '', ...(t && t.author ? { author: t.author } : {}) };
    });
  const keys: Set<string> = new Set<string>(definitions.map((d) => d.key));
  const last: number = defined.length > 0 ? defined[defined.length - 1].order : 0;
  const orphans: IPeriodSection[] = texts
    .filter((t) => !keys.has(t.key) && t.text.trim() !== '')
    .map((t, i) => ({ key: t.key, name: t.name || t.key, order: last + i + 1, text: t.text, ...(t.author ? { author: t.author } : {}) }));
  return [...defined, ...orphans];
}
