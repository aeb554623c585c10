/**
 * Readiness acknowledgements keep to their findings through export and import, over real HTTP
 * (graph-client against the local stack), on a programme built here rather than the seed. A
 * finding's key names its record by the site's ids ("placeholder|risk:12|mitigation"), and ids
 * mean nothing on another site — worse, there they name other items, so an acknowledgement copied
 * as it was would set aside a finding about a different risk. In a file the record is named by its
 * request key (reports, milestones, risks) or its code (workstreams); imported into a site whose
 * ids have moved on, each acknowledgement sets aside the same finding (same rule, workstream, row
 * and field) and no other. A file that names a record it does not hold and the site lacks is
 * refused, writing nothing; a key naming another site's ids comes in setting nothing aside, and
 * the import says so.
 */
import type { Emulator } from '../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../src/fixtures/improvementPlanPhase2';
import { exportSite, importSource, ImportRefused, jsonSource } from '../../src/data/exchange/transfer';
import type { ExchangeRow, IExchangeFile } from '../../src/data/exchange/tables';
import { applyAcknowledgements, checkReadiness, findingKey, mayAcknowledge, type IPeriod, type IReadinessFinding } from '../../src/domain';
import type { GraphRepository } from '../../src/data/graph/GraphRepository';
import { graph, startStack, USERS } from './support/stack';
import { recoveryPlan } from '../support/phasedProgramme';

jest.setTimeout(120000);

const started: Emulator[] = [];
const SHEET: string = 'Readiness Acknowledgements';

/** A provisioned site with no programme, whose lists' ids have moved on (items made and deleted), as a tenant's have. */
async function emptyStack(): Promise<Emulator> {
  const emu: Emulator = await startStack({ seed: false, users: IMPROVEMENT_PLAN_PHASE_2.users });
  started.push(emu);
  const t = graph(emu, USERS.lead).listTransport();
  for (const list of ['workstreams', 'statusReports', 'statusReports', 'milestones', 'milestones', 'milestones', 'risks'] as const) {
    const made = await t.create(list, list === 'workstreams' ? { Title: 'Scratch', Code: 'SCRATCH' } : { Title: 'Scratch' }, 'make room');
    await t.remove(list, made.id, made.etag, 'make room');
  }
  return emu;
}

/** What a finding is about, in terms that stay the same on any site: its rule, period, workstream, section, row and field. */
function about(f: IReadinessFinding): string {
  const w = f.where;
  return [f.rule, w.periodTitle, w.workstreamTitle || '', w.section, w.row || '', w.field || ''].join(' | ');
}

interface IReadiness {
  acknowledged: string[];
  open: string[];
}

/** A period's findings after its acknowledgements, by what they are about. */
async function readiness(repository: GraphRepository, periodTitle: string): Promise<IReadiness> {
  const period: IPeriod = (await repository.getPeriods()).filter((p) => p.title === periodTitle)[0];
  const picture = await repository.getPeriodPicture(period.id);
  const { open, acknowledged } = applyAcknowledgements(checkReadiness(picture), picture.acknowledgements);
  return { acknowledged: acknowledged.map((x) => about(x.finding)).sort(), open: open.map(about).sort() };
}

let source: Emulator;
let original: IExchangeFile;
let periodTitle: string;
let before: IReadiness;
let storedKeys: string[];

beforeAll(async () => {
  source = await startStack({ seed: recoveryPlan() });
  started.push(source);
  const repository = graph(source, USERS.lead);
  const periods: IPeriod[] = await repository.getPeriods();
  const period: IPeriod = periods.filter((p) => p.state === 'Open').sort((a, b) => (a.start < b.start ? 1 : -1))[0];
  periodTitle = period.title;
  // Placeholders, as officers leave them: a risk's mitigation and a milestone planned for next period.
  const transport = repository.listTransport();
  const picture = await repository.getPeriodPicture(period.id);
  const risk = picture.risks.filter((r) => r.state === 'Open')[0];
  const milestone = picture.milestones.filter((m) => m.periodId === period.id && m.timing === 'NextPeriod')[0];
  for (const [list, id, record] of [
    ['risks', risk.id, { Mitigation: 'TBA' }],
    ['milestones', milestone.id, { Title: 'TBC' }]
  ] as const) {
    const { records } = await transport.read({ item: { list, id } }, { action: 'leave a placeholder' });
    await transport.update(list, id, record, records.item[0].etag, 'leave a placeholder');
  }
  // Every finding that may be set aside is, but one.
  const findings: IReadinessFinding[] = checkReadiness(await repository.getPeriodPicture(period.id)).filter(mayAcknowledge);
  for (const f of findings.slice(0, -1)) {
    await repository.acknowledgeFinding(period.id, findingKey(f), `Not for this paper: ${f.rule}.`);
  }
  storedKeys = (await repository.getAcknowledgements(period.id)).map((a) => a.findingKey);
  before = await readiness(repository, periodTitle);
  original = await exportSite(transport);
});

afterAll(async () => {
  for (const emu of started) {
    await emu.close();
  }
});

it('the programme built here has acknowledged findings about a risk, a milestone and a status report, and one still open', () => {
  const kinds: string[] = storedKeys.map((k) => (/\|(report|milestone|risk|workstream):\d+\|/.exec(k) || ['', 'other'])[1]);
  expect(kinds).toEqual(expect.arrayContaining(['risk', 'milestone', 'report']));
  expect(before.acknowledged).toHaveLength(storedKeys.length);
  expect(before.open.length).toBeGreaterThan(0);
});

it("exports each acknowledgement's finding with its record named by request key or code, never by this site's ids", () => {
  const rows: ExchangeRow[] = original.lists[SHEET];
  expect(rows).toHaveLength(storedKeys.length);
  for (const row of rows) {
    expect(String(row.FindingKey)).not.toMatch(/\|(item|report|milestone|risk|workstream):\d+\|/);
    expect(String(row.FindingKey)).toMatch(/\|((report|milestone|risk)Row:[^|]+|workstreamCode:[^|]+|period)\|/);
  }
  // A risk's is its request key, as the Risks sheet carries it.
  const riskRow = rows.map((r) => /\|riskRow:([^|]+)\|/.exec(String(r.FindingKey))).filter((m) => m !== null)[0] as RegExpExecArray;
  expect(original.lists.Risks.map((r) => r.RequestKey)).toContain(riskRow[1]);
});

it('imported into a site whose ids have moved on, sets aside the same findings and no other, named by the ids there; and exports the same again', async () => {
  const target: Emulator = await emptyStack();
  const repository = graph(target, USERS.lead);
  const summary = await importSource(repository.listTransport(), jsonSource(JSON.parse(JSON.stringify(original))));
  expect(summary.notes).toEqual([]);
  expect(await readiness(repository, periodTitle)).toEqual(before);
  const period: IPeriod = (await repository.getPeriods()).filter((p) => p.title === periodTitle)[0];
  const keys: string[] = (await repository.getAcknowledgements(period.id)).map((a) => a.findingKey);
  expect(keys).toHaveLength(storedKeys.length);
  // The ids have moved on (an item's id here may still equal its id there, by chance): the keys were made again.
  const items = (list: string[]): string[] => list.filter((k) => /\|(report|milestone|risk):\d+\|/.test(k)).sort();
  expect(items(keys)).toHaveLength(items(storedKeys).length);
  expect(items(keys)).not.toEqual(items(storedKeys));
  expect((await exportSite(repository.listTransport())).lists[SHEET]).toEqual(original.lists[SHEET]);
});

it("refuses a file whose acknowledgement names a record in neither the file nor the site, writing nothing", async () => {
  const target: Emulator = await emptyStack();
  const repository = graph(target, USERS.lead);
  const file: IExchangeFile = JSON.parse(JSON.stringify(original));
  const rows: ExchangeRow[] = file.lists[SHEET];
  const at: number = rows.findIndex((r) => /\|riskRow:/.test(String(r.FindingKey)));
  rows[at].FindingKey = String(rows[at].FindingKey).replace(/riskRow:[^|]+/, 'riskRow:no-such-risk');
  const refused: unknown = await importSource(repository.listTransport(), jsonSource(file)).then(
    () => undefined,
    (e: unknown) => e
  );
  expect(refused).toBeInstanceOf(ImportRefused);
  const problems = (refused as ImportRefused).problems;
  expect(problems).toEqual([
    expect.objectContaining({ sheet: SHEET, row: at + 1, message: '"riskRow:no-such-risk" names a risk that is not in the Risks sheet (column "Request key") or on the site.' })
  ]);
  expect(await repository.getPeriods()).toEqual([]);
});

it("brings in a key naming the ids of the site it came from without letting it set anything aside, and says so", async () => {
  // As a file written before keys were made portable carries them: the source's own ids.
  const file: IExchangeFile = JSON.parse(JSON.stringify(original));
  file.lists[SHEET].forEach((row, i) => {
    row.FindingKey = storedKeys[i].replace(/\|(report|milestone|risk):(\d+)\|/, '|item:$2|');
  });
  const target: Emulator = await emptyStack();
  const repository = graph(target, USERS.lead);
  const summary = await importSource(repository.listTransport(), jsonSource(file));
  const unlinked: number = storedKeys.filter((k) => /\|(report|milestone|risk|workstream):\d+\|/.test(k)).length;
  expect(summary.notes).toHaveLength(unlinked);
  expect(summary.notes[0].startsWith(`An acknowledgement in ${periodTitle} ("`)).toBe(true);
  expect(summary.notes[0]).toContain("names its finding's record by the ids of the site it came from");
  const after: IReadiness = await readiness(repository, periodTitle);
  // Only what names no item (the period as a whole) still applies; every other finding counts again.
  expect(after.acknowledged.every((a) => before.acknowledged.indexOf(a) >= 0)).toBe(true);
  expect(after.acknowledged).toHaveLength(storedKeys.length - unlinked);
  expect(after.open.sort()).toEqual(before.open.concat(before.acknowledged.filter((a) => after.acknowledged.indexOf(a) < 0)).sort());
});
