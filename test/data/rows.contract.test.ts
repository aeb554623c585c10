/**
 * The transports' protocol-neutral rows (issue 15 item 5): PnPjs over SharePoint REST and
 * graph-client over Microsoft Graph, against the same emulator over real HTTP, give the same
 * rows for the same items — values by column, lookups and people as ids — and none of either
 * protocol's own names; every transport, the in-memory one too, writes column values and gives
 * back what it stored, and a stale write's conflict carries the item as a row.
 */
import { spfi, SPBrowser } from '@pnp/sp';
import type { Emulator } from '../../src/emulator/server';
import { BearerLogin, PnpTransport } from '../../src/data/sharepoint/PnpRepository';
import { graphTransport } from '../../src/data/graph/connect';
import { MemoryTransport } from '../../src/data/memory/MemoryTransport';
import { COLUMNS, readColumns, readsStamps } from '../../src/data/lists';
import type { ListKey } from '../../src/data/repository';
import type { IRowTransport, QuerySet, Row } from '../../src/data/transport';
import { rowPredicate, type IFilterSpec, type IListQuery } from '../../src/data/query';
import { isDataError } from '../../src/data/errors';
import { memorySiteOf, startStack, USERS } from './support/stack';

const pnpRows = (emu: Emulator): IRowTransport => new PnpTransport(spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(USERS.lead)));
const graphRows = (emu: Emulator): IRowTransport =>
  graphTransport({ graphOrigin: emu.httpsUrl, customHosts: ['localhost'], siteUrl: emu.siteUrl, graphToken: async () => USERS.lead, sharePointToken: async () => USERS.lead });
const memoryRows = (emu: Emulator): IRowTransport => {
  const { site, ready } = memorySiteOf(emu);
  return new MemoryTransport(site, USERS.lead, ready);
};

const TRANSPORTS: Array<[string, (emu: Emulator) => IRowTransport]> = [
  ['PnPjs over SharePoint REST', pnpRows],
  ['graph-client over Microsoft Graph', graphRows],
  ['the in-memory list transport', memoryRows]
];

/** The lists read whole below: a multi-person column (workstreams), lookups and dates among them. */
const LISTS: ListKey[] = ['workstreams', 'periods', 'statusReports', 'milestones', 'risks', 'sponsorComments', 'feedback'];

/** A row less its ETag, whose spelling is each protocol's own. */
function withoutEtag(r: Row): Partial<Row> {
  return { ...r, etag: undefined };
}

/** What is wrong with a row's values as the list's columns: names that are no column, references that are not ids. */
function faultsOf(list: ListKey, row: Row): string[] {
  const faults: string[] = [];
  for (const name of Object.keys(row.values)) {
    const column = COLUMNS[list].filter((c) => c.name === name)[0];
    const v: unknown = row.values[name];
    if (!column) {
      faults.push(`${name}: no column of ${list}`);
    } else if (column.kind === 'userMulti' && !(Array.isArray(v) && v.every((x) => typeof x === 'number' && x > 0))) {
      faults.push(`${name}: ${JSON.stringify(v)} is not ids`);
    } else if ((column.kind === 'lookup' || column.kind === 'user') && v !== null && !(typeof v === 'number' && v > 0)) {
      faults.push(`${name}: ${JSON.stringify(v)} is not an id`);
    }
  }
  return faults;
}

describe('the transports’ rows', () => {
  let emu: Emulator;

  beforeAll(async () => {
    emu = await startStack();
  });
  afterAll(() => emu.close());

  it('are the same over PnPjs and Graph for the same items, whole and as a view reads them, in the lists’ own column names', async () => {
    const queries = Object.fromEntries(LISTS.map((list) => [list, { list }]));
    const view = { ratings: { list: 'statusReports' as ListKey, columns: ['Workstream', 'ReportingPeriod', 'Rag'] } };
    const [rest, graph] = await Promise.all([pnpRows(emu), graphRows(emu)].map((t) => t.read({ ...queries, ...view }, { action: 'read the rows' })));
    for (const list of LISTS) {
      expect(rest.records[list].length).toBeGreaterThan(0);
      expect(graph.records[list].map(withoutEtag)).toEqual(rest.records[list].map(withoutEtag));
      expect(rest.records[list].flatMap((r) => faultsOf(list, r))).toEqual([]);
      // A whole read gives every column the product reads and the item's ETag; who made it and
      // when only for the lists whose authors the product shows.
      for (const r of [...rest.records[list], ...graph.records[list]]) {
        expect(Object.keys(r.values).sort()).toEqual(readColumns(list).map((c) => c.name).sort());
        expect(r.etag).not.toBe('');
        expect(typeof (r.author && r.author.id)).toBe(readsStamps(list) ? 'number' : 'undefined');
        expect(typeof r.created).toBe(readsStamps(list) ? 'string' : 'undefined');
      }
    }
    expect(rest.records.workstreams.some((r) => (r.values.ProjectManagers as number[]).length > 0)).toBe(true);
    // A view's read gives the columns it names, and nothing of who made the item or when.
    expect(graph.records.ratings.map(withoutEtag)).toEqual(rest.records.ratings.map(withoutEtag));
    for (const r of rest.records.ratings) {
      expect(Object.keys(r.values).sort()).toEqual(['Rag', 'ReportingPeriod', 'Workstream']);
      expect(r.author).toBeUndefined();
    }
  });

  it('of a filtered read lack none of the columns, though the references the server’s filter fixes are not asked for', async () => {
    const whole: Row[] = (await pnpRows(emu).read({ all: { list: 'milestones' } }, { action: 'read the milestones' })).records.all;
    const some: Row = whole[Math.floor(whole.length / 2)];
    const period = some.values.ReportingPeriod as number;
    const workstream = some.values.Workstream as number;
    const timing = some.values.Timing as string;
    const other: number = (whole.map((r) => r.values.ReportingPeriod as number).filter((p) => p !== period)[0]) as number;
    expect([period, workstream, other].every((id) => typeof id === 'number')).toBe(true);
    const queries: QuerySet = {
      // A period, a workstream and a timing: all fixed over SharePoint REST; over Graph only the
      // period, the clause it applies itself (it filters one indexed column at a time).
      fixed: {
        list: 'milestones',
        filter: { anyOf: [{ column: 'ReportingPeriod', value: period }], allOf: [{ column: 'Workstream', value: workstream }, { column: 'Timing', value: timing }] }
      },
      // A choice spelt otherwise than the list spells it matches (SharePoint compares without
      // case), so the item's own spelling is read.
      spelt: { list: 'milestones', filter: { anyOf: [{ column: 'ReportingPeriod', value: period }], allOf: [{ column: 'Timing', value: timing.toUpperCase() }] } },
      // A view naming the fixed column: it still has it.
      view: { list: 'milestones', filter: { anyOf: [{ column: 'ReportingPeriod', value: period }] }, columns: ['Title', 'ReportingPeriod'] },
      // Either of two periods fixes nothing.
      either: { list: 'milestones', filter: { anyOf: [{ column: 'ReportingPeriod', value: period }, { column: 'ReportingPeriod', value: other }] } }
    };
    const expected = (q: IListQuery): Array<Partial<Row>> =>
      whole
        .filter(rowPredicate('milestones', q.filter as IFilterSpec))
        .map((r) => ({ id: r.id, etag: undefined, values: q.columns ? Object.fromEntries(q.columns.map((c) => [c, r.values[c]])) : r.values }));
    for (const [name, make] of TRANSPORTS) {
      emu.resetStats();
      const { records } = await make(emu).read(queries, { action: 'read the milestones' });
      for (const q of Object.keys(queries)) {
        // The rows that differ, a few at most (a diff of hundreds of rows is slow to print).
        const want: Array<Partial<Row>> = expected(queries[q]);
        const got: Array<Partial<Row>> = records[q].map(withoutEtag);
        const same = (a: Partial<Row>, b: Partial<Row> | undefined): boolean => b !== undefined && a.id === b.id && JSON.stringify(Object.entries(a.values || {}).sort()) === JSON.stringify(Object.entries(b.values || {}).sort());
        const differ = want.map((w, i) => [w, got[i]]).filter(([w, g]) => !same(w, g)).slice(0, 2);
        expect({ name, q, count: got.length, differ }).toEqual({ name, q, count: want.length, differ: [] });
      }
      // What went on the wire: the batch's four parts, in the queries' order (the in-memory transport sends nothing).
      const [fixed, spelt, view, either] = emu.stats.recentParts.slice(-4).map((p) => decodeURIComponent(p.path));
      if (name.startsWith('PnPjs')) {
        const select = (p: string): string[] => (p.match(/\$select=([^&]*)/) || ['', ''])[1].split(',');
        expect(select(fixed)).toEqual(expect.arrayContaining(['Id', 'Title', 'MilestoneStatus', 'owshiddenversion']));
        expect(select(fixed)).not.toEqual(expect.arrayContaining(['ReportingPeriodId']));
        expect(select(fixed)).not.toEqual(expect.arrayContaining(['WorkstreamId']));
        expect(select(fixed)).not.toEqual(expect.arrayContaining(['Timing']));
        expect(select(spelt)).toEqual(expect.arrayContaining(['Timing']));
        expect(select(view)).toEqual(['Id', 'Title']);
        expect(select(either)).toEqual(expect.arrayContaining(['ReportingPeriodId', 'WorkstreamId']));
      } else if (name.startsWith('graph')) {
        const fields = (p: string): string[] => (p.match(/fields\(select=([^)]*)\)/) || ['', ''])[1].split(',');
        expect(fields(fixed)).not.toEqual(expect.arrayContaining(['ReportingPeriodLookupId']));
        // The workstream is filtered here, from the answer, so it is asked for.
        expect(fields(fixed)).toEqual(expect.arrayContaining(['id', 'Title', 'WorkstreamLookupId', 'Timing']));
        expect(fields(view)).toEqual(['id', 'Title']);
        expect(fields(either)).toEqual(expect.arrayContaining(['ReportingPeriodLookupId']));
      }
    }
  });

  describe.each(TRANSPORTS)('%s', (_name, make) => {
    it('writes column values and gives back the item as stored; a stale write is a conflict carrying the item as a row', async () => {
      const t: IRowTransport = make(emu);
      const { records } = await t.read({ workstreams: { list: 'workstreams' }, periods: { list: 'periods' } }, { action: 'read the rows' });
      const workstream: number = records.workstreams[0].id;
      const period: number = records.periods[records.periods.length - 1].id;
      const made: Row = await t.create('risks', { Title: 'Rows over every transport', RiskDescription: 'Rows over every transport', Workstream: workstream, RaisedPeriod: period, RiskState: 'Open' }, 'add the risk');
      expect(made.values).toMatchObject({ RiskDescription: 'Rows over every transport', Workstream: workstream, RaisedPeriod: period, ClosedPeriod: null, RiskState: 'Open' });
      expect(made.id).toBeGreaterThan(0);

      const changed: Row = await t.update('risks', made.id, { RaisedPeriod: records.periods[0].id, RiskDescription: 'Moved', Title: 'Moved' }, made.etag, 'change the risk');
      expect(changed.values).toMatchObject({ RiskDescription: 'Moved', Workstream: workstream, RaisedPeriod: records.periods[0].id });
      expect(changed.etag).not.toBe(made.etag);

      const stale: unknown = await t.update('risks', made.id, { RiskDescription: 'Stale', Title: 'Stale' }, made.etag, 'change the risk').then(
        () => undefined,
        (e: unknown) => e
      );
      expect(isDataError(stale, 'conflict')).toBe(true);
      const current = (stale as { current?: Row }).current;
      expect(current && { id: current.id, etag: current.etag, description: current.values.RiskDescription }).toEqual({ id: made.id, etag: changed.etag, description: 'Moved' });

      // The Title the product fills (the description's first line, for SharePoint's own views) is
      // not read with the items, only when named or with every column (an export's read).
      const title = (q: { every?: boolean; columns?: string[] }): Promise<unknown> =>
        t.read({ risk: { list: 'risks', id: made.id, ...q } }, { action: 'read the risk' }).then((r) => r.records.risk[0].values.Title);
      expect(await title({})).toBeUndefined();
      expect(await title({ every: true })).toBe('Moved');
      expect(await title({ columns: ['Title'] })).toBe('Moved');

      await t.remove('risks', made.id, changed.etag, 'remove the risk');
      expect((await t.read({ gone: { list: 'risks', id: made.id } }, { action: 'read the risk' })).records.gone).toEqual([]);
    });
  });
});
