import * as React from 'react';
import { strings } from '../loc/workstreamStrings';
import { tableTitle, type IMilestone, type IPeriod, type IRisk, type IStatusReport, type IWorkstreamHeading } from '../../../domain/model';
import { latestPeriod } from '../../../domain/periods';
import { isDataError } from '../../../data/errors';
import { isProgrammeOffice, type IEditablePeriodPicture, type IPeriodHistoryEntry, type IRagHistoryEntry, type Saved, type UserRights } from '../../../data/repository';
import type { IAsyncResult } from '../../../ui/useAsync';
import { useAction } from '../hooks/useAction';
import { type IFocusReturn, useFocusAfterRead, useFocusReturn } from '../hooks/useFocusReturn';
import { usePeriodHistory } from '../hooks/usePeriodHistory';
import { usePeriodPicture } from '../hooks/usePeriodPicture';
import { useRagHistory } from '../hooks/useRagHistory';
import { type IBatchUpdate, type SaveOutcome, useSave } from '../hooks/useSave';
import type { IDeleteRequest } from './DeletePanel';
import { describeActionError, describeSaveError } from './errorText';
import { format } from './format';
import type { FormMaker } from './forms';
import type { IOutcome } from './OutcomeMessage';
import { isPeriodLocked } from './permissions';
import { useRepository } from './RepositoryContext';
import type { ReportAction } from './sections';
import { loadReadiness } from './workstreamParts';

/** A step of the cycle that asks first: submitting, sending back, reopening the period, approving over findings. */
export interface ICycleRequest {
  action: 'submit' | 'return' | 'reopen' | 'approve';
  report?: Saved<IStatusReport>;
}

/**
 * The one panel a workstream's view may have open: a form, a delete confirmation, or a step of
 * the cycle. One state, so two can never be open at once, and moving from one to another (the
 * submit panel's "Edit status report") keeps the control focus goes back to.
 */
export type WorkstreamPanel =
  | { kind: 'edit'; make: FormMaker; /** A new form is a new panel (its fields start afresh). */ key: number }
  | { kind: 'delete'; request: IDeleteRequest }
  | { kind: 'cycle'; request: ICycleRequest };

/** What the controller is given: the view's props that decide what it loads. */
export interface IWorkstreamControllerInput {
  workstream: IWorkstreamHeading;
  /** Every period, earliest first. */
  periods: IPeriod[];
  rights: UserRights;
  initialPeriodId?: number;
  showOwed?: boolean;
  onChanged?: () => void;
  onPeriodChange?: (periodId: number) => void;
}

/** A workstream view's state and what it does, for its sections to draw and call. */
export interface IWorkstreamController {
  periodId: number | undefined;
  selectPeriod: (periodId: number) => void;
  picture: IAsyncResult<IEditablePeriodPicture | undefined>;
  history: IAsyncResult<IRagHistoryEntry[]>;
  periodHistory: IAsyncResult<IPeriodHistoryEntry[] | undefined>;
  /** The open period's picture for the "still owed" summary, when asked for and read. */
  owedPicture: IEditablePeriodPicture | undefined;
  /** The chosen period's picture once loaded, its period, and whether it is locked. */
  data: IEditablePeriodPicture | undefined;
  period: IPeriod | undefined;
  locked: boolean;
  panel: WorkstreamPanel | undefined;
  message: IOutcome | undefined;
  dismissMessage: () => void;
  /** The workstream's heading: where focus goes when the control that opened a panel is gone. */
  headingRef: React.RefObject<HTMLHeadingElement>;
  /** True while a milestone's move or a risk's closing is stored. */
  saving: boolean;
  /** True while a step of the cycle taken without a panel (approving) runs. */
  cycleBusy: boolean;
  /** Reads everything again (after something was stored) and tells the page. */
  refresh: () => void;
  openForm: (make: FormMaker) => void;
  openDelete: (request: IDeleteRequest) => void;
  openCycle: (request: ICycleRequest) => void;
  /** From the open panel straight to a form (focus still goes back to what opened the first). */
  switchToForm: (make: FormMaker) => void;
  closePanel: () => void;
  /** A panel stored something: it closes, the outcome is said, everything is read again. */
  stored: (text: string) => void;
  /** A step of the cycle was taken from its panel; the button that opened it is about to go, so focus goes to the heading. */
  cycleDone: (text: string) => void;
  onCycle: (action: ReportAction, report: Saved<IStatusReport>) => void;
  move: (milestone: Saved<IMilestone>, delta: -1 | 1, rows: Array<Saved<IMilestone>>) => void;
  closeRisk: (risk: Saved<IRisk>) => void;
}

/** The latest period still open, if any. */
function latestOpen(periods: readonly IPeriod[]): IPeriod | undefined {
  return latestPeriod(periods.filter((p) => p.state !== 'Locked'));
}

/**
 * A workstream's view without its drawing: the loads (the chosen period's picture, the ratings
 * over time, the period's history for the programme office, the open period's picture for what
 * is still owed), the one open panel, the outcome message, and where keyboard focus goes when a
 * panel closes or a row moves.
 */
export function useWorkstreamController(input: IWorkstreamControllerInput): IWorkstreamController {
  const repository = useRepository();
  const { workstream, periods } = input;
  const [periodId, setPeriodId] = React.useState<number | undefined>(() => {
    const initial: IPeriod | undefined = periods.filter((p) => p.id === input.initialPeriodId)[0] || latestPeriod(periods);
    return initial ? initial.id : undefined;
  });
  const picture = usePeriodPicture(repository, periodId, workstream.id);
  const history = useRagHistory(repository, workstream.id);
  const periodHistory = usePeriodHistory(repository, isProgrammeOffice(input.rights) ? periodId : undefined);
  // The open period as the latest picture knows it (a lock or reopening since the page opened shows there).
  const openPeriod: IPeriod | undefined = latestOpen(picture.data ? picture.data.periods : periods);
  const owedElsewhere = usePeriodPicture(repository, input.showOwed && openPeriod && openPeriod.id !== periodId ? openPeriod.id : undefined, workstream.id);
  const actions = useSave(repository);
  const cycleRunner = useAction();
  const [panel, setPanel] = React.useState<WorkstreamPanel | undefined>();
  const [message, setMessage] = React.useState<IOutcome | undefined>();
  const formKey: React.MutableRefObject<number> = React.useRef<number>(0);
  const headingRef: React.RefObject<HTMLHeadingElement> = React.useRef<HTMLHeadingElement>(null);
  // Focus goes back to the control that opened a panel; if that control is gone (the item was
  // deleted, or "Start" became "Edit"), to the workstream's heading.
  const returnFocus: IFocusReturn = useFocusReturn(panel !== undefined, headingRef);

  // A reordered row moves; put focus back on the button that moved it.
  const focusAfterReload: React.MutableRefObject<string | undefined> = useFocusAfterRead(picture);

  const refresh = (): void => {
    picture.reload();
    history.reload();
    periodHistory.reload();
    owedElsewhere.reload();
    if (input.onChanged) {
      input.onChanged();
    }
  };

  // Opening a panel remembers the control that opened it and clears the last outcome.
  const open = (next: WorkstreamPanel): void => {
    returnFocus.remember();
    setMessage(undefined);
    setPanel(next);
  };
  const formPanel = (make: FormMaker): WorkstreamPanel => {
    formKey.current += 1;
    return { kind: 'edit', make, key: formKey.current };
  };
  const closePanel = (): void => setPanel(undefined);

  const data: IEditablePeriodPicture | undefined = picture.data;
  // What is still owed is about the open period: the picture on screen if it is that one's, its own otherwise (once read).
  const owedCandidate: IEditablePeriodPicture | undefined = input.showOwed && openPeriod ? (openPeriod.id === periodId ? data : owedElsewhere.data) : undefined;
  const owedPicture: IEditablePeriodPicture | undefined = owedCandidate && openPeriod && owedCandidate.period.id === openPeriod.id ? owedCandidate : undefined;
  const period: IPeriod | undefined = data ? data.period : undefined;
  const locked: boolean = !!data && isPeriodLocked(data.period, data.snapshot);

  const stored = (text: string): void => {
    closePanel();
    setMessage({ kind: 'success', text });
    refresh();
  };

  const approve = async (report: Saved<IStatusReport>): Promise<void> => {
    if (!period) {
      return;
    }
    // Faults that must be fixed: approving needs a reason, asked for in a panel (the same rule the
    // repository applies, so the panel appears exactly when it would refuse).
    // The rule comes with the readiness part, fetched as the view opened (workstreamParts.tsx).
    let mustFix: boolean;
    try {
      mustFix = !!data && (await loadReadiness()).mustFixBeforeApproval(data, report.workstreamId).length > 0;
    } catch {
      setMessage({ kind: 'error', text: strings.PartLoadFailed });
      return;
    }
    if (mustFix) {
      open({ kind: 'cycle', request: { action: 'approve', report } });
      return;
    }
    setMessage(undefined);
    const outcome: SaveOutcome<unknown> = await cycleRunner.run(() => repository.transitionReport(report.id, 'approve', report.etag));
    if (outcome.ok) {
      // "Approve" is gone once the report is approved; focus goes to the workstream's heading.
      headingRef.current?.focus();
      setMessage({ kind: 'success', text: format(strings.ReportApprovedMessage, tableTitle(workstream), period.title) });
      refresh();
    } else {
      setMessage({ kind: 'error', text: describeActionError(outcome.error, 'review', period.title) });
      if (isDataError(outcome.error, 'conflict') || isDataError(outcome.error, 'notFound')) {
        refresh();
      }
    }
  };

  const reportActionFailure = (error: unknown, kind: 'milestone' | 'risk'): void => {
    setMessage({ kind: 'error', text: describeSaveError(error, kind, period ? period.title : '') });
    if (isDataError(error, 'conflict') || isDataError(error, 'notFound')) {
      refresh();
    }
  };

  const move = async (milestone: Saved<IMilestone>, delta: -1 | 1, rows: Array<Saved<IMilestone>>): Promise<void> => {
    const from: number = rows.indexOf(milestone);
    const to: number = from + delta;
    if (from < 0 || to < 0 || to >= rows.length) {
      return;
    }
    const reordered: Array<Saved<IMilestone>> = rows.slice();
    reordered.splice(from, 1);
    reordered.splice(to, 0, milestone);
    // Renumber the order 1..n and store only the rows whose place changed.
    const updates: Array<IBatchUpdate<'milestone'>> = reordered
      .map((m, i) => ({ m, order: i + 1 }))
      .filter((x) => x.m.order !== x.order)
      .map((x) => ({ id: x.m.id, changes: { order: x.order }, etag: x.m.etag }));
    setMessage(undefined);
    const outcome: SaveOutcome<unknown> = await actions.updateMany('milestone', updates);
    if (outcome.ok) {
      focusAfterReload.current = `milestone-${milestone.id}-actions`;
      setMessage({ kind: 'success', text: strings.Saved });
      refresh();
    } else {
      reportActionFailure(outcome.error, 'milestone');
    }
  };

  const closeRisk = async (risk: Saved<IRisk>): Promise<void> => {
    if (!period) {
      return;
    }
    setMessage(undefined);
    const outcome: SaveOutcome<unknown> = await actions.update('risk', risk.id, { state: 'Closed', closedPeriodId: period.id }, risk.etag);
    if (outcome.ok) {
      // The risk leaves this period's report, so focus cannot stay on its row.
      headingRef.current?.focus();
      setMessage({ kind: 'success', text: format(strings.RiskClosedMessage, period.title) });
      refresh();
    } else {
      reportActionFailure(outcome.error, 'risk');
    }
  };

  return {
    periodId,
    selectPeriod: (id: number) => {
      setMessage(undefined);
      setPeriodId(id);
      if (input.onPeriodChange) {
        input.onPeriodChange(id);
      }
    },
    picture,
    history,
    periodHistory,
    owedPicture,
    data,
    period,
    locked,
    panel,
    message,
    dismissMessage: () => setMessage(undefined),
    headingRef,
    saving: actions.saving,
    cycleBusy: cycleRunner.busy,
    refresh,
    openForm: (make: FormMaker) => open(formPanel(make)),
    openDelete: (request: IDeleteRequest) => open({ kind: 'delete', request }),
    openCycle: (request: ICycleRequest) => open({ kind: 'cycle', request }),
    switchToForm: (make: FormMaker) => setPanel(formPanel(make)),
    closePanel,
    stored,
    cycleDone: (text: string) => {
      // The button that opened the panel goes once the step is taken (the report or period has
      // moved on): focus goes to the workstream's heading, not to a button about to vanish.
      returnFocus.forget();
      stored(text);
    },
    onCycle: (action: ReportAction, report: Saved<IStatusReport>) => {
      if (action === 'approve') {
        void approve(report);
      } else {
        open({ kind: 'cycle', request: { action, report } });
      }
    },
    move: (milestone, delta, rows) => void move(milestone, delta, rows),
    closeRisk: (risk) => void closeRisk(risk)
  };
}
