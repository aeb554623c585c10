/**
 * Locking a period in three round trips (issue 14) without giving up what a lock guarantees, over
 * PnPjs, Graph (each under the emulator's default and SharePoint's "poisoned" $batch) and the
 * in-memory transport: the lock goes against the period's ETag with the snapshot in one $batch,
 * and the history entry with a second look at the picture in another. SharePoint's $batch is not
 * transactional, so these tests refuse one part of it on the wire (or one write in memory) and
 * check that nothing is left half-written: a stale lock is refused with nothing written, a part
 * refused opens the period again and takes back what the lock wrote, and an edit that lands
 * between the read and the lock is in the snapshot.
 */
import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';
import { DataError } from '../../src/data/errors';
import { MemoryTransport } from '../../src/data/memory/MemoryTransport';
import { ProgrammeRepository } from '../../src/data/ProgrammeRepository';
import type { IPeriodHistoryEntry, IProgrammeRepository } from '../../src/data/repository';
import { BearerLogin } from '../../src/data/sharepoint/PnpRepository';
import type { IEmuRequest, IEmuResponse } from '../../src/emulator/http';
import type { Emulator } from '../../src/emulator/server';
import { failure } from '../support/dataFailure';
import { IMPLEMENTATIONS, MEMORY_NAME, memorySiteOf, startStack, underEachVariant, USERS } from './support/stack';

const NOVDEC = 2;
const LOCK = { allowUnapproved: true, reason: 'Locked by the test.', overrideReason: 'Locked by the test over its findings.' };

/** A $batch's body as read: spaces and quotes in its URLs unescaped (its parts' bodies may hold any text). */
function readable(body: string): string {
  return body.replace(/%20/g, ' ').replace(/%27/g, "'");
}

/** True for a $batch (SharePoint's or Graph's) that writes to the list with this title. */
function writesTo(req: IEmuRequest, title: string, method: 'POST' | 'PATCH or MERGE'): boolean {
  if (/\/v1\.0\/\$batch$/.test(req.url.pathname)) {
    // Graph: {"requests":[{"id":"0","method":"PATCH","url":"/sites/…/lists/Title/items/2/fields"}, …]}
    const requests: Array<{ method: string; url: string }> = (JSON.parse(req.body) as { requests: Array<{ method: string; url: string }> }).requests;
    const methods: string[] = method === 'POST' ? ['POST'] : ['PATCH'];
    return requests.some((r) => methods.indexOf(r.method) >= 0 && readable(r.url).indexOf(`/lists/${title}/`) >= 0);
  }
  if (!/\/_api\/\$batch$/.test(req.url.pathname)) {
    return false;
  }
  // SharePoint: each part's request line, "POST https://…/getByTitle('Title')/items…"; an update
  // is a MERGE (or a POST with "X-HTTP-Method: MERGE") to the item.
  const methods: string[] = method === 'POST' ? ['POST '] : ['MERGE ', 'PATCH ', 'POST '];
  const body: string = readable(req.body);
  const lines: string[] = body.split('\n').filter((line) => methods.some((m) => line.indexOf(m) === 0) && line.indexOf(`'${title}')/items`) >= 0);
  return lines.length > 0 && (method === 'POST' || lines.some((line) => line.indexOf('POST ') !== 0) || body.indexOf('X-HTTP-Method: MERGE') >= 0);
}

/**
 * Runs `act` once, just before the emulator answers the first request that `matches`, and
 * answers the request `act` gives back (or the one that came).
 */
function before(emu: Emulator, matches: (req: IEmuRequest) => boolean, act: (req: IEmuRequest) => Promise<IEmuRequest | void>): void {
  const answer = emu.handle.bind(emu);
  let done: boolean = false;
  emu.handle = async (req: IEmuRequest): Promise<IEmuResponse> => {
    if (!done && matches(req)) {
      done = true;
      return answer((await act(req)) || req);
    }
    return answer(req);
  };
}

/** The request with the last mention of a list in its body turned into a list that does not exist: that part alone fails. */
function withoutList(req: IEmuRequest, title: string): IEmuRequest {
  const spellings: string[] = [title.replace(/ /g, '%20'), title];
  for (const spelling of spellings) {
    const at: number = req.body.lastIndexOf(spelling);
    if (at >= 0) {
      return { ...req, body: `${req.body.slice(0, at)}NoSuchList${req.body.slice(at + spelling.length)}` };
    }
  }
  throw new Error(`The request does not mention ${title}.`);
}

describe.each([...underEachVariant(IMPLEMENTATIONS), [MEMORY_NAME, undefined, {}] as const])('%s: locking a period', (name, make, faults) => {
  const wire: boolean = name !== MEMORY_NAME;
  let emu: Emulator;
  /** The in-memory transport the lead's repository runs over (for its hooks). */
  let transport: MemoryTransport | undefined;
  let lead: IProgrammeRepository;

  beforeEach(async () => {
    emu = await startStack({ faults });
    if (make) {
      lead = make(emu, USERS.lead);
    } else {
      const { site, ready } = memorySiteOf(emu);
      transport = new MemoryTransport(site, USERS.lead, ready);
      lead = new ProgrammeRepository(transport);
    }
  });
  afterEach(() => emu.close());

  /** How many snapshot items the site holds. */
  async function snapshotItems(): Promise<number> {
    if (wire) {
      return emu.store.listByTitle('Period Snapshots')!.items.size;
    }
    const { site, ready } = memorySiteOf(emu);
    await ready;
    return site.records('snapshots').length;
  }

  /** Another of the programme office's sessions changes an item, as SharePoint would take it. */
  async function changedElsewhere(list: 'Reporting Periods' | 'Milestones', id: number, values: { [column: string]: unknown }): Promise<void> {
    if (wire) {
      const sp = spfi(emu.siteUrl).using(SPBrowser({ baseUrl: emu.siteUrl }), BearerLogin(USERS.lead));
      await sp.web.lists.getByTitle(list).items.getById(id).update(values);
    } else {
      const { site } = memorySiteOf(emu);
      site.change(list === 'Reporting Periods' ? 'periods' : 'milestones', id, values, site.users[0].id, 'change it elsewhere');
    }
  }

  /** Runs `act` just before the lock's write of the period reaches the site. */
  function beforeTheLock(act: () => Promise<void>): void {
    if (wire) {
      before(emu, (req) => writesTo(req, 'Reporting Periods', 'PATCH or MERGE'), act);
    } else {
      let done: boolean = false;
      (transport as MemoryTransport).failNext(new Error('never'), (call) => {
        if (!done && call.op === 'update' && call.lists[0] === 'periods') {
          done = true;
          // The matcher runs as the call is answered: the change lands before the lock's write.
          void act();
        }
        return false;
      });
    }
  }

  async function expectNothingLeft(history: IPeriodHistoryEntry[], snapshots: number): Promise<void> {
    const reader: IProgrammeRepository = make ? make(emu, USERS.iib) : new ProgrammeRepository(new MemoryTransport(memorySiteOf(emu).site, USERS.iib));
    expect((await reader.getPeriods()).filter((p) => p.id === NOVDEC)[0].state).toBe('Open');
    expect((await lead.getPeriodHistory(NOVDEC)).map((h) => [h.id, h.action])).toEqual(history.map((h) => [h.id, h.action]));
    expect(await snapshotItems()).toBe(snapshots);
  }

  it('locks with the snapshot in one $batch and the history entry naming it in another: three round trips over SharePoint REST', async () => {
    await lead.getPeriods();
    const live = await lead.getPeriodPicture(NOVDEC);
    if (wire) {
      emu.resetStats();
    }
    const locked = await lead.lockPeriod(NOVDEC, LOCK);
    expect(locked.state).toBe('Locked');
    if (wire && /PnPjs/.test(name)) {
      expect(emu.stats.roundTrips).toBe(3);
    }
    const history: IPeriodHistoryEntry[] = await lead.getPeriodHistory(NOVDEC);
    expect(history.map((h) => h.action)).toEqual(['Overridden', 'Locked']);
    const frozen = await lead.getPeriodPicture(NOVDEC);
    expect(frozen.snapshot && frozen.snapshot.id).toBe(history[1].snapshotId);
    expect(frozen.period.state).toBe('Locked');
    const bare = <T extends { id: number; etag?: string }>(items: T[]): unknown[] => items.map((i) => ({ ...i, etag: '' }));
    expect(bare(frozen.statusReports)).toEqual(bare(live.statusReports));
    expect(bare(frozen.milestones)).toEqual(bare(live.milestones));
  });

  it('refuses a stale lock (the period changed since it was read) and writes nothing', async () => {
    const history: IPeriodHistoryEntry[] = await lead.getPeriodHistory(NOVDEC);
    const snapshots: number = await snapshotItems();
    beforeTheLock(() => changedElsewhere('Reporting Periods', NOVDEC, { Title: 'November/December 2023' }));
    const refused: DataError = await failure(lead.lockPeriod(NOVDEC, LOCK));
    expect(refused.kind).toBe('conflict');
    await expectNothingLeft(history, snapshots);
  });

  it("opens the period again and takes back what the lock wrote when a part of the lock's $batch is refused", async () => {
    const history: IPeriodHistoryEntry[] = await lead.getPeriodHistory(NOVDEC);
    const snapshots: number = await snapshotItems();
    if (wire) {
      before(emu, (req) => writesTo(req, 'Period Snapshots', 'POST'), async (req) => withoutList(req, 'Period Snapshots'));
    } else {
      let seen: number = 0;
      // The second of the snapshot's writes is refused: the first is done, and must be taken back.
      (transport as MemoryTransport).failNext(new DataError('unknown', 'Refused by the test.'), (call) => call.op === 'create' && call.lists[0] === 'snapshots' && ++seen === 2);
    }
    const refused: DataError = await failure(lead.lockPeriod(NOVDEC, LOCK));
    expect(refused.kind).not.toBe('conflict');
    await expectNothingLeft(history, snapshots);
  });

  it('opens the period again and takes back the snapshot when the history entry naming it is refused', async () => {
    const history: IPeriodHistoryEntry[] = await lead.getPeriodHistory(NOVDEC);
    const snapshots: number = await snapshotItems();
    if (wire) {
      before(emu, (req) => writesTo(req, 'Period History', 'POST'), async (req) => withoutList(req, 'Period History'));
    } else {
      let seen: number = 0;
      // The lock's own entry (after the override's) is refused.
      (transport as MemoryTransport).failNext(new DataError('unknown', 'Refused by the test.'), (call) => call.op === 'create' && call.lists[0] === 'history' && ++seen === 2);
    }
    await failure(lead.lockPeriod(NOVDEC, LOCK));
    await expectNothingLeft(history, snapshots);
  });

  it("opens the period again and takes back the snapshot, its parts and the history entries when a workstream part in the history entry's $batch is refused", async () => {
    const history: IPeriodHistoryEntry[] = await lead.getPeriodHistory(NOVDEC);
    const snapshots: number = await snapshotItems();
    if (wire) {
      // The third round trip's $batch: the history entries, then the workstream parts; its last
      // write to Period Snapshots (a workstream part) is refused.
      before(emu, (req) => writesTo(req, 'Period History', 'POST') && writesTo(req, 'Period Snapshots', 'POST'), async (req) => withoutList(req, 'Period Snapshots'));
    } else {
      let recorded: boolean = false;
      // The first snapshot write after the lock's history entries: a workstream part.
      (transport as MemoryTransport).failNext(new DataError('unknown', 'Refused by the test.'), (call) => {
        recorded = recorded || (call.op === 'create' && call.lists[0] === 'history');
        return recorded && call.op === 'create' && call.lists[0] === 'snapshots';
      });
    }
    await failure(lead.lockPeriod(NOVDEC, LOCK));
    await expectNothingLeft(history, snapshots);
  });

  it('keeps an edit that landed between the read and the lock in the locked report', async () => {
    const milestone = (await lead.getPeriodPicture(NOVDEC)).milestones[0];
    const edited: string = 'Edited as the period locked';
    beforeTheLock(() => changedElsewhere('Milestones', milestone.id, { Title: edited }));
    await lead.lockPeriod(NOVDEC, LOCK);
    const history: IPeriodHistoryEntry[] = await lead.getPeriodHistory(NOVDEC);
    expect(history.map((h) => h.action)).toEqual(['Overridden', 'Locked']);
    const frozen = await lead.getPeriodPicture(NOVDEC);
    expect(frozen.snapshot && frozen.snapshot.id).toBe(history[1].snapshotId);
    expect(frozen.milestones.filter((m) => m.id === milestone.id)[0].title).toBe(edited);
  });
});
