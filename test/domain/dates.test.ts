import {
  DomainValidationError,
  assertIsoDate,
  compareIsoDates,
  daysInMonth,
  formatDateRange,
  formatLongDate,
  formatUkDate,
  isValidUkDate,
  nextDay,
  parseOptionalUkDate,
  parseUkDate
} from '../../src/domain';

describe('UK dates', () => {
  it.each([
    ['31/03/2024', '2024-03-31'],
    ['01/06/2023', '2023-06-01'],
    ['1/6/2023', '2023-06-01'],
    ['21/12/23', '2023-12-21'],
    ['30/06/23', '2023-06-30'],
    ['29-02-2024', '2024-02-29'],
    ['29.03.2024', '2024-03-29'],
    [' 19/12/2023 ', '2023-12-19'],
    ['30th September 2023', '2023-09-30'],
    ['1 June 2023', '2023-06-01'],
    ['1st February 2024', '2024-02-01'],
    ['22nd November 2023', '2023-11-22'],
    ['3rd Dec 2023', '2023-12-03'],
    ['14 Sept 2023', '2023-09-14'],
    ['Friday 1st December 2023', '2023-12-01'],
    ['29th of November 2023', '2023-11-29'],
    ['2023-12-22', '2023-12-22']
  ])('reads %j as %s', (text, iso) => {
    expect(parseUkDate(text)).toBe(iso);
  });

  it('refuses 31/06/23 instead of rolling it over to July', () => {
    expect(() => parseUkDate('31/06/23', 'Agreed completion date')).toThrow(DomainValidationError);
    expect(() => parseUkDate('31/06/23', 'Agreed completion date')).toThrow(
      'Agreed completion date: "31/06/23" is not a date: June 2023 has 30 days.'
    );
  });

  it.each([
    ['29/02/2023', 'February 2023 has 28 days'],
    ['31st April 2024', 'April 2024 has 30 days'],
    ['00/01/2024', 'January 2024 has 31 days'],
    ['12/13/2023', 'there is no month 13'],
    ['10/00/2023', 'there is no month 0'],
    ['30 Smarch 2023', '"Smarch" is not a month'],
    ['1st February', 'enter it as dd/mm/yyyy'],
    ['next Tuesday', 'enter it as dd/mm/yyyy'],
    ['01/01/1850', 'the year 1850 is out of range'],
    ['2023-02-30', 'February 2023 has 28 days']
  ])('refuses %j (%s)', (text, reason) => {
    expect(() => parseUkDate(text, 'Due date')).toThrow(reason);
    expect(isValidUkDate(text)).toBe(false);
  });

  it('says a missing date is missing', () => {
    expect(() => parseUkDate('', 'Completion date')).toThrow('Completion date: (empty) is missing');
    expect(() => parseUkDate(undefined as unknown as string)).toThrow('Date: (missing) is missing');
    expect(parseOptionalUkDate('')).toBeUndefined();
    expect(parseOptionalUkDate(undefined)).toBeUndefined();
    expect(parseOptionalUkDate('02/01/2024')).toBe('2024-01-02');
  });

  it('knows leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(parseUkDate('29/02/2000')).toBe('2000-02-29');
  });

  it('formats as the papers do', () => {
    expect(formatUkDate('2023-09-30')).toBe('30/09/2023');
    expect(formatUkDate('2023-09-30T10:00:00Z')).toBe('30/09/2023');
    expect(formatLongDate('2023-09-30')).toBe('30 September 2023');
    expect(formatLongDate('2024-01-02')).toBe('2 January 2024');
    expect(formatDateRange('2023-11-01', '2023-12-22')).toBe('01/11/2023 – 22/12/2023');
    expect(() => formatUkDate('2023-02-30')).toThrow(/February 2023 has 28 days/);
    expect(() => assertIsoDate('30/09/2023', 'Start')).toThrow('Start: "30/09/2023" is not an ISO date (yyyy-mm-dd).');
  });

  it('orders and steps days', () => {
    expect(compareIsoDates('2023-06-30', '2023-11-01')).toBeLessThan(0);
    expect(compareIsoDates('2023-11-01', '2023-06-30')).toBeGreaterThan(0);
    expect(compareIsoDates('2023-11-01', '2023-11-01')).toBe(0);
    expect(nextDay('2023-06-30')).toBe('2023-07-01');
    expect(nextDay('2023-12-31')).toBe('2024-01-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
  });
});
