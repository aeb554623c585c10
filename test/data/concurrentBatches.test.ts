/**
 * Writes past one $batch go in batches sent together (issue 14: a new period's carry-forward in
 * one wait on the network), over PnPjs (SharePoint REST $batches of 100) and graph-client (Graph
 * JSON $batches of 20), each under the emulator's default and SharePoint's "poisoned" $batch: one
 * write refused in a batch that travels beside others is reported where it was, the writes' order
 * kept in the outcomes, and nothing lost — every write reported done is on the site, and none
 * reported refused is.
 */
import type { ProgrammeRepository } from '../../src/data/ProgrammeRepository';
import { toValues } from '../../src/data/mapping';
import type { IRowTransport, ListWrite, Row, WriteOutcome } from '../../src/data/transport';
import type { Emulator } from '../../src/emulator/server';
import type { IEmuRequest, IEmuResponse } from '../../src/emulator/http';
import { isDataError } from '../../src/data/errors';
import { countingWaits, WaitCounter } from '../../src/cli/waits';
import { IMPLEMENTATIONS, startStack, underEachVariant, USERS } from './support/stack';

const NOVDEC = 2;
const WRITES = 250;
/** In the second SharePoint $batch (writes 100 to 199), the eighth Graph one (140 to 159). */
const REFUSED_AT = 150;

describe.each(underEachVariant(IMPLEMENTATIONS))('%s: writes past one $batch, sent together', (name, make, faults) => {
  const rest: boolean = /PnPjs/.test(name);
  let emu: Emulator;

  beforeAll(async () => {
    emu = await startStack({ faults });
  });
  afterAll(() => emu.close());

  it("gives each write's outcome in the writes' order, the refused one where it was, and loses nothing", async () => {
    const transport: IRowTransport = (make(emu, USERS.lead) as ProgrammeRepository).listTransport();
    const title = (i: number): string => `Sent together ${i}`;
    const writes: ListWrite[] = Array.from(
      { length: WRITES },
      (_x, i): ListWrite => ({
        op: 'create',
        list: 'milestones',
        // A title past the column's 255 characters: SharePoint and Graph refuse that one write.
        record: toValues('milestone', { workstreamId: 1, periodId: NOVDEC, timing: 'NextPeriod', title: i === REFUSED_AT ? 'x'.repeat(300) : title(i), order: i })
      })
    );
    // The site found first, so that only the writes are counted.
    await transport.read({ none: { list: 'milestones', id: 1 } }, { action: 'find the site' });
    emu.resetStats();
    const counted: WaitCounter = new WaitCounter();
    const outcomes: WriteOutcome[] = await countingWaits(counted, () => transport.writeMany(writes, 'write them'));
    const answered: number = emu.stats.roundTrips;

    expect(outcomes).toHaveLength(WRITES);
    expect(outcomes[REFUSED_AT].done).toBe(false);
    // In order: every outcome done is its own write's item.
    outcomes.forEach((o, i) => {
      if (o.done) {
        expect(o.record && o.record.values.Title).toBe(title(i));
      }
    });
    // Batches sent beside the refused one's ran whatever befell it: the first and the last.
    expect(outcomes.slice(0, 100).every((o) => o.done)).toBe(true);
    expect(outcomes.slice(200).every((o) => o.done)).toBe(true);
    // In its own batch, SharePoint's poisoned $batch runs nothing after it (reported refused, not
    // sent again); otherwise only that write is refused.
    const afterIt: WriteOutcome[] = outcomes.slice(REFUSED_AT + 1, rest ? 200 : 160);
    expect(afterIt.every((o) => o.done)).toBe(!(rest && faults.poisonedBatch));

    // Nothing lost, nothing extra: the site holds exactly the writes reported done.
    const { records } = await transport.read({ ours: { list: 'milestones', filter: { anyOf: [{ column: 'ReportingPeriod', value: NOVDEC }] } } }, { action: 'read them back' });
    const stored: string[] = records.ours.map((r: Row) => String(r.values.Title)).filter((t) => t.indexOf('Sent together ') === 0);
    const done: string[] = outcomes.map((o, i) => (o.done ? title(i) : '')).filter((t) => t !== '');
    expect(stored.sort()).toEqual(done.sort());

    // Sent together: SharePoint's three $batches in one wait; Graph's 13 JSON batches four at a time.
    expect(counted.httpRequests).toBe(rest ? 3 : 13);
    expect(answered).toBe(counted.httpRequests);
    expect(counted.waits).toBe(rest ? 1 : 4);
  }, 60000);

  it('creates many items (a close-down, an import) in batches sent together, each as stored in order; reads past one Graph batch go together too', async () => {
    const transport: IRowTransport = (make(emu, USERS.lead) as ProgrammeRepository).listTransport();
    const title = (i: number): string => `Created together ${i}`;
    const records = Array.from({ length: WRITES }, (_x, i) => toValues('milestone', { workstreamId: 1, periodId: NOVDEC, timing: 'NextPeriod', title: title(i), order: i }));
    await transport.read({ none: { list: 'milestones', id: 1 } }, { action: 'find the site' });
    const counted: WaitCounter = new WaitCounter();
    const stored: Row[] = await countingWaits(counted, () => transport.createMany('milestones', records, 'create them'));
    expect(stored.map((r) => r.values.Title)).toEqual(records.map((_r, i) => title(i)));
    expect(new Set(stored.map((r) => r.id)).size).toBe(WRITES);
    expect(counted.httpRequests).toBe(rest ? 3 : 13);
    expect(counted.waits).toBe(rest ? 1 : 4);

    // Forty-five reads: SharePoint's one $batch; Graph's three JSON batches of up to 20, in one wait.
    const queries: { [name: string]: { list: 'milestones'; id: number } } = {};
    stored.slice(0, 45).forEach((r, i) => (queries[`m${i}`] = { list: 'milestones', id: r.id }));
    const reading: WaitCounter = new WaitCounter();
    const read = await countingWaits(reading, () => transport.read(queries, { action: 'read them' }));
    expect(Object.keys(read.records).map((k) => read.records[k][0].values.Title)).toEqual(stored.slice(0, 45).map((r) => r.values.Title));
    expect(reading.waits).toBe(1);
    expect(reading.httpRequests).toBe(rest ? 1 : 3);
  }, 60000);

  it('reports the writes of a batch that failed as a whole refused, in their places, beside the batches sent with it, and loses nothing', async () => {
    const transport: IRowTransport = (make(emu, USERS.lead) as ProgrammeRepository).listTransport();
    const title = (i: number): string => `Failed whole ${i}`;
    const writes: ListWrite[] = Array.from(
      { length: WRITES },
      (_x, i): ListWrite => ({ op: 'create', list: 'milestones', record: toValues('milestone', { workstreamId: 2, periodId: NOVDEC, timing: 'NextPeriod', title: title(i), order: i }) })
    );
    // The batch carrying write 150 (SharePoint's second, writes 100 to 199; Graph's eighth, 140
    // to 159) is refused whole, none of it run: a 500, which neither client retries.
    const answer = emu.handle.bind(emu);
    emu.handle = async (req: IEmuRequest): Promise<IEmuResponse> =>
      /\$batch$/.test(req.url.pathname) && req.body.indexOf(title(REFUSED_AT)) >= 0
        ? { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Refused whole by the test.' }
        : answer(req);
    let outcomes: WriteOutcome[];
    try {
      outcomes = await transport.writeMany(writes, 'write them');
    } finally {
      emu.handle = answer;
    }
    const [from, to] = rest ? [100, 200] : [140, 160];
    expect(outcomes).toHaveLength(WRITES);
    outcomes.forEach((o, i) => {
      expect(o.done).toBe(i < from || i >= to);
      if (o.done) {
        expect(o.record && o.record.values.Title).toBe(title(i));
      } else {
        expect(isDataError(o.error)).toBe(true);
      }
    });
    const { records } = await transport.read({ ours: { list: 'milestones', filter: { anyOf: [{ column: 'ReportingPeriod', value: NOVDEC }] } } }, { action: 'read them back' });
    const stored: string[] = records.ours.map((r: Row) => String(r.values.Title)).filter((t) => t.indexOf('Failed whole ') === 0);
    expect(stored.sort()).toEqual(outcomes.map((o, i) => (o.done ? title(i) : '')).filter((t) => t !== '').sort());
  }, 60000);
});
