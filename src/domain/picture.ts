/**
 * A period's picture from the programme's entities: the one way it is assembled, whether the
 * entities came from SharePoint through either protocol (src/data/picture.ts), from a seed
 * programme (src/fixtures) or from anywhere else. Pure.
 */
import type { IIibFeedback, IMilestone, IPeriod, IPeriodPicture, IProgramme, IRisk, ISponsorComment, IStatusReport, IWorkstream } from './model';
import { isRiskListedIn, nextPeriodOf, previousPeriodOf, sortPeriods } from './periods';
import { message, wordOf } from './messages';

/**
 * Everything a picture may be made of. Items may carry more than the domain's fields (the data
 * layer's ETags): the picture keeps them, typed as given.
 */
export interface IPictureSources<
  R extends IStatusReport = IStatusReport,
  C extends ISponsorComment = ISponsorComment,
  M extends IMilestone = IMilestone,
  K extends IRisk = IRisk,
  F extends IIibFeedback = IIibFeedback
> {
  programme: IProgramme;
  periods: readonly IPeriod[];
  workstreams: readonly IWorkstream[];
  /** Reports of this period and the previous one, at least. */
  statusReports: readonly R[];
  sponsorComments: readonly C[];
  /** Milestones of this period and the previous one, at least. */
  milestones: readonly M[];
  /** Every risk that may be listed (those raised later or closed earlier are dropped). */
  risks: readonly K[];
  feedback: readonly F[];
}

/** A period's picture with every period (for pickers) and its items as given. */
export interface IAssembledPicture<
  R extends IStatusReport = IStatusReport,
  C extends ISponsorComment = ISponsorComment,
  M extends IMilestone = IMilestone,
  K extends IRisk = IRisk,
  F extends IIibFeedback = IIibFeedback
> extends IPeriodPicture {
  /** Every period, earliest first. */
  periods: IPeriod[];
  statusReports: R[];
  previousStatusReports: R[];
  sponsorComments: C[];
  milestones: M[];
  previousMilestones: M[];
  risks: K[];
  feedback: F[];
}

/**
 * The report's order of workstreams, milestones, risks and sections: by their order, and
 * between equals by id (the order they were added). For `sort`.
 */
export const byOrder = <T extends { order: number; id: number }>(a: T, b: T): number => a.order - b.order || a.id - b.id;

/**
 * The picture of one period: the period and the ones either side, the workstreams in their
 * order, this and last period's reports and milestones (milestones in their order), the
 * sponsor comments, the risks the period's report lists (in their order) and the IIB feedback.
 * With `workstreamId`, one workstream's picture only (a workstream group's Teams tab).
 * @throws Error when there is no such period.
 */
export function assemblePeriodPicture<R extends IStatusReport, C extends ISponsorComment, M extends IMilestone, K extends IRisk, F extends IIibFeedback>(
  sources: IPictureSources<R, C, M, K, F>,
  periodId: number,
  workstreamId?: number
): IAssembledPicture<R, C, M, K, F> {
  const periods: IPeriod[] = sortPeriods(sources.periods);
  const period: IPeriod | undefined = periods.filter((p) => p.id === periodId)[0];
  if (!period) {
    throw new Error(wordOf(message('noSuchPeriod', { periodId })));
  }
  const previous: IPeriod | undefined = previousPeriodOf(periods, periodId);
  const mine = <T extends { workstreamId: number }>(item: T): boolean => workstreamId === undefined || item.workstreamId === workstreamId;
  const inPeriod =
    (id: number | undefined): (<T extends { workstreamId: number; periodId: number }>(item: T) => boolean) =>
    (item) =>
      id !== undefined && item.periodId === id && mine(item);
  const previousId: number | undefined = previous ? previous.id : undefined;
  return {
    programme: sources.programme,
    periods,
    period,
    previousPeriod: previous,
    nextPeriod: nextPeriodOf(periods, periodId),
    // A retired workstream stays in the periods it has records in, and is not offered in others.
    workstreams: sources.workstreams
      .filter((w) => workstreamId === undefined || w.id === workstreamId)
      .filter((w) => !w.retired || [sources.statusReports, sources.sponsorComments, sources.milestones].some((items) => items.some((x) => x.workstreamId === w.id && x.periodId === periodId)))
      .sort(byOrder),
    statusReports: sources.statusReports.filter(inPeriod(periodId)),
    previousStatusReports: sources.statusReports.filter(inPeriod(previousId)),
    sponsorComments: sources.sponsorComments.filter(inPeriod(periodId)),
    milestones: sources.milestones.filter(inPeriod(periodId)).sort(byOrder),
    // What the previous period planned for this one: its milestones of the next period.
    previousMilestones: sources.milestones.filter((m) => inPeriod(previousId)(m) && m.timing === 'NextPeriod').sort(byOrder),
    risks: sources.risks.filter((r) => mine(r) && isRiskListedIn(r, period, periods)).sort(byOrder),
    // A period's log: what was recorded in it, and challenges raised later about it.
    feedback: sources.feedback.filter((f) => f.periodId === periodId || f.aboutPeriodId === periodId)
  };
}
