/**
 * Durable storage for the emulator: SQLite (Node 22's built-in node:sqlite, no native build) in
 * WAL mode with synchronous=FULL, so a write is on disk before it is acknowledged and survives
 * kill -9. Every list is also kept in memory for queries; SQLite is written through, inside one
 * transaction per request.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import type { IListDefinition } from './schema';

// node:sqlite is stable enough for a dev tool but still prints an ExperimentalWarning once per
// process; that line would only confuse someone reading the emulator's output.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]): void => {
  const text: string = typeof warning === 'string' ? warning : warning.message;
  if (/SQLite is an experimental feature/.test(text)) {
    return;
  }
  (emitWarning as (w: string | Error, ...r: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DatabaseSync } = require('node:sqlite') as typeof import('node:sqlite');

/** One list item as stored. Custom column values live in `values`, keyed by internal name. */
export interface IStoredItem {
  id: number;
  guid: string;
  version: number;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
  values: { [internalName: string]: unknown };
  /**
   * The item's earlier versions, oldest first, on a list that keeps versions (SharePoint's
   * version history). Absent on items never changed, and on items stored before it was kept.
   */
  history?: IStoredVersion[];
}

/** An earlier version of an item: its number, when and by whom it was saved, and its values then. */
export interface IStoredVersion {
  version: number;
  modified: string;
  editorId: number;
  values: { [internalName: string]: unknown };
}

/** One list and its items. */
export interface IStoredList {
  guid: string;
  definition: IListDefinition;
  nextId: number;
  items: Map<number, IStoredItem>;
}

/** A site user. */
export interface IUser {
  id: number;
  login: string;
  name: string;
  email: string;
  isSiteAdmin: boolean;
}

/** A SharePoint group. */
export interface IGroup {
  id: number;
  title: string;
  memberIds: number[];
}

/** The permission levels a site owner grants: a SharePoint site's default levels. */
export type RoleName = 'Read' | 'Contribute' | 'Edit' | 'Design' | 'Full Control';

/** A group's permission level on the web ('' scope) or on one list (its GUID). */
export interface IRoleAssignment {
  scope: string;
  principalId: number;
  role: RoleName;
}

type Database = InstanceType<typeof DatabaseSync>;

/** The emulator's storage. */
export class Store {
  public readonly file: string;
  public siteGuid: string = '';
  public webGuid: string = '';
  private readonly _db: Database;
  private readonly _lists: Map<string, IStoredList> = new Map<string, IStoredList>();
  private _users: IUser[] = [];
  private _groups: IGroup[] = [];
  private _assignments: IRoleAssignment[] = [];
  private _inTransaction: boolean = false;

  private constructor(file: string) {
    this.file = file;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this._db = new DatabaseSync(file);
    this._db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA foreign_keys = ON;
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS lists (guid TEXT PRIMARY KEY, title TEXT NOT NULL UNIQUE, definition TEXT NOT NULL, next_id INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS items (list_guid TEXT NOT NULL REFERENCES lists(guid), id INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (list_guid, id));
      CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL, email TEXT NOT NULL, is_site_admin INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS groups (id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE, members TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS role_assignments (scope TEXT NOT NULL, principal_id INTEGER NOT NULL, role TEXT NOT NULL, PRIMARY KEY (scope, principal_id));
    `);
    this._load();
  }

  /** Opens (or creates) the store in a file. */
  public static open(file: string): Store {
    return new Store(file);
  }

  /** Checks the database file is sound (PRAGMA integrity_check). */
  public integrityCheck(): string {
    const row = this._db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    return row.integrity_check;
  }

  public close(): void {
    this._db.close();
  }

  public getMeta(key: string): string | undefined {
    const row = this._db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? row.value : undefined;
  }

  public setMeta(key: string, value: string): void {
    this._db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Runs writes as one transaction: all are on disk, or none. */
  public transaction<T>(work: () => T): T {
    if (this._inTransaction) {
      return work();
    }
    this._db.exec('BEGIN IMMEDIATE');
    this._inTransaction = true;
    try {
      const result: T = work();
      this._db.exec('COMMIT');
      return result;
    } catch (e) {
      this._db.exec('ROLLBACK');
      this._load();
      throw e;
    } finally {
      this._inTransaction = false;
    }
  }

  // ---- lists and items ----

  public get lists(): IStoredList[] {
    return Array.from(this._lists.values());
  }

  public listByTitle(title: string): IStoredList | undefined {
    const lower: string = title.toLowerCase();
    return this.lists.filter((l) => l.definition.title.toLowerCase() === lower)[0];
  }

  public listByGuid(guid: string): IStoredList | undefined {
    return this._lists.get(guid.toLowerCase());
  }

  public listByUrl(url: string): IStoredList | undefined {
    const lower: string = url.toLowerCase().replace(/^\/+/, '');
    return this.lists.filter((l) => l.definition.url.toLowerCase() === lower)[0];
  }

  public createList(definition: IListDefinition): IStoredList {
    const list: IStoredList = { guid: randomUUID(), definition, nextId: 1, items: new Map<number, IStoredItem>() };
    this._db.prepare('INSERT INTO lists (guid, title, definition, next_id) VALUES (?, ?, ?, ?)').run(list.guid, definition.title, JSON.stringify(definition), 1);
    this._lists.set(list.guid, list);
    return list;
  }

  /** Saves a list's definition (brought up to date with the provisioning XML). */
  public saveDefinition(list: IStoredList): void {
    this._db.prepare('UPDATE lists SET definition = ? WHERE guid = ?').run(JSON.stringify(list.definition), list.guid);
  }

  /** Stores a new item, giving it the list's next id (ids are never reused). */
  public insertItem(list: IStoredList, item: Omit<IStoredItem, 'id'>): IStoredItem {
    const stored: IStoredItem = { ...item, id: list.nextId };
    this._db.prepare('INSERT INTO items (list_guid, id, data) VALUES (?, ?, ?)').run(list.guid, stored.id, JSON.stringify(stored));
    this._db.prepare('UPDATE lists SET next_id = ? WHERE guid = ?').run(stored.id + 1, list.guid);
    list.nextId = stored.id + 1;
    list.items.set(stored.id, stored);
    return stored;
  }

  public updateItem(list: IStoredList, item: IStoredItem): void {
    this._db.prepare('UPDATE items SET data = ? WHERE list_guid = ? AND id = ?').run(JSON.stringify(item), list.guid, item.id);
    list.items.set(item.id, item);
  }

  public deleteItem(list: IStoredList, id: number): void {
    this._db.prepare('DELETE FROM items WHERE list_guid = ? AND id = ?').run(list.guid, id);
    list.items.delete(id);
    this.setMeta(`lastItemDeleted:${list.guid}`, new Date().toISOString());
  }

  /**
   * SharePoint's SP.List LastItemModifiedDate and LastItemDeletedDate, to the second as SharePoint
   * gives them ("2026-12-06T03:20:04Z"): the latest item's Modified (an item added or changed), and
   * when an item was last deleted. A list with no such item gives SharePoint's minimum date.
   */
  public listDates(list: IStoredList): { lastItemModified: string; lastItemDeleted: string } {
    let latest: string = '';
    list.items.forEach((item: IStoredItem) => {
      if (item.modified > latest) {
        latest = item.modified;
      }
    });
    const toSecond = (iso: string | undefined): string => (iso ? `${iso.slice(0, 19)}Z` : '1900-01-01T00:00:00Z');
    return { lastItemModified: toSecond(latest || undefined), lastItemDeleted: toSecond(this.getMeta(`lastItemDeleted:${list.guid}`)) };
  }

  // ---- users, groups, permissions ----

  public get users(): IUser[] {
    return this._users;
  }

  public get groups(): IGroup[] {
    return this._groups;
  }

  public get assignments(): IRoleAssignment[] {
    return this._assignments;
  }

  public addUser(user: IUser): void {
    this._db.prepare('INSERT INTO users (id, login, name, email, is_site_admin) VALUES (?, ?, ?, ?, ?)').run(user.id, user.login, user.name, user.email, user.isSiteAdmin ? 1 : 0);
    this._users.push(user);
  }

  public addGroup(group: IGroup): void {
    this._db.prepare('INSERT INTO groups (id, title, members) VALUES (?, ?, ?)').run(group.id, group.title, JSON.stringify(group.memberIds));
    this._groups.push(group);
  }

  public assign(assignment: IRoleAssignment): void {
    this._db
      .prepare('INSERT INTO role_assignments (scope, principal_id, role) VALUES (?, ?, ?) ON CONFLICT(scope, principal_id) DO UPDATE SET role = excluded.role')
      .run(assignment.scope, assignment.principalId, assignment.role);
    this._assignments = this._assignments.filter((a) => !(a.scope === assignment.scope && a.principalId === assignment.principalId));
    this._assignments.push(assignment);
  }

  private _load(): void {
    this.siteGuid = this.getMeta('siteGuid') || '';
    this.webGuid = this.getMeta('webGuid') || '';
    this._lists.clear();
    const lists = this._db.prepare('SELECT guid, definition, next_id FROM lists').all() as Array<{ guid: string; definition: string; next_id: number }>;
    for (const row of lists) {
      this._lists.set(row.guid, { guid: row.guid, definition: JSON.parse(row.definition), nextId: row.next_id, items: new Map<number, IStoredItem>() });
    }
    const items = this._db.prepare('SELECT list_guid, data FROM items ORDER BY list_guid, id').all() as Array<{ list_guid: string; data: string }>;
    for (const row of items) {
      const item: IStoredItem = JSON.parse(row.data);
      const list: IStoredList | undefined = this._lists.get(row.list_guid);
      if (list) {
        list.items.set(item.id, item);
      }
    }
    this._users = (this._db.prepare('SELECT id, login, name, email, is_site_admin FROM users ORDER BY id').all() as Array<{ id: number; login: string; name: string; email: string; is_site_admin: number }>).map(
      (r) => ({ id: r.id, login: r.login, name: r.name, email: r.email, isSiteAdmin: r.is_site_admin === 1 })
    );
    this._groups = (this._db.prepare('SELECT id, title, members FROM groups ORDER BY id').all() as Array<{ id: number; title: string; members: string }>).map((r) => ({
      id: r.id,
      title: r.title,
      memberIds: JSON.parse(r.members)
    }));
    this._assignments = (this._db.prepare('SELECT scope, principal_id, role FROM role_assignments').all() as Array<{ scope: string; principal_id: number; role: RoleName }>).map((r) => ({
      scope: r.scope,
      principalId: r.principal_id,
      role: r.role
    }));
  }
}
