/**
 * Codes in the core, words at the edge: a message is a code with values, worded by the one table
 * the dashboard, the task pane and the CLI install (src/ui/messages.ts).
 */
import { message, wordOf, type MessageWords } from '../../src/domain/messages';
import { DataError } from '../../src/data/errors';
import { MESSAGE_WORDS, wordMessage } from '../../src/ui/messages';
import { WRITE_WORDS } from '../../src/ui/writeWords';
import { RIGHTS_WORDS } from '../../src/ui/rightsWords';

describe('messages as codes, worded at the edge', () => {
  it('a DataError made from a message carries its code, field and values, and reads in the installed words', () => {
    const e: DataError = new DataError('locked', message('periodLocked', { period: 'March 2031', what: 'risk' }));
    expect(e.code).toBe('periodLocked');
    expect(e.detail).toEqual({ code: 'periodLocked', params: { period: 'March 2031', what: 'risk' } });
    expect(e.message).toBe('March 2031 is locked: its report has gone to the Board, so its risk can no longer change. The programme office can reopen the period, giving a reason.');
    expect(new DataError('validation', message('sendBackNoReason', {}, 'Reason sent back')).field).toBe('Reason sent back');
  });

  it('words plural forms by count', () => {
    const one: string = wordMessage(message('mustFixFirst', { doing: 'lock', period: 'May 2031', findings: ['Ops has no status report for May 2031.'] }));
    const two: string = wordMessage(message('mustFixFirst', { doing: 'approve', action: 'approve the status report', findings: ['A.', 'B.'] }));
    expect(one).toBe(
      "May 2031 cannot be locked yet: readiness finds a fault that must be fixed first — Ops has no status report for May 2031. Fix it, or give a reason to lock anyway; the reason is recorded in the period's history."
    );
    expect(two).toBe(
      "Could not approve the status report: readiness finds 2 faults that must be fixed first — A. B. Fix them, or give a reason to go ahead; the reason is recorded in the period's history."
    );
  });

  it('names the report states as the dashboard does', () => {
    expect(wordOf(message('lockNotApproved', { period: 'June 2031', reports: [{ workstream: 'Ops', state: 'Returned' }, { workstream: 'Estates' }] }))).toBe(
      'June 2031 cannot be locked yet: these reports are not approved — Ops (sent back), Estates (no report).'
    );
  });

  it("words provisioning's refusal of a lookup whose list is not on the site as before", () => {
    expect(wordOf(message('lookupListMissing', { column: 'Workstream', list: 'Lists/Workstreams' }))).toBe(
      'Cannot add the column Workstream: the list it looks up (Lists/Workstreams) is not on the site.'
    );
  });

  it('a code without words does not compile', () => {
    // @ts-expect-error every code needs its words: a table without them is refused by the compiler
    const partial: MessageWords = { missingOverview: () => 'No overview.' };
    expect(Object.keys(partial)).toHaveLength(1);
    // The shared table, with the parts worded apart (the writes', the site files', a close-down's, the rights') beside it.
    expect(Object.keys(MESSAGE_WORDS).length).toBeGreaterThan(80);
    const apart: string[] = [...Object.keys(WRITE_WORDS), ...Object.keys(RIGHTS_WORDS)];
    expect(apart.filter((code) => code in MESSAGE_WORDS)).toEqual([]);
  });
});
