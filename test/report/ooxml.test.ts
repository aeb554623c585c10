/**
 * @jest-environment jsdom
 */
/**
 * The OOXML Word receives through insertOoxml: well-formed, one content control per block
 * and none in table cells, text escaped, header rows repeating, RAG cells shaded and labelled,
 * and a fingerprint that Word's own text of the control reproduces.
 */
import { RAG_COLOURS, RAG_SCALE, type Rag } from '../../src/domain';
import {
  A4_TEXT_WIDTH_TWIPS,
  aliasOf,
  blockPlainText,
  blocksToInsertableOoxml,
  blockToSdtXml,
  buildBlock,
  buildProgrammeReport,
  escapeXml,
  fingerprintText,
  MAX_ALIAS_LENGTH,
  parseTag,
  type IBlock
} from '../../src/report';
import { HOSTILE, hostilePicture, JUNE, NOVDEC, picture, ws } from './support/pictures';
import { childElements, descendants, documentBody, parseFragment, parseXml, PKG, W, wAttr, wordLikeText, wText } from './support/xml';

const novDecBlocks = (): IBlock[] => buildProgrammeReport(picture(NOVDEC));

describe('the insertable package', () => {
  const blocks = novDecBlocks();
  const xml = blocksToInsertableOoxml(blocks);
  const pkg = parseXml(xml);

  it('is one well-formed flat-OPC package holding the document and its styles', () => {
    expect(pkg.documentElement.localName).toBe('package');
    expect(pkg.documentElement.namespaceURI).toBe(PKG);
    const parts = Array.from(pkg.getElementsByTagNameNS(PKG, 'part')).map((p) => p.getAttributeNS(PKG, 'name'));
    expect(parts).toEqual(expect.arrayContaining(['/_rels/.rels', '/word/_rels/document.xml.rels', '/word/document.xml', '/word/styles.xml']));
  });

  it('holds every block as exactly one top-level content control, in order', () => {
    const body = documentBody(pkg);
    const top = childElements(body);
    expect(top).toHaveLength(blocks.length);
    expect(top.every((el) => el.localName === 'sdt' && el.namespaceURI === W)).toBe(true);
    top.forEach((sdt, i) => {
      const sdtPr = childElements(sdt, 'sdtPr')[0];
      expect(wAttr(childElements(sdtPr, 'alias')[0], 'val')).toBe(blocks[i].title);
      const tag = parseTag(wAttr(childElements(sdtPr, 'tag')[0], 'val') || '');
      expect(tag).toMatchObject({ kind: blocks[i].kind, periodId: NOVDEC });
      expect(tag && tag.workstreamId).toBe(blocks[i].workstreamId);
    });
  });

  it('never puts a content control inside a table, a row or a cell, or inside another control', () => {
    const body = documentBody(pkg);
    for (const tbl of descendants(body, 'tbl')) {
      expect(descendants(tbl, 'sdt')).toHaveLength(0);
    }
    for (const sdt of descendants(body, 'sdt')) {
      expect(descendants(sdt, 'sdt')).toHaveLength(0);
    }
  });

  it("keeps every content-control title within Word's 64 characters, cutting a long one at a word", () => {
    const p = picture(NOVDEC);
    const all = [...blocks, ...p.workstreams.flatMap((w) => (['sponsorComments', 'milestonesThisPeriod', 'milestonesNextPeriod', 'risks'] as const).map((k) => buildBlock(p, k, w.id)))];
    for (const b of all) {
      expect(b.title.length).toBeLessThanOrEqual(MAX_ALIAS_LENGTH);
      expect(aliasOf(b.title)).toBe(b.title);
    }
    const long = 'Milestones next period – The Extraordinarily Long-Named Workstream for Regional Transport';
    const alias = aliasOf(long);
    expect(alias.length).toBeLessThanOrEqual(MAX_ALIAS_LENGTH);
    expect(alias).toBe('Milestones next period – The Extraordinarily Long-Named…');
  });

  it('puts all the blocks in one string, for one insertOoxml call', () => {
    expect(descendants(pkg, 'sdt')).toHaveLength(blocks.length);
    expect(xml.match(/<pkg:package/g)).toHaveLength(1);
  });

  it("styles headings with Word's built-in ids, so the table of contents picks them up", () => {
    const styles = descendants(pkg, 'pStyle').map((s) => wAttr(s, 'val'));
    expect(new Set(styles)).toEqual(new Set(['Title', 'Heading1', 'Heading2', 'Heading3', 'PHBullet']));
    const defined = descendants(pkg, 'style').map((s) => wAttr(s, 'styleId'));
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'PHBullet', 'PHTable']) {
      expect(defined).toContain(id);
    }
  });

  it('gives the first paragraph of each control no direct run formatting (LibreOffice 7.4 drops it)', () => {
    for (const sdt of childElements(documentBody(pkg))) {
      const first = childElements(childElements(sdt, 'sdtContent')[0])[0];
      expect(first.localName).toBe('p');
      expect(descendants(first, 'rPr')).toHaveLength(0);
    }
  });
});

describe('tables', () => {
  const body = documentBody(parseXml(blocksToInsertableOoxml(novDecBlocks())));
  const tbls = descendants(body, 'tbl');

  it('span 9026 twips with a fixed grid, single borders and the report table style', () => {
    expect(tbls.length).toBeGreaterThan(10);
    for (const tbl of tbls) {
      const tblPr = childElements(tbl, 'tblPr')[0];
      expect(wAttr(childElements(tblPr, 'tblStyle')[0], 'val')).toBe('PHTable');
      const tblW = childElements(tblPr, 'tblW')[0];
      expect([wAttr(tblW, 'w'), wAttr(tblW, 'type')]).toEqual([String(A4_TEXT_WIDTH_TWIPS), 'dxa']);
      expect(wAttr(childElements(tblPr, 'tblLayout')[0], 'type')).toBe('fixed');
      const grid = descendants(tbl, 'gridCol').map((g) => Number(wAttr(g, 'w')));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(A4_TEXT_WIDTH_TWIPS);
      const borders = childElements(childElements(tblPr, 'tblBorders')[0]);
      expect(borders.map((b) => b.localName).sort()).toEqual(['bottom', 'insideH', 'insideV', 'left', 'right', 'top']);
      expect(borders.every((b) => wAttr(b, 'val') === 'single')).toBe(true);
    }
  });

  it('mark header rows with w:tblHeader (repeated on every page), shaded grey and bold', () => {
    let headed = 0;
    for (const tbl of tbls) {
      const rows = childElements(tbl, 'tr');
      const isHeader = (tr: Element): boolean => descendants(tr, 'tblHeader').length > 0;
      const first = wText(rows[0]);
      const hasHeader = ['WorkstreamThis PeriodLast Period', '#MilestoneStatus', '#Milestone', '#Risk DescriptionMitigation', '#Risk DescriptionMitigationLikelihood × ImpactOwner', 'LevelDefinition'].indexOf(first) >= 0;
      expect(isHeader(rows[0])).toBe(hasHeader);
      expect(rows.slice(1).some(isHeader)).toBe(false);
      if (hasHeader) {
        headed++;
        for (const tc of childElements(rows[0], 'tc')) {
          expect(wAttr(descendants(tc, 'shd')[0], 'fill')).toBe('D9D9D9');
          expect(descendants(tc, 'r').every((r) => descendants(r, 'b').length === 1)).toBe(true);
        }
      }
    }
    // The status table, three tables per workstream and the RAG key; the details tables have none.
    expect(headed).toBe(1 + 5 * 3 + 1);
  });

  it("shade RAG cells with the level's fill and colour the label, which is always there", () => {
    const status = tbls[0];
    const rows = childElements(status, 'tr').slice(1);
    expect(rows.map((tr) => wText(childElements(tr, 'tc')[0]))).toEqual([
      'Governance and Decision Making',
      'Procurement',
      'Project Plans and Delivery',
      'Partnership Working',
      'Confidence, Culture and Capacity'
    ]);
    for (const tr of rows) {
      for (const tc of childElements(tr, 'tc').slice(1)) {
        const label = wText(tc) as Rag;
        expect(RAG_SCALE).toContain(label);
        const shd = descendants(tc, 'shd')[0];
        expect([wAttr(shd, 'val'), wAttr(shd, 'fill')]).toEqual(['clear', RAG_COLOURS[label].fill]);
        expect(descendants(tc, 'color').map((c) => wAttr(c, 'val'))).toEqual([RAG_COLOURS[label].text]);
      }
    }
  });

  it('print the RAG key levels white on red where the fill is dark', () => {
    const key = tbls[tbls.length - 1];
    const red = childElements(key, 'tr').filter((tr) => wText(childElements(tr, 'tc')[0]) === 'Red')[0];
    const tc = childElements(red, 'tc')[0];
    expect(wAttr(descendants(tc, 'shd')[0], 'fill')).toBe('C00000');
    expect(wAttr(descendants(tc, 'color')[0], 'val')).toBe('FFFFFF');
  });

  it('leave unrated cells unshaded, saying "Not rated"', () => {
    const status = descendants(documentBody(parseXml(blocksToInsertableOoxml(buildProgrammeReport(picture(JUNE))))), 'tbl')[0];
    for (const tr of childElements(status, 'tr').slice(1)) {
      const last = childElements(tr, 'tc')[2];
      expect(wText(last)).toBe('Not rated');
      expect(descendants(last, 'shd')).toHaveLength(0);
    }
  });

  it('span the "None reported." row across every column and give every cell a paragraph', () => {
    const p = picture(NOVDEC);
    p.risks = [];
    const fragment = parseFragment(blockToSdtXml(buildBlock(p, 'risks', ws('GOV'))));
    const rows = descendants(fragment, 'tr');
    expect(wText(rows[1])).toBe('None reported.');
    // #, description, mitigation, likelihood × impact, owner.
    expect(wAttr(descendants(rows[1], 'gridSpan')[0], 'val')).toBe('3');
    for (const tc of descendants(documentBody(parseXml(blocksToInsertableOoxml(novDecBlocks()))), 'tc')) {
      expect(childElements(tc, 'p').length).toBeGreaterThan(0);
    }
  });
});

describe('text', () => {
  it('escapes & < > " \' and drops control characters and lone surrogates', () => {
    expect(escapeXml('a & b < c > d " e \' f')).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(escapeXml(']]>')).toBe(']]&gt;');
    expect(escapeXml('bell\u0007 nul\u0000 lone\ud800 pair\ud83d\ude00')).toBe('bell nul lone pair\ud83d\ude00');
  });

  it('round-trips hostile text as escaped text and stays well-formed', () => {
    const p = hostilePicture();
    const xml = blocksToInsertableOoxml(buildProgrammeReport(p));
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000\u0007]/.test(xml)).toBe(false);
    const pkg = parseXml(xml);
    const texts = descendants(pkg, 't').map((t) => t.textContent || '');
    const expected = `<script>alert("x")</script> & ]]> "quoted" 'single' bell nul lone end \u{1F600}`;
    expect(texts.filter((t) => t === expected)).toHaveLength(2);
    expect(pkg.getElementsByTagName('script')).toHaveLength(0);
    expect(HOSTILE).not.toBe(expected);
  });

  it('writes tabs and line breaks as w:tab and w:br, never as raw characters in w:t', () => {
    const p = picture(NOVDEC);
    p.risks.filter((r) => r.workstreamId === ws('GOV'))[0].description = 'first line\nsecond\tcolumn';
    const fragment = parseFragment(blockToSdtXml(buildBlock(p, 'risks', ws('GOV'))));
    const cell = descendants(fragment, 'tc').filter((tc) => wText(tc) === 'first linesecondcolumn')[0];
    expect(descendants(cell, 'br')).toHaveLength(1);
    expect(descendants(cell, 'tab').filter((t) => t.parentElement && t.parentElement.localName === 'r')).toHaveLength(1);
    expect(descendants(fragment, 't').some((t) => /[\t\n]/.test(t.textContent || ''))).toBe(false);
  });

  it('prints bullets as a literal "•" and a tab, in the hanging-indent bullet style', () => {
    const fragment = parseFragment(blockToSdtXml(buildBlock(picture(NOVDEC), 'workstreamSection', ws('GOV'))));
    const bullets = descendants(fragment, 'p').filter((p) => descendants(p, 'pStyle').some((s) => wAttr(s, 'val') === 'PHBullet'));
    expect(bullets.length).toBeGreaterThanOrEqual(16);
    for (const p of bullets) {
      const firstRun = childElements(p, 'r')[0];
      expect(wText(firstRun)).toBe('•');
      expect(childElements(firstRun, 'tab')).toHaveLength(1);
    }
    expect(descendants(fragment, 'numPr')).toHaveLength(0);
  });
});

describe('fingerprints against Word-like text', () => {
  it("match the tag for every block of both periods when computed from the control's text as Word reports it", () => {
    for (const periodId of [JUNE, NOVDEC]) {
      const blocks = buildProgrammeReport(picture(periodId));
      const top = childElements(documentBody(parseXml(blocksToInsertableOoxml(blocks))));
      top.forEach((sdt, i) => {
        const tag = parseTag(wAttr(descendants(sdt, 'tag')[0], 'val') || '');
        const wordText = wordLikeText(childElements(sdt, 'sdtContent')[0]);
        expect(fingerprintText(wordText)).toBe(tag && tag.fingerprint);
        expect(wordText.split('\u0007').join('').replace(/\s/g, '')).toBe(blockPlainText(blocks[i]).replace(/\s/g, ''));
      });
    }
  });

  it('no longer match once an officer changes a word inside the control', () => {
    const block = buildBlock(picture(NOVDEC), 'milestonesThisPeriod', ws('PROC'));
    const sdt = parseFragment(blockToSdtXml(block)).firstElementChild as Element;
    const tag = parseTag(wAttr(descendants(sdt, 'tag')[0], 'val') || '');
    const ongoing = descendants(sdt, 't').filter((t) => t.textContent === 'Ongoing')[0];
    ongoing.textContent = 'Complete';
    expect(fingerprintText(wordLikeText(childElements(sdt, 'sdtContent')[0]))).not.toBe(tag && tag.fingerprint);
  });
});
