/**
 * The repository's writes — saving an item, the reporting cycle's actions (submit, approve,
 * lock, reopen, a new period with its carry-forward), the programme's set-up, the paper's
 * sections, acknowledgements — loaded when a write is first asked for (README, Performance):
 * a first view reads, and its first load carries only the reads. Each function is the
 * {@link ProgrammeRepository} method of the same name, over that repository (`repo`), which
 * calls it; nothing else imports this module statically.
 */
import {
  reportingOptionsOf,
  type IProgramme,
  type IReportingOptions,
  type IPeriod,
  type IPerson,
  type IMilestone,
  type IPeriodPicture,
  type IStatusReport,
  type IWorkstream,
  type IIibFeedback,
  type StatusReportState
} from '../domain/model';
import { DomainValidationError } from '../domain/errors';
import { compareIsoDates, parseUkDate } from '../domain/dates';
import { isBlank } from '../domain/text';
import { parseOutcomes } from '../domain/richText';
import { sortPeriods } from '../domain/periods';
import { checkText, submitBlockers, validateClosingNoteInput, validateOverviewInput, validateResponseInput } from '../domain/validation';
import {
  applyAcknowledgements,
  checkAcknowledgementReason,
  checkReadiness,
  findingKey,
  isFindingKeyOf,
  mayAcknowledge,
  type IReadinessAcknowledgement,
  mustFixBeforeApproval,
  mustFixFindings,
  type IReadinessFinding
} from '../domain/readiness';
import { checkSectionName, sectionKeyFor } from '../domain/sections';
import { fieldName, message, wordOf, type CycleDoing } from '../domain/messages';
import { acknowledgementRecord } from './acknowledgements';
import { DataError, isDataError } from './errors';
import { newRequestKey, REQUEST_KEY } from './lists';
import {
  periodValues,
  programmeValues,
  toEntity,
  toPeriod,
  toProgramme,
  toValues,
  toWorkstream,
  workstreamValues,
  type PeopleLookup
} from './mapping';
import { assemblePicture, pictureQueries } from './picture';
import {
  ENTITY_LISTS,
  type EntityChanges,
  type EntityKind,
  type ICreateOptions,
  type ICurrentUser,
  type IEditablePeriodPicture,
  type IEntities,
  type ILockOptions,
  type IOverviewChanges,
  type INewPeriod,
  type IProgrammeDetails,
  type IWorkstreamInput,
  type ListKey,
  type NewEntity,
  type ReportTransition,
  type Saved,
  type UserRights,
  isProgrammeOffice
} from './repository';
import {
  assertFeedbackNotClosed,
  assertMayAcknowledgeFindings,
  assertFeedbackPeriodOpen,
  assertMayChangeFeedback,
  assertMayClose,
  assertMayRecordFeedback,
  assertMayRespond,
  assertMaySetUpProgramme,
  assertMaySponsor,
  assertMayWritePeriodSections,
  assertFeedbackOnRecord,
  assertPeriodOpen,
  assertReportEditable,
  BOARD_MEETING_FIELD,
  DUPLICATE_CODE,
  nextReportState,
  OVERRIDE_FIELD,
  STEP_KEYS,
  workstreamFaults
} from './rules';
import {
  DEFINITIONS_QUERY,
  definitionValues,
  periodTextsQuery,
  sectionsFrom,
  sectionTextRecord,
  toSectionDefinition,
  type IEditablePeriodSection,
  type ISavedSectionDefinition
} from './sections';
import type { SnapshotRecord } from './snapshot';
import { lockRecords, makeSnapshot } from './snapshotWrites';
import { writtenTexts } from './writtenTexts';
import type { ListWrite, QuerySet, Row, RowValues, WriteOutcome } from './transport';
import { validateEntity } from './validation';
import { checkFields, HISTORY_FIELDS, PROGRAMME_FIELDS, WORKSTREAM_FIELDS, writeFields, type HistoryRow, type WorkstreamRow } from './fields';
import { FIXED, PERIODS_READ, recordAction, withOpenOverviews, type ProgrammeRepository } from './ProgrammeRepository';

/** What one of the cycle's writes is doing, in the installed words, for its failure's message ("Could not lock the period: …"). */
function cycleAction(doing: CycleDoing): string {
  return wordOf(message('cycleAction', { doing }));
}

/** An item a multi-step write made, to be removed if the whole does not complete. */
interface IWritten {
  list: ListKey;
  id: number;
  etag: string;
}

/** The refusal of an approval or a lock over must-fix findings: what they are, and the way on. */
function mustFixRefusal(refused: { doing: 'approve'; action: string } | { doing: 'lock'; period: string }, findings: IReadinessFinding[]): DataError {
  return new DataError('validation', message('mustFixFirst', { ...refused, findings: findings.map((f) => f.message) }, STEP_KEYS.overrideReason));
}

/** Records of a period's own, that its lock freezes (risks live on; IIB feedback may follow the Board). */
const PERIOD_RECORDS: ReadonlyArray<EntityKind> = ['statusReport', 'sponsorComment', 'milestone'];

/** Runs a domain check, giving its refusal as a validation DataError naming the field. */
function asDataError<T>(check: () => T, key?: string): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof DomainValidationError) {
      throw new DataError('validation', e.message, { field: key || e.field });
    }
    throw e;
  }
}

/** The challenge log's own fields, which only Respond and Close write. */
const FEEDBACK_WORKFLOW: ReadonlyArray<string> = ['response', 'respondedBy', 'respondedAt', 'closedBy', 'closedAt', 'closingNote'];

/** A programme with nothing in it, to build records from. */
const EMPTY_PROGRAMME: IProgramme = { title: '', organisation: '', board: '', ragKeyIntroduction: '', ragDefinitions: [] };

/** The creates of a lock's snapshot records. */
function snapshotWrites(records: SnapshotRecord[]): ListWrite[] {
  return records.map((r): ListWrite => ({ op: 'create', list: 'snapshots', record: r }));
}

/** Every item of a picture with its ETag: equal only if nothing in it changed. */
function versionsOf(picture: IEditablePeriodPicture): string {
  const tagged = (kind: string, items: Array<{ id: number; etag: string }>): string[] => items.map((i) => `${kind}${i.id}=${i.etag}`);
  return [
    ...tagged('r', picture.statusReports),
    ...tagged('c', picture.sponsorComments),
    ...tagged('m', picture.milestones),
    ...tagged('k', picture.risks),
    ...tagged('f', picture.feedback)
  ]
    .sort()
    .join(';');
}

/** Notes the items the writes made (those done) in `into`. */
function noteWritten(into: IWritten[], outcomes: WriteOutcome[], list: ListKey): void {
  for (const o of outcomes) {
    if (o.done && o.record) {
      into.push({ list, id: o.record.id, etag: o.record.etag || '*' });
    }
  }
}

/** The Period History entry recording that the programme office went ahead over must-fix findings, and why. */
function overrideEntry(periodId: number, title: string, reason: string, findings: IReadinessFinding[]): RowValues {
  return writeFields<HistoryRow>(HISTORY_FIELDS, {
    title: title.slice(0, 255),
    periodId,
    action: 'Overridden',
    reason: `${reason.trim()}\n\nOverridden: ${findings.map((f) => f.message).join(' ')}`.slice(0, 63999)
  });
}

function randomId(): string {
  const c: { randomUUID?: () => string } | undefined = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c && c.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** A report's state in the words the dashboard uses for it. */

/** The repository over a transport. */
/** What a write must know to be checked: the periods, the item as it is, its workstream, who and their rights. */
async function _writeContext(
  repo: ProgrammeRepository,
  kind: EntityKind,
  action: string,
  id?: number,
  workstreamId?: number,
  withWorkstream: boolean = false
): Promise<{
  periods: IPeriod[];
  current?: Row;
  workstream?: IWorkstream;
  user: ICurrentUser;
  rights: UserRights;
  people: PeopleLookup;
  reporting?: IReportingOptions;
}> {
  const queries: QuerySet = { ...PERIODS_READ };
  // What a status report needs depends on what the programme reports (its options): read in
  // the same round trip.
  if (kind === 'statusReport') {
    queries.programme = { list: 'programme' };
  }
  if (id !== undefined) {
    queries.current = { list: ENTITY_LISTS[kind], id };
  }
  // A sponsor's rights depend on the workstream; a new status report is titled by it.
  if (withWorkstream || kind === 'sponsorComment' || (kind === 'statusReport' && id === undefined)) {
    queries.workstreams = { list: 'workstreams' };
  }
  const [read, user, rights] = await Promise.all([repo._transport.read(queries, { people: true, action }), repo.getCurrentUser(), repo.getRights()]);
  withOpenOverviews(read.records);
  const periods: IPeriod[] = sortPeriods(read.records.periods.map(toPeriod));
  repo._periods = periods;
  const current: Row | undefined = read.records.current ? read.records.current[0] : undefined;
  if (id !== undefined && !current) {
    throw new DataError('notFound', message('recordGone', { action }), { status: 404 });
  }
  const wsId: number | undefined = workstreamId !== undefined ? workstreamId : current ? Number(current.values.Workstream) : undefined;
  const workstream: IWorkstream | undefined =
    read.records.workstreams && wsId !== undefined
      ? read.records.workstreams.map((r) => toWorkstream(r, read.people as PeopleLookup)).filter((w) => w.id === wsId)[0]
      : undefined;
  const reporting: IReportingOptions | undefined = read.records.programme ? reportingOptionsOf(toProgramme(read.records.programme[0], [])) : undefined;
  return { periods, current, workstream, user, rights, people: read.people as PeopleLookup, reporting };
}

/** The rules every write of an entity must pass; `periodIds` are the periods it is in and will be in. */
function _check(repo: ProgrammeRepository, kind: EntityKind, ctx: { periods: IPeriod[]; workstream?: IWorkstream; user: ICurrentUser; rights: UserRights }, periodIds: Array<number | undefined>): void {
  if (PERIOD_RECORDS.indexOf(kind) >= 0) {
    for (const pid of periodIds) {
      if (pid !== undefined) {
        assertPeriodOpen(ctx.periods.filter((p) => p.id === pid)[0], kind);
      }
    }
  }
  if (kind === 'sponsorComment') {
    assertMaySponsor(ctx.user, ctx.workstream, ctx.rights);
  }
}

/**
 * A new status report's Title, "GOV – November/December 2023": what SharePoint's own list views
 * and forms show for the item (the seeded reports read the same).
 */
function _titleOf(repo: ProgrammeRepository, kind: EntityKind, ctx: { periods: IPeriod[]; workstream?: IWorkstream }, periodId: number | undefined): RowValues {
  if (kind !== 'statusReport' || !ctx.workstream) {
    return {};
  }
  const period: IPeriod | undefined = ctx.periods.filter((p) => p.id === periodId)[0];
  return { Title: period ? `${ctx.workstream.code} – ${period.title}` : ctx.workstream.code };
}

export async function create<K extends EntityKind>(repo: ProgrammeRepository, kind: K, value: NewEntity<K>, options: ICreateOptions = {}): Promise<Saved<IEntities[K]>> {
  validateEntity(kind, value);
  const action: string = recordAction('save', kind);
  const v = value as { periodId?: number; workstreamId: number; state?: StatusReportState };
  const ctx = await _writeContext(repo, kind, action, undefined, v.workstreamId);
  _check(repo, kind, ctx, [v.periodId]);
  if (kind === 'feedback') {
    assertMayRecordFeedback(ctx.rights);
    _checkNewFeedback(repo, value as NewEntity<'feedback'>, ctx.periods);
  }
  if (kind === 'statusReport' && v.state && v.state !== 'Draft') {
    assertReportEditable(v.state, ctx.rights);
  }
  const list: ListKey = ENTITY_LISTS[kind];
  const key: string = options.requestKey === undefined ? newRequestKey() : options.requestKey;
  if (key === '' || key.length > 64) {
    throw new Error(wordOf(message('requestKeyLength', { length: key.length })));
  }
  let stored: Row;
  try {
    stored = await repo._transport.create(list, { ...toValues(kind, value), ..._titleOf(repo, kind, ctx, v.periodId), [REQUEST_KEY]: key }, action);
  } catch (e) {
    const earlier: Row | undefined = await _createdEarlier(repo, list, key, e, action);
    if (!earlier) {
      throw e;
    }
    stored = earlier;
  }
  return repo._saved(kind, stored, ctx.people);
}

/**
 * After a failed create, the item an earlier attempt with the same key made, if there is one:
 * the answer to that attempt was lost, and SharePoint now refuses the key as a duplicate value.
 */
async function _createdEarlier(repo: ProgrammeRepository, list: ListKey, key: string, failure: unknown, action: string): Promise<Row | undefined> {
  // A duplicate key is a 400 from SharePoint REST and a 409 (a conflict) from Graph.
  if (!isDataError(failure) || ['validation', 'conflict', 'unknown', 'network'].indexOf(failure.kind) < 0) {
    return undefined;
  }
  try {
    const { records } = await repo._transport.read({ made: { list, filter: { anyOf: [{ column: REQUEST_KEY, value: key }] } } }, { action });
    return records.made[0];
  } catch {
    return undefined;
  }
}

export async function update<K extends EntityKind>(repo: ProgrammeRepository, kind: K, id: number, changes: EntityChanges<K>, etag: string): Promise<Saved<IEntities[K]>> {
  validateEntity(kind, changes, true);
  const action: string = recordAction('save', kind);
  const ctx = await _writeContext(repo, kind, action, id);
  const current = toEntity(kind, ctx.current as Row, ctx.people) as { periodId?: number; state?: StatusReportState };
  const next = changes as { periodId?: number; state?: StatusReportState };
  _check(repo, kind, ctx, [current.periodId, next.periodId]);
  if (kind === 'feedback') {
    assertMayChangeFeedback(ctx.user, current as { author?: { id?: number; name: string } }, ctx.rights);
    assertFeedbackNotClosed(current as { closedAt?: string });
    assertFeedbackOnRecord(ctx.periods.filter((p) => p.id === current.periodId)[0], 'change');
    const outside: string[] = FEEDBACK_WORKFLOW.filter((k) => (changes as { [key: string]: unknown })[k] !== undefined);
    if (outside.length > 0) {
      throw new DataError('validation', message('workflowNotByEditing', {}, 'response'));
    }
  }
  if (kind === 'statusReport') {
    if (next.state !== undefined && next.state !== current.state) {
      throw new DataError('validation', message('stateNotByEditing', {}, 'state'));
    }
    assertReportEditable(current.state as StatusReportState, ctx.rights);
  }
  return _write(repo, kind, id, toValues(kind, changes), etag, action, ctx.people);
}

async function _write<K extends EntityKind>(repo: ProgrammeRepository, kind: K, id: number, record: RowValues, etag: string, action: string, people: PeopleLookup): Promise<Saved<IEntities[K]>> {
  try {
    return repo._saved(kind, await repo._transport.update(ENTITY_LISTS[kind], id, record, etag, action), people);
  } catch (e) {
    throw _withCurrent(repo, kind, e, people);
  }
}

/** A conflict's current version, as a domain object the user can compare with theirs. */
function _withCurrent(repo: ProgrammeRepository, kind: EntityKind, e: unknown, people: PeopleLookup): unknown {
  if (isDataError(e, 'conflict') && e.current) {
    return new DataError('conflict', e.detail || e.message, { status: e.status, current: repo._saved(kind, e.current as Row, people), serverCode: e.serverCode, serverMessage: e.serverMessage });
  }
  return e;
}

export async function remove(repo: ProgrammeRepository, kind: EntityKind, id: number, etag: string): Promise<void> {
  const action: string = recordAction('delete', kind);
  const ctx = await _writeContext(repo, kind, action, id);
  const current = toEntity(kind, ctx.current as Row, ctx.people) as { periodId?: number; state?: StatusReportState };
  _check(repo, kind, ctx, [current.periodId]);
  if (kind === 'feedback') {
    assertMayChangeFeedback(ctx.user, current as { author?: { id?: number; name: string } }, ctx.rights);
    // A closed challenge stays on record as it was closed; a locked period's, as it went to the Board.
    assertFeedbackNotClosed(current as { closedAt?: string });
    assertFeedbackOnRecord(ctx.periods.filter((p) => p.id === current.periodId)[0], 'delete');
  }
  if (kind === 'statusReport') {
    assertReportEditable(current.state as StatusReportState, ctx.rights);
  }
  try {
    await repo._transport.remove(ENTITY_LISTS[kind], id, etag, action);
  } catch (e) {
    throw _withCurrent(repo, kind, e, ctx.people);
  }
}

/** The rules of a new challenge or feedback: an open period's log, about an earlier period if any, no response yet. */
function _checkNewFeedback(repo: ProgrammeRepository, value: NewEntity<'feedback'>, periods: IPeriod[]): void {
  const period: IPeriod | undefined = periods.filter((p) => p.id === value.periodId)[0];
  assertFeedbackPeriodOpen(period);
  if (FEEDBACK_WORKFLOW.some((k) => (value as { [key: string]: unknown })[k] !== undefined)) {
    throw new DataError('validation', message('newChallengeAnswered', {}, 'response'));
  }
  if (value.aboutPeriodId !== undefined) {
    const about: IPeriod | undefined = periods.filter((p) => p.id === value.aboutPeriodId)[0];
    if (!about) {
      throw new DataError('validation', message('noAboutPeriod', { periodId: Number(value.aboutPeriodId) }, 'aboutPeriodId'));
    }
    if (about.id === value.periodId || (period && compareIsoDates(about.start, period.start) >= 0)) {
      throw new DataError('validation', message('aboutEarlierPeriod', { period: about.title }, 'aboutPeriodId'));
    }
  }
}

export async function respondToChallenge(repo: ProgrammeRepository, id: number, response: string, etag: string): Promise<Saved<IIibFeedback>> {
  const action: string = cycleAction('saveResponse');
  const bad = validateResponseInput(response)[0];
  if (bad) {
    throw new DataError('validation', bad.message, { field: bad.key || bad.field });
  }
  const ctx = await _writeContext(repo, 'feedback', action, id, undefined, true);
  const current: IIibFeedback = toEntity('feedback', ctx.current as Row, ctx.people);
  assertMayRespond(ctx.user, current, ctx.workstream);
  return _write(repo, 
    'feedback',
    id,
    { Response: response, RespondedBy: ctx.user.id, RespondedAt: repo.now() },
    etag,
    action,
    ctx.people
  );
}

export async function closeChallenge(repo: ProgrammeRepository, id: number, note: string | undefined, etag: string): Promise<Saved<IIibFeedback>> {
  const action: string = cycleAction('closeChallenge');
  const bad = validateClosingNoteInput(note)[0];
  if (bad) {
    throw new DataError('validation', bad.message, { field: bad.key || bad.field });
  }
  const ctx = await _writeContext(repo, 'feedback', action, id);
  const current: IIibFeedback = toEntity('feedback', ctx.current as Row, ctx.people);
  assertMayClose(current, ctx.rights);
  return _write(repo, 
    'feedback',
    id,
    { ClosedBy: ctx.user.id, ClosedAt: repo.now(), ClosingNote: isBlank(note) ? null : (note as string) },
    etag,
    action,
    ctx.people
  );
}

export async function updateOverview(repo: ProgrammeRepository, periodId: number, changes: IOverviewChanges, etag: string): Promise<Saved<IPeriod>> {
  const action: string = cycleAction('saveOverview');
  const bad = validateOverviewInput({ overview: changes.overview, overviewAuthor: changes.overviewAuthor, overallRag: changes.overallRag })[0];
  if (bad) {
    throw new DataError('validation', bad.message, { field: bad.key || bad.field });
  }
  const rights: UserRights = await repo.getRights();
  if (!isProgrammeOffice(rights)) {
    throw new DataError('forbidden', message('overviewForbidden', {}), { code: 'notProgrammeOffice' });
  }
  const record: Row = await repo._periodRecord(periodId, action);
  assertPeriodOpen(toPeriod(record), 'overview');
  let written: Row;
  try {
    written = await repo._transport.update(
      'periods',
      periodId,
      periodValues({ overview: changes.overview, overviewAuthor: isBlank(changes.overviewAuthor) ? undefined : (changes.overviewAuthor as string).trim(), overallRag: changes.overallRag }),
      etag,
      action
    );
  } catch (e) {
    if (isDataError(e, 'conflict') && e.current) {
      const theirs: Row = e.current as Row;
      throw new DataError('conflict', e.detail || e.message, { status: e.status, current: { ...toPeriod(theirs), etag: theirs.etag }, serverCode: e.serverCode, serverMessage: e.serverMessage });
    }
    throw e;
  }
  await repo.getPeriods();
  return { ...toPeriod(written), etag: written.etag };
}

export async function transitionReport(repo: ProgrammeRepository, id: number, transition: ReportTransition, etag: string, reason?: string): Promise<Saved<IStatusReport>> {
  const action: string = cycleAction(transition === 'return' ? 'returnReport' : transition === 'approve' ? 'approveReport' : 'submitReport');
  const ctx = await _writeContext(repo, 'statusReport', action, id);
  const current: IStatusReport = toEntity('statusReport', ctx.current as Row, ctx.people);
  _check(repo, 'statusReport', ctx, [current.periodId]);
  const state: StatusReportState = nextReportState(current.state, transition, ctx.rights, reason);
  if (transition === 'submit') {
    const missing = submitBlockers(current, ctx.reporting);
    if (missing.length > 0) {
      throw new DataError('validation', message('submitBlocked', { faults: missing.map((m) => m.message) }), { field: missing[0].key || missing[0].field });
    }
  }
  if (reason !== undefined) {
    const bad = checkText(fieldName(transition === 'approve' ? OVERRIDE_FIELD : 'returnReason'), reason);
    if (bad) {
      throw new DataError('validation', bad.message, { field: transition === 'approve' ? STEP_KEYS.overrideReason : STEP_KEYS.returnReason });
    }
  }
  const overridden: IReadinessFinding[] = transition === 'approve' ? await _mustFix(repo, current, reason, action) : [];
  const changes: Partial<IStatusReport> = { state, returnReason: transition === 'return' ? reason : undefined };
  const written: Saved<IStatusReport> = await _write(repo, 'statusReport', id, toValues('statusReport', changes), etag, action, ctx.people);
  if (overridden.length > 0) {
    const period: IPeriod | undefined = (repo._periods || []).filter((p) => p.id === current.periodId)[0];
    try {
      await _recordOverride(repo, current.periodId, wordOf(message('historyApprovedOver', { period: period ? period.title : undefined })), reason as string, overridden, action);
    } catch (e) {
      // The approval stands only with its record: put the report back as it was.
      await repo._transport.update('statusReports', id, toValues('statusReport', { state: current.state }), written.etag, action).catch(() => undefined);
      throw e;
    }
  }
  return written;
}

/**
 * The must-fix findings an approval would go over. Refuses the approval when there are some
 * and no reason was given; returns them (to be recorded) when a reason was.
 */
async function _mustFix(repo: ProgrammeRepository, report: IStatusReport, reason: string | undefined, action: string): Promise<IReadinessFinding[]> {
  const picture: IPeriodPicture = await repo._livePicture(report.periodId, { workstreamId: report.workstreamId });
  const findings: IReadinessFinding[] = mustFixBeforeApproval(picture, report.workstreamId);
  if (findings.length > 0 && isBlank(reason)) {
    throw mustFixRefusal({ doing: 'approve', action }, findings);
  }
  return findings;
}

/** Records in Period History that the programme office went ahead over must-fix findings, and why. */
async function _recordOverride(repo: ProgrammeRepository, periodId: number, title: string, reason: string, findings: IReadinessFinding[], action: string): Promise<void> {
  await repo._transport.create('history', overrideEntry(periodId, title, reason, findings), action);
}

/**
 * Sets up or changes the programme's details and what it reports (the programme office only).
 * On a site with no programme yet it creates the Programme item and, when the RAG key is empty,
 * the default definitions of the levels; otherwise it changes the item against its ETag, so a
 * change someone made meanwhile is refused as a conflict, never overwritten.
 * @param etag - the ETag the programme was read with; none for a site with no programme.
 */
export async function saveProgramme(repo: ProgrammeRepository, details: IProgrammeDetails, etag?: string): Promise<Saved<IProgramme>> {
  const action: string = cycleAction('saveProgramme');
  const rights: UserRights = await repo.getRights();
  if (!isProgrammeOffice(rights) || !rights.programme.edit) {
    throw new DataError('forbidden', message('programmeForbidden', {}));
  }
  // The details as the Programme list's field table checks them (its title, organisation, board and RAG key's introduction).
  const bad = checkFields(PROGRAMME_FIELDS, { title: details.title, organisation: details.organisation, board: details.board, ragKeyIntroduction: details.ragKeyIntroduction }, true)[0];
  if (bad) {
    throw new DataError('validation', bad.message, { field: bad.key || bad.field });
  }
  const { records } = await repo._transport.read({ programme: { list: 'programme' }, ragDefinitions: { list: 'ragDefinitions' } }, { action });
  const existing: Row | undefined = records.programme[0];
  // What the caller did not give keeps its saved value (a new programme's is empty, or reported):
  // saving the title alone never wipes the board, the RAG key's introduction or the options.
  const saved: IProgramme | undefined = existing ? toProgramme(existing, records.ragDefinitions) : undefined;
  const given: Partial<IReportingOptions> = {};
  for (const [key, value] of Object.entries(details.reporting || {}) as Array<[keyof IReportingOptions, unknown]>) {
    if (value !== undefined && value !== null) {
      (given as Record<string, unknown>)[key] = value;
    }
  }
  const reporting: IReportingOptions = reportingOptionsOf({ reporting: { ...reportingOptionsOf(saved), ...given } });
  const kept = (value: string | undefined, was: string | undefined): string => (value === undefined ? was || '' : value);
  const { programme: record } = programmeValues({
    title: details.title.trim(),
    organisation: kept(details.organisation, saved && saved.organisation).trim(),
    board: kept(details.board, saved && saved.board).trim(),
    ragKeyIntroduction: kept(details.ragKeyIntroduction, saved && saved.ragKeyIntroduction),
    ragDefinitions: [],
    reporting
  });
  let written: Row;
  let definitions: Row[] = records.ragDefinitions;
  if (existing) {
    if (etag === undefined) {
      throw new DataError('validation', message('programmeSetUpAlready', {}));
    }
    try {
      written = await repo._transport.update('programme', existing.id, record, etag, action);
    } catch (e) {
      // Someone saved the programme first: their version, as the domain's, to show beside the user's.
      throw _sectionConflict(repo, e, (r: Row) => ({ ...toProgramme(r, records.ragDefinitions), etag: r.etag }));
    }
  } else {
    written = await repo._transport.create('programme', record, action);
    if (records.ragDefinitions.length === 0) {
      // A new programme's RAG key is the default one, as stored.
      const made: Row[] = [];
      for (const d of programmeValues({ ...EMPTY_PROGRAMME, ragDefinitions: [...writtenTexts().defaultRagDefinitions] }).definitions) {
        made.push(await repo._transport.create('ragDefinitions', d, action));
      }
      definitions = made;
    }
  }
  return { ...toProgramme({ ...written, values: { ...record, ...written.values } }, definitions), etag: written.etag };
}

export async function saveWorkstream(repo: ProgrammeRepository, input: IWorkstreamInput, id?: number, etag?: string): Promise<Saved<IWorkstream>> {
  const action: string = cycleAction(id === undefined ? 'addWorkstream' : 'saveWorkstream');
  assertMaySetUpProgramme(await repo.getRights(), action);
  const { records, people } = await repo._transport.read({ workstreams: { list: 'workstreams' } }, { people: true, action });
  const lookup: PeopleLookup = people as PeopleLookup;
  const all: Array<Saved<IWorkstream>> = repo._savedWorkstreams(records.workstreams, lookup);
  const current: Saved<IWorkstream> | undefined = id === undefined ? undefined : all.filter((w) => w.id === id)[0];
  if (id !== undefined && !current) {
    throw new DataError('notFound', message('recordGone', { action }), { status: 404 });
  }
  const faults = workstreamFaults(input, all.filter((w) => w.id !== id));
  if (faults.length > 0) {
    throw new DataError('validation', faults.map((f) => f.message).join(' '), { field: faults[0].key || faults[0].field, code: faults[0].detail && faults[0].detail.code === 'codeTaken' ? DUPLICATE_CODE : undefined });
  }
  const chosen = (ids: number[] | undefined, key: 'sponsor' | 'projectManagers' | 'pmoSupport'): IPerson[] =>
    (ids || []).map((pid) => {
      const p: IPerson | undefined = lookup(pid);
      if (!p) {
        throw new DataError('validation', message('personNotOnSite', { field: key, person: pid }, key));
      }
      return p;
    });
  const sponsor: IPerson[] = chosen(input.sponsorId === undefined ? [] : [input.sponsorId], 'sponsor');
  const value: Omit<IWorkstream, 'id'> = {
    code: input.code.trim(),
    title: input.title.trim(),
    shortTitle: isBlank(input.shortTitle) ? undefined : (input.shortTitle as string).trim(),
    description: (input.description || '').trim(),
    outcomes: parseOutcomes(input.outcomes || ''),
    sponsor: sponsor[0],
    projectManagers: chosen(input.projectManagerIds, 'projectManagers'),
    pmoSupport: chosen(input.pmoSupportIds, 'pmoSupport'),
    agreedCompletionAsWritten: current ? current.agreedCompletionAsWritten : undefined,
    forecastCompletionAsWritten: current ? current.forecastCompletionAsWritten : undefined,
    order: current ? current.order : all.reduce((max, w) => Math.max(max, w.order), 0) + 1,
    retired: current ? current.retired : undefined
  };
  const record: RowValues = workstreamValues(value);
  let written: Row;
  try {
    if (current) {
      if (etag === undefined) {
        throw new DataError('validation', message('reloadAndRetry', { action }));
      }
      written = await repo._transport.update('workstreams', current.id, record, etag, action);
    } else {
      written = await repo._transport.create('workstreams', record, action);
    }
  } catch (e) {
    throw _workstreamFailure(repo, e, value.code, lookup);
  }
  return { ...toWorkstream(written, lookup), etag: written.etag };
}

/** A write's failure in the form's words: a conflict carries the workstream as it now is; a duplicate code names the field. */
function _workstreamFailure(repo: ProgrammeRepository, e: unknown, code: string, people: PeopleLookup): unknown {
  if (isDataError(e) && e.kind === 'conflict' && e.current) {
    const current: Row = e.current as Row;
    return new DataError('conflict', e.detail || e.message, { status: e.status, current: { ...toWorkstream(current, people), etag: current.etag }, serverCode: e.serverCode, serverMessage: e.serverMessage });
  }
  // Someone added the same code meanwhile: the list's unique Code column refuses the second.
  if (isDataError(e) && /duplicate/i.test(`${e.serverCode || ''} ${e.serverMessage || ''} ${e.message}`)) {
    return new DataError('validation', message('codeTakenMeanwhile', { code }, 'code'), { code: DUPLICATE_CODE });
  }
  return e;
}

export async function moveWorkstream(repo: ProgrammeRepository, id: number, direction: 'up' | 'down'): Promise<Array<Saved<IWorkstream>>> {
  const action: string = cycleAction('moveWorkstream');
  assertMaySetUpProgramme(await repo.getRights(), action);
  const { records, people } = await repo._transport.read({ workstreams: { list: 'workstreams' } }, { people: true, action });
  const all: Array<Saved<IWorkstream>> = repo._savedWorkstreams(records.workstreams, people as PeopleLookup);
  const at: number = all.map((w) => w.id).indexOf(id);
  if (at < 0) {
    throw new DataError('notFound', message('recordGone', { action }), { status: 404 });
  }
  const to: number = direction === 'up' ? at - 1 : at + 1;
  if (to < 0 || to >= all.length) {
    throw new DataError('validation', message('alreadyAtEnd', { action, workstream: all[at].code, end: direction === 'up' ? 'first' : 'last' }));
  }
  const order: Array<Saved<IWorkstream>> = all.slice();
  order.splice(to, 0, order.splice(at, 1)[0]);
  // Orders 1, 2, 3…: only the workstreams whose place number changes are written.
  for (let i: number = 0; i < order.length; i++) {
    if (order[i].order !== i + 1) {
      const written: Row = await repo._transport.update('workstreams', order[i].id, writeFields<WorkstreamRow>(WORKSTREAM_FIELDS, { order: i + 1 }), order[i].etag, action);
      order[i] = { ...order[i], order: i + 1, etag: written.etag };
    }
  }
  return order;
}

export async function setWorkstreamRetired(repo: ProgrammeRepository, id: number, retired: boolean, etag: string): Promise<Saved<IWorkstream>> {
  const action: string = cycleAction(retired ? 'retireWorkstream' : 'restoreWorkstream');
  assertMaySetUpProgramme(await repo.getRights(), action);
  const { records, people } = await repo._transport.read({ workstreams: { list: 'workstreams', id } }, { people: true, action });
  if (records.workstreams.length === 0) {
    throw new DataError('notFound', message('recordGone', { action }), { status: 404 });
  }
  try {
    const written: Row = await repo._transport.update('workstreams', id, writeFields<WorkstreamRow>(WORKSTREAM_FIELDS, { retired }), etag, action);
    return { ...toWorkstream(written, people as PeopleLookup), etag: written.etag };
  } catch (e) {
    throw _workstreamFailure(repo, e, '', people as PeopleLookup);
  }
}

export async function createPeriod(repo: ProgrammeRepository, input: INewPeriod): Promise<IPeriod> {
  const action: string = cycleAction('setUpPeriod');
  // The rights and the periods are asked for together (one round trip where the transport
  // batches a turn's reads).
  const asking: Promise<UserRights> = repo.getRights();
  const reading: Promise<IPeriod[]> = repo.getPeriods();
  reading.catch(() => undefined);
  const rights: UserRights = await asking;
  if (!rights.periods.add) {
    throw new DataError('forbidden', message('periodSetUpForbidden', {}));
  }
  const bad = checkText('Period', input.title, { required: true, maxLength: 255 });
  if (bad) {
    throw new DataError('validation', bad.message, { field: 'title' });
  }
  const start: string = asDataError(() => parseUkDate(input.start, 'Start'), 'start');
  const end: string = asDataError(() => parseUkDate(input.end, 'End'), 'end');
  if (compareIsoDates(end, start) < 0) {
    throw new DataError('validation', message('periodEndBeforeStart', { start: input.start, end: input.end }, 'end'));
  }
  const periods: IPeriod[] = await reading;
  const overlap: IPeriod | undefined = periods.filter((p) => !(compareIsoDates(end, p.start) < 0 || compareIsoDates(start, p.end) > 0))[0];
  if (overlap) {
    throw new DataError('validation', message('periodOverlaps', { period: overlap.title }, 'start'));
  }
  if (periods.some((p) => p.title.trim().toLowerCase() === input.title.trim().toLowerCase())) {
    throw new DataError('validation', message('periodTitleTaken', { title: input.title }, 'title'));
  }
  // What the last period planned for the next is read alongside the create: it does not wait for it.
  const planning: Promise<IMilestone[]> | undefined = _plannedFrom(repo, periods, start);
  if (planning) {
    planning.catch(() => undefined);
  }
  const stored: Row = await repo._transport.create('periods', periodValues({ title: input.title.trim(), start, end, state: 'Open' }), action);
  const created: IPeriod = toPeriod(stored);
  if (planning) {
    await _carryForward(repo, created, periods, planning);
  }
  repo._knownAs(created);
  return created;
}

/**
 * The milestones the last period planned for the next, when a period starting on `start` is
 * the next of it (undefined otherwise: a period set up in the past is not the next of anything).
 */
function _plannedFrom(repo: ProgrammeRepository, before: IPeriod[], start: string): Promise<IMilestone[]> | undefined {
  const previous: IPeriod | undefined = sortPeriods(before)[before.length - 1];
  if (!previous || compareIsoDates(previous.start, start) > 0) {
    return undefined;
  }
  return repo._transport
    .read({ planned: { list: 'milestones', filter: { anyOf: [{ column: 'ReportingPeriod', value: previous.id }] } } }, { action: wordOf(message('readPlannedMilestones', { period: previous.title })) })
    .then(({ records }) => records.planned.map((r) => toEntity('milestone', r, () => undefined)).filter((m) => m.timing === 'NextPeriod' && !isBlank(m.title)));
}

/**
 * A new period starts from the last one: the milestones its reports planned for the next
 * period become this period's milestones, with their status to report (empty rows are not
 * carried). Open risks continue by themselves. Only for a period that starts after every other
 * one: a period set up in the past is not the next of anything.
 */
async function _carryForward(repo: ProgrammeRepository, created: IPeriod, before: IPeriod[], planning: Promise<IMilestone[]>): Promise<void> {
  const previous: IPeriod = sortPeriods(before)[before.length - 1];
  const action: string = wordOf(message('bringPlannedMilestones', { from: previous.title, into: created.title }));
  try {
    const planned: IMilestone[] = await planning;
    if (planned.length > 0) {
      // Every carried milestone in $batches of up to 100 sent together (one wait on the network
      // however many: the transport's writeMany), each done or refused alone.
      const outcomes: WriteOutcome[] = await repo._transport.writeMany(
        planned.map(
          (m): ListWrite => ({
            op: 'create',
            list: 'milestones',
            record: {
              ...toValues('milestone', { workstreamId: m.workstreamId, periodId: created.id, timing: 'ThisPeriod', number: m.number, title: m.title, dueDate: m.dueDate, order: m.order }),
              [REQUEST_KEY]: newRequestKey()
            }
          })
        ),
        action
      );
      const refused: WriteOutcome | undefined = outcomes.filter((o) => !o.done)[0];
      if (refused && !refused.done) {
        // Some were not brought: those that were are taken back (best effort), so that the period
        // holds none of them and adding them by hand, as the message says, makes no duplicate.
        const brought: IWritten[] = [];
        noteWritten(brought, outcomes, 'milestones');
        if (brought.length > 0) {
          await repo._transport.writeMany(brought.map((w): ListWrite => ({ op: 'remove', list: w.list, id: w.id, etag: w.etag })), action).catch(() => undefined);
        }
        throw refused.error;
      }
    }
  } catch (e) {
    // The period stands; say plainly what did not happen, so nothing is silently missing.
    throw new DataError(
      isDataError(e) ? e.kind : 'unknown',
      message('plannedMilestonesNotBrought', { period: created.title, previous: previous.title }),
      { code: 'carryForwardFailed' }
    );
  }
}

export async function lockPeriod(repo: ProgrammeRepository, periodId: number, options: ILockOptions = {}): Promise<IPeriod> {
  const action: string = cycleAction('lockPeriod');
  // The rights, the period and its picture are asked for together (one round trip where the
  // transport batches a turn's reads), and looked at in this order.
  const asking: Promise<UserRights> = repo.getRights();
  const reading: Promise<Row> = repo._periodRecord(periodId, action);
  const picturing: Promise<IEditablePeriodPicture> = repo._livePicture(periodId);
  reading.catch(() => undefined);
  picturing.catch(() => undefined);
  const rights: UserRights = await asking;
  if (!isProgrammeOffice(rights)) {
    throw new DataError('forbidden', message('lockForbidden', {}));
  }
  const record: Row = await reading;
  const period: IPeriod = toPeriod(record);
  if (period.state === 'Locked') {
    throw new DataError('validation', message('alreadyLocked', { period: period.title }));
  }
  const picture: IEditablePeriodPicture = await picturing;
  const notApproved: Array<{ workstream: string; state?: StatusReportState }> = picture.workstreams
    .filter((w) => !picture.statusReports.some((r) => r.workstreamId === w.id && r.state === 'Approved'))
    .map((w) => {
      const r = picture.statusReports.filter((x) => x.workstreamId === w.id)[0];
      return { workstream: w.title, state: r ? r.state : undefined };
    });
  if (notApproved.length > 0 && !options.allowUnapproved) {
    throw new DataError('validation', message('lockNotApproved', { period: period.title, reports: notApproved }));
  }
  if (options.allowUnapproved && notApproved.length > 0 && (!options.reason || options.reason.trim() === '')) {
    throw new DataError('validation', message('lockUnapprovedNoReason', {}, STEP_KEYS.lockReason));
  }
  // A lock over reports not approved has its own reason, which covers those workstreams' findings.
  const excused: Set<number> = new Set<number>(
    options.allowUnapproved ? picture.workstreams.filter((w) => !picture.statusReports.some((r) => r.workstreamId === w.id && r.state === 'Approved')).map((w) => w.id) : []
  );
  const mustFix: IReadinessFinding[] = mustFixFindings(picture).filter((f) => f.where.workstreamId === undefined || !excused.has(f.where.workstreamId));
  if (options.overrideReason !== undefined) {
    const bad = checkText(fieldName(OVERRIDE_FIELD), options.overrideReason);
    if (bad) {
      throw new DataError('validation', bad.message, { field: STEP_KEYS.overrideReason });
    }
  }
  if (mustFix.length > 0 && isBlank(options.overrideReason)) {
    throw mustFixRefusal({ doing: 'lock', period: period.title }, mustFix);
  }
  const boardMeetingDate: string | undefined = isBlank(options.boardMeetingDate)
    ? period.boardMeetingDate
    : asDataError(() => parseUkDate((options.boardMeetingDate as string).trim(), fieldName(BOARD_MEETING_FIELD)), STEP_KEYS.boardMeetingDate);
  // Three round trips (the first above): (2) the lock against the period's ETag, with the
  // snapshot of the picture just read and its programme part, in one $batch; (3) the picture
  // again, to see that nothing changed between the read and the lock, with the history entries
  // that name the snapshot and the snapshot's workstream parts (there, not in (2), so that
  // neither request carries the snapshot twice over: SharePoint may refuse a request past 2 MB,
  // pnp/pnpjs #3207, UNCONFIRMED). SharePoint's $batch is not transactional (learn.microsoft.com, "Make
  // batch requests with the REST APIs": a change set is not all-or-nothing), so every outcome is
  // looked at: a lock refused (a stale ETag) leaves nothing behind, and anything else failing
  // opens the period again and removes what this lock wrote.
  const lockedPeriod: IPeriod = { ...period, state: 'Locked', boardMeetingDate };
  const written: IWritten[] = [];
  let snapshot = await makeSnapshot({ ...picture, period: lockedPeriod }, randomId());
  const stored = await lockRecords(snapshot, { ...picture, period: lockedPeriod }, period, writtenTexts());
  const first: WriteOutcome[] = await repo._transport.writeMany(
    [
      { op: 'update', list: 'periods', id: periodId, record: periodValues({ state: 'Locked', boardMeetingDate }), etag: record.etag },
      ...snapshotWrites([...stored.whole, ...stored.programme])
    ],
    action
  );
  const lockOutcome: WriteOutcome = first[0];
  noteWritten(written, first.slice(1), 'snapshots');
  if (!lockOutcome.done) {
    await _undoLock(repo, undefined, written, action);
    throw lockOutcome.error;
  }
  let locked: Row | undefined = lockOutcome.record;
  try {
    const refused: WriteOutcome | undefined = first.filter((o) => !o.done)[0];
    if (refused && !refused.done) {
      throw refused.error;
    }
    const entries: ListWrite[] = [];
    if (mustFix.length > 0) {
      entries.push({ op: 'create', list: 'history', record: overrideEntry(periodId, wordOf(message('historyLockedOver', { period: period.title })), options.overrideReason as string, mustFix) });
    }
    entries.push({
      op: 'create',
      list: 'history',
      record: writeFields<HistoryRow>(HISTORY_FIELDS, {
        title: `${period.title} locked`,
        periodId,
        action: 'Locked',
        reason: options.reason ? options.reason.trim() : undefined,
        snapshotId: snapshot.id,
        boardMeetingDate
      })
    });
    // The writes and the read in the same turn: one $batch where the transport batches a turn.
    const recording: Promise<WriteOutcome[]> = repo._transport.writeMany([...entries, ...snapshotWrites(stored.workstreams)], action);
    const checking: Promise<IEditablePeriodPicture> = repo._livePicture(periodId);
    checking.catch(() => undefined);
    const recorded: WriteOutcome[] = await recording;
    noteWritten(written, recorded.slice(0, entries.length), 'history');
    noteWritten(written, recorded.slice(entries.length), 'snapshots');
    const notRecorded: WriteOutcome | undefined = recorded.filter((o) => !o.done)[0];
    if (notRecorded && !notRecorded.done) {
      throw notRecorded.error;
    }
    const entry: Row = (recorded[entries.length - 1] as { record: Row }).record;
    let taken: IEditablePeriodPicture = picture;
    let again: IEditablePeriodPicture = await checking;
    // A write that passed its check before the lock landed after the read: the snapshot is taken
    // again from the picture as it now is, and the lock's entry made to name it.
    for (let attempt: number = 0; versionsOf(again) !== versionsOf(taken); attempt++) {
      if (attempt === 2) {
        throw new DataError('conflict', message('lockKeptChanging', { period: period.title }));
      }
      taken = again;
      snapshot = await makeSnapshot({ ...taken, period: lockedPeriod }, randomId());
      const retake = await lockRecords(snapshot, { ...taken, period: lockedPeriod }, period, writtenTexts());
      const retaking: Promise<WriteOutcome[]> = repo._transport.writeMany(snapshotWrites([...retake.whole, ...retake.programme, ...retake.workstreams]), action);
      const retaken: WriteOutcome[] = await retaking;
      noteWritten(written, retaken, 'snapshots');
      const notRetaken: WriteOutcome | undefined = retaken.filter((o) => !o.done)[0];
      if (notRetaken && !notRetaken.done) {
        throw notRetaken.error;
      }
      const renamed: Row = await repo._transport.update('history', entry.id, { SnapshotId: snapshot.id }, entry.etag, action);
      entry.etag = renamed.etag;
      again = await repo._livePicture(periodId);
    }
  } catch (e) {
    await _undoLock(repo, locked || (await repo._periodRecord(periodId, action).catch(() => undefined)), written, action);
    throw e;
  }
  if (!locked || !locked.etag) {
    // The lock's answer came without the item (its read-back lost): read it.
    locked = await repo._periodRecord(periodId, action);
  }
  // The periods known here as they now are, without reading them again.
  repo._knownAs(toPeriod(locked));
  return toPeriod(locked);
}

/** The creates of a lock's snapshot and, beside it, its programme part (for the programme view). */

/**
 * Takes back a lock that did not complete: the period open again (when `locked`, the period as
 * the lock left it, is given) and every item the lock wrote removed, in one $batch. Best
 * effort: a failure here is not the user's news — the lock's own failure is.
 */
async function _undoLock(repo: ProgrammeRepository, locked: Row | undefined, written: IWritten[], action: string): Promise<void> {
  const undo: ListWrite[] = written.map((w): ListWrite => ({ op: 'remove', list: w.list, id: w.id, etag: w.etag }));
  if (locked && toPeriod(locked).state === 'Locked') {
    undo.unshift({ op: 'update', list: 'periods', id: locked.id, record: periodValues({ state: 'Open' }), etag: locked.etag });
  }
  if (undo.length > 0) {
    await repo._transport.writeMany(undo, action).catch(() => undefined);
  }
}

export async function reopenPeriod(repo: ProgrammeRepository, periodId: number, reason: string): Promise<IPeriod> {
  const action: string = cycleAction('reopenPeriod');
  const rights: UserRights = await repo.getRights();
  if (!isProgrammeOffice(rights)) {
    throw new DataError('forbidden', message('reopenForbidden', {}));
  }
  const bad = checkText(fieldName('reopenReason'), reason, { required: true });
  if (bad) {
    throw new DataError('validation', bad.message, { field: STEP_KEYS.reopenReason });
  }
  const record: Row = await repo._periodRecord(periodId, action);
  const period: IPeriod = toPeriod(record);
  if (period.state !== 'Locked') {
    throw new DataError('validation', message('notLocked', { period: period.title }));
  }
  await repo._transport.create('history', writeFields<HistoryRow>(HISTORY_FIELDS, { title: `${period.title} reopened`, periodId, action: 'Reopened', reason: reason.trim() }), action);
  const reopened: Row = await repo._transport.update('periods', periodId, periodValues({ state: 'Open' }), record.etag, action);
  await repo.getPeriods();
  return toPeriod(reopened);
}

/** A conflict on a section item, with the current version as the domain's, for the dashboard to show. */
function _sectionConflict<T>(repo: ProgrammeRepository, e: unknown, as: (r: Row) => T): unknown {
  if (isDataError(e, 'conflict') && e.current) {
    return new DataError('conflict', e.detail || e.message, { status: e.status, current: as(e.current as Row), serverCode: e.serverCode, serverMessage: e.serverMessage });
  }
  return e;
}

function _checkOrder(order: number | undefined): void {
  if (order !== undefined && (!Number.isInteger(order) || order < 0 || order > 100000)) {
    throw new DataError('validation', message('sectionOrderRange', { order: String(order) }), { field: 'order' });
  }
}

export async function addSectionDefinition(repo: ProgrammeRepository, name: string, order?: number): Promise<ISavedSectionDefinition> {
  const action: string = cycleAction('addSection');
  assertMayWritePeriodSections(await repo.getRights(), action);
  _checkOrder(order);
  const { records } = await repo._transport.read({ definitions: DEFINITIONS_QUERY }, { action });
  const definitions: ISavedSectionDefinition[] = repo._definitions(records.definitions);
  const bad = checkSectionName(name, definitions);
  if (bad) {
    throw new DataError('validation', bad.message, { field: bad.field });
  }
  const key: string = sectionKeyFor(name, definitions.map((d) => d.key));
  const last: number = definitions.length > 0 ? definitions[definitions.length - 1].order : 0;
  const requestKey: string = newRequestKey();
  let stored: Row;
  try {
    stored = await repo._transport.create('periodSections', { ...definitionValues({ key, name, order: order === undefined ? last + 1 : order }), [REQUEST_KEY]: requestKey }, action);
  } catch (e) {
    const earlier: Row | undefined = await _createdEarlier(repo, 'periodSections', requestKey, e, action);
    if (!earlier) {
      throw e;
    }
    stored = earlier;
  }
  return toSectionDefinition(stored);
}

export async function updateSectionDefinition(repo: ProgrammeRepository, id: number, changes: { name?: string; order?: number }, etag: string): Promise<ISavedSectionDefinition> {
  const action: string = cycleAction('changeSection');
  assertMayWritePeriodSections(await repo.getRights(), action);
  _checkOrder(changes.order);
  const { records } = await repo._transport.read({ definitions: DEFINITIONS_QUERY }, { action });
  const definitions: ISavedSectionDefinition[] = repo._definitions(records.definitions);
  const current: ISavedSectionDefinition | undefined = definitions.filter((d) => d.id === id)[0];
  if (!current) {
    throw new DataError('notFound', message('sectionRemoved', { action }), { status: 404 });
  }
  if (changes.name !== undefined) {
    const bad = checkSectionName(changes.name, definitions, current.key);
    if (bad) {
      throw new DataError('validation', bad.message, { field: bad.field });
    }
  }
  // The key never changes: it ties the periods' texts to the section.
  const record: RowValues = definitionValues({ name: changes.name, order: changes.order });
  try {
    return toSectionDefinition(await repo._transport.update('periodSections', id, record, etag, action));
  } catch (e) {
    throw _sectionConflict(repo, e, toSectionDefinition);
  }
}

export async function removeSectionDefinition(repo: ProgrammeRepository, id: number, etag: string): Promise<void> {
  const action: string = cycleAction('removeSection');
  assertMayWritePeriodSections(await repo.getRights(), action);
  const { records } = await repo._transport.read({ item: { list: 'periodSections', id } }, { action });
  if (records.item.length === 0 || records.item[0].values.SectionScope !== 'Programme') {
    throw new DataError('notFound', message('sectionRemoved', { action }), { status: 404 });
  }
  try {
    await repo._transport.remove('periodSections', id, etag, action);
  } catch (e) {
    throw _sectionConflict(repo, e, toSectionDefinition);
  }
}

export async function savePeriodSection(repo: ProgrammeRepository, periodId: number, key: string, text: string, etag: string | undefined, author?: string): Promise<IEditablePeriodSection> {
  const action: string = cycleAction('saveSectionText');
  assertMayWritePeriodSections(await repo.getRights(), action);
  const byAuthor = checkText(fieldName('sectionAuthor'), author, { maxLength: 255 });
  if (byAuthor) {
    throw new DataError('validation', byAuthor.message, { field: byAuthor.field });
  }
  const { records } = await repo._transport.read({ ...PERIODS_READ, definitions: DEFINITIONS_QUERY, texts: periodTextsQuery(periodId) }, { action });
  withOpenOverviews(records);
  const periods: IPeriod[] = sortPeriods(records.periods.map(toPeriod));
  repo._periods = periods;
  const period: IPeriod | undefined = periods.filter((p) => p.id === periodId)[0];
  if (!period) {
    throw new DataError('notFound', message('periodGone', { action }), { status: 404 });
  }
  assertPeriodOpen(period, 'sections');
  const sections: IEditablePeriodSection[] = sectionsFrom(records.definitions, records.texts, periodId);
  const section: IEditablePeriodSection | undefined = sections.filter((x) => x.key === key)[0];
  if (!section) {
    throw new DataError('notFound', message('sectionGone', { action }), { status: 404 });
  }
  const bad = checkText(section.name, text);
  if (bad) {
    throw new DataError('validation', bad.message, { field: bad.field });
  }
  const asSection = (r: Row): IEditablePeriodSection => sectionsFrom(records.definitions, [r], periodId).filter((x) => x.key === key)[0] || section;
  const record: RowValues = sectionTextRecord({ key, periodId, name: section.name, text, author });
  if (section.id !== undefined) {
    if (etag === undefined) {
      // Someone wrote the section since it was read as empty: theirs is not overwritten.
      throw new DataError('conflict', message('sectionTextChanged', { period: period.title, section: section.name }), { status: 412, current: section });
    }
    try {
      return asSection(await repo._transport.update('periodSections', section.id, record, etag, action));
    } catch (e) {
      throw _sectionConflict(repo, e, asSection);
    }
  }
  const requestKey: string = newRequestKey();
  try {
    return asSection(await repo._transport.create('periodSections', { ...record, [REQUEST_KEY]: requestKey }, action));
  } catch (e) {
    const earlier: Row | undefined = await _createdEarlier(repo, 'periodSections', requestKey, e, action);
    if (!earlier) {
      throw e;
    }
    return asSection(earlier);
  }
}

export async function acknowledgeFinding(repo: ProgrammeRepository, periodId: number, key: string, reason: string): Promise<Saved<IReadinessAcknowledgement>> {
  const action: string = cycleAction('acknowledgeFinding');
  assertMayAcknowledgeFindings(await repo.getRights(), action);
  const bad = checkAcknowledgementReason(reason) || checkText('Finding', key, { required: true, maxLength: 255 });
  if (bad) {
    throw new DataError('validation', bad.message, { field: bad.key || 'findingKey' });
  }
  // The finding as readiness finds it now, on the period's records as they are.
  const periods: IPeriod[] = await repo._knownPeriods(periodId);
  const { records, people } = await repo._transport.read({ ...FIXED, ...pictureQueries(periods, periodId) }, { people: true, action });
  withOpenOverviews(records);
  const picture: IEditablePeriodPicture = assemblePicture(records, periodId, people as PeopleLookup);
  repo._periods = picture.periods;
  assertPeriodOpen(picture.period, 'acknowledgedFindings');
  const finding: IReadinessFinding | undefined = checkReadiness(picture).filter((f) => isFindingKeyOf(f, key))[0];
  if (!finding) {
    throw new DataError('notFound', message('findingGone', { action, period: picture.period.title }), { status: 404 });
  }
  if (!mayAcknowledge(finding)) {
    throw new DataError('validation', message('findingMustBeFixed', { action, finding: finding.message }, STEP_KEYS.overrideReason), { code: 'mustFix' });
  }
  const already = applyAcknowledgements([finding], picture.acknowledgements).acknowledged[0];
  if (already) {
    return already.acknowledgement as Saved<IReadinessAcknowledgement>;
  }
  const requestKey: string = newRequestKey();
  let stored: Row;
  try {
    stored = await repo._transport.create('acknowledgements', { ...acknowledgementRecord(periodId, findingKey(finding), reason, finding.message), [REQUEST_KEY]: requestKey }, action);
  } catch (e) {
    const earlier: Row | undefined = await _createdEarlier(repo, 'acknowledgements', requestKey, e, action);
    if (!earlier) {
      throw e;
    }
    stored = earlier;
  }
  return repo._acknowledgements([stored], people as PeopleLookup)[0];
}

export async function withdrawAcknowledgement(repo: ProgrammeRepository, id: number, etag: string): Promise<void> {
  const action: string = cycleAction('withdrawAcknowledgement');
  assertMayAcknowledgeFindings(await repo.getRights(), action);
  const { records } = await repo._transport.read({ ...PERIODS_READ, item: { list: 'acknowledgements', id } }, { action });
  withOpenOverviews(records);
  if (records.item.length === 0) {
    throw new DataError('notFound', message('acknowledgementGone', { action }), { status: 404 });
  }
  const periods: IPeriod[] = sortPeriods(records.periods.map(toPeriod));
  repo._periods = periods;
  assertPeriodOpen(periods.filter((p) => p.id === Number(records.item[0].values.ReportingPeriod))[0], 'acknowledgedFindings');
  await repo._transport.remove('acknowledgements', id, etag, action);
}
