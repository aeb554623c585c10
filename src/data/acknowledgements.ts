/**
 * The Readiness Acknowledgements list, to and from the domain: one item per finding the programme
 * office has judged not to apply in a period, keyed by the finding (domain's findingKey), with its
 * reason; who and when are SharePoint's own Author and Created.
 */
import type { IReadinessAcknowledgement } from '../domain/readiness';
import { ACKNOWLEDGEMENT_FIELDS, person, readRow, writeAll, type IAcknowledgementRow, type PeopleLookup } from './fields';
import type { IListQuery } from './query';
import type { Row, RowValues } from './transport';

/** A period's acknowledgements. */
export function acknowledgementsQuery(periodId: number): IListQuery {
  return { list: 'acknowledgements', filter: { anyOf: [{ column: 'ReportingPeriod', value: periodId }] } };
}

/** An acknowledgement as stored, by the list's field table (its ETag is the caller's to add). */
export function toAcknowledgement(r: Row, people: PeopleLookup): IReadinessAcknowledgement {
  const row: IAcknowledgementRow = readRow(ACKNOWLEDGEMENT_FIELDS, r.values);
  return {
    id: r.id,
    periodId: Number(r.values.ReportingPeriod),
    findingKey: row.findingKey,
    reason: row.reason,
    by: person(people, r.author && r.author.id),
    at: r.created || ''
  };
}

/** The column values of a new acknowledgement: Title (what SharePoint's own views show) is the finding's message, on one line. */
export function acknowledgementRecord(periodId: number, key: string, reason: string, message: string): RowValues {
  return writeAll<IAcknowledgementRow>(ACKNOWLEDGEMENT_FIELDS, { title: message, periodId, findingKey: key, reason: reason.trim() });
}
