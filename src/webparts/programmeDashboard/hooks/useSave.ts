import * as React from 'react';
import type {
  EntityChanges,
  EntityKind,
  IEntities,
  IProgrammeRepository,
  NewEntity,
  Saved
} from '../../../data/repository';
import { newRequestKey } from '../../../data/lists';
import { useLatestCall } from './useLatestCall';

/** How one save ended: what was stored, or why it was not. */
export type SaveOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The state of the latest save: every path ends with `saving` false. */
export interface ISaveState {
  saving: boolean;
  /** Why the latest save failed, when it did. */
  error?: unknown;
  /** True once the latest save succeeded. */
  saved: boolean;
}

/** One item's update in a batch (reordering touches several milestones at once). */
export interface IBatchUpdate<K extends EntityKind> {
  id: number;
  changes: EntityChanges<K>;
  etag: string;
}

/** Writes through the repository, with explicit saving/error/saved state. */
export interface ISaver extends ISaveState {
  /**
   * Stores a new item. Saving the same values again after a failure (a lost answer may hide a
   * create that landed) sends the same request key, so the item is not added twice.
   */
  create<K extends EntityKind>(kind: K, value: NewEntity<K>): Promise<SaveOutcome<Saved<IEntities[K]>>>;
  /** Changes an item if it is still as read (`etag`); a `conflict` outcome carries the current version. */
  update<K extends EntityKind>(kind: K, id: number, changes: EntityChanges<K>, etag: string): Promise<SaveOutcome<Saved<IEntities[K]>>>;
  /** Several updates of one kind, one after the other; stops at the first failure. */
  updateMany<K extends EntityKind>(kind: K, updates: Array<IBatchUpdate<K>>): Promise<SaveOutcome<Array<Saved<IEntities[K]>>>>;
  /** Deletes an item if it is still as read. */
  remove(kind: EntityKind, id: number, etag: string): Promise<SaveOutcome<void>>;
  /**
   * Any other write through the repository (responding to a challenge, closing it, a period's
   * overview), with the same saving/error/saved state; a conflict outcome carries the current version.
   */
  run<T>(work: (repository: IProgrammeRepository) => Promise<T>): Promise<SaveOutcome<T>>;
  /** Forgets the last outcome (when the form it belonged to closes). */
  reset: () => void;
}

/**
 * Saves through the repository. Each call resolves to its outcome (never rejects), so callers
 * can branch on a conflict without a try/catch; the state follows only the latest call and is
 * left alone after the component unmounts.
 */
export function useSave(repository: IProgrammeRepository): ISaver {
  const [state, setState] = React.useState<ISaveState>({ saving: false, saved: false });
  const begin: () => () => boolean = useLatestCall();

  const track = React.useCallback(async <T,>(work: () => Promise<T>): Promise<SaveOutcome<T>> => {
    const current: () => boolean = begin();
    const settle = (next: ISaveState): void => {
      if (current()) {
        setState(next);
      }
    };
    setState({ saving: true, saved: false });
    try {
      const value: T = await work();
      settle({ saving: false, saved: true });
      return { ok: true, value };
    } catch (error) {
      settle({ saving: false, saved: false, error });
      return { ok: false, error };
    }
  }, [begin]);

  // The key of the last create that did not succeed, with what it was to add.
  const pendingCreate: React.MutableRefObject<{ key: string; of: string } | undefined> = React.useRef(undefined);
  const create = React.useCallback(
    <K extends EntityKind>(kind: K, value: NewEntity<K>) => {
      const of: string = JSON.stringify([kind, value]);
      if (!pendingCreate.current || pendingCreate.current.of !== of) {
        pendingCreate.current = { key: newRequestKey(), of };
      }
      const requestKey: string = pendingCreate.current.key;
      return track(async () => {
        const stored: Saved<IEntities[K]> = await repository.create(kind, value, { requestKey });
        if (pendingCreate.current && pendingCreate.current.key === requestKey) {
          pendingCreate.current = undefined;
        }
        return stored;
      });
    },
    [repository, track]
  );
  const update = React.useCallback(
    <K extends EntityKind>(kind: K, id: number, changes: EntityChanges<K>, etag: string) => track(() => repository.update(kind, id, changes, etag)),
    [repository, track]
  );
  const updateMany = React.useCallback(
    <K extends EntityKind>(kind: K, updates: Array<IBatchUpdate<K>>) =>
      track(async () => {
        const stored: Array<Saved<IEntities[K]>> = [];
        // One at a time: each needs its own ETag check, and a failure must stop the rest.
        for (const u of updates) {
          stored.push(await repository.update(kind, u.id, u.changes, u.etag));
        }
        return stored;
      }),
    [repository, track]
  );
  const remove = React.useCallback(
    (kind: EntityKind, id: number, etag: string) => track(() => repository.remove(kind, id, etag)),
    [repository, track]
  );
  const run = React.useCallback(<T,>(work: (repository: IProgrammeRepository) => Promise<T>) => track(() => work(repository)), [repository, track]);
  const reset = React.useCallback((): void => {
    // A save under way is no longer the latest: its outcome leaves the state alone.
    begin();
    pendingCreate.current = undefined;
    setState({ saving: false, saved: false });
  }, [begin]);

  return { ...state, create, update, updateMany, remove, run, reset };
}
