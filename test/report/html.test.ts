/**
 * @jest-environment jsdom
 */
/**
 * The task pane's preview: semantic, accessible HTML in which data can never run as code and
 * RAG statuses are labelled as well as coloured.
 */
import { RAG_COLOURS, type Rag } from '../../src/domain';
import { blocksToHtml, buildBlock, buildProgrammeReport, escapeHtml, makeTag, parseTag, type IBlock } from '../../src/report';
import { hostilePicture, JUNE, NOVDEC, picture, ws } from './support/pictures';

function render(blocks: IBlock[]): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = blocksToHtml(blocks);
  return host;
}

/** Computed-style colours come back as rgb(); compare them with a hex fill. */
function rgb(hex: string): string {
  return `rgb(${parseInt(hex.slice(0, 2), 16)}, ${parseInt(hex.slice(2, 4), 16)}, ${parseInt(hex.slice(4, 6), 16)})`;
}

describe('the preview', () => {
  const blocks = buildProgrammeReport(picture(NOVDEC));
  const host = render(blocks);

  it('wraps each block in a section named by its title and carrying its tag', () => {
    const sections = Array.from(host.querySelectorAll('section'));
    expect(sections).toHaveLength(blocks.length);
    sections.forEach((s, i) => {
      expect(s.getAttribute('aria-label')).toBe(blocks[i].title);
      expect(s.getAttribute('data-block-tag')).toBe(makeTag(blocks[i]));
      expect(parseTag(s.getAttribute('data-block-tag') || '')).toMatchObject({ kind: blocks[i].kind });
    });
  });

  it('uses headings, paragraphs and lists', () => {
    expect(host.querySelector('h1.ph-title')!.textContent).toBe('Improvement Plan Phase 2 Programme Level Highlight Report');
    // November/December is open: every section whose report is not approved is marked Draft.
    expect(Array.from(host.querySelectorAll('h2')).map((h) => h.textContent)).toEqual([
      'Governance and Decision Making – Draft',
      'Procurement – Draft',
      'Project Plans and Delivery',
      'Partnership Working – Draft',
      'Confidence, Culture and Capacity – Draft'
    ]);
    const outcomes = host.querySelectorAll('section')[3].querySelector('ul')!;
    expect(outcomes.querySelectorAll('li')).toHaveLength(12);
    expect(outcomes.querySelector('li')!.textContent).toBe('Plan for embedding new structures');
  });

  it('gives tables a caption, column headers with scope, and row headers where rows are labelled', () => {
    const status = host.querySelectorAll('section')[2].querySelector('table')!;
    expect(status.querySelector('caption')!.textContent).toContain('RAG status of each workstream');
    expect(Array.from(status.querySelectorAll('thead th')).map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['Workstream', 'col'],
      ['This Period', 'col'],
      ['Last Period', 'col']
    ]);
    expect(Array.from(status.querySelectorAll('tbody th[scope="row"]')).map((th) => th.textContent)).toHaveLength(5);
  });

  it('labels every RAG cell as well as colouring it', () => {
    const cells = Array.from(host.querySelectorAll('section')[2].querySelectorAll<HTMLElement>('td.ph-rag'));
    expect(cells.map((c) => c.textContent)).toEqual([
      // This period, then last period as recorded for June.
      'Green', 'Green/Amber', 'Green', 'Green/Amber', 'Green', 'Green/Amber', 'Green/Amber', 'Amber', 'Green', 'Green/Amber'
    ]);
    for (const cell of cells) {
      const rag = cell.textContent as Rag;
      expect(cell.getAttribute('data-rag')).toBe(rag);
      expect(cell.style.backgroundColor).toBe(rgb(RAG_COLOURS[rag].fill));
      expect(cell.style.color).toBe(rgb(RAG_COLOURS[rag].text));
    }
  });

  it('shows unrated cells as "Not rated" with no colour', () => {
    const june = render([buildBlock(picture(JUNE), 'statusTable')]);
    const unrated = Array.from(june.querySelectorAll<HTMLElement>('td.ph-rag--not-rated'));
    expect(unrated).toHaveLength(5);
    for (const cell of unrated) {
      expect(cell.textContent).toBe('Not rated');
      expect(cell.style.backgroundColor).toBe('');
    }
  });
});

describe('escaping', () => {
  it('shows <script> and other markup in the data as text, never as elements', () => {
    const host = render([buildBlock(hostilePicture(), 'sponsorComments', ws('GOV')), buildBlock(hostilePicture(), 'milestonesThisPeriod', ws('GOV'))]);
    expect(host.querySelectorAll('script')).toHaveLength(0);
    const expected = `<script>alert("x")</script> & ]]> "quoted" 'single' bell nul lone end \u{1F600}`;
    expect(host.querySelector('p')!.textContent).toBe(expected);
    expect(Array.from(host.querySelectorAll('td')).some((td) => td.textContent === expected)).toBe(true);
  });

  it('escapes attributes too: a block title cannot break out of aria-label', () => {
    const block: IBlock = {
      kind: 'statusTable',
      periodId: 2,
      title: '"><img src=x onerror=alert(1)>',
      content: [{ type: 'paragraph', style: 'Heading1', runs: [{ text: 'Status' }] }]
    };
    const host = render([block]);
    expect(host.querySelectorAll('img')).toHaveLength(0);
    expect(host.querySelector('section')!.getAttribute('aria-label')).toBe(block.title);
  });

  it('refuses colours that are not hex, so data cannot inject CSS', () => {
    const block: IBlock = {
      kind: 'ragKey',
      periodId: 2,
      title: 'Key',
      content: [
        {
          type: 'table',
          columnWidths: [9026],
          headerRows: 0,
          rows: [{ cells: [{ paragraphs: [{ type: 'paragraph', style: 'Normal', runs: [{ text: 'x' }] }], fill: 'red;background-image:url(https://evil)' }] }]
        }
      ]
    };
    expect(blocksToHtml([block])).not.toContain('evil');
  });

  it('escapes the five special characters and drops control characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>\u0007`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
