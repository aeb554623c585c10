/**
 * The product's real rules under the UI tests: the seeded programme in an in-memory SharePoint
 * site ({@link MemorySite}), read and written by the real {@link ProgrammeRepository} over the
 * in-memory list transport. Nothing here decides anything the product decides; it seeds the site
 * as the local stack's seeder does (each record by the person who would write it, June 2023
 * locked by the programme office with its snapshot), gives each persona the rights their
 * SharePoint groups give, and offers tests what they need from outside the product: another
 * user's change, a failure, a lost answer, a slow network, and the log of calls the UI made.
 */
import { closeDownItemValues, phaseRecord } from '../../src/data/PhaseRepository';
import { DataError, type DataErrorKind, type IDataErrorDetails } from '../../src/data/errors';
import { networkError } from '../../src/data/httpErrors';
import { MemorySite, MemoryTransport, type IMemoryCall, type IMemoryUser, type MemoryCallMatcher } from '../../src/data/memory/MemoryTransport';
import { periodValues, programmeValues, toEntity, toValues, workstreamValues, type PeopleLookup } from '../../src/data/mapping';
import { peopleFrom } from '../../src/data/picture';
import { restToRow, valuesToRest, type RestItem } from '../../src/data/sharepoint/restRows';
import type { RowValues } from '../../src/data/transport';
import { ProgrammeRepository } from '../../src/data/ProgrammeRepository';
import { setWrittenTexts } from '../../src/data/writtenTexts';
import { WRITTEN_TEXTS } from '../../src/ui/writtenTexts';
import {
  ENTITY_LISTS,
  LIST_TITLES,
  type EntityChanges,
  type EntityKind,
  type IEntities,
  type IListRights,
  type IProgrammeRepository,
  type ListKey,
  type Saved,
  type UserRights
} from '../../src/data/repository';
import type { IPerson } from '../../src/domain';
import { FIRST_USER_ID, roleOn, SITE_GROUPS } from '../../src/emulator/siteConfig';
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedProgramme } from '../../src/fixtures/improvementPlanPhase2';

/** The people the dashboard serves, by what SharePoint lets them do. */
export type Persona = 'programmeOffice' | 'projectManager' | 'sponsor' | 'iibMember';

/** A seeded user of each persona. */
export const PERSONA_LOGINS: { readonly [p in Persona]: string } = {
  programmeOffice: 'heidi.robinson@improvement.example',
  projectManager: 'louisa.simpson@improvement.example',
  sponsor: 'nick.bell@improvement.example',
  iibMember: 'alex.morgan@improvement.example'
};

/** When the seeder locks the periods that went to the Board. */
export const SEEDED_LOCK_TIME: string = '2023-07-05T16:30:00Z';
/** What time it is in the tests, unless one says otherwise. */
export const TEST_NOW: string = '2024-01-31T17:00:00Z';

const LIST_KEYS: ListKey[] = Object.keys(LIST_TITLES) as ListKey[];

const LEVELS: { [role: string]: IListRights } = {
  Read: { view: true, add: false, edit: false, delete: false, approve: false, manage: false },
  Contribute: { view: true, add: true, edit: true, delete: true, approve: false, manage: false },
  'Full Control': { view: true, add: true, edit: true, delete: true, approve: true, manage: true }
};

/** Rights on every list, all the same. */
export function uniformRights(r: IListRights): UserRights {
  const result: { [list: string]: IListRights } = {};
  for (const list of LIST_KEYS) {
    result[list] = { ...r };
  }
  return result as UserRights;
}

/** A seeded user's rights: the union of their SharePoint groups' permission levels on each list. */
function rightsOfGroups(groups: readonly string[]): UserRights {
  const result: { [list: string]: IListRights } = {};
  for (const list of LIST_KEYS) {
    const r: IListRights = { view: false, add: false, edit: false, delete: false, approve: false, manage: false };
    for (const g of SITE_GROUPS.filter((x) => groups.indexOf(x.title) >= 0)) {
      const level: IListRights = LEVELS[roleOn(g, LIST_TITLES[list])];
      for (const k of Object.keys(r) as Array<keyof IListRights>) {
        r[k] = r[k] || level[k];
      }
    }
    result[list] = r;
  }
  return result as UserRights;
}

/** The rights each persona's SharePoint groups give them on the seeded site. */
export function rightsFor(persona: Persona, seed: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2): UserRights {
  const user = seed.users.filter((u) => u.login === PERSONA_LOGINS[persona])[0];
  return rightsOfGroups(user.groups);
}

/** A copy of an object without some of its keys. */
function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy: T = { ...value };
  for (const k of keys) {
    delete copy[k];
  }
  return copy;
}

/**
 * A site seeded with a programme as the local stack's seeder seeds one (src/emulator/seed.ts):
 * the same records, in the same order (so the same ids), each by the person who would write it;
 * then each period that went to the Board locked by the programme office through the real
 * repository, which writes its snapshot. `ready` settles when the locks are done.
 */
export function seededSite(seed: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2): { site: MemorySite; ready: Promise<void> } {
  const template: MemorySite | undefined = TEMPLATES.get(seed);
  if (template) {
    return { site: template.clone(), ready: Promise.resolve() };
  }
  return seedSite(seed);
}

/**
 * Seeded sites, by seed, kept once their locks are done: each test takes a copy at once, so it
 * can change the site (as another user) before anything has been read, as tests of the UI do.
 */
const TEMPLATES: Map<ISeedProgramme, MemorySite> = new Map<ISeedProgramme, MemorySite>();

/** Seeds a programme once for the test file, so that {@link seededSite} gives copies at once. */
export async function prepareSeededSite(seed: ISeedProgramme = IMPROVEMENT_PLAN_PHASE_2): Promise<void> {
  if (!TEMPLATES.has(seed)) {
    const { site, ready } = seedSite(seed);
    await ready;
    TEMPLATES.set(seed, site);
  }
}

// Every test file that uses the in-memory programme has the seeded one ready before its tests.
if (typeof beforeAll === 'function') {
  beforeAll(() => prepareSeededSite());
}

function seedSite(seed: ISeedProgramme): { site: MemorySite; ready: Promise<void> } {
  const users: IMemoryUser[] = seed.users.map((u, i) => ({ id: FIRST_USER_ID + i, name: u.name, login: u.login, email: u.email }));
  const groupsOf: Map<string, readonly string[]> = new Map<string, readonly string[]>(seed.users.map((u) => [u.login.toLowerCase(), u.groups]));
  const site: MemorySite = new MemorySite(users, (u) => rightsOfGroups(groupsOf.get(u.login.toLowerCase()) || []));
  site.setClock(() => SEEDED_LOCK_TIME);
  const idOf = (login: string | undefined): number | undefined => (login === undefined ? undefined : (site.user(login) || { id: undefined }).id);
  const lead: string = seed.users.filter((u) => u.groups.indexOf('Programme Office') >= 0)[0].login;
  // The site keeps its items as SharePoint REST does: the values as the PnPjs transport would send them.
  const add = (login: string, list: ListKey, values: RowValues): number => Number(site.add(list, valuesToRest(list, values), idOf(login) as number).Id);
  const resolve = (p: IPerson | undefined): IPerson | undefined => (p ? { ...p, id: idOf(p.login) } : undefined);

  // A programme with no title is one not set up yet (an empty start): no Programme item.
  if (seed.programme.title.trim() !== '') {
    const { programme, definitions } = programmeValues(seed.programme);
    add(lead, 'programme', programme);
    for (const d of definitions) {
      add(lead, 'ragDefinitions', d);
    }
  }
  // Phases first: workstreams and periods look theirs up.
  const phaseIds: Map<number, number> = new Map<number, number>();
  for (const ph of seed.phases || []) {
    phaseIds.set(ph.id, add(lead, 'phases', phaseRecord(ph)));
  }
  const phaseOf = (kind: 'periodIds' | 'workstreamIds', id: number): number | null => {
    const ph = (seed.phases || []).filter((x) => x[kind].indexOf(id) >= 0)[0];
    return ph ? (phaseIds.get(ph.id) as number) : null;
  };
  const workstreamIds: Map<number, number> = new Map<number, number>();
  for (const w of seed.workstreams) {
    const record: RowValues = workstreamValues({
      ...w,
      sponsor: resolve(w.sponsor),
      projectManagers: w.projectManagers.map((p) => resolve(p) as IPerson),
      pmoSupport: w.pmoSupport.map((p) => resolve(p) as IPerson)
    });
    workstreamIds.set(w.id, add(lead, 'workstreams', { ...record, Phase: phaseOf('workstreamIds', w.id) }));
  }
  // Periods open first: the records of a locked period cannot be written.
  const periodIds: Map<number, number> = new Map<number, number>();
  for (const p of seed.periods) {
    periodIds.set(p.id, add(lead, 'periods', { ...periodValues({ ...p, state: 'Open' }), Phase: phaseOf('periodIds', p.id) }));
  }
  const ws = (id: number): number => workstreamIds.get(id) as number;
  for (const item of seed.closeDown || []) {
    add(lead, 'closeDown', closeDownItemValues({ ...item, phaseId: phaseIds.get(item.phaseId) as number, workstreamId: item.workstreamId === undefined ? undefined : ws(item.workstreamId), destinationWorkstreamId: item.destinationWorkstreamId === undefined ? undefined : ws(item.destinationWorkstreamId) }));
  }
  const period = (id: number): number => periodIds.get(id) as number;
  const workstream = (id: number): ISeedProgramme['workstreams'][number] => seed.workstreams.filter((x) => x.id === id)[0];
  const managerOf = (id: number): string => (workstream(id).projectManagers[0] && workstream(id).projectManagers[0].login) || lead;
  const sponsorOf = (id: number): string => (workstream(id).sponsor && (workstream(id).sponsor as IPerson).login) || lead;

  for (const r of seed.statusReports) {
    const code: string = workstream(r.workstreamId).code;
    const periodTitle: string = seed.periods.filter((p) => p.id === r.periodId)[0].title;
    add(managerOf(r.workstreamId), 'statusReports', { ...toValues('statusReport', { ...without(r, 'id'), workstreamId: ws(r.workstreamId), periodId: period(r.periodId) }), Title: `${code} – ${periodTitle}` });
  }
  for (const c of seed.sponsorComments) {
    add(sponsorOf(c.workstreamId), 'sponsorComments', toValues('sponsorComment', { ...without(c, 'id', 'author'), workstreamId: ws(c.workstreamId), periodId: period(c.periodId) }));
  }
  for (const m of seed.milestones) {
    add(managerOf(m.workstreamId), 'milestones', toValues('milestone', { ...without(m, 'id'), workstreamId: ws(m.workstreamId), periodId: period(m.periodId) }));
  }
  for (const r of seed.risks) {
    add(
      managerOf(r.workstreamId),
      'risks',
      toValues('risk', { ...without(r, 'id'), workstreamId: ws(r.workstreamId), raisedPeriodId: period(r.raisedPeriodId), closedPeriodId: r.closedPeriodId === undefined ? undefined : period(r.closedPeriodId) })
    );
  }
  for (const f of seed.feedback) {
    // When the IIB member recorded it, as the papers say.
    site.setClock(() => f.created || SEEDED_LOCK_TIME);
    const login: string = (f.author && f.author.login) || seed.users.filter((u) => u.groups.indexOf('IIB Members') >= 0)[0].login;
    add(login, 'feedback', toValues('feedback', { ...without(f, 'id', 'author', 'created'), workstreamId: ws(f.workstreamId), periodId: period(f.periodId) }));
  }

  site.setClock(() => SEEDED_LOCK_TIME);
  // A period that went to the Board is locked as the programme office locks one — as it went,
  // faults and all (a generated seed may hold must-fix findings), as the emulator's seeder does.
  const office: ProgrammeRepository = new ProgrammeRepository(new MemoryTransport(site, lead));
  const ready: Promise<void> = (async () => {
    // The seeder writes the product's en-GB texts into the lists (the snapshots' part titles), as
    // the emulator's does under npm start; it installs them itself, not the writes' message words,
    // so a test of a page that has not written yet still starts without those.
    setWrittenTexts(WRITTEN_TEXTS);
    for (const p of seed.periods.filter((x) => x.state === 'Locked')) {
      await office.lockPeriod(period(p.id), { overrideReason: 'Recorded as the paper went to the Board.' });
    }
    site.setClock(() => TEST_NOW);
  })();
  return { site, ready };
}

/** A repository method, for the call log and for failures aimed at one method. */
/** The repository's methods (phases() hands out the phases' repository, whose calls are the transport's). */
export type RepositoryMethod = Exclude<keyof IProgrammeRepository, 'phases'>;

/** One call the UI made. */
export interface ICall {
  method: RepositoryMethod;
  args: unknown[];
}

const METHODS: RepositoryMethod[] = [
  'getCurrentUser',
  'getRights',
  'getPeriods',
  'getProgrammeSummary',
  'getPeriodPicture',
  'getRagHistory',
  'getRatings',
  'getOpenRisks',
  'get',
  'create',
  'update',
  'remove',
  'transitionReport',
  'createPeriod',
  'saveProgramme',
  'lockPeriod',
  'reopenPeriod',
  'getPeriodHistory',
  'getSectionDefinitions',
  'addSectionDefinition',
  'updateSectionDefinition',
  'removeSectionDefinition',
  'savePeriodSection',
  'getWorkstreams',
  'getPeople',
  'saveWorkstream',
  'moveWorkstream',
  'setWorkstreamRetired',
  'getFeedbackHistory',
  'respondToChallenge',
  'closeChallenge',
  'getPeriod',
  'updateOverview',
  'exportPeriod',
  'getAcknowledgements',
  'acknowledgeFinding',
  'withdrawAcknowledgement'
];

/**
 * The transport call a repository method's failure is injected at: the call that does the
 * method's work on the wire (for a write, the write itself, after the product's checks passed).
 */
const WORK: { [m in RepositoryMethod]: MemoryCallMatcher } = {
  getCurrentUser: (c) => c.op === 'currentUser',
  getRights: (c) => c.op === 'rights',
  getPeriods: (c) => c.op === 'read' && c.action === 'read the reporting periods',
  getProgrammeSummary: (c) => c.op === 'read' && c.action === 'read the programme',
  getPeriodPicture: (c) => c.op === 'read' && (c.action === 'read the period' || /^read what .* reported$/.test(c.action)),
  getRagHistory: (c) => c.op === 'read' && c.action === 'read the RAG history',
  getRatings: (c) => c.op === 'read' && c.action === 'read the ratings',
  getOpenRisks: (c) => c.op === 'read' && c.action === 'read the open risks',
  get: (c) => c.op === 'read' && /^read the /.test(c.action),
  create: (c) => c.op === 'create' && c.lists.every((l) => Object.values(ENTITY_LISTS).indexOf(l) >= 0),
  update: (c) => c.op === 'update' && /^save the /.test(c.action),
  remove: (c) => c.op === 'remove' && /^delete the /.test(c.action),
  transitionReport: (c) => c.op === 'update' && c.lists[0] === 'statusReports' && /^(submit|approve|send back) /.test(c.action),
  createPeriod: (c) => c.op === 'create' && c.lists[0] === 'periods',
  saveProgramme: (c) => (c.op === 'create' || c.op === 'update') && c.lists[0] === 'programme',
  lockPeriod: (c) => c.op === 'update' && c.action === 'lock the period',
  reopenPeriod: (c) => c.op === 'create' && c.action === 'reopen the period',
  getPeriodHistory: (c) => c.op === 'read' && c.action === "read the period's history",
  getSectionDefinitions: (c) => c.op === 'read' && c.action === "read the paper's sections",
  addSectionDefinition: (c) => c.op === 'create' && c.action === "add the paper's section",
  updateSectionDefinition: (c) => c.op === 'update' && c.action === "change the paper's section",
  removeSectionDefinition: (c) => c.op === 'remove' && c.action === "remove the paper's section",
  savePeriodSection: (c) => (c.op === 'create' || c.op === 'update') && c.action === "save the paper's section",
  getWorkstreams: (c) => c.op === 'read' && c.action === 'read the workstreams',
  getPeople: (c) => c.op === 'people',
  saveWorkstream: (c) => (c.op === 'create' || c.op === 'update') && c.lists[0] === 'workstreams' && /workstream$/.test(c.action) && !/^(retire|restore) /.test(c.action),
  moveWorkstream: (c) => c.op === 'update' && c.action === 'move the workstream',
  setWorkstreamRetired: (c) => c.op === 'update' && /^(retire|restore) the workstream$/.test(c.action),
  getFeedbackHistory: (c) => c.op === 'versions',
  respondToChallenge: (c) => c.op === 'update' && c.action === 'save the response',
  closeChallenge: (c) => c.op === 'update' && c.action === 'close the challenge',
  getAcknowledgements: (c) => c.op === 'read' && c.action === "read the period's acknowledged findings",
  acknowledgeFinding: (c) => c.op === 'create' && c.action === 'acknowledge the finding',
  withdrawAcknowledgement: (c) => c.op === 'remove' && c.action === 'withdraw the acknowledgement',
  getPeriod: (c) => c.op === 'read' && c.action === 'read the period' && c.lists.length === 1 && c.lists[0] === 'periods',
  updateOverview: (c) => c.op === 'update' && c.action === "save the period's overview",
  exportPeriod: (c) => c.op === 'read' && c.action === 'export a period'
};

/** Options for a {@link MemoryRepository}. */
export interface IMemoryRepositoryOptions {
  /** Whose identity and rights to use; the programme office unless told. */
  persona?: Persona;
  /** Rights that override the persona's (as if the site owner had changed their groups). */
  rights?: UserRights;
  /** The programme to seed; Improvement Plan Phase 2 unless told. */
  seed?: ISeedProgramme;
}

/**
 * The real repository over the in-memory site, as one persona, with the controls UI tests need.
 * Every rule it applies is ProgrammeRepository's.
 */
export class MemoryRepository extends ProgrammeRepository {
  /**
   * Every call of the repository's methods, in order: the UI's, and the repository's own calls
   * of its public methods (a write asks for the current user and rights; getPeriodPicture may
   * read the periods first).
   */
  public readonly calls: ICall[] = [];
  public readonly site: MemorySite;
  /** Settles when the site is seeded (every transport call waits for it). */
  public readonly ready: Promise<void>;
  private readonly _seed: ISeedProgramme;
  private _memory: MemoryTransport;

  constructor(options: IMemoryRepositoryOptions = {}, seeded?: { site: MemorySite; ready: Promise<void> }) {
    const seed: ISeedProgramme = options.seed || IMPROVEMENT_PLAN_PHASE_2;
    const { site, ready } = seeded || seededSite(seed);
    const login: string = PERSONA_LOGINS[options.persona || 'programmeOffice'];
    const transport: MemoryTransport = new MemoryTransport(site, login, ready);
    super(transport);
    this.site = site;
    this.ready = ready;
    this._seed = seed;
    this._memory = transport;
    if (options.rights) {
      site.setRights(login, options.rights);
    }
    // The call log: each of the repository's methods, recorded as the UI calls it.
    for (const method of METHODS) {
      const real = (this as unknown as { [m: string]: (...args: unknown[]) => unknown })[method].bind(this);
      (this as unknown as { [m: string]: (...args: unknown[]) => unknown })[method] = (...args: unknown[]) => {
        this.calls.push({ method, args: JSON.parse(JSON.stringify(args)) });
        return real(...args);
      };
    }
  }

  /** The in-memory site's clock (see setNow), for the times the repository records itself. */
  public now(): string {
    return this.site.now();
  }

  /** The transport under the repository (its hooks and its own call log). */
  public get transport(): MemoryTransport {
    return this._memory;
  }

  /** A repository over the same site as another persona (nothing cached from this one). */
  public as(persona: Persona, rights?: UserRights): MemoryRepository {
    return new MemoryRepository({ persona, rights, seed: this._seed }, { site: this.site, ready: this.ready });
  }

  /** Replaces the current user's rights on the site, as a site owner changing their groups would. */
  public setRights(rights: UserRights): void {
    this.site.setRights(this._memory.login, rights);
  }

  /** What time it is on the site from now on, for what is written next (Created, Modified). */
  public setNow(iso: string): void {
    this.site.setClock(() => iso);
  }

  /**
   * Makes the next call of `method` (or the next call of any kind) fail on the wire with this
   * error, or with a DataError of this kind and details.
   */
  public failNext(error: DataError | DataErrorKind, method?: RepositoryMethod, details: IDataErrorDetails = {}): void {
    const e: DataError = typeof error === 'string' ? new DataError(error, `Injected ${error} failure.`, details) : error;
    this._memory.failNext(e, method ? WORK[method] : undefined);
  }

  /**
   * The next call of `method` does its work, then its answer is lost (a network error): the
   * caller cannot tell that it landed. With `staysDown`, the connection stays down for the next
   * read too (the repository's own check for what landed), so the loss reaches the user.
   */
  public loseNextAnswer(method: RepositoryMethod, options: { staysDown?: boolean } = {}): void {
    let lost: boolean = false;
    this._memory.loseNextAnswer((c) => (lost = WORK[method](c)));
    if (options.staysDown) {
      this._memory.failNext(networkError('reach SharePoint', new Error('The connection is down.')), (c) => lost && c.op === 'read');
    }
  }

  /** Holds every call from now on until the returned function is called (to see progress). */
  public hold(): () => void {
    return this._memory.hold();
  }

  /** The calls of one method. */
  public callsOf(method: RepositoryMethod): ICall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The transport calls made so far (what went to the "wire"). */
  public wireCalls(): IMemoryCall[] {
    return this._memory.calls.slice();
  }

  private _people(): PeopleLookup {
    return peopleFrom(this.site.users.map((u) => ({ id: u.id, name: u.name, email: u.email })));
  }

  /** An item the site keeps (in REST's shape) as the product reads it: its row, by the field tables. */
  private _entity<K extends EntityKind>(kind: K, record: RestItem): Saved<IEntities[K]> {
    const row = restToRow(ENTITY_LISTS[kind], record, String(record.__etag));
    return { ...toEntity(kind, row, this._people()), etag: row.etag } as Saved<IEntities[K]>;
  }

  /** An item as stored now, or undefined. */
  public stored<K extends EntityKind>(kind: K, id: number): Saved<IEntities[K]> | undefined {
    const record: RestItem | undefined = this.site.record(ENTITY_LISTS[kind], id);
    return record ? this._entity(kind, record) : undefined;
  }

  /** Every stored item of a kind. */
  public all<K extends EntityKind>(kind: K): Array<Saved<IEntities[K]>> {
    return this.site.records(ENTITY_LISTS[kind]).map((r) => this._entity(kind, r));
  }

  /** Another user changes an item in the list, outside the product: its ETag moves on. */
  public changeAsOtherUser<K extends EntityKind>(kind: K, id: number, changes: EntityChanges<K>): Saved<IEntities[K]> {
    return this._entity(kind, this.site.change(ENTITY_LISTS[kind], id, valuesToRest(ENTITY_LISTS[kind], toValues(kind, changes))));
  }

  /** Another user deletes an item. */
  public deleteAsOtherUser(kind: EntityKind, id: number): void {
    this.site.delete(ENTITY_LISTS[kind], id);
  }
}
