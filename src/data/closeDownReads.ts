/**
 * The reads of a phase's close-down and of a workstream's journey across the phases (issue 16),
 * with the close-down's checks: a part of the data layer loaded when first asked for
 * ({@link PhaseRepository.getCloseDown}, {@link PhaseRepository.getJourney}), so that the first
 * load of a view that shows neither does not carry them. Over the phases' repository's transport.
 */
import { checkCloseDown, type ICloseDownInput, type ICloseDownItem, type IPhase, type IPhaseMembership } from '../domain/phases';
import { message } from '../domain/messages';
import { DataError } from './errors';
import { toEntity, toPeriod, toWorkstream } from './mapping';
import {
  closeDownOrigin,
  membershipOf,
  parseCloseDownOrigin,
  phaseAction,
  ref,
  text,
  toCloseDownItem,
  toPhase,
  type ICloseDown,
  type IJourneyRow,
  type IWorkstreamJourney,
  type PhaseRepository
} from './PhaseRepository';
import type { Saved } from './repository';
import type { ICloseDownSnapshot, ISnapshotTheme } from './snapshot';
import { preloadSnapshotPart, snapshotPart } from './snapshotPart';
import type { QuerySet, Row } from './transport';

/**
 * A workstream's journey across the phases: the phases and their periods, its rows of each
 * close-down (a locked one's from its snapshot), the themes of the next phase its outstanding items
 * went to (a row's destination theme, and milestones whose Origin names the row), and the rows of
 * earlier themes whose items came into it. Two round trips at most: the phases, periods,
 * workstreams, the close-down rows naming it and its carried milestones together; then, only when
 * there are any, the milestones carried from its rows, the rows its milestones came from, and the
 * snapshots of the locked close-downs those rows are in.
 */
export async function readJourney(phases: PhaseRepository, workstreamId: number): Promise<IWorkstreamJourney> {
  const action: string = phaseAction('readJourney');
  const { records } = await phases._transport.read(
    {
      phases: { list: 'phases' },
      periods: { list: 'periods', columns: ['Phase'] },
      workstreams: { list: 'workstreams', columns: ['Phase', 'Code', 'Title'] },
      items: { list: 'closeDown', filter: { anyOf: [{ column: 'Workstream', value: workstreamId }, { column: 'DestinationWorkstream', value: workstreamId }] } },
      carriedIn: { list: 'milestones', columns: ['Origin', 'Workstream'], filter: { anyOf: [{ column: 'Workstream', value: workstreamId }] } }
    },
    { action }
  );
  const membership: IPhaseMembership = membershipOf(records);
  const phaseById = (id: number): IPhase | undefined => membership.phases.filter((p) => p.id === id)[0];
  const snapshotIdOf: { [phaseId: number]: string } = {};
  for (const r of records.phases) {
    const sid: string | undefined = text(r.values.CloseDownSnapshotId);
    if (sid !== undefined && toPhase(r).state === 'Closed') {
      snapshotIdOf[r.id] = sid;
    }
  }
  let items: ICloseDownItem[] = records.items.map(toCloseDownItem);
  const origins: Array<{ phaseId: number; itemId: number; workstreamId: number }> = [];
  for (const m of records.carriedIn) {
    const o = parseCloseDownOrigin(text(m.values.Origin));
    if (o && ref(m.values.Workstream) === workstreamId) {
      origins.push({ ...o, workstreamId });
    }
  }
  const own: ICloseDownItem[] = items.filter((i) => i.workstreamId === workstreamId);
  const sourcePhases: number[] = origins.map((o) => o.phaseId).filter((id, i, all) => all.indexOf(id) === i && phaseById(id) !== undefined);
  const lockedPhases: number[] = [...items.map((i) => i.phaseId), ...sourcePhases].filter((id, i, all) => all.indexOf(id) === i && snapshotIdOf[id] !== undefined);
  const carriedOut: Row[] = [];
  const snapshots: { [phaseId: number]: ICloseDownSnapshot } = {};
  const more: QuerySet = {};
  if (own.length > 0) {
    more.carriedOut = { list: 'milestones', columns: ['Origin', 'Workstream'], filter: { anyOf: own.map((i) => ({ column: 'Origin', value: closeDownOrigin(i.phaseId, i.id) })) } };
  }
  if (sourcePhases.length > 0) {
    more.sources = { list: 'closeDown', filter: { anyOf: sourcePhases.map((id) => ({ column: 'Phase', value: id })) } };
  }
  if (lockedPhases.length > 0) {
    more.snapshots = { list: 'snapshots', filter: { anyOf: lockedPhases.map((id) => ({ column: 'SnapshotId', value: snapshotIdOf[id] })) } };
    preloadSnapshotPart();
  }
  if (Object.keys(more).length > 0) {
    const second = await phases._transport.read(more, { action });
    carriedOut.push(...(second.records.carriedOut || []));
    for (const r of second.records.sources || []) {
      if (!items.some((i) => i.id === r.id)) {
        items.push(toCloseDownItem(r));
      }
    }
    for (const phaseId of lockedPhases) {
      const phase: IPhase = phaseById(phaseId) as IPhase;
      const parts: Row[] = (second.records.snapshots || []).filter((r) => text(r.values.SnapshotId) === snapshotIdOf[phaseId]);
      snapshots[phaseId] = (await (await snapshotPart()).readCloseDownSnapshot(parts, snapshotIdOf[phaseId], phase.title)).closeDown;
    }
  }
  // A locked close-down's rows as the Board saw them.
  items = items.map((i) => {
    const snap: ICloseDownSnapshot | undefined = snapshots[i.phaseId];
    const kept: ICloseDownItem | undefined = snap ? snap.items.filter((x) => x.id === i.id)[0] : undefined;
    return kept ? { ...kept, sources: kept.sources || [] } : i;
  });
  for (const phaseId of Object.keys(snapshots).map(Number)) {
    for (const kept of snapshots[phaseId].items) {
      if (!items.some((i) => i.id === kept.id) && (kept.workstreamId === workstreamId || kept.destinationWorkstreamId === workstreamId)) {
        items.push(kept);
      }
    }
  }
  const carriedTo = (item: ICloseDownItem): number[] =>
    carriedOut
      .filter((m) => {
        const o = parseCloseDownOrigin(text(m.values.Origin));
        return !!o && o.phaseId === item.phaseId && o.itemId === item.id;
      })
      .map((m) => ref(m.values.Workstream) as number)
      .filter((id) => id !== undefined);
  const unique = (ids: number[]): number[] => ids.filter((id, i) => id !== workstreamId && ids.indexOf(id) === i);
  const phaseStart = (id: number): string => (phaseById(id) || { start: '' }).start;
  const byPhase = (a: IJourneyRow, b: IJourneyRow): number =>
    phaseStart(a.phaseId) < phaseStart(b.phaseId) ? -1 : phaseStart(a.phaseId) > phaseStart(b.phaseId) ? 1 : a.phaseId - b.phaseId || a.item.order - b.item.order || a.item.id - b.item.id;
  const rows: IJourneyRow[] = items
    .filter((i) => i.workstreamId === workstreamId)
    .map((item) => ({ phaseId: item.phaseId, item, wentTo: unique([...(item.destination === 'NextPhaseTheme' && item.destinationWorkstreamId !== undefined ? [item.destinationWorkstreamId] : []), ...carriedTo(item)]) }))
    .sort(byPhase);
  const cameFrom: IJourneyRow[] = items
    .filter((i) => i.workstreamId !== workstreamId && (i.destinationWorkstreamId === workstreamId || origins.some((o) => o.phaseId === i.phaseId && o.itemId === i.id)))
    .map((item) => ({ phaseId: item.phaseId, item, wentTo: [workstreamId] }))
    .sort(byPhase);
  // The themes named: as a locked close-down's snapshot names them, else as they are now.
  const named: number[] = unique([workstreamId, ...rows.reduce<number[]>((all, r) => all.concat(r.wentTo), []), ...cameFrom.map((r) => r.item.workstreamId as number)].filter((id) => id !== undefined));
  named.unshift(workstreamId);
  const themes: ISnapshotTheme[] = [];
  for (const id of named.filter((x, i) => named.indexOf(x) === i)) {
    const live: Row | undefined = records.workstreams.filter((r) => r.id === id)[0];
    const kept: ISnapshotTheme | undefined = Object.keys(snapshots)
      .map((k) => snapshots[Number(k)].workstreams.filter((w) => w.id === id)[0])
      .filter((w) => w !== undefined)[0];
    if (live) {
      themes.push({ id, code: text(live.values.Code) || '', title: text(live.values.Title) || '' });
    } else if (kept) {
      themes.push(kept);
    }
  }
  return { workstreamId, membership, rows, cameFrom, themes };
}

/** A phase's close-down: its rows in order, the phase's records and the readiness findings. */
export async function readCloseDown(phases: PhaseRepository, phaseId: number): Promise<ICloseDown> {
  const action: string = phaseAction('readCloseDown');
  const byPhase = { anyOf: [{ column: 'Phase', value: phaseId }] };
  const { records, people } = await phases._transport.read(
    { phase: { list: 'phases', id: phaseId }, periods: { list: 'periods', filter: byPhase }, workstreams: { list: 'workstreams', filter: byPhase }, items: { list: 'closeDown', filter: byPhase } },
    { action, people: true }
  );
  if (records.phase.length === 0) {
    throw new DataError('notFound', message('noSuchPhase', { action, phaseId, deleted: true }), { status: 404 });
  }
  const phase: Saved<IPhase> = { ...toPhase(records.phase[0]), etag: records.phase[0].etag };
  const periods = records.periods.map(toPeriod);
  const workstreams = records.workstreams.map((r) => toWorkstream(r, people || (() => undefined)));
  const periodIds: number[] = periods.map((p) => p.id);
  let milestones: ICloseDownInput['milestones'] = [];
  let risks: ICloseDownInput['risks'] = [];
  if (periodIds.length > 0) {
    const lookup = people || (() => undefined);
    const more = await phases._transport.read(
      {
        milestones: { list: 'milestones', filter: { anyOf: periodIds.map((id) => ({ column: 'ReportingPeriod', value: id })) } },
        risks: { list: 'risks', filter: { anyOf: periodIds.map((id) => ({ column: 'RaisedPeriod', value: id })) } }
      },
      { action }
    );
    milestones = more.records.milestones.map((r) => toEntity('milestone', r, lookup));
    risks = more.records.risks.map((r) => toEntity('risk', r, lookup));
  }
  const input: ICloseDownInput = { phase, periods, workstreams, milestones, risks };
  const snapshotId: string | undefined = text(records.phase[0].values.CloseDownSnapshotId);
  if (phase.state === 'Closed' && snapshotId !== undefined) {
    // Locked: the close-down as the Board saw it, however its rows have changed since.
    const reading = snapshotPart();
    reading.catch(() => undefined);
    const parts = await phases._transport.read({ snapshots: { list: 'snapshots', filter: { anyOf: [{ column: 'SnapshotId', value: snapshotId }] } } }, { action });
    const { closeDown, sha256 } = await (await reading).readCloseDownSnapshot(parts.records.snapshots, snapshotId, phase.title);
    return {
      phase: { ...phase, closeDownNote: closeDown.phase.closeDownNote },
      items: closeDown.items.map((i) => ({ ...i, etag: '' })).sort((a, b) => a.order - b.order || a.id - b.id),
      findings: [],
      records: input,
      snapshot: { id: snapshotId, sha256, boardMeetingDate: closeDown.boardMeetingDate, workstreams: closeDown.workstreams }
    };
  }
  const items: Array<Saved<ICloseDownItem>> = records.items
    .map((r) => ({ ...toCloseDownItem(r), etag: r.etag }))
    .sort((a, b) => a.order - b.order || a.id - b.id);
  return { phase, items, findings: checkCloseDown({ ...input, items }), records: input };
}
