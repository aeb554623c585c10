/**
 * What the repository needs of a protocol: reading lists (in one round trip where it can),
 * writing items with ETags, the current user, their rights and the site's people. PnPjs over
 * SharePoint REST, graph-client over Microsoft Graph and the in-memory site each provide one,
 * giving protocol-neutral rows and taking column values; everything the product decides is in
 * ProgrammeRepository, once, over those rows.
 */
import { num, type PeopleLookup } from './fields';
import type { IListQuery } from './query';
import type { ICurrentUser, ListKey, UserRights } from './repository';

/** Named queries to run together. */
export type QuerySet = { [name: string]: IListQuery };

/**
 * A list item as every transport gives it, whatever its protocol's wire format: its id, its
 * ETag, who made it and when, and its values keyed by the list column's internal name (the field
 * tables' `column`: "Workstream", not REST's "WorkstreamId" nor Graph's "WorkstreamLookupId").
 * A lookup's or a person's value is the item's or user's id (a number; multi-valued, an array of
 * ids; none, null); a date is an ISO string; an empty column is null, whatever the protocol
 * spells it as (REST's '', Graph's leaving it out); the rest as the column holds them. A read that names
 * its columns gives those only (and no author or dates).
 */
export type Row = {
  id: number;
  /** The item's ETag; '' when the read asked for none (a view-only read, without metadata). */
  etag: string;
  /** Who made the item, as far as the protocol says: SharePoint REST and Graph give the site user id. */
  author?: { id?: number; name?: string; login?: string };
  created?: string;
  modified?: string;
  values: RowValues;
};

/** Column values to write (or read), keyed by the column's internal name, lookups and people as ids. */
export type RowValues = { [column: string]: unknown };

/**
 * A row from what a protocol says of an item: its id, ETag and values, and its author's site user
 * id and its created and modified times where the answer carries them (each transport finds them
 * under its own names).
 */
export function itemRow(id: unknown, etag: string, values: RowValues, stamps: { authorId: unknown; created: unknown; modified: unknown }): Row {
  const row: Row = { id: num(id) || 0, etag, values };
  const author: number | undefined = num(stamps.authorId);
  if (author !== undefined) {
    row.author = { id: author };
  }
  if (typeof stamps.created === 'string') {
    row.created = stamps.created;
  }
  if (typeof stamps.modified === 'string') {
    row.modified = stamps.modified;
  }
  return row;
}

/** The rows of each query, every page of them, and the site's people when asked for. */
export interface IReadResult {
  records: { [name: string]: Row[] };
  people?: PeopleLookup;
}

/** One version of an item as SharePoint's version history keeps it: who saved it, when, and the item's row then. */
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
  record: Row;
}

/** One write of a {@link IRowTransport.writeMany}: `record` is the column values to write. */
export type ListWrite =
  | { op: 'create'; list: ListKey; record: RowValues }
  | { op: 'update'; list: ListKey; id: number; record: RowValues; etag: string }
  | { op: 'remove'; list: ListKey; id: number; etag: string };

/**
 * What became of one write of a {@link IRowTransport.writeMany}: done (with the item's row as
 * stored, for a create or an update), or refused (a DataError; a conflict's `current` is the row
 * as it now is).
 */
export type WriteOutcome = { done: true; record?: Row } | { done: false; error: unknown };

/**
 * One protocol's way to the site's lists: rows out, column values in. Every failure is a
 * DataError; a conflict's `current` is the item's row as it now is.
 */
export interface IRowTransport {
  /**
   * Runs the queries together — one round trip when nothing has more than a page and nothing
   * hits the list view threshold — and returns every row each matches. A query with an `id`
   * gives that item, or none when it does not exist.
   * @param action - what the user is doing, for error messages: "read the period".
   */
  read(queries: QuerySet, options: { people?: boolean; action: string }): Promise<IReadResult>;
  /** Stores a new item and returns it as stored. */
  create(list: ListKey, values: RowValues, action: string): Promise<Row>;
  /** Stores several new items, batched. */
  createMany(list: ListKey, values: RowValues[], action: string): Promise<Row[]>;
  /**
   * Changes an item if its ETag still matches and returns it as stored. On a mismatch, throws a
   * conflict whose `current` is the item's row as it now is.
   */
  update(list: ListKey, id: number, values: RowValues, etag: string, action: string): Promise<Row>;
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
  /** Deletes an item if its ETag still matches (a conflict carries the current row). */
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

/**
 * Several new items as one {@link IRowTransport.writeMany} of creates — its batches sent together,
 * one wait on the network however many — each as stored, in order. The first refusal is thrown;
 * the creates done beside it stay (as they would had the batches gone one after another).
 */
export async function createManyByWrites(transport: Pick<IRowTransport, 'writeMany'>, list: ListKey, values: RowValues[], action: string): Promise<Row[]> {
  const outcomes: WriteOutcome[] = await transport.writeMany(values.map((record): ListWrite => ({ op: 'create', list, record })), action);
  const rows: Row[] = [];
  for (const outcome of outcomes) {
    if (!outcome.done) {
      throw outcome.error;
    }
    rows.push(outcome.record as Row);
  }
  return rows;
}
