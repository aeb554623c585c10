/**
 * The readiness rules on the real programme: every fault the seeded board papers contain is
 * found, at the right place.
 */
import { checkReadiness, type IReadinessFinding } from '../../src/domain';
import { IMPROVEMENT_PLAN_PHASE_2 as SEED } from '../../src/fixtures/improvementPlanPhase2';
import { pictureOf } from '../../src/fixtures/picture';

const JUNE = 1;
const NOVDEC = 2;
const ws = (code: string): number => SEED.workstreams.filter((w) => w.code === code)[0].id;

function find(findings: IReadinessFinding[], rule: string, workstream: string): IReadinessFinding[] {
  return findings.filter((f) => f.rule === rule && f.where.workstreamId === ws(workstream));
}

describe('readiness of November/December 2023 as the paper went to the Board', () => {
  const findings = checkReadiness(pictureOf(SEED, NOVDEC));

  it('finds the impossible agreed completion date 31/06/23 in Project Plans and Delivery', () => {
    const f = findings.filter((x) => x.rule === 'impossible-date');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: 'error',
      message: 'Project Plans and Delivery: Agreed completion date: "31/06/23" is not a date: June 2023 has 30 days.',
      where: { periodTitle: 'November/December 2023', workstreamId: ws('PPD'), workstreamTitle: 'Project Plans and Delivery', section: 'details', field: 'agreedCompletion' }
    });
    const report = SEED.statusReports.filter((r) => r.workstreamId === ws('PPD') && r.periodId === NOVDEC)[0];
    expect(f[0].where.itemId).toBe(report.id);
  });

  it('finds the completion date that moved from 30th September 2023 to 31/06/23 with no note', () => {
    const f = find(findings, 'completion-date-moved', 'PPD');
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe("Project Plans and Delivery's agreed completion date moved from 30th September 2023 (June 2023) to 31/06/23 with no note of why.");
  });

  it('finds every other workstream whose agreed completion date moved unremarked', () => {
    const moved = findings.filter((x) => x.rule === 'completion-date-moved').map((x) => x.where.workstreamTitle);
    expect(moved).toEqual(['Governance and Decision Making', 'Procurement', 'Project Plans and Delivery', 'Partnership Working', 'Confidence, Culture and Capacity']);
  });

  it("lists every report whose stated last-period rating differs from June's record: the paper states September/October's", () => {
    const f = findings.filter((x) => x.rule === 'previous-rating-mismatch');
    expect(f.map((x) => [x.where.workstreamTitle, x.severity])).toEqual([
      ['Governance and Decision Making', 'warning'],
      ['Procurement', 'warning'],
      ['Project Plans and Delivery', 'warning'],
      ['Partnership Working', 'warning'],
      ['Confidence, Culture and Capacity', 'warning']
    ]);
    expect(find(findings, 'previous-rating-mismatch', 'PART')[0].message).toBe(
      "Partnership Working's report gives last period's rating as Green/Amber, but June 2023 recorded Amber."
    );
  });

  it('finds the empty planned milestone in Partnership Working', () => {
    const f = find(findings, 'empty-row', 'PART');
    expect(f).toHaveLength(1);
    expect(f[0].where).toMatchObject({ section: 'milestonesNextPeriod', row: '1', field: 'milestone' });
  });

  it('finds the repeated "7" in Confidence, Culture and Capacity\'s milestones this period', () => {
    const f = findings.filter((x) => x.rule === 'repeated-number');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ where: { workstreamId: ws('CCC'), section: 'milestonesThisPeriod', row: '7' } });
    expect(f[0].message).toBe("Confidence, Culture and Capacity's milestones this period number 7 is used 2 times.");
  });

  it('finds the Green rating whose forecast completion date had already passed', () => {
    const f = findings.filter((x) => x.rule === 'completion-date-passed');
    expect(f.map((x) => x.where.workstreamId)).toEqual([ws('PPD')]);
    expect(f[0].message).toContain('forecast completion date (30/06/2023) passed before this period began');
  });

  it('finds the workstreams the paper names two ways', () => {
    const f = findings.filter((x) => x.rule === 'workstream-name-inconsistent');
    expect(f.map((x) => x.message)).toEqual([
      'Governance and Decision Making is also written as "Governance and Decision-Making" in this period\'s report.',
      'Confidence, Culture and Capacity is also written as "Confidence, culture, and capacity" in this period\'s report.'
    ]);
  });

  it("finds June's planned milestones that vanished instead of being reported on", () => {
    const vanished = (code: string): string[] => find(findings, 'planned-milestone-not-reported', code).map((x) => x.where.row as string);
    expect(vanished('GOV')).toEqual(['1', '2', '3', '5']);
    expect(vanished('PART')).toEqual(['1', '2', '3', '4']);
    // "Launch Procurement Hub" was planned as row 5 and is reported on: not a finding.
    expect(vanished('PROC')).not.toContain('5');
    const first = find(findings, 'planned-milestone-not-reported', 'GOV')[0];
    expect(first.message).toBe('"Finalise the Risk Register" was planned for this period in June 2023\'s report but is not reported on this period.');
    const planned = SEED.milestones.filter((m) => m.periodId === JUNE && m.workstreamId === ws('GOV') && m.timing === 'NextPeriod' && m.number === '1')[0];
    expect(first.where.itemId).toBe(planned.id);
  });

  it('finds nothing missing that the paper has: RAG, sponsor comments, completed by, completion date', () => {
    const absent = ['missing-status-report', 'missing-rag', 'missing-sponsor-comments', 'missing-completed-by', 'missing-completion-date', 'missing-overview', 'rag-changed-without-rationale'];
    expect(findings.filter((x) => absent.indexOf(x.rule) >= 0)).toEqual([]);
  });
});

describe('readiness of June 2023, the first period of the phase', () => {
  const findings = checkReadiness(pictureOf(SEED, JUNE));

  it('finds the "TBA" risks of Partnership Working and Confidence, Culture and Capacity', () => {
    for (const code of ['PART', 'CCC']) {
      const f = find(findings, 'placeholder', code);
      expect(f.map((x) => [x.where.section, x.where.row, x.where.field])).toEqual([
        ['risks', '1', 'riskDescription'],
        ['risks', '1', 'mitigation']
      ]);
      expect(f[0].message).toContain('gives its risk description as "TBA"');
    }
  });

  it('finds the empty risk rows', () => {
    const rows = findings.filter((x) => x.rule === 'empty-row').map((x) => `${x.where.workstreamId}:${x.where.row}`);
    expect(rows).toEqual([`${ws('PROC')}:3`, `${ws('PART')}:2`, `${ws('PART')}:3`, `${ws('CCC')}:2`, `${ws('CCC')}:3`]);
  });

  it('finds the other spelling of Project Plans and Delivery in the status table', () => {
    const f = find(findings, 'workstream-name-inconsistent', 'PPD');
    expect(f[0].message).toBe('Project Plans and Delivery is also written as "Project, Planning and delivery" in this period\'s report.');
  });

  it('has no previous period, so no rule about movement applies', () => {
    expect(findings.filter((x) => ['completion-date-moved', 'planned-milestone-not-reported', 'previous-rating-mismatch', 'rag-changed-without-rationale'].indexOf(x.rule) >= 0)).toEqual([]);
  });
});

describe('a period made clean', () => {
  it('yields no findings once every seed fault is put right', () => {
    const picture = pictureOf(SEED, NOVDEC);
    for (const r of picture.statusReports) {
      r.agreedCompletionAsWritten = '29/03/2024';
      r.forecastCompletionAsWritten = '29/03/2024';
      r.completionDateChangeNote = 'Re-baselined to the end of the plan, agreed by the Board.';
      r.namesAsWritten = undefined;
      // The paper states September/October's ratings, which the lists do not hold: put right by
      // leaving last period to the record.
      delete r.previousRag;
    }
    picture.milestones = picture.milestones.filter((m) => m.title.trim() !== '');
    const ccc = picture.milestones.filter((m) => m.workstreamId === ws('CCC') && m.timing === 'ThisPeriod').sort((a, b) => a.order - b.order);
    ccc.forEach((m, i) => (m.number = String(i + 1)));
    picture.previousMilestones = picture.previousMilestones.filter((m) => m.timing === 'ThisPeriod');
    expect(checkReadiness(picture)).toEqual([]);
  });
});
