/**
 * What a period's picture needs from SharePoint, and how the rows become the picture. Every
 * transport gives the same rows, so the picture is the same whichever protocol fetched it.
 */
import { PREVIOUS_MILESTONE_KEYS, PREVIOUS_STATUS_REPORT_KEYS, type IPeriod, type IPerson } from '../domain/model';
import { isRiskListedIn, previousPeriodOf, sortPeriods } from '../domain/periods';
import { assemblePeriodPicture, byOrder } from '../domain/picture';
import { toEntity, toPeriod, toProgramme, toWorkstream, type PeopleLookup } from './mapping';
import type { IListQuery } from './query';
import { DEFINITIONS_QUERY, periodTextsQuery, sectionsFrom } from './sections';
import { acknowledgementsQuery, toAcknowledgement } from './acknowledgements';
import type { EntityKind, IEditablePeriodPicture, IEntities, IPictureOptions, IProgrammePicture, IRagHistoryEntry, Saved } from './repository';
import type { ProgrammePartRisk, ProgrammePartWorkstream } from './snapshot';
import { isRag, type Rag } from '../domain/rag';
import { message, wordOf } from '../domain/messages';
import type { Row } from './transport';
import { fieldOf, MILESTONE_FIELDS, STATUS_REPORT_FIELDS, type FieldTable } from './fields';

/** The lists a picture cannot be made without: every query of {@link pictureQueries} and FIXED names them. */
const PICTURE_LISTS = ['programme', 'ragDefinitions', 'periods', 'workstreams', 'statusReports', 'sponsorComments', 'milestones', 'risks', 'feedback'] as const;

/**
 * The rows a picture is made of, by the name of the query that read them: those of
 * {@link PICTURE_LISTS} (none read is none there), and the optional ones when they were asked for.
 */
export type IPictureRows = { [name in (typeof PICTURE_LISTS)[number]]: Row[] } & {
  previousStatusReports?: Row[];
  previousMilestones?: Row[];
  /** The programme's period section definitions (absent: the picture has no sections). */
  sectionDefinitions?: Row[];
  /** The period's texts of its sections. */
  sectionTexts?: Row[];
  /** Challenges recorded in later periods about this one. */
  feedbackAbout?: Row[];
  /** The readiness findings acknowledged in the period. */
  acknowledgements?: Row[];
};

/** A picture's rows from what its queries read, the risks closed later joined to the open ones ({@link mergeRiskRows}). */
function pictureRows(read: { [name: string]: Row[] }): IPictureRows {
  const merged: { [name: string]: Row[] } = mergeRiskRows(read);
  const out: { [name: string]: Row[] } = { ...merged };
  for (const name of PICTURE_LISTS) {
    out[name] = merged[name] || [];
  }
  return out as IPictureRows;
}

/** The columns of an entity's keys, by its field table (the item's id is not a column). */
function columnsOfKeys<T>(table: FieldTable<T>, keys: ReadonlyArray<Extract<keyof T, string>>): string[] {
  return keys.filter((k) => k !== 'id').map((k) => fieldOf(table, k).column);
}

/** The columns of the previous period's reports a picture reads: IPreviousStatusReport's. */
export const PREVIOUS_REPORT_COLUMNS: readonly string[] = columnsOfKeys(STATUS_REPORT_FIELDS, PREVIOUS_STATUS_REPORT_KEYS);

/** The Milestones list's timing column: the previous period's milestones are read for one timing. */
const TIMING = fieldOf(MILESTONE_FIELDS, 'timing');

/** The columns of the previous period's milestones a picture reads: IPreviousMilestone's. */
export const PREVIOUS_MILESTONE_COLUMNS: readonly string[] = columnsOfKeys(MILESTONE_FIELDS, PREVIOUS_MILESTONE_KEYS);

/** The name prefix of the queries for risks closed in a later period; {@link mergeRiskRows} joins them to `risks`. */
const RISKS_CLOSED_IN: string = 'risksClosedIn';

/**
 * The period-scoped queries of a picture (the unfiltered ones are the same every time). This
 * period's and the previous period's records are asked for separately, so that each answer fits
 * in one page (Graph pages at 999) and the picture stays one round trip at portfolio scale.
 * Each query starts with one equality on an indexed, selective column and ORs nothing: on a
 * list over the 5,000-item threshold SharePoint narrows by the first indexed clause, and an OR
 * across indexed columns is not something to rely on there. So the risks listed in a period —
 * open ones, and those closed in a later period — are one query for the open and one per later
 * period for the closed, joined by {@link mergeRiskRows}.
 */
export function pictureQueries(periods: IPeriod[], periodId: number, options: IPictureOptions = {}): { [name: string]: IListQuery } {
  return pictureQueriesAround(pictureNeighbours(periods, periodId), periodId, options);
}

/** The periods a picture's queries name besides its own: the one before it, and those after it (for risks closed later). */
export interface IPictureNeighbours {
  previousId?: number;
  laterIds: number[];
}

/** The periods {@link pictureQueries} names besides the period itself, from the periods as read. */
export function pictureNeighbours(periods: readonly IPeriod[], periodId: number): IPictureNeighbours {
  const previous: IPeriod | undefined = previousPeriodOf(periods, periodId);
  const period: IPeriod | undefined = periods.filter((p) => p.id === periodId)[0];
  const later: IPeriod[] = period ? sortPeriods(periods).filter((p) => p.start > period.start) : [];
  return { previousId: previous ? previous.id : undefined, laterIds: later.map((p) => p.id) };
}

/**
 * {@link pictureQueries} from the neighbouring periods' ids rather than the periods: what a read
 * asked before the periods are read (a Teams tab's landing, from a hint) puts on the batch.
 */
export function pictureQueriesAround(neighbours: IPictureNeighbours, periodId: number, options: IPictureOptions = {}): { [name: string]: IListQuery } {
  const ws = options.workstreamId !== undefined ? [{ column: 'Workstream', value: options.workstreamId }] : [];
  const inPeriod = (id: number): { anyOf: Array<{ column: string; value: number }>; allOf: typeof ws } => ({ anyOf: [{ column: 'ReportingPeriod', value: id }], allOf: ws });
  const queries: { [name: string]: IListQuery } = {
    statusReports: { list: 'statusReports', filter: inPeriod(periodId) },
    sponsorComments: { list: 'sponsorComments', filter: inPeriod(periodId) },
    milestones: { list: 'milestones', filter: inPeriod(periodId) },
    // Open risks, and (below) risks closed in a later period; those raised after the period are dropped when assembling.
    risks: { list: 'risks', filter: { anyOf: [{ column: 'RiskState', value: 'Open' }], allOf: ws } },
    feedback: { list: 'feedback', filter: inPeriod(periodId) },
    // The programme's period sections and this period's text of them (programme-wide: a
    // workstream's picture has them too).
    sectionDefinitions: DEFINITIONS_QUERY,
    sectionTexts: periodTextsQuery(periodId),
    // Challenges raised in a later period about this one (a locked period's log is not added to).
    feedbackAbout: { list: 'feedback', filter: { anyOf: [{ column: 'AboutPeriod', value: periodId }], allOf: ws } },
    // The findings the programme office acknowledged (programme-wide: few, and keyed by finding).
    acknowledgements: acknowledgementsQuery(periodId)
  };
  for (const id of neighbours.laterIds) {
    queries[`${RISKS_CLOSED_IN}${id}`] = { list: 'risks', filter: { anyOf: [{ column: 'ClosedPeriod', value: id }], allOf: ws } };
  }
  if (neighbours.previousId !== undefined) {
    // Only what the picture holds of the previous period (domain/model.ts's IPreviousStatusReport
    // and IPreviousMilestone): never edited here, so read as a view, with none of its text.
    queries.previousStatusReports = { list: 'statusReports', filter: inPeriod(neighbours.previousId), columns: PREVIOUS_REPORT_COLUMNS };
    // Of its milestones, those it planned for the next period (this one): the rest are not used.
    const previous = inPeriod(neighbours.previousId);
    queries.previousMilestones = {
      list: 'milestones',
      filter: { anyOf: previous.anyOf, allOf: [...previous.allOf, { column: TIMING.column, value: TIMING.codec.write('NextPeriod') as string }] },
      columns: PREVIOUS_MILESTONE_COLUMNS
    };
  }
  return queries;
}

/** The rows of {@link pictureQueries} with the closed risks' queries joined into `risks` (each risk once). */
export function mergeRiskRows(records: { [name: string]: Row[] }): { [name: string]: Row[] } {
  const out: { [name: string]: Row[] } = {};
  const risks: Row[] = [...(records.risks || [])];
  const seen: Set<number> = new Set<number>(risks.map((r) => r.id));
  for (const name of Object.keys(records)) {
    if (!name.startsWith(RISKS_CLOSED_IN)) {
      out[name] = records[name];
      continue;
    }
    for (const r of records[name]) {
      if (!seen.has(r.id)) {
        seen.add(r.id);
        risks.push(r);
      }
    }
  }
  out.risks = risks;
  return out;
}

function saved<K extends EntityKind>(kind: K, rows: Row[], people: PeopleLookup): Array<Saved<IEntities[K]>> {
  return rows.map((r) => ({ ...toEntity(kind, r, people), etag: r.etag }) as Saved<IEntities[K]>);
}

/**
 * Builds a period's picture from the rows its queries read (by each query's name), with
 * {@link assemblePeriodPicture}: the same whichever protocol read them.
 */
export function assemblePicture(read: { [name: string]: Row[] }, periodId: number, people: PeopleLookup, options: IPictureOptions = {}): IEditablePeriodPicture {
  const records: IPictureRows = pictureRows(read);
  const picture: IEditablePeriodPicture = assemblePeriodPicture(
    {
      programme: toProgramme(records.programme[0], records.ragDefinitions),
      periods: records.periods.map(toPeriod),
      workstreams: records.workstreams.map((r) => toWorkstream(r, people)),
      statusReports: saved('statusReport', [...records.statusReports, ...(records.previousStatusReports || [])], people),
      sponsorComments: saved('sponsorComment', records.sponsorComments, people),
      milestones: saved('milestone', [...records.milestones, ...(records.previousMilestones || [])], people),
      risks: saved('risk', records.risks, people),
      feedback: saved('feedback', [...records.feedback, ...(records.feedbackAbout || []).filter((r) => !records.feedback.some((f) => f.id === r.id))], people)
    },
    periodId,
    options.workstreamId
  );
  if (records.sectionDefinitions) {
    picture.sections = sectionsFrom(records.sectionDefinitions, records.sectionTexts || [], periodId);
  }
  if (records.acknowledgements) {
    picture.acknowledgements = records.acknowledgements.map((r) => ({ ...toAcknowledgement(r, people), etag: r.etag })).sort((a, b) => a.id - b.id);
  }
  return picture;
}

/** The Status Reports columns {@link historyFrom} reads: ratings over time need none of the text. */
export const HISTORY_COLUMNS: readonly string[] = ['Workstream', 'ReportingPeriod', 'Rag', 'PreviousRag', 'ReportState'];

/** RAG history entries from status reports' rows. */
export function historyFrom(rows: Row[]): IRagHistoryEntry[] {
  return rows.map(({ values: r }) => ({
    workstreamId: Number(r.Workstream),
    periodId: Number(r.ReportingPeriod),
    rag: isRag(r.Rag) ? (r.Rag as Rag) : undefined,
    previousRag: r.PreviousRag === 'Not rated' ? null : isRag(r.PreviousRag) ? (r.PreviousRag as Rag) : undefined,
    state: r.ReportState === 'Submitted' || r.ReportState === 'Approved' || r.ReportState === 'Returned' ? r.ReportState : 'Draft'
  }));
}

/** A people lookup over site users: SharePoint REST's siteusers or Graph's User Information List. */
export function peopleFrom(users: Array<{ id: number; name: string; email?: string }>): PeopleLookup {
  const all: IPerson[] = users.map((u) => ({ id: u.id, name: u.name, login: u.email }));
  const map: Map<number, IPerson> = new Map<number, IPerson>(all.map((p) => [p.id as number, p]));
  return Object.assign((id: number) => map.get(id), { all });
}

/**
 * The Risks columns an open period's programme picture reads: what {@link isRiskListedIn} decides
 * by (its workstream, the periods it was raised and closed in) and what the key risks table shows
 * (description, mitigation, order). None of the scores, owners or numbers.
 */
export const KEY_RISK_COLUMNS: readonly string[] = ['Workstream', 'RiskDescription', 'Mitigation', 'RaisedPeriod', 'ClosedPeriod', 'SortOrder'];

/** The prefix of the queries asking whether a retired workstream has records in the period (see {@link programmePictureQueries}). */
const RETIRED_HAS: string = 'retiredHas';

/**
 * Which workstreams have a report, sponsor comments or a milestone in the period: what decides
 * whether a retired workstream stays in the period's picture (assemblePeriodPicture). Asked only
 * when a workstream is retired; each record's workstream only, by the indexed period alone, once
 * for every retired workstream (Graph filters one indexed column at a time, so a workstream
 * clause would not narrow what it sends).
 */
export function retiredPresenceQueries(periodId: number, retired: readonly number[]): { [name: string]: IListQuery } {
  const queries: { [name: string]: IListQuery } = {};
  if (retired.length > 0) {
    for (const list of ['statusReports', 'sponsorComments', 'milestones'] as const) {
      queries[`${RETIRED_HAS}${list}`] = { list, filter: { anyOf: [{ column: 'ReportingPeriod', value: periodId }] }, columns: ['Workstream'] };
    }
  }
  return queries;
}

/**
 * What the programme view shows of an open period (IProgrammePicture), read without the rest of
 * its picture: the risks {@link pictureQueriesAround} asks for (open ones, and those closed in a
 * later period), with {@link KEY_RISK_COLUMNS} only; the section definitions and the period's texts
 * of them (with their ETags: they are edited from the view); and, for each retired workstream
 * named, whether it has records in the period.
 */
export function programmePictureQueries(neighbours: IPictureNeighbours, periodId: number, retired: readonly number[]): { [name: string]: IListQuery } {
  const queries: { [name: string]: IListQuery } = {
    risks: { list: 'risks', filter: { anyOf: [{ column: 'RiskState', value: 'Open' }] }, columns: KEY_RISK_COLUMNS },
    sectionDefinitions: DEFINITIONS_QUERY,
    sectionTexts: periodTextsQuery(periodId),
    ...retiredPresenceQueries(periodId, retired)
  };
  for (const id of neighbours.laterIds) {
    queries[`${RISKS_CLOSED_IN}${id}`] = { list: 'risks', filter: { anyOf: [{ column: 'ClosedPeriod', value: id }] }, columns: KEY_RISK_COLUMNS };
  }
  return queries;
}

/** The ids of the retired workstreams among workstreams' rows. */
export function retiredWorkstreams(workstreams: Row[]): number[] {
  return workstreams.map((r) => toWorkstream(r, NO_PEOPLE)).filter((w) => w.retired).map((w) => w.id);
}

/** A lookup that finds no one: the programme view's picture names no people. */
const NO_PEOPLE: PeopleLookup = (() => undefined) as PeopleLookup;

/**
 * An open period's programme picture from what {@link programmePictureQueries} read (risks
 * joined with {@link mergeRiskRows}) and the periods and workstreams as read, by
 * {@link assemblePeriodPicture}'s rules: the workstreams of the period (a retired one only where
 * it has records in it) and the risks its report lists, each in its order.
 */
export function assembleProgrammePicture(records: { [name: string]: Row[] }, periods: IPeriod[], workstreamRows: Row[], periodId: number): IProgrammePicture {
  const sorted: IPeriod[] = sortPeriods(periods);
  const period: IPeriod | undefined = sorted.filter((p) => p.id === periodId)[0];
  if (!period) {
    throw new Error(wordOf(message('noSuchPeriod', { periodId })));
  }
  const present = (id: number): boolean =>
    Object.keys(records).some((name) => name.startsWith(RETIRED_HAS) && records[name].some((r) => Number(r.values.Workstream) === id));
  const workstreams: ProgrammePartWorkstream[] = workstreamRows
    .map((r) => toWorkstream(r, NO_PEOPLE))
    .filter((w) => !w.retired || present(w.id))
    .sort(byOrder)
    .map((w) => ({ id: w.id, title: w.title, ...(w.shortTitle === undefined ? {} : { shortTitle: w.shortTitle }), order: w.order }));
  const risks: ProgrammePartRisk[] = (mergeRiskRows(records).risks || [])
    .map((r) => toEntity('risk', r, NO_PEOPLE))
    .filter((r) => isRiskListedIn(r, period, sorted))
    .sort(byOrder)
    .map((r) => ({ id: r.id, workstreamId: r.workstreamId, description: r.description, mitigation: r.mitigation, order: r.order }));
  return { period, periods: sorted, workstreams, risks, sections: sectionsFrom(records.sectionDefinitions || [], records.sectionTexts || [], periodId) };
}
