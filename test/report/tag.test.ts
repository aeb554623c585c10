/**
 * Content-control tags and fingerprints: the add-in's way to find its blocks in a document
 * and to tell whether an officer edited inside one since it was inserted.
 */
import {
  blockPlainText,
  buildBlock,
  buildProgrammeReport,
  fingerprintText,
  formatTag,
  makeTag,
  MAX_TAG_LENGTH,
  parseTag,
  tagPrefix,
  type IBlock
} from '../../src/report';
import { JUNE, NOVDEC, picture, ws } from './support/pictures';

describe('fingerprintText', () => {
  it('is FNV-1a 32-bit of the UTF-8 text, as 8 hex digits (published test vectors)', () => {
    expect(fingerprintText('')).toBe('811c9dc5');
    expect(fingerprintText('a')).toBe('e40c292c');
    expect(fingerprintText('foobar')).toBe('bf9cf968');
  });

  it('ignores all whitespace and the separators Word puts in a control\'s text', () => {
    const plain = fingerprintText('Launch Procurement Hub');
    expect(fingerprintText('LaunchProcurementHub')).toBe(plain);
    expect(fingerprintText(' Launch\tProcurement\r\n Hub\u00a0')).toBe(plain);
    expect(fingerprintText('Launch\rProcurement\r\u0007Hub\v')).toBe(plain);
  });

  it('changes when a word changes', () => {
    expect(fingerprintText('Launch Procurement Hub')).not.toBe(fingerprintText('Launch Procurement Hubs'));
    expect(fingerprintText('Green')).not.toBe(fingerprintText('Amber'));
  });

  it('encodes characters beyond ASCII as UTF-8', () => {
    // "é" is C3 A9 in UTF-8: FNV-1a over those two bytes.
    let hash = 0x811c9dc5;
    for (const byte of [0xc3, 0xa9]) {
      hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    }
    expect(fingerprintText('é')).toBe(hash.toString(16).padStart(8, '0'));
    expect(fingerprintText('😀')).not.toBe(fingerprintText('\ufffd'));
  });

  it('keeps the fingerprints tags already in documents carry, astral characters and lone surrogates included', () => {
    // Computed by the hand-written encoder this product used before TextEncoder: a changed value
    // would make every block already in a board paper look edited.
    const fnv = (bytes: number[]): string => bytes.reduce((h, b) => Math.imul(h ^ b, 0x01000193) >>> 0, 0x811c9dc5).toString(16).padStart(8, '0');
    expect(fingerprintText('😀')).toBe(fnv([0xf0, 0x9f, 0x98, 0x80]));
    expect(fingerprintText('€')).toBe(fnv([0xe2, 0x82, 0xac]));
    // Half a pair has no UTF-8 form: it counts as U+FFFD, as it always did.
    expect(fingerprintText('a\ud800b')).toBe(fnv([0x61, 0xef, 0xbf, 0xbd, 0x62]));
    expect(fingerprintText('\udc00')).toBe(fingerprintText('\ufffd'));
  });
});

describe('block tags', () => {
  const everyBlock = (): IBlock[] => {
    const blocks: IBlock[] = [];
    for (const periodId of [JUNE, NOVDEC]) {
      const p = picture(periodId);
      blocks.push(...buildProgrammeReport(p));
      for (const w of p.workstreams) {
        for (const kind of ['sponsorComments', 'milestonesThisPeriod', 'milestonesNextPeriod', 'risks'] as const) {
          blocks.push(buildBlock(p, kind, w.id));
        }
      }
    }
    return blocks;
  };

  it('say kind, period, workstream and fingerprint in at most 64 characters', () => {
    const block = buildBlock(picture(NOVDEC), 'milestonesThisPeriod', ws('CCC'));
    const tag = makeTag(block);
    expect(tag).toMatch(/^PH:milestonesThisPeriod:2:5:[0-9a-f]{8}$/);
    expect(tag.endsWith(fingerprintText(blockPlainText(block)))).toBe(true);
    expect(makeTag(buildBlock(picture(NOVDEC), 'statusTable'))).toMatch(/^PH:statusTable:2:0:[0-9a-f]{8}$/);
    for (const b of everyBlock()) {
      expect(makeTag(b).length).toBeLessThanOrEqual(MAX_TAG_LENGTH);
    }
  });

  it('parse back to what they were made from, for every block of both periods', () => {
    for (const b of everyBlock()) {
      expect(parseTag(makeTag(b))).toEqual({
        kind: b.kind,
        periodId: b.periodId,
        ...(b.workstreamId !== undefined ? { workstreamId: b.workstreamId } : {}),
        fingerprint: fingerprintText(blockPlainText(b))
      });
    }
  });

  it('are unique across the blocks of a period', () => {
    const tags = everyBlock().map(makeTag);
    expect(new Set(tags).size).toBe(tags.length);
  });

  it('are undefined for tags that are not ours or do not fit together', () => {
    for (const foreign of [
      '',
      'Some officer tag',
      'PH:',
      'XX:statusTable:2:0:0123abcd',
      'PH:statusTable:2:0:0123ABCD',
      'PH:statusTable:2:0:0123abc',
      'PH:statusTable:two:0:0123abcd',
      'PH:chart:2:0:0123abcd',
      'PH:risks:2:0:0123abcd',
      'PH:statusTable:2:3:0123abcd',
      'PH:statusTable:2:0:0123abcd:extra',
      ' PH:statusTable:2:0:0123abcd'
    ]) {
      expect(parseTag(foreign)).toBeUndefined();
    }
    expect(parseTag(undefined as unknown as string)).toBeUndefined();
  });

  it('share a prefix per block whatever the content, so a changed block is still found', () => {
    const before = buildBlock(picture(NOVDEC), 'sponsorComments', ws('GOV'));
    const p = picture(NOVDEC);
    p.sponsorComments.filter((c) => c.workstreamId === ws('GOV'))[0].text += ' One more sentence.';
    const after = buildBlock(p, 'sponsorComments', ws('GOV'));
    expect(makeTag(after)).not.toBe(makeTag(before));
    const prefix = tagPrefix('sponsorComments', NOVDEC, ws('GOV'));
    expect(prefix).toBe('PH:sponsorComments:2:1:');
    expect(makeTag(before).startsWith(prefix) && makeTag(after).startsWith(prefix)).toBe(true);
  });

  it('do not change when the data only differs in whitespace', () => {
    const p = picture(NOVDEC);
    const comment = p.sponsorComments.filter((c) => c.workstreamId === ws('GOV'))[0];
    const before = makeTag(buildBlock(p, 'sponsorComments', ws('GOV')));
    comment.text = comment.text.replace(/ /g, '  ');
    expect(makeTag(buildBlock(p, 'sponsorComments', ws('GOV')))).toBe(before);
  });

  it('refuse parts that cannot make a valid tag', () => {
    expect(() => formatTag({ kind: 'statusTable', periodId: -1, fingerprint: '0123abcd' })).toThrow(/period id/);
    expect(() => formatTag({ kind: 'statusTable', periodId: 1.5, fingerprint: '0123abcd' })).toThrow(/period id/);
    expect(() => formatTag({ kind: 'statusTable', periodId: 1, fingerprint: 'xyz' })).toThrow(/fingerprint/);
    expect(() => formatTag({ kind: 'risks', periodId: 1, fingerprint: '0123abcd' })).toThrow(/needs a workstream/);
    expect(() => formatTag({ kind: 'ragKey', periodId: 1, workstreamId: 3, fingerprint: '0123abcd' })).toThrow(/cannot have/);
  });
});
