/**
 * What the Board was told stays what it was told: against the real `npm start`, a locked period's
 * `npm run report` says exactly the same after milestones and risks change, while a write to its
 * own records is refused; and a period taken through the whole cycle — written, submitted,
 * commented, approved, locked — keeps its report word for word after the lists change, while the
 * open period shows the changes. Reopening records its reason; a sponsor cannot comment on
 * another workstream.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import JSZip from 'jszip';
import { isDataError } from '../../src/data/errors';
import { browserSession, LEAD, MANAGER, PROGRAMME_SITE, SPONSOR } from './support/session';

const REPORT: string = path.resolve(__dirname, '../../dist/node/report.js');

const e2e = browserSession({ browser: false });
let out: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-cycle-'));
});

/** `npm run report` for a period; returns the document's text, paragraph by paragraph. */
async function reportText(period: string, name: string): Promise<string> {
  const file = path.join(out, `${name}.docx`);
  await promisify(execFile)(process.execPath, [REPORT, '--site', `${e2e.url}${PROGRAMME_SITE}`, '--period', period, '--out', file]);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml: string = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
  return xml
    .split(/<\/w:p>/)
    .map((p) => Array.from(p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)).map((m) => m[1]).join(''))
    .filter((p) => p !== '')
    .join('\n');
}

async function refused(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    if (isDataError(e)) {
      return `${e.kind}: ${e.message}`;
    }
    throw e;
  }
  throw new Error('Expected the write to be refused.');
}

it("keeps June 2023's report word for word after its milestones and risks change, and refuses writes to its records", async () => {
  const before = await reportText('June 2023', 'june-before');
  expect(before).toContain('Finalise the Risk Register');
  expect(before).toContain('Resilience of staff to deliver the new structures');

  const manager = e2e.repository(MANAGER);
  const june = await manager.getPeriodPicture(1);
  const milestone = june.milestones.filter((m) => m.title === 'Finalise the Risk Register')[0];
  const risk = june.risks.filter((r) => r.description === 'Resilience of staff to deliver the new structures')[0];
  // Through the product, June's own records are refused.
  expect(await refused(manager.update('milestone', milestone.id, { title: 'Risk register finalised' }, '"1"'))).toBe(
    'locked: June 2023 is locked: its report has gone to the Board, so its milestone can no longer change. The programme office can reopen the period, giving a reason.'
  );
  // Straight in the lists, the milestone and the risk June reported change anyway…
  await e2e.mergeItem('Milestones', milestone.id, { Title: 'Risk register finalised in July' });
  await e2e.mergeItem('Risks', risk.id, { RiskDescription: 'Staff resilience (rewritten after the Board)', Mitigation: 'New mitigation' });

  // …and June's report still says what the Board was told.
  const after = await reportText('June 2023', 'june-after');
  expect(after).toBe(before);
}, 60000);

it('takes a period through the cycle, locks it, and keeps its report word for word while the lists move on', async () => {
  const lead = e2e.repository(LEAD);
  const manager = e2e.repository(MANAGER);
  const january = await lead.createPeriod({ title: 'January 2024', start: '01/01/2024', end: '31/01/2024' });

  // Written and submitted by the project manager (Governance, Procurement) and the programme office (the rest).
  for (const ws of [1, 2, 3, 4, 5]) {
    const writer = ws <= 2 ? manager : lead;
    const report = await writer.create('statusReport', {
      workstreamId: ws,
      periodId: january.id,
      rag: ws === 4 ? 'Amber' : 'Green',
      previousRag: null,
      keyActivities: `January activities of workstream ${ws}: <checked> & "recorded".`,
      ragRationale: 'As planned.',
      completedBy: ws <= 2 ? 'Louisa Simpson' : 'Heidi Robinson',
      completionDateAsWritten: '30/01/2024',
      state: 'Draft'
    });
    const submitted = await writer.transitionReport(report.id, 'submit', report.etag);
    await lead.transitionReport(report.id, 'approve', submitted.etag);
  }
  // Commented on by the sponsor — and not by a sponsor of another workstream.
  await e2e.repository(SPONSOR).create('sponsorComment', { workstreamId: 1, periodId: january.id, text: 'January went well for Governance.' });
  expect(await refused(e2e.repository(SPONSOR).create('sponsorComment', { workstreamId: 3, periodId: january.id, text: 'Not mine to say.' }))).toBe(
    "forbidden: Only Project Plans and Delivery's sponsor, Steve Cox, can write its sponsor comments."
  );
  const milestone = await manager.create('milestone', { workstreamId: 1, periodId: january.id, timing: 'ThisPeriod', number: '1', title: 'Train the Investment Committee', status: 'Ongoing', order: 1 });
  const novDec = await manager.getPeriodPicture(2);
  const risk = novDec.risks.filter((r) => r.workstreamId === 1)[0];

  // Four workstreams have no sponsor comments: a must-fix finding, gone over with a reason.
  expect(await refused(lead.lockPeriod(january.id))).toMatch(/^validation: January 2024 cannot be locked yet: readiness finds 4 faults that must be fixed first/);
  await lead.lockPeriod(january.id, { overrideReason: 'Sponsors reported to the Board in person this month.' });
  const locked = await reportText('January 2024', 'january-locked');
  expect(locked).not.toContain('Sponsors reported to the Board in person');
  expect(locked).toContain('Train the Investment Committee');
  expect(locked).toContain('January went well for Governance.');
  expect(locked).toContain(risk.description);

  // Milestones and risks then change.
  expect(await refused(manager.update('milestone', milestone.id, { status: 'Complete' }, milestone.etag))).toMatch(/^locked: January 2024 is locked/);
  await e2e.mergeItem('Milestones', milestone.id, { MilestoneStatus: 'Complete', Title: 'Investment Committee trained' });
  const changedRisk = await manager.update('risk', risk.id, { description: 'Partner finances worsened in February' }, risk.etag);

  // The locked period's report is the same, word for word; the open period shows the change.
  expect(await reportText('January 2024', 'january-after')).toBe(locked);
  const open = await reportText('November/December 2023', 'novdec-after');
  expect(open).toContain(changedRisk.description);
  expect(open).not.toContain(risk.description);

  // Reopening records its reason, who and when; after it the period shows the lists as they are.
  await lead.reopenPeriod(january.id, 'The Board asked for the Governance milestones to be restated.');
  const history = await lead.getPeriodHistory(january.id);
  expect(history.map((h) => [h.action, h.reason && h.reason.split('\n')[0], h.by && h.by.name])).toEqual([
    ['Overridden', 'Sponsors reported to the Board in person this month.', 'Heidi Robinson'],
    ['Locked', undefined, 'Heidi Robinson'],
    ['Reopened', 'The Board asked for the Governance milestones to be restated.', 'Heidi Robinson']
  ]);
  expect(await reportText('January 2024', 'january-reopened')).toContain('Investment Committee trained');
}, 120000);
