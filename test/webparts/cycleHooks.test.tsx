/** @jest-environment jsdom */
import * as React from 'react';
import { act, render, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import { DataError } from '../../src/data/errors';
import { type IActionRunner, useAction } from '../../src/webparts/programmeDashboard/hooks/useAction';
import { usePeriodHistory } from '../../src/webparts/programmeDashboard/hooks/usePeriodHistory';
import type { IAsyncResult } from '../../src/ui/useAsync';
import type { IPeriodHistoryEntry } from '../../src/data/repository';
import { MemoryRepository } from '../support/memoryProgramme';
import { owedBy, summariseReadiness, findingCountWords, reportStateWords } from '../../src/webparts/programmeDashboard/components/reportCycle';
import { permissionsFor } from '../../src/webparts/programmeDashboard/components/permissions';
import { rightsFor } from '../support/memoryProgramme';
import { formatUkDateTime, formatUkDay } from '../../src/webparts/programmeDashboard/components/ukTime';

function RunnerProbe(props: { onRunner: (r: IActionRunner) => void }): JSX.Element {
  const runner = useAction();
  props.onRunner(runner);
  return <span data-testid="busy">{String(runner.busy)}</span>;
}

describe('useAction', () => {
  it('shows progress while an action runs and resolves to its outcome, never rejecting', async () => {
    let runner!: IActionRunner;
    const { getByTestId } = render(<RunnerProbe onRunner={(r) => (runner = r)} />);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let outcome: unknown;
    act(() => {
      void runner.run(() => gate.then(() => 'done')).then((o) => (outcome = o));
    });
    expect(getByTestId('busy')).toHaveTextContent('true');
    await act(async () => {
      release();
      await gate;
    });
    await waitFor(() => expect(getByTestId('busy')).toHaveTextContent('false'));
    expect(outcome).toEqual({ ok: true, value: 'done' });

    const refused = new DataError('validation', 'Could not submit the report: it is already submitted.');
    let failed: unknown;
    await act(async () => {
      failed = await runner.run(() => Promise.reject(refused));
    });
    expect(failed).toEqual({ ok: false, error: refused });
    expect(getByTestId('busy')).toHaveTextContent('false');
  });

  it('stays busy until the latest action ends, and touches no state once the view has gone', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let runner!: IActionRunner;
    const { getByTestId, unmount } = render(<RunnerProbe onRunner={(r) => (runner = r)} />);
    let releaseFirst!: () => void;
    let releaseSecond!: () => void;
    const first = new Promise<void>((resolve) => (releaseFirst = resolve));
    const second = new Promise<void>((resolve) => (releaseSecond = resolve));
    let latest!: Promise<unknown>;
    act(() => {
      void runner.run(() => first);
      latest = runner.run(() => second);
    });
    await act(async () => {
      releaseFirst();
      await first;
    });
    expect(getByTestId('busy')).toHaveTextContent('true');
    unmount();
    await act(async () => {
      releaseSecond();
      await latest;
    });
    expect(await latest).toEqual({ ok: true, value: undefined });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('usePeriodHistory', () => {
  function HistoryProbe(props: { repository: MemoryRepository; periodId?: number; onResult: (r: IAsyncResult<IPeriodHistoryEntry[] | undefined>) => void }): null {
    props.onResult(usePeriodHistory(props.repository, props.periodId));
    return null;
  }

  it('reads nothing when not wanted, and the lock of a seeded period when asked', async () => {
    const repository = new MemoryRepository({});
    let result!: IAsyncResult<IPeriodHistoryEntry[] | undefined>;
    const { rerender } = render(<HistoryProbe repository={repository} onResult={(r) => (result = r)} />);
    await waitFor(() => expect(result.loading).toBe(false));
    expect(result.data).toBeUndefined();
    expect(repository.callsOf('getPeriodHistory')).toHaveLength(0);
    rerender(<HistoryProbe repository={repository} periodId={1} onResult={(r) => (result = r)} />);
    await waitFor(() => expect(result.data).toHaveLength(1));
    expect(result.data![0]).toMatchObject({ action: 'Locked', by: { name: 'Heidi Robinson' } });
  });
});

describe('the reporting cycle in words', () => {
  it('words report states, including a period with no report', () => {
    expect([undefined, 'Draft', 'Submitted', 'Approved', 'Returned'].map((s) => reportStateWords(s as never))).toEqual([
      'Not started',
      'Draft',
      'Submitted to the programme office',
      'Approved',
      'Sent back'
    ]);
  });

  it('counts readiness findings per workstream', async () => {
    const picture = await new MemoryRepository().getPeriodPicture(2);
    const summary = summariseReadiness(picture);
    expect(findingCountWords(summary.byWorkstream[3])).toBe('1 must be fixed; 8 to check');
    expect(findingCountWords(summary.byWorkstream[1])).toBe('7 to check');
    expect(findingCountWords(undefined)).toBe('None');
  });

  it('works out what a group owes from the picture alone', async () => {
    const repository = new MemoryRepository();
    repository.changeAsOtherUser('statusReport', 7, { state: 'Returned', returnReason: 'Add dates.' });
    const picture = await repository.getPeriodPicture(2, { workstreamId: 2 });
    expect(owedBy(picture, picture.workstreams[0])).toEqual({
      items: ['change and resubmit the status report (the programme office sent it back)'],
      state: 'Returned'
    });
  });

  it('formats a lock time as the UK day it happened', () => {
    // 23:30 UTC on 30 June is already 1 July in British Summer Time.
    expect(formatUkDay('2023-06-30T23:30:00Z')).toBe('01/07/2023');
    expect(formatUkDay('2024-01-31T17:00:00Z')).toBe('31/01/2024');
    expect(formatUkDay('2024-01-31')).toBe('31/01/2024');
  });

  it('formats a moment as the UK day and time it happened, and leaves what it cannot read as it is', () => {
    expect(formatUkDateTime('2023-06-30T23:30:00Z')).toBe('01/07/2023, 00:30');
    expect(formatUkDateTime('2024-01-31T17:05:00Z')).toBe('31/01/2024, 17:05');
    expect(formatUkDateTime(undefined)).toBe('');
    expect(formatUkDateTime('not a date')).toBe('not a date');
    expect(formatUkDay('not a date')).toBe('not a date');
  });
});

describe('what is offered, by rights and report state', () => {
  const period = { id: 2, title: 'November/December 2023', start: '2023-11-01', end: '2023-12-22', state: 'Open' as const };
  const report = (state: 'Draft' | 'Submitted' | 'Approved' | 'Returned') => ({ id: 1, workstreamId: 1, periodId: 2, state });

  it('lets a project manager edit and submit a draft or a report sent back, and nothing else', () => {
    for (const state of ['Draft', 'Returned'] as const) {
      expect(permissionsFor(rightsFor('projectManager'), period, { report: report(state) })).toMatchObject({ editStatusReport: true, submitReport: true, approveReport: false, returnReport: false });
    }
    for (const state of ['Submitted', 'Approved'] as const) {
      expect(permissionsFor(rightsFor('projectManager'), period, { report: report(state) })).toMatchObject({ editStatusReport: false, submitReport: false, reportHeldByOffice: true });
    }
  });

  it('lets those with Approve Items approve submitted reports and send back submitted or approved ones', () => {
    const office = rightsFor('programmeOffice');
    expect(permissionsFor(office, period, { report: report('Submitted') })).toMatchObject({ approveReport: true, returnReport: true, editStatusReport: true });
    expect(permissionsFor(office, period, { report: report('Approved') })).toMatchObject({ approveReport: false, returnReport: true });
    expect(permissionsFor(office, period, { report: report('Draft') })).toMatchObject({ approveReport: false, returnReport: false });
  });

  it('offers nothing but feedback and reopening in a locked period', () => {
    const locked = permissionsFor(rightsFor('programmeOffice'), { ...period, state: 'Locked' }, { report: report('Submitted') });
    const offered = Object.keys(locked).filter((k) => (locked as unknown as { [k: string]: boolean })[k]);
    expect(offered.sort()).toEqual(['addFeedback', 'editFeedback', 'reopenPeriod', 'seePeriodHistory']);
    // A snapshot alone (the period read as it went to the Board) locks it too.
    const fromSnapshot = permissionsFor(rightsFor('projectManager'), period, { report: report('Draft'), snapshot: { id: 's', takenAt: '2024-01-31T17:00:00Z', sha256: '' } });
    expect(fromSnapshot.editStatusReport || fromSnapshot.submitReport || fromSnapshot.editMilestone).toBe(false);
  });
});
