/**
 * Provisioning the programme's lists by code (`npm run provision`, src/cli/provision.ts, and the
 * shared src/data/provisioning) against the emulator's team sites: the lists created on an empty
 * site with every column in the content type, an older site's lists brought up to date with no
 * item lost, a second run changing nothing, and bad input or a person without rights changing
 * nothing either.
 */
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { BearerLogin, PnpRepository } from '../../src/data/sharepoint/PnpRepository';
import { LIST_TITLES } from '../../src/data/repository';
import { LIST_SCHEMAS } from '../../src/data/provisioning/schema';
import type { IListSchema } from '../../src/data/provisioning/types';
import { provisionSite } from '../../src/data/provisioning/provision';
import { readProvisionArgs, runProvision } from '../../src/cli/provision';
import type { Emulator } from '../../src/emulator/server';
import { startStack, USERS } from '../data/support/stack';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let emu: Emulator;
beforeAll(async () => {
  emu = await startStack({ log: (l: string) => (process.env.PH_DEBUG ? console.log(l) : undefined) });
}, 60000);
afterAll(() => emu.close());

async function rest(siteUrl: string, path: string, as: string = USERS.lead, init: { method?: string; body?: unknown; headers?: { [k: string]: string } } = {}): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${siteUrl}/_api/${path}`, {
    method: init.method || 'GET',
    headers: { Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json', Authorization: `Bearer ${as}`, ...(init.headers || {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function provision(args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runProvision(args, (line) => out.push(line));
  return { code, out };
}

const list = (title: string): string => `web/lists/getByTitle('${encodeURIComponent(title)}')`;

/** Every list of a site that the schema names, with its columns and its content type's columns. */
async function snapshot(siteUrl: string): Promise<Json> {
  const out: Json = {};
  for (const schema of LIST_SCHEMAS) {
    const fields = await rest(siteUrl, `${list(schema.title)}/fields`);
    if (fields.status === 404) {
      continue;
    }
    const types = await rest(siteUrl, `${list(schema.title)}/contenttypes`);
    const ct = types.body.value[0];
    const links = await rest(siteUrl, `${list(schema.title)}/contenttypes('${ct.StringId}')/fieldlinks`);
    out[schema.title] = {
      fields: fields.body.value.map((f: Json) => ({ name: f.InternalName, type: f.TypeAsString, indexed: f.Indexed, unique: f.EnforceUniqueValues, lookup: f.LookupList })),
      contentType: links.body.value.map((l: Json) => l.Name)
    };
  }
  return out;
}

describe('npm run provision on an empty team site', () => {
  const site = (): string => `${emu.url}/sites/gov`;

  it('creates every list, each column as the schema has it and in the list\'s content type, with progress and a summary', async () => {
    expect((await rest(site(), list('Workstreams'))).status).toBe(404);
    const run = await provision(['--site', site(), '--as', USERS.lead]);
    expect({ code: run.code, out: run.code === 0 ? [] : run.out }).toEqual({ code: 0, out: [] });
    // A list, each column but the Title it comes with, and the Title's name where it has its own.
    const total: number = LIST_SCHEMAS.reduce((n, l) => n + 1 + l.fields.filter((f) => f.name !== 'Title' || f.displayName !== 'Title').length, 0);
    expect(run.out.filter((l) => /^\[\d+\/\d+\] /.test(l))).toHaveLength(total);
    expect(run.out).toContain(`[1/${total}] create the list Programme`);
    expect(run.out.join('\n')).toContain(`Lists created (${LIST_SCHEMAS.length}): ${LIST_SCHEMAS.map((l) => l.title).join(', ')}.`);

    const after = await snapshot(site());
    expect(Object.keys(after).sort()).toEqual(Object.values(LIST_TITLES).sort());
    for (const schema of LIST_SCHEMAS) {
      for (const field of schema.fields) {
        const have = after[schema.title].fields.filter((f: Json) => f.name === field.name)[0];
        expect({ list: schema.title, field: field.name, type: have && have.type, indexed: have && have.indexed }).toEqual({
          list: schema.title,
          field: field.name,
          type: field.type,
          indexed: field.indexed
        });
        if (field.lookupList) {
          expect(have.lookup).toBe(field.lookupList);
        }
        // In the content type: SharePoint's new and edit forms show the column.
        expect({ list: schema.title, inForm: after[schema.title].contentType.indexOf(field.name) >= 0 }).toEqual({ list: schema.title, inForm: true });
      }
      // Its Title column named for what the item is, as the XML names it.
      const title = await rest(site(), `${list(schema.title)}/fields/getbyinternalnameortitle('Title')`);
      expect({ list: schema.title, title: title.body.Title }).toEqual({ list: schema.title, title: schema.fields.filter((f) => f.name === 'Title')[0].displayName });
    }
  });

  it('gives a site the product can use at once, whose new status reports say what they are', async () => {
    const sp: SPFI = spfi(site()).using(SPBrowser({ baseUrl: site() }), BearerLogin(USERS.lead));
    const repo = new PnpRepository(sp);
    await rest(site(), `${list('Workstreams')}/items`, USERS.lead, { method: 'POST', body: { Title: 'Governance and Decision Making', Code: 'GOV', SortOrder: 1 } });
    const period = await repo.createPeriod({ title: 'January 2024', start: '2024-01-01', end: '2024-01-31' } as Parameters<PnpRepository['createPeriod']>[0]);
    const summary = await repo.getProgrammeSummary();
    expect(summary.workstreams.map((w) => w.code)).toEqual(['GOV']);
    const report = await repo.create('statusReport', { workstreamId: summary.workstreams[0].id, periodId: period.id, rag: 'Amber', state: 'Draft' } as Parameters<PnpRepository['create']>[1]);
    const stored = await rest(site(), `${list('Status Reports')}/items(${report.id})?$select=Title`);
    expect(stored.body.Title).toBe('GOV – January 2024');
  });

  it('changes nothing when run again, and says so', async () => {
    const before = await snapshot(site());
    const run = await provision(['--site', `${site()}/`, '--as', USERS.lead]);
    expect(run.code).toBe(0);
    expect(run.out.filter((l) => /^\[/.test(l))).toEqual([]);
    expect(run.out).toContain(`${site()}: every list is up to date; nothing changed.`);
    expect(await snapshot(site())).toEqual(before);
    emu.resetStats();
    const check = await provision(['--site', site(), '--check', '--as', USERS.lead]);
    expect(check).toEqual({ code: 0, out: [`${site()}: every list is up to date.`] });
    // The check the dashboard runs for those who manage the lists: the lists, a form digest for
    // the $batch POSTs, then two batches — not three requests a list.
    expect(emu.stats.roundTrips).toBe(4);
  });
});

describe('npm run provision on an older site', () => {
  const site = (): string => `${emu.url}/sites/proc`;
  /** The schema as an older release had it: Risks without Mitigation, Milestones' DueDate not indexed. */
  const older: IListSchema[] = LIST_SCHEMAS.map((l) =>
    l.title === 'Risks'
      ? { ...l, fields: l.fields.filter((f) => f.name !== 'Mitigation') }
      : l.title === 'Milestones'
        ? { ...l, fields: l.fields.map((f) => (f.name === 'DueDate' ? { ...f, indexed: false, xml: f.xml.replace('Indexed="TRUE"', 'Indexed="FALSE"') } : f)) }
        : l
  );

  it('adds the missing column and index, and loses no item', async () => {
    const sp: SPFI = spfi(site()).using(SPBrowser({ baseUrl: site() }), BearerLogin(USERS.lead));
    await provisionSite(sp, site(), { schemas: older });
    const ws = await rest(site(), `${list('Workstreams')}/items`, USERS.lead, { method: 'POST', body: { Title: 'Procurement', Code: 'PROC', SortOrder: 2 } });
    const period = await rest(site(), `${list('Reporting Periods')}/items`, USERS.lead, { method: 'POST', body: { Title: 'June 2023', PeriodStart: '2023-06-01T00:00:00Z', PeriodEnd: '2023-06-30T00:00:00Z', PeriodState: 'Open' } });
    expect([ws.status, period.status]).toEqual([201, 201]);
    const risks: number[] = [];
    for (const n of [1, 2, 3]) {
      const r = await rest(site(), `${list('Risks')}/items`, USERS.lead, {
        method: 'POST',
        body: { Title: `Risk ${n}`, RiskNumber: `R${n}`, RiskDescription: `Supplier ${n} may fail`, WorkstreamId: ws.body.Id, RaisedPeriodId: period.body.Id, RiskState: 'Open' }
      });
      expect(r.status).toBe(201);
      risks.push(r.body.Id);
    }
    const beforeItems = (await rest(site(), `${list('Risks')}/items?$select=Id,Title,RiskNumber,RiskDescription`)).body.value;
    expect((await rest(site(), `${list('Risks')}/fields/getbyinternalnameortitle('Mitigation')`)).status).toBe(404);

    const check = await provision(['--site', site(), '--check', '--as', USERS.lead]);
    expect(check.code).toBe(1);
    expect(check.out).toEqual(['would index the column DueDate of Milestones', 'would add the column Mitigation to Risks', `${site()}: 2 change(s) to make; run without --check to make them.`]);
    expect((await rest(site(), `${list('Risks')}/fields/getbyinternalnameortitle('Mitigation')`)).status).toBe(404);

    const run = await provision(['--site', site(), '--as', USERS.lead]);
    expect(run.code).toBe(0);
    expect(run.out).toEqual([
      `Provisioning the programme's lists on ${site()}…`,
      '[1/2] index the column DueDate of Milestones',
      '[2/2] add the column Mitigation to Risks',
      `${site()}: 2 changes.`,
      'Columns added (1): Risks: Mitigation.',
      'Columns indexed (1): Milestones: DueDate.',
      `Already up to date: ${LIST_SCHEMAS.filter((l) => l.title !== 'Risks' && l.title !== 'Milestones').map((l) => l.title).join(', ')}.`
    ]);
    const afterItems = (await rest(site(), `${list('Risks')}/items?$select=Id,Title,RiskNumber,RiskDescription,Mitigation`)).body.value;
    expect(afterItems.map((i: Json) => ({ ...i, Mitigation: undefined }))).toEqual(beforeItems.map((i: Json) => ({ ...i, Mitigation: undefined })));
    expect(afterItems.map((i: Json) => i.Id)).toEqual(risks);
    expect(afterItems.every((i: Json) => i.Mitigation === null)).toBe(true);
    const due = await rest(site(), `${list('Milestones')}/fields/getbyinternalnameortitle('DueDate')`);
    expect(due.body.Indexed).toBe(true);
    // The new column is in the content type too.
    const snap = await snapshot(site());
    expect(snap.Risks.contentType).toContain('Mitigation');

    const again = await provision(['--site', site(), '--as', USERS.lead]);
    expect(again.out).toContain(`${site()}: every list is up to date; nothing changed.`);
  });

  it('leaves a column of another type alone and says so', async () => {
    const sp: SPFI = spfi(site()).using(SPBrowser({ baseUrl: site() }), BearerLogin(USERS.lead));
    const changed: IListSchema[] = LIST_SCHEMAS.map((l) => (l.title === 'Risks' ? { ...l, fields: l.fields.map((f) => (f.name === 'RiskOwner' ? { ...f, type: 'Note' } : f)) } : l));
    const summary = await provisionSite(sp, site(), { schemas: changed });
    expect(summary.warnings).toEqual(['Risks: the column RiskOwner is Text, not Note; it is left as it is.']);
    expect(summary.fieldsAdded).toEqual([]);
  });
});

describe('npm run provision on a site whose columns are outside the content type', () => {
  it('puts them in, so that SharePoint\'s forms show them', async () => {
    const site = `${emu.url}/sites/part`;
    const sp: SPFI = spfi(site).using(SPBrowser({ baseUrl: site }), BearerLogin(USERS.lead));
    const withoutMitigation: IListSchema[] = LIST_SCHEMAS.map((l) => (l.title === 'Risks' ? { ...l, fields: l.fields.filter((f) => f.name !== 'Mitigation') } : l));
    await provisionSite(sp, site, { schemas: withoutMitigation });
    // Added as the old feature did: a list column outside the content type (no AddToAllContentTypes).
    const mitigation = LIST_SCHEMAS.filter((l) => l.title === 'Risks')[0].fields.filter((f) => f.name === 'Mitigation')[0];
    const added = await rest(site, `${list('Risks')}/fields/createfieldasxml`, USERS.lead, { method: 'POST', body: { parameters: { SchemaXml: mitigation.xml, Options: 8 } } });
    expect(added.status).toBe(201);
    expect((await snapshot(site)).Risks.contentType).not.toContain('Mitigation');

    const check = await provision(['--site', site, '--check', '--as', USERS.lead]);
    expect(check.out[0]).toBe('would put the column Mitigation of Risks in its content type');
    const run = await provision(['--site', site, '--as', USERS.lead]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Columns put in their list's content type, so SharePoint's forms show them (1): Risks: Mitigation.");
    expect((await snapshot(site)).Risks.contentType).toContain('Mitigation');
    expect((await provision(['--site', site, '--check', '--as', USERS.lead])).code).toBe(0);
  });
});

describe('npm run provision on a site from before Comments was renamed', () => {
  it('copies the sponsors\' words into SponsorComment and keeps the old column with them', async () => {
    const site = `${emu.url}/sites/ppd`;
    const sp: SPFI = spfi(site).using(SPBrowser({ baseUrl: site }), BearerLogin(USERS.lead));
    // The older release's Sponsor Comments: the text in a column called Comments.
    const older: IListSchema[] = LIST_SCHEMAS.map((l) =>
      l.title === 'Sponsor Comments'
        ? {
            ...l,
            fields: l.fields.map((f) =>
              f.name === 'SponsorComment'
                ? { ...f, name: 'Comments', id: 'dcd81c5e-9d1d-5c6f-829c-27d9dd3b7efe', xml: f.xml.replace(/\{[0-9a-f-]+\}/, '{dcd81c5e-9d1d-5c6f-829c-27d9dd3b7efe}').replace(/"SponsorComment"/g, '"Comments"') }
                : f
            )
          }
        : l
    );
    await provisionSite(sp, site, { schemas: older });
    const ws = await rest(site, `${list('Workstreams')}/items`, USERS.lead, { method: 'POST', body: { Title: 'Project Plans and Delivery', Code: 'PPD', SortOrder: 3 } });
    const period = await rest(site, `${list('Reporting Periods')}/items`, USERS.lead, { method: 'POST', body: { Title: 'June 2023', PeriodStart: '2023-06-01T00:00:00Z', PeriodEnd: '2023-06-30T00:00:00Z', PeriodState: 'Open' } });
    const words: string[] = ['Good progress on the plan.', 'The board agreed the <b>next</b> steps & more.'];
    const ids: number[] = [];
    for (const text of words) {
      const c = await rest(site, `${list('Sponsor Comments')}/items`, USERS.lead, { method: 'POST', body: { Title: text, Comments: text, WorkstreamId: ws.body.Id, ReportingPeriodId: period.body.Id } });
      expect(c.status).toBe(201);
      ids.push(c.body.Id);
    }

    const run = await provision(['--site', site, '--as', USERS.lead]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Values copied from renamed columns (the old columns are kept): Sponsor Comments: 2 items from Comments into SponsorComment.');
    const items = (await rest(site, `${list('Sponsor Comments')}/items?$select=Id,Comments,SponsorComment`)).body.value;
    expect(items.map((x: Json) => ({ Id: x.Id, Comments: x.Comments, SponsorComment: x.SponsorComment }))).toEqual(ids.map((id, i) => ({ Id: id, Comments: words[i], SponsorComment: words[i] })));
    expect((await provision(['--site', site, '--check', '--as', USERS.lead])).code).toBe(0);
  });
});

describe('what provisioning refuses', () => {
  it('changes nothing for someone who may not manage the site\'s lists', async () => {
    // An IIB member is a visitor (Read) of the CCC team's site.
    const site = `${emu.url}/sites/ccc`;
    const run = await provision(['--site', site, '--as', USERS.iib]);
    expect(run.code).toBe(1);
    expect(run.out.join('\n')).toMatch(/Provisioning stopped: .*permission/i);
    expect((await rest(site, list('Programme'))).status).toBe(404);
  });

  it.each([
    [['--site'], /argument missing|requires a value|--site/i],
    [['--sit', 'http://localhost:1/sites/x'], /Unknown option '--sit'/],
    [[], /--site is required/],
    [['--site', 'not a url'], /is not a site URL/],
    [['--site', 'ftp://localhost/sites/x'], /http or https/],
    [['--site', 'https://contoso.sharepoint.com/sites/improvement'], /SharePoint access token/],
    [['--site', 'http://contoso.sharepoint.com/sites/improvement', '--token', 'x'], /is https/],
    [['--site', 'http://localhost:1/sites/x', 'extra'], /Unexpected argument "extra"/]
  ])('refuses %j with a clear message and usage', async (args, message) => {
    const run = await provision(args);
    expect(run.code).toBe(2);
    expect(run.out[0]).toMatch(message);
    expect(run.out[1]).toMatch(/^Usage: npm run provision/);
  });

  it('takes a tenant\'s token from the environment', () => {
    expect(readProvisionArgs(['--site', 'https://contoso.sharepoint.com/sites/improvement/'], { SHAREPOINT_TOKEN: 'tok' })).toEqual({
      site: 'https://contoso.sharepoint.com/sites/improvement',
      check: false,
      login: undefined,
      token: 'tok',
      help: false
    });
  });
});
