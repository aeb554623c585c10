/**
 * The report prints what the programme has: its reporting options decide which blocks, tables
 * and rows are printed. The seeded programme (no options: everything) prints as it always has.
 */
import { DEFAULT_REPORTING_OPTIONS, type IPeriodPicture, type IReportingOptions } from '../../src/domain';
import { buildBlock, buildProgrammeReport, NONE_REPORTED, NOT_RATED_LABEL, printsRagKey } from '../../src/report/build';
import type { DocNode, IBlock, ITable } from '../../src/report/model';
import { NOVDEC, JUNE, picture, ws } from './support/pictures';

function textOf(nodes: DocNode[]): string {
  return nodes
    .map((n) => (n.type === 'paragraph' ? n.runs.map((r) => r.text).join('') : n.rows.map((row) => row.cells.map((c) => textOf(c.paragraphs)).join(' | ')).join('\n')))
    .join('\n');
}
const blocksText = (blocks: IBlock[]): string => blocks.map((b) => textOf(b.content)).join('\n');

function withOptions(p: IPeriodPicture, changes: Partial<IReportingOptions>): IPeriodPicture {
  p.programme.reporting = { ...DEFAULT_REPORTING_OPTIONS, ...changes };
  return p;
}

describe('what the report prints', () => {
  it('is unchanged for a programme whose options are the defaults, written out or not', () => {
    for (const id of [JUNE, NOVDEC]) {
      expect(buildProgrammeReport(withOptions(picture(id), {}))).toEqual(buildProgrammeReport(picture(id)));
      expect(buildProgrammeReport(picture(id)).map((b) => b.kind)).toEqual(['reportTitle', 'overview', 'statusTable', 'workstreamSection', 'workstreamSection', 'workstreamSection', 'workstreamSection', 'workstreamSection', 'ragKey']);
    }
  });

  it('leaves out the status table, status rows and RAG key of a programme that does not rate', () => {
    const p = withOptions(picture(NOVDEC), { rated: false });
    const blocks = buildProgrammeReport(p);
    expect(blocks.map((b) => b.kind)).not.toContain('statusTable');
    expect(blocks.map((b) => b.kind)).not.toContain('ragKey');
    expect(blocksText(blocks)).not.toContain('Project Status');
    // Inserted on its own, the status table says why it has nothing to show.
    expect(textOf(buildBlock(p, 'statusTable').content)).toContain('does not rate its workstreams yet');
    expect(textOf(buildBlock(p, 'statusTable').content)).not.toContain(NOT_RATED_LABEL);
  });

  it('leaves out the RAG key when nothing is rated, and prints a three-level key of three levels', () => {
    const unrated = picture(NOVDEC);
    unrated.statusReports.forEach((r) => delete r.rag);
    unrated.previousStatusReports.forEach((r) => delete r.rag);
    unrated.statusReports.forEach((r) => delete r.previousRag);
    expect(printsRagKey(unrated)).toBe(false);
    expect(buildProgrammeReport(unrated).map((b) => b.kind)).not.toContain('ragKey');
    const three = withOptions(picture(NOVDEC), { ragScale: 'three' });
    const key = buildBlock(three, 'ragKey').content.filter((n): n is ITable => n.type === 'table')[0];
    expect(key.rows.slice(1).map((r) => r.cells[0].rag)).toEqual(['Green', 'Amber', 'Red']);
  });

  it('leaves out sponsor comments, milestones and sign-off of a programme that has none', () => {
    const p = withOptions(picture(NOVDEC), { sponsorComments: false, milestones: false, signOff: false });
    const section = textOf(buildBlock(p, 'workstreamSection', ws('GOV')).content);
    expect(section).not.toContain('Sponsor Comments');
    expect(section).not.toContain('Key Milestones');
    expect(section).not.toContain('Report Completed By');
    expect(section).toContain('Project Risks');
  });

  it('prints empty tables and rows only when the programme office asks for them', () => {
    const empty = picture(NOVDEC);
    empty.milestones = empty.milestones.filter((m) => m.workstreamId !== ws('GOV'));
    empty.risks = empty.risks.filter((r) => r.workstreamId !== ws('GOV'));
    empty.workstreams.filter((w) => w.id === ws('GOV'))[0].pmoSupport = [];
    const asked = textOf(buildBlock(empty, 'workstreamSection', ws('GOV')).content);
    expect(asked).toContain(NONE_REPORTED);
    expect(asked).toContain('PMO Support');
    const compact = textOf(buildBlock(withOptions(empty, { printEmpty: false }), 'workstreamSection', ws('GOV')).content);
    expect(compact).not.toContain(NONE_REPORTED);
    expect(compact).not.toContain('PMO Support');
    expect(compact).not.toContain('Project Risks');
    expect(compact).toContain('Workstream Sponsor');
  });

  it('prints key risks by workstream in one table, with short titles, and then not again in each section', () => {
    const p = withOptions(picture(NOVDEC), { keyRisks: true });
    p.workstreams.filter((w) => w.id === ws('GOV'))[0].shortTitle = 'GOV';
    const blocks = buildProgrammeReport(p);
    expect(blocks.map((b) => b.kind).slice(0, 4)).toEqual(['reportTitle', 'overview', 'statusTable', 'keyRisks']);
    const table = blocks[3].content.filter((n): n is ITable => n.type === 'table')[0];
    expect(table.rows).toHaveLength(1 + p.risks.length);
    expect(textOf(table.rows[1].cells.map((c) => c.paragraphs).flat())).toContain('GOV');
    expect(blocksText(blocks.filter((b) => b.kind === 'workstreamSection'))).not.toContain('Project Risks');
    for (const r of p.risks) {
      expect(textOf(blocks[3].content)).toContain(r.mitigation.split('\n')[0]);
    }
  });

  it('uses the short title in tables and sub-headings, and the full title once as the heading', () => {
    const p = picture(NOVDEC);
    const gov = p.workstreams.filter((w) => w.id === ws('GOV'))[0];
    gov.title = `${gov.title}. ${'A second sentence of the title that makes it long. '.repeat(6)}`.trim();
    gov.shortTitle = 'Governance';
    expect(gov.title.length).toBeGreaterThan(255);
    const section = buildBlock(p, 'workstreamSection', gov.id);
    expect(section.title).toBe('Workstream section – Governance');
    expect(textOf(section.content).split(gov.title)).toHaveLength(2);
    expect(textOf(section.content)).toContain('Governance – Key Milestones/Activities this Period');
    expect(textOf(buildBlock(p, 'statusTable').content)).not.toContain(gov.title);
    expect(textOf(buildBlock(p, 'statusTable').content)).toContain('Governance | ');
  });
});
