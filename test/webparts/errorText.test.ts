/** A refused write says the real reason: the product's sponsor rule is not a missing SharePoint permission. */
import { DataError } from '../../src/data/errors';
import { NOT_WORKSTREAM_SPONSOR } from '../../src/data/rules';
import { describeSaveError, entityNoun, listNoun } from '../../src/webparts/programmeDashboard/components/errorText';

describe('the words for a refused save', () => {
  it("name the sponsor rule when the product refuses another workstream's sponsor comments", () => {
    const rule = new DataError('forbidden', "Only Partnership Working's sponsor, Richard Kenny, can write its sponsor comments.", { code: NOT_WORKSTREAM_SPONSOR });
    expect(describeSaveError(rule, 'sponsorComment', 'November/December 2023')).toBe(
      "Only this workstream's own sponsor (or the programme office) can write its sponsor comments. Your changes are still here."
    );
  });

  it('ask for access when SharePoint itself refuses', () => {
    expect(describeSaveError(new DataError('forbidden', 'Access denied.'), 'sponsorComment', 'November/December 2023')).toBe(
      "You don't have permission to change sponsor comments. Ask the programme office to give you access; your changes are still here."
    );
  });
});

describe('the nouns the messages use', () => {
  it('name each kind of item and its list', () => {
    expect(entityNoun('risk')).toBe('risk');
    expect(listNoun('risk')).toBe('risks');
    expect(entityNoun('feedback')).toBe('challenge or feedback');
    expect(listNoun('feedback')).toBe('IIB challenge and feedback');
    expect(entityNoun('closeDownItem')).toBe('close-down row');
    expect(listNoun('closeDownItem')).toBe('Close-down Items');
    expect(listNoun('statusReport')).toBe('status reports');
  });
});
