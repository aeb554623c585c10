/**
 * @jest-environment jsdom
 */
/**
 * No content control ends with a table. Replacing the content of a control whose last element
 * is a table is what corrupts the table or leaves a stray paragraph outside the control
 * (office-js #85, #2606, #116), so a block ending with a table carries an empty paragraph after
 * it inside its control: when inserted, when refreshed and in every .docx `npm run report` writes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { writeReport } from '../../src/cli/report';
import {
  BLOCK_KINDS,
  blockContentToInsertableOoxml,
  blockPlainText,
  blocksToInsertableOoxml,
  blockToSdtXml,
  buildBlock,
  buildProgrammeReport,
  fingerprintText,
  parseTag,
  SECTION_BLOCK_KINDS,
  buildSectionBlock,
  WORKSTREAM_BLOCK_KINDS,
  type IBlock
} from '../../src/report';
import { MemoryRepository } from '../support/memoryProgramme';
import { JUNE, NOVDEC, picture } from './support/pictures';
import { childElements, descendants, documentBody, parseFragment, parseXml, W, wordLikeText } from './support/xml';

/** Every block of every kind, for every workstream, of both seeded periods. */
function everyBlock(): IBlock[] {
  const blocks: IBlock[] = [];
  for (const periodId of [JUNE, NOVDEC]) {
    const p = picture(periodId);
    for (const kind of BLOCK_KINDS) {
      if (WORKSTREAM_BLOCK_KINDS.indexOf(kind) >= 0) {
        for (const w of p.workstreams) {
          blocks.push(buildBlock(p, kind, w.id));
        }
      } else if (SECTION_BLOCK_KINDS.indexOf(kind) >= 0) {
        // The seeded programme has no sections of its own: give it one, so the block is checked too.
        const withSection = { ...p, sections: [{ key: 'purpose', name: 'Purpose', order: 1, text: 'To update the Board.' }] };
        blocks.push(buildSectionBlock(withSection, 'purpose'));
      } else {
        blocks.push(buildBlock(p, kind));
      }
    }
  }
  return blocks;
}

/** The last element inside a content control's content. */
function lastInside(sdt: Element): Element {
  const content = childElements(sdt, 'sdtContent')[0];
  const children = childElements(content);
  return children[children.length - 1];
}

describe('blocks that end with a table', () => {
  const blocks = everyBlock();

  it('include the status table and the RAG key, so the rule is exercised', () => {
    const endsWithTable = blocks.filter((b) => b.content[b.content.length - 1].type === 'table').map((b) => b.kind);
    expect(endsWithTable).toEqual(expect.arrayContaining(['statusTable', 'ragKey', 'milestonesThisPeriod', 'risks']));
  });

  it('carry an empty paragraph after the table inside their content control, as inserted', () => {
    for (const block of blocks) {
      const sdt = parseFragment(blockToSdtXml(block)).getElementsByTagNameNS(W, 'sdt')[0];
      const last = lastInside(sdt);
      expect(`${block.kind}: ${last.localName}`).toBe(`${block.kind}: p`);
      if (block.content[block.content.length - 1].type === 'table') {
        expect(descendants(last, 't')).toHaveLength(0);
      }
    }
  });

  it('carry it in what a refresh puts inside the control, which has no control of its own', () => {
    for (const block of blocks) {
      const body = documentBody(parseXml(blockContentToInsertableOoxml(block)));
      const children = childElements(body);
      expect(children.some((c) => c.localName === 'sdt')).toBe(false);
      expect(`${block.kind}: ${children[children.length - 1].localName}`).toBe(`${block.kind}: p`);
    }
  });

  it("leave the fingerprint alone: Word's text of the control, with the extra paragraph, matches the tag", () => {
    for (const block of blocks) {
      const el = parseFragment(blockToSdtXml(block));
      const tag = parseTag(childElements(el.getElementsByTagNameNS(W, 'sdtPr')[0], 'tag')[0].getAttributeNS(W, 'val') || '');
      expect(tag && tag.fingerprint).toBe(fingerprintText(wordLikeText(el)));
      expect(tag && tag.fingerprint).toBe(fingerprintText(blockPlainText(block)));
    }
  });

  it('in the whole-report package, no control ends with a table', () => {
    for (const periodId of [JUNE, NOVDEC]) {
      const body = documentBody(parseXml(blocksToInsertableOoxml(buildProgrammeReport(picture(periodId)))));
      const sdts = descendants(body, 'sdt');
      expect(sdts.length).toBeGreaterThan(5);
      expect(sdts.map(lastInside).map((e) => e.localName)).not.toContain('tbl');
    }
  });
});

describe('the .docx npm run report writes', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-table-ending-'));
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('has no content control ending with a table, for every period of the programme', async () => {
    const repository = new MemoryRepository();
    const periods = await repository.getPeriods();
    expect(periods.length).toBeGreaterThanOrEqual(2);
    for (const period of periods) {
      const out = path.join(tmp, `${period.id}.docx`);
      await writeReport(repository, String(period.id), out);
      const zip = await JSZip.loadAsync(fs.readFileSync(out));
      const doc = parseXml(await zip.file('word/document.xml')!.async('string'));
      const sdts = descendants(doc, 'sdt');
      expect(sdts.length).toBeGreaterThan(5);
      const endings = sdts.map((s) => `${childElements(childElements(s, 'sdtPr')[0], 'alias')[0].getAttributeNS(W, 'val')}: ${lastInside(s).localName}`);
      expect(endings.filter((e) => e.endsWith(': tbl'))).toEqual([]);
      // Some of them did end with a table before their closing paragraph.
      expect(sdts.some((s) => {
        const kids = childElements(childElements(s, 'sdtContent')[0]);
        return kids.length > 1 && kids[kids.length - 2].localName === 'tbl';
      })).toBe(true);
    }
  });
});
