import {
  codePointName,
  findControlCharacter,
  formatOutcomes,
  isBlank,
  isPlaceholder,
  parseOutcomes,
  parseRichText,
  squash,
  stripControlCharacters,
  wordingSimilarity,
  describeValue
} from '../../src/domain';

describe('text helpers', () => {
  it('squashes whitespace and spots blanks', () => {
    expect(squash('  a \n b\t c ')).toBe('a b c');
    expect(squash(undefined)).toBe('');
    expect(isBlank(' \n')).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank('x')).toBe(false);
  });

  it.each(['TBA', 'tba', 'TBC.', 'To be confirmed', 'N/A', '?', ' TBD '])('%j is a placeholder', (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });

  it.each(['TBA by March', 'Training approved', ''])('%j is not a placeholder', (text) => {
    expect(isPlaceholder(text)).toBe(false);
  });

  it('compares wordings of milestones', () => {
    expect(wordingSimilarity('Launch Procurement Hub', 'Launch Procurement Hub')).toBe(1);
    expect(wordingSimilarity('Agree Procurement Code', 'Procurement code agreed by the board')).toBeGreaterThanOrEqual(0.6);
    expect(wordingSimilarity('Finalise the Risk Register', 'Complete BB governance changes')).toBe(0);
    expect(wordingSimilarity('', 'anything')).toBe(0);
  });

  it('finds and strips control characters and lone surrogates', () => {
    expect(findControlCharacter('fine\ttext\nwith breaks\r\n')).toBeUndefined();
    expect(findControlCharacter('bell\u0007')).toBe('\u0007');
    expect(findControlCharacter('lone \ud800 high')).toBe('\ud800');
    expect(findControlCharacter('lone \udc00 low')).toBe('\udc00');
    expect(findControlCharacter('pair \ud83d\ude00 ok')).toBeUndefined();
    expect(stripControlCharacters('a\u0000b\u001fc\u007fd\ud800e\ud83d\ude00\tf\udc01')).toBe('abcde\ud83d\ude00\tf');
    expect(codePointName('\u0007')).toBe('U+0007');
  });

  it('describes values for messages', () => {
    expect(describeValue(undefined)).toBe('(missing)');
    expect(describeValue(null)).toBe('(empty)');
    expect(describeValue(7)).toBe('7');
    expect(describeValue('a\u0001b')).toBe('"a\\u0001b"');
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(77)}..."`);
  });
});

describe('long text', () => {
  it('splits paragraphs, sub-headings and lists', () => {
    const blocks = parseRichText('Engagement:\n\nThe group met.\nIt agreed scope.\n\n- one\n• two\n> three\n- > four\nAfter the list.');
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Engagement' },
      { kind: 'paragraph', text: 'The group met. It agreed scope.' },
      { kind: 'list', items: ['one', 'two', 'three', 'four'] },
      { kind: 'paragraph', text: 'After the list.' }
    ]);
  });

  it('treats a long line ending in a colon as a paragraph', () => {
    const long = `${'word '.repeat(20)}ending:`;
    expect(parseRichText(long)).toEqual([{ kind: 'paragraph', text: long.replace(/\s+/g, ' ').trim() }]);
    expect(parseRichText(undefined)).toEqual([]);
    expect(parseRichText('a\r\n\r\nb')).toEqual([{ kind: 'paragraph', text: 'a' }, { kind: 'paragraph', text: 'b' }]);
  });

  it('round-trips grouped outcomes', () => {
    const groups = [
      { heading: 'Leadership', items: ['Leadership at all levels is high quality'] },
      { heading: 'Values and Behaviours', items: ['Values are embedded', 'Alignment is celebrated'] }
    ];
    expect(parseOutcomes(formatOutcomes(groups))).toEqual(groups);
    expect(parseOutcomes('- a\n- b')).toEqual([{ items: ['a', 'b'] }]);
    expect(formatOutcomes([{ items: ['a'] }])).toBe('- a');
    expect(parseOutcomes('')).toEqual([]);
  });
});
