/**
 * The emulator's $filter resolves each field it names once a query, not once an item (a list past
 * the threshold has tens of thousands, and a resolver looks the field up among the list's): a
 * guard on the count, with the answers checked against the same rule written plainly.
 */
import { compileFilter, parseFilter, type Comparable, type FieldResolver, type IFieldAccessor } from '../../src/emulator/odata';

type Item = { [name: string]: Comparable };

/** A resolver over plain objects that counts its calls and how often accessors read an item. */
function counting(known: readonly string[]): { resolve: FieldResolver; calls: string[]; reads: () => number } {
  const calls: string[] = [];
  let reads: number = 0;
  const resolve: FieldResolver = (path: string): IFieldAccessor => {
    calls.push(path);
    if (known.indexOf(path) < 0) {
      throw new Error(`Field '${path}' is not recognized.`);
    }
    return {
      indexed: true,
      coerce: (literal: Comparable) => literal,
      read: (item: unknown) => {
        reads++;
        return (item as Item)[path];
      }
    };
  };
  return { resolve, calls, reads: () => reads };
}

const ITEMS: Item[] = Array.from({ length: 2000 }, (_, i) => ({
  ReportingPeriodId: i % 7,
  Timing: i % 3 === 0 ? 'Next period' : 'This period',
  Title: `Milestone ${i}`
}));

describe("the emulator's $filter", () => {
  it('resolves each field it names once, however many items it tests, and answers as the rule says', () => {
    const { resolve, calls } = counting(['ReportingPeriodId', 'Timing', 'Title']);
    const test = compileFilter(parseFilter("ReportingPeriodId eq 5 and (Timing eq 'next period' or Title eq 'Milestone 12')"), resolve);
    const matched: Item[] = ITEMS.filter(test);
    const expected: Item[] = ITEMS.filter((m) => m.ReportingPeriodId === 5 && (String(m.Timing).toLowerCase() === 'next period' || m.Title === 'Milestone 12'));
    expect(matched.length).toBeGreaterThan(0);
    expect(matched).toEqual(expected);
    expect(calls.sort()).toEqual(['ReportingPeriodId', 'Timing', 'Title']);
  });

  it('refuses a field the list does not have before reading any item', () => {
    const { resolve, reads } = counting(['ReportingPeriodId']);
    expect(() => compileFilter(parseFilter("ReportingPeriodId eq 5 and Nope eq 'x'"), resolve)).toThrow("Field 'Nope' is not recognized.");
    expect(reads()).toBe(0);
  });
});
