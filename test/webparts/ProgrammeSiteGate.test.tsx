/**
 * @jest-environment jsdom
 */
/**
 * The gate before the dashboard (ProgrammeSiteGate) and "Set up this site" (SiteSetup): what a
 * person sees when there is no usable programme site, and who is offered to set the lists up.
 * The site look-ups are stand-ins here; test/e2e/teamsTab.test.ts runs the real ones.
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import { strings } from '../../src/webparts/programmeDashboard/loc/strings';
import { ProgrammeSiteGate, type IProgrammeConnection } from '../../src/webparts/programmeDashboard/components/ProgrammeSiteGate';
import type { ISiteSetup } from '../../src/webparts/programmeDashboard/components/SiteSetup';
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
