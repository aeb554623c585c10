/**
 * Versioned snapshots: a locked period's picture is stored as `{ schemaVersion, picture }`, read
 * back through migrations from every earlier version, checked field by field, and refused with a
 * clear, coded DataError when it cannot be read exactly — never misread. The frozen version-1
 * snapshot of June 2023 (as the seeded stack wrote it before versioning) must keep rendering the
 * same board report, word for word.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IPeriodPicture } from '../../src/domain';
import type { DataError } from '../../src/data/errors';
import type { Row, RowValues } from '../../src/data/transport';
import * as snapshots from '../../src/data/snapshot';
import { CHUNK_SIZE, CLOSE_DOWN_SNAPSHOT_VERSION, programmePartKey, PROGRAMME_PART_VERSION, sha256, SNAPSHOT_SCHEMA_VERSION, WORKSTREAM_PART_GROUPS, WORKSTREAM_PART_VERSION, workstreamPartKey, type ISnapshotParts, type SnapshotRecord } from '../../src/data/snapshot';
import { closeDownSnapshotRecords, frozenPicture, makeCloseDownSnapshot, lockRecords, makeProgrammePart, makeSnapshot, makeWorkstreamParts, snapshotRecords, splitText } from '../../src/data/snapshotWrites';
import { WRITTEN_TEXTS } from '../../src/ui/writtenTexts';
import { blocksToHtml, buildProgrammeReport } from '../../src/report';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { pictureOf } from '../../src/fixtures/picture';
import { makePortfolio } from '../../src/cli/portfolio';
import { ofWorkstream } from './support/oneWorkstream';
import { failure } from '../support/dataFailure';
import { startStack, USERS } from './support/stack';

const FIXTURES: string = path.join(__dirname, 'fixtures');
const V1_RECORDS: RowValues[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'snapshot-v1-june-2023.json'), 'utf8'));
const V1_HTML: string = fs.readFileSync(path.join(FIXTURES, 'snapshot-v1-june-2023.html'), 'utf8').replace(/\n$/, '');
const V1_ID: string = String(V1_RECORDS[0].SnapshotId);

/** Parts' values as the site gives them back: rows of them. */
const asRows = (parts: RowValues[]): Row[] => parts.map((values, i) => ({ id: i + 1, etag: '"1"', values }));
// The readers over the parts' values as written, read back as rows.
const readSnapshot = (parts: RowValues[], id: string, title: string): ReturnType<typeof snapshots.readSnapshot> => snapshots.readSnapshot(asRows(parts), id, title);
const readCloseDownSnapshot = (parts: RowValues[], id: string, title: string): ReturnType<typeof snapshots.readCloseDownSnapshot> => snapshots.readCloseDownSnapshot(asRows(parts), id, title);
const readProgrammePart = (parts: RowValues[], id: string, title: string): ReturnType<typeof snapshots.readProgrammePart> => snapshots.readProgrammePart(asRows(parts), id, title);
const readWorkstreamPart = (parts: RowValues[], id: string, workstreamId: number, title: string): ReturnType<typeof snapshots.readWorkstreamPart> =>
  snapshots.readWorkstreamPart(asRows(parts), id, workstreamId, title);

/** Half a surrogate pair without its other half. */
const LONE_SURROGATE: RegExp = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Stores a document as the product stores snapshot parts, with a true checksum. */
async function storedAs(document: unknown, id: string = 'test'): Promise<SnapshotRecord[]> {
  const json: string = JSON.stringify(document);
  return snapshotRecords({ id, sha256: await sha256(json), parts: splitText(json) }, 1, { period: 'June 2023' }, WRITTEN_TEXTS);
}

describe('the frozen version-1 snapshot of June 2023', () => {
  it('is a bare picture with no schema version, as written before versioning', () => {
    const json: string = V1_RECORDS.map((r) => String(r.Content)).join('');
    expect(json).not.toContain('schemaVersion');
    expect(JSON.parse(json)).toHaveProperty('period.title', 'June 2023');
  });

  it('reads through its migration and renders the board report word for word as it did', async () => {
    const { picture, schemaVersion, sha256: sum } = await readSnapshot(V1_RECORDS, V1_ID, 'June 2023');
    expect(schemaVersion).toBe(1);
    expect(sum).toBe(V1_RECORDS[0].Sha256);
    expect(picture.period).toMatchObject({ title: 'June 2023', state: 'Locked' });
    expect(picture.statusReports).toHaveLength(5);
    // What v1 carried beyond the picture (every period) is not read.
    expect(picture).not.toHaveProperty('periods');
    expect(blocksToHtml(buildProgrammeReport(picture))).toBe(V1_HTML);
  });

  it('renders the same report once written again in the current version', async () => {
    const { picture } = await readSnapshot(V1_RECORDS, V1_ID, 'June 2023');
    const again = await makeSnapshot(picture, 'rewritten');
    const reread = await readSnapshot(snapshotRecords(again, 1, { period: 'June 2023' }, WRITTEN_TEXTS), 'rewritten', 'June 2023');
    expect(reread.schemaVersion).toBe(SNAPSHOT_SCHEMA_VERSION);
    expect(blocksToHtml(buildProgrammeReport(reread.picture))).toBe(V1_HTML);
  });
});

describe('writing a snapshot', () => {
  it('stores { schemaVersion, picture }, the period locked and no ETags', async () => {
    const live: IPeriodPicture = pictureOf(IMPROVEMENT_PLAN_PHASE_2, 2);
    const withEtags = { ...live, statusReports: live.statusReports.map((r) => ({ ...r, etag: '"3"' })) };
    const snapshot = await makeSnapshot(withEtags, 'abc');
    const document = JSON.parse(snapshot.parts.join(''));
    expect(Object.keys(document)).toEqual(['schemaVersion', 'picture']);
    expect(document.schemaVersion).toBe(3);
    expect(document.picture.period.state).toBe('Locked');
    expect(snapshot.parts.join('')).not.toContain('etag');
    const read = await readSnapshot(snapshotRecords(snapshot, 2, { period: 'Nov/Dec' }, WRITTEN_TEXTS), 'abc', 'Nov/Dec');
    expect(read.picture).toEqual(frozenPicture(live));
  });

  it('never splits a surrogate pair between parts, so astral characters survive a UTF-8 store', async () => {
    const live: IPeriodPicture = pictureOf(IMPROVEMENT_PLAN_PHASE_2, 2);
    const prefix: number = JSON.stringify({ schemaVersion: 2, picture: frozenPicture(live) }).indexOf('"overview":"') + '"overview":"'.length;
    // Emoji (two UTF-16 units each), placed so that one straddles the first part's boundary.
    for (const shift of [0, 1]) {
      const pad: string = 'x'.repeat(CHUNK_SIZE - prefix - 1 - shift);
      const overview: string = `${pad}😀😀😀𝔘 and more`;
      const picture: IPeriodPicture = { ...live, period: { ...live.period, overview } };
      const snapshot = await makeSnapshot(picture, 'astral');
      expect(snapshot.parts.length).toBeGreaterThan(1);
      for (const part of snapshot.parts) {
        expect(part.length).toBeLessThanOrEqual(CHUNK_SIZE);
        expect(LONE_SURROGATE.test(part)).toBe(false);
      }
      // As a store keeping text as UTF-8 would give the parts back.
      const records = snapshotRecords(snapshot, 2, { period: 'Nov/Dec' }, WRITTEN_TEXTS).map((r) => ({ ...r, Content: new TextDecoder().decode(new TextEncoder().encode(r.Content)) }));
      const read = await readSnapshot(records, 'astral', 'Nov/Dec');
      expect(read.picture.period.overview).toBe(overview);
    }
  });

  it('splits text at the boundary only where no pair is cut', () => {
    expect(splitText('ab😀cd', 3)).toEqual(['ab', '😀c', 'd']);
    expect(splitText('a😀😀', 2)).toEqual(['a', '😀', '😀']);
    expect(splitText('abcdef', 3)).toEqual(['abc', 'def']);
    expect(splitText('', 3)).toEqual([]);
    expect(() => splitText('abc', 1)).toThrow('at least 2');
  });
});

describe('reading a snapshot refuses what it cannot read exactly', () => {
  const picture: IPeriodPicture = frozenPicture(pictureOf(IMPROVEMENT_PLAN_PHASE_2, 1));

  it('refuses an unknown (newer) version with a clear, coded message', async () => {
    const e: DataError = await failure(readSnapshot(await storedAs({ schemaVersion: 4, picture }), 'test', 'June 2023'));
    expect(e.code).toBe('snapshotUnknownVersion');
    expect(e.kind).toBe('validation');
    expect(e.message).toContain('what June 2023 reported to the Board');
    expect(e.message).toContain('schema version 4; it reads 1 to 3');
    expect(e.message).toContain('nothing is misread');
  });

  it.each([
    ['a version written as text', { schemaVersion: '2', picture }, 'schema version "2"'],
    ['a version 0', { schemaVersion: 0, picture }, 'schema version 0'],
    ['no version and not a picture', { picture }, 'schema version none'],
    ['a list', [picture], 'schema version none']
  ])('refuses %s', async (_what, document, words) => {
    const e: DataError = await failure(readSnapshot(await storedAs(document), 'test', 'June 2023'));
    expect(e.code).toBe('snapshotUnknownVersion');
    expect(e.message).toContain(words);
  });

  it.each([
    ['a RAG level it does not know', (p: IPeriodPicture) => ({ ...p, statusReports: [{ ...p.statusReports[0], rag: 'Purple' }] }), 'picture.statusReports[0].rag is not a RAG level'],
    ['a renamed field', (p: IPeriodPicture) => ({ ...p, workstreams: p.workstreams.map(({ title, ...w }) => ({ ...w, name: title })) }), 'picture.workstreams[0].title is not text'],
    ['a missing list', (p: IPeriodPicture) => ({ ...p, milestones: undefined }), 'picture.milestones is not a list'],
    ['a date not in ISO form', (p: IPeriodPicture) => ({ ...p, period: { ...p.period, start: '01/06/2023' } }), 'picture.period.start is not a date'],
    ['a report state it does not know', (p: IPeriodPicture) => ({ ...p, statusReports: [{ ...p.statusReports[0], state: 'Archived' }] }), 'picture.statusReports[0].state is not one of']
  ])('refuses a picture with %s, naming it', async (_what, damage, words) => {
    for (const document of [{ schemaVersion: 2, picture: damage(picture) }, damage(picture)]) {
      const e: DataError = await failure(readSnapshot(await storedAs(document), 'test', 'June 2023'));
      expect(e.code).toBe('snapshotInvalid');
      expect(e.message).toContain(words);
    }
  });

  it('refuses parts missing, incomplete or altered, and text that is not JSON', async () => {
    expect((await failure(readSnapshot(V1_RECORDS, 'another', 'June 2023'))).code).toBe('snapshotMissing');
    const two = await storedAs({ schemaVersion: 2, picture: { ...picture, period: { ...picture.period, overview: 'y'.repeat(CHUNK_SIZE) } } });
    expect(two.length).toBe(2);
    expect((await failure(readSnapshot([two[0]], 'test', 'June 2023'))).code).toBe('snapshotIncomplete');
    const altered = V1_RECORDS.map((r) => ({ ...r, Content: String(r.Content).replace('Green/Amber', 'Green') }));
    expect((await failure(readSnapshot(altered, V1_ID, 'June 2023'))).code).toBe('snapshotChecksum');
    const notJson = snapshotRecords({ id: 'x', sha256: await sha256('{not json'), parts: ['{not json'] }, 1, { period: 'June 2023' }, WRITTEN_TEXTS);
    const e: DataError = await failure(readSnapshot(notJson, 'x', 'June 2023'));
    expect(e.code).toBe('snapshotInvalid');
    expect(e.message).toContain('not JSON');
  });

  it('reads a current-version document with fields it does not know, ignoring them', async () => {
    const read = await readSnapshot(await storedAs({ schemaVersion: 2, picture: { ...picture, futureField: 1 } }), 'test', 'June 2023');
    expect(read.picture).not.toHaveProperty('futureField');
    expect(read.picture).toEqual(picture);
  });
});

describe('period sections in snapshots (version 3)', () => {
  const picture: IPeriodPicture = frozenPicture(pictureOf(IMPROVEMENT_PLAN_PHASE_2, 1));
  const v2Picture: Partial<IPeriodPicture> = { ...picture };
  delete v2Picture.sections;
  const sections = [
    { key: 'purpose', name: 'Purpose', order: 1, text: 'To update the Board.', author: 'Programme office' },
    { key: 'also-to-note', name: 'Also to note', order: 2, text: '- One point\n- Another' }
  ];

  it('reads a version-2 snapshot as one with no sections', async () => {
    expect(v2Picture).not.toHaveProperty('sections');
    const read = await readSnapshot(await storedAs({ schemaVersion: 2, picture: v2Picture }), 'test', 'June 2023');
    expect(read.schemaVersion).toBe(2);
    expect(read.picture.sections).toEqual([]);
  });

  it("keeps a period's sections, name, order, text and author, and not the items that held them", async () => {
    const live = { ...picture, sections: sections.map((x, i) => ({ ...x, id: 40 + i, etag: `"${i}"` })) };
    const snapshot = await makeSnapshot(live, 'withSections');
    const stored = JSON.parse(snapshot.parts.join('')).picture.sections;
    expect(stored).toEqual(sections);
    expect(stored[0]).not.toHaveProperty('id');
    const read = await readSnapshot(snapshotRecords(snapshot, 1, { period: 'June 2023' }, WRITTEN_TEXTS), 'withSections', 'June 2023');
    expect(read.picture.sections).toEqual(sections);
  });

  it('refuses a version-3 picture without sections or with a damaged one, naming it', async () => {
    const missing: DataError = await failure(readSnapshot(await storedAs({ schemaVersion: 3, picture: v2Picture }), 'test', 'June 2023'));
    expect(missing.code).toBe('snapshotInvalid');
    expect(missing.message).toContain('picture.sections is not a list');
    const damaged: DataError = await failure(readSnapshot(await storedAs({ schemaVersion: 3, picture: { ...picture, sections: [{ ...sections[0], text: 7 }] } }), 'test', 'June 2023'));
    expect(damaged.message).toContain('picture.sections[0].text is not text');
  });
});

describe('the seeded stack', () => {
  it('writes June 2023 as a versioned snapshot', async () => {
    const emu = await startStack();
    try {
      const res = await fetch(`${emu.siteUrl}/_api/web/lists/getByTitle('Period%20Snapshots')/items`, { headers: { Accept: 'application/json', Authorization: `Bearer ${USERS.lead}` } });
      const records: RowValues[] = ((await res.json()) as { value: RowValues[] }).value;
      expect(records.length).toBeGreaterThan(0);
      const json: string = records.map((r) => String(r.Content)).join('');
      expect(json.startsWith(`{"schemaVersion":${SNAPSHOT_SCHEMA_VERSION},"picture":{`)).toBe(true);
    } finally {
      await emu.close();
    }
  });
});

describe("a phase's close-down snapshot (issue 16): the same parts and checksum, its own kind and version", () => {
  const closeDown = {
    phase: { id: 4, title: 'Recovery year one', start: '2023-04-01', closeDownNote: 'Themes of year two: culture; commercial.' },
    boardMeetingDate: '2024-01-25',
    items: [
      { id: 7, phaseId: 4, workstreamId: 2, task: 'Members’ code of conduct training 🎓', outstanding: 'Half trained', destination: 'NextPhaseTheme' as const, destinationAsWritten: 'Culture theme', sources: ['milestone:12'], order: 1, etag: '"3"' }
    ],
    workstreams: [{ id: 2, code: 'GOV', title: 'Governance' }]
  };

  async function stored(): Promise<{ records: SnapshotRecord[]; json: string }> {
    const parts = await makeCloseDownSnapshot(closeDown, 'cd-1');
    return { records: closeDownSnapshotRecords(parts, 4, 'Recovery year one', 9, WRITTEN_TEXTS), json: parts.parts.join('') };
  }

  it("is stored as { kind, schemaVersion, closeDown } in parts under the phase and its last period, with no ETags, and read back whole", async () => {
    const { records, json } = await stored();
    expect(records.every((r) => (r as SnapshotRecord & { Phase: number }).Phase === 4 && r.ReportingPeriod === 9)).toBe(true);
    expect(records[0].Title).toBe('Recovery year one close-down – part 1 of 1');
    const parsed = JSON.parse(json);
    expect({ kind: parsed.kind, schemaVersion: parsed.schemaVersion }).toEqual({ kind: 'closeDown', schemaVersion: CLOSE_DOWN_SNAPSHOT_VERSION });
    expect(json).not.toContain('etag');
    const { closeDown: read, sha256: sum } = await readCloseDownSnapshot(records, 'cd-1', 'Recovery year one');
    expect(sum).toBe(records[0].Sha256);
    const { etag, ...row } = closeDown.items[0];
    expect(etag).toBe('"3"');
    expect(read).toEqual({ ...closeDown, items: [row] });
  });

  it('refuses parts altered or missing, another kind, an unknown version and a damaged shape; a period reader refuses it too', async () => {
    const { records } = await stored();
    const altered = records.map((r) => ({ ...r, Content: r.Content.replace('Half trained', 'All trained') }));
    expect((await failure(readCloseDownSnapshot(altered, 'cd-1', 'Recovery year one'))).code).toBe('snapshotChecksum');
    expect((await failure(readCloseDownSnapshot(records, 'other', 'Recovery year one'))).message).toBe(
      'The record of the close-down of Recovery year one as the Board saw it is missing. It has not been shown, so that nothing is misread.'
    );
    const period = await storedAs({ schemaVersion: SNAPSHOT_SCHEMA_VERSION, picture: {} }, 'p');
    expect((await failure(readCloseDownSnapshot(period, 'p', 'Recovery year one'))).code).toBe('snapshotInvalid');
    const newer = await storedAs({ kind: 'closeDown', schemaVersion: 2, closeDown }, 'n');
    const unknown = await failure(readCloseDownSnapshot(newer, 'n', 'Recovery year one'));
    expect(unknown.code).toBe('snapshotUnknownVersion');
    expect(unknown.message).toContain('schema version 2; it reads 1');
    const broken = await storedAs({ kind: 'closeDown', schemaVersion: 1, closeDown: { ...closeDown, boardMeetingDate: '31/06/23' } }, 'b');
    expect((await failure(readCloseDownSnapshot(broken, 'b', 'Recovery year one'))).message).toContain('(closeDown.boardMeetingDate is not a date)');
    const asPeriod = await failure(readSnapshot(records, 'cd-1', 'June 2023'));
    expect(asPeriod.code).toBe('snapshotInvalid');
    expect(asPeriod.message).toContain('is not a period\'s snapshot (it is a "closeDown" one)');
  });
});

describe("a locked period's programme part (issue 14): cut from the whole snapshot, read in its place", () => {
  const picture: IPeriodPicture = pictureOf(IMPROVEMENT_PLAN_PHASE_2, 1);

  async function lockedTwice(): Promise<{ first: ISnapshotParts; second: ISnapshotParts; records: SnapshotRecord[] }> {
    const first: ISnapshotParts = await makeSnapshot(picture, 'whole-1');
    const changed: IPeriodPicture = { ...picture, risks: picture.risks.map((r, i) => (i === 0 ? { ...r, mitigation: 'As corrected.' } : r)) };
    const second: ISnapshotParts = await makeSnapshot(changed, 'whole-2');
    const records: SnapshotRecord[] = [
      ...snapshotRecords(await makeProgrammePart(first, picture, 1), 1, { programmeOf: 'June 2023' }, WRITTEN_TEXTS),
      ...snapshotRecords(await makeProgrammePart(second, changed, 1), 1, { programmeOf: 'June 2023' }, WRITTEN_TEXTS)
    ];
    return { first, second, records };
  }

  /** What the programme view shows of a whole snapshot's picture: the key risks' and sections' fields. */
  function shownOf(full: IPeriodPicture): unknown {
    return {
      period: full.period,
      workstreams: full.workstreams.map((w) => ({ id: w.id, title: w.title, ...(w.shortTitle !== undefined ? { shortTitle: w.shortTitle } : {}), order: w.order })),
      risks: full.risks.map((r) => ({ id: r.id, workstreamId: r.workstreamId, description: r.description, mitigation: r.mitigation, order: r.order })),
      sections: full.sections
    };
  }

  /** A version-1 part, as locks before version 2 wrote it: the programme, period, workstreams, risks and sections whole. */
  async function versionOnePart(whole: ISnapshotParts, of: IPeriodPicture): Promise<SnapshotRecord[]> {
    const frozen: IPeriodPicture = frozenPicture(of);
    const document = {
      kind: 'periodProgramme',
      schemaVersion: 1,
      snapshotId: whole.id,
      sha256: whole.sha256,
      picture: { programme: frozen.programme, period: frozen.period, workstreams: frozen.workstreams, risks: frozen.risks, sections: frozen.sections }
    };
    return storedAs(document, programmePartKey(1));
  }

  it("holds what the programme view shows exactly as the whole snapshot does, with the whole one's id and checksum, and nothing more", async () => {
    const whole: ISnapshotParts = await makeSnapshot(picture, 'whole-1');
    const part: ISnapshotParts = await makeProgrammePart(whole, picture, 1);
    expect(part.id).toBe(programmePartKey(1));
    const document = JSON.parse(part.parts.join(''));
    expect(document).toMatchObject({ kind: 'periodProgramme', schemaVersion: PROGRAMME_PART_VERSION, snapshotId: 'whole-1', sha256: whole.sha256 });
    expect(PROGRAMME_PART_VERSION).toBe(2);
    // Only what the view shows: no programme, no workstream's description or people, no risk's scores or owner.
    expect(Object.keys(document.picture).sort()).toEqual(['period', 'risks', 'sections', 'workstreams']);
    expect(Object.keys(document.picture.workstreams[0]).sort()).toEqual(expect.arrayContaining(['id', 'order', 'title']));
    expect(document.picture.workstreams.every((w: object) => Object.keys(w).every((k) => ['id', 'title', 'shortTitle', 'order'].indexOf(k) >= 0))).toBe(true);
    expect(Object.keys(document.picture.risks[0]).sort()).toEqual(['description', 'id', 'mitigation', 'order', 'workstreamId']);
    const { picture: full } = await readSnapshot(snapshotRecords(whole, 1, { period: 'June 2023' }, WRITTEN_TEXTS), 'whole-1', 'June 2023');
    const read = await readProgrammePart(snapshotRecords(part, 1, { programmeOf: 'June 2023' }, WRITTEN_TEXTS), 'whole-1', 'June 2023');
    expect(read).toEqual({ picture: shownOf(full), sha256: whole.sha256 });
    // Small beside the whole, and beside a version-1 part: none of the reports' text, nor the workstreams' details.
    expect(part.parts.join('').length).toBeLessThan(whole.parts.join('').length / 2);
    const v1: SnapshotRecord[] = await versionOnePart(whole, picture);
    expect(part.parts.join('').length).toBeLessThan(v1.map((r) => r.Content).join('').length * 0.8);
  });

  it('still reads a version-1 part (a period locked before version 2): checked by its own guard, shown the same as the whole snapshot', async () => {
    const whole: ISnapshotParts = await makeSnapshot(picture, 'whole-1');
    const { picture: full } = await readSnapshot(snapshotRecords(whole, 1, { period: 'June 2023' }, WRITTEN_TEXTS), 'whole-1', 'June 2023');
    const fromV1 = await readProgrammePart(await versionOnePart(whole, picture), 'whole-1', 'June 2023');
    const fromV2 = await readProgrammePart(snapshotRecords(await makeProgrammePart(whole, picture, 1), 1, { programmeOf: 'June 2023' }, WRITTEN_TEXTS), 'whole-1', 'June 2023');
    expect(fromV1).toEqual({ picture: shownOf(full), sha256: whole.sha256 });
    expect(fromV1).toEqual(fromV2);
    // The bench's portfolio too: many workstreams, risks, sections of every kind of text.
    const portfolio = makePortfolio({ workstreams: 6, periods: 3, archivePeriods: 0, milestonesPerMonth: 2, risksPerWorkstream: 2, feedbackPerMonth: 1 });
    const locked = portfolio.periods.filter((p) => p.state === 'Locked')[0];
    const big: IPeriodPicture = pictureOf(portfolio, locked.id);
    const bigWhole: ISnapshotParts = await makeSnapshot(big, 'big');
    const { picture: bigFull } = await readSnapshot(snapshotRecords(bigWhole, locked.id, { period: locked.title }, WRITTEN_TEXTS), 'big', locked.title);
    expect((await readProgrammePart(await versionOnePart(bigWhole, big), 'big', locked.title))!.picture).toEqual(shownOf(bigFull));
    expect((await readProgrammePart(snapshotRecords(await makeProgrammePart(bigWhole, big, locked.id), locked.id, { period: locked.title }, WRITTEN_TEXTS), 'big', locked.title))!.picture).toEqual(shownOf(bigFull));
  });

  it("reads the part cut from the last lock's snapshot among a period's parts, and none (the whole one is read) when no part names it", async () => {
    const { records } = await lockedTwice();
    expect((await readProgrammePart(records, 'whole-2', 'June 2023'))!.picture.risks[0].mitigation).toBe('As corrected.');
    expect((await readProgrammePart(records, 'whole-1', 'June 2023'))!.picture.risks[0].mitigation).toBe(picture.risks[0].mitigation);
    expect(await readProgrammePart(records, 'locked-before-parts', 'June 2023')).toBeUndefined();
    expect(await readProgrammePart([], 'locked-before-parts', 'June 2023')).toBeUndefined();
  });

  it('refuses a part altered, incomplete, of another kind, of an unknown version or damaged: never misread', async () => {
    const { records } = await lockedTwice();
    const altered = records.map((r) => ({ ...r, Content: r.Content.replace('As corrected.', 'As altered.') }));
    expect((await failure(readProgrammePart(altered, 'whole-2', 'June 2023'))).code).toBe('snapshotChecksum');
    const key: string = programmePartKey(1);
    const two = await storedAs({ kind: 'periodProgramme', schemaVersion: 1, snapshotId: 'w', sha256: 'x', picture: { ...picture, period: { ...picture.period, overview: 'y'.repeat(CHUNK_SIZE) } } }, key);
    expect((await failure(readProgrammePart([two[0]], 'w', 'June 2023'))).code).toBe('snapshotIncomplete');
    expect((await failure(readProgrammePart(await storedAs({ schemaVersion: 3, picture }, key), 'w', 'June 2023'))).code).toBe('snapshotInvalid');
    const newer = await failure(readProgrammePart(await storedAs({ kind: 'periodProgramme', schemaVersion: 3, snapshotId: 'w', sha256: 'x', picture }, key), 'w', 'June 2023'));
    expect(newer.code).toBe('snapshotUnknownVersion');
    expect(newer.message).toContain('programme part version 3; it reads 1 and 2');
    // A version-2 part is checked by its own guard: a risk without its text is refused.
    const v2 = await failure(
      readProgrammePart(
        await storedAs({ kind: 'periodProgramme', schemaVersion: 2, snapshotId: 'w', sha256: 'x', picture: { period: picture.period, workstreams: [], risks: [{ id: 1, workstreamId: 1, order: 1, mitigation: '' }], sections: [] } }, key),
        'w',
        'June 2023'
      )
    );
    expect(v2.code).toBe('snapshotInvalid');
    expect(v2.message).toContain('picture.risks[0].description is not text');
    const damaged = await failure(
      readProgrammePart(await storedAs({ kind: 'periodProgramme', schemaVersion: 1, snapshotId: 'w', sha256: 'x', picture: { ...picture, risks: [{ ...picture.risks[0], state: 'Gone' }] } }, key), 'w', 'June 2023')
    );
    expect(damaged.code).toBe('snapshotInvalid');
    expect(damaged.message).toContain('picture.risks[0].state is not one of');
  });
});

describe("a locked period's workstream parts (issue 14): cut from the whole snapshot, read in its place by one workstream's view", () => {
  // A programme built here, with more workstreams than there are part groups, so that some
  // groups hold two workstreams (1 and 33; 2 and 34 …).
  const portfolio = makePortfolio({ workstreams: WORKSTREAM_PART_GROUPS + 3, periods: 2, archivePeriods: 0, milestonesPerMonth: 3, risksPerWorkstream: 2, feedbackPerMonth: 1 });
  const locked = portfolio.periods[0];
  const picture: IPeriodPicture = pictureOf(portfolio, locked.id);
  it('holds, for every workstream, exactly what the whole snapshot holds of it, with the whole one\'s checksum; at most one part a group', async () => {
    const whole: ISnapshotParts = await makeSnapshot(picture, 'whole-1');
    const stored = await lockRecords(whole, picture, locked, WRITTEN_TEXTS);
    expect(stored.workstreams.length).toBe(WORKSTREAM_PART_GROUPS);
    // Titled, word for word as before the words moved to the edge, by what each part is of.
    expect(stored.whole.map((r) => r.Title)).toEqual(stored.whole.map((_, i) => `${locked.title} – part ${i + 1} of ${stored.whole.length}`));
    expect(stored.programme.map((r) => r.Title)).toEqual(stored.programme.map((_, i) => `${locked.title} programme – part ${i + 1} of ${stored.programme.length}`));
    expect(stored.workstreams[0].Title).toBe(`${locked.title} workstreams 1 of ${WORKSTREAM_PART_GROUPS} – part 1 of 1`);
    expect(stored.workstreams[WORKSTREAM_PART_GROUPS - 1].Title).toBe(`${locked.title} workstreams ${WORKSTREAM_PART_GROUPS} of ${WORKSTREAM_PART_GROUPS} – part 1 of 1`);
    // Under their period (the list requires one; an export carries them with it), found by key.
    expect([...stored.whole, ...stored.workstreams].every((r) => r.ReportingPeriod === locked.id)).toBe(true);
    const { picture: full } = await readSnapshot(stored.whole, 'whole-1', locked.title);
    expect(picture.workstreams.length).toBe(WORKSTREAM_PART_GROUPS + 3);
    for (const w of picture.workstreams) {
      const key: string = workstreamPartKey(locked.id, w.id);
      const read = await readWorkstreamPart(
        stored.workstreams.filter((r) => r.SnapshotId === key),
        'whole-1',
        w.id,
        locked.title
      );
      expect(read).toBeDefined();
      expect(read!.sha256).toBe(whole.sha256);
      expect(read!.picture).toEqual(ofWorkstream(full, w.id));
      expect(read!.picture.statusReports.length).toBeGreaterThan(0);
    }
    // Workstreams 1 and 33 share a group, and its part; each is read alone from it.
    expect(workstreamPartKey(locked.id, 1)).toBe(workstreamPartKey(locked.id, 1 + WORKSTREAM_PART_GROUPS));
    const shared = stored.workstreams.filter((r) => r.SnapshotId === workstreamPartKey(locked.id, 1));
    expect(JSON.parse(shared.map((r) => r.Content).join(''))).toMatchObject({ kind: 'periodWorkstreams', schemaVersion: WORKSTREAM_PART_VERSION, snapshotId: 'whole-1', workstreamIds: [1, 1 + WORKSTREAM_PART_GROUPS] });
    // A group's part is a small share of the whole.
    expect(shared.map((r) => r.Content).join('').length).toBeLessThan(whole.parts.join('').length / 8);
  });

  it("reads the part of the last lock's snapshot among the group's parts, and none (the whole one is read) when none names it", async () => {
    const first: ISnapshotParts = await makeSnapshot(picture, 'whole-1');
    const changed: IPeriodPicture = { ...picture, statusReports: picture.statusReports.map((r) => (r.workstreamId === 2 ? { ...r, keyActivities: 'As corrected for the Board.' } : r)) };
    const second: ISnapshotParts = await makeSnapshot(changed, 'whole-2');
    const key: string = workstreamPartKey(locked.id, 2);
    const records: SnapshotRecord[] = [...(await lockRecords(first, picture, locked, WRITTEN_TEXTS)).workstreams, ...(await lockRecords(second, changed, locked, WRITTEN_TEXTS)).workstreams].filter((r) => r.SnapshotId === key);
    expect((await readWorkstreamPart(records, 'whole-2', 2, locked.title))!.picture.statusReports[0].keyActivities).toBe('As corrected for the Board.');
    expect((await readWorkstreamPart(records, 'whole-1', 2, locked.title))!.picture.statusReports[0].keyActivities).not.toBe('As corrected for the Board.');
    expect(await readWorkstreamPart(records, 'locked-before-parts', 2, locked.title)).toBeUndefined();
    expect(await readWorkstreamPart([], 'whole-2', 2, locked.title)).toBeUndefined();
    // A workstream the lock's part does not hold (added to the group since): the whole one is read.
    expect(await readWorkstreamPart(records, 'whole-2', 2 + 2 * WORKSTREAM_PART_GROUPS, locked.title)).toBeUndefined();
  });

  it('migrates the picture inside it like a whole snapshot: a version-2 picture reads with no sections', async () => {
    const { sections: _left, ...v2 } = frozenPicture(picture);
    void _left;
    const key: string = workstreamPartKey(locked.id, 3);
    const records = await storedAs({ kind: 'periodWorkstreams', schemaVersion: 1, snapshotId: 'w', sha256: 'x', group: 3, workstreamIds: [3], snapshot: { schemaVersion: 2, picture: v2 } }, key);
    const read = await readWorkstreamPart(records, 'w', 3, locked.title);
    expect(read!.picture.sections).toEqual([]);
    expect(read!.picture.statusReports.map((r) => r.workstreamId)).toEqual(picture.statusReports.filter((r) => r.workstreamId === 3).map(() => 3));
  });

  it('refuses a part altered, incomplete, of another kind, of an unknown version or with a damaged picture: never misread', async () => {
    const whole: ISnapshotParts = await makeSnapshot(picture, 'whole-1');
    const key: string = workstreamPartKey(locked.id, 2);
    const records = (await lockRecords(whole, picture, locked, WRITTEN_TEXTS)).workstreams.filter((r) => r.SnapshotId === key);
    const altered = records.map((r) => ({ ...r, Content: r.Content.replace('"keyActivities":"', '"keyActivities":"X') }));
    expect((await failure(readWorkstreamPart(altered, 'whole-1', 2, locked.title))).code).toBe('snapshotChecksum');
    const long = await storedAs({ kind: 'periodWorkstreams', schemaVersion: 1, snapshotId: 'w', sha256: 'x', group: 2, workstreamIds: [2], snapshot: { schemaVersion: 3, picture: { ...picture, period: { ...picture.period, overview: 'y'.repeat(CHUNK_SIZE) } } } }, key);
    expect((await failure(readWorkstreamPart([long[0]], 'w', 2, locked.title))).code).toBe('snapshotIncomplete');
    expect((await failure(readWorkstreamPart(await storedAs({ schemaVersion: 3, picture }, key), 'w', 2, locked.title))).code).toBe('snapshotInvalid');
    const newer = await failure(readWorkstreamPart(await storedAs({ kind: 'periodWorkstreams', schemaVersion: 2, snapshotId: 'w', sha256: 'x', workstreamIds: [2], snapshot: { schemaVersion: 3, picture } }, key), 'w', 2, locked.title));
    expect(newer.code).toBe('snapshotUnknownVersion');
    expect(newer.message).toContain('workstream part version 2; it reads 1');
    const newerPicture = await failure(readWorkstreamPart(await storedAs({ kind: 'periodWorkstreams', schemaVersion: 1, snapshotId: 'w', sha256: 'x', workstreamIds: [2], snapshot: { schemaVersion: 99, picture } }, key), 'w', 2, locked.title));
    expect(newerPicture.code).toBe('snapshotUnknownVersion');
    const damaged = await failure(
      readWorkstreamPart(
        await storedAs({ kind: 'periodWorkstreams', schemaVersion: 1, snapshotId: 'w', sha256: 'x', workstreamIds: [2], snapshot: { schemaVersion: 3, picture: { ...picture, statusReports: [{ ...picture.statusReports[0], rag: 'Purple' }] } } }, key),
        'w',
        2,
        locked.title
      )
    );
    expect(damaged.code).toBe('snapshotInvalid');
    expect(damaged.message).toContain('picture.statusReports[0].rag is not a RAG level');
  });

  it('is cut from the whole one: makeWorkstreamParts keys each group under its period', async () => {
    const whole: ISnapshotParts = await makeSnapshot(picture, 'whole-1');
    const parts = await makeWorkstreamParts(whole, picture, locked.id);
    expect(parts.map((p) => p.id)).toEqual(Array.from({ length: WORKSTREAM_PART_GROUPS }, (_v, g) => `period-${locked.id}-workstreams-${g}`));
  });
});
