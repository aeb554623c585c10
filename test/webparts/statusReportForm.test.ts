/**
 * The status report form's start and its last-period rule: a new report starts from what was
 * recorded for the previous period; a rating stated now that differs from the record needs a
 * reason.
 */
import type { IStatusReport } from '../../src/domain';
import type { Saved } from '../../src/data/repository';
import { IMPROVEMENT_PLAN_PHASE_2 as SEED } from '../../src/fixtures/improvementPlanPhase2';
import { statusReportForm, type IFormContext } from '../../src/webparts/programmeDashboard/components/formSpecs';

const JUNE = 1;
const NOVDEC = 2;
const part = SEED.workstreams.filter((w) => w.code === 'PART')[0];
const ctx: IFormContext = {
  workstream: part,
  period: SEED.periods.filter((p) => p.id === NOVDEC)[0],
  user: { id: 1, name: 'Louisa Simpson', login: 'louisa.simpson@improvement.example' }
};
const juneReport: IStatusReport = SEED.statusReports.filter((r) => r.workstreamId === part.id && r.periodId === JUNE)[0];
const novDecReport: Saved<IStatusReport> = { ...SEED.statusReports.filter((r) => r.workstreamId === part.id && r.periodId === NOVDEC)[0], etag: '"1"' };

describe('the status report form', () => {
  it("starts a new report from last period's record: its rating and its completion dates", () => {
    const form = statusReportForm(ctx, undefined, juneReport);
    expect(juneReport.rag).toBe('Amber');
    expect(form.initial).toMatchObject({
      rag: '',
      previousRag: 'Amber',
      agreedCompletionAsWritten: juneReport.agreedCompletionAsWritten,
      forecastCompletionAsWritten: juneReport.forecastCompletionAsWritten,
      previousRagReason: ''
    });
    expect(form.fields.map((f) => f.key)).toContain('previousRagReason');
    expect(form.validate(form.initial).filter((e) => e.field === 'Why last period differs from the record')).toEqual([]);
  });

  it('refuses a stated last-period rating that differs from the record until a reason is given', () => {
    const form = statusReportForm(ctx, undefined, juneReport);
    const errors = form.validate({ ...form.initial, previousRag: 'Green/Amber' });
    expect(errors.map((e) => e.field)).toEqual(['Why last period differs from the record']);
    expect(errors[0].message).toContain('the report states last period as Green/Amber, but the previous period recorded Amber');
    expect(form.validate({ ...form.initial, previousRag: 'Green/Amber', previousRagReason: 'September/October is not held here.' })).toEqual([]);
  });

  it("does not block other edits of a report that already states a different rating; readiness flags that", () => {
    expect(novDecReport.previousRag).toBe('Green/Amber');
    const form = statusReportForm(ctx, novDecReport, juneReport);
    expect(form.initial.previousRag).toBe('Green/Amber');
    expect(form.validate({ ...form.initial, ragRationale: 'Better engagement.' }).filter((e) => e.field === 'Why last period differs from the record')).toEqual([]);
  });

  it('offers no reason field, and needs none, when nothing was recorded for the previous period', () => {
    const form = statusReportForm(ctx, undefined, undefined);
    expect(form.initial.previousRag).toBe('');
    expect(form.fields.map((f) => f.key)).not.toContain('previousRagReason');
    expect(form.validate({ ...form.initial, previousRag: 'Red' })).toEqual([]);
  });
});
