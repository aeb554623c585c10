/**
 * Why a snapshot (what the Board saw) is not read, as src/data/snapshot.ts says it — a code with
 * what the snapshot records and what is wrong — in the words src/ui/messages.ts gives it: the
 * same words, one by one, as the data layer wrote before its messages became codes.
 */
import { message, wordOf, type SnapshotFault, type SnapshotOf } from '../../src/domain/messages';

const said = (of: SnapshotOf, fault: SnapshotFault): string => wordOf(message('snapshotUnreadable', { of, fault }));

const PERIOD = 'what June 2023 reported to the Board';
const PHASE = 'the close-down of Recovery year one as the Board saw it';
const REOPEN = 'The programme office should reopen and lock the period again to make a new one.';
const NOT_SHOWN = 'It has not been shown, so that nothing is misread.';

describe("a snapshot's refusals, in words", () => {
  it('of its parts: missing, incomplete, altered or not JSON, with what to do about it', () => {
    const period: SnapshotOf = { period: 'June 2023' };
    const phase: SnapshotOf = { phase: 'Recovery year one' };
    expect(said(period, { kind: 'missing' })).toBe(`The record of ${PERIOD} is missing. ${REOPEN}`);
    expect(said({ period: 'June 2023', part: 'programme' }, { kind: 'incomplete' })).toBe(`The record of ${PERIOD} is incomplete. ${REOPEN}`);
    expect(said(period, { kind: 'checksum' })).toBe(`The record of ${PERIOD} is damaged (it does not match its checksum). ${REOPEN}`);
    expect(said(period, { kind: 'notJson' })).toBe(`The record of ${PERIOD} is damaged (it is not JSON). ${REOPEN}`);
    expect(said(phase, { kind: 'missing' })).toBe(`The record of ${PHASE} is missing. ${NOT_SHOWN}`);
    expect(said(phase, { kind: 'notJson' })).toBe(`The record of ${PHASE} is damaged (it is not JSON). ${NOT_SHOWN}`);
  });

  it('of another kind of document', () => {
    expect(said({ period: 'June 2023' }, { kind: 'otherKind', found: 'closeDown' })).toBe(`The record of ${PERIOD} is not a period's snapshot (it is a "closeDown" one). ${NOT_SHOWN}`);
    expect(said({ period: 'June 2023', part: 'programme' }, { kind: 'otherKind' })).toBe(`The record of ${PERIOD} is not a period's programme part. ${NOT_SHOWN}`);
    expect(said({ period: 'June 2023', part: 'workstream' }, { kind: 'otherKind' })).toBe(`The record of ${PERIOD} is not a period's workstream part. ${NOT_SHOWN}`);
    expect(said({ phase: 'Recovery year one' }, { kind: 'otherKind' })).toBe(`The record of ${PHASE} is not a close-down's snapshot. ${NOT_SHOWN}`);
  });

  it('of a version this product does not read', () => {
    expect(said({ period: 'June 2023' }, { kind: 'version', found: '99', reads: { from: 1, to: 2 } })).toBe(
      `The record of ${PERIOD} has a format this version of the product cannot read (schema version 99; it reads 1 to 2). It has not been shown, so that nothing is misread: update the product, or ask the programme office to reopen and lock the period again.`
    );
    expect(said({ period: 'June 2023' }, { kind: 'version', reads: { from: 1, to: 2 } })).toContain('(schema version none; it reads 1 to 2)');
    expect(said({ period: 'June 2023', part: 'programme' }, { kind: 'version', found: '3', reads: [1, 2] })).toBe(
      `The record of ${PERIOD} has a format this version of the product cannot read (programme part version 3; it reads 1 and 2). It has not been shown, so that nothing is misread: update the product.`
    );
    expect(said({ phase: 'Recovery year one' }, { kind: 'version', found: 'undefined', reads: [1] })).toBe(
      `The record of ${PHASE} has a format this version of the product cannot read (schema version undefined; it reads 1). It has not been shown, so that nothing is misread: update the product.`
    );
  });

  it('of its shape, naming the place at fault', () => {
    expect(said({ period: 'June 2023' }, { kind: 'shape', at: { path: 'picture.risks[2].order', problem: 'wholeNumber' } })).toBe(
      `The record of ${PERIOD} is damaged (picture.risks[2].order is not a whole number). ${NOT_SHOWN} ${REOPEN}`
    );
    expect(said({ phase: 'Recovery year one' }, { kind: 'shape', at: { path: 'closeDown.items[0].destination', problem: 'oneOf', values: ['Completed', 'KeepUnderReview'] } })).toBe(
      `The record of ${PHASE} is damaged (closeDown.items[0].destination is not one of Completed, KeepUnderReview). ${NOT_SHOWN}`
    );
    expect(said({ period: 'June 2023', part: 'programme' }, { kind: 'shape', at: { path: 'picture', problem: 'object' } })).toBe(
      `The record of ${PERIOD} is damaged (picture is not an object). ${NOT_SHOWN} ${REOPEN}`
    );
    expect(said({ period: 'June 2023', part: 'workstream' }, { kind: 'noSnapshotNamed' })).toBe(`The record of ${PERIOD} is damaged (it does not name its snapshot). ${NOT_SHOWN} ${REOPEN}`);
    const problems: Array<[string, string]> = [
      ['text', 'is not text'],
      ['yesNo', 'is not yes or no'],
      ['date', 'is not a date'],
      ['rag', 'is not a RAG level'],
      ['list', 'is not a list']
    ];
    for (const [problem, words] of problems) {
      expect(said({ phase: 'P' }, { kind: 'shape', at: { path: 'x', problem: problem as 'text' } })).toContain(`(x ${words})`);
    }
  });
});
