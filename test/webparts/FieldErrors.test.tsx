/** @jest-environment jsdom */
/**
 * Messages land beside the field they are about, by the field's key (src/data/fields.ts), never by
 * matching English words: the domain's as typed, and the data layer's refusal on save — here the
 * real repository over the in-memory site refusing what a form let through. A field's invalid state
 * and its message may come in separate renders, so each wait is for both.
 */
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import userEvent from '@testing-library/user-event';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import type { IPeriod } from '../../src/domain';
import { EditPanel } from '../../src/webparts/programmeDashboard/components/EditPanel';
import { RepositoryProvider } from '../../src/webparts/programmeDashboard/components/RepositoryContext';
import { milestoneForm, riskForm, statusReportForm, type IFormContext } from '../../src/webparts/programmeDashboard/components/formSpecs';
import type { IFormRequest } from '../../src/webparts/programmeDashboard/components/forms';
import { MemoryRepository } from '../support/memoryProgramme';

setIconOptions({ disableWarnings: true });

async function contextOf(repository: MemoryRepository): Promise<IFormContext> {
  const [workstreams, periods, user] = await Promise.all([repository.getWorkstreams(), repository.getPeriods(), repository.getCurrentUser()]);
  const open: IPeriod = periods.filter((p) => p.state === 'Open').slice(-1)[0];
  return { workstream: workstreams.filter((w) => w.title === 'Procurement')[0], period: open, user };
}

/** The form as if its own checks had let everything through, so that the repository's are what refuse. */
function unchecked(request: IFormRequest): IFormRequest {
  return { ...request, validate: () => [] };
}

function renderPanel(repository: MemoryRepository, request: IFormRequest): { onSaved: jest.Mock } {
  const onSaved: jest.Mock = jest.fn();
  render(
    <RepositoryProvider repository={repository}>
      <EditPanel request={request} onSaved={onSaved} onChanged={jest.fn()} onClose={jest.fn()} />
    </RepositoryProvider>
  );
  return { onSaved };
}

describe('messages beside their fields, by key', () => {
  it("puts the domain's message about a milestone's number beside Number as typed, and disables Save", async () => {
    const repository: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice' });
    const user = userEvent.setup();
    renderPanel(repository, milestoneForm(await contextOf(repository), 'ThisPeriod', undefined, 99, '9'));
    const dialog: HTMLElement = await screen.findByRole('dialog');
    const number: HTMLElement = within(dialog).getByRole('textbox', { name: 'Number' });
    await user.type(number, '12345678901234567');
    await waitFor(() => {
      expect(number).toHaveAttribute('aria-invalid', 'true');
      expect(number).toHaveAccessibleDescription(/^Number: "9?12345678901234567" is 1[78] characters long; the most SharePoint keeps is 16\.$/);
    });
    expect(within(dialog).getByRole('textbox', { name: 'Milestone' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  });

  it("puts the repository's refusal of a milestone's number beside Number, until it is changed", async () => {
    const repository: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice' });
    const user = userEvent.setup();
    const { onSaved } = renderPanel(repository, unchecked(milestoneForm(await contextOf(repository), 'ThisPeriod', undefined, 99, '')));
    const dialog: HTMLElement = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Milestone' }), 'Open the hub');
    const number: HTMLElement = within(dialog).getByRole('textbox', { name: 'Number' });
    await user.type(number, '12345678901234567');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(number).toHaveAttribute('aria-invalid', 'true');
      expect(number).toHaveAccessibleDescription('Number: "12345678901234567" is 17 characters long; the most SharePoint keeps is 16.');
    });
    expect(within(dialog).getByRole('textbox', { name: 'Milestone' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
    expect(repository.callsOf('create')).toHaveLength(1);
    // Nothing reached the site.
    expect((await repository.getPeriodPicture((await contextOf(repository)).period.id)).milestones.filter((m) => m.title === 'Open the hub')).toEqual([]);

    await user.type(number, '{Backspace}');
    await waitFor(() => expect(number).not.toHaveAttribute('aria-invalid', 'true'));
  });

  it("puts the repository's refusal of a report's agreed completion date beside it (one key from list to form)", async () => {
    const repository: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice' });
    const user = userEvent.setup();
    const ctx: IFormContext = await contextOf(repository);
    const report = (await repository.getPeriodPicture(ctx.period.id)).statusReports.filter((r) => r.workstreamId === ctx.workstream.id)[0];
    const { onSaved } = renderPanel(repository, unchecked(statusReportForm(ctx, report)));
    const dialog: HTMLElement = await screen.findByRole('dialog');
    const agreed: HTMLElement = within(dialog).getByRole('textbox', { name: 'Agreed completion date' });
    await user.clear(agreed);
    await user.click(agreed);
    await user.paste('3'.repeat(256));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(agreed).toHaveAttribute('aria-invalid', 'true');
      expect(agreed).toHaveAccessibleDescription(/Agreed completion date: "3+(…|\.\.\.)?" is 256 characters long; the most SharePoint keeps is 255\./);
    });
    expect(within(dialog).getByRole('textbox', { name: 'Forecast completion date' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("puts the repository's refusal of a risk's likelihood beside Likelihood", async () => {
    const repository: MemoryRepository = new MemoryRepository({ persona: 'programmeOffice' });
    const user = userEvent.setup();
    const { onSaved } = renderPanel(repository, unchecked(riskForm(await contextOf(repository), undefined, 99, '')));
    const dialog: HTMLElement = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Risk description' }), 'Supplier fails');
    await user.type(within(dialog).getByRole('textbox', { name: 'Mitigation' }), 'Second supplier');
    const likelihood: HTMLElement = within(dialog).getByRole('textbox', { name: 'Likelihood' });
    await user.type(likelihood, '7');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(likelihood).toHaveAttribute('aria-invalid', 'true');
      expect(likelihood).toHaveAccessibleDescription(/Likelihood: 7 must be a whole number from 1 to 5\./);
    });
    expect(within(dialog).getByRole('textbox', { name: 'Impact' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
