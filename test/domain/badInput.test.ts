/**
 * Bad input the reliability suite's generated properties found the domain mishandling, each
 * pinned here with the smallest example: values of the wrong type, JavaScript's own property
 * names, and characters a message could not show.
 */
import {
  DomainValidationError,
  checkText,
  describeValue,
  isBlank,
  parseOptionalRag,
  parseOptionalUkDate,
  parseRag,
  parseUkDate,
  validateRiskInput,
  validateStatusReportInput,
  validateWorkstreamInput
} from '../../src/domain';

/** What a call threw, for checking its type and message. */
function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (e) {
    return e;
  }
  throw new Error('Expected the call to throw.');
}

describe('RAG spellings that are JavaScript property names', () => {
  it('are refused, not read as Object.prototype members', () => {
    for (const text of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const e = thrown(() => parseRag(text, 'RAG'));
      expect(e).toBeInstanceOf(DomainValidationError);
      expect((e as Error).message).toBe(`RAG: "${text}" is not a RAG status. Use Green, Green/Amber, Amber, Amber/Red or Red.`);
    }
    expect(validateStatusReportInput({ rag: 'constructor' }).map((x) => x.field)).toEqual(['Project status this period']);
  });
});

describe('optional dates and ratings given null or a value that is not text', () => {
  it('read null (an empty SharePoint column) as nothing', () => {
    expect(parseOptionalUkDate(null, 'Due date')).toBeUndefined();
    expect(parseOptionalRag(null, 'RAG')).toBeNull();
  });

  it('refuse other types with a DomainValidationError, not a TypeError', () => {
    for (const value of [5, false, [], {}]) {
      const date = thrown(() => parseOptionalUkDate(value as unknown as string, 'Due date'));
      expect(date).toBeInstanceOf(DomainValidationError);
      expect((date as DomainValidationError).field).toBe('Due date');
      const rag = thrown(() => parseOptionalRag(value as unknown as string, 'RAG'));
      expect(rag).toBeInstanceOf(DomainValidationError);
    }
    expect((thrown(() => parseUkDate(20231130 as unknown as string, 'Due date')) as Error).message).toBe(
      'Due date: 20231130 is not a date: enter it as dd/mm/yyyy, for example 30/09/2023.'
    );
    expect(validateStatusReportInput({ previousRag: 3 as unknown as string })[0].message).toBe(
      'Project status previous period: 3 is not a RAG status. Use Green, Green/Amber, Amber, Amber/Red or Red.'
    );
  });
});

describe('messages naming values', () => {
  it('show lone surrogates and U+FFFE/U+FFFF escaped, so the message itself can be shown and saved', () => {
    expect(describeValue('a\ud800b')).toBe('"a\\ud800b"');
    expect(describeValue('a\udc00')).toBe('"a\\udc00"');
    expect(describeValue('x\uffffy\ufffe')).toBe('"x\\uffffy\\ufffe"');
    expect(describeValue('smile \u{1F600}')).toBe('"smile \u{1F600}"');
    expect(checkText('Milestone', 'bad\ud800')?.message).toBe('Milestone: "bad\\ud800" contains a character that cannot be saved (U+D800). Remove it and try again.');
  });

  it('never cut a surrogate pair in half when shortening a long value', () => {
    const value: string = `${'x'.repeat(76)}\u{1F600}${'y'.repeat(10)}`;
    expect(describeValue(value)).toBe(`"${'x'.repeat(76)}..."`);
  });

  it('describe a value String() cannot convert, instead of throwing', () => {
    const odd: unknown = JSON.parse('{"toString": 1}');
    expect(describeValue(odd)).toBe('[object Object]');
    expect(describeValue(Object.create(null))).toBe('[object Object]');
    expect(checkText('Owner', odd as string)?.message).toBe('Owner: [object Object] must be text.');
  });
});

describe('blank, and values of the wrong type in forms', () => {
  it('a value that is not text is not blank (an empty array was)', () => {
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(' \n')).toBe(true);
    expect(isBlank([] as unknown as string)).toBe(false);
    expect(validateStatusReportInput({ agreedCompletionAsWritten: [] as unknown as string }).map((e) => e.field)).toEqual(['Agreed completion date']);
  });

  it('risk scores must be numbers or text, not arrays that String() turns into "3"', () => {
    expect(validateRiskInput({ description: 'd', mitigation: 'm', likelihood: [3] as unknown as number, impact: 3 }).map((e) => e.field)).toEqual(['Likelihood']);
    expect(validateRiskInput({ description: 'd', mitigation: 'm', likelihood: '3', impact: 3 })).toEqual([]);
  });

  it('a workstream code that is not text gets one message, and no TypeError', () => {
    const odd: unknown = JSON.parse('{"toString": []}');
    const errors = validateWorkstreamInput({ code: odd as string, title: 'Governance' });
    expect(errors.map((e) => `${e.field}: ${e.reason}`)).toEqual(['Code: must be text.']);
  });
});
