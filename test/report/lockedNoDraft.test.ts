/** @jest-environment jsdom */
/**
 * A locked period's report carries no draft marking anywhere — no page header, no "– Draft" on a
 * section heading — while the papers' own words (such as "the draft Single Assurance Framework") stay as written; an open
 * period's .docx says Draft in its header and on each unapproved section. On the seeded
 * November/December period, opened and locked.
 */
import JSZip from 'jszip';
import type { IPeriodPicture } from '../../src/domain';
import { buildDocx, buildProgrammeReport, draftHeader } from '../../src/report';
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
