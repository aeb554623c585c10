/**
 * @jest-environment jsdom
 *
 * The Word refresh never overwrites an officer's edits without asking. For generated blocks of
 * the seeded November/December 2023 report (the data as it was when inserted, sometimes with
 * hostile text), generated officer edits (words inserted, deleted or replaced; whitespace-only
 * changes; edits of controls that are not ours), generated new data, generated confirmations and
 * generated edits made while the officer read the plan, `planRefresh` + `WordDocument.applyRefresh`
 * write (insertOoxml) exactly:
 * - blocks the officer left alone (whitespace aside) whose data changed — always;
 * - blocks the officer edited and confirmed overwriting — always;
 * - never a block edited (beyond whitespace) after the plan was made, deleted meanwhile, whose data
 *   is gone, that is not ours, or that neither changed nor was confirmed.
 * What is written is the fresh block, and its tag then records the fresh block's fingerprint.
 */
import fc from 'fast-check';
import type { IPeriodPicture, IRisk, IStatusReport, Rag } from '../../../src/domain';
import { RAG_SCALE } from '../../../src/domain';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../../src/fixtures/improvementPlanPhase2';
import { pictureOf } from '../../../src/fixtures/picture';
import { buildBlock, makeTag, parseTag, WORKSTREAM_BLOCK_KINDS, type BlockKind, type IBlock, type IBlockTag } from '../../../src/report';
import { planRefresh } from '../../../src/addin/word/refresh';
import { WordDocument } from '../../../src/addin/word/wordDocument';
import type { IRefreshItem, IRefreshOutcome } from '../../../src/addin/word/types';
import { documentBody, parseXml, wordLikeText } from '../../report/support/xml';
import { record } from '../support/counts';
import { hostileText, seedFor } from '../badInput/hostile';
import { control, foreignControl, mockWord, unmockWord, wordText, type IControlSpec, type IFakeControl } from './wordMock';

const AREA: string = 'Word refresh keeps officers\' edits';

/** Text as the fingerprint sees it: whitespace and Word's separators (control characters) do not count. */
function words(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\s\u0000-\u001f\u007f]+/g, '');
}

// ---------------------------------------------------------------------------------------------
// Data: the picture as inserted, and as it is now
// ---------------------------------------------------------------------------------------------

type Change =
  | { what: 'rag'; index: number; rag: Rag | undefined }
  | { what: 'keyActivities' | 'comment' | 'milestoneStatus' | 'milestoneTitle' | 'mitigation' | 'overview'; index: number; text: string }
  | { what: 'whitespace'; index: number }
  | { what: 'removeWorkstream'; index: number }
  | { what: 'removeMilestone'; index: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ what: fc.constant('rag' as const), index: fc.nat(), rag: fc.option(fc.constantFrom(...RAG_SCALE), { nil: undefined }) }),
  fc.record({
    what: fc.constantFrom('keyActivities' as const, 'comment' as const, 'milestoneStatus' as const, 'milestoneTitle' as const, 'mitigation' as const, 'overview' as const),
    index: fc.nat(),
    text: fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[A-Z][a-z]{2,9}( [a-z]{2,9}){0,4}\.$/) }, { weight: 1, arbitrary: hostileText(4) })
  }),
  fc.record({ what: fc.constant('whitespace' as const), index: fc.nat() }),
  fc.record({ what: fc.constant('removeWorkstream' as const), index: fc.nat() }),
  fc.record({ what: fc.constant('removeMilestone' as const), index: fc.nat() })
);

function pick<T>(items: T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** The picture with changes made, as another user would make them in SharePoint. */
function changed(base: IPeriodPicture, changes: readonly Change[]): IPeriodPicture {
  const p: IPeriodPicture = JSON.parse(JSON.stringify(base)) as IPeriodPicture;
  for (const c of changes) {
    switch (c.what) {
      case 'rag': {
        const r: IStatusReport | undefined = pick(p.statusReports, c.index);
        if (r) {
          r.rag = c.rag;
        }
        break;
      }
      case 'keyActivities': {
        const r: IStatusReport | undefined = pick(p.statusReports, c.index);
        if (r) {
          r.keyActivities = `${r.keyActivities || ''}\n\n${c.text}`;
        }
        break;
      }
      case 'comment': {
        const s = pick(p.sponsorComments, c.index);
        if (s) {
          s.text = c.text;
        }
        break;
      }
      case 'milestoneStatus':
      case 'milestoneTitle': {
        const m = pick(p.milestones, c.index);
        if (m) {
          if (c.what === 'milestoneStatus') {
            m.status = c.text;
          } else {
            m.title = c.text;
          }
        }
        break;
      }
      case 'mitigation': {
        const r: IRisk | undefined = pick(p.risks, c.index);
        if (r) {
          r.mitigation = c.text;
        }
        break;
      }
      case 'overview':
        p.period.overview = c.text;
        break;
      case 'whitespace': {
        // A change of spacing only: doubled spaces in a milestone's title.
        const m = pick(p.milestones, c.index);
        if (m) {
          m.title = (m.title || '').replace(/ /g, '  ');
        }
        break;
      }
      case 'removeWorkstream': {
        const w = pick(p.workstreams, c.index);
        if (w && p.workstreams.length > 1) {
          p.workstreams = p.workstreams.filter((x) => x.id !== w.id);
        }
        break;
      }
      default: {
        const m = pick(p.milestones, c.index);
        if (m) {
          p.milestones = p.milestones.filter((x) => x.id !== m.id);
        }
      }
    }
  }
  return p;
}

/** The block for a tag from a picture, or undefined when its data is gone (as the task pane builds it). */
function builderFor(p: IPeriodPicture): (tag: IBlockTag) => IBlock | undefined {
  return (tag) => {
    if (tag.periodId !== p.period.id || (tag.workstreamId !== undefined && !p.workstreams.some((w) => w.id === tag.workstreamId))) {
      return undefined;
    }
    return buildBlock(p, tag.kind, tag.workstreamId);
  };
}

// ---------------------------------------------------------------------------------------------
// Officers' edits, in Word's text
// ---------------------------------------------------------------------------------------------

type Edit =
  | { kind: 'insert' | 'replace'; at: number; word: string }
  | { kind: 'delete'; at: number }
  | { kind: 'whitespace'; spots: Array<[number, string]>; removals: number[] };

const typedWord: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9'’&-]{0,11}$/),
  fc.constantFrom('Agreed', 'TBC', 'Board', '£2.4m', 'ré­sumé', '\u{1F600}', '<script>', '&amp;', 'Green', 'Amber/Red', '30/06/2023')
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('insert' as const, 'replace' as const), at: fc.nat(), word: typedWord }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('whitespace' as const),
    spots: fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '  ', '\t', '\u00a0', '\r', ' \r ')), { maxLength: 4 }),
    removals: fc.array(fc.nat(), { maxLength: 3 })
  })
);

/** The words of a text with where each starts and ends. */
function tokens(text: string): Array<{ start: number; end: number; word: string }> {
  const out: Array<{ start: number; end: number; word: string }> = [];
  // eslint-disable-next-line no-control-regex
  const pattern: RegExp = /[^\s\u0000-\u001f\u007f]+/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    out.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  }
  return out;
}

/** A position in the text that does not split a surrogate pair. */
function safeAt(text: string, at: number): number {
  let i: number = at % (text.length + 1);
  const before: number = text.charCodeAt(i - 1);
  if (i > 0 && before >= 0xd800 && before <= 0xdbff) {
    i++;
  }
  return i;
}

/** An officer's edit made in Word's text of a control. */
function applyEdit(text: string, e: Edit): string {
  const t = tokens(text);
  switch (e.kind) {
    case 'insert': {
      const k = pick(t, e.at);
      return k ? `${text.slice(0, k.end)} ${e.word}${text.slice(k.end)}` : `${text}${e.word}`;
    }
    case 'replace': {
      const k = pick(t, e.at);
      if (!k) {
        return `${text}${e.word}`;
      }
      const word: string = e.word === k.word ? `${e.word}x` : e.word;
      return `${text.slice(0, k.start)}${word}${text.slice(k.end)}`;
    }
    case 'delete': {
      const k = pick(t, e.at);
      return k ? `${text.slice(0, k.start)}${text.slice(k.end)}` : text;
    }
    default: {
      let out: string = text;
      for (const [at, ws] of e.spots) {
        const i: number = safeAt(out, at);
        out = `${out.slice(0, i)}${ws}${out.slice(i)}`;
      }
      for (const r of e.removals) {
        const spaces: number[] = [];
        for (let i: number = 0; i < out.length; i++) {
          if (out[i] === ' ') {
            spaces.push(i);
          }
        }
        const at = pick(spaces, r);
        if (at !== undefined) {
          out = `${out.slice(0, at)}${out.slice(at + 1)}`;
        }
      }
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

interface IBlockSpec {
  kind: BlockKind;
  workstreamId?: number;
}

const SEEDED: IPeriodPicture = pictureOf(IMPROVEMENT_PLAN_PHASE_2, 2);
const SPECS: IBlockSpec[] = [
  { kind: 'reportTitle' },
  { kind: 'overview' },
  { kind: 'statusTable' },
  { kind: 'ragKey' },
  ...SEEDED.workstreams.flatMap((w) => WORKSTREAM_BLOCK_KINDS.map((kind) => ({ kind, workstreamId: w.id })))
];

type Meanwhile = 'nothing' | 'whitespace' | 'typed' | 'deleted';

interface ICase {
  oldData: Change[];
  newData: Change[];
  blocks: Array<{ spec: number; edits: Edit[]; meanwhile: Meanwhile; meanwhileEdit: Edit }>;
  foreign: Array<{ tag: string; text: string; edits: Edit[] }>;
  confirm: number[];
}

const refreshCase: fc.Arbitrary<ICase> = fc.record({
  oldData: fc.array(change, { maxLength: 2 }),
  newData: fc.array(change, { maxLength: 5 }),
  blocks: fc.uniqueArray(
    fc.record({
      spec: fc.nat({ max: SPECS.length - 1 }),
      edits: fc.oneof({ weight: 2, arbitrary: fc.constant<Edit[]>([]) }, { weight: 3, arbitrary: fc.array(edit, { minLength: 1, maxLength: 2 }) }),
      meanwhile: fc.constantFrom<Meanwhile>('nothing', 'nothing', 'nothing', 'whitespace', 'typed', 'deleted'),
      meanwhileEdit: edit
    }),
    { minLength: 1, maxLength: 8, selector: (b) => b.spec }
  ),
  foreign: fc.array(
    fc.record({
      tag: fc.constantFrom('', 'officer-note', 'PH:', 'PH:risks:2:0:deadbeef', 'PH:statusTable:2:0:NOTAHASH', 'PH:unknownKind:2:0:0badf00d', 'ph:statusTable:2:0:0badf00d'),
      text: hostileText(5),
      edits: fc.array(edit, { maxLength: 2 })
    }),
    { maxLength: 2 }
  ),
  confirm: fc.array(fc.nat({ max: 20 }), { maxLength: 6 })
});

afterEach(() => {
  unmockWord();
});

describe('refreshing in Word', () => {
  it("writes only blocks unedited and changed, or edited and confirmed; never one edited after the plan was made", async () => {
    let runs: number = 0;
    let written: number = 0;
    let keptEdits: number = 0;
    let leftMeanwhile: number = 0;
    await fc.assert(
      fc.asyncProperty(refreshCase, async (c) => {
        runs++;
        const before: IPeriodPicture = changed(SEEDED, c.oldData);
        const after: IPeriodPicture = changed(before, c.newData);
        const build = builderFor(before);

        // The document: our blocks as inserted from the data as it was, then edited by the officer.
        const ours: Array<{ ctl: IControlSpec; original: IBlock; inserted: string; edited: string; meanwhile: Meanwhile; meanwhileEdit: Edit }> = [];
        const controls: IControlSpec[] = [];
        c.blocks.forEach((b, i) => {
          const original: IBlock | undefined = build({ ...SPECS[b.spec], periodId: before.period.id, fingerprint: '00000000' });
          if (!original) {
            return;
          }
          const inserted: string = wordText(original);
          const edited: string = b.edits.reduce(applyEdit, inserted);
          const ctl: IControlSpec = control(i + 1, original, edited);
          controls.push(ctl);
          ours.push({ ctl, original, inserted, edited, meanwhile: b.meanwhile, meanwhileEdit: b.meanwhileEdit });
        });
        const foreign: IControlSpec[] = c.foreign.map((f, i) => foreignControl(100 + i, f.tag, f.edits.reduce(applyEdit, f.text)));
        const all: IControlSpec[] = [...controls, ...foreign];
        // Interleave the officer's own controls among ours.
        all.sort((x, y) => (x.id * 7919) % 13 - (y.id * 7919) % 13);
        const word = mockWord(all);
        const now = (id: number): IFakeControl => word.model.byId(id);
        const doc: WordDocument = new WordDocument();

        const found = await doc.findBlocks();
        expect(found.map((f) => f.control.id).sort((x, y) => x - y)).toEqual(ours.map((o) => o.ctl.id).sort((x, y) => x - y));
        const plan: IRefreshItem[] = planRefresh(found, builderFor(after));
        for (const item of plan) {
          const o = ours.filter((x) => x.ctl.id === item.found.control.id)[0];
          // Whitespace-only changes are not edits; anything else is.
          expect(item.found.edited).toBe(words(o.edited) !== words(o.inserted));
        }

        // While the officer reads the plan: more typing, spacing, a block deleted, their own notes edited.
        for (const o of ours) {
          if (o.meanwhile === 'deleted') {
            word.model.remove(o.ctl.id);
          } else if (o.meanwhile === 'typed') {
            word.model.setText(o.ctl.id, applyEdit(now(o.ctl.id).text, o.meanwhileEdit.kind === 'whitespace' ? { kind: 'insert', at: 0, word: 'Meanwhile' } : o.meanwhileEdit));
          } else if (o.meanwhile === 'whitespace') {
            word.model.setText(o.ctl.id, applyEdit(now(o.ctl.id).text, { kind: 'whitespace', spots: [[o.ctl.id * 31, ' ']], removals: [] }));
          }
        }
        const textBeforeApply: Map<number, string> = new Map(word.model.controls.map((x) => [x.id, x.text]));
        foreign.forEach((f, i) => {
          word.model.setText(f.id, applyEdit(now(f.id).text, { kind: 'insert', at: i, word: 'Note' }));
        });
        const confirmed: Set<number> = new Set<number>(c.confirm);
        const outcome: IRefreshOutcome = await doc.applyRefresh(plan, confirmed);
        // Find: one sync, and one for the text without tracked deletions (WordApi 1.4); apply: two.
        expect(word.syncs()).toBeLessThanOrEqual(4);

        for (const o of ours) {
          const fresh: IBlock | undefined = builderFor(after)(parseTag(makeTag(o.original)) as IBlockTag);
          const officerEdited: boolean = words(o.edited) !== words(o.inserted);
          const editedMeanwhile: boolean = o.meanwhile === 'deleted' || words(textBeforeApply.get(o.ctl.id) as string) !== words(o.edited);
          // The data changed when the block it gives is not the one inserted (its tag records the text's
          // fingerprint, which leaves out spacing, as Word's own separators vary).
          const dataChanged: boolean = !!fresh && makeTag(fresh) !== makeTag(o.original);
          const mustWrite: boolean = !!fresh && !editedMeanwhile && (officerEdited ? confirmed.has(o.ctl.id) : dataChanged);
          // Exactly those: never a block the data did not change, whatever the officer did to its spacing.
          const mayWrite: boolean = mustWrite;
          const calls: string[] = word.writesTo(o.ctl.id);
          const what: string = `${o.original.kind}${o.original.workstreamId ? ` of workstream ${o.original.workstreamId}` : ''} (control ${o.ctl.id}; officer ${officerEdited ? 'edited' : 'did not edit'} it${confirmed.has(o.ctl.id) ? ' and confirmed' : ''}; meanwhile ${o.meanwhile}; data ${fresh ? (dataChanged ? 'changed' : 'unchanged') : 'gone'})`;
          if (calls.length > 0 && !mayWrite) {
            throw new Error(`The refresh wrote ${what}, which it must not`);
          }
          if (calls.length === 0 && mustWrite) {
            throw new Error(`The refresh did not write ${what}, which it must`);
          }
          expect(calls.length).toBeLessThanOrEqual(1);
          if (calls.length === 1) {
            written++;
            const ooxml: string = calls[0];
            expect(ooxml).not.toContain('<w:sdt>');
            // What went in is the fresh block, and the tag now records it.
            expect(words(wordLikeText(documentBody(parseXml(ooxml))))).toBe(words(wordText(fresh as IBlock)));
            expect(now(o.ctl.id).tag).toBe(makeTag(fresh as IBlock));
            expect(outcome.refreshed.map((r) => r.found.control.id)).toContain(o.ctl.id);
          } else if (o.meanwhile !== 'deleted') {
            expect(now(o.ctl.id).tag).toBe(makeTag(o.original));
          }
          if (officerEdited && fresh && !confirmed.has(o.ctl.id)) {
            keptEdits++;
            expect(outcome.kept.map((r) => r.found.control.id)).toContain(o.ctl.id);
          }
          if (editedMeanwhile && calls.length === 0 && fresh) {
            leftMeanwhile++;
          }
        }
        for (const f of foreign) {
          expect(word.writesTo(f.id)).toEqual([]);
        }
        expect(outcome.failed).toEqual([]);
        expect(outcome.refreshed).toHaveLength(ours.filter((o) => word.writesTo(o.ctl.id).length === 1).length);
        unmockWord();
      }),
      { numRuns: 300, seed: seedFor(400) }
    );
    record(AREA, { inputs: runs });
    console.log(`Word refresh: ${runs} documents, ${written} blocks written, ${keptEdits} edited blocks kept, ${leftMeanwhile} left alone as edited or deleted meanwhile.`);
    // The generators reach every branch, or the property would prove little.
    expect(written).toBeGreaterThan(50);
    expect(keptEdits).toBeGreaterThan(20);
    expect(leftMeanwhile).toBeGreaterThan(20);
  }, 180000);
});

describe('refreshing in Word, a block whose data did not change', () => {
  // Found by the property above: planRefresh called such a block "changed" when the officer had
  // only changed its spacing (a space typed inside a word, two words run together), so a refresh
  // rewrote it without asking, undoing their spacing and any formatting in it.
  it('leaves alone a block whose data did not change when the officer only changed its spacing', async () => {
    const table: IBlock = buildBlock(SEEDED, 'statusTable');
    const typed: string = wordText(table).replace('Governance', 'Gover nance');
    expect(words(typed)).toBe(words(wordText(table)));
    const word = mockWord([control(1, table, typed)]);
    const doc: WordDocument = new WordDocument();
    const plan: IRefreshItem[] = planRefresh(await doc.findBlocks(), builderFor(SEEDED));
    expect(plan[0].found.edited).toBe(false);
    await doc.applyRefresh(plan, new Set<number>());
    expect(word.writesTo(1)).toEqual([]);
  });
});
