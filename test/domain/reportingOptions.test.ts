/**
 * What a programme reports is its own choice: where it does not rate, has no sponsor comments,
 * milestones or sign-off, nothing requires them and readiness does not flag their absence; the
 * defaults (an existing site, an older snapshot) are today's behaviour.
 */
import {
  checkReadiness,
  DEFAULT_REPORTING_OPTIONS,
  mustFixBeforeApproval,
  mustFixFindings,
  orderRagDefinitions,
  reportingOptionsOf,
  submitBlockers,
  tableTitle,
  type IReadinessInput,
  type IReportingOptions,
  type IStatusReport
} from '../../src/domain';
import { DEFAULT_RAG_DEFINITIONS } from '../../src/ui/writtenTexts';

const FIRST_PHASE: IReportingOptions = { rated: false, ragScale: 'five', sponsorComments: false, milestones: false, signOff: false, printEmpty: false, keyRisks: true };

function report(changes: Partial<IStatusReport> = {}): IStatusReport {
  return { id: 11, workstreamId: 1, periodId: 2, state: 'Draft', managerUpdate: '- One\n- Two\n- Three', ...changes };
}

/** A period of a first-phase programme: two themes, bullets, one risk each, nothing else. */
function input(reporting?: IReportingOptions, changes: Partial<IReadinessInput> = {}): IReadinessInput {
  return {
    period: { id: 2, title: 'March 2023', start: '2023-03-01', end: '2023-03-31', state: 'Open', overview: 'The programme is on track.' },
    previousPeriod: { id: 1, title: 'February 2023', start: '2023-02-01', end: '2023-02-28', state: 'Locked' },
    workstreams: [1, 2].map((id) => ({ id, code: `T${id}`, title: `Theme ${id}`, description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: id })),
    statusReports: [report(), report({ id: 12, workstreamId: 2 })],
    previousStatusReports: [report({ id: 1, periodId: 1, rag: 'Amber' })],
    sponsorComments: [],
    milestones: [],
    previousMilestones: [{ id: 5, workstreamId: 1, periodId: 1, timing: 'NextPeriod', title: 'Publish the plan', order: 1 }],
    risks: [1, 2].map((id) => ({ id, workstreamId: id, description: 'Capacity', mitigation: 'Recruit', state: 'Open' as const, raisedPeriodId: 1, order: 1 })),
    programme: reporting ? { reporting } : undefined,
    ...changes
  };
}

describe('reporting options', () => {
  it('default to everything reported on the five-level scale, for sites and snapshots without them', () => {
    expect(reportingOptionsOf(undefined)).toEqual(DEFAULT_REPORTING_OPTIONS);
    expect(reportingOptionsOf({})).toEqual({ rated: true, ragScale: 'five', sponsorComments: true, milestones: true, signOff: true, printEmpty: true, keyRisks: false });
    expect(reportingOptionsOf({ reporting: { rated: false } as IReportingOptions })).toEqual({ ...DEFAULT_REPORTING_OPTIONS, rated: false });
  });

  it('leave a programme that has them with every finding it had', () => {
    const rules: string[] = checkReadiness(input()).map((f) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining(['missing-rag', 'missing-sponsor-comments', 'missing-completed-by', 'missing-completion-date', 'planned-milestone-not-reported'])
    );
    expect(checkReadiness(input(DEFAULT_REPORTING_OPTIONS))).toEqual(checkReadiness(input()));
    expect(mustFixFindings(input()).length).toBeGreaterThan(0);
  });

  it('find nothing about ratings, sponsor comments, milestones or sign-off a programme does not have', () => {
    expect(checkReadiness(input(FIRST_PHASE))).toEqual([]);
    expect(mustFixFindings(input(FIRST_PHASE))).toEqual([]);
    expect(mustFixBeforeApproval(input(FIRST_PHASE), 1)).toEqual([]);
  });

  it('still find faults in what the programme does report', () => {
    const faulty: IReadinessInput = input(FIRST_PHASE, {
      statusReports: [report()],
      risks: [{ id: 1, workstreamId: 1, description: 'TBA', mitigation: '', state: 'Open', raisedPeriodId: 1, order: 1 }]
    });
    const rules: string[] = checkReadiness(faulty).map((f) => `${f.rule}:${f.where.workstreamId}`);
    expect(rules).toEqual(['placeholder:1', 'empty-row:1', 'missing-status-report:2']);
  });

  it('look for each part the programme has, one by one', () => {
    expect(checkReadiness(input({ ...FIRST_PHASE, rated: true })).map((f) => f.rule)).toEqual(['missing-rag', 'missing-rag']);
    expect(checkReadiness(input({ ...FIRST_PHASE, sponsorComments: true })).map((f) => f.rule)).toEqual(['missing-sponsor-comments', 'missing-sponsor-comments']);
    expect(checkReadiness(input({ ...FIRST_PHASE, milestones: true })).map((f) => f.rule)).toEqual(['planned-milestone-not-reported']);
    expect(checkReadiness(input({ ...FIRST_PHASE, signOff: true })).map((f) => f.rule)).toEqual([
      'missing-completed-by',
      'missing-completion-date',
      'missing-completed-by',
      'missing-completion-date'
    ]);
  });

  it('let a report go to the programme office without a rating or sign-off only where the programme has none', () => {
    expect(submitBlockers(report()).map((e) => e.field)).toEqual(['Project status this period', 'Report completed by', 'Completion date']);
    expect(submitBlockers(report(), FIRST_PHASE)).toEqual([]);
    // An update is always needed: a report says what happened.
    expect(submitBlockers(report({ managerUpdate: '' }), FIRST_PHASE).map((e) => e.field)).toEqual(['Key activities']);
  });

  it('hold a three-level programme to Red, Amber and Green', () => {
    const three: IReportingOptions = { ...FIRST_PHASE, rated: true, ragScale: 'three' };
    expect(submitBlockers(report(), three)[0].message).toContain('Green, Amber or Red');
    expect(submitBlockers(report({ rag: 'Amber/Red' }), three)[0].message).toContain("not on this programme's scale");
    expect(submitBlockers(report({ rag: 'Red' }), three)).toEqual([]);
    expect(orderRagDefinitions(DEFAULT_RAG_DEFINITIONS, 'three').map((d) => d.rag)).toEqual(['Green', 'Amber', 'Red']);
    expect(() => orderRagDefinitions(DEFAULT_RAG_DEFINITIONS.filter((d) => d.rag !== 'Amber'), 'three')).toThrow(/Amber.*has no definition/);
  });

  it("give tables a workstream's short title, and its full title when it has none", () => {
    expect(tableTitle({ title: 'Theme A – a long title. Of two sentences.', shortTitle: 'Theme A' })).toBe('Theme A');
    expect(tableTitle({ title: 'Governance', shortTitle: '  ' })).toBe('Governance');
    expect(tableTitle({ title: 'Governance' })).toBe('Governance');
  });
});
