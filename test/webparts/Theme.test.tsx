/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { createTheme } from '@fluentui/react/lib/Styling';
import { ProgrammeDashboard } from '../../src/webparts/programmeDashboard/components/ProgrammeDashboard';
import { MemoryRepository } from '../support/memoryProgramme';
import { programmeTable } from './dashboardKit';

// Teams' dark theme and a high-contrast one, as a host passes them in.
const dark = createTheme({ isInverted: true, palette: { white: '#201f1e', neutralPrimary: '#f3f2f1', neutralLighter: '#323130' } });
const highContrast = createTheme({ isInverted: true, palette: { white: '#000000', neutralPrimary: '#ffffff' } });

function root(container: HTMLElement): HTMLElement {
  return container.querySelector('[data-host]') as HTMLElement;
}

describe("the host's theme", () => {
  it("reaches the dashboard's root: a dark theme's body background and text", async () => {
    const { container } = render(<ProgrammeDashboard repository={new MemoryRepository()} theme={dark} />);
    await programmeTable();
    expect(root(container)).toHaveStyle({ backgroundColor: '#201f1e', color: '#f3f2f1' });
  });

  it('changes live when the host switches theme', async () => {
    const repository = new MemoryRepository();
    const { container, rerender } = render(<ProgrammeDashboard repository={repository} theme={dark} />);
    await programmeTable();
    rerender(<ProgrammeDashboard repository={repository} theme={highContrast} />);
    expect(root(container)).toHaveStyle({ backgroundColor: '#000000', color: '#ffffff' });
    // The data stays; only the colours change.
    expect(repository.callsOf('getProgrammeSummary')).toHaveLength(1);
  });

  it('keeps RAG fills and their labels in a dark theme', async () => {
    render(<ProgrammeDashboard repository={new MemoryRepository()} theme={dark} />);
    const table = await programmeTable();
    const procurement = within(table).getByRole('rowheader', { name: 'Procurement' }).closest('tr') as HTMLElement;
    expect(within(procurement).getAllByText('Green', { selector: 'span' })[0]).toHaveStyle({ backgroundColor: '#00B050', color: '#000000' });
  });

  it('works without a theme (the default Fluent theme)', async () => {
    const { container } = render(<ProgrammeDashboard repository={new MemoryRepository()} />);
    await programmeTable();
    expect(root(container)).toHaveStyle({ backgroundColor: '#ffffff' });
    expect(root(container)).toHaveAttribute('lang', 'en-GB');
  });
});

describe('in a Teams tab', () => {
  it('marks the host and keeps every table in a keyboard-scrollable region, so nothing is clipped at 360 px', async () => {
    const { container } = render(<ProgrammeDashboard repository={new MemoryRepository({ persona: 'projectManager' })} workstreamCode="CCC" host="teams" />);
    await screen.findByRole('heading', { level: 3, name: 'Project status' });
    expect(root(container)).toHaveAttribute('data-host', 'teams');
    const tables = screen.getAllByRole('table');
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const table of tables) {
      const region = table.closest('[role="region"]') as HTMLElement;
      expect(region).not.toBeNull();
      expect(region).toHaveAttribute('tabindex', '0');
      expect(region).toHaveAccessibleName();
    }
  });
});
