/**
 * A phase's close-down writes — drafting it, its items, locking it, starting the next phase —
 * loaded when one is first asked for (README, Performance): the dashboard's first load carries
 * only the reads. Each function is the {@link PhaseRepository} method of the same name, over that
 * repository (`repo`), which calls it; nothing else imports this module statically.
 */
import { isBlank } from '../domain/text';
import {
  closeDownLockBlockers,
  draftCloseDown as draftCloseDownRows,
  type ICloseDownFinding,
  type ICloseDownItem,
  type IPhase,
  type NewCloseDownItem
} from '../domain/phases';
import { DataError, isDataError } from './errors';
import { compareIsoDates, parseUkDate } from '../domain/dates';
import { DomainValidationError } from '../domain/errors';
import { newRequestKey } from './lists';
import { BOARD_MEETING_FIELD, STEP_KEYS } from './rules';
import { fieldName, message, type FieldNameCode, type IMessage } from '../domain/messages';
import type { ICloseDownSnapshot, ISnapshotTheme } from './snapshot';
import { closeDownSnapshotRecords, makeCloseDownSnapshot } from './snapshotWrites';
import { writtenTexts } from './writtenTexts';
import { phaseOpenRisks } from '../domain/phases';
import type { IMilestone, IPeriod, IRisk } from '../domain/model';
import { periodValues, toEntity, toPeriod, toValues, toWorkstream, workstreamValues } from './mapping';
import type { Row } from './transport';
import { CLOSE_DOWN_FIELDS, fieldOf } from './fields';
import { isProgrammeOffice, type Saved } from './repository';
import {
  closeDownOrigin,
  closeDownItemValues,
  phaseAction,
  phaseRecord,
  text,
  toCloseDownItem,
  toPhase,
  type ICloseDown,
  type ICloseDownLockOptions,
  type INextPhasePlan,
  type INextPhaseResult,
  type NextPhaseField,
  type PhaseRepository,
  type RiskDecision
} from './PhaseRepository';

/** A date typed dd/mm/yyyy as a calendar date, or a validation DataError naming the field by its key. */
function dateOf(typed: string, name: FieldNameCode, key: string): string {
  try {
    return parseUkDate(typed, fieldName(name));
  } catch (e) {
    if (e instanceof DomainValidationError) {
      throw new DataError('validation', e.message, { field: key });
    }
    throw e;
  }
}

/** A close-down row's text fields and their limits, checked before anything is sent. */
function validateRow(item: Partial<NewCloseDownItem>): void {
  if (Object.prototype.hasOwnProperty.call(item, 'task') && isBlank(item.task)) {
    throw new DataError('validation', message('closeDownTaskMissing', {}, 'task'));
  }
  if (item.task !== undefined && item.task.length > 255) {
    throw new DataError('validation', message('closeDownTooLong', { field: 'task', length: item.task.length }, 'task'));
  }
  for (const key of ['themeAsWritten', 'destinationAsWritten'] as const) {
    const v: string | undefined = item[key];
    if (v !== undefined && v.length > 255) {
      throw new DataError('validation', message('closeDownTooLong', { field: key, length: v.length }, key));
    }
  }
  if (item.destination !== undefined && item.destination !== null && (fieldOf(CLOSE_DOWN_FIELDS, 'destination').rules?.choices || []).indexOf(item.destination) < 0) {
    throw new DataError('validation', message('notADestination', { value: String(item.destination) }, 'destination'));
  }
}

async function _office(repo: PhaseRepository, action: string): Promise<void> {
  if (!isProgrammeOffice(await repo._rights())) {
    throw new DataError('forbidden', message('phaseOfficeOnly', { action }));
  }
}

function _open(repo: PhaseRepository, phase: IPhase, action: string): void {
  if (phase.state === 'Closed') {
    throw new DataError('locked', message('phaseClosed', { action, phase: phase.title }));
  }
}

/**
 * Drafts the close-down from the phase's records and marks the phase closing. Refused when the
 * phase already has close-down rows (a second draft would duplicate them) or is closed.
 */
export async function draftCloseDown(repo: PhaseRepository, phaseId: number): Promise<ICloseDown> {
  const action: string = phaseAction('draft');
  await _office(repo, action);
  const current: ICloseDown = await repo.getCloseDown(phaseId);
  _open(repo, current.phase, action);
  if (current.items.length > 0) {
    throw new DataError('validation', message('closeDownExists', { phase: current.phase.title, rows: current.items.length }));
  }
  const rows: NewCloseDownItem[] = draftCloseDownRows(current.records, writtenTexts());
  if (rows.length > 0) {
    await repo._transport.createMany('closeDown', rows.map(closeDownItemValues), action);
  }
  if (current.phase.state === 'Open') {
    await repo._transport.update('phases', phaseId, { PhaseState: 'Closing' }, current.phase.etag, action);
  }
  return repo.getCloseDown(phaseId);
}

/** Adds a row to an open or closing phase's close-down. */
export async function createCloseDownItem(repo: PhaseRepository, item: NewCloseDownItem): Promise<Saved<ICloseDownItem>> {
  const action: string = phaseAction('addRow');
  validateRow({ ...item, task: item.task });
  const { records } = await repo._transport.read({ phase: { list: 'phases', id: item.phaseId } }, { action });
  if (records.phase.length === 0) {
    throw new DataError('notFound', message('noSuchPhase', { action, phaseId: item.phaseId, deleted: false }), { status: 404 });
  }
  _open(repo, toPhase(records.phase[0]), action);
  const stored: Row = await repo._transport.create('closeDown', closeDownItemValues(item), action);
  return { ...toCloseDownItem(stored), etag: stored.etag };
}

/** Changes a close-down row; refused once its phase is closed, or on someone else's change (412). */
export async function updateCloseDownItem(repo: PhaseRepository, id: number, changes: Partial<Omit<NewCloseDownItem, 'phaseId'>>, etag: string): Promise<Saved<ICloseDownItem>> {
  const action: string = phaseAction('saveRow');
  validateRow(changes);
  const { records } = await repo._transport.read({ item: { list: 'closeDown', id } }, { action });
  if (records.item.length === 0) {
    throw new DataError('notFound', message('closeDownRowGone', { action }), { status: 404 });
  }
  const phaseId: number = toCloseDownItem(records.item[0]).phaseId;
  const phase = await repo._transport.read({ phase: { list: 'phases', id: phaseId } }, { action });
  _open(repo, toPhase(phase.records.phase[0]), action);
  let stored: Row;
  try {
    stored = await repo._transport.update('closeDown', id, closeDownItemValues(changes), etag, action);
  } catch (e) {
    // Someone else saved the row meanwhile: the conflict carries the row as it now is, to compare.
    if (isDataError(e, 'conflict') && e.current) {
      const theirs: Row = e.current as Row;
      throw new DataError('conflict', e.detail || e.message, { status: e.status, current: { ...toCloseDownItem(theirs), etag: theirs.etag }, serverCode: e.serverCode, serverMessage: e.serverMessage });
    }
    throw e;
  }
  return { ...toCloseDownItem(stored), etag: stored.etag };
}

/**
 * Locks the close-down and closes the phase, as a period is locked: with the date of the Board
 * meeting it went to, and a snapshot of it as the Board saw it (in Period Snapshots, in the same
 * checksummed, versioned format as a period's), from which it is read from then on. Refused,
 * changing nothing, for a date that is not one (31/06/23), and while the readiness check finds
 * an error (an outstanding item with no destination, a completed claim with no evidence, an
 * open milestone or risk in no row, a period of the phase still open).
 */
export async function lockCloseDown(repo: PhaseRepository, phaseId: number, options: ICloseDownLockOptions): Promise<IPhase> {
  const action: string = phaseAction('lock');
  await _office(repo, action);
  const given: string = options && typeof options.boardMeetingDate === 'string' ? options.boardMeetingDate.trim() : '';
  if (given === '') {
    throw new DataError('validation', message('closeDownBoardDateMissing', {}, STEP_KEYS.boardMeetingDate));
  }
  const boardMeetingDate: string = dateOf(given, BOARD_MEETING_FIELD, STEP_KEYS.boardMeetingDate);
  const current: ICloseDown = await repo.getCloseDown(phaseId);
  _open(repo, current.phase, action);
  const blockers: ICloseDownFinding[] = closeDownLockBlockers(current.findings);
  if (blockers.length > 0) {
    throw new DataError('validation', message('closeDownBlocked', { action, count: blockers.length, first: blockers[0].message }));
  }
  const periods: IPeriod[] = current.records.periods.slice().sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id));
  if (periods.length === 0) {
    throw new DataError('validation', message('phaseNoPeriods', { action, phase: current.phase.title }));
  }
  // Every workstream a row names, of this phase or the next, as it is named now.
  const all = await repo._transport.read({ workstreams: { list: 'workstreams' } }, { action });
  const named: Set<number> = new Set<number>();
  for (const i of current.items) {
    for (const id of [i.workstreamId, i.destinationWorkstreamId]) {
      if (id !== undefined) {
        named.add(id);
      }
    }
  }
  const workstreams: ISnapshotTheme[] = all.records.workstreams
    .filter((r) => named.has(r.id))
    .map((r) => ({ id: r.id, code: text(r.values.Code) || '', title: text(r.values.Title) || '' }))
    .sort((a, b) => a.id - b.id);
  const take = (items: Array<Saved<ICloseDownItem>>): ICloseDownSnapshot => ({
    phase: { id: current.phase.id, title: current.phase.title, start: current.phase.start, end: current.phase.end, closeDownNote: current.phase.closeDownNote },
    boardMeetingDate,
    items: items.map((i) => ({ ...i })),
    workstreams
  });
  // Closed first, so that from now on the product refuses changes to its rows; then the snapshot,
  // taken again (under a new id) if a change that passed its check before the lock landed
  // meanwhile; then the phase names it. Anything failing on the way puts the phase back.
  const closed: Row = await repo._transport.update('phases', phaseId, { PhaseState: 'Closed', BoardMeetingDate: boardMeetingDate }, current.phase.etag, action);
  let done: Row;
  try {
    const lastPeriod: IPeriod = periods[periods.length - 1];
    const versions = (rows: Array<Saved<ICloseDownItem>>): string => rows.map((r) => `${r.id}:${r.etag}`).join(';');
    let items: Array<Saved<ICloseDownItem>> = current.items;
    let snapshotId: string;
    for (let attempt: number = 0; ; attempt++) {
      snapshotId = newRequestKey();
      const snapshot = await makeCloseDownSnapshot(take(items), snapshotId);
      await repo._transport.createMany('snapshots', closeDownSnapshotRecords(snapshot, phaseId, current.phase.title, lastPeriod.id, writtenTexts()), action);
      const again = await repo._transport.read({ items: { list: 'closeDown', filter: { anyOf: [{ column: 'Phase', value: phaseId }] } } }, { action });
      const now: Array<Saved<ICloseDownItem>> = again.records.items.map((r) => ({ ...toCloseDownItem(r), etag: r.etag })).sort((a, b) => a.order - b.order || a.id - b.id);
      if (versions(now) === versions(items)) {
        break;
      }
      if (attempt === 2) {
        throw new DataError('conflict', message('closeDownKeptChanging', { action }));
      }
      items = now;
    }
    done = await repo._transport.update('phases', phaseId, { CloseDownSnapshotId: snapshotId }, closed.etag, action);
  } catch (e) {
    await repo._transport.update('phases', phaseId, { PhaseState: current.phase.state, BoardMeetingDate: null }, closed.etag, action).catch(() => undefined);
    throw e;
  }
  return toPhase(done);
}

/**
 * Starts the next phase from a closed phase's close-down: the phase and its first reporting
 * period, its themes (new workstreams, or existing ones that join it), each outstanding item
 * that moves to the next phase as a milestone of its theme with a link back to its close-down
 * row (Origin), and each of the closed phase's open risks carried into a theme (a new risk
 * raised in the new period; the old one closed there, saying where it went) or closed with a
 * reason. Everything is checked before anything is written; refused unless the phase's
 * close-down is locked.
 */
export async function startNextPhase(repo: PhaseRepository, closedPhaseId: number, plan: INextPhasePlan): Promise<INextPhaseResult> {
  const action: string = phaseAction('startNext');
  await _office(repo, action);
  const closeDown: ICloseDown = await repo.getCloseDown(closedPhaseId);
  const closed: IPhase = closeDown.phase;
  if (closed.state !== 'Closed') {
    throw new DataError('validation', message('lockCloseDownFirst', { action, phase: closed.title }));
  }
  const fail = (refusal: IMessage, field?: NextPhaseField): never => {
    throw new DataError('validation', refusal, field ? { field } : {});
  };
  // Started once only: a row already carried into a milestone is not carried again.
  const toMove: ICloseDownItem[] = closeDown.items.filter((i) => i.destination === 'NextPhaseTheme');
  if (toMove.length > 0) {
    const carried = await repo._transport.read({ milestones: { list: 'milestones', filter: { anyOf: toMove.map((i) => ({ column: 'Origin', value: closeDownOrigin(closed.id, i.id) })) } } }, { action });
    if (carried.records.milestones.length > 0) {
      fail(message('closeDownCarriedAlready', { action, phase: closed.title }));
    }
  }
  const reuse: boolean = plan.existingPhaseId !== undefined;
  if (!reuse && isBlank(plan.title)) {
    fail(message('nextPhaseNoTitle', {}), 'title');
  }
  const start: string = reuse ? '' : dateOf(plan.start, 'phaseStart', 'start');
  if (isBlank(plan.period.title)) {
    fail(message('nextPeriodNoTitle', {}), 'periodTitle');
  }
  const periodStart: string = dateOf(plan.period.start, 'periodStart', 'periodStart');
  const periodEnd: string = dateOf(plan.period.end, 'periodEnd', 'periodEnd');
  if (compareIsoDates(periodEnd, periodStart) < 0) {
    fail(message('nextPeriodEndBeforeStart', { start: plan.period.start, end: plan.period.end }), 'periodEnd');
  }
  const { records, people } = await repo._transport.read({ phases: { list: 'phases' }, periods: { list: 'periods' }, workstreams: { list: 'workstreams' } }, { action, people: true });
  const chosen: Row | undefined = reuse ? records.phases.filter((r) => r.id === plan.existingPhaseId)[0] : undefined;
  if (reuse && (!chosen || toPhase(chosen).state !== 'Open' || chosen.id === closed.id)) {
    fail(message('notAnOpenPhase', { phaseId: plan.existingPhaseId as number, phase: closed.title }), 'title');
  }
  if (!reuse && records.phases.some((r) => (text(r.values.Title) || '').trim().toLowerCase() === plan.title.trim().toLowerCase())) {
    fail(message('phaseTitleTaken', { title: plan.title.trim() }), 'title');
  }
  const periods: IPeriod[] = records.periods.map(toPeriod);
  const overlap: IPeriod | undefined = periods.filter((p) => !(compareIsoDates(periodEnd, p.start) < 0 || compareIsoDates(periodStart, p.end) > 0))[0];
  if (overlap) {
    fail(message('nextPeriodOverlaps', { period: overlap.title }), 'periodStart');
  }
  if (periods.some((p) => p.title.trim().toLowerCase() === plan.period.title.trim().toLowerCase())) {
    fail(message('nextPeriodTitleTaken', { title: plan.period.title.trim() }), 'periodTitle');
  }
  const existing = records.workstreams.map((r) => toWorkstream(r, people || (() => undefined)));
  if (plan.themes.length === 0) {
    fail(message('noThemes', {}), 'themes');
  }
  const codes: string[] = existing.map((w) => w.code.trim().toLowerCase());
  plan.themes.forEach((t, i) => {
    if (t.existingId !== undefined) {
      if (!existing.some((w) => w.id === t.existingId)) {
        fail(message('themeNoWorkstream', { theme: i + 1, workstreamId: t.existingId }), 'themes');
      }
      return;
    }
    if (isBlank(t.code) || isBlank(t.title)) {
      fail(message('themeNeedsCodeAndTitle', { theme: i + 1 }), 'themes');
    }
    const code: string = (t.code as string).trim().toLowerCase();
    if (codes.indexOf(code) >= 0) {
      fail(message('themeCodeTaken', { theme: i + 1, code: (t.code as string).trim() }), 'themes');
    }
    codes.push(code);
  });
  // Where each row moving to the next phase goes.
  const placements: { [itemId: number]: number } = plan.placements || {};
  const moving: Array<{ item: ICloseDownItem; theme: number }> = [];
  for (const item of closeDown.items.filter((i) => i.destination === 'NextPhaseTheme')) {
    let theme: number | undefined = placements[item.id];
    if (theme === undefined && item.destinationWorkstreamId !== undefined) {
      const at: number = plan.themes.map((t) => t.existingId).indexOf(item.destinationWorkstreamId);
      theme = at >= 0 ? at : undefined;
    }
    if (theme === undefined || !(theme >= 0 && theme < plan.themes.length)) {
      fail(message('rowNotPlaced', { task: item.task.trim() }), 'themes');
    }
    moving.push({ item, theme: theme as number });
  }
  const decisions: { [riskId: number]: RiskDecision } = plan.risks || {};
  const openRisks: IRisk[] = phaseOpenRisks(closeDown.records);
  for (const r of openRisks) {
    const d: RiskDecision | undefined = decisions[r.id];
    if (!d || ('carryTo' in d ? !(d.carryTo >= 0 && d.carryTo < plan.themes.length) : isBlank(d.closeReason))) {
      fail(message('riskUndecided', { ...(r.number ? { number: r.number } : {}), description: r.description.trim(), phase: closed.title }), 'risks');
    }
  }

  // Checked: now written, in order.
  const phase: IPhase = chosen ? toPhase(chosen) : toPhase(await repo._transport.create('phases', phaseRecord({ title: plan.title.trim(), start, state: 'Open' }), action));
  const maxOrder: number = existing.reduce((m, w) => Math.max(m, w.order), 0);
  const workstreamIds: number[] = [];
  for (const [i, t] of plan.themes.entries()) {
    if (t.existingId !== undefined) {
      const current = records.workstreams.filter((r) => r.id === t.existingId)[0];
      await repo._transport.update('workstreams', t.existingId, { Phase: phase.id }, current.etag, action);
      workstreamIds.push(t.existingId);
    } else {
      const created: Row = await repo._transport.create(
        'workstreams',
        { ...workstreamValues({ code: (t.code as string).trim(), title: (t.title as string).trim(), description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: maxOrder + i + 1 }), Phase: phase.id },
        action
      );
      workstreamIds.push(created.id);
    }
  }
  const periodStored: Row = await repo._transport.create('periods', { ...periodValues({ title: plan.period.title.trim(), start: periodStart, end: periodEnd, state: 'Open' }), Phase: phase.id }, action);
  const period: IPeriod = toPeriod(periodStored);
  const milestones: IMilestone[] = [];
  const perTheme: { [ws: number]: number } = {};
  for (const { item, theme } of moving) {
    const ws: number = workstreamIds[theme];
    perTheme[ws] = (perTheme[ws] || 0) + 1;
    const status: string = writtenTexts().carriedMilestoneStatus({ phase: closed.title, outstanding: isBlank(item.outstanding) ? undefined : (item.outstanding as string).trim() });
    const m: Row = await repo._transport.create(
      'milestones',
      toValues('milestone', { workstreamId: ws, periodId: period.id, timing: 'ThisPeriod', number: String(perTheme[ws]), title: item.task.trim(), status, statusCategory: 'NotStarted', order: perTheme[ws], origin: closeDownOrigin(closed.id, item.id) }),
      action
    );
    milestones.push(toEntity('milestone', m, () => undefined));
  }
  const carriedRisks: IRisk[] = [];
  const closedRisks: number[] = [];
  const raisedIn: number[] = closeDown.records.periods.map((p) => p.id);
  const riskRecords: Row[] =
    openRisks.length > 0 ? (await repo._transport.read({ risks: { list: 'risks', filter: { anyOf: raisedIn.map((id) => ({ column: 'RaisedPeriod', value: id })) } } }, { action })).records.risks : [];
  for (const r of openRisks) {
    const d: RiskDecision = decisions[r.id];
    const stored = riskRecords.filter((x) => x.id === r.id)[0];
    let note: string;
    if ('carryTo' in d) {
      const ws: number = workstreamIds[d.carryTo];
      const created: Row = await repo._transport.create(
        'risks',
        toValues('risk', { workstreamId: ws, number: r.number, description: r.description, mitigation: r.mitigation, likelihood: r.likelihood, impact: r.impact, owner: r.owner, state: 'Open', raisedPeriodId: period.id, order: r.order }),
        action
      );
      carriedRisks.push(toEntity('risk', created, () => undefined));
      note = writtenTexts().riskClosedNote({ carriedInto: phase.title });
    } else {
      note = writtenTexts().riskClosedNote({ closedIn: closed.title, reason: d.closeReason.trim() });
    }
    await repo._transport.update('risks', r.id, toValues('risk', { state: 'Closed', closedPeriodId: period.id, mitigation: isBlank(r.mitigation) ? note : `${r.mitigation.trim()}\n\n${note}` }), stored ? stored.etag : '', action);
    closedRisks.push(r.id);
  }
  return { phase, period, workstreamIds, milestones, carriedRisks, closedRisks };
}
