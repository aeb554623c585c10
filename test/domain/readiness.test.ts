import { checkReadiness, milestoneSection, type IReadinessFinding } from '../../src/domain';
import { cleanPeriod } from '../support/cleanPeriod';

function rules(findings: IReadinessFinding[]): string[] {
  return findings.map((f) => f.rule);
}

describe('readiness rules on a clean period', () => {
  it('find nothing', () => {
    expect(checkReadiness(cleanPeriod())).toEqual([]);
  });
});

describe('each rule, breaking one thing at a time', () => {
  it('a period with no overview', () => {
    const input = cleanPeriod();
    input.period.overview = ' ';
    expect(checkReadiness(input)).toEqual([
      { severity: 'warning', rule: 'missing-overview', message: 'The period has no lead executive director overview.', detail: { code: 'missingOverview', params: {} }, where: { periodId: 2, periodTitle: 'November 2023', section: 'overview', field: 'overview' } }
    ]);
  });

  it('a workstream with no status report', () => {
    const input = cleanPeriod();
    input.statusReports = input.statusReports.filter((r) => r.workstreamId !== 11);
    const findings = checkReadiness(input);
    expect(findings).toEqual([
      { severity: 'error', rule: 'missing-status-report', message: 'Procurement has no status report for November 2023.', detail: { code: 'missingStatusReport', params: { workstream: 'Procurement', period: 'November 2023' } }, where: { periodId: 2, periodTitle: 'November 2023', workstreamId: 11, workstreamTitle: 'Procurement', section: 'status' } }
    ]);
  });

  it('names a workstream with a long full title by its short title', () => {
    const input = cleanPeriod();
    const long: string =
      'Procurement and contract management. Contracts are let and managed openly, with the evidence the Board needs to test them, and officers and members are trained in the rules. ' +
      'The register of contracts is published and kept up to date every month, and what is learned is built into the directorate plans.';
    input.workstreams = input.workstreams.map((w) => (w.id === 11 ? { ...w, title: long, shortTitle: 'Procurement' } : w));
    input.statusReports = input.statusReports.filter((r) => r.workstreamId !== 11);
    expect(checkReadiness(input)).toEqual([
      { severity: 'error', rule: 'missing-status-report', message: 'Procurement has no status report for November 2023.', detail: { code: 'missingStatusReport', params: { workstream: 'Procurement', period: 'November 2023' } }, where: { periodId: 2, periodTitle: 'November 2023', workstreamId: 11, workstreamTitle: 'Procurement', section: 'status' } }
    ]);
  });

  it('no RAG', () => {
    const input = cleanPeriod();
    delete input.statusReports[0].rag;
    const f = checkReadiness(input);
    expect(rules(f)).toEqual(['missing-rag']);
    expect(f[0].where).toMatchObject({ workstreamId: 10, itemId: 101, section: 'status', field: 'ragThisPeriod' });
  });

  it('an impossible date, wherever it is', () => {
    const input = cleanPeriod();
    input.statusReports[1].agreedCompletionAsWritten = '31/06/23';
    input.statusReports[1].forecastCompletionAsWritten = '31/06/23';
    input.previousStatusReports[1].agreedCompletionAsWritten = '31/06/23';
    input.statusReports[0].completionDateAsWritten = '30/02/2024';
    const f = checkReadiness(input);
    expect(rules(f)).toEqual(['impossible-date', 'impossible-date', 'impossible-date']);
    expect(f[0]).toMatchObject({ severity: 'error', message: 'Governance: Completion date: "30/02/2024" is not a date: February 2024 has 29 days.', where: { workstreamId: 10, section: 'completion', field: 'completionDate', itemId: 101 } });
    expect(f[1].where).toMatchObject({ workstreamId: 11, field: 'agreedCompletion', section: 'details' });
    expect(f[2].where).toMatchObject({ workstreamId: 11, field: 'forecastCompletion' });
  });

  it('a forecast later than agreed while Green, but not while Amber', () => {
    const input = cleanPeriod();
    input.statusReports[0].forecastCompletionAsWritten = '30/06/2024';
    const f = checkReadiness(input);
    expect(rules(f)).toEqual(['forecast-after-agreed']);
    expect(f[0].message).toBe('Governance is rated Green but its forecast completion date (30/06/2024) is later than the agreed date (31/03/2024).');
    input.statusReports[0].rag = 'Amber';
    input.statusReports[0].ragRationale = 'Slipping.';
    expect(rules(checkReadiness(input))).toEqual([]);
  });

  it('a completion date that passed before the period while still Green', () => {
    const input = cleanPeriod();
    input.statusReports[0].agreedCompletionAsWritten = '30/06/2023';
    input.previousStatusReports[0].agreedCompletionAsWritten = '30/06/2023';
    input.statusReports[0].forecastCompletionAsWritten = '30/06/2023';
    const f = checkReadiness(input);
    expect(rules(f)).toEqual(['completion-date-passed']);
    expect(f[0].message).toBe('Governance is rated Green but its forecast completion date (30/06/2023) passed before this period began.');
    delete input.statusReports[0].forecastCompletionAsWritten;
    expect(checkReadiness(input)[0].message).toBe('Governance is rated Green but its agreed completion date (30/06/2023) passed before this period began.');
  });

  it('an agreed completion date moved with no note, and not when a note says why', () => {
    const input = cleanPeriod();
    input.previousStatusReports[1].agreedCompletionAsWritten = '31/12/2023';
    const f = checkReadiness(input);
    expect(rules(f)).toEqual(['completion-date-moved']);
    expect(f[0]).toMatchObject({
      message: "Procurement's agreed completion date moved from 31/12/2023 (October 2023) to 31/03/2024 with no note of why.",
      where: { workstreamId: 11, itemId: 102, field: 'agreedCompletion' }
    });
    input.statusReports[1].completionDateChangeNote = 'Re-baselined by the Board on 29/11/2023.';
    expect(checkReadiness(input)).toEqual([]);
  });

  it('an agreed date written differently but the same day is not a move', () => {
    const input = cleanPeriod();
    input.previousStatusReports[1].agreedCompletionAsWritten = '31st March 2024';
    expect(checkReadiness(input)).toEqual([]);
  });

  it('an invalid agreed date compared by its text', () => {
    const input = cleanPeriod();
    input.previousStatusReports[0].agreedCompletionAsWritten = '31/06/23';
    input.statusReports[0].agreedCompletionAsWritten = '31/06/23';
    expect(rules(checkReadiness(input))).toEqual(['impossible-date']);
  });

  it('a RAG change with no rationale', () => {
    const input = cleanPeriod();
    input.statusReports[0].rag = 'Amber';
    input.statusReports[0].ragRationale = '';
    input.statusReports[0].previousRag = 'Green';
    const f = checkReadiness(input);
    expect(rules(f)).toEqual(['rag-changed-without-rationale']);
    expect(f[0].message).toBe('Governance moved from Green to Amber with no RAG rationale.');
  });

  it('a RAG change with no rationale against the stated previous rating when the previous report is missing', () => {
    const input = cleanPeriod();
    input.previousStatusReports = [];
    input.statusReports[0].previousRag = 'Amber';
    input.statusReports[0].ragRationale = undefined;
    expect(rules(checkReadiness(input))).toEqual(['rag-changed-without-rationale']);
    input.statusReports[0].previousRag = null;
    expect(rules(checkReadiness(input))).toEqual([]);
  });

  it('a stated previous rating that contradicts the one recorded for the previous period, adjoining or not', () => {
    const input = cleanPeriod();
    input.statusReports[0].previousRag = 'Amber';
    const f = checkReadiness(input);
    expect(rules(f)).toEqual(['previous-rating-mismatch']);
    expect(f[0]).toMatchObject({ severity: 'warning', where: { workstreamId: 10, section: 'status' } });
    expect(f[0].message).toBe("Governance's report gives last period's rating as Amber, but October 2023 recorded Green.");
    // Months the product does not hold between the two periods do not hide it.
    (input.previousPeriod as { end: string }).end = '2023-10-15';
    expect(rules(checkReadiness(input))).toEqual(['previous-rating-mismatch']);
    // With a reason the report's statement stands, and the finding says so without warning.
    input.statusReports[0].previousRagReason = 'Last period was the second half of October.';
    const reasoned = checkReadiness(input);
    expect(reasoned.map((x) => [x.rule, x.severity])).toEqual([['previous-rating-mismatch', 'info']]);
    expect(reasoned[0].message).toBe(
      "Governance's report gives last period's rating as Amber, but October 2023 recorded Green (the report's reason: Last period was the second half of October.)."
    );
    input.statusReports[0].previousRag = 'Green';
    expect(checkReadiness(input)).toEqual([]);
  });

  it('missing sponsor comments, completed by and completion date', () => {
    const input = cleanPeriod();
    input.sponsorComments = [{ id: 201, workstreamId: 10, periodId: 2, text: ' ' }];
    input.statusReports[0].completedBy = '';
    delete input.statusReports[0].completionDateAsWritten;
    const f = checkReadiness(input);
    expect(rules(f)).toEqual(['missing-completed-by', 'missing-completion-date', 'missing-sponsor-comments', 'missing-sponsor-comments']);
    expect(f[2]).toMatchObject({ severity: 'error', where: { workstreamId: 10, section: 'sponsorComments' } });
    expect(f[3]).toMatchObject({ where: { workstreamId: 11 } });
  });

  it('empty rows, placeholders and repeated numbers in milestones', () => {
    const input = cleanPeriod();
    input.milestones.push(
      { id: 304, workstreamId: 10, periodId: 2, timing: 'NextPeriod', number: '2', title: '', order: 2 },
      { id: 305, workstreamId: 10, periodId: 2, timing: 'NextPeriod', number: '2', title: 'TBC', order: 3 },
      { id: 306, workstreamId: 10, periodId: 2, timing: 'ThisPeriod', title: '  ', order: 2 }
    );
    const f = checkReadiness(input);
    expect(f.map((x) => [x.rule, x.where.section, x.where.row, x.where.itemId])).toEqual([
      ['empty-row', 'milestonesThisPeriod', undefined, 306],
      ['empty-row', 'milestonesNextPeriod', '2', 304],
      ['placeholder', 'milestonesNextPeriod', '2', 305],
      ['repeated-number', 'milestonesNextPeriod', '2', 304]
    ]);
    expect(f[0].message).toBe("Governance's milestones this period row (unnumbered) is empty.");
    expect(f[2].message).toBe('Governance\'s milestones planned for next period row 2 says only "TBC".');
    expect(f[3].message).toBe("Governance's milestones planned for next period number 2 is used 2 times.");
  });

  it('TBA, empty and repeated rows in risks', () => {
    const input = cleanPeriod();
    input.risks.push(
      { id: 403, workstreamId: 11, number: '2', description: 'TBA', mitigation: 'TBA', state: 'Open', raisedPeriodId: 2, order: 2 },
      { id: 404, workstreamId: 11, number: '3', description: '', mitigation: '', state: 'Open', raisedPeriodId: 2, order: 3 },
      { id: 405, workstreamId: 11, number: '3', description: 'Budget cut', mitigation: '', state: 'Open', raisedPeriodId: 2, order: 4 }
    );
    const f = checkReadiness(input);
    expect(f.map((x) => [x.rule, x.where.row, x.where.field])).toEqual([
      ['placeholder', '2', 'riskDescription'],
      ['placeholder', '2', 'mitigation'],
      ['empty-row', '3', 'riskDescription'],
      ['empty-row', '3', 'mitigation'],
      ['repeated-number', '3', 'number']
    ]);
    expect(f[1].message).toBe('Procurement\'s risks row 2 gives its mitigation as "TBA".');
    expect(f[3].message).toBe("Procurement's risks row 3 has no mitigation.");
  });

  it('last period\'s planned milestones not reported this period', () => {
    const input = cleanPeriod();
    input.previousMilestones.push({ id: 293, workstreamId: 10, periodId: 1, timing: 'NextPeriod', number: '2', title: 'Agree remuneration policy for members', order: 2 });
    input.previousMilestones.push({ id: 294, workstreamId: 10, periodId: 1, timing: 'NextPeriod', number: '3', title: '', order: 3 });
    input.previousMilestones.push({ id: 295, workstreamId: 10, periodId: 1, timing: 'ThisPeriod', number: '1', title: 'Old news', order: 1 });
    const f = checkReadiness(input);
    expect(f).toEqual([
      {
        severity: 'warning',
        rule: 'planned-milestone-not-reported',
        message: '"Agree remuneration policy for members" was planned for this period in October 2023\'s report but is not reported on this period.',
        detail: { code: 'plannedNotReported', params: { milestone: 'Agree remuneration policy for members', previousPeriod: 'October 2023' } },
        where: { periodId: 2, periodTitle: 'November 2023', workstreamId: 10, workstreamTitle: 'Governance', section: 'milestonesThisPeriod', itemId: 293, row: '2' }
      }
    ]);
  });

  it('one workstream spelled two ways', () => {
    const input = cleanPeriod();
    input.statusReports[0].namesAsWritten = ['Governance ', 'governance', 'Governence', 'Governance and Decision-Making', 'Governence'];
    const f = checkReadiness(input);
    expect(rules(f)).toEqual(['workstream-name-inconsistent']);
    expect(f[0].message).toBe('Governance is also written as "Governence", "Governance and Decision-Making" in this period\'s report.');
  });

  it('with no previous period, checks only this one', () => {
    const input = cleanPeriod();
    delete input.previousPeriod;
    input.statusReports[0].previousRag = null;
    expect(checkReadiness(input)).toEqual([]);
  });

  it('orders findings by workstream order', () => {
    const input = cleanPeriod();
    input.workstreams[0].order = 5;
    input.statusReports = [];
    expect(checkReadiness(input).map((f) => f.where.workstreamId)).toEqual([11, 10]);
  });

  it('maps timings to sections', () => {
    expect(milestoneSection('ThisPeriod')).toBe('milestonesThisPeriod');
    expect(milestoneSection('NextPeriod')).toBe('milestonesNextPeriod');
  });
});
