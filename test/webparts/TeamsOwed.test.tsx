/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { choose, panel, renderDashboard } from './dashboardKit';

/** What the tab says is still owed, as read (list items and the separators between them). */
async function owed(): Promise<string> {
  await screen.findByRole('heading', { level: 3, name: 'Project status' });
  const box = await waitFor(() => {
    const found = document.querySelector<HTMLElement>('[data-owed]');
    if (!found) {
      throw new Error('Nothing said about what is owed yet.');
    }
    return found;
  });
  // Its parts are blocks (the heading, the list, a note): read them one after the other.
  const parts: Element[] = box.children.length > 0 ? Array.from(box.children) : [box];
  return parts
    .map((p) => p.textContent || '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe("a workstream's Teams tab shows what is still owed for the open period", () => {
  it('asks for the draft to be submitted', async () => {
    renderDashboard({ persona: 'projectManager' }, { workstreamCode: 'PROC', host: 'teams' });
    expect(await owed()).toBe('Still to do for November/December 2023: submit the status report (it is a draft)');
    const list = screen.getByRole('list', { name: 'Still to do for November/December 2023:' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['submit the status report (it is a draft)']);
  });

  it('names the sponsor whose comments are missing', async () => {
    const { repository } = renderDashboard({ persona: 'projectManager' }, { workstreamCode: 'PROC', host: 'teams' });
    const comment = repository.all('sponsorComment').find((c) => c.workstreamId === 2 && c.periodId === 2);
    repository.deleteAsOtherUser('sponsorComment', comment!.id);
    expect(await owed()).toBe('Still to do for November/December 2023: submit the status report (it is a draft) · sponsor comments from Nick Bell');
  });

  it('counts the readiness findings that must be fixed', async () => {
    renderDashboard({ persona: 'projectManager' }, { workstreamCode: 'PPD', host: 'teams' });
    expect(await owed()).toBe('Still to do for November/December 2023: put right 1 readiness finding that must be fixed The status report is approved.');
  });

  it('says when nothing is outstanding', async () => {
    renderDashboard({ persona: 'projectManager' }, { workstreamCode: 'GOV', host: 'teams' });
    expect(await owed()).toBe('Nothing outstanding for November/December 2023. The status report is with the programme office.');
  });

  it('asks for a report that does not exist yet to be written and submitted', async () => {
    const { repository } = renderDashboard({ persona: 'projectManager' }, { workstreamCode: 'PART', host: 'teams' });
    repository.deleteAsOtherUser('statusReport', 9);
    expect(await owed()).toBe('Still to do for November/December 2023: write and submit the status report (not started)');
  });

  it('follows the submission made in the tab', async () => {
    const { user } = renderDashboard({ persona: 'projectManager' }, { workstreamCode: 'PROC', host: 'teams' });
    expect(await owed()).toMatch(/submit the status report \(it is a draft\)/);
    await user.click(screen.getByRole('button', { name: 'Submit to the programme office' }));
    await user.click(within(await panel('Submit the status report')).getByRole('button', { name: 'Submit to the programme office' }));
    await screen.findByText('Submitted to the programme office.');
    await waitFor(async () => expect(await owed()).toBe('Nothing outstanding for November/December 2023. The status report is with the programme office.'));
  });

  it('keeps to the open period while an earlier one is read', async () => {
    const { user, repository } = renderDashboard({ persona: 'projectManager' }, { workstreamCode: 'PROC', host: 'teams' });
    expect(await owed()).toMatch(/^Still to do for November\/December 2023/);
    await choose(user, 'Reporting period', 'June 2023');
    await screen.findByText(/this is what went to the Board/);
    expect(await owed()).toBe('Still to do for November/December 2023: submit the status report (it is a draft)');
    expect(repository.callsOf('getPeriodPicture').map((c) => c.args[0])).toEqual(expect.arrayContaining([1, 2]));
  });

  it('is not shown outside a workstream tab', async () => {
    const { user } = renderDashboard({ persona: 'projectManager' });
    await screen.findByRole('table', { name: /RAG status of each workstream/ });
    await user.click(screen.getByRole('button', { name: 'Procurement' }));
    await screen.findByRole('heading', { level: 3, name: 'Project status' });
    expect(document.querySelector('[data-owed]')).toBeNull();
  });
});
