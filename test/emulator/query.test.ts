/**
 * Query decoding as the clients encode it (pnpjs form-encodes with URLSearchParams, graph-client
 * sends `$ ( ) , / =` raw), and SharePoint REST's query options: $filter, $orderby, $top,
 * skiptoken paging, $select/$expand, errors, and the three metadata levels.
 */
import type { SPFI } from '@pnp/sp';
import type { Emulator } from '../../src/emulator/server';
import { allItems, listPath, pnp, sp, spErrorOf, startStack, USERS, type IReply, type Json } from './helpers';

/** A query string as pnpjs writes it: URLSearchParams form encoding. */
function form(params: { [name: string]: string }): string {
  return new URLSearchParams(params).toString();
}

function ids(items: Json[]): number[] {
  return items.map((i) => i.Id);
}

describe('SharePoint REST queries', () => {
  let emu: Emulator;
  let milestones: Json[];
  let risks: Json[];
  let periods: Json[];
  beforeAll(async () => {
    emu = await startStack();
    // The seeded milestones have no due dates: a few with dates (and one of each kind of text) give the date cases something to tell apart.
    const dated: Array<[string, string | null]> = [
      ['Due mid November', '2023-11-15'],
      ['Due at the start of December', '2023-12-01T00:00:00Z'],
      ["It's, a/b", '2023-12-20T09:30:00Z'],
      ['Due in the new year', '2024-01-31'],
      ['Due & overdue', '2023-10-02']
    ];
    for (const [title, due] of dated) {
      const r: IReply = await sp(emu, `${listPath('Milestones')}/items`, { method: 'POST', body: { Title: title, WorkstreamId: 5, ReportingPeriodId: 2, Timing: 'Next period', DueDate: due, SortOrder: 9 } });
      if (r.status !== 201) {
        throw new Error(r.text);
      }
    }
    milestones = await allItems(emu, 'Milestones');
    risks = await allItems(emu, 'Risks');
    periods = await allItems(emu, 'Reporting Periods');
  });
  afterAll(() => emu.close());

  async function query(title: string, params: { [name: string]: string }, headers: { [name: string]: string } = {}): Promise<IReply> {
    return sp(emu, `${listPath(title)}/items?${form(params)}`, { headers });
  }

  describe('decoding', () => {
    it('form-decodes a pnpjs query string: %24, + for space, %27, %2C and %2F', async () => {
      const qs: string = form({ $select: 'Id,Title,Workstream/Title', $expand: 'Workstream', $filter: "Timing eq 'Next period' and Workstream/Id eq 2", $top: '500' });
      expect(qs).toContain('%24select=Id%2CTitle%2CWorkstream%2FTitle');
      expect(qs).toContain('%24filter=Timing+eq+%27Next+period%27+and+Workstream%2FId+eq+2');
      const r: IReply = await sp(emu, `${listPath('Milestones')}/items?${qs}`);
      expect(r.status).toBe(200);
      const expected: number[] = ids(milestones.filter((m) => m.Timing === 'Next period' && m.WorkstreamId === 2));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(r.body.value)).toEqual(expected);
      expect(r.body.value[0].Workstream.Title).toBe('Procurement');
      expect(Object.keys(r.body.value[0]).filter((k) => !k.startsWith('odata.'))).toEqual(['Id', 'Title', 'Workstream', 'ID']);
    });

    it('reads getByTitle with an encoded space, with %27 for the quotes, and with doubled quotes', async () => {
      const spaced: IReply = await sp(emu, "web/lists/getByTitle('Reporting%20Periods')/items?%24select=Title");
      expect(spaced.body.value.map((p: Json) => p.Title)).toEqual(['June 2023', 'November/December 2023']);
      const encodedQuotes: IReply = await sp(emu, 'web/lists/getByTitle(%27Reporting%20Periods%27)/items?%24select=Title');
      expect(encodedQuotes.body.value).toEqual(spaced.body.value);
      // A title with an apostrophe is sent with the quote doubled; the emulator reads it back single.
      const apostrophe: IReply = await sp(emu, `${listPath("Director's Notes")}/items`);
      expect(listPath("Director's Notes")).toBe("web/lists/getByTitle('Director''s%20Notes')");
      expect(apostrophe.status).toBe(404);
      expect(spErrorOf(apostrophe.body)).toEqual({ code: '-1, System.ArgumentException', message: `List 'Director's Notes' does not exist at site with URL '${emu.siteUrl}'.` });
    });

    it('reads a filter whose string literal holds a doubled quote, a comma and a slash', async () => {
      const r: IReply = await query('Milestones', { $filter: "Title eq 'It''s, a/b' or substringof('&', Title)", $select: 'Id,Title' });
      expect(r.status).toBe(200);
      expect(ids(r.body.value)).toEqual(ids(milestones.filter((m) => m.Title === "It's, a/b" || (m.Title || '').indexOf('&') >= 0)));
      expect(r.body.value.length).toBeGreaterThan(0);
    });
  });

  describe('decoding as graph-client sends it', () => {
    async function graphGet(pathAndQuery: string): Promise<IReply> {
      const res: Response = await fetch(`${emu.url}/v1.0/sites/localhost:/sites/improvement:/lists/Milestones/${pathAndQuery}`, { headers: { Authorization: `Bearer ${USERS.lead}` } });
      const text: string = await res.text();
      return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
    }

    it("reads raw $ ( ) , / = with %20 for spaces and %27 for quotes", async () => {
      const url: URL = new URL(`${emu.url}/v1.0/x?$expand=fields($select=Title,Timing)&$filter=fields/Timing eq 'Next period'&$top=100`);
      // This is what goes on the wire: the URL parser encodes only the space and the quote.
      expect(url.search).toBe("?$expand=fields($select=Title,Timing)&$filter=fields/Timing%20eq%20%27Next%20period%27&$top=100");
      const r: IReply = await graphGet(`items${url.search}`);
      expect(r.status).toBe(200);
      const expected: number[] = ids(milestones.filter((m) => m.Timing === 'Next period'));
      expect(r.body.value.map((i: Json) => Number(i.id))).toEqual(expected);
      expect(Object.keys(r.body.value[0].fields).sort()).toEqual(['@odata.etag', 'Timing', 'Title']);
    });

    it('accepts select and expand without the $, and encoded forms too', async () => {
      const plain: IReply = await graphGet("items?expand=fields(select=Title)&$filter=fields/WorkstreamLookupId eq '3'&top=100");
      const encoded: IReply = await graphGet('items?%24expand=fields(%24select%3DTitle)&%24filter=fields%2FWorkstreamLookupId%20eq%20%273%27&%24top=100');
      expect(plain.status).toBe(200);
      const expected: number[] = ids(milestones.filter((m) => m.WorkstreamId === 3));
      expect(plain.body.value.map((i: Json) => Number(i.id))).toEqual(expected);
      expect(encoded.body.value).toEqual(plain.body.value);
      expect(plain.body.value[0].fields.Title).toBe(milestones.filter((m) => m.WorkstreamId === 3)[0].Title);
    });
  });

  describe('$filter', () => {
    const cases: Array<[string, string, string, (i: Json) => boolean]> = [
      ['text eq', 'Milestones', "Title eq 'Agreed project plan and clear scope'", (i) => i.Title === 'Agreed project plan and clear scope'],
      ['text ne', 'Workstreams', "Code ne 'GOV'", (i) => i.Code !== 'GOV'],
      ['startswith on text', 'Milestones', "startswith(Title,'Agreed')", (i) => /^agreed/i.test(i.Title)],
      ['substringof on text', 'Milestones', "substringof('plan',Title)", (i) => /plan/i.test(i.Title)],
      ['number lt', 'Milestones', 'SortOrder lt 4', (i) => i.SortOrder !== null && i.SortOrder < 4],
      ['number le / ge with and', 'Milestones', 'SortOrder ge 3 and SortOrder le 5', (i) => i.SortOrder >= 3 && i.SortOrder <= 5],
      ['number gt', 'Risks', 'SortOrder gt 3', (i) => i.SortOrder !== null && i.SortOrder > 3],
      ['number eq with a decimal literal', 'Risks', 'SortOrder eq 2.0', (i) => i.SortOrder === 2],
      ['choice eq', 'Milestones', "Timing eq 'Next period'", (i) => i.Timing === 'Next period'],
      ['choice ne', 'Milestones', "Timing ne 'Next period'", (i) => i.Timing !== 'Next period'],
      ['or, with parentheses', 'Milestones', "(WorkstreamId eq 1 or WorkstreamId eq 3) and Timing eq 'This period'", (i) => (i.WorkstreamId === 1 || i.WorkstreamId === 3) && i.Timing === 'This period'],
      ['and binds tighter than or', 'Milestones', "WorkstreamId eq 1 or WorkstreamId eq 3 and Timing eq 'Next period'", (i) => i.WorkstreamId === 1 || (i.WorkstreamId === 3 && i.Timing === 'Next period')],
      ['not', 'Milestones', "not (Timing eq 'This period') and WorkstreamId eq 4", (i) => i.Timing !== 'This period' && i.WorkstreamId === 4],
      ['date with a datetime literal', 'Reporting Periods', "PeriodStart ge datetime'2023-07-01T00:00:00Z'", (i) => i.PeriodStart >= '2023-07-01T00:00:00Z'],
      ['date with a plain ISO string', 'Reporting Periods', "PeriodEnd lt '2023-07-01'", (i) => i.PeriodEnd < '2023-07-01T00:00:00Z'],
      ['date gt with a full ISO string', 'Reporting Periods', "PeriodEnd gt '2023-07-01T00:00:00Z'", (i) => i.PeriodEnd > '2023-07-01T00:00:00Z'],
      ['date range with datetime literals', 'Milestones', "DueDate ge datetime'2023-11-15T00:00:00Z' and DueDate lt datetime'2023-12-20T09:30:00Z'", (i) => i.DueDate !== null && i.DueDate >= '2023-11-15T00:00:00Z' && i.DueDate < '2023-12-20T09:30:00Z'],
      ['date le with a plain date', 'Milestones', "DueDate le '2023-12-01'", (i) => i.DueDate !== null && i.DueDate <= '2023-12-01T00:00:00Z'],
      ['date gt with a plain date', 'Milestones', "DueDate gt '2023-12-01'", (i) => i.DueDate !== null && i.DueDate > '2023-12-01T00:00:00Z'],
      ['empty date', 'Milestones', 'DueDate eq null', (i) => i.DueDate === null],
      ['lookup id as XxxId', 'Milestones', 'WorkstreamId eq 3', (i) => i.WorkstreamId === 3],
      ['lookup id as Xxx/Id', 'Milestones', 'Workstream/Id eq 3', (i) => i.WorkstreamId === 3],
      ['lookup ids compared', 'Risks', 'RaisedPeriodId eq 1 and ClosedPeriodId eq 2', (i) => i.RaisedPeriodId === 1 && i.ClosedPeriodId === 2],
      ['person id', 'Milestones', 'AuthorId eq AUTHOR', (i) => i.AuthorId === 'AUTHOR'],
      ['person id as Xxx/Id', 'Milestones', 'Author/Id ne AUTHOR', (i) => i.AuthorId !== 'AUTHOR']
    ];

    it.each(cases)('%s: %s %s', async (_name, title, filter, predicate) => {
      const all: Json[] = title === 'Milestones' ? milestones : title === 'Risks' ? risks : title === 'Reporting Periods' ? periods : await allItems(emu, title);
      // The author of the first milestone stands in for AUTHOR, so the case depends on no seeding order.
      const author: number = milestones[0].AuthorId;
      const expected: number[] = ids(all.filter((i) => predicate({ ...i, AuthorId: i.AuthorId === author ? 'AUTHOR' : i.AuthorId })));
      // Each case must tell items apart: some match, some do not.
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
      const r: IReply = await query(title, { $filter: filter.replace('AUTHOR', String(author)), $top: '5000' });
      expect(r.status).toBe(200);
      expect(ids(r.body.value)).toEqual(expected);
    });

    it('finds nothing for a filter nothing matches', async () => {
      const r: IReply = await query('Milestones', { $filter: 'WorkstreamId eq 999' });
      expect(r.status).toBe(200);
      expect(r.body.value).toEqual([]);
    });
  });

  describe('$orderby and $top', () => {
    it('orders ascending and descending, ties by id', async () => {
      const asc: IReply = await query('Risks', { $orderby: 'SortOrder', $select: 'Id,SortOrder', $top: '5000' });
      const desc: IReply = await query('Risks', { $orderby: 'SortOrder desc,Id', $select: 'Id,SortOrder', $top: '5000' });
      expect(ids(asc.body.value)).toEqual(ids([...risks].sort((a, b) => a.SortOrder - b.SortOrder || a.Id - b.Id)));
      expect(ids(desc.body.value)).toEqual(ids([...risks].sort((a, b) => b.SortOrder - a.SortOrder || a.Id - b.Id)));
      expect(new Set(risks.map((r) => r.SortOrder)).size).toBeGreaterThan(2);
      const workstreams: Json[] = await allItems(emu, 'Workstreams');
      const titles: IReply = await query('Workstreams', { $orderby: 'Title desc', $select: 'Title' });
      expect(titles.body.value.map((w: Json) => w.Title)).toEqual(workstreams.map((w) => w.Title as string).sort().reverse());
      expect(titles.body.value.map((w: Json) => w.Title)).not.toEqual(workstreams.map((w) => w.Title));
      const dates: IReply = await query('Milestones', { $orderby: 'DueDate desc', $select: 'Id,DueDate', $filter: 'DueDate ne null' });
      // '2023-10-02' was written without a time: a date-only column's day starts at the London
      // site's midnight, in summer time 23:00 UTC the day before.
      expect(dates.body.value.map((m: Json) => m.DueDate)).toEqual(['2024-01-31T00:00:00Z', '2023-12-20T09:30:00Z', '2023-12-01T00:00:00Z', '2023-11-15T00:00:00Z', '2023-10-01T23:00:00Z']);
    });

    it('gives 100 items a page by default, and honours $top', async () => {
      const first: IReply = await query('Milestones', { $select: 'Id' });
      expect(first.body.value).toHaveLength(Math.min(100, milestones.length));
      const five: IReply = await query('Milestones', { $select: 'Id', $top: '5' });
      expect(ids(five.body.value)).toEqual(ids(milestones.slice(0, 5)));
    });

    it('ignores $skip for items, as SharePoint does', async () => {
      const r: IReply = await query('Milestones', { $skip: '10', $top: '5', $select: 'Id' });
      expect(ids(r.body.value)).toEqual(ids(milestones.slice(0, 5)));
    });
  });

  describe('paging', () => {
    it('pages with absolute nextLinks that repeat $top, $select and $filter', async () => {
      const filter: string = "Timing eq 'This period'";
      const expected: number[] = ids(milestones.filter((m) => m.Timing === 'This period'));
      expect(expected.length).toBeGreaterThan(20);
      let r: IReply = await query('Milestones', { $select: 'Id,Title', $filter: filter, $top: '10' });
      const seen: number[] = ids(r.body.value);
      let links: number = 0;
      while (r.body['odata.nextLink']) {
        const link: URL = new URL(r.body['odata.nextLink']);
        expect(link.origin).toBe(emu.url);
        expect(link.pathname).toBe("/sites/improvement/_api/web/lists/getByTitle('Milestones')/items");
        expect(link.searchParams.get('$top')).toBe('10');
        expect(link.searchParams.get('$select')).toBe('Id,Title');
        expect(link.searchParams.get('$filter')).toBe(filter);
        expect(link.searchParams.get('$skiptoken')).toBe(`Paged=TRUE&p_ID=${seen[seen.length - 1]}`);
        expect(r.body.value).toHaveLength(10);
        r = await reply0(link.toString());
        seen.push(...ids(r.body.value));
        links++;
      }
      expect(links).toBe(Math.ceil(expected.length / 10) - 1);
      expect(seen).toEqual(expected);
    });

    async function reply0(url: string): Promise<IReply> {
      const res: Response = await fetch(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${USERS.lead}` } });
      const text: string = await res.text();
      return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
    }

    it('reads a skiptoken as pnpjs writes it for items.skip(n)', async () => {
      const r: IReply = await sp(emu, `${listPath('Milestones')}/items?%24skiptoken=Paged%3DTRUE%26p_ID%3D10&%24top=5&%24select=Id`);
      expect(ids(r.body.value)).toEqual(ids(milestones.filter((m) => m.Id > 10).slice(0, 5)));
    });

    it.each([
      ['a non-ID column with ties', 'Timing'],
      ['a column with empty values, descending', 'DueDate desc'],
      ['two columns', 'WorkstreamId desc,SortOrder']
    ])('pages with $orderby on %s, every item exactly once', async (_name, orderBy) => {
      let r: IReply = await query('Milestones', { $select: 'Id', $orderby: orderBy, $top: '7' });
      const seen: number[] = [];
      for (let pages: number = 0; pages < 50; pages++) {
        expect(r.status).toBe(200);
        seen.push(...ids(r.body.value));
        if (!r.body['odata.nextLink']) {
          break;
        }
        r = await reply0(r.body['odata.nextLink']);
      }
      const whole: IReply = await query('Milestones', { $select: 'Id', $orderby: orderBy, $top: '5000' });
      expect(seen).toEqual(ids(whole.body.value));
      expect([...seen].sort((a, b) => a - b)).toEqual(ids(milestones));
    });

    it("pages through pnpjs's async iterator, which follows the nextLinks as given", async () => {
      const client: SPFI = pnp(emu, USERS.lead);
      const seen: number[] = [];
      let pages: number = 0;
      for await (const page of client.web.lists.getByTitle('Milestones').items.select('Id').orderBy('DueDate', false).top(20)) {
        pages++;
        seen.push(...(page as Json[]).map((i) => i.Id));
      }
      expect(pages).toBe(Math.ceil(milestones.length / 20));
      expect([...seen].sort((a, b) => a - b)).toEqual(ids(milestones));
    });
  });

  describe('$select and $expand', () => {
    it('refuses a lookup or person column selected without $expand', async () => {
      for (const select of ['Id,Workstream', 'Workstream/Title', 'Author/Title']) {
        const r: IReply = await query('Milestones', { $select: select });
        expect(r.status).toBe(400);
        const field: string = select.replace(/^Id,/, '').replace(/\/.*$/, '');
        expect(spErrorOf(r.body).code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
        const prefix: string = `The query to field '${field}' is not valid.`;
        expect(spErrorOf(r.body).message.slice(0, prefix.length)).toBe(prefix);
      }
    });

    it('projects expanded lookups and people', async () => {
      const r: IReply = await query('Milestones', { $select: 'Id,Title,WorkstreamId,Workstream/Title,Workstream/Code,Author/Title,Author/EMail', $expand: 'Workstream,Author', $top: '3' });
      expect(r.status).toBe(200);
      const first: Json = r.body.value[0];
      const author: Json = (await sp(emu, `web/getuserbyid(${milestones[0].AuthorId})`)).body;
      expect(first).toMatchObject({ Id: 1, WorkstreamId: 1, Workstream: { Title: 'Governance and Decision Making', Code: 'GOV' }, Author: { Title: author.Title, EMail: author.Email } });
      expect(Object.keys(first.Workstream).filter((k) => !k.startsWith('odata.'))).toEqual(['Title', 'Code']);
      expect(first.AuthorId).toBeUndefined();
    });

    it('projects the expanded people of a multi-person column', async () => {
      const r: IReply = await query('Workstreams', { $select: 'Code,ProjectManagers/Title,ProjectManagersId', $expand: 'ProjectManagers', $filter: "Code eq 'GOV'" });
      expect(r.status).toBe(200);
      const gov: Json = r.body.value[0];
      expect(gov.ProjectManagers.length).toBe(gov.ProjectManagersId.length);
      expect(gov.ProjectManagers.length).toBeGreaterThan(0);
      expect(typeof gov.ProjectManagers[0].Title).toBe('string');
    });

    it('answers an unknown field with SharePoint body, in $select, $filter, $orderby and $expand', async () => {
      const variants: Array<{ [name: string]: string }> = [{ $select: 'Id,Nope' }, { $filter: 'Nope eq 1' }, { $orderby: 'Nope' }, { $expand: 'Nope' }];
      for (const params of variants) {
        const r: IReply = await query('Milestones', params);
        expect(r.status).toBe(400);
        expect(r.body).toEqual({ 'odata.error': { code: '-1, Microsoft.SharePoint.SPException', message: { lang: 'en-US', value: "The field or property 'Nope' does not exist." } } });
      }
    });

    it('answers a filter it cannot parse with 400 InvalidClientQueryException', async () => {
      for (const filter of ['Title eq', "(Title eq 'x'", "Title equals 'x'", "Title eq 'unterminated", 'Title eq 1 )', "startswith(Title)"]) {
        const r: IReply = await query('Milestones', { $filter: filter });
        expect(r.status).toBe(400);
        expect(spErrorOf(r.body).code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
      }
      const badTop: IReply = await query('Milestones', { $top: 'ten' });
      expect(badTop.status).toBe(400);
      expect(spErrorOf(badTop.body).code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    });
  });

  describe('metadata levels', () => {
    function odataKeys(value: unknown): string[] {
      const found: string[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) {
          v.forEach(walk);
        } else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v as object)) {
            if (k.startsWith('odata.') || k === '__metadata') {
              found.push(k);
            }
            walk(x);
          }
        }
      };
      walk(value);
      return found;
    }

    it('answers Accept: application/json with minimal metadata', async () => {
      const r: IReply = await query('Milestones', { $select: 'Id,Title', $top: '2' });
      expect(r.headers.get('content-type')).toMatch(/^application\/json;odata=minimalmetadata/);
      expect(Object.keys(r.body)).toEqual(['odata.metadata', 'value', 'odata.nextLink']);
      expect(r.body['odata.metadata']).toBe(`${emu.siteUrl}/_api/$metadata#SP.ListData.MilestonesListItems`);
      expect(r.body.value[0]).toMatchObject({ 'odata.type': 'SP.Data.MilestonesListItem', 'odata.etag': '"1"', Id: 1 });
      expect(typeof r.body.value[0]['odata.id']).toBe('string');
      expect(r.body.value[0]['odata.editLink']).toMatch(/^Web\/Lists\(guid'[0-9a-f-]{36}'\)\/Items\(1\)$/);
    });

    it('answers odata=verbose with {"d":{"results":[…],"__next":…}} and __metadata.etag', async () => {
      const r: IReply = await query('Milestones', { $select: 'Id,Title', $top: '2' }, { Accept: 'application/json;odata=verbose' });
      expect(r.headers.get('content-type')).toMatch(/^application\/json;odata=verbose/);
      expect(Object.keys(r.body)).toEqual(['d']);
      expect(Object.keys(r.body.d)).toEqual(['results', '__next']);
      expect(new URL(r.body.d.__next).searchParams.get('$skiptoken')).toBe('Paged=TRUE&p_ID=2');
      expect(r.body.d.results[0].__metadata).toMatchObject({ type: 'SP.Data.MilestonesListItem', etag: '"1"' });
      const uri: string = r.body.d.results[0].__metadata.uri;
      expect(uri.startsWith(`${emu.siteUrl}/_api/`)).toBe(true);
      expect(uri.slice(`${emu.siteUrl}/_api/`.length)).toMatch(/^Web\/Lists\(guid'[0-9a-f-]{36}'\)\/Items\(1\)$/);
      const one: IReply = await sp(emu, `${listPath('Milestones')}/items(1)`, { headers: { Accept: 'application/json;odata=verbose' } });
      expect(one.body.d).toMatchObject({ Id: 1, __metadata: { etag: '"1"' } });
      const error: IReply = await query('Milestones', { $select: 'Nope' }, { Accept: 'application/json;odata=verbose' });
      expect(error.body).toEqual({ error: { code: '-1, Microsoft.SharePoint.SPException', message: { lang: 'en-US', value: "The field or property 'Nope' does not exist." } } });
    });

    it('answers odata=nometadata with no odata keys but the next link', async () => {
      const all: IReply = await query('Workstreams', { $select: 'Id,Title,Sponsor/Title', $expand: 'Sponsor' }, { Accept: 'application/json;odata=nometadata' });
      expect(all.headers.get('content-type')).toMatch(/^application\/json;odata=nometadata/);
      expect(Object.keys(all.body)).toEqual(['value']);
      expect(odataKeys(all.body)).toEqual([]);
      expect(all.body.value).toHaveLength(5);
      const one: IReply = await sp(emu, `${listPath('Milestones')}/items(1)`, { headers: { Accept: 'application/json;odata=nometadata' } });
      expect(odataKeys(one.body)).toEqual([]);
      expect(one.body.Id).toBe(1);
      // A paged answer keeps its next link: without it no client could read on.
      const paged: IReply = await query('Milestones', { $select: 'Id', $top: '2' }, { Accept: 'application/json;odata=nometadata' });
      expect(odataKeys(paged.body)).toEqual(['odata.nextLink']);
    });

    it('gives the hidden owshiddenversion only when named: the number in the item ETag, which an update raises and If-Match takes', async () => {
      const nometadata = { Accept: 'application/json;odata=nometadata' };
      const item = async (): Promise<Json> => (await sp(emu, `${listPath('Milestones')}/items(2)?$select=Id,Title,owshiddenversion`, { headers: nometadata })).body;
      const before: Json = await item();
      expect(before).toEqual({ Id: 2, ID: 2, Title: expect.any(String), owshiddenversion: expect.any(Number) });
      const withMetadata: Json = (await sp(emu, `${listPath('Milestones')}/items(2)?$select=Id,owshiddenversion`)).body;
      expect(withMetadata['odata.etag']).toBe(`"${before.owshiddenversion}"`);
      const whole: Json = (await sp(emu, `${listPath('Milestones')}/items(2)`, { headers: nometadata })).body;
      expect(whole.owshiddenversion).toBeUndefined();
      const merge = (etag: string): Promise<IReply> =>
        sp(emu, `${listPath('Milestones')}/items(2)`, { method: 'POST', headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': etag, 'Content-Type': 'application/json' }, body: JSON.stringify({ SortOrder: 7 }) });
      expect((await merge(`"${before.owshiddenversion}"`)).status).toBe(204);
      const after: Json = await item();
      expect(after.owshiddenversion).toBe(before.owshiddenversion + 1);
      expect((await merge(`"${before.owshiddenversion}"`)).status).toBe(412);
    });
  });
});

describe('a list of more than 5,000 items', () => {
  let emu: Emulator;
  let total: number;
  beforeAll(async () => {
    emu = await startStack();
    const list = emu.store.listByTitle('Risks');
    if (!list) {
      throw new Error('No Risks list');
    }
    const user = emu.site.userByLogin(USERS.lead);
    if (!user) {
      throw new Error('No lead');
    }
    // One transaction for the lot: SQLite syncs once, not 5,000 times.
    emu.store.transaction(() => {
      for (let i: number = 0; i < 5050; i++) {
        emu.site.createItem(user, list, { Title: `Bulk risk ${i}`, Workstream: (i % 5) + 1, RaisedPeriod: 2, RiskState: 'Open', Likelihood: (i % 5) + 1 }, 'SP.Data.RisksListItem');
      }
    });
    total = list.items.size;
  });
  afterAll(() => emu.close());

  it('gives 100 items a page without $top, then follows on from the last id', async () => {
    const r: IReply = await sp(emu, `${listPath('Risks')}/items?%24select=Id`);
    expect(r.body.value).toHaveLength(100);
    expect(new URL(r.body['odata.nextLink']).searchParams.get('$skiptoken')).toBe('Paged=TRUE&p_ID=100');
    expect(new URL(r.body['odata.nextLink']).searchParams.get('$top')).toBeNull();
  });

  it('caps $top at 5,000', async () => {
    const r: IReply = await sp(emu, `${listPath('Risks')}/items?%24select=Id&%24top=6000`);
    expect(total).toBeGreaterThan(5000);
    expect(r.body.value).toHaveLength(5000);
    const rest: Json = await (await fetch(r.body['odata.nextLink'], { headers: { Accept: 'application/json', Authorization: `Bearer ${USERS.lead}` } })).json();
    expect(rest.value).toHaveLength(total - 5000);
    expect(rest['odata.nextLink']).toBeUndefined();
  });
});
