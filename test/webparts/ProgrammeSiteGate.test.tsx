/**
 * @jest-environment jsdom
 */
/**
 * The gate before the dashboard (ProgrammeSiteGate) and "Set up this site" (SiteSetup): what a
 * person sees when there is no usable programme site, and who is offered to set the lists up.
 * The site look-ups are stand-ins here; test/e2e/teamsTab.test.ts runs the real ones.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import { strings } from '../../src/webparts/programmeDashboard/loc/strings';
import { ProgrammeSiteGate, type IProgrammeConnection } from '../../src/webparts/programmeDashboard/components/ProgrammeSiteGate';
import { SiteSetup, type ISiteSetup } from '../../src/webparts/programmeDashboard/components/SiteSetup';
import { ProgrammeSiteError, type ProgrammeSiteProblem } from '../../src/webparts/programmeDashboard/programmeSite';

const SITE = 'https://contoso.sharepoint.com/sites/improvement';

function failing(problem: ProgrammeSiteProblem, siteUrl: string = SITE): () => Promise<IProgrammeConnection> {
  return () => Promise.reject(new ProgrammeSiteError(problem, siteUrl));
}

/** A setup that records what it was asked. */
function setup(canSetUp: boolean, changes: number = 0): ISiteSetup & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    canSetUp: async (url) => {
      asked.push(`can ${url}`);
      return canSetUp;
    },
    changesNeeded: async () => changes,
    setUp: async (url, onProgress) => {
      asked.push(`set up ${url}`);
      onProgress(1, 2);
      return 2;
    }
  };
}

describe('the programme site gate', () => {
  it('says which site lacks the lists, and offers whoever manages its lists to set it up', async () => {
    const s = setup(true);
    let attempts = 0;
    const connect = (): Promise<IProgrammeConnection> => {
      attempts++;
      return failing('listsMissing')();
    };
    render(<ProgrammeSiteGate connect={connect} setup={s} host="sharepoint" />);
    expect(await screen.findByRole('alert')).toHaveTextContent(strings.ProgrammeSiteListsMissing.replace('{0}', SITE));
    const button = await screen.findByRole('button', { name: strings.SetUpSite });
    fireEvent.click(button);
    await waitFor(() => expect(s.asked).toEqual([`can ${SITE}`, `set up ${SITE}`]));
    // Once set up, the site is found again.
    await waitFor(() => expect(attempts).toBe(2));
  });

  it('offers nothing to someone who may not manage the site\'s lists', async () => {
    const s = setup(false);
    render(<ProgrammeSiteGate connect={failing('listsMissing')} setup={s} host="sharepoint" />);
    await screen.findByRole('alert');
    await waitFor(() => expect(s.asked).toEqual([`can ${SITE}`]));
    expect(screen.queryByRole('button', { name: strings.SetUpSite })).toBeNull();
  });

  it('never offers to set up a team\'s own site from its tab', async () => {
    const s = setup(true);
    render(<ProgrammeSiteGate connect={failing('notSet', 'https://contoso.sharepoint.com/sites/gov')} setup={s} host="teams" />);
    expect(await screen.findByText(strings.ProgrammeSiteNotSet)).toBeInTheDocument();
    expect(s.asked).toEqual([]);
    expect(screen.queryByRole('button', { name: strings.SetUpSite })).toBeNull();
  });

  it('offers a SharePoint page with no setting to set up its own site', async () => {
    const s = setup(true);
    render(<ProgrammeSiteGate connect={failing('notSet', SITE)} setup={s} host="sharepoint" />);
    expect(await screen.findByRole('button', { name: strings.SetUpSite })).toBeInTheDocument();
  });

  it.each(['siteNotFound', 'forbidden', 'invalidUrl', 'otherHost', 'unreachable'] as ProgrammeSiteProblem[])('offers no set-up where the problem is %s, and a way to try again', async (problem) => {
    const s = setup(true);
    render(<ProgrammeSiteGate connect={failing(problem)} setup={s} host="sharepoint" />);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: strings.Retry })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: strings.SetUpSite })).toBeNull();
    expect(s.asked).toEqual([]);
  });
});

/** A check of the lists as a landing makes it: the browser's hint, the landing's reads, doubts heard. */
function checking(options: { changes: number; lately: boolean }): ISiteSetup & { asked: string[]; land: () => void; doubt: () => void } {
  const asked: string[] = [];
  let land: () => void = () => undefined;
  const landed: Promise<void> = new Promise<void>((resolve) => (land = resolve));
  const listeners: Array<() => void> = [];
  return {
    asked,
    land: () => land(),
    doubt: () => listeners.forEach((l) => l()),
    canSetUp: async () => true,
    checkedLately: () => options.lately,
    landed: () => {
      asked.push('landed?');
      return landed;
    },
    onListsDoubted: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    changesNeeded: async () => {
      asked.push('check');
      return options.changes;
    },
    setUp: async () => 0
  };
}

describe("the lists' check on landing, for whoever manages the lists", () => {
  const outOfDate: string = strings.ListsOutOfDate.replace('{0}', SITE).replace('{1}', '2');

  it("with no hint of an earlier check: checks once the landing's reads are done, and offers to bring the lists up to date", async () => {
    const s = checking({ changes: 2, lately: false });
    render(<SiteSetup setup={s} siteUrl={SITE} mode="check" onDone={() => undefined} />);
    await waitFor(() => expect(s.asked).toEqual(['landed?']));
    // Not while the landing still reads.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.asked).toEqual(['landed?']);
    await act(async () => s.land());
    expect(await screen.findByText(outOfDate)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: strings.UpdateLists })).toBeInTheDocument();
    expect(s.asked).toEqual(['landed?', 'check']);
  });

  it('with no hint and the lists up to date: checks, and shows nothing', async () => {
    const s = checking({ changes: 0, lately: false });
    s.land();
    const { container } = render(<SiteSetup setup={s} siteUrl={SITE} mode="check" onDone={() => undefined} />);
    await waitFor(() => expect(s.asked).toEqual(['landed?', 'check']));
    // The check's answer (nothing to change) is taken in before looking.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(container).toBeEmptyDOMElement();
  });

  it('with a fresh hint: does not check, until a read says the lists lack something; then checks and offers', async () => {
    const s = checking({ changes: 2, lately: true });
    s.land();
    render(<SiteSetup setup={s} siteUrl={SITE} mode="check" onDone={() => undefined} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(s.asked).toEqual([]);
    expect(screen.queryByText(outOfDate)).toBeNull();
    await act(async () => s.doubt());
    expect(await screen.findByText(outOfDate)).toBeInTheDocument();
    expect(s.asked).toEqual(['landed?', 'check']);
  });

  it('offers a site that lacks the lists to be set up whatever the hint says', async () => {
    const s = checking({ changes: 2, lately: true });
    render(<SiteSetup setup={s} siteUrl={SITE} mode="missing" onDone={() => undefined} />);
    expect(await screen.findByRole('button', { name: strings.SetUpSite })).toBeInTheDocument();
  });
});
