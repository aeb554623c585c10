/**
 * Date-only columns in the site's regional time zone: a site west of UTC (Pacific) and one east
 * of it (Tokyo) read and write the same calendar dates people entered, through both repositories
 * over real HTTP, while the wire carries the instant the day starts in the site's time zone, as
 * SharePoint stores it.
 */
import { calendarDate, LONDON, siteInstant, type ISiteTimeZone } from '../../src/data/siteDates';
import type { Emulator } from '../../src/emulator/server';
import { IMPLEMENTATIONS, startStack, USERS } from './support/stack';

const JUNE = 1;
const NOVDEC = 2;

/** An item's raw value of a column over SharePoint REST, as the wire carries it. */
async function raw(emu: Emulator, list: string, id: number, column: string): Promise<string> {
  const res: Response = await fetch(`${emu.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(list)}')/items(${id})?$select=${column}`, {
    headers: { Accept: 'application/json', Authorization: `Bearer ${USERS.lead}` }
  });
  return (await res.json())[column];
}

describe('calendar dates and instants', () => {
  const PACIFIC: ISiteTimeZone = { id: 13, bias: 480 };
  const TOKYO: ISiteTimeZone = { id: 20, bias: -540 };

  it("writes a date as the instant it starts in the site's standard time", () => {
    expect(siteInstant('2023-12-01', PACIFIC)).toBe('2023-12-01T08:00:00Z');
    expect(siteInstant('2023-12-01', TOKYO)).toBe('2023-11-30T15:00:00Z');
    expect(siteInstant('2023-12-01', LONDON)).toBe('2023-12-01T00:00:00Z');
  });

  it('refuses what is not a calendar date, naming it, in the words the edge installed', () => {
    expect(() => siteInstant('2023-13-45', LONDON)).toThrow(RangeError);
    expect(() => siteInstant('someday', LONDON)).toThrow('"someday" is not a calendar date (yyyy-mm-dd).');
  });

  it('reads the date an instant stands for, summer time and items written as UTC midnight included', () => {
    // Summer time: the day starts an hour earlier than in standard time.
    expect(calendarDate('2023-06-01T07:00:00Z', PACIFIC)).toBe('2023-06-01');
    expect(calendarDate('2023-05-31T23:00:00Z', LONDON)).toBe('2023-06-01');
    expect(calendarDate('2023-12-01T08:00:00Z', PACIFIC)).toBe('2023-12-01');
    expect(calendarDate('2023-11-30T15:00:00Z', TOKYO)).toBe('2023-12-01');
    // What older versions of the product wrote: UTC midnight, hours from the site's midnight.
    expect(calendarDate('2023-12-01T00:00:00Z', PACIFIC)).toBe('2023-12-01');
    expect(calendarDate('2023-12-01T00:00:00Z', TOKYO)).toBe('2023-12-01');
    expect(calendarDate('2023-12-01', PACIFIC)).toBe('2023-12-01');
    expect(calendarDate('not a date', PACIFIC)).toBeUndefined();
  });
});

describe.each([
  ['pacific', '2023-06-01T07:00:00Z', '2023-12-01T08:00:00Z'],
  ['tokyo', '2023-05-31T15:00:00Z', '2023-11-30T15:00:00Z']
])('a site in the %s time zone', (zone, juneStartOnWire, decemberFirstOnWire) => {
  describe.each(IMPLEMENTATIONS)('%s', (_name, make) => {
    let emu: Emulator;
    beforeAll(async () => {
      emu = await startStack({ timeZone: zone });
    });
    afterAll(() => emu.close());

    it('reads the periods with the dates people entered, while the wire holds the site-local midnight', async () => {
      const periods = await make(emu, USERS.lead).getPeriods();
      expect(periods.map((p) => [p.id, p.start, p.end])).toEqual([
        [JUNE, '2023-06-01', '2023-06-30'],
        [NOVDEC, '2023-11-01', '2023-12-22']
      ]);
      expect(await raw(emu, 'Reporting Periods', JUNE, 'PeriodStart')).toBe(juneStartOnWire);
    });

    it('writes a date as the instant it starts in the site, and reads back the same date', async () => {
      const lead = make(emu, USERS.lead);
      const created = await lead.create('milestone', { workstreamId: 1, periodId: NOVDEC, timing: 'ThisPeriod', title: 'Due on the first', order: 90, dueDate: '2023-12-01' });
      expect(created.dueDate).toBe('2023-12-01');
      expect(await raw(emu, 'Milestones', created.id, 'DueDate')).toBe(decemberFirstOnWire);
      expect((await lead.get('milestone', created.id)).dueDate).toBe('2023-12-01');
      const moved = await lead.update('milestone', created.id, { dueDate: '2024-01-31' }, created.etag);
      expect(moved.dueDate).toBe('2024-01-31');
      expect((await lead.getPeriodPicture(NOVDEC)).milestones.filter((m) => m.id === created.id)[0].dueDate).toBe('2024-01-31');
    });
  });
});
