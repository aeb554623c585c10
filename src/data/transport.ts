/**
 * What the repository needs of a protocol: reading lists (in one round trip where it can),
 * writing items with ETags, the current user, their rights and the site's people. PnPjs over
 * SharePoint REST and graph-client over Microsoft Graph each provide one; everything the product
 * decides is in ProgrammeRepository, once.
 */
import type { ListRecord, PeopleLookup } from './mapping';
import type { IListQuery } from './query';
import type { ICurrentUser, ListKey, UserRights } from './repository';

/** Named queries to run together. */
export type QuerySet = { [name: string]: IListQuery };

/** The records of each query, every page of them, and the site's people when asked for. */
export interface IReadResult {
  records: { [name: string]: ListRecord[] };
  people?: PeopleLookup;
}

/**
 * One version of an item as SharePoint's version history keeps it: who saved it, when, and the
 * item's values then (in SharePoint REST's record shape, as `read` gives them).
 */
export interface IVersionRecord {
  /** SharePoint's version label: "1.0", "2.0"… */
  label: string;
  /** ISO date-time the version was saved. */
  at: string;
  /** Who saved it: their site user id when the protocol gives it, and their name. */
  editorId?: number;
  editorName?: string;
  /** True for the item as it is now. */
  current: boolean;
  record: ListRecord;
}

/** One write of a {@link IListTransport.writeMany}. */
export type ListWrite =
  | { op: 'create'; list: ListKey; record: ListRecord }
  | { op: 'update'; list: ListKey; id: number; record: ListRecord; etag: string }
  | { op: 'remove'; list: ListKey; id: number; etag: string };

/**
 * What became of one write of a {@link IListTransport.writeMany}: done (with the item as stored,
 * for a create or an update), or refused (a DataError; a conflict carries no current record).
 */
export type WriteOutcome = { done: true; record?: ListRecord } | { done: false; error: unknown };

/** One protocol's way to the site's lists. Every failure is a DataError. */
export interface IListTransport {
  /**
   * Runs the queries together — one round trip when nothing has more than a page and nothing
   * hits the list view threshold — and returns every record each matches. A query with an `id`
   * gives that item, or none when it does not exist.
   * @param action - what the user is doing, for error messages: "read the period".
   */
  read(queries: QuerySet, options: { people?: boolean; action: string }): Promise<IReadResult>;
  /** Stores a new item and returns it as stored. */
  create(list: ListKey, record: ListRecord, action: string): Promise<ListRecord>;
  /** Stores several new items, batched. */
  createMany(list: ListKey, records: ListRecord[], action: string): Promise<ListRecord[]>;
  /**
   * Changes an item if its ETag still matches and returns it as stored. On a mismatch, throws a
   * conflict whose `current` is the item as it now is (a record).
   */
  update(list: ListKey, id: number, record: ListRecord, etag: string, action: string): Promise<ListRecord>;
  /**
   * Sends several writes together — SharePoint `$batch`es of up to 100 requests (the first with
   * the reads asked for in the same turn, where the transport batches a turn's reads), Graph JSON
   * `$batch`es of 20 — the batches sent at the same moment, 4 at a time, so that they are one wait
   * on the network. Within a batch the writes run in order; batches sent together run in no known
   * order. Never transactional (SharePoint's change sets are not all-or-nothing): each write is
   * done or refused alone, and a write after a refused one in its batch may not have run
   * (SharePoint's "poisoned" batch parts); so the caller says what to do about a refusal, from the
   * outcomes given in the writes' order. A batch that failed as a whole makes each of its writes
   * refused with that failure (whether any ran is then not known). Rejects only when no outcome is
   * known (every batch failed as a whole).
   */
  writeMany(writes: ListWrite[], action: string): Promise<WriteOutcome[]>;
  /** Deletes an item if its ETag still matches (a conflict carries the current record). */
  remove(list: ListKey, id: number, etag: string, action: string): Promise<void>;
  /**
   * Where the protocol has it (SharePoint REST's SP.List LastItemModifiedDate, LastItemDeletedDate
   * and ItemCount): each list's change stamp, without its items, in the same round trip as the
   * reads asked for in the same turn where the transport batches them. The same stamp means no
   * item of the list was added, changed or deleted between the two reads — to the second
   * SharePoint gives the dates in.
   */
  listStamps?(lists: ListKey[], action: string): Promise<{ [list: string]: string }>;
  /**
   * An item's version history, newest first (the current version among them). The list must keep
   * versions (every list the product provisions does).
   */
  versions(list: ListKey, id: number, action: string): Promise<IVersionRecord[]>;
  currentUser(): Promise<ICurrentUser>;
  rights(): Promise<UserRights>;
  people(): Promise<PeopleLookup>;
}
