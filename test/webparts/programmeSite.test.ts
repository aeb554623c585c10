/**
 * Which site is the programme site and whether it will do (src/webparts/programmeDashboard/programmeSite.ts):
 * the web part's setting over the tenant's over the current site, addresses as people paste
 * them, and each failure in the product's words.
 */
import { strings } from '../../src/webparts/programmeDashboard/loc/strings';
import { DataError } from '../../src/data/errors';
import { LIST_TITLES } from '../../src/data/repository';
import type { IWorkstream } from '../../src/domain';
import {
  checkProgrammeSite,
  isProgrammeSiteError,
  missingProgrammeLists,
  normaliseSiteUrl,
  programmeSiteMessage,
  programmeWorkstreams,
  ProgrammeSiteError,
  resolveProgrammeSite,
  type IProgrammeSiteSettings,
  type ProgrammeSiteProblem
} from '../../src/webparts/programmeDashboard/programmeSite';
import { programmeSiteMessages } from '../../src/webparts/programmeDashboard/components/ProgrammeSiteGate';

const TEAM_SITE: string = 'https://contoso.sharepoint.com/sites/gov';
const PROGRAMME: string = 'https://contoso.sharepoint.com/sites/improvement';
const ALL_LISTS: string[] = Object.values(LIST_TITLES);

async function problemOf(work: Promise<unknown>): Promise<ProgrammeSiteProblem | 'none'> {
  try {
    await work;
    return 'none';
  } catch (e) {
    if (!isProgrammeSiteError(e)) {
      throw e;
    }
    return e.problem;
  }
}

/** Settings whose look-ups record that they were asked. */
function settings(over: Partial<IProgrammeSiteSettings> & { tenant?: string; currentHasLists?: boolean }): IProgrammeSiteSettings & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    webPartSetting: over.webPartSetting,
    currentWebUrl: over.currentWebUrl || TEAM_SITE,
    readTenantSetting: async () => {
      asked.push('tenant');
      return over.tenant;
    },
    currentSiteHasLists: async () => {
      asked.push('current');
      return !!over.currentHasLists;
    }
  };
}

describe('normaliseSiteUrl', () => {
  it.each([
    ['https://contoso.sharepoint.com/sites/improvement', PROGRAMME],
    ['https://contoso.sharepoint.com/sites/improvement/', PROGRAMME],
    ['  https://contoso.sharepoint.com/sites/improvement  ', PROGRAMME],
    ['/sites/improvement', PROGRAMME],
    ['https://contoso.sharepoint.com/sites/improvement/SitePages/Home.aspx', PROGRAMME],
    ['https://contoso.sharepoint.com/sites/improvement/Lists/Workstreams/AllItems.aspx?view=1', PROGRAMME],
    ['https://contoso.sharepoint.com/sites/improvement/_layouts/15/viewlsts.aspx#x', PROGRAMME],
    ['https://CONTOSO.sharepoint.com/sites/improvement', PROGRAMME],
    ['https://contoso.sharepoint.com', 'https://contoso.sharepoint.com']
  ])('reads %s as the site %s', (input, expected) => {
    expect(normaliseSiteUrl(input, TEAM_SITE)).toBe(expected);
  });

  it.each([
    ['', 'invalidUrl'],
    ['   ', 'invalidUrl'],
    ['improvement', 'invalidUrl'],
    ['sites improvement', 'invalidUrl'],
    ['ftp://contoso.sharepoint.com/sites/improvement', 'invalidUrl'],
    ['javascript:alert(1)', 'invalidUrl'],
    ['https://fabrikam.sharepoint.com/sites/improvement', 'otherHost'],
    ['//fabrikam.sharepoint.com/sites/improvement', 'otherHost'],
    ['http://contoso.sharepoint.com/sites/improvement', 'otherHost']
  ])('refuses %j as %s', (input, problem) => {
    let thrown: unknown;
    try {
      normaliseSiteUrl(input, TEAM_SITE);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ProgrammeSiteError);
    expect((thrown as ProgrammeSiteError).problem).toBe(problem);
  });
});

describe('resolveProgrammeSite', () => {
  it('takes the web part\'s own setting first, without asking SharePoint anything', async () => {
    const s = settings({ webPartSetting: '/sites/improvement/', tenant: 'https://contoso.sharepoint.com/sites/other', currentHasLists: true });
    await expect(resolveProgrammeSite(s)).resolves.toEqual({ url: PROGRAMME, source: 'webPart' });
    expect(s.asked).toEqual([]);
  });

  it('takes the tenant-wide setting when the web part has none', async () => {
    const s = settings({ webPartSetting: '  ', tenant: PROGRAMME, currentHasLists: true });
    await expect(resolveProgrammeSite(s)).resolves.toEqual({ url: PROGRAMME, source: 'tenant' });
    expect(s.asked).toEqual(['tenant']);
  });

  it('takes the current site when neither is set and it holds the programme lists', async () => {
    const s = settings({ currentWebUrl: `${PROGRAMME}/`, currentHasLists: true });
    await expect(resolveProgrammeSite(s)).resolves.toEqual({ url: PROGRAMME, source: 'currentSite' });
    expect(s.asked).toEqual(['tenant', 'current']);
  });

  it('says no programme site is set when nothing names one and the current site is a team\'s', async () => {
    await expect(problemOf(resolveProgrammeSite(settings({ currentHasLists: false })))).resolves.toBe('notSet');
  });

  it('refuses a mistyped setting rather than falling back to another site', async () => {
    await expect(problemOf(resolveProgrammeSite(settings({ webPartSetting: 'improvement', currentHasLists: true })))).resolves.toBe('invalidUrl');
    await expect(problemOf(resolveProgrammeSite(settings({ tenant: 'https://fabrikam.sharepoint.com/sites/x', currentHasLists: true })))).resolves.toBe('otherHost');
  });
});

describe('checking a site', () => {
  const workstreams: IWorkstream[] = [{ id: 1, code: 'GOV', title: 'Governance and Decision Making' } as IWorkstream];

  it('accepts a site with every programme list and gives its workstreams', async () => {
    await expect(checkProgrammeSite(PROGRAMME, { listTitles: async () => ['Documents', ...ALL_LISTS] })).resolves.toBeUndefined();
    await expect(programmeWorkstreams(PROGRAMME, { listTitles: async () => ALL_LISTS, workstreams: async () => workstreams })).resolves.toEqual(workstreams);
  });

  it('names what is wrong with each kind of site', async () => {
    const cases: Array<[() => Promise<string[]>, ProgrammeSiteProblem]> = [
      [async () => Promise.reject(new DataError('notFound', 'no site', { status: 404 })), 'siteNotFound'],
      [async () => Promise.reject(new DataError('forbidden', 'no', { status: 403 })), 'forbidden'],
      [async () => Promise.reject(new DataError('unauthenticated', 'no', { status: 401 })), 'forbidden'],
      [async () => Promise.reject(new DataError('network', 'down')), 'unreachable'],
      [async () => ['Documents', 'Site Pages'], 'listsMissing'],
      [async () => ALL_LISTS.filter((t) => t !== 'Status Reports'), 'listsMissing']
    ];
    for (const [listTitles, problem] of cases) {
      await expect(problemOf(checkProgrammeSite(PROGRAMME, { listTitles }))).resolves.toBe(problem);
    }
  });

  it('maps a failed read of the workstreams to the lists, not the site', async () => {
    const probe = (error: DataError): Parameters<typeof programmeWorkstreams>[1] => ({ listTitles: async () => ALL_LISTS, workstreams: async () => Promise.reject(error) });
    await expect(problemOf(programmeWorkstreams(PROGRAMME, probe(new DataError('notFound', 'gone'))))).resolves.toBe('listsMissing');
    await expect(problemOf(programmeWorkstreams(PROGRAMME, probe(new DataError('forbidden', 'no'))))).resolves.toBe('forbidden');
  });

  it('lists the programme lists a site lacks, whatever their case', () => {
    expect(missingProgrammeLists(ALL_LISTS.map((t) => t.toUpperCase()))).toEqual([]);
    expect(missingProgrammeLists(['Workstreams'])).toHaveLength(ALL_LISTS.length - 1);
  });
});

describe('the messages', () => {
  it('gives every problem its own message from the loc file, naming the site', () => {
    const problems: ProgrammeSiteProblem[] = ['notSet', 'invalidUrl', 'otherHost', 'siteNotFound', 'listsMissing', 'forbidden', 'unreachable'];
    const texts: string[] = problems.map((p) => programmeSiteMessage(new ProgrammeSiteError(p, PROGRAMME), programmeSiteMessages()));
    expect(new Set(texts).size).toBe(problems.length);
    for (const [i, p] of problems.entries()) {
      expect(texts[i]).not.toMatch(/\{0\}/);
      if (p !== 'notSet') {
        expect(texts[i]).toContain(PROGRAMME);
      }
    }
    expect(texts[problems.indexOf('listsMissing')]).toBe(strings.ProgrammeSiteListsMissing.replace('{0}', PROGRAMME));
  });
});
