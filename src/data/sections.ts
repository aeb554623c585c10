/**
 * The Period Sections list, to and from the domain. One list holds both: the programme's sections
 * (SectionScope "Programme": a key, a name, an order — once for every period) and each period's
 * text of them (SectionScope "Period": the key, the period, the text and who wrote it). A period's
 * picture reads both in its one round trip (see picture.ts).
 */
import type { IPeriodSection } from '../domain/model';
import { periodSections, type IPeriodSectionDefinition, type IPeriodSectionText } from '../domain/sections';
import { readRow, SECTION_FIELDS, writeFields, type ISectionRow, type SectionScope } from './fields';
import type { IListQuery } from './query';
import type { Row, RowValues } from './transport';

/** SectionScope of a programme's section definition. */
export const PROGRAMME_SCOPE: SectionScope = 'Programme';
/** SectionScope of a period's text of a section. */
export const PERIOD_SCOPE: SectionScope = 'Period';

/** A section definition as stored, with its item id and ETag. */
export interface ISavedSectionDefinition extends IPeriodSectionDefinition {
  id: number;
  etag: string;
}

/** A period's section as the dashboard edits it: the text's item and ETag, when it has been written. */
export interface IEditablePeriodSection extends IPeriodSection {
  /** The item holding the period's text, once written. */
  id?: number;
  /** Its ETag, guarding the next change. */
  etag?: string;
}

/** A definition's row as the domain's definition (by the Period Sections list's field table). */
export function toSectionDefinition(r: Row): ISavedSectionDefinition {
  const row: ISectionRow = readRow(SECTION_FIELDS, r.values);
  return { id: r.id, key: row.key, name: row.name, order: row.order, etag: r.etag };
}

/** A period text's row as the domain's text, with its item id and ETag. */
export function toSectionText(r: Row): IPeriodSectionText & { id: number; etag: string } {
  const row: ISectionRow = readRow(SECTION_FIELDS, r.values);
  return {
    id: r.id,
    key: row.key,
    periodId: Number(row.periodId),
    text: row.text,
    name: row.name,
    ...(row.author ? { author: row.author } : {}),
    etag: r.etag
  };
}

/** The column values of a definition, or of the fields of one that changed. */
export function definitionValues(d: Partial<IPeriodSectionDefinition>): RowValues {
  return writeFields<ISectionRow>(SECTION_FIELDS, {
    ...(d.name !== undefined ? { name: d.name.trim() } : {}),
    ...(d.key !== undefined ? { key: d.key, scope: PROGRAMME_SCOPE } : {}),
    ...(d.order !== undefined ? { order: d.order } : {})
  });
}

/** The column values of a period's text of a section. */
export function sectionTextRecord(t: { key: string; periodId: number; name: string; text: string; author?: string }): RowValues {
  return writeFields<ISectionRow>(SECTION_FIELDS, {
    name: t.name.slice(0, 255),
    scope: PERIOD_SCOPE,
    key: t.key,
    periodId: t.periodId,
    text: t.text,
    author: t.author ? t.author.trim() : undefined
  });
}

/** The query for the programme's section definitions: an equality on an indexed choice. */
export const DEFINITIONS_QUERY: IListQuery = { list: 'periodSections', filter: { anyOf: [{ column: 'SectionScope', value: PROGRAMME_SCOPE }] } };

/** The query for one period's texts: an equality on the indexed period lookup. */
export function periodTextsQuery(periodId: number): IListQuery {
  return { list: 'periodSections', filter: { anyOf: [{ column: 'ReportingPeriod', value: periodId }] } };
}

/** A period's sections from the rows of {@link DEFINITIONS_QUERY} and {@link periodTextsQuery}. */
export function sectionsFrom(definitionRows: Row[], textRows: Row[], periodId: number): IEditablePeriodSection[] {
  const texts = textRows
    .filter((r) => r.values.SectionScope === PERIOD_SCOPE)
    .map(toSectionText)
    .filter((t) => t.periodId === periodId);
  const byKey: Map<string, { id: number; etag: string }> = new Map(texts.map((t) => [t.key, { id: t.id, etag: t.etag }]));
  return periodSections(
    definitionRows.filter((r) => r.values.SectionScope === PROGRAMME_SCOPE).map(toSectionDefinition),
    texts
  ).map((s) => {
    const item: { id: number; etag: string } | undefined = byKey.get(s.key);
    return item ? { ...s, id: item.id, etag: item.etag } : s;
  });
}
