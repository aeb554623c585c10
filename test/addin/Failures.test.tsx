/**
 * @jest-environment jsdom
 *
 * What the task pane says when things go wrong — words an officer can act on, with Sign in or
 * Try again where that is the next step — and the SharePoint site an officer names once.
 */
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';
import { TaskPane } from '../../src/addin/components/TaskPane';
import type { ISiteAccess } from '../../src/addin/data/connect';
import type { ISiteAddress } from '../../src/addin/data/site';
import { SignInNotConfiguredError } from '../../src/addin/auth/tokens';
import { DataError } from '../../src/data/errors';
import { MemoryRepository } from '../support/memoryProgramme';
import { dropdown, FakeWordDocument, periodLoaded, renderPane, section } from './paneKit';

/** An Office.js error as Word raises it. */
function wordError(code: string): Error {
  const e = new Error(`Word says ${code}`) as Error & { code: string };
  e.name = 'OfficeExtension.Error';
  e.code = code;
  return e;
}

describe('failures loading the data', () => {
  it('signed out: says so and offers Sign in, then loads', async () => {
    const repository = new MemoryRepository();
    repository.failNext('unauthenticated', 'getPeriods');
    const signIn = jest.fn(() => Promise.resolve());
    const access: ISiteAccess = { connect: () => repository, signIn, fixedSiteUrl: 'https://contoso.sharepoint.com/sites/improvement' };
    const { user } = renderPane({ access });
    const alert = await screen.findByText('You are signed out. Sign in to read the programme’s data.');
    await user.click(within(alert.closest('.ms-MessageBar') as HTMLElement).getByRole('button', { name: 'Sign in' }));
    expect(signIn).toHaveBeenCalledWith(expect.objectContaining({ siteUrl: 'https://contoso.sharepoint.com/sites/improvement', hostname: 'contoso.sharepoint.com', sitePath: '/sites/improvement' }));
    await periodLoaded();
    expect(screen.queryByText(/You are signed out/)).toBeNull();
  });

  it('no access: says the officer has no access to the site', async () => {
    const repository = new MemoryRepository();
    repository.failNext('forbidden', 'getPeriods');
    render(<TaskPane host="word" word={new FakeWordDocument()} access={{ fixedSiteUrl: 'http://localhost:4321/sites/improvement', connect: () => repository }} />);
    await screen.findByText('You don’t have access to the site. Ask the programme office to add you to the site’s members.');
  });

  it('throttled: says how many seconds to wait, and Try again loads', async () => {
    const repository = new MemoryRepository();
    repository.failNext('throttled', 'getPeriodPicture', { retryAfterSeconds: 30 });
    const user = userEvent.setup();
    render(<TaskPane host="word" word={new FakeWordDocument()} access={{ fixedSiteUrl: 'http://localhost:4321/sites/improvement', connect: () => repository }} />);
    const message = await screen.findByText('SharePoint is busy. Try again in 30 seconds.');
    await user.click(within(message.closest('.ms-MessageBar') as HTMLElement).getByRole('button', { name: 'Try again' }));
    await periodLoaded();
  });

  it('other failures: shows the data layer\u2019s own words, which are written for users', async () => {
    const repository = new MemoryRepository();
    repository.failNext(new DataError('network', 'Could not load the reporting periods: SharePoint could not be reached. Check your connection and try again.'), 'getPeriods');
    render(<TaskPane host="word" word={new FakeWordDocument()} access={{ fixedSiteUrl: 'http://localhost:4321/sites/improvement', connect: () => repository }} />);
    await screen.findByText('Could not load the reporting periods: SharePoint could not be reached. Check your connection and try again.');
  });

  it('a copy built without an app registration says who must set it up, and offers nothing that cannot help', async () => {
    const repository = new MemoryRepository();
    repository.failNext(new SignInNotConfiguredError() as unknown as DataError, 'getPeriods');
    render(<TaskPane host="word" word={new FakeWordDocument()} access={{ connect: () => repository, signIn: () => Promise.reject(new SignInNotConfiguredError()), fixedSiteUrl: 'https://contoso.sharepoint.com/sites/iib' }} />);
    const message = await screen.findByText(/has not been set up for signing in \(it has no app registration\)\. Ask whoever deployed it to set ADDIN_CLIENT_ID/);
    const bar = message.closest('.ms-MessageBar') as HTMLElement;
    expect(within(bar).queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(within(bar).queryByRole('button', { name: 'Sign in' })).toBeNull();
  });

  it('a site without periods says who sets them up', async () => {
    const repository = new MemoryRepository();
    repository.getPeriods = () => Promise.resolve([]);
    render(<TaskPane host="word" word={new FakeWordDocument()} access={{ fixedSiteUrl: 'http://localhost:4321/sites/improvement', connect: () => repository }} />);
    await screen.findByText(/The site has no reporting periods yet/);
    expect(screen.getByRole('button', { name: 'Programme status table' })).toBeDisabled();
  });
});

describe('failures in Word', () => {
  const cases: Array<{ code: string; words: RegExp }> = [
    { code: 'AccessDenied', words: /^Word did not let the add-in change the document: it may be read-only/ },
    { code: 'InvalidArgument', words: /^Word could not insert there\. Click in the body of the document/ },
    { code: 'RequestPayloadSizeLimitExceeded', words: /^That is too much to insert in one go here/ },
    { code: 'GeneralException', words: /^Word could not complete that \(Word’s code: GeneralException\)/ }
  ];
  for (const c of cases) {
    it(`${c.code}: says what to do, never Word's own message`, async () => {
      const word = new FakeWordDocument();
      word.insertFailure = wordError(c.code);
      const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const { user } = renderPane({ word });
      await periodLoaded();
      await user.click(screen.getByRole('button', { name: 'Whole programme report' }));
      const message = await screen.findByText(c.words);
      expect(message).not.toHaveTextContent(/Word says/);
      expect(word.sourceWrites).toHaveLength(0);
      spy.mockRestore();
      // The officer can try again at once.
      await user.click(screen.getByRole('button', { name: 'Whole programme report' }));
      await screen.findByText('Inserted “Whole programme report” for November/December 2023.');
    });
  }
});

describe('the SharePoint site in Microsoft 365', () => {
  function tenantAccess(): ISiteAccess & { sites: ISiteAddress[] } {
    const repository = new MemoryRepository();
    const sites: ISiteAddress[] = [];
    return {
      sites,
      connect: (site: ISiteAddress) => {
        sites.push(site);
        return repository;
      },
      signIn: () => Promise.resolve()
    };
  }

  it('asks for the site once, checks it, and connects to it', async () => {
    const access = tenantAccess();
    const user = userEvent.setup();
    render(<TaskPane host="word" word={new FakeWordDocument()} access={access} />);
    const field = screen.getByRole('textbox', { name: 'SharePoint site address' });
    await user.click(screen.getByRole('button', { name: 'Use this site' }));
    expect(await screen.findByText('Enter the site’s address.')).toBeInTheDocument();
    await user.type(field, 'http://contoso.sharepoint.com/sites/iib');
    await user.click(screen.getByRole('button', { name: 'Use this site' }));
    expect(await screen.findByText('The address must start with https://.')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'https://contoso.sharepoint.com/Shared Documents');
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/The address must be a site, ending \/sites\/<name>/)).toBeInTheDocument();
    expect(access.sites).toHaveLength(0);
    await user.clear(field);
    await user.type(field, 'https://contoso.sharepoint.com/sites/iib/SitePages/Home.aspx{Enter}');
    await periodLoaded();
    expect(access.sites).toEqual([{ siteUrl: 'https://contoso.sharepoint.com/sites/iib', origin: 'https://contoso.sharepoint.com', hostname: 'contoso.sharepoint.com', sitePath: '/sites/iib' }]);
    expect(section('Data source')).toHaveTextContent('Site: https://contoso.sharepoint.com/sites/iib');
  });

  it('uses the site the document names, and saves it with the period after inserting', async () => {
    const access = tenantAccess();
    const word = new FakeWordDocument();
    word.source = { siteUrl: 'https://contoso.sharepoint.com/sites/iib', periodId: 1, periodTitle: 'June 2023' };
    const user = userEvent.setup();
    render(<TaskPane host="word" word={word} access={access} />);
    await periodLoaded();
    expect(screen.queryByRole('textbox', { name: 'SharePoint site address' })).toBeNull();
    expect(dropdown('Reporting period')).toHaveTextContent('June 2023');
    await user.click(screen.getByRole('button', { name: 'RAG key' }));
    await waitFor(() => expect(word.sourceWrites).toEqual([{ siteUrl: 'https://contoso.sharepoint.com/sites/iib', periodId: 1, periodTitle: 'June 2023' }]));
  });

  it('lets the officer change the site', async () => {
    const access = tenantAccess();
    const word = new FakeWordDocument();
    word.source = { siteUrl: 'https://contoso.sharepoint.com/sites/iib', periodId: 2 };
    const user = userEvent.setup();
    render(<TaskPane host="word" word={word} access={access} />);
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'Change site' }));
    const field = screen.getByRole('textbox', { name: 'SharePoint site address' });
    expect(field).toHaveValue('https://contoso.sharepoint.com/sites/iib');
    await user.clear(field);
    await user.type(field, 'https://fabrikam.sharepoint.com/teams/board{Enter}');
    await periodLoaded();
    expect(access.sites.map((s) => s.siteUrl)).toEqual(['https://contoso.sharepoint.com/sites/iib', 'https://fabrikam.sharepoint.com/teams/board']);
  });
});
