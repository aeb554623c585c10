import {
  DomainValidationError,
  MAX_SINGLE_LINE,
  assertNoErrors,
  checkStatedLastPeriod,
  checkText,
  validateFeedbackInput,
  validateMilestoneInput,
  validatePeriodInput,
  validateRiskInput,
  validateSponsorCommentInput,
  validateStatusReportInput,
  validateWorkstreamInput
} from '../../src/domain';

describe('validation of what users type', () => {
  it('accepts ordinary text with <, & and ]]>, which are escaped on output, not refused', () => {
    expect(checkText('Milestone', 'Agree <scope> & plan ]]> now', { required: true })).toBeUndefined();
  });

  it('refuses control characters, naming the character', () => {
    const e = checkText('Risk description', 'bad\u0007bell');
    expect(e?.message).toBe('Risk description: "bad\\u0007bell" contains a character that cannot be saved (U+0007). Remove it and try again.');
  });

  it('refuses empty required fields and over-long text', () => {
    expect(checkText('Milestone', '  ', { required: true })?.message).toBe('Milestone: (empty) must not be empty.');
    expect(checkText('Milestone', 'x'.repeat(256), { maxLength: MAX_SINGLE_LINE })?.message).toMatch(/is 256 characters long; the most SharePoint keeps is 255\./);
    expect(checkText('Notes', 5 as unknown as string)?.message).toBe('Notes: 5 must be text.');
  });

  it('checks a status report, more strictly when submitting', () => {
    expect(validateStatusReportInput({ rag: 'Green / Amber', agreedCompletionAsWritten: '31/03/2024' })).toEqual([]);
    const draft = validateStatusReportInput({ rag: 'Purple', agreedCompletionAsWritten: '31/06/23', previousRag: 'N/A' });
    expect(draft.map((e) => e.field)).toEqual(['Project status this period', 'Agreed completion date']);
    expect(draft[1].message).toBe('Agreed completion date: "31/06/23" is not a date: June 2023 has 30 days.');
    const submit = validateStatusReportInput({}, true);
    expect(submit.map((e) => e.field)).toEqual(['Project status this period', 'Report completed by', 'Completion date', 'Key activities']);
    expect(validateStatusReportInput({ rag: 'Green', completedBy: 'L Simpson', completionDateAsWritten: '19/12/2023', managerUpdate: 'Done.' }, true)).toEqual([]);
    expect(validateStatusReportInput({ previousRag: 'Mauve' })[0].message).toBe('Project status previous period: "Mauve" is not a RAG status. Use Green, Green/Amber, Amber, Amber/Red or Red.');
  });

  it('checks a milestone', () => {
    expect(validateMilestoneInput({ title: 'Launch Procurement Hub', timing: 'ThisPeriod', statusCategory: 'Complete', dueDate: '30/11/2023' })).toEqual([]);
    const errors = validateMilestoneInput({ title: '', timing: 'Later' as 'ThisPeriod', statusCategory: 'Done', dueDate: '31/11/2023' });
    expect(errors.map((e) => e.field)).toEqual(['Milestone', 'Due date', 'Timing', 'Status category']);
    expect(errors[1].message).toBe('Due date: "31/11/2023" is not a date: November 2023 has 30 days.');
    expect(errors[3].message).toMatch(/Status category: "Done" is not one of Not started, In progress, Ongoing, Complete, Delayed\./);
  });

  it('checks a risk', () => {
    expect(validateRiskInput({ description: 'Staff leave', mitigation: 'Retention plan', likelihood: 3, impact: '5' })).toEqual([]);
    const errors = validateRiskInput({ description: '', mitigation: 'TBA', likelihood: 6, impact: '2.5' });
    expect(errors.map((e) => e.field)).toEqual(['Risk description', 'Likelihood', 'Impact']);
    expect(errors[1].message).toBe('Likelihood: 6 must be a whole number from 1 to 5.');
  });

  it('checks sponsor comments and feedback', () => {
    expect(validateSponsorCommentInput('Good progress.')).toEqual([]);
    expect(validateSponsorCommentInput('')[0].message).toBe('Sponsor comments: (empty) must not be empty.');
    expect(validateFeedbackInput('Challenge', 'Why amber?')).toEqual([]);
    expect(validateFeedbackInput('Praise', '').map((e) => e.field)).toEqual(['Feedback', 'Kind']);
  });

  it('checks a period and a workstream', () => {
    expect(validatePeriodInput({ title: 'January 2024', start: '01/01/2024', end: '31/01/2024' })).toEqual([]);
    expect(validatePeriodInput({ title: 'January 2024', start: '31/01/2024', end: '01/01/2024' })[0].message).toBe('End: "01/01/2024" is before the start (31/01/2024).');
    expect(validatePeriodInput({ title: '', start: '31/06/2024', end: '' }).map((e) => e.field)).toEqual(['Period', 'Start', 'End']);
    expect(validateWorkstreamInput({ code: 'GOV', title: 'Governance' })).toEqual([]);
    expect(validateWorkstreamInput({ code: 'G O V', title: '' }).map((e) => e.message)).toEqual([
      'Workstream: (empty) must not be empty.',
      'Code: "G O V" may hold only letters, digits and hyphens.'
    ]);
  });

  it('throws the first error for callers that refuse bad input outright', () => {
    expect(() => assertNoErrors([])).not.toThrow();
    expect(() => assertNoErrors(validateMilestoneInput({ title: '', timing: 'ThisPeriod' }))).toThrow(DomainValidationError);
    expect(() => assertNoErrors(validateMilestoneInput({ title: '', timing: 'ThisPeriod' }))).toThrow('Milestone: (empty) must not be empty.');
  });
});

describe("a stated last-period rating that differs from the record", () => {
  it('needs a reason, and the message names both ratings', () => {
    const e = checkStatedLastPeriod('Green/Amber', '', 'Amber');
    expect(e).toMatchObject({ field: 'Why last period differs from the record' });
    expect(e && e.message).toContain('the report states last period as Green/Amber, but the previous period recorded Amber');
    expect(checkStatedLastPeriod('N/A', undefined, 'Amber')).toMatchObject({ field: 'Why last period differs from the record' });
    expect(checkStatedLastPeriod('green amber', undefined, null)).toMatchObject({ message: expect.stringContaining('recorded no rating') });
  });

  it('is accepted with a reason, when it agrees, when nothing is stated, or when nothing was recorded', () => {
    expect(checkStatedLastPeriod('Green/Amber', 'September/October is not held here.', 'Amber')).toBeUndefined();
    expect(checkStatedLastPeriod('Amber', '', 'Amber')).toBeUndefined();
    expect(checkStatedLastPeriod('N/A', '', null)).toBeUndefined();
    expect(checkStatedLastPeriod('', '', 'Amber')).toBeUndefined();
    expect(checkStatedLastPeriod('Red', '', undefined)).toBeUndefined();
    // An unknown rating is the rating field's own fault, named there.
    expect(checkStatedLastPeriod('Purple', '', 'Amber')).toBeUndefined();
    expect(validateStatusReportInput({ previousRag: 'Purple' })[0].field).toBe('Project status previous period');
  });
});
