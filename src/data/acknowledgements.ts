/**
 * The Readiness Acknowledgements list, to and from the domain: one item per finding the programme
 * office has judged not to apply in a period, keyed by the finding (domain's findingKey), with its
 * reason; who and when are SharePoint's own Author and Created.
 */
import type { IPerson } from '../domain/model';
import type { IReadinessAcknowledgement } from '../domain/readiness';
import type { ListRecord, PeopleLookup } from './mapping';
import type { IListQuery } from './query';

/** A period's acknowledgements. */
export function acknowledgementsQuery(periodId: number): IListQuery {
  return { list: 'acknowledgements', filter: { anyOf: [{ column: 'ReportingPeriod', value: periodId }] } };
}

/** An acknowledgement as stored (its ETag is the caller's to add). */
export function toAcknowledgement(r: ListRecord, people: PeopleLookup): IReadinessAcknowledgement {
  const authorId: number = Number(r.AuthorId);
  const by: IPerson | undefined = r.AuthorId === undefined || r.AuthorId === null || isNaN(authorId) ? undefined : people(authorId) || { id: authorId, name: `User ${authorId}` };
  return {
    id: Number(r.Id),
    periodId: Number(r.ReportingPeriodId),
    findingKey: typeof r.FindingKey === 'string' ? r.FindingKey : '',
    reason: typeof r.Reason === 'string' ? r.Reason : '',
    by,
    at: typeof r.Created === 'string' ? r.Created : ''
  };
}

/** The record of a new acknowledgement: Title (what SharePoint's own views show) is the finding's message. */
export function acknowledgementRecord(periodId: number, key: string, reason: string, message: string): ListRecord {
  const flat: string = message.replace(/\s+/g, ' ').trim();
  return { Title: flat.length > 255 ? `${flat.slice(0, 254)}…` : flat, ReportingPeriodId: periodId, FindingKey: key, Reason: reason.trim() };
}
