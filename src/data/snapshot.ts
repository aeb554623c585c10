/**
 * Snapshots of locked periods: everything a period's report showed when it went to the Board,
 * kept in SharePoint so that the report can be reproduced exactly, however the lists change
 * afterwards. The picture is written as JSON in parts (a list column holds at most 63,999
 * characters), with a SHA-256 of the whole, so a part missing or altered is caught on reading.
 */
import type { IPeriodPicture } from '../domain';
import { DataError } from './errors';
import type { ListRecord } from './mapping';

/** Characters per part: under SharePoint's 63,999 for a multiple-lines-of-text column. */
export const CHUNK_SIZE: number = 60000;

/** A snapshot ready to store. */
export interface ISnapshotParts {
  id: string;
  sha256: string;
  parts: string[];
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer))
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/** SHA-256 of a text, with the platform's Web Crypto (browsers and Node alike). */
export async function sha256(text: string): Promise<string> {
  const subtle: SubtleCrypto | undefined = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) {
    throw new Error('This browser cannot compute SHA-256 (Web Crypto needs a secure context).');
  }
  return hex(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** A period's picture, as stored: the period marked locked, no ETags. */
export async function makeSnapshot(picture: IPeriodPicture, id: string): Promise<ISnapshotParts> {
  const frozen: IPeriodPicture = JSON.parse(JSON.stringify({ ...picture, period: { ...picture.period, state: 'Locked' } }, (k, v) => (k === 'etag' ? undefined : v)));
  const json: string = JSON.stringify(frozen);
  const parts: string[] = [];
  for (let i: number = 0; i < json.length; i += CHUNK_SIZE) {
    parts.push(json.slice(i, i + CHUNK_SIZE));
  }
  return { id, sha256: await sha256(json), parts };
}

/** The records of a snapshot's parts, for the Period Snapshots list. */
export function snapshotRecords(snapshot: ISnapshotParts, periodId: number, periodTitle: string): ListRecord[] {
  return snapshot.parts.map((content, i) => ({
    Title: `${periodTitle} – part ${i + 1} of ${snapshot.parts.length}`,
    ReportingPeriodId: periodId,
    SnapshotId: snapshot.id,
    ChunkIndex: i,
    ChunkCount: snapshot.parts.length,
    Content: content,
    Sha256: snapshot.sha256
  }));
}

/**
 * Reads a snapshot back from its parts' records and checks it whole.
 * @throws DataError when a part is missing or the whole does not match its SHA-256.
 */
export async function readSnapshot(records: ListRecord[], snapshotId: string, periodTitle: string): Promise<{ picture: IPeriodPicture; sha256: string }> {
  const damaged = (why: string): DataError =>
    new DataError('unknown', `The record of what ${periodTitle} reported to the Board is ${why}. The programme office should reopen and lock the period again to make a new one.`);
  const parts: ListRecord[] = records.filter((r) => r.SnapshotId === snapshotId).sort((a, b) => Number(a.ChunkIndex) - Number(b.ChunkIndex));
  if (parts.length === 0) {
    throw damaged('missing');
  }
  const count: number = Number(parts[0].ChunkCount);
  const expected: string = String(parts[0].Sha256);
  if (parts.length !== count || parts.some((p, i) => Number(p.ChunkIndex) !== i || String(p.Sha256) !== expected)) {
    throw damaged('incomplete');
  }
  const json: string = parts.map((p) => String(p.Content)).join('');
  if ((await sha256(json)) !== expected) {
    throw damaged('damaged (it does not match its checksum)');
  }
  return { picture: JSON.parse(json) as IPeriodPicture, sha256: expected };
}
