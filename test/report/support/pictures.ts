/** Period pictures of the seeded programme for the report tests, and ways to bend them. */
import type { IPeriodPicture } from '../../../src/domain';
import { IMPROVEMENT_PLAN_PHASE_2 as SEED } from '../../../src/fixtures/improvementPlanPhase2';
import { pictureOf } from '../../../src/fixtures/picture';

export { SEED };
export const JUNE = 1;
export const NOVDEC = 2;

/** A fresh picture of a seeded period, safe to change. */
export function picture(periodId: number): IPeriodPicture {
  return JSON.parse(JSON.stringify(pictureOf(SEED, periodId))) as IPeriodPicture;
}

/** A seeded workstream's id from its code (GOV, PROC, PPD, PART, CCC). */
export function ws(code: string): number {
  return SEED.workstreams.filter((w) => w.code === code)[0].id;
}

/** Text a hostile or careless author could type: markup, entities, CDATA end, controls, a lone surrogate. */
export const HOSTILE = `<script>alert("x")</script> & ]]> "quoted" 'single' bell\u0007 nul\u0000 lone\ud800 end \u{1F600}`;

/** The November/December picture with hostile text in Governance's sponsor comment and a milestone. */
export function hostilePicture(): IPeriodPicture {
  const p = picture(NOVDEC);
  p.sponsorComments.filter((c) => c.workstreamId === ws('GOV'))[0].text = HOSTILE;
  p.milestones.filter((m) => m.workstreamId === ws('GOV'))[0].title = HOSTILE;
  return p;
}
