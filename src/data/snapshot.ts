/**
 * Snapshots of locked periods: everything a period's report showed when it went to the Board,
 * kept in SharePoint so that the report can be reproduced exactly, however the lists change
 * afterwards — and however the product's own model changes. The picture is stored as a
 * versioned document, `{ schemaVersion, picture }`, written as JSON in parts (a list column
 * holds at most 63,999 characters), with a SHA-256 of the whole, so a part missing or altered is
 * caught on reading. On reading, a document of any earlier version is migrated step by step to
 * the current one and then checked field by field against the picture's shape, so a snapshot
 * is either read exactly as it was written or refused with a clear message: never misread.
 *
 * Changing the domain's picture (renaming a field, say) means: bump SNAPSHOT_SCHEMA_VERSION,
 * add a migration from the previous version to MIGRATIONS, and update the guard. The frozen
 * version-1 snapshot in test/data/fixtures must keep rendering the same report, word for word.
 */
import type { IPeriod, IPeriodPicture, IPeriodSection, IRisk, IWorkstream } from '../domain/model';
import { isRag } from '../domain/rag';
import type { ICloseDownItem, IPhase } from '../domain/phases';
import { DataError } from './errors';
import { message, wordOf, type IMessage, type IShapeFault, type SnapshotFault, type SnapshotOf } from '../domain/messages';
import type { Row } from './transport';

export { periodAsReported, programmePartKey, WORKSTREAM_PART_GROUPS, workstreamPartGroup, workstreamPartKey } from './snapshotKeys';

/** Characters per part: under SharePoint's 63,999 for a multiple-lines-of-text column. */
export const CHUNK_SIZE: number = 60000;

/**
 * The version of the snapshot document this product writes.
 * - 1: the bare picture, no version (snapshots written before versioning).
 * - 2: `{ schemaVersion: 2, picture }`.
 * - 3: the picture has `sections`, the programme's period sections with the period's text
 *   (earlier snapshots had none: migrated to an empty list).
 */
export const SNAPSHOT_SCHEMA_VERSION = 3 as const;

/** A snapshot document as stored (the current version). */
export interface ISnapshotDocument {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  picture: IPeriodPicture;
}

/** A snapshot ready to store. */
export interface ISnapshotParts {
  id: string;
  sha256: string;
  parts: string[];
}

/**
 * One item of the Period Snapshots list, its column values: one part of one snapshot. (A type,
 * not an interface, so that it is also the RowValues the transports write.) The readers take the
 * parts' rows as read.
 */
export type SnapshotRecord = {
  Title: string;
  ReportingPeriod: number;
  SnapshotId: string;
  ChunkIndex: number;
  ChunkCount: number;
  Content: string;
  Sha256: string;
};

/** The codes of the DataErrors reading a snapshot can throw. */
export type SnapshotErrorCode = 'snapshotMissing' | 'snapshotIncomplete' | 'snapshotChecksum' | 'snapshotUnknownVersion' | 'snapshotInvalid';

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer))
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/** SHA-256 of a text, with the platform's Web Crypto (browsers and Node alike). */
export async function sha256(text: string): Promise<string> {
  const subtle: SubtleCrypto | undefined = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) {
    throw new Error(wordOf(message('noWebCrypto', {})));
  }
  return hex(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/**
 * Only the picture's own fields, in the order a snapshot stores them: anything else a value
 * carries (every period, snapshot details, whatever an older document held) is left out.
 */
export function pictureFields(p: IPeriodPicture): IPeriodPicture {
  return {
    programme: p.programme,
    period: p.period,
    previousPeriod: p.previousPeriod,
    nextPeriod: p.nextPeriod,
    workstreams: p.workstreams,
    statusReports: p.statusReports,
    previousStatusReports: p.previousStatusReports,
    sponsorComments: p.sponsorComments,
    milestones: p.milestones,
    previousMilestones: p.previousMilestones,
    risks: p.risks,
    feedback: p.feedback,
    sections: p.sections
  };
}

// ---- versions and migrations ----

/**
 * Migrations, by the version they migrate from: each turns a document of that version into one
 * of the next. Kept for every earlier version, for ever: a snapshot is never rewritten.
 */
const MIGRATIONS: { readonly [from: number]: (document: unknown) => unknown } = {
  // Version 1 was the bare picture, as the repository held it: with every period and, on some,
  // snapshot details, which are not part of what the report showed (they are read live).
  1: (picture: unknown): unknown => {
    const rest: { [key: string]: unknown } = { ...(picture as { [key: string]: unknown }) };
    delete rest.periods;
    delete rest.snapshot;
    return { schemaVersion: 2, picture: rest };
  },
  // Version 2 pictures had no period sections: the period's report showed none.
  2: (document: unknown): unknown => {
    const d = document as { picture?: { [key: string]: unknown } };
    return { schemaVersion: 3, picture: d.picture && typeof d.picture === 'object' ? { ...d.picture, sections: [] } : d.picture };
  }
};

/** The version of a parsed document: its `schemaVersion`, or 1 for a bare (unversioned) picture. */
function versionOf(document: unknown): unknown {
  if (document !== null && typeof document === 'object' && !Array.isArray(document)) {
    const d: { [key: string]: unknown } = document as { [key: string]: unknown };
    if ('schemaVersion' in d) {
      return d.schemaVersion;
    }
    if ('programme' in d && 'period' in d) {
      return 1;
    }
  }
  return undefined;
}

/**
 * A parsed snapshot document of any known version, migrated to the current version and checked.
 * @throws DataError (validation) coded "snapshotUnknownVersion" for a version this product does
 * not know (a newer product wrote it, or it is damaged), and "snapshotInvalid" when the
 * document does not have the picture's shape; the message names what is wrong.
 */
export function migrateSnapshot(document: unknown, periodTitle: string): ISnapshotDocument {
  if (isObject(document) && document.kind !== undefined) {
    // Another kind of snapshot in the same format (a phase's close-down): not a period's picture.
    throw new DataError('validation', unreadable({ period: periodTitle }, { kind: 'otherKind', found: String(document.kind) }), { code: 'snapshotInvalid' });
  }
  let version: unknown = versionOf(document);
  let current: unknown = document;
  while (typeof version === 'number' && version !== SNAPSHOT_SCHEMA_VERSION && MIGRATIONS[version]) {
    current = MIGRATIONS[version](current);
    version = versionOf(current);
  }
  if (version !== SNAPSHOT_SCHEMA_VERSION) {
    const found: string | undefined = version === undefined ? undefined : JSON.stringify(version);
    throw new DataError('validation', unreadable({ period: periodTitle }, { kind: 'version', found, reads: { from: 1, to: SNAPSHOT_SCHEMA_VERSION } }), {
      code: 'snapshotUnknownVersion'
    });
  }
  const picture: unknown = (current as { picture?: unknown }).picture;
  const fault: IShapeFault | undefined = pictureFault(picture);
  if (fault) {
    throw new DataError('validation', unreadable({ period: periodTitle }, { kind: 'shape', at: fault }), { code: 'snapshotInvalid' });
  }
  // Only the picture's own fields: anything else a document carries is not read.
  return { schemaVersion: SNAPSHOT_SCHEMA_VERSION, picture: pictureFields(picture as IPeriodPicture) };
}

// ---- the guard ----

/** Why a snapshot is not read, as a message (worded at the edge). */
function unreadable(of: SnapshotOf, fault: SnapshotFault): IMessage {
  return message('snapshotUnreadable', { of, fault });
}

type Check = (value: unknown, path: string) => IShapeFault | undefined;

const isObject = (v: unknown): v is { [key: string]: unknown } => v !== null && typeof v === 'object' && !Array.isArray(v);

const str: Check = (v, path) => (typeof v === 'string' ? undefined : { path, problem: 'text' });
const bool: Check = (v, path) => (typeof v === 'boolean' ? undefined : { path, problem: 'yesNo' });
const int: Check = (v, path) => (typeof v === 'number' && Number.isInteger(v) ? undefined : { path, problem: 'wholeNumber' });
const isoDate: Check = (v, path) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : { path, problem: 'date' });
const rag: Check = (v, path) => (isRag(v) ? undefined : { path, problem: 'rag' });
const oneOf =
  (...values: string[]): Check =>
  (v, path) =>
    typeof v === 'string' && values.indexOf(v) >= 0 ? undefined : { path, problem: 'oneOf', values };
const optional =
  (check: Check): Check =>
  (v, path) =>
    v === undefined ? undefined : check(v, path);
const nullable =
  (check: Check): Check =>
  (v, path) =>
    v === null ? undefined : check(v, path);
const arrayOf =
  (check: Check): Check =>
  (v, path) => {
    if (!Array.isArray(v)) {
      return { path, problem: 'list' };
    }
    for (let i: number = 0; i < v.length; i++) {
      const fault: IShapeFault | undefined = check(v[i], `${path}[${i}]`);
      if (fault) {
        return fault;
      }
    }
    return undefined;
  };
const shape =
  (fields: { [key: string]: Check }): Check =>
  (v, path) => {
    if (!isObject(v)) {
      return { path, problem: 'object' };
    }
    for (const key of Object.keys(fields)) {
      const fault: IShapeFault | undefined = fields[key](v[key], `${path}.${key}`);
      if (fault) {
        return fault;
      }
    }
    return undefined;
  };

const person: Check = shape({ id: optional(int), name: str, login: optional(str) });
const period: Check = shape({
  id: int,
  title: str,
  start: isoDate,
  end: isoDate,
  state: oneOf('Open', 'Locked'),
  overview: optional(str),
  overallRag: optional(rag),
  overviewAuthor: optional(str),
  boardMeetingDate: optional(isoDate)
});
const PICTURE: Check = shape({
  programme: shape({
    title: str,
    organisation: str,
    board: str,
    ragKeyIntroduction: str,
    ragDefinitions: arrayOf(shape({ rag, definition: str })),
    // Snapshots from before the reporting options have none: everything was reported.
    reporting: optional(
      shape({ rated: bool, ragScale: oneOf('five', 'three'), sponsorComments: bool, milestones: bool, signOff: bool, printEmpty: bool, keyRisks: optional(bool) })
    )
  }),
  period,
  previousPeriod: optional(period),
  nextPeriod: optional(period),
  workstreams: arrayOf(
    shape({
      id: int,
      code: str,
      title: str,
      shortTitle: optional(str),
      description: str,
      outcomes: arrayOf(shape({ heading: optional(str), items: arrayOf(str) })),
      sponsor: optional(person),
      projectManagers: arrayOf(person),
      pmoSupport: arrayOf(person),
      agreedCompletionAsWritten: optional(str),
      forecastCompletionAsWritten: optional(str),
      order: int,
      retired: optional(bool)
    })
  ),
  statusReports: arrayOf(statusReport()),
  previousStatusReports: arrayOf(statusReport()),
  sponsorComments: arrayOf(shape({ id: int, workstreamId: int, periodId: int, text: str, author: optional(person) })),
  milestones: arrayOf(milestone()),
  previousMilestones: arrayOf(milestone()),
  risks: arrayOf(
    shape({
      id: int,
      workstreamId: int,
      number: optional(str),
      description: str,
      mitigation: str,
      likelihood: optional(int),
      impact: optional(int),
      state: oneOf('Open', 'Closed'),
      owner: optional(str),
      raisedPeriodId: int,
      closedPeriodId: optional(int),
      order: int
    })
  ),
  feedback: arrayOf(
    shape({ id: int, workstreamId: int, periodId: int, kind: oneOf('Challenge', 'Feedback'), text: str,
      author: optional(person),
      created: optional(str),
      aboutPeriodId: optional(int),
      response: optional(str),
      respondedBy: optional(person),
      respondedAt: optional(str),
      closedBy: optional(person),
      closedAt: optional(str),
      closingNote: optional(str)
    })
  ),
  sections: arrayOf(shape({ key: str, name: str, order: int, text: str, author: optional(str) }))
});

function statusReport(): Check {
  return shape({
    id: int,
    workstreamId: int,
    periodId: int,
    rag: optional(rag),
    previousRag: optional(nullable(rag)),
    keyActivities: optional(str),
    engagement: optional(str),
    concernsIssues: optional(str),
    managerUpdate: optional(str),
    ragRationale: optional(str),
    agreedCompletionAsWritten: optional(str),
    forecastCompletionAsWritten: optional(str),
    completionDateChangeNote: optional(str),
    reportingPeriodAsWritten: optional(str),
    namesAsWritten: optional(arrayOf(str)),
    completedBy: optional(str),
    completionDateAsWritten: optional(str),
    state: oneOf('Draft', 'Submitted', 'Approved', 'Returned'),
    returnReason: optional(str)
  });
}

function milestone(): Check {
  return shape({
    id: int,
    workstreamId: int,
    periodId: int,
    timing: oneOf('ThisPeriod', 'NextPeriod'),
    number: optional(str),
    title: str,
    status: optional(str),
    statusCategory: optional(oneOf('NotStarted', 'InProgress', 'Ongoing', 'Complete', 'Delayed')),
    dueDate: optional(isoDate),
    order: int
  });
}

/** What is wrong with a value that should be a period's picture, or undefined when nothing is. */
export function pictureFault(value: unknown): IShapeFault | undefined {
  return PICTURE(value, 'picture');
}

// ---- reading ----

/**
 * Reads a snapshot back from its parts' records, checks it whole, migrates it from the version
 * it was written in and checks its shape.
 * @throws DataError when a part is missing, the whole does not match its SHA-256, its version is
 * unknown or it is not a picture; each with a `code` ({@link SnapshotErrorCode}).
 */
export async function readSnapshot(records: Row[], snapshotId: string, periodTitle: string): Promise<{ picture: IPeriodPicture; sha256: string; schemaVersion: number }> {
  const { parsed, sha256: expected } = await readDocument(records, snapshotId, { period: periodTitle });
  const written: unknown = versionOf(parsed);
  const document: ISnapshotDocument = migrateSnapshot(parsed, periodTitle);
  return { picture: document.picture, sha256: expected, schemaVersion: typeof written === 'number' ? written : SNAPSHOT_SCHEMA_VERSION };
}

/**
 * Any snapshot document read back from its parts' records and checked whole (every part there,
 * the SHA-256 matching, JSON), not yet migrated or checked for its shape.
 * @param of - what the snapshot records, for the messages (a period's report, or a phase's close-down).
 */
async function readDocument(records: Row[], snapshotId: string, of: SnapshotOf): Promise<{ parsed: unknown; sha256: string }> {
  const damaged = (kind: 'missing' | 'incomplete' | 'checksum', code: SnapshotErrorCode): DataError => new DataError('unknown', unreadable(of, { kind }), { code });
  const parts: Array<Row['values']> = records
    .map((r) => r.values)
    .filter((r) => r.SnapshotId === snapshotId)
    .sort((a, b) => Number(a.ChunkIndex) - Number(b.ChunkIndex));
  if (parts.length === 0) {
    throw damaged('missing', 'snapshotMissing');
  }
  const count: number = Number(parts[0].ChunkCount);
  const expected: string = String(parts[0].Sha256);
  if (parts.length !== count || parts.some((p, i) => Number(p.ChunkIndex) !== i || String(p.Sha256) !== expected)) {
    throw damaged('incomplete', 'snapshotIncomplete');
  }
  const json: string = parts.map((p) => String(p.Content)).join('');
  if ((await sha256(json)) !== expected) {
    throw damaged('checksum', 'snapshotChecksum');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new DataError('validation', unreadable(of, { kind: 'notJson' }), { code: 'snapshotInvalid' });
  }
  return { parsed, sha256: expected };
}

// ---- a phase's close-down (issue 16) ----

/**
 * The version of the close-down snapshot document this product writes.
 * - 1: `{ kind: 'closeDown', schemaVersion: 1, closeDown }`.
 * Changing its shape means what it means for a period's: bump, migrate, update the guard.
 */
export const CLOSE_DOWN_SNAPSHOT_VERSION = 1 as const;

/** A workstream as a close-down names it: a theme of the phase or of the next. */
export interface ISnapshotTheme {
  id: number;
  code: string;
  title: string;
}

/** A phase's close-down as the Board saw it. */
export interface ICloseDownSnapshot {
  phase: Pick<IPhase, 'id' | 'title' | 'start' | 'end' | 'closeDownNote'>;
  /** The date of the Board meeting it went to. */
  boardMeetingDate: string;
  /** Its rows, in order, without ETags. */
  items: ICloseDownItem[];
  /** The workstreams its rows name (themes of the phase, and of the next that rows move into). */
  workstreams: ISnapshotTheme[];
}

/** A close-down snapshot document as stored. */
export interface ICloseDownSnapshotDocument {
  kind: 'closeDown';
  schemaVersion: typeof CLOSE_DOWN_SNAPSHOT_VERSION;
  closeDown: ICloseDownSnapshot;
}

const CLOSE_DOWN: Check = shape({
  phase: shape({ id: int, title: str, start: isoDate, end: optional(isoDate), closeDownNote: optional(str) }),
  boardMeetingDate: isoDate,
  items: arrayOf(
    shape({
      id: int,
      phaseId: int,
      workstreamId: optional(int),
      themeAsWritten: optional(str),
      task: str,
      undertaken: optional(str),
      evidence: optional(str),
      outstanding: optional(str),
      destination: optional(oneOf('Completed', 'NextPhaseTheme', 'DirectoratePlans', 'KeepUnderReview')),
      destinationWorkstreamId: optional(int),
      destinationAsWritten: optional(str),
      sources: arrayOf(str),
      order: int
    })
  ),
  workstreams: arrayOf(shape({ id: int, code: str, title: str }))
});

/**
 * A phase's close-down read back from its snapshot's parts, checked whole and for its shape.
 * @throws DataError when a part is missing or altered, the document is not a close-down's, its
 * version is unknown or its shape is wrong: never misread.
 */
export async function readCloseDownSnapshot(records: Row[], snapshotId: string, phaseTitle: string): Promise<{ closeDown: ICloseDownSnapshot; sha256: string }> {
  const of: SnapshotOf = { phase: phaseTitle };
  const { parsed, sha256: expected } = await readDocument(records, snapshotId, of);
  const d: { [key: string]: unknown } = isObject(parsed) ? parsed : {};
  if (d.kind !== 'closeDown') {
    throw new DataError('validation', unreadable(of, { kind: 'otherKind' }), { code: 'snapshotInvalid' });
  }
  if (d.schemaVersion !== CLOSE_DOWN_SNAPSHOT_VERSION) {
    throw new DataError('validation', unreadable(of, { kind: 'version', found: String(JSON.stringify(d.schemaVersion)), reads: [CLOSE_DOWN_SNAPSHOT_VERSION] }), {
      code: 'snapshotUnknownVersion'
    });
  }
  const fault: IShapeFault | undefined = CLOSE_DOWN(d.closeDown, 'closeDown');
  if (fault) {
    throw new DataError('validation', unreadable(of, { kind: 'shape', at: fault }), { code: 'snapshotInvalid' });
  }
  return { closeDown: d.closeDown as ICloseDownSnapshot, sha256: expected };
}

/**
 * The part documents of one kind under one key, each read whole and checked (every part there,
 * the SHA-256 matching, its kind and version known): each lock wrote its own under the key, told
 * apart by their checksums. Which whole snapshot a part was cut from is inside it, covered by its
 * checksum, so each is read whole (a few kilobytes) before its word is taken.
 * @param of - the period and which of its parts, for the messages.
 */
async function partDocuments(records: Row[], kind: string, versions: readonly number[], of: SnapshotOf): Promise<Array<{ [key: string]: unknown }>> {
  const byWrite: { [sha: string]: Row[] } = {};
  for (const r of records) {
    (byWrite[String(r.values.Sha256)] = byWrite[String(r.values.Sha256)] || []).push(r);
  }
  const documents: Array<{ [key: string]: unknown }> = [];
  for (const sha of Object.keys(byWrite)) {
    const { parsed } = await readDocument(byWrite[sha], String(byWrite[sha][0].values.SnapshotId), of);
    const d: { [key: string]: unknown } = isObject(parsed) ? parsed : {};
    if (d.kind !== kind) {
      throw new DataError('validation', unreadable(of, { kind: 'otherKind' }), { code: 'snapshotInvalid' });
    }
    if (typeof d.schemaVersion !== 'number' || versions.indexOf(d.schemaVersion) < 0) {
      throw new DataError('validation', unreadable(of, { kind: 'version', found: String(JSON.stringify(d.schemaVersion)), reads: versions.slice() }), {
        code: 'snapshotUnknownVersion'
      });
    }
    documents.push(d);
  }
  return documents;
}

// ---- a locked period's programme-level part ----

/**
 * The version of a period's programme part this product writes.
 * - 1: `{ kind: 'periodProgramme', schemaVersion: 1, snapshotId, sha256, picture }`, where
 *   `picture` holds the programme, the period, its workstreams, risks and sections exactly as the
 *   whole snapshot `snapshotId` (whose SHA-256 is `sha256`) holds them.
 * - 2: the same, with `picture` holding only what the programme view shows of the period (issue
 *   14: a version-1 part was 269 KB at the bench's portfolio): the period, each workstream's id,
 *   title, short title and order (the key risks' row headings), each risk's id, workstream,
 *   description, mitigation and order (the key risks table), and the sections. No programme (the
 *   view shows the live one's words), no people, outcomes, scores or owners.
 * Every earlier version is still read (checked with its own guard, then cut to the current shape):
 * parts are never rewritten. Changing the shape again means: bump, add the cut, update the guard.
 */
export const PROGRAMME_PART_VERSION = 2 as const;

/** The part versions this product reads. */
const PROGRAMME_PART_VERSIONS: readonly number[] = [1, PROGRAMME_PART_VERSION];

/** What the programme view shows of a workstream in a locked period: the key risks' row heading. */
export type ProgrammePartWorkstream = Pick<IWorkstream, 'id' | 'title' | 'shortTitle' | 'order'>;

/** What the programme view shows of a risk in a locked period: the key risks table's row. */
export type ProgrammePartRisk = Pick<IRisk, 'id' | 'workstreamId' | 'description' | 'mitigation' | 'order'>;

/** What the programme view shows of a period: the key risks by workstream and the period's sections. */
export interface IProgrammePart {
  period: IPeriod;
  workstreams: ProgrammePartWorkstream[];
  risks: ProgrammePartRisk[];
  sections: IPeriodSection[];
}

/** A period's programme part as stored (the current version). */
export interface IProgrammePartDocument {
  kind: 'periodProgramme';
  schemaVersion: typeof PROGRAMME_PART_VERSION;
  /** The whole snapshot it was cut from, and that snapshot's SHA-256. */
  snapshotId: string;
  sha256: string;
  picture: IProgrammePart;
}

/**
 * Of a picture (frozen, or a version-1 part's), only what the programme view shows, in the
 * order a part stores it: optional fields only when they are there, so that a part reads back
 * exactly as the whole snapshot holds them.
 */
export function programmeFields(p: { period: IPeriod; workstreams: ProgrammePartWorkstream[]; risks: ProgrammePartRisk[]; sections?: IPeriodSection[] }): IProgrammePart {
  return {
    period: p.period,
    workstreams: p.workstreams.map((w) => ({ id: w.id, title: w.title, ...(w.shortTitle !== undefined ? { shortTitle: w.shortTitle } : {}), order: w.order })),
    risks: p.risks.map((r) => ({ id: r.id, workstreamId: r.workstreamId, description: r.description, mitigation: r.mitigation, order: r.order })),
    sections: (p.sections || []).map((x) => ({ key: x.key, name: x.name, order: x.order, text: x.text, ...(x.author !== undefined ? { author: x.author } : {}) }))
  };
}

/** The guard of a version-2 part's picture. */
const PROGRAMME_PART: Check = shape({
  period,
  workstreams: arrayOf(shape({ id: int, title: str, shortTitle: optional(str), order: int })),
  risks: arrayOf(shape({ id: int, workstreamId: int, description: str, mitigation: str, order: int })),
  sections: arrayOf(shape({ key: str, name: str, order: int, text: str, author: optional(str) }))
});

/** What is wrong with a part's picture of the given version, or undefined when nothing is. */
function programmePartFault(version: number, picture: unknown): IShapeFault | undefined {
  if (!isObject(picture)) {
    return { path: 'picture', problem: 'object' };
  }
  if (version === 1) {
    // A version-1 part held the whole picture's fields: the same guard as a whole picture's.
    return pictureFault({ ...picture, statusReports: [], previousStatusReports: [], sponsorComments: [], milestones: [], previousMilestones: [], feedback: [] });
  }
  return PROGRAMME_PART(picture, 'picture');
}

/**
 * A period's programme part, read back from the records under its key: the one cut from the
 * whole snapshot `snapshotId` (the last lock's), checked whole and for its shape (by the guard of
 * the version it was written in), then cut to what the programme view shows. Undefined when
 * there is none — the period was locked before programme parts were written — and the whole
 * snapshot is to be read instead.
 * @throws DataError, as for a whole snapshot, when the part is there but incomplete, altered, of
 * an unknown version or the wrong shape: never misread.
 */
export async function readProgrammePart(records: Row[], snapshotId: string, periodTitle: string): Promise<{ picture: IProgrammePart; sha256: string } | undefined> {
  const of: SnapshotOf = { period: periodTitle, part: 'programme' };
  const found: { [key: string]: unknown } | undefined = (await partDocuments(records, 'periodProgramme', PROGRAMME_PART_VERSIONS, of)).filter(
    (d) => d.snapshotId === snapshotId
  )[0];
  if (!found) {
    return undefined;
  }
  const fault: IShapeFault | undefined = programmePartFault(found.schemaVersion as number, found.picture);
  if (fault || typeof found.sha256 !== 'string') {
    throw new DataError('validation', unreadable(of, fault ? { kind: 'shape', at: fault } : { kind: 'noSnapshotNamed' }), { code: 'snapshotInvalid' });
  }
  return { picture: programmeFields(found.picture as IProgrammePart), sha256: found.sha256 };
}

// ---- a locked period's workstream parts ----

/**
 * The version of a period's workstream part this product writes.
 * - 1: `{ kind: 'periodWorkstreams', schemaVersion: 1, snapshotId, sha256, group, workstreamIds,
 *   snapshot }`, where `snapshot` is a period's snapshot document (`{ schemaVersion, picture }`,
 *   of the version {@link SNAPSHOT_SCHEMA_VERSION} was when it was written, migrated on reading
 *   like a whole one) whose picture holds, of the whole snapshot `snapshotId` (SHA-256 `sha256`),
 *   everything of the workstreams `workstreamIds` and everything not of one workstream.
 * Changing its shape means what it means for a period's: bump, migrate, update the guard.
 */
export const WORKSTREAM_PART_VERSION = 1 as const;

/** A period's workstream part as stored. */
export interface IWorkstreamPartDocument {
  kind: 'periodWorkstreams';
  schemaVersion: typeof WORKSTREAM_PART_VERSION;
  /** The whole snapshot it was cut from, and that snapshot's SHA-256. */
  snapshotId: string;
  sha256: string;
  group: number;
  workstreamIds: number[];
  snapshot: ISnapshotDocument;
}

/** Of a picture, only what concerns these workstreams (and everything that concerns none). */
export function pictureOfWorkstreams(picture: IPeriodPicture, ids: ReadonlyArray<number>): IPeriodPicture {
  const mine = <T extends { workstreamId: number }>(items: T[]): T[] => items.filter((i) => ids.indexOf(i.workstreamId) >= 0);
  return {
    ...picture,
    workstreams: picture.workstreams.filter((w) => ids.indexOf(w.id) >= 0),
    statusReports: mine(picture.statusReports),
    previousStatusReports: mine(picture.previousStatusReports),
    sponsorComments: mine(picture.sponsorComments),
    milestones: mine(picture.milestones),
    previousMilestones: mine(picture.previousMilestones),
    risks: mine(picture.risks),
    feedback: mine(picture.feedback)
  };
}

/**
 * What a period's snapshot holds of one workstream, read back from the records under its group's
 * key: the part cut from the whole snapshot `snapshotId` (the last lock's), checked whole, migrated
 * and checked for its shape like a whole snapshot, then only that workstream's (and what concerns
 * none). Undefined when there is none — the period was locked before workstream parts were
 * written, or imported — and the whole snapshot is to be read instead.
 * @throws DataError, as for a whole snapshot, when the part is there but incomplete, altered, of
 * an unknown version or the wrong shape: never misread.
 */
export async function readWorkstreamPart(
  records: Row[],
  snapshotId: string,
  workstreamId: number,
  periodTitle: string
): Promise<{ picture: IPeriodPicture; sha256: string } | undefined> {
  const of: SnapshotOf = { period: periodTitle, part: 'workstream' };
  for (const d of await partDocuments(records, 'periodWorkstreams', [WORKSTREAM_PART_VERSION], of)) {
    if (d.snapshotId !== snapshotId || !Array.isArray(d.workstreamIds) || d.workstreamIds.indexOf(workstreamId) < 0) {
      continue;
    }
    if (typeof d.sha256 !== 'string') {
      throw new DataError('validation', unreadable(of, { kind: 'noSnapshotNamed' }), { code: 'snapshotInvalid' });
    }
    // The picture in it is a period's snapshot document: migrated and checked as a whole one is.
    const { picture } = migrateSnapshot(d.snapshot, periodTitle);
    return { picture: pictureOfWorkstreams(picture, [workstreamId]), sha256: d.sha256 };
  }
  return undefined;
}
