/** Small text helpers shared by the rules, the validation and the report. */

/** Collapses runs of whitespace and trims. */
export function squash(text: string | undefined): string {
  return (text || '').replace(/\s+/g, ' ').trim();
}

/** True when the text is missing, empty or only whitespace. A value that is not text is not blank. */
export function isBlank(text: string | undefined | null): boolean {
  return text === undefined || text === null || (typeof text === 'string' && text.trim() === '');
}

const PLACEHOLDER: RegExp = /^(tba|tbc|tbd|to be (agreed|advised|confirmed|decided|determined)|n\/?a|-|–|\?+)\.?$/i;

/** True when the text is a placeholder standing in for content: "TBA", "TBC", "To be confirmed". */
export function isPlaceholder(text: string | undefined): boolean {
  return PLACEHOLDER.test(squash(text));
}

/** Lower-cased words of a text, without punctuation, for comparing wordings. */
export function words(text: string): string[] {
  return squash(text)
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}

const STOP_WORDS: ReadonlySet<string> = new Set<string>(['the', 'a', 'an', 'and', 'of', 'to', 'for', 'in', 'on', 'with', 'by', 'be', 'is', '&']);

/**
 * How alike two wordings are, 0 to 1: the share of the shorter one's meaningful words found
 * in the other. Used to tell whether a milestone planned last period was reported on.
 */
export function wordingSimilarity(a: string, b: string): number {
  const wa: string[] = words(a).filter((w) => !STOP_WORDS.has(w));
  const wb: string[] = words(b).filter((w) => !STOP_WORDS.has(w));
  if (wa.length === 0 || wb.length === 0) {
    return 0;
  }
  const [shorter, longer] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const set: Set<string> = new Set<string>(longer);
  const shared: number = shorter.filter((w) => set.has(w)).length;
  return shared / shorter.length;
}

// eslint-disable-next-line no-control-regex
const CONTROL: RegExp = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;

/** The first control character in a text (other than tab and line breaks), if any. */
export function findControlCharacter(text: string): string | undefined {
  const m: RegExpExecArray | null = CONTROL.exec(text);
  if (m) {
    return m[0];
  }
  // A lone surrogate cannot be stored or printed.
  for (let i: number = 0; i < text.length; i++) {
    const c: number = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next: number = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return text[i];
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      return text[i];
    }
  }
  return undefined;
}

/**
 * The text with each unsafe code unit — a control character, DEL, the non-characters
 * U+FFFE/U+FFFF or a lone surrogate — replaced by what `replace` makes of it; a surrogate pair
 * (an emoji, say) is kept whole.
 */
export function replaceUnsafeCharacters(text: string, replace: (code: number) => string): string {
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
    }
    const unsafe: boolean = c < 0x20 || c === 0x7f || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff);
    out += unsafe ? replace(c) : text[i];
  }
  return out;
}

/** Removes control characters and lone surrogates, keeping tabs and line breaks. */
export function stripControlCharacters(text: string): string {
  return replaceUnsafeCharacters(text, (c) => (c === 0x09 || c === 0x0a || c === 0x0d ? String.fromCharCode(c) : ''));
}

/** Name of a character for messages: "U+0007". */
export function codePointName(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text as part of a file name: the characters Windows, macOS and SharePoint refuse in one
 * ("November/December" → "November-December") become "-", runs of spaces one space.
 */
export function safeFileName(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim();
}
