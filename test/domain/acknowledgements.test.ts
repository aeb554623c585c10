/**
 * Acknowledged readiness findings (issue 12): a stable key per finding, and acknowledgements that
 * set a finding apart only while it is the same finding — same rule, record and field — and
 * never one that must be fixed.
 */
import {
  applyAcknowledgements,
  checkAcknowledgementReason,
  checkReadiness,
  findingKey,
  currentFindingKey,
  isFindingKeyOf,
  legacyFindingKey,
  mayAcknowledge,
  type IReadinessAcknowledgement,
  type IReadinessFinding
} from '../../src/domain';
import { cleanPeriod } from '../support/cleanPeriod';

function ack(id: number, key: string, periodId: number = 2): IReadinessAcknowledgement {
  return { id, periodId, findingKey: key, reason: `Reason ${id}`, by: { id: 10, name: 'Pat Office' }, at: '2023-12-01T10:00:00.000Z' };
}

/** A period with two risk placeholders (warnings), no overview (a period-level warning) and an impossible date (must fix). */
function faulty(): ReturnType<typeof cleanPeriod> {
  const input = cleanPeriod();
  input.period.overview = '';
  input.risks[0].mitigation = 'TBA';
  input.risks[1].description = 'TBC';
  input.statusReports[1].agreedCompletionAsWritten = '31/06/23';
  input.previousStatusReports[1].agreedCompletionAsWritten = '31/06/23';
  return input;
}

describe('findingKey', () => {
  it('names the rule, the record (the item with its list, else the workstream, else the period) and the field', () => {
    const keys: string[] = checkReadiness(faulty()).map(findingKey);
    expect(keys).toEqual([
      'missing-overview|period|overview',
      'placeholder|risk:401|mitigation',
      'impossible-date|report:102|agreedCompletion',
      'placeholder|risk:402|riskDescription'
    ]);
  });

  it('is the same each time the rules run on the same data, and differs for another field of the same record', () => {
    const first: string[] = checkReadiness(faulty()).map(findingKey);
    expect(checkReadiness(faulty()).map(findingKey)).toEqual(first);
    const input = faulty();
    input.risks[0].mitigation = 'Training';
    input.risks[0].description = 'TBA';
    const moved: string[] = checkReadiness(input).map(findingKey);
    expect(moved).toContain('placeholder|risk:401|riskDescription');
    expect(moved).not.toContain('placeholder|risk:401|mitigation');
  });

  it('names the workstream where a finding has no item', () => {
    const input = cleanPeriod();
    input.sponsorComments = input.sponsorComments.filter((c) => c.workstreamId !== 11);
    expect(checkReadiness(input).map(findingKey)).toEqual(['missing-sponsor-comments|workstream:11|sponsorComments']);
  });
});

describe('applyAcknowledgements', () => {
  it('sets acknowledged findings apart with their acknowledgement, in the rules\' order, and leaves the rest counting', () => {
    const findings: IReadinessFinding[] = checkReadiness(faulty());
    const a = ack(1, 'placeholder|risk:402|riskDescription');
    const b = ack(2, 'missing-overview|period|overview');
    const { open, acknowledged } = applyAcknowledgements(findings, [a, b]);
    expect(open.map(findingKey)).toEqual(['placeholder|risk:401|mitigation', 'impossible-date|report:102|agreedCompletion']);
    expect(acknowledged.map((x) => [findingKey(x.finding), x.acknowledgement.id])).toEqual([
      ['missing-overview|period|overview', 2],
      ['placeholder|risk:402|riskDescription', 1]
    ]);
    expect(acknowledged[1].acknowledgement).toEqual(a);
  });

  it('no longer applies once the finding is about another record or field', () => {
    const input = faulty();
    const acks = [ack(1, 'placeholder|risk:401|mitigation')];
    expect(applyAcknowledgements(checkReadiness(input), acks).acknowledged).toHaveLength(1);
    // The mitigation is written; the description is now the placeholder: a new finding, counted.
    input.risks[0].mitigation = 'Training';
    input.risks[0].description = 'TBA';
    const after = applyAcknowledgements(checkReadiness(input), acks);
    expect(after.acknowledged).toEqual([]);
    expect(after.open.map(findingKey)).toContain('placeholder|risk:401|riskDescription');
  });

  it('names the list of the item, so an acknowledgement of one list\'s item never sets aside a finding about another list\'s item with the same id', () => {
    const findings: IReadinessFinding[] = checkReadiness(faulty());
    // Item ids are unique only within a list: milestone 401 is not risk 401.
    expect(applyAcknowledgements(findings, [ack(1, 'placeholder|milestone:401|mitigation'), ack(2, 'placeholder|report:401|mitigation')]).acknowledged).toEqual([]);
  });

  it('still applies when stored under the key findings had before keys named the list ("item:401")', () => {
    const findings: IReadinessFinding[] = checkReadiness(faulty());
    const legacy = ack(1, 'placeholder|item:401|mitigation');
    const { acknowledged } = applyAcknowledgements(findings, [legacy]);
    expect(acknowledged.map((x) => [findingKey(x.finding), x.acknowledgement.id])).toEqual([['placeholder|risk:401|mitigation', 1]]);
    const finding: IReadinessFinding = acknowledged[0].finding;
    expect(isFindingKeyOf(finding, 'placeholder|item:401|mitigation')).toBe(true);
    expect(isFindingKeyOf(finding, 'placeholder|risk:401|mitigation')).toBe(true);
    expect(isFindingKeyOf(finding, 'placeholder|item:401|riskDescription')).toBe(false);
    // A finding about no item has no older key: only its own matches.
    const overview: IReadinessFinding = findings.filter((f) => f.rule === 'missing-overview')[0];
    expect(legacyFindingKey(overview)).toBeUndefined();
    expect(isFindingKeyOf(overview, 'missing-overview|period|overview')).toBe(true);
  });

  it('still applies when stored in the form keys had before they named fields by code ("|Mitigation")', () => {
    const findings: IReadinessFinding[] = checkReadiness(faulty());
    // As an earlier version stored them: the field in its English name, and one with the list unnamed as well.
    const stored = [
      ack(1, 'missing-overview|period|Overview'),
      ack(2, 'placeholder|risk:401|Mitigation'),
      ack(3, 'placeholder|item:402|Risk description')
    ];
    const { open, acknowledged } = applyAcknowledgements(findings, stored);
    expect(acknowledged.map((x) => [findingKey(x.finding), x.acknowledgement.id])).toEqual([
      ['missing-overview|period|overview', 1],
      ['placeholder|risk:401|mitigation', 2],
      ['placeholder|risk:402|riskDescription', 3]
    ]);
    expect(open.map(findingKey)).toEqual(['impossible-date|report:102|agreedCompletion']);
    const mitigation: IReadinessFinding = acknowledged[1].finding;
    expect(isFindingKeyOf(mitigation, 'placeholder|risk:401|Mitigation')).toBe(true);
    expect(isFindingKeyOf(mitigation, 'placeholder|risk:401|Risk description')).toBe(false);
    // Another finding's field, in either form, is not this one's.
    expect(applyAcknowledgements(findings, [ack(1, 'placeholder|risk:401|Risk description'), ack(2, 'placeholder|risk:401|riskDescription')]).acknowledged).toEqual([]);
  });

  it('reads every field a key named in words before codes as its code, and leaves other keys as they are', () => {
    expect(currentFindingKey('missing-sponsor-comments|workstream:11|Workstream sponsor comments')).toBe('missing-sponsor-comments|workstream:11|sponsorComments');
    expect(currentFindingKey('missing-rag|report:3|Project status this period')).toBe('missing-rag|report:3|ragThisPeriod');
    expect(currentFindingKey('previous-rating-mismatch|report:3|Project status previous period')).toBe('previous-rating-mismatch|report:3|ragPreviousPeriod');
    expect(currentFindingKey('forecast-after-agreed|report:3|Forecast completion date')).toBe('forecast-after-agreed|report:3|forecastCompletion');
    expect(currentFindingKey('missing-completion-date|report:3|Completion date')).toBe('missing-completion-date|report:3|completionDate');
    expect(currentFindingKey('missing-completed-by|report:3|Report completed by')).toBe('missing-completed-by|report:3|completedBy');
    expect(currentFindingKey('rag-changed-without-rationale|report:3|RAG rationale')).toBe('rag-changed-without-rationale|report:3|ragRationale');
    expect(currentFindingKey('workstream-name-inconsistent|report:3|Workstream')).toBe('workstream-name-inconsistent|report:3|workstream');
    expect(currentFindingKey('repeated-number|milestone:3|Number')).toBe('repeated-number|milestone:3|number');
    expect(currentFindingKey('empty-row|milestone:3|Milestone')).toBe('empty-row|milestone:3|milestone');
    // Today's keys, a key of a finding about no field, and what is no key, are given back unchanged.
    expect(currentFindingKey('placeholder|risk:401|mitigation')).toBe('placeholder|risk:401|mitigation');
    expect(currentFindingKey('missing-status-report|workstream:11|status')).toBe('missing-status-report|workstream:11|status');
    expect(currentFindingKey('Mitigation')).toBe('Mitigation');
    expect(currentFindingKey('placeholder|risk:1|constructor')).toBe('placeholder|risk:1|constructor');
  });

  it("applies only to its own period's findings", () => {
    const findings: IReadinessFinding[] = checkReadiness(faulty());
    expect(applyAcknowledgements(findings, [ack(1, 'missing-overview|period|overview', 1)]).acknowledged).toEqual([]);
  });

  it('never sets aside a finding that must be fixed, whatever is stored', () => {
    const findings: IReadinessFinding[] = checkReadiness(faulty());
    const mustFix: IReadinessFinding = findings.filter((f) => f.severity === 'error')[0];
    expect(mayAcknowledge(mustFix)).toBe(false);
    expect(findings.filter((f) => f.severity !== 'error').every(mayAcknowledge)).toBe(true);
    const { open, acknowledged } = applyAcknowledgements(findings, [ack(1, findingKey(mustFix))]);
    expect(acknowledged).toEqual([]);
    expect(open).toEqual(findings);
  });

  it('with none, or none that match, changes nothing', () => {
    const findings: IReadinessFinding[] = checkReadiness(faulty());
    expect(applyAcknowledgements(findings, undefined)).toEqual({ open: findings, acknowledged: [] });
    expect(applyAcknowledgements(findings, [ack(1, 'placeholder|risk:999|mitigation')])).toEqual({ open: findings, acknowledged: [] });
  });
});

describe('checkAcknowledgementReason', () => {
  it('requires a reason, and refuses what cannot be saved', () => {
    expect(checkAcknowledgementReason('  ')).toMatchObject({ field: 'Reason', message: expect.stringContaining('must not be empty') });
    expect(checkAcknowledgementReason(undefined)).toMatchObject({ field: 'Reason' });
    expect(checkAcknowledgementReason('Bad \u0007 bell')).toMatchObject({ field: 'Reason', message: expect.stringContaining('cannot be saved') });
    expect(checkAcknowledgementReason('The paper has no risks table in this phase.')).toBeUndefined();
    expect(checkAcknowledgementReason('<script>alert(1)</script> & ]]>')).toBeUndefined();
  });
});
