import {
  DomainValidationError,
  RAG_COLOURS,
  RAG_SCALE,
  directionOfTravel,
  isRag,
  orderRagDefinitions,
  parseOptionalRag,
  parseRag,
  ragRank
} from '../../src/domain';
import { DEFAULT_RAG_DEFINITIONS } from '../../src/ui/writtenTexts';
import { describeDirection } from '../../src/ui/ragWords';

describe('RAG scale', () => {
  it('has the five levels in order, best first', () => {
    expect(RAG_SCALE).toEqual(['Green', 'Green/Amber', 'Amber', 'Amber/Red', 'Red']);
    expect(ragRank('Green')).toBe(0);
    expect(ragRank('Red')).toBe(4);
  });

  it.each([
    ['Green', 'Green'],
    ['green', 'Green'],
    ['GREEN ', 'Green'],
    ['Green Amber', 'Green/Amber'],
    ['green/amber', 'Green/Amber'],
    ['Green / Amber', 'Green/Amber'],
    ['Green/ Amber', 'Green/Amber'],
    ['green-amber', 'Green/Amber'],
    ['Green and Amber', 'Green/Amber'],
    ['amber', 'Amber'],
    ['Amber / Red', 'Amber/Red'],
    ['AMBER-RED', 'Amber/Red'],
    ['Amber Red', 'Amber/Red'],
    ['red', 'Red']
  ])('reads %j as %s', (text, rag) => {
    expect(parseRag(text)).toBe(rag);
  });

  it.each(['Blue', 'Amber Green', 'Red/Amber', 'G', '', 'Greenish', 'Green Amber Red'])('refuses %j naming the field and value', (text) => {
    expect(() => parseRag(text, 'Project status this period')).toThrow(DomainValidationError);
    try {
      parseRag(text, 'Project status this period');
    } catch (e) {
      const err = e as DomainValidationError;
      expect(err.field).toBe('Project status this period');
      expect(err.value).toBe(text);
      expect(err.message).toContain('Project status this period');
      expect(err.message).toContain(text === '' ? '(empty)' : `"${text}"`);
    }
  });

  it('refuses a value that is not text', () => {
    expect(() => parseRag(42 as unknown as string)).toThrow(/RAG: 42 is not a RAG status/);
  });

  it('reads "N/A" and empty cells as not rated', () => {
    expect(parseOptionalRag('N/A')).toBeNull();
    expect(parseOptionalRag('n/a')).toBeNull();
    expect(parseOptionalRag('')).toBeNull();
    expect(parseOptionalRag(undefined)).toBeNull();
    expect(parseOptionalRag('Not rated')).toBeNull();
    expect(parseOptionalRag('Green / Amber')).toBe('Green/Amber');
    expect(() => parseOptionalRag('Purple', 'Previous period')).toThrow(/Previous period: "Purple"/);
  });

  it('recognises stored labels only', () => {
    expect(isRag('Green/Amber')).toBe(true);
    expect(isRag('Green Amber')).toBe(false);
    expect(isRag(undefined)).toBe(false);
  });
});

describe('direction of travel', () => {
  it.each([
    ['Green', 'Amber', 'improved'],
    ['Green', 'Green/Amber', 'improved'],
    ['Red', 'Amber/Red', 'worsened'],
    ['Amber', 'Amber', 'unchanged'],
    ['Amber', null, 'new'],
    ['Amber', undefined, 'new'],
    [undefined, 'Amber', 'notRated'],
    [null, null, 'notRated']
  ] as const)('%s after %s is %s', (current, previous, direction) => {
    expect(directionOfTravel(current, previous)).toBe(direction);
  });

  it('describes every direction in words', () => {
    expect(describeDirection('improved')).toBe('Improved since last period');
    expect(describeDirection('worsened')).toBe('Worsened since last period');
    expect(describeDirection('unchanged')).toBe('Unchanged since last period');
    expect(describeDirection('new')).toBe('First rating');
    expect(describeDirection('notRated')).toBe('Not rated');
  });
});

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

describe('RAG colours', () => {
  it.each(RAG_SCALE.map((r) => [r]))('%s label is readable on its fill (WCAG AA 4.5:1)', (rag) => {
    const { fill, text } = RAG_COLOURS[rag];
    const [a, b] = [luminance(fill), luminance(text)].sort((x, y) => y - x);
    expect((a + 0.05) / (b + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives each level its own fill', () => {
    expect(new Set(RAG_SCALE.map((r) => RAG_COLOURS[r].fill)).size).toBe(5);
  });
});

describe('RAG definitions', () => {
  it('default to the seeded methodology, one per level in order', () => {
    expect(DEFAULT_RAG_DEFINITIONS.map((d) => d.rag)).toEqual(RAG_SCALE);
    expect(DEFAULT_RAG_DEFINITIONS[0].definition).toMatch(/^Successful delivery of the improvement theme to time, cost and quality/);
    expect(DEFAULT_RAG_DEFINITIONS[4].definition).toMatch(/will therefore need re-profiling\.$/);
  });

  it('are put in scale order', () => {
    const shuffled = [DEFAULT_RAG_DEFINITIONS[3], DEFAULT_RAG_DEFINITIONS[0], DEFAULT_RAG_DEFINITIONS[4], DEFAULT_RAG_DEFINITIONS[2], DEFAULT_RAG_DEFINITIONS[1]];
    expect(orderRagDefinitions(shuffled).map((d) => d.rag)).toEqual(RAG_SCALE);
  });

  it('must cover each level once, with words', () => {
    expect(() => orderRagDefinitions(DEFAULT_RAG_DEFINITIONS.slice(1))).toThrow(/RAG definitions: "Green" has no definition/);
    expect(() => orderRagDefinitions([...DEFAULT_RAG_DEFINITIONS, DEFAULT_RAG_DEFINITIONS[2]])).toThrow(/"Amber" is defined more than once/);
    expect(() => orderRagDefinitions([...DEFAULT_RAG_DEFINITIONS.slice(1), { rag: 'Green', definition: ' ' }])).toThrow(/RAG definition for Green: \(empty\) must not be empty/);
  });
});
