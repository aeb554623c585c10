/**
 * Seeds a site with a programme through the emulator's own SharePoint REST API, each record
 * written by the person who would write it: the programme office sets up the programme,
 * workstreams and periods; project managers write status reports, milestones and risks;
 * sponsors write their comments; an IIB member records feedback. Locked periods are locked last.
 */
import { closeDownItemValues, phaseRecord } from '../data/PhaseRepository';
import type { IPerson } from '../domain';
import type { ISeedProgramme } from '../fixtures/improvementPlanPhase2';
import { periodValues, programmeValues, toValues, workstreamValues } from '../data/mapping';
import { valuesToRest, type RestItem } from '../data/sharepoint/restRows';
import type { RowValues } from '../data/transport';
import { LIST_TITLES, type ListKey } from '../data/repository';
import { spfi, SPBrowser } from '@pnp/sp';
import { BearerLogin, PnpRepository } from '../data/sharepoint/PnpRepository';

/** A copy of an object without some of its keys. */
function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy: T = { ...value };
  for (const k of keys) {
    delete copy[k];
  }
  return copy;
}

/** Counts of what the seeder wrote. */
export interface ISeedResult {
  items: number;
  byList: { [title: string]: number };
}

/** Writes a seed programme into the site at `siteUrl` ("http://localhost:4321/sites/improvement"). */
export async function seedSite(siteUrl: string, seed: ISeedProgramme): Promise<ISeedResult> {
  const result: ISeedResult = { items: 0, byList: {} };
  const lead: string = seed.users.filter((u) => u.groups.indexOf('Programme Office') >= 0)[0].login;

  const call = async (login: string, method: string, path: string, body?: unknown): Promise<RestItem> => {
    const res: Response = await fetch(`${siteUrl}/_api/${path}`, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json;charset=utf-8', Authorization: `Bearer ${login}`, ...(method === 'PATCH' ? { 'IF-Match': '*' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text: string = await res.text();
    if (!res.ok) {
      throw new Error(`Seeding failed: ${method} ${path} as ${login} answered ${res.status}: ${text}`);
    }
    return text ? (JSON.parse(text) as RestItem) : {};
  };
  // The column values as SharePoint REST's properties, as the PnPjs transport sends them.
  const add = async (login: string, list: ListKey, values: RowValues): Promise<number> => {
    const created: RestItem = await call(login, 'POST', `web/lists/getByTitle('${encodeURIComponent(LIST_TITLES[list].replace(/'/g, "''"))}')/items`, valuesToRest(list, values));
    result.items++;
    result.byList[LIST_TITLES[list]] = (result.byList[LIST_TITLES[list]] || 0) + 1;
    return created.Id as number;
  };

  const siteUsers = (await call(lead, 'GET', 'web/siteusers')).value as Array<{ Id: number; Email: string }>;
  const userId = (login: string | undefined): number | undefined => {
    const found = siteUsers.filter((u) => login !== undefined && u.Email.toLowerCase() === login.toLowerCase())[0];
    return found ? found.Id : undefined;
  };
  const resolve = (p: IPerson | undefined): IPerson | undefined => (p ? { ...p, id: userId(p.login) } : undefined);

  const { programme, definitions } = programmeValues(seed.programme);
  await add(lead, 'programme', programme);
  for (const d of definitions) {
    await add(lead, 'ragDefinitions', d);
  }

  // Phases first: workstreams and periods look theirs up.
  const phaseIds: Map<number, number> = new Map<number, number>();
  for (const ph of seed.phases || []) {
    phaseIds.set(ph.id, await add(lead, 'phases', phaseRecord(ph)));
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
    workstreamIds.set(w.id, await add(lead, 'workstreams', { ...record, Phase: phaseOf('workstreamIds', w.id) }));
  }

  // Periods open first: the records of a locked period cannot be written.
  const periodIds: Map<number, number> = new Map<number, number>();
  for (const p of seed.periods) {
    periodIds.set(p.id, await add(lead, 'periods', { ...periodValues({ ...p, state: 'Open' }), Phase: phaseOf('periodIds', p.id) }));
  }

  const ws = (id: number): number => workstreamIds.get(id) as number;
  for (const item of seed.closeDown || []) {
    await add(lead, 'closeDown', closeDownItemValues({ ...item, phaseId: phaseIds.get(item.phaseId) as number, workstreamId: item.workstreamId === undefined ? undefined : ws(item.workstreamId), destinationWorkstreamId: item.destinationWorkstreamId === undefined ? undefined : ws(item.destinationWorkstreamId) }));
  }
  const period = (id: number): number => periodIds.get(id) as number;
  const managerOf = (workstreamId: number): string => {
    const w = seed.workstreams.filter((x) => x.id === workstreamId)[0];
    return (w.projectManagers[0] && w.projectManagers[0].login) || lead;
  };
  const sponsorOf = (workstreamId: number): string => {
    const w = seed.workstreams.filter((x) => x.id === workstreamId)[0];
    return (w.sponsor && w.sponsor.login) || lead;
  };

  for (const r of seed.statusReports) {
    const rest = without(r, 'id');
    const code: string = seed.workstreams.filter((w) => w.id === r.workstreamId)[0].code;
    const periodTitle: string = seed.periods.filter((p) => p.id === r.periodId)[0].title;
    await add(managerOf(r.workstreamId), 'statusReports', { ...toValues('statusReport', { ...rest, workstreamId: ws(r.workstreamId), periodId: period(r.periodId) }), Title: `${code} – ${periodTitle}` });
  }
  for (const c of seed.sponsorComments) {
    const rest = without(c, 'id', 'author');
    await add(sponsorOf(c.workstreamId), 'sponsorComments', toValues('sponsorComment', { ...rest, workstreamId: ws(c.workstreamId), periodId: period(c.periodId) }));
  }
  for (const m of seed.milestones) {
    const rest = without(m, 'id');
    await add(managerOf(m.workstreamId), 'milestones', toValues('milestone', { ...rest, workstreamId: ws(m.workstreamId), periodId: period(m.periodId) }));
  }
  for (const r of seed.risks) {
    const rest = without(r, 'id');
    await add(
      managerOf(r.workstreamId),
      'risks',
      toValues('risk', { ...rest, workstreamId: ws(r.workstreamId), raisedPeriodId: period(r.raisedPeriodId), closedPeriodId: r.closedPeriodId === undefined ? undefined : period(r.closedPeriodId) })
    );
  }
  for (const f of seed.feedback) {
    const author = f.author;
    const rest = without(f, 'id', 'author', 'created');
    const login: string = (author && author.login) || seed.users.filter((u) => u.groups.indexOf('IIB Members') >= 0)[0].login;
    await add(login, 'feedback', toValues('feedback', { ...rest, workstreamId: ws(f.workstreamId), periodId: period(f.periodId) }));
  }

  // A period that went to the Board is locked as the programme office locks one: with the
  // snapshot of everything its report showed — as it went, faults and all, which the lock's
  // override records in the period's history.
  const office = new PnpRepository(spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), BearerLogin(lead)));
  for (const p of seed.periods.filter((x) => x.state === 'Locked')) {
    await office.lockPeriod(period(p.id), { overrideReason: 'Recorded as the paper went to the Board.' });
  }
  return result;
}
