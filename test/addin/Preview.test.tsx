/**
 * @jest-environment jsdom
 *
 * The task pane outside Word (a browser tab, or a Word too old for it): it says so, previews the
 * period's report as HTML and downloads it as a .docx; data can never become markup.
 */
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';
import * as JSZip from 'jszip';
import { TaskPane } from '../../src/addin/components/TaskPane';
import { reportFileName } from '../../src/addin/components/download';
import { MemoryRepository } from '../support/memoryProgramme';
import { choose, fakeAccess, NOVDEC, periodLoaded } from './paneKit';

const WORKSTREAMS = ['Governance and Decision Making', 'Procurement', 'Project Plans and Delivery', 'Partnership Working', 'Confidence, Culture and Capacity'];

function renderOutside(repository: MemoryRepository = new MemoryRepository(), host: 'outside' | 'wordTooOld' = 'outside') {
  const user = userEvent.setup();
  const result = render(<TaskPane host={host} access={fakeAccess(repository)} />);
  return { ...result, user, repository };
}

function preview(): HTMLElement {
  return screen.getByRole('region', { name: /^Preview of / });
}

function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('outside Word', () => {
  it('says plainly that it is outside Word, and offers no insert or refresh', async () => {
    renderOutside();
    await periodLoaded();
    expect(screen.getByText('Open this in Word to insert into a document. Here you can preview the report and download it as a Word document.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Insert at the cursor' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check for changes' })).toBeNull();
  });

  it('in a Word too old for the add-in, says why and previews instead', async () => {
    renderOutside(new MemoryRepository(), 'wordTooOld');
    await periodLoaded();
    expect(screen.getByText(/too old for the add-in: it needs Word API 1\.3/)).toBeInTheDocument();
    await screen.findByRole('region', { name: /^Preview of / });
  });

  it('previews the whole report of the latest period by default: every workstream, RAG labels with their fills', async () => {
    renderOutside();
    await periodLoaded();
    const region = preview();
    expect(region).toHaveAccessibleName('Preview of Whole programme report, November/December 2023');
    for (const title of WORKSTREAMS) {
      expect(within(region).getByRole('heading', { level: 2, name: title })).toBeInTheDocument();
    }
    const statusTable = within(region).getByRole('table', { name: /RAG status of each workstream for November\/December 2023/ });
    const partnership = within(statusTable).getByRole('rowheader', { name: 'Partnership Working' }).closest('tr') as HTMLElement;
    const cells = within(partnership).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('Green/Amber');
    expect(cells[0]).toHaveAttribute('data-rag', 'Green/Amber');
    expect(cells[0]).toHaveStyle({ backgroundColor: '#C4D79B' });
    const governance = within(statusTable).getByRole('rowheader', { name: 'Governance and Decision Making' }).closest('tr') as HTMLElement;
    expect(within(governance).getAllByRole('cell')[0]).toHaveTextContent('Green');
    expect(within(governance).getAllByRole('cell')[0]).toHaveStyle({ backgroundColor: '#00B050' });
    expect(region.querySelectorAll('section.ph-block')).toHaveLength(9);
  });

  it('previews one block when the officer picks it, and a workstream\u2019s block for the workstream picked', async () => {
    const { user } = renderOutside();
    await periodLoaded();
    await choose(user, 'Show', 'Programme status table');
    expect(preview().querySelectorAll('section.ph-block')).toHaveLength(1);
    expect(preview()).toHaveAccessibleName('Preview of Programme status table, November/December 2023');
    await choose(user, 'Show', 'Risks');
    expect(preview()).toHaveAccessibleName('Preview of Risks – Governance and Decision Making, November/December 2023');
    await choose(user, 'Workstream', 'Procurement');
    expect(within(preview()).getByRole('heading', { level: 3 })).toHaveTextContent('Procurement – Project Risks');
    expect(within(preview()).getByRole('table')).toHaveAccessibleName(/Project risks of Procurement/);
  });

  it('keeps data inert: a <script> or an event handler in the data shows as text and never runs', async () => {
    const repository = new MemoryRepository();
    const comment = repository.all('sponsorComment').filter((c) => c.periodId === NOVDEC)[0];
    const hostile = '<script>window.__pwned = true</script><img src="x" onerror="window.__pwned = true"> & "quoted"';
    repository.changeAsOtherUser('sponsorComment', comment.id, { text: hostile });
    renderOutside(repository);
    await periodLoaded();
    const region = preview();
    expect(region).toHaveTextContent(hostile);
    expect(region.querySelector('script')).toBeNull();
    expect(region.querySelector('img')).toBeNull();
    expect(region.querySelector('[onerror]')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('downloads the whole report of the chosen period as a real .docx', async () => {
    const created: Blob[] = [];
    const clicked: Array<{ href: string; download: string }> = [];
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:report';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') || '', download: this.download });
    });
    try {
      const { user } = renderOutside();
      await periodLoaded();
      await user.click(screen.getByRole('button', { name: 'Download .docx' }));
      await screen.findByText('Downloaded “November-December 2023 highlight report.docx”.');
      expect(clicked).toEqual([{ href: 'blob:report', download: 'November-December 2023 highlight report.docx' }]);
      expect(created).toHaveLength(1);
      expect(created[0].type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const bytes = await readBlob(created[0]);
      expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
      const zip = await JSZip.loadAsync(bytes);
      const documentXml = await zip.file('word/document.xml')!.async('string');
      expect(documentXml).toContain('w:val="PH:statusTable:2:0:');
      expect(documentXml).toContain('w:val="PH:workstreamSection:2:');
      for (const title of WORKSTREAMS) {
        expect(documentXml).toContain(title);
      }
    } finally {
      click.mockRestore();
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke;
    }
  });

  it('names the file after the period, without characters file systems refuse', () => {
    expect(reportFileName('November/December 2023')).toBe('November-December 2023 highlight report.docx');
    expect(reportFileName('Q1: "draft" <v2>')).toBe('Q1- -draft- -v2- highlight report.docx');
    expect(reportFileName('June 2023')).toBe('June 2023 highlight report.docx');
  });

  it('downloads the period chosen, not the latest', async () => {
    const saved: Array<{ blob: Blob; name: string }> = [];
    const user = userEvent.setup();
    render(<TaskPane host="outside" access={fakeAccess(new MemoryRepository())} saveFile={(blob, name) => saved.push({ blob, name })} />);
    await periodLoaded();
    await choose(user, 'Reporting period', 'June 2023');
    await waitFor(() => expect(preview()).toHaveAccessibleName('Preview of Whole programme report, June 2023'));
    await user.click(screen.getByRole('button', { name: 'Download .docx' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('June 2023 highlight report.docx');
    const zip = await JSZip.loadAsync(await readBlob(saved[0].blob));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('w:val="PH:statusTable:1:0:');
  });
});
