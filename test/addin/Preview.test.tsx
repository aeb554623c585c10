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
import { openInWord, reportFileName, toBase64 } from '../../src/addin/components/download';
import { MemoryRepository } from '../support/memoryProgramme';
import { choose, fakeAccess, NOVDEC, periodLoaded, readBlob, renderPane } from './paneKit';

const WORKSTREAMS = ['Governance and Decision Making', 'Procurement', 'Project Plans and Delivery', 'Partnership Working', 'Confidence, Culture and Capacity'];

function renderOutside(repository: MemoryRepository = new MemoryRepository(), host: 'outside' | 'wordTooOld' = 'outside') {
  const user = userEvent.setup();
  const result = render(<TaskPane host={host} access={fakeAccess(repository)} />);
  return { ...result, user, repository };
}

function preview(): HTMLElement {
  return screen.getByRole('region', { name: /^Preview of / });
}

describe('outside Word', () => {
  it('says plainly that it is outside Word, and offers no insert or refresh', async () => {
    renderOutside();
    await periodLoaded();
    // Fluent's MessageBar renders its words a moment after it appears (DelayedRender, for screen readers).
    expect(await screen.findByText('Open this in Word to insert into a document. Here you can preview the report and download it as a Word document.')).toBeInTheDocument();
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
    // November/December is open: only Project Plans and Delivery's report is approved; the rest are marked Draft.
    for (const title of WORKSTREAMS) {
      const heading: string = title === 'Project Plans and Delivery' ? title : `${title} – Draft`;
      expect(within(region).getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
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

describe('the .docx on every host', () => {
  afterEach(() => {
    delete (globalThis as unknown as { Office?: unknown }).Office;
    delete (globalThis as unknown as { Word?: unknown }).Word;
  });

  it('in Word, opens the whole report as a new document through createDocument(...).open(), not a download link', async () => {
    (globalThis as unknown as { Office: unknown }).Office = { context: { requirements: { isSetSupported: (n: string, v: string) => n === 'WordApi' && v === '1.3' } } };
    const opened: Uint8Array[] = [];
    const saved: string[] = [];
    const { user } = renderPane({ props: { openDocument: async (bytes) => void opened.push(bytes), saveFile: (_b, name) => saved.push(name) } });
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'Open the whole report as a new document' }));
    await screen.findByText('Opened “November-December 2023 highlight report.docx” in Word as a new document. Save it from Word.');
    expect(saved).toEqual([]);
    expect(opened).toHaveLength(1);
    const zip = await JSZip.loadAsync(opened[0]);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('w:val="PH:statusTable:2:0:');
  });

  it('when Word refuses to open it as a new document, says so and offers the download instead', async () => {
    (globalThis as unknown as { Office: unknown }).Office = { context: { requirements: { isSetSupported: (n: string, v: string) => n === 'WordApi' && v === '1.3' } } };
    const saved: string[] = [];
    const refuse = async (): Promise<void> => {
      throw Object.assign(new Error('GeneralException'), { name: 'RichApi.Error', code: 'GeneralException' });
    };
    const { user } = renderPane({ props: { openDocument: refuse, saveFile: (_b, name) => saved.push(name) } });
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'Open the whole report as a new document' }));
    await screen.findByText('Word could not open the report as a new document.');
    expect(screen.getByText(/^Asked to save “November-December 2023 highlight report\.docx”/)).toBeInTheDocument();
    expect(saved).toEqual(['November-December 2023 highlight report.docx']);
  });

  it('in a Word without createDocument, offers the download but does not claim it happened', async () => {
    const saved: string[] = [];
    const user = userEvent.setup();
    render(<TaskPane host="wordTooOld" access={fakeAccess(new MemoryRepository())} saveFile={(_b, name) => saved.push(name)} />);
    await periodLoaded();
    await user.click(screen.getByRole('button', { name: 'Download .docx' }));
    await screen.findByText(/^Asked to save “November-December 2023 highlight report\.docx”\. If nothing was saved \(Word on a Mac cannot save files from an add-in\)/);
    expect(saved).toEqual(['November-December 2023 highlight report.docx']);
    expect(screen.queryByText(/^Downloaded/)).toBeNull();
  });

  it("openInWord hands Word the document's bytes as base64 and opens it, in one sync", async () => {
    const calls: string[] = [];
    let received = '';
    (globalThis as unknown as { Word: unknown }).Word = {
      run: async (cb: (context: unknown) => Promise<void>) =>
        cb({
          application: {
            createDocument: (base64: string) => {
              received = base64;
              calls.push('createDocument');
              return { open: () => calls.push('open') };
            }
          },
          sync: async () => void calls.push('sync')
        })
    };
    const bytes = new Uint8Array(70000).map((_, i) => (i * 7) % 256);
    await openInWord(bytes);
    expect(calls).toEqual(['createDocument', 'open', 'sync']);
    expect(Uint8Array.from(atob(received), (c) => c.charCodeAt(0))).toEqual(bytes);
    expect(toBase64(bytes)).toBe(received);
  });
});
