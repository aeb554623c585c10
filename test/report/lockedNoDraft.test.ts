/** @jest-environment jsdom */
/**
 * A locked period's report carries no draft marking anywhere — no page header, no "– Draft" on a
 * section heading — while the papers' own words (such as "the draft Single Assurance Framework") stay as written; an open
 * period's .docx says Draft in its header and on each unapproved section. On the seeded
 * November/December period, opened and locked.
 */
import JSZip from 'jszip';
import { BOARD_READER, pictureSeenBy, reportingOptionsOf, type IPeriodPicture, type IStatusReport } from '../../src/domain';
import { blockPlainText, buildBlock, buildDocx, buildProgrammeReport, draftHeader } from '../../src/report';
import { NOVDEC, picture } from './support/pictures';
import { parseXml } from './support/xml';

async function documentText(p: IPeriodPicture): Promise<{ body: string; header?: string }> {
  const zip = await JSZip.loadAsync(await buildDocx(buildProgrammeReport(p), { header: draftHeader(p) }));
  const body = parseXml(await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string')).documentElement.textContent || '';
  const headerFile = zip.file('word/header1.xml');
  return { body, header: headerFile ? parseXml(await headerFile.async('string')).documentElement.textContent || '' : undefined };
}


describe('draft marking in the .docx', () => {
  const open: IPeriodPicture = picture(NOVDEC);
  const locked: IPeriodPicture = { ...open, period: { ...open.period, state: 'Locked' } };

  it('marks an open period in the header and each unapproved section', async () => {
    const { body, header } = await documentText(open);
    expect(header).toBe('Draft – not yet approved for the Board');
    const unapproved = open.statusReports.filter((r) => r.state !== 'Approved').length;
    expect(unapproved).toBeGreaterThan(0);
    expect((body.match(/ – Draft/g) || []).length).toBe(unapproved);
  });

  it('marks a locked period nowhere, keeping the papers\' own "Draft" words', async () => {
    const { body, header } = await documentText(locked);
    expect(header).toBeUndefined();
    expect(body).not.toMatch(/ – Draft/);
    expect(body).not.toContain('not yet approved for the Board');
    // The papers' own words ("the draft Single Assurance Framework") are printed as written.
    const own: string[] = ['draft Single Assurance Framework'].filter((words) => JSON.stringify(open).indexOf(words) >= 0);
    expect(own.length).toBeGreaterThan(0);
    for (const words of own) {
      expect(body).toContain(words);
    }
  });
});

describe("the Board's version of the report", () => {
  const open: IPeriodPicture = picture(NOVDEC);
  const locked: IPeriodPicture = { ...open, period: { ...open.period, state: 'Locked' } };
  const titleOf = (r: IStatusReport): string => open.workstreams.filter((w) => w.id === r.workstreamId)[0].title;
  const snippet = (r: IStatusReport): string => (r.keyActivities || r.managerUpdate || r.ragRationale || '').trim().split('\n')[0].slice(0, 60);

  it("of an open period prints approved reports only: each other section says it awaits approval and where it stands, with none of its content", async () => {
    const board: IPeriodPicture = pictureSeenBy(BOARD_READER, open);
    const unapproved: IStatusReport[] = open.statusReports.filter((r) => r.state !== 'Approved');
    const approved: IStatusReport[] = open.statusReports.filter((r) => r.state === 'Approved');
    expect(unapproved.length).toBeGreaterThan(0);
    expect(approved.length).toBeGreaterThan(0);
    const { body, header } = await documentText(board);
    expect(header).toBe('Draft – the period is open: approved reports only, the others await approval');
    // Nothing of a report not yet approved, and no draft's section marked Draft: it is not there.
    expect(body).not.toMatch(/ – Draft/);
    for (const r of unapproved) {
      expect(snippet(r).length).toBeGreaterThan(20);
      expect(body).not.toContain(snippet(r));
      expect(body).toContain(`${titleOf(r)} – Awaiting approval`);
      expect(body).toMatch(/report for November\/December 2023 is (in draft|submitted|sent back for changes) and has not yet been approved/);
    }
    for (const r of approved) {
      expect(body).toContain(snippet(r));
    }
    // The status table says so in the "This Period" column; last period stays as recorded.
    const status: string = blockPlainText(buildBlock(board, 'statusTable'));
    expect((status.match(/Awaiting approval/g) || []).length).toBe(unapproved.length);
    // A part of a withheld report inserted on its own says the same, under its own heading.
    const comments: string = blockPlainText(buildBlock(board, 'sponsorComments', unapproved[0].workstreamId));
    expect(comments).toMatch(/Workstream Sponsor Comments[\s\S]*Awaiting approval/);
    expect(comments).not.toMatch(/No sponsor comments/);
  });

  it('of a locked period is the report as it went to the Board, block for block', () => {
    expect(pictureSeenBy(BOARD_READER, locked)).toBe(locked);
    expect(buildProgrammeReport(pictureSeenBy(BOARD_READER, locked))).toEqual(buildProgrammeReport(locked));
  });

  it("keeps a withheld workstream's risks out of the key risks table, saying it awaits approval", () => {
    // A programme that keeps its risks in one table (another shape than the seed's).
    const oneTable: IPeriodPicture = { ...open, programme: { ...open.programme, reporting: { ...reportingOptionsOf(open.programme), keyRisks: true } } };
    const withheldWs: number = open.statusReports.filter((r) => r.state !== 'Approved')[0].workstreamId;
    const itsRisk = open.risks.filter((r) => r.workstreamId === withheldWs)[0];
    expect(itsRisk).toBeDefined();
    const whole: string = blockPlainText(buildBlock(oneTable, 'keyRisks'));
    const board: string = blockPlainText(buildBlock(pictureSeenBy(BOARD_READER, oneTable), 'keyRisks'));
    const words: string = itsRisk.description.trim().slice(0, 40);
    expect(whole).toContain(words);
    expect(board).not.toContain(words);
    expect(board).toContain("Awaiting approval: the workstream's report is not yet approved.");
  });
});
