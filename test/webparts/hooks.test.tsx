/** @jest-environment jsdom */
import * as React from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import { DataError } from '../../src/data/errors';
import { type IAsyncResult, useAsync } from '../../src/ui/useAsync';
import { type ISaver, useSave } from '../../src/webparts/programmeDashboard/hooks/useSave';
import { MemoryRepository } from '../support/memoryProgramme';

interface IDeferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): IDeferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((_resolve, _reject) => {
    resolve = _resolve;
    reject = _reject;
  });
  return { promise, resolve, reject };
}

/** Shows a load's state as text, so tests read it like a user would. */
function Probe(props: { load: ((key: number) => Promise<string>) | undefined; input: number; onResult?: (r: IAsyncResult<string>) => void }): JSX.Element {
  const load = props.load;
  const result = useAsync(load ? () => load(props.input) : undefined, [props.input, load === undefined]);
  props.onResult?.(result);
  return (
    <div>
      <span data-testid="loading">{String(result.loading)}</span>
      <span data-testid="data">{result.data ?? ''}</span>
      <span data-testid="error">{result.error instanceof Error ? result.error.message : ''}</span>
    </div>
  );
}

const text = (id: string): string => screen.getByTestId(id).textContent || '';

describe('useAsync', () => {
  it('starts loading and clears loading with the data', async () => {
    render(<Probe load={(n) => Promise.resolve(`period ${n}`)} input={1} />);
    expect(text('loading')).toBe('true');
    await waitFor(() => expect(text('loading')).toBe('false'));
    expect(text('data')).toBe('period 1');
  });

  it('clears loading on failure too, keeping the error', async () => {
    render(<Probe load={() => Promise.reject(new Error('nope'))} input={1} />);
    await waitFor(() => expect(text('loading')).toBe('false'));
    expect(text('error')).toBe('nope');
    expect(text('data')).toBe('');
  });

  it('clears loading when the loader throws before returning a promise', async () => {
    render(
      <Probe
        load={() => {
          throw new Error('thrown');
        }}
        input={1}
      />
    );
    await waitFor(() => expect(text('error')).toBe('thrown'));
    expect(text('loading')).toBe('false');
  });

  it('ignores a slow answer for a period no longer chosen', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const load = (n: number): Promise<string> => (n === 1 ? first.promise : second.promise);
    const { rerender } = render(<Probe load={load} input={1} />);
    rerender(<Probe load={load} input={2} />);
    await act(async () => second.resolve('period 2'));
    await act(async () => first.resolve('period 1'));
    expect(text('data')).toBe('period 2');
    expect(text('loading')).toBe('false');
  });

  it('drops the old data when the inputs change, but keeps it during a reload', async () => {
    let result: IAsyncResult<string> | undefined;
    const pending = deferred<string>();
    let calls = 0;
    const load = (n: number): Promise<string> => {
      calls++;
      return calls === 2 ? pending.promise : Promise.resolve(`period ${n} v${calls}`);
    };
    const { rerender } = render(<Probe load={load} input={1} onResult={(r) => (result = r)} />);
    await waitFor(() => expect(text('data')).toBe('period 1 v1'));
    act(() => result!.reload());
    expect(text('loading')).toBe('true');
    expect(text('data')).toBe('period 1 v1');
    await act(async () => pending.resolve('period 1 v2'));
    expect(text('data')).toBe('period 1 v2');
    rerender(<Probe load={load} input={2} onResult={(r) => (result = r)} />);
    expect(text('data')).toBe('');
    await waitFor(() => expect(text('data')).toBe('period 2 v3'));
  });

  it('with nothing to load is never loading, from the first render on, and drops the data when the load goes', async () => {
    const seen: boolean[] = [];
    const { rerender } = render(<Probe load={undefined} input={1} onResult={(r) => seen.push(r.loading)} />);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((loading) => loading)).toEqual([]);
    expect(text('data')).toBe('');
    rerender(<Probe load={(n) => Promise.resolve(`period ${n}`)} input={1} />);
    await waitFor(() => expect(text('data')).toBe('period 1'));
    rerender(<Probe load={undefined} input={1} />);
    expect(text('loading')).toBe('false');
    expect(text('data')).toBe('');
    expect(text('error')).toBe('');
  });

  it('does not touch state after unmount', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const late = deferred<string>();
    const { unmount } = render(<Probe load={() => late.promise} input={1} />);
    unmount();
    await act(async () => late.resolve('too late'));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

function SaveProbe(props: { repository: MemoryRepository; onSaver: (s: ISaver) => void }): JSX.Element {
  const saver = useSave(props.repository);
  props.onSaver(saver);
  return <span data-testid="saving">{`${saver.saving}/${saver.saved}/${saver.error ? 'error' : ''}`}</span>;
}

describe('useSave', () => {
  it('tracks saving, resolves to the stored item, and never rejects', async () => {
    const repository = new MemoryRepository();
    let saver: ISaver | undefined;
    render(<SaveProbe repository={repository} onSaver={(s) => (saver = s)} />);
    const release = repository.hold();
    let outcome: Promise<unknown> | undefined;
    act(() => {
      outcome = saver!.update('risk', 20, { owner: 'Louisa Simpson' }, '"1"');
    });
    expect(text('saving')).toBe('true/false/');
    release();
    await act(async () => {
      await outcome;
    });
    expect(await outcome).toMatchObject({ ok: true, value: { id: 20, owner: 'Louisa Simpson', etag: '"2"' } });
    expect(text('saving')).toBe('false/true/');

    let failed: unknown;
    await act(async () => {
      failed = await saver!.update('risk', 20, { owner: 'Someone' }, '"1"');
    });
    expect(failed).toMatchObject({ ok: false });
    expect((failed as { error: DataError }).error.kind).toBe('conflict');
    expect(text('saving')).toBe('false/false/error');
  });

  it('follows only the latest save: an earlier one ending late, or one under way at a reset, leaves the state alone', async () => {
    let saver!: ISaver;
    render(<SaveProbe repository={new MemoryRepository()} onSaver={(s) => (saver = s)} />);
    const first = deferred<string>();
    const second = deferred<string>();
    let earlier!: Promise<unknown>;
    let later!: Promise<unknown>;
    act(() => {
      earlier = saver.run(() => first.promise);
    });
    act(() => {
      later = saver.run(() => second.promise);
    });
    await act(async () => {
      second.resolve('second');
      await later;
    });
    expect(text('saving')).toBe('false/true/');
    await act(async () => {
      first.reject(new Error('The earlier save failed late.'));
      await earlier;
    });
    expect(await earlier).toMatchObject({ ok: false });
    expect(text('saving')).toBe('false/true/');

    const third = deferred<string>();
    let underWay!: Promise<unknown>;
    act(() => {
      underWay = saver.run(() => third.promise);
    });
    expect(text('saving')).toBe('true/false/');
    act(() => saver.reset());
    expect(text('saving')).toBe('false/false/');
    await act(async () => {
      third.resolve('after the reset');
      await underWay;
    });
    expect(await underWay).toEqual({ ok: true, value: 'after the reset' });
    expect(text('saving')).toBe('false/false/');
  });
});
