/**
 * Content-control tags and fingerprints.
 *
 * Every block goes into Word as one content control whose tag says what it is and what it
 * said when inserted: `PH:<kind>:<periodId>:<workstreamId or 0>:<fingerprint>`. The add-in
 * finds its blocks by tag, and compares the fingerprint of the control's current text with
 * the tag's to tell whether an officer has edited inside the block since insertion.
 */
import { stripControlCharacters } from '../domain/text';
import { BLOCK_KINDS, BULLET_CHARACTER, PHASE_BLOCK_KINDS, SECTION_BLOCK_KINDS, WORKSTREAM_BLOCK_KINDS, type BlockKind, type DocNode, type IBlock, type IParagraph } from './model';

/** What a tag says about its block. */
export interface IBlockTag {
  kind: BlockKind;
  /** The period; for a phase's block (PHASE_BLOCK_KINDS), the phase. */
  periodId: number;
  /** The workstream, for workstream blocks; absent for programme-level blocks. */
  workstreamId?: number;
  /** The period section, for period section blocks: {@link sectionTagId} of its key. */
  sectionId?: number;
  /** {@link fingerprintText} of the block's text when it was built. */
  fingerprint: string;
}

/** Every tag this product writes starts with this. */
export const TAG_PREFIX: string = 'PH:';
/** Tags stay short: Word allows more, but short tags are cheap to compare and log. */
export const MAX_TAG_LENGTH: number = 64;

const TAG_PATTERN: RegExp = /^PH:([A-Za-z]{1,32}):(\d{1,10}):(\d{1,10}):([0-9a-f]{8})$/;

const FNV_OFFSET_BASIS: number = 0x811c9dc5;
const FNV_PRIME: number = 0x01000193;

/**
 * The fingerprint of a text: FNV-1a (32-bit) of its UTF-8 bytes, as 8 lower-case hex digits,
 * after removing ALL whitespace and control characters. Word reports a content control's text
 * with its own separators (paragraph marks, tabs between cells, `\u0007` cell ends, `\v` line
 * breaks); removing them makes the fingerprint of Word's text equal the one computed here.
 */
export function fingerprintText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const compact: string = (text || '').replace(/[\s\u0000-\u001f\u007f]+/g, '');
  let hash: number = FNV_OFFSET_BASIS;
  // The platform's encoder (every browser the pane and the web part run in, and Node): a lone
  // surrogate, which has no UTF-8 form, becomes U+FFFD's bytes.
  for (const byte of new TextEncoder().encode(compact)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A paragraph's visible text; a bulleted item starts with its (literal) bullet and a tab. */
export function paragraphPlainText(p: IParagraph): string {
  // Control characters are dropped here exactly as the OOXML renderer drops them.
  const text: string = stripControlCharacters(p.runs.map((r) => r.text).join(''));
  return p.style === 'ListBullet' ? `${BULLET_CHARACTER}\t${text}` : text;
}

function nodePlainText(node: DocNode): string {
  if (node.type === 'paragraph') {
    return paragraphPlainText(node);
  }
  return node.rows.map((row) => row.cells.map((cell) => cell.paragraphs.map(paragraphPlainText).join('\n')).join('\t')).join('\n');
}

/**
 * The block's visible text in document order: paragraphs, then table cells row by row. It is
 * exactly the text the OOXML renderer writes (bullets included, since they are literal), so
 * `fingerprintText(blockPlainText(block))` equals the fingerprint of Word's text for the
 * untouched content control.
 */
export function blockPlainText(block: IBlock): string {
  return block.content.map(nodePlainText).join('\n');
}

function assertId(name: string, id: number): void {
  if (!Number.isInteger(id) || id < 0 || id > 9999999999) {
    throw new Error(`A block tag needs a whole-number ${name} from 0 to 9999999999, not ${id}.`);
  }
}

/** The start of every tag for one block, whatever its content: find a block by this prefix. */
export function tagPrefix(kind: BlockKind, periodId: number, workstreamId?: number): string {
  assertId('period id', periodId);
  assertId('workstream id', workstreamId || 0);
  return `${TAG_PREFIX}${kind}:${periodId}:${workstreamId || 0}:`;
}

/**
 * The number a period section's blocks carry in their tag: fixed by the section's key (FNV-1a of
 * it, plus one), so that a block inserted a year ago still names its section, whichever periods
 * and snapshots have come since. A tag has room for a number, not for a key of any length.
 */
export function sectionTagId(key: string): number {
  return parseInt(fingerprintText(key), 16) + 1;
}

/** Writes a tag from its parts. */
export function formatTag(tag: IBlockTag): string {
  if (!/^[0-9a-f]{8}$/.test(tag.fingerprint)) {
    throw new Error(`A block tag's fingerprint is 8 hex digits, not "${tag.fingerprint}".`);
  }
  if (SECTION_BLOCK_KINDS.indexOf(tag.kind) >= 0) {
    if (!tag.sectionId || tag.workstreamId) {
      throw new Error(`A ${tag.kind} block tag needs a section id and no workstream id.`);
    }
    return `${tagPrefix(tag.kind, tag.periodId, tag.sectionId)}${tag.fingerprint}`;
  }
  if ((WORKSTREAM_BLOCK_KINDS.indexOf(tag.kind) >= 0) !== (tag.workstreamId !== undefined && tag.workstreamId > 0)) {
    throw new Error(`A ${tag.kind} block tag ${tag.workstreamId ? 'cannot have' : 'needs'} a workstream id.`);
  }
  const text: string = `${tagPrefix(tag.kind, tag.periodId, tag.workstreamId)}${tag.fingerprint}`;
  if (text.length > MAX_TAG_LENGTH) {
    throw new Error(`Block tag ${text} is longer than ${MAX_TAG_LENGTH} characters.`);
  }
  return text;
}

/** The tag of a block: its kind, period, workstream and the fingerprint of its text. */
export function makeTag(block: IBlock): string {
  return formatTag({
    kind: block.kind,
    periodId: block.periodId,
    workstreamId: block.workstreamId,
    sectionId: block.sectionKey !== undefined ? sectionTagId(block.sectionKey) : undefined,
    fingerprint: fingerprintText(blockPlainText(block))
  });
}

/**
 * Reads a tag back. Returns undefined for any tag this product did not write (another
 * add-in's controls, an officer's own) or one whose parts do not fit together.
 */
export function parseTag(tag: string): IBlockTag | undefined {
  const m: RegExpExecArray | null = TAG_PATTERN.exec(typeof tag === 'string' ? tag : '');
  if (!m) {
    return undefined;
  }
  const kind: BlockKind = m[1] as BlockKind;
  const workstreamId: number = parseInt(m[3], 10);
  if (PHASE_BLOCK_KINDS.indexOf(kind) >= 0) {
    // A phase's block: its first number is the phase (0, from before it was recorded, names none).
    const phaseId: number = parseInt(m[2], 10);
    return phaseId > 0 && workstreamId === 0 ? { kind, periodId: phaseId, fingerprint: m[4] } : undefined;
  }
  if (BLOCK_KINDS.indexOf(kind) < 0) {
    return undefined;
  }
  if (SECTION_BLOCK_KINDS.indexOf(kind) >= 0) {
    return workstreamId > 0 ? { kind, periodId: parseInt(m[2], 10), sectionId: workstreamId, fingerprint: m[4] } : undefined;
  }
  const isWorkstreamKind: boolean = WORKSTREAM_BLOCK_KINDS.indexOf(kind) >= 0;
  if (isWorkstreamKind !== workstreamId > 0) {
    return undefined;
  }
  const parsed: IBlockTag = { kind, periodId: parseInt(m[2], 10), fingerprint: m[4] };
  if (isWorkstreamKind) {
    parsed.workstreamId = workstreamId;
  }
  return parsed;
}
