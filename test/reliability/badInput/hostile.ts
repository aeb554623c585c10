/**
 * The hostile alphabet the bad-input properties draw from: any Unicode (control characters
 * U+0000–U+001F and U+007F, the non-characters U+FFFE/U+FFFF, lone surrogates, astral code
 * points), markup and entity fragments, script that tries to run, very long text, and values
 * of the wrong type. Shared by the domain, emulator, OOXML and dashboard properties.
 */
import fc from 'fast-check';

/** Markup, entities, quoting and protocol fragments that break careless escaping. */
export const HOSTILE_PIECES: readonly string[] = [
  '<script>alert(1)</script>',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=window.__pwned=1>',
  '<svg onload=window.__pwned=1>',
  '<a href="javascript:window.__pwned=1">link</a>',
  'javascript:window.__pwned=1',
  '<iframe srcdoc="<script>parent.__pwned=1</script>">',
  '"><script>window.__pwned=1</script>',
  "'><img src=x onerror=window.__pwned=1>",
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
  '&e;',
  '</w:t></w:r></w:p></w:sdtContent></w:sdt>',
  '<w:p>',
  '&',
  '&amp;',
  '&lt;',
  '&#0;',
  '&#x1;',
  '&nbsp;',
  '"',
  "'",
  '"\'',
  "''",
  '\\',
  '\\"',
  '/',
  '..',
  '../../',
  '%',
  '%00',
  '%ZZ',
  '%E0%A4%A',
  '%27',
  '%2F',
  '?',
  '#',
  '$filter',
  '(',
  ')',
  ',',
  ';',
  '=',
  '{',
  '}',
  '${x}',
  '{{x}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  "'; DROP TABLE items; --",
  '31/06/23',
  '29/02/2023',
  'TBA',
  '- ',
  '• ',
  'Heading:',
  '\r\n',
  '\n\n',
  '\r',
  '\t',
  '\u000b',
  '\u2028',
  '\u2029',
  '\u00a0',
  '\ufeff',
  '\u200b',
  '\u202e',
  '\u0085',
  '\u{1F600}',
  'e\u0301',
  'PH:risks:2:1:deadbeef'
];

/** A control character: U+0000–U+001F or U+007F. */
export const controlCharacter: fc.Arbitrary<string> = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f)).map((c) => String.fromCharCode(c));

/** Half of a surrogate pair on its own. */
export const loneSurrogate: fc.Arbitrary<string> = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** The non-characters XML and SharePoint refuse. */
export const nonCharacter: fc.Arbitrary<string> = fc.constantFrom('\ufffe', '\uffff');

/** One piece of hostile text. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 3, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 2, arbitrary: controlCharacter },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: nonCharacter }
);

/** Hostile text of a few pieces. */
export function hostileText(maxPieces: number = 10): fc.Arbitrary<string> {
  return fc.array(hostilePiece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

/** A piece repeated to a length between min and max characters (100,000 at most). */
export function longText(min: number = 1000, max: number = 100000): fc.Arbitrary<string> {
  return fc.tuple(hostilePiece, fc.integer({ min, max })).map(([p, n]) => {
    const unit: string = p === '' ? 'x' : p;
    return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  });
}

/** Hostile text, now and then very long. */
export function anyText(maxPieces: number = 10): fc.Arbitrary<string> {
  return fc.oneof({ weight: 9, arbitrary: hostileText(maxPieces) }, { weight: 1, arbitrary: longText() });
}

/** Numbers a form or a JSON body may carry: NaN, infinities, -0, floats, huge, tiny. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 5, 6, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, -1e21),
  fc.integer(),
  fc.double()
);

/** Values of the wrong type, for fields that want text. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  anyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxKeys: 3 }),
  fc.constant({ toString: 'not a function' }),
  fc.constant(Object.create(null) as object)
);

/** Text that a user could type into a field, or anything else a caller could pass. */
export function anyValue(maxPieces: number = 10): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: anyText(maxPieces) }, { weight: 3, arbitrary: wrongType });
}

/** True when the text holds a character XML 1.0 (and so Word and SharePoint) cannot carry. */
export function hasUnsavableCharacter(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/.test(text) || !isWellFormed(text);
}

/**
 * True when the text holds a character XML 1.0 does not allow, which SharePoint therefore refuses
 * in a list item (U+007F is allowed there, though the product's own forms refuse it).
 */
export function hasXmlInvalidCharacter(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(text) || !isWellFormed(text);
}

/** True when every surrogate in the text is half of a pair (String.prototype.isWellFormed). */
export function isWellFormed(text: string): boolean {
  for (let i: number = 0; i < text.length; i++) {
    const c: number = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next: number = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) {
        return false;
      }
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** The text with each lone surrogate replaced by U+FFFD, as a URL or a UTF-8 encoder would. */
export function toWellFormed(text: string): string {
  let out: string = '';
  for (let i: number = 0; i < text.length; i++) {
    const c: number = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next: number = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
        continue;
      }
      out += '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\ufffd';
    } else {
      out += text[i];
    }
  }
  return out;
}

/** encodeURIComponent that does not throw on lone surrogates (they become U+FFFD, as in a browser). */
export function encode(text: string): string {
  return encodeURIComponent(toWellFormed(text));
}

/** The text with the characters XML cannot carry removed (tab, line feed and carriage return kept). */
export function withoutUnsavable(text: string): string {
  let out: string = '';
  for (const ch of Array.from(text)) {
    const c: number = ch.codePointAt(0) as number;
    const lone: boolean = ch.length === 1 && c >= 0xd800 && c <= 0xdfff;
    const control: boolean = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffe || c === 0xffff;
    if (!lone && !control) {
      out += ch;
    }
  }
  return out;
}

/**
 * The seed a property runs with: fixed, so a run is reproducible, unless RELIABILITY_SEED is set
 * to explore (each property adds its own offset). fast-check prints the seed of any failure.
 */
export function seedFor(offset: number): number {
  const base: number = Number(process.env.RELIABILITY_SEED);
  return (Number.isInteger(base) ? base : 20240108) + offset;
}

/** Runs `work` and returns how long it took, in milliseconds. */
export function timed<T>(work: () => T): { value: T; ms: number } {
  const start: bigint = process.hrtime.bigint();
  const value: T = work();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}
