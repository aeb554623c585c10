/**
 * The report builders on the seeded programme: the blocks say what the June and
 * November/December 2023 papers say, laid out as those papers lay them out.
 */
import { RAG_COLOURS, RAG_SCALE, type IPeriodPicture, type IStatusReport, type Rag } from '../../src/domain';
import {
  A4_TEXT_WIDTH_TWIPS,
  blockPlainText,
  buildBlock,
  buildProgrammeReport,
  draftHeader,
  isDraft,
  lastPeriodRag,
  thisPeriodRag,
  paragraphPlainText,
  type DocNode,
  type IBlock,
  type IParagraph,
  type ITable,
  type ITableCell
} from '../../src/report';
import { JUNE, NOVDEC, picture, SEED, ws } from './support/pictures';

const WORKSTREAM_TITLES = [
  'Governance and Decision Making',
  'Procurement',
  'Project Plans and Delivery',
  'Partnership Working',
  'Confidence, Culture and Capacity'
];

const paragraphs = (block: IBlock): IParagraph[] => block.content.filter((n): n is IParagraph => n.type === 'paragraph');
const tables = (nodes: DocNode[]): ITable[] => nodes.filter((n): n is ITable => n.type === 'table');
const headings = (block: IBlock, style?: string): string[] =>
  paragraphs(block)
    .filter((p) => (style ? p.style === style : /^Heading|^Title$/.test(p.style)))
    .map(paragraphPlainText);
const cellText = (cell: ITableCell): string => cell.paragraphs.map(paragraphPlainText).join('\n');
const rowTexts = (table: ITable): string[][] => table.rows.map((r) => r.cells.map(cellText));
/** The table that follows the heading with this text. */
function tableAfter(block: IBlock, headingText: string): ITable {
  const i = block.content.findIndex((n) => n.type === 'paragraph' && paragraphPlainText(n) === headingText);
  expect(i).toBeGreaterThanOrEqual(0);
  const t = block.content.slice(i + 1).filter((n): n is ITable => n.type === 'table')[0];
  return t;
}
function detailsRow(block: IBlock, label: string): ITableCell {
  const details = tables(block.content).filter((t) => t.rows.some((r) => cellText(r.cells[0]) === 'Workstream Sponsor'))[0];
  const row = details.rows.filter((r) => cellText(r.cells[0]) === label)[0];
  expect(row).toBeDefined();
  return row.cells[1];
}
const section = (periodId: number, code: string): IBlock => buildBlock(picture(periodId), 'workstreamSection', ws(code));
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('the programme report', () => {
  it('is title, overview, status table, one section per workstream in order, then the RAG key', () => {
    const blocks = buildProgrammeReport(picture(NOVDEC));
    expect(blocks.map((b) => b.kind)).toEqual([
      'reportTitle',
      'overview',
      'statusTable',
      'workstreamSection',
      'workstreamSection',
      'workstreamSection',
      'workstreamSection',
      'workstreamSection',
      'ragKey'
    ]);
    // Open period: the sections whose reports are not approved (all but Project Plans and Delivery) are marked Draft.
    expect(blocks.filter((b) => b.kind === 'workstreamSection').map((b) => headings(b, 'Heading2')[0])).toEqual(
      WORKSTREAM_TITLES.map((t) => (t === 'Project Plans and Delivery' ? t : `${t} – Draft`))
    );
    expect(blocks.every((b) => b.periodId === NOVDEC)).toBe(true);
    expect(blocks.filter((b) => b.kind === 'workstreamSection').map((b) => b.workstreamId)).toEqual(SEED.workstreams.map((w) => w.id));
  });

  it('names every block for people: programme blocks by kind and period, workstream blocks by kind and workstream', () => {
    const p = picture(NOVDEC);
    const blocks = buildProgrammeReport(p);
    expect(blocks[2].title).toBe('Status table – November/December 2023');
    expect(blocks[3].title).toBe('Workstream section – Governance and Decision Making');
    expect(blocks.filter((b) => b.kind !== 'workstreamSection').every((b) => b.title.indexOf('November/December 2023') >= 0)).toBe(true);
    expect(buildBlock(p, 'milestonesNextPeriod', ws('CCC')).title).toBe('Milestones next period – Confidence, Culture and Capacity');
  });

  it('spans the A4 text width with every table', () => {
    for (const periodId of [JUNE, NOVDEC]) {
      const p = picture(periodId);
      const blocks = [
        ...buildProgrammeReport(p),
        ...p.workstreams.map((w) => buildBlock(p, 'milestonesThisPeriod', w.id)),
        ...p.workstreams.map((w) => buildBlock(p, 'milestonesNextPeriod', w.id)),
        ...p.workstreams.map((w) => buildBlock(p, 'risks', w.id))
      ];
      for (const t of blocks.flatMap((b) => tables(b.content))) {
        expect(t.columnWidths.reduce((a, b) => a + b, 0)).toBe(A4_TEXT_WIDTH_TWIPS);
        for (const row of t.rows) {
          expect(row.cells.reduce((n, c) => n + (c.columnSpan || 1), 0)).toBe(t.columnWidths.length);
        }
      }
    }
  });
});

describe('the report title', () => {
  it('names the programme and the period in dd/mm/yyyy, as the papers do', () => {
    const block = buildBlock(picture(NOVDEC), 'reportTitle');
    const [title, period] = paragraphs(block);
    expect(title.style).toBe('Title');
    expect(paragraphPlainText(title)).toBe('Improvement Plan Phase 2 Programme Level Highlight Report');
    expect(paragraphPlainText(period)).toBe('for the Period: 01/11/2023 – 22/12/2023');
    expect(paragraphPlainText(paragraphs(buildBlock(picture(JUNE), 'reportTitle'))[1])).toBe('for the Period: 01/06/2023 – 30/06/2023');
  });

  it('gives the first paragraph of a block no direct run formatting (LibreOffice drops it)', () => {
    for (const block of buildProgrammeReport(picture(NOVDEC))) {
      const first = block.content[0] as IParagraph;
      expect(first.type).toBe('paragraph');
      expect(first.runs.every((r) => !r.bold && !r.italic)).toBe(true);
    }
  });
});

describe('the overview', () => {
  it('prints the lead executive director overview paragraph by paragraph', () => {
    const block = buildBlock(picture(NOVDEC), 'overview');
    expect(headings(block)).toEqual(['Lead Executive Director Overview']);
    const text = paragraphs(block).slice(1).map(paragraphPlainText);
    expect(text[0]).toBe('I am pleased to present the highlight report for the Improvement Plan for November and December 2023.');
    expect(text.length).toBe(SEED.periods[1].overview!.split('\n\n').length);
    expect(text.some((t) => /Overall programme RAG/.test(t))).toBe(false);
  });

  it('states the overall programme rating as a labelled line when the period has one', () => {
    const block = buildBlock(picture(JUNE), 'overview');
    const last = paragraphs(block)[paragraphs(block).length - 1];
    expect(paragraphPlainText(last)).toBe('Overall programme RAG rating: Green/Amber');
    expect(last.runs[0].bold).toBe(true);
  });
});

describe('the status table', () => {
  function statusRows(periodId: number, change?: (p: ReturnType<typeof picture>) => void): { names: string[]; cells: ITableCell[][] } {
    const p = picture(periodId);
    if (change) {
      change(p);
    }
    const block = buildBlock(p, 'statusTable');
    expect(headings(block)).toEqual(['Individual Workstream Status']);
    const t = tables(block.content)[0];
    expect(rowTexts(t)[0]).toEqual(['Workstream', 'This Period', 'Last Period']);
    expect(t.headerRows).toBe(1);
    const body = t.rows.slice(1);
    return { names: body.map((r) => cellText(r.cells[0])), cells: body.map((r) => r.cells.slice(1)) };
  }

  it('lists the five workstreams in programme order', () => {
    expect(statusRows(NOVDEC).names).toEqual(WORKSTREAM_TITLES);
  });

  it("rates November/December's last period as recorded for June, the previous period held, not as the reports state it", () => {
    const novDec = picture(NOVDEC);
    expect(novDec.previousPeriod && novDec.previousPeriod.title).toBe('June 2023');
    const { cells } = statusRows(NOVDEC);
    expect(cells.map((c) => c[0].rag)).toEqual(['Green', 'Green', 'Green', 'Green/Amber', 'Green']);
    // The paper states September/October's ratings (Green…), a period the lists do not hold; with no
    // reason given, the recorded June rating stands and readiness flags the disagreement.
    expect(novDec.statusReports.map((r) => r.previousRag)).toEqual(['Green', 'Green', 'Green', 'Green/Amber', 'Green']);
    expect(cells.map((c) => c[1].rag)).toEqual(['Green/Amber', 'Green/Amber', 'Green/Amber', 'Amber', 'Green/Amber']);
  });

  it('prints the rating a report states for last period when it gives a reason for differing from the record', () => {
    const { cells } = statusRows(NOVDEC, (p) => {
      p.statusReports[3].previousRagReason = 'Last period was September/October 2023, which is not held in the product.';
    });
    expect(cells.map((c) => c[1].rag)).toEqual(['Green/Amber', 'Green/Amber', 'Green/Amber', 'Green/Amber', 'Green/Amber']);
  });

  it("takes last period from the previous period's report when a report does not state it", () => {
    const { cells } = statusRows(NOVDEC, (p) => {
      for (const r of p.statusReports) {
        delete r.previousRag;
      }
    });
    expect(cells.map((c) => c[1].rag)).toEqual(['Green/Amber', 'Green/Amber', 'Green/Amber', 'Amber', 'Green/Amber']);
  });

  it('says "Not rated" for June\'s last period, with no fill', () => {
    const { cells } = statusRows(JUNE);
    expect(cells.map((c) => c[0].rag)).toEqual(['Green/Amber', 'Green/Amber', 'Green/Amber', 'Amber', 'Green/Amber']);
    for (const [, last] of cells) {
      expect(last.rag).toBeNull();
      expect(last.fill).toBeUndefined();
      expect(cellText(last)).toBe('Not rated');
    }
  });

  it("shades every RAG cell with the level's fill and text colour, and always prints the label", () => {
    for (const row of statusRows(NOVDEC).cells) {
      for (const cell of row) {
        const rag = cell.rag as Rag;
        expect(cell.fill).toBe(RAG_COLOURS[rag].fill);
        expect(cell.color).toBe(RAG_COLOURS[rag].text);
        expect(cellText(cell)).toBe(rag);
      }
    }
  });

  it('says "Not rated" for a workstream whose report has no rating this period', () => {
    const { cells } = statusRows(NOVDEC, (p) => {
      p.statusReports = p.statusReports.filter((r) => r.workstreamId !== ws('PART'));
    });
    expect(cellText(cells[3][0])).toBe('Not rated');
    expect(cells[3][0].rag).toBeNull();
  });
});

describe('a workstream section', () => {
  it('is laid out as the papers lay it out', () => {
    const block = section(NOVDEC, 'GOV');
    expect(headings(block)).toEqual([
      // Submitted, not yet approved, in an open period.
      'Governance and Decision Making – Draft',
      'Project Description',
      'Project Outcomes',
      'Key Activities',
      'Engagement',
      'Concerns/Issues',
      'RAG Rationale',
      'Governance and Decision Making – Workstream Sponsor Comments',
      'Governance and Decision Making – Key Milestones/Activities this Period',
      'Governance and Decision Making – Key Milestones/Activities Planned for Next Period',
      'Governance and Decision Making – Project Risks'
    ]);
    const first = block.content[0] as IParagraph;
    expect(first.style).toBe('Heading2');
    expect(first.pageBreakBefore).toBe(true);
    const lines = paragraphs(block).map(paragraphPlainText);
    expect(lines.slice(-2)).toEqual(['Report Completed By: Louisa Simpson', 'Completion Date: 19/12/2023']);
  });

  it('marks the heading Draft while the period is open and the report is not approved, and never once locked', () => {
    const novDec = picture(NOVDEC);
    for (const ws of novDec.workstreams) {
      const report = novDec.statusReports.filter((r) => r.workstreamId === ws.id)[0];
      const first = paragraphPlainText(section(NOVDEC, ws.code).content[0] as IParagraph);
      expect(first).toBe(report.state === 'Approved' ? ws.title : `${ws.title} – Draft`);
      expect(isDraft(novDec, ws.id)).toBe(report.state !== 'Approved');
    }
    expect(draftHeader(novDec)).toBe('Draft – not yet approved for the Board');
    // Approved is approved: the mark goes with the approval.
    const approved = buildBlock({ ...novDec, statusReports: novDec.statusReports.map((r) => ({ ...r, state: 'Approved' as const })) }, 'workstreamSection', novDec.workstreams[0].id);
    expect(paragraphPlainText(approved.content[0] as IParagraph)).toBe(novDec.workstreams[0].title);
    // A locked period is what went to the Board, whatever state its reports were in.
    const june = picture(JUNE);
    expect(june.period.state).toBe('Locked');
    const locked = { ...novDec, period: { ...novDec.period, state: 'Locked' as const } };
    expect(isDraft(locked)).toBe(false);
    expect(draftHeader(locked)).toBeUndefined();
    for (const ws of novDec.workstreams) {
      expect(paragraphPlainText(buildBlock(locked, 'workstreamSection', ws.id).content[0] as IParagraph)).toBe(ws.title);
    }
  });

  it('uses "Project Manager Update" for the early (June) reports', () => {
    const block = section(JUNE, 'PPD');
    expect(headings(block)).toContain('Project Manager Update');
    expect(headings(block)).not.toContain('Key Activities');
    // The update's own sub-headings ("Engagement:") are bold lead-ins, not document headings.
    const engagement = paragraphs(block).filter((p) => paragraphPlainText(p) === 'Engagement')[0];
    expect(engagement.style).toBe('Normal');
    expect(engagement.runs[0].bold).toBe(true);
  });

  it('bullets the project outcomes, grouped under their sub-headings where the outcomes are grouped', () => {
    const block = section(NOVDEC, 'CCC');
    const lines = paragraphs(block);
    const start = lines.findIndex((p) => paragraphPlainText(p) === 'Project Outcomes');
    const outcomes = lines.slice(start + 1).filter((p, i, all) => all.slice(0, i + 1).every((q) => q.style === 'Normal' || q.style === 'ListBullet'));
    const workstream = SEED.workstreams.filter((w) => w.code === 'CCC')[0];
    const expected: Array<[string, string]> = [];
    for (const group of workstream.outcomes) {
      expected.push(['Normal', group.heading!]);
      expected.push(...group.items.map((i): [string, string] => ['ListBullet', i]));
    }
    expect(outcomes.map((p) => [p.style, p.runs.map((r) => r.text).join('')])).toEqual(expected);
    expect(outcomes.filter((p) => p.style === 'Normal').every((p) => p.runs[0].bold)).toBe(true);
  });

  it('gives the details as written, with RAG cells for this and last period', () => {
    const ppd = section(NOVDEC, 'PPD');
    expect(cellText(detailsRow(ppd, 'Workstream Sponsor'))).toBe('Steve Cox');
    expect(cellText(detailsRow(ppd, 'Project Manager/s'))).toBe('Jodie Townsend');
    expect(cellText(detailsRow(ppd, 'PMO Support'))).toBe('Thomas Farmer');
    expect(cellText(detailsRow(ppd, 'Agreed Completion Date'))).toBe('31/06/23');
    expect(cellText(detailsRow(ppd, 'Forecast Completion Date'))).toBe('30/06/23');
    expect(cellText(detailsRow(ppd, 'Reporting Period'))).toBe('01/11/2023 – 31/12/2023');
    expect(detailsRow(ppd, 'Project Status This Period')).toMatchObject({ rag: 'Green', fill: RAG_COLOURS.Green.fill });
    // As recorded for June, the previous period held: the paper's stated Green (September/October) has no reason.
    expect(detailsRow(ppd, 'Project Status Previous Period')).toMatchObject({ rag: 'Green/Amber' });
    // June's report gave Governance's dates as 31/03/2024: the paper's own words, not today's workstream.
    expect(cellText(detailsRow(section(JUNE, 'GOV'), 'Agreed Completion Date'))).toBe('31/03/2024');
    expect(cellText(detailsRow(section(JUNE, 'GOV'), 'Project Status Previous Period'))).toBe('Not rated');
  });

  it.each(['GOV', 'PROC', 'PPD', 'PART', 'CCC'])('holds %s\'s sponsor comments, every milestone and every risk of November/December', (code) => {
    const p = picture(NOVDEC);
    const text = squash(blockPlainText(buildBlock(p, 'workstreamSection', ws(code))));
    for (const c of p.sponsorComments.filter((x) => x.workstreamId === ws(code))) {
      for (const para of c.text.split('\n\n')) {
        expect(text).toContain(squash(para));
      }
    }
    for (const m of p.milestones.filter((x) => x.workstreamId === ws(code))) {
      expect(text).toContain(squash(m.title));
      if (m.status) {
        expect(text).toContain(squash(m.status));
      }
    }
    const risks = p.risks.filter((x) => x.workstreamId === ws(code));
    expect(risks.length).toBeGreaterThan(0);
    for (const r of risks) {
      expect(text).toContain(squash(r.description));
      expect(text).toContain(squash(r.mitigation.split('\n\n')[0]));
    }
  });

  it('keeps row numbers as written: the repeated "7" and the empty row appear as they are', () => {
    const ccc = tableAfter(section(NOVDEC, 'CCC'), 'Confidence, Culture and Capacity – Key Milestones/Activities this Period');
    const numbers = rowTexts(ccc).slice(1).map((r) => r[0]);
    expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7', '7', '8']);
    expect(rowTexts(ccc)[8]).toEqual(['7', 'Commence enrolment onto Leadership Development Courses in collaboration with Cambridgeshire County Council', 'In progress']);

    const part = tableAfter(section(NOVDEC, 'PART'), 'Partnership Working – Key Milestones/Activities Planned for Next Period');
    expect(rowTexts(part).slice(1)).toEqual([['1', '']]);

    const juneRisks = tableAfter(section(JUNE, 'PROC'), 'Procurement – Project Risks');
    expect(rowTexts(juneRisks).slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['1', 'Recruitment of Contracts Manager and Procurement Officers', 'Interim options being investigated'],
      ['2', 'Strategy misalignment', 'Working with key officers to ensure alignment across SAF & governance'],
      ['3', '', '']
    ]);
  });

  it('keeps the paragraphs of a multi-paragraph mitigation inside its cell', () => {
    const risks = tableAfter(section(NOVDEC, 'GOV'), 'Governance and Decision Making – Project Risks');
    const mitigation = risks.rows[1].cells[2];
    expect(mitigation.paragraphs.map(paragraphPlainText)).toEqual([
      '"Stay aware of the financial health of partner authorities.',
      'Working with Section 151 Officers - Nick Bell organised 151 group."'
    ]);
  });

  it('skips sub-sections with nothing in them, but shows empty tables as "None reported."', () => {
    const p = picture(NOVDEC);
    const gov = p.workstreams.filter((w) => w.id === ws('GOV'))[0];
    gov.description = '  ';
    gov.outcomes = [{ items: [''] }];
    p.sponsorComments = p.sponsorComments.filter((c) => c.workstreamId !== gov.id);
    p.milestones = p.milestones.filter((m) => m.workstreamId !== gov.id);
    p.risks = p.risks.filter((r) => r.workstreamId !== gov.id);
    const report = p.statusReports.filter((r) => r.workstreamId === gov.id)[0];
    report.engagement = '';
    const block = buildBlock(p, 'workstreamSection', gov.id);
    const h = headings(block);
    for (const absent of ['Project Description', 'Project Outcomes', 'Engagement', 'Governance and Decision Making – Workstream Sponsor Comments']) {
      expect(h).not.toContain(absent);
    }
    for (const title of [
      'Governance and Decision Making – Key Milestones/Activities this Period',
      'Governance and Decision Making – Key Milestones/Activities Planned for Next Period',
      'Governance and Decision Making – Project Risks'
    ]) {
      const t = tableAfter(block, title);
      expect(t.headerRows).toBe(1);
      expect(t.rows).toHaveLength(2);
      expect(t.rows[1].cells).toHaveLength(1);
      expect(t.rows[1].cells[0].columnSpan).toBe(t.columnWidths.length);
      expect(cellText(t.rows[1].cells[0])).toBe('None reported.');
    }
  });

  it('says so when a workstream has no report for the period, and still shows its tables', () => {
    const p = picture(NOVDEC);
    p.statusReports = p.statusReports.filter((r) => r.workstreamId !== ws('PART'));
    const block = buildBlock(p, 'workstreamSection', ws('PART'));
    const text = blockPlainText(block);
    expect(text).toContain('No highlight report has been received for this period.');
    expect(text).not.toContain('Report Completed By');
    expect(cellText(detailsRow(block, 'Project Status This Period'))).toBe('Not rated');
  });

  it('drops control characters from everything it prints', () => {
    const p = picture(NOVDEC);
    p.sponsorComments.filter((c) => c.workstreamId === ws('GOV'))[0].text = 'Good\u0007 progress\u0000 made\ud800.';
    const text = blockPlainText(buildBlock(p, 'sponsorComments', ws('GOV')));
    expect(text).toContain('Good progress made.');
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udfff]/.test(text)).toBe(false);
  });
});

describe('the standalone workstream blocks', () => {
  it('prints sponsor comments under "<workstream> – Workstream Sponsor Comments"', () => {
    const block = buildBlock(picture(NOVDEC), 'sponsorComments', ws('PPD'));
    expect(block.workstreamId).toBe(ws('PPD'));
    expect(headings(block)).toEqual(['Project Plans and Delivery – Workstream Sponsor Comments']);
    expect(headings(block, 'Heading3')).toHaveLength(1);
    expect(blockPlainText(block)).toContain('The approval of the SAF by Government is a significant step');
  });

  it('says when a workstream has no sponsor comments rather than printing an empty block', () => {
    const p = picture(NOVDEC);
    p.sponsorComments = [];
    expect(blockPlainText(buildBlock(p, 'sponsorComments', ws('GOV')))).toContain('No sponsor comments have been recorded for this period.');
  });

  it('lays the milestone and risk tables out as # | Milestone | Status, # | Milestone and, for risks with no score or owner (as the seeded papers), # | Risk Description | Mitigation', () => {
    const p = picture(NOVDEC);
    const [thisPeriod] = tables(buildBlock(p, 'milestonesThisPeriod', ws('PROC')).content);
    const [nextPeriod] = tables(buildBlock(p, 'milestonesNextPeriod', ws('PROC')).content);
    const [risks] = tables(buildBlock(p, 'risks', ws('PROC')).content);
    expect(rowTexts(thisPeriod)[0]).toEqual(['#', 'Milestone', 'Status']);
    expect(rowTexts(nextPeriod)[0]).toEqual(['#', 'Milestone']);
    expect(rowTexts(risks)[0]).toEqual(['#', 'Risk Description', 'Mitigation']);
    expect(rowTexts(thisPeriod).slice(1).map((r) => r[1])).toEqual(['Engage HR to support any potential contractual changes to support SAF', 'Complete Contract Manager recruitment', 'Launch Procurement Hub']);
    expect(rowTexts(nextPeriod).slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4']);
    expect(rowTexts(risks).slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    expect([thisPeriod, nextPeriod, risks].every((t) => t.headerRows === 1)).toBe(true);
  });

  it("prints each risk's likelihood × impact and owner, and says which of the two is missing", () => {
    const p = picture(NOVDEC);
    const proc = ws('PROC');
    const own = p.risks.filter((r) => r.workstreamId === proc).sort((a, b) => a.order - b.order);
    own[0].likelihood = 3;
    own[0].impact = 4;
    own[0].owner = 'Sam Patel';
    own[1].likelihood = 5;
    own[1].impact = undefined;
    own[2].likelihood = undefined;
    own[2].impact = undefined;
    own[2].owner = undefined;
    const [risks] = tables(buildBlock(p, 'risks', proc).content);
    const body = rowTexts(risks).slice(1);
    expect(body[0].slice(3)).toEqual(['3 × 4 = 12', 'Sam Patel']);
    expect(body[1][3]).toBe('Likelihood 5, impact not given');
    expect(body[2].slice(3)).toEqual(['', '']);
  });

  it('puts likelihood × impact and owner in a risk table of a programme shaped unlike the seed', () => {
    const p = picture(NOVDEC);
    const only = ws('GOV');
    p.risks = [{ ...p.risks[0], id: 9001, workstreamId: only, number: 'R1', description: 'Quorum lost', mitigation: 'Deputies named', likelihood: 1, impact: 5, owner: 'Chair', order: 1 }];
    const [risks] = tables(buildBlock(p, 'risks', only).content);
    expect(rowTexts(risks)).toEqual([
      ['#', 'Risk Description', 'Mitigation', 'Likelihood × Impact', 'Owner'],
      ['R1', 'Quorum lost', 'Deputies named', '1 × 5 = 5', 'Chair']
    ]);
  });

  it('sorts rows by their order, not by how they arrive', () => {
    const p = picture(NOVDEC);
    p.milestones.reverse();
    p.risks.reverse();
    const [thisPeriod] = tables(buildBlock(p, 'milestonesThisPeriod', ws('CCC')).content);
    expect(rowTexts(thisPeriod).slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '7', '8']);
    const [risks] = tables(buildBlock(p, 'risks', ws('PROC')).content);
    expect(rowTexts(risks).slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('refuses a workstream block without a known workstream', () => {
    expect(() => buildBlock(picture(NOVDEC), 'risks')).toThrow(/workstream/);
    expect(() => buildBlock(picture(NOVDEC), 'milestonesThisPeriod', 999)).toThrow(/Workstream 999/);
  });
});

describe('the RAG key', () => {
  it("prints the programme's introduction and each level, shaded and labelled, in scale order", () => {
    const p = picture(NOVDEC);
    p.programme.ragDefinitions.reverse();
    const block = buildBlock(p, 'ragKey');
    expect(headings(block)).toEqual(['RAG Rating Methodology']);
    expect(blockPlainText(block)).toContain('Set out below is the methodology adopted.');
    const [key] = tables(block.content);
    expect(rowTexts(key)[0]).toEqual(['Level', 'Definition']);
    const body = key.rows.slice(1);
    expect(body.map((r) => cellText(r.cells[0]))).toEqual([...RAG_SCALE]);
    for (const row of body) {
      const rag = row.cells[0].rag as Rag;
      expect(row.cells[0].fill).toBe(RAG_COLOURS[rag].fill);
      expect(row.cells[0].color).toBe(RAG_COLOURS[rag].text);
      expect(cellText(row.cells[1])).toBe(p.programme.ragDefinitions.filter((d) => d.rag === rag)[0].definition);
    }
  });
});

describe('a programme shaped otherwise: six themes with long titles, unrated, one risk each', () => {
  const letters = ['A', 'B', 'C', 'D', 'E', 'F'];
  const longTitle = (l: string): string =>
    `Theme ${l} – Strengthen the authority's arrangements for ${'governance, assurance and partnership working '.repeat(4)}so that the Board can rely on them. ` +
    'Progress is reported monthly to the Board in the cover report and its appendix.';
  const first = { id: 11, title: 'March 2022', start: '2022-03-01', end: '2022-03-31', state: 'Locked' as const };
  const second = { id: 12, title: 'April 2022', start: '2022-04-01', end: '2022-04-30', state: 'Open' as const };
  const themes = letters.map((l, i) => ({ id: 100 + i, code: l, title: longTitle(l), description: `Theme ${l}.`, outcomes: [], projectManagers: [], pmoSupport: [], order: i + 1 }));
  const report = (i: number, periodId: number, state: 'Draft' | 'Approved'): IStatusReport => ({
    id: 200 + periodId * 10 + i,
    workstreamId: 100 + i,
    periodId,
    managerUpdate: `- Progress bullet for theme ${letters[i]}.`,
    state
  });
  const open: IPeriodPicture = {
    programme: { ...SEED.programme, title: 'Improvement Plan Phase 1' },
    period: second,
    previousPeriod: first,
    workstreams: themes,
    // Themes A and B approved, the rest not yet; nothing is rated in either period.
    statusReports: letters.map((_l, i) => report(i, second.id, i < 2 ? 'Approved' : 'Draft')),
    previousStatusReports: letters.map((_l, i) => report(i, first.id, 'Approved')),
    sponsorComments: [],
    milestones: [],
    previousMilestones: [],
    risks: letters.map((l, i) => ({ id: 300 + i, workstreamId: 100 + i, raisedPeriodId: first.id, number: '1', description: `Key risk of theme ${l}.`, mitigation: `Mitigation ${l}.`, state: 'Open' as const, order: 1 })),
    feedback: []
  };

  it('marks only the unapproved themes Draft, with their whole titles, and the page header while open', () => {
    const sections = buildProgrammeReport(open).filter((b) => b.kind === 'workstreamSection');
    expect(sections).toHaveLength(6);
    expect(sections.map((b) => paragraphPlainText(b.content[0] as IParagraph))).toEqual(themes.map((t, i) => (i < 2 ? t.title : `${t.title} – Draft`)));
    expect(draftHeader(open)).toBe('Draft – not yet approved for the Board');
    expect(draftHeader({ ...open, period: { ...second, state: 'Locked' } })).toBeUndefined();
  });

  it('says "Not rated" both ways when nothing was ever rated, with nothing stated to disagree', () => {
    for (const t of themes) {
      expect(lastPeriodRag(open, t.id)).toBeNull();
      expect(thisPeriodRag(open, t.id)).toBeNull();
    }
  });
});
