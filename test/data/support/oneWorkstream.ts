/**
 * What a period's picture shows of one workstream — its own items, and everything not of one
 * workstream — written here, apart from the product, as the expectation for a workstream's view.
 */
import type { IPeriodPicture } from '../../../src/domain';

export function ofWorkstream<T extends IPeriodPicture>(picture: T, workstreamId: number): T {
  const only = <I extends { workstreamId: number }>(items: I[]): I[] => items.filter((i) => i.workstreamId === workstreamId);
  return {
    ...picture,
    workstreams: picture.workstreams.filter((w) => w.id === workstreamId),
    statusReports: only(picture.statusReports),
    previousStatusReports: only(picture.previousStatusReports),
    sponsorComments: only(picture.sponsorComments),
    milestones: only(picture.milestones),
    previousMilestones: only(picture.previousMilestones),
    risks: only(picture.risks),
    feedback: only(picture.feedback)
  };
}
