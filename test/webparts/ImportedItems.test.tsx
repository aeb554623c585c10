/** @jest-environment jsdom */
/**
 * Items brought in from another site by `npm run import`: SharePoint names the importer as their
 * author, so the dashboard names who wrote them on the site they came from, and says they were
 * imported and by whom, rather than crediting the importer as their writer.
 */
import { screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { openWorkstream, programmeTable, renderOver } from './dashboardKit';
import { MemoryRepository } from '../support/memoryProgramme';

it("names the sponsor who wrote an imported comment, and the member and day of an imported challenge, marking both as imported by the importer", async () => {
  const repository = new MemoryRepository({ persona: 'programmeOffice' });
  await repository.ready;
  const comment = repository.all('sponsorComment').filter((c) => c.workstreamId === 4 && c.periodId === 2)[0];
  const challenge = repository.all('feedback').filter((f) => f.workstreamId === 4 && f.periodId === 2)[0];
  // SharePoint's author of each item is whoever ran the import.
  const importer: string = comment.author?.name || '';
  const challengeImporter: string = challenge.author?.name || '';
  expect(importer).not.toBe('');
  expect(challengeImporter).not.toBe('');
  const sponsor = repository.site.users.filter((u) => u.login !== comment.author?.login)[0];
  repository.site.change('sponsorComments', comment.id, { RecordedById: sponsor.id, RecordedOn: '2023-12-01T10:00:00Z' });
  repository.site.change('feedback', challenge.id, { RecordedById: sponsor.id, RecordedOn: '2023-11-28T09:30:00Z' });
  const { user } = renderOver(repository);
  await programmeTable();
  await openWorkstream(user, 'Partnership Working');
  const comments = screen.getByRole('heading', { name: 'Workstream sponsor comments' }).closest('section') as HTMLElement;
  expect(within(comments).getByText(`Written by ${sponsor.name} (brought in from another site by ${importer}'s import)`)).toBeInTheDocument();
  expect(await screen.findByText(`Recorded by ${sponsor.name} on 28/11/2023 (brought in from another site by ${challengeImporter}'s import)`, { exact: false })).toBeInTheDocument();
});
