/**
 * Writing snapshots: a locked period's picture (and a close-down) as versioned documents in
 * checksummed parts, with the programme part and the workstream parts cut from the same frozen
 * picture. Only a lock writes them, so this is apart from the reading (snapshot.ts), which every
 * view's first load needs: the writes' chunk brings it.
 */
import type { IPeriodPicture } from '../domain/model';
import { message, wordOf, type IWrittenTexts, type SnapshotTitleOf } from '../domain/messages';
import {
  CHUNK_SIZE,
  CLOSE_DOWN_SNAPSHOT_VERSION,
  PROGRAMME_PART_VERSION,
  SNAPSHOT_SCHEMA_VERSION,
  WORKSTREAM_PART_VERSION,
  pictureFields,
  pictureOfWorkstreams,
  programmeFields,
  programmePartKey,
  sha256,
  workstreamPartGroup,
  workstreamPartKey,
  type ICloseDownSnapshot,
  type ICloseDownSnapshotDocument,
  type IProgrammePartDocument,
  type ISnapshotDocument,
  type ISnapshotParts,
  type IWorkstreamPartDocument,
  type SnapshotRecord
} from './snapshot';

/**
 * Splits a text into parts of at most `size` UTF-16 code units, never between the two halves of
 * a surrogate pair (an emoji, a rare CJK character): half a pair alone is not valid text, and a
 * store that keeps text as UTF-8 (SharePoint does) would replace it, so the joined parts would
 * no longer match their checksum.
 */
export function splitText(text: string, size: number = CHUNK_SIZE): string[] {
  if (size < 2) {
    throw new Error(wordOf(message('partSizeTooSmall', { size })));
  }
  const parts: string[] = [];
  let i: number = 0;
  while (i < text.length) {
    let end: number = Math.min(i + size, text.length);
    const last: number = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) {
      end--;
    }
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts;
}

/** A period's picture as it is stored: the period marked locked, no ETags, no live-only fields. */
export function frozenPicture(picture: IPeriodPicture): IPeriodPicture {
  const p: IPeriodPicture = picture;
  const only: IPeriodPicture = {
    ...pictureFields(p),
    period: { ...p.period, state: 'Locked' },
    // Only what the report shows of a section: not the item that held its text.
    sections: (p.sections || []).map((x) => ({ key: x.key, name: x.name, order: x.order, text: x.text, ...(x.author ? { author: x.author } : {}) }))
  };
  return JSON.parse(JSON.stringify(only, (k, v) => (k === 'etag' ? undefined : v))) as IPeriodPicture;
}

/**
 * Any snapshot document as stored: its JSON in parts, with the SHA-256 of the whole. One format
 * for a period's picture and a phase's close-down (issue 16): each is a versioned document, told
 * apart by its `kind` (a period's has none).
 */
export async function documentParts(document: object, id: string): Promise<ISnapshotParts> {
  const json: string = JSON.stringify(document);
  return { id, sha256: await sha256(json), parts: splitText(json) };
}

/** A period's picture, as stored: a versioned document in parts, with its checksum. */
export async function makeSnapshot(picture: IPeriodPicture, id: string): Promise<ISnapshotParts> {
  const document: ISnapshotDocument = { schemaVersion: SNAPSHOT_SCHEMA_VERSION, picture: frozenPicture(picture) };
  return documentParts(document, id);
}

/** The column values of a snapshot's parts, for the Period Snapshots list: each titled by what it is of, in the edge's words (`texts`). */
export function snapshotRecords(snapshot: ISnapshotParts, periodId: number, of: SnapshotTitleOf, texts: Pick<IWrittenTexts, 'snapshotPartTitle'>): SnapshotRecord[] {
  return snapshot.parts.map((content, i) => ({
    Title: texts.snapshotPartTitle({ of, part: i + 1, parts: snapshot.parts.length }),
    ReportingPeriod: periodId,
    SnapshotId: snapshot.id,
    ChunkIndex: i,
    ChunkCount: snapshot.parts.length,
    Content: content,
    Sha256: snapshot.sha256
  }));
}

/** A close-down as stored: a versioned document of the same format as a period's, in parts, with its checksum. */
export async function makeCloseDownSnapshot(closeDown: ICloseDownSnapshot, id: string): Promise<ISnapshotParts> {
  const frozen: ICloseDownSnapshot = JSON.parse(JSON.stringify(closeDown, (k, v) => (k === 'etag' ? undefined : v))) as ICloseDownSnapshot;
  const document: ICloseDownSnapshotDocument = { kind: 'closeDown', schemaVersion: CLOSE_DOWN_SNAPSHOT_VERSION, closeDown: frozen };
  return documentParts(document, id);
}

/** The column values of a close-down snapshot's parts: in Period Snapshots, under the phase and its last period. */
export function closeDownSnapshotRecords(
  snapshot: ISnapshotParts,
  phaseId: number,
  phaseTitle: string,
  lastPeriodId: number,
  texts: Pick<IWrittenTexts, 'snapshotPartTitle'>
): Array<SnapshotRecord & { Phase: number }> {
  return snapshotRecords(snapshot, lastPeriodId, { closeDownOf: phaseTitle }, texts).map((r) => ({ ...r, Phase: phaseId }));
}

/**
 * The programme part of a whole snapshot, as stored: cut from the same frozen picture, so it
 * holds exactly what the whole one holds of what the programme view shows.
 */
export async function makeProgrammePart(whole: ISnapshotParts, picture: IPeriodPicture, periodId: number): Promise<ISnapshotParts> {
  const document: IProgrammePartDocument = {
    kind: 'periodProgramme',
    schemaVersion: PROGRAMME_PART_VERSION,
    snapshotId: whole.id,
    sha256: whole.sha256,
    picture: programmeFields(frozenPicture(picture))
  };
  return documentParts(document, programmePartKey(periodId));
}

/**
 * The workstream parts of a whole snapshot, one per group of workstreams that has any, as stored:
 * cut from the same frozen picture, so each holds exactly what the whole one holds of its
 * workstreams.
 */
export async function makeWorkstreamParts(whole: ISnapshotParts, picture: IPeriodPicture, periodId: number): Promise<ISnapshotParts[]> {
  const frozen: IPeriodPicture = frozenPicture(picture);
  const groups: Map<number, number[]> = new Map<number, number[]>();
  for (const w of frozen.workstreams) {
    const g: number = workstreamPartGroup(w.id);
    groups.set(g, [...(groups.get(g) || []), w.id]);
  }
  const parts: ISnapshotParts[] = [];
  for (const [group, ids] of Array.from(groups.entries()).sort((a, b) => a[0] - b[0])) {
    const document: IWorkstreamPartDocument = {
      kind: 'periodWorkstreams',
      schemaVersion: WORKSTREAM_PART_VERSION,
      snapshotId: whole.id,
      sha256: whole.sha256,
      group,
      workstreamIds: ids,
      snapshot: { schemaVersion: SNAPSHOT_SCHEMA_VERSION, picture: pictureOfWorkstreams(frozen, ids) }
    };
    parts.push(await documentParts(document, workstreamPartKey(periodId, ids[0])));
  }
  return parts;
}

/** Everything a lock stores of a period: the whole snapshot, its programme part and its workstream parts (titled in `texts`). */
export async function lockRecords(
  whole: ISnapshotParts,
  picture: IPeriodPicture,
  period: { id: number; title: string },
  texts: Pick<IWrittenTexts, 'snapshotPartTitle'>
): Promise<{ whole: SnapshotRecord[]; programme: SnapshotRecord[]; workstreams: SnapshotRecord[] }> {
  const programme: ISnapshotParts = await makeProgrammePart(whole, picture, period.id);
  const workstreams: ISnapshotParts[] = await makeWorkstreamParts(whole, picture, period.id);
  return {
    whole: snapshotRecords(whole, period.id, { period: period.title }, texts),
    programme: snapshotRecords(programme, period.id, { programmeOf: period.title }, texts),
    workstreams: ([] as SnapshotRecord[]).concat(...workstreams.map((p, i) => snapshotRecords(p, period.id, { workstreamsOf: period.title, group: i + 1, groups: workstreams.length }, texts)))
  };
}
