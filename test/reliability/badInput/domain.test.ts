/**
 * Bad input through the domain's parsers and checks: generated dates, RAG spellings, numbers,
 * text in any Unicode (controls, lone surrogates, non-characters, markup, 100,000 characters)
 * and values of the wrong type. Each call either returns a value meeting its contract or
 * throws a DomainValidationError whose message names the field and the value — never another
 * error, never slowly (every call is timed, and the regular expressions get inputs built to
 * make a backtracking engine hang).
 */
import fc from 'fast-check';
import {
  DomainValidationError,
  MAX_MULTI_LINE,
  MAX_SINGLE_LINE,
  RAG_SCALE,
  checkReadiness,
  checkText,
  formatLongDate,
  formatUkDate,
  isValidUkDate,
  parseOptionalRag,
  parseOptionalUkDate,
  parseRag,
  parseUkDate,
  validateFeedbackInput,
  validateMilestoneInput,
  validatePeriodInput,
  validateRiskInput,
  validateSponsorCommentInput,
  validateStatusReportInput,
  validateWorkstreamInput,
  type IFieldError,
  type IPeriodPicture,
  type IReadinessFinding
} from '../../../src/domain';
import { IMPROVEMENT_PLAN_PHASE_2 } from '../../../src/fixtures/improvementPlanPhase2';
import { pictureOf } from '../../../src/fixtures/picture';
import { record } from '../support/counts';
import { anyNumber, anyText, anyValue, hasUnsavableCharacter, hostileText, isWellFormed, longText, seedFor, wrongType } from './hostile';

const AREA: string = 'Bad input: domain parsers and validation';
/** A generous bound for one call on up to 100,000 characters on a slow CI core. */
const MAX_MS: number = 500;

type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; error: unknown; ms: number };

function attempt<T>(work: () => T): Outcome<T> {
  const start: bigint = process.hrtime.bigint();
  try {
    const value: T = work();
    return { ok: true, value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
  } catch (error) {
    return { ok: false, error, ms: Number(process.hrtime.bigint() - start) / 1e6 };
  }
}

function describe1(value: unknown): string {
  if (typeof value === 'string') {
    return `${JSON.stringify(value.slice(0, 120))}${value.length > 120 ? ` (${value.length} characters)` : ''}`;
  }
  try {
    return JSON.stringify(value) || String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * The leading part of a value a reader would recognise in a message: up to 12 characters before
 * the first character that has to be shown escaped.
 */
function recognisable(value: string): string {
  let out: string = '';
  for (const ch of Array.from(value)) {
    if (out.length >= 12 || hasUnsavableCharacter(ch) || ch === '\t' || ch === '\n' || ch === '\r') {
      break;
    }
    out += ch;
  }
  return out.trim() === '' ? '' : out;
}

/** Checks a refusal: a DomainValidationError naming the field and the value, in a message that can be shown and saved. */
function expectRefusal(error: unknown, field: string, value: unknown): void {
  if (!(error instanceof DomainValidationError)) {
    throw new Error(`${field} ${describe1(value)} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}, not a DomainValidationError`);
  }
  expect(error.field).toBe(field);
  expect(error.value).toBe(value);
  expectMessageNames(error.message, field, value);
}

/** A message names the field and the value, and holds no character a form or SharePoint cannot show. */
function expectMessageNames(message: string, field: string, value: unknown): void {
  if (!message.startsWith(`${field}: `)) {
    throw new Error(`The message ${describe1(message)} does not start with the field "${field}"`);
  }
  if (hasUnsavableCharacter(message)) {
    throw new Error(`The message for ${field} ${describe1(value)} holds a control character or lone surrogate: ${describe1(message)}`);
  }
  let shown: string;
  if (value === undefined) {
    shown = '(missing)';
  } else if (value === null || (typeof value === 'string' && value.trim() === '')) {
    shown = '(empty)';
  } else if (typeof value === 'string') {
    shown = recognisable(value);
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    shown = String(value);
  } else {
    shown = '';
  }
  if (shown !== '' && message.indexOf(shown) < 0) {
    throw new Error(`The message ${describe1(message)} does not show the value ${describe1(value)}`);
  }
}

function expectQuick(ms: number, what: string): void {
  if (ms > MAX_MS) {
    throw new Error(`${what} took ${ms.toFixed(0)} ms`);
  }
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const MONTHS: readonly string[] = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date a real calendar gives, or undefined when there is no such day (or it is out of range). */
function realDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || year < 1900 || year > 2199 || day < 1 || day > daysIn(year, month)) {
    return undefined;
  }
  return iso(year, month, day);
}

function casing(text: string, mode: number): string {
  return mode === 0 ? text : mode === 1 ? text.toUpperCase() : text.charAt(0).toUpperCase() + text.slice(1);
}

/** A generated date as typed, and what a correct reader makes of it (undefined: refused). */
interface IDateCase {
  text: string;
  expected?: string;
  /** False when the oracle does not know (free text): only the contract is checked. */
  known: boolean;
}

const numericDate: fc.Arbitrary<IDateCase> = fc
  .record({
    day: fc.integer({ min: 0, max: 40 }),
    month: fc.integer({ min: 0, max: 14 }),
    year: fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1850, max: 2250 }), fc.integer({ min: 0, max: 99999 })),
    twoDigitYear: fc.boolean(),
    padDay: fc.boolean(),
    padMonth: fc.boolean(),
    sep: fc.constantFrom('/', '.', '-', ' / ', '/ ', ' -', '\\', ' ', '', '_', '–', '／', '//', ':', ','),
    sep2: fc.option(fc.constantFrom('/', '.', '-'), { nil: undefined }),
    around: fc.constantFrom('', ' ', '  ', '\t', '\n', '\u00a0')
  })
  .map(({ day, month, year, twoDigitYear, padDay, padMonth, sep, sep2, around }) => {
    const y: string = twoDigitYear ? String(year % 100).padStart(2, '0') : String(year);
    const d: string = padDay ? String(day).padStart(2, '0') : String(day);
    const m: string = padMonth ? String(month).padStart(2, '0') : String(month);
    const second: string = sep2 === undefined ? sep : sep2;
    const text: string = `${around}${d}${sep}${m}${second}${y}${around}`;
    const ok = (s: string): boolean => /^\s*[/.-]\s*$/.test(s);
    const fullYear: number | undefined = y.length === 2 ? 2000 + Number(y) : y.length === 4 ? Number(y) : undefined;
    const readable: boolean = ok(sep) && ok(second) && fullYear !== undefined && d.length <= 2 && m.length <= 2;
    return { text, expected: readable ? realDate(fullYear as number, month, day) : undefined, known: true };
  });

const longDate: fc.Arbitrary<IDateCase> = fc
  .record({
    day: fc.integer({ min: 0, max: 40 }),
    suffix: fc.constantFrom('', 'st', 'nd', 'rd', 'th', 'TH'),
    month: fc.integer({ min: 0, max: 11 }),
    cut: fc.integer({ min: 1, max: 9 }),
    garbage: fc.constantFrom('', 'Smarch', 'Juneuary', 'ju', 'm', 'xyz', 'Monday'),
    mode: fc.integer({ min: 0, max: 2 }),
    of: fc.boolean(),
    weekday: fc.constantFrom('', 'Friday ', 'Fri, ', 'wed ', 'Caturday '),
    year: fc.integer({ min: 1850, max: 2250 }),
    dot: fc.constantFrom('', '.', ',', '.,')
  })
  .map(({ day, suffix, month, cut, garbage, mode, of, weekday, year, dot }) => {
    const name: string = MONTHS[month];
    const word: string = garbage !== '' ? garbage : name.slice(0, Math.max(3, Math.min(name.length, cut + 2)));
    const text: string = `${weekday}${day}${suffix}${of ? ' of' : ''} ${casing(word, mode)}${dot} ${year}`;
    const lower: string = word.toLowerCase();
    const monthNumber: number = lower.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(lower)) + 1 : 0;
    const weekdayReadable: boolean = weekday === '' || /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? $/i.test(weekday);
    const expected: string | undefined = weekdayReadable && monthNumber > 0 ? realDate(year, monthNumber, day) : undefined;
    return { text, expected, known: true };
  });

const isoDate: fc.Arbitrary<IDateCase> = fc
  .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 0, max: 19 }), day: fc.integer({ min: 0, max: 39 }) })
  .map(({ year, month, day }) => ({ text: iso(year, month, day), expected: realDate(year, month, day), known: true }));

const wordsForDates: fc.Arbitrary<IDateCase> = fc
  .constantFrom('today', 'tomorrow', 'TBC', 'tba', 'end of March', 'Q3 2023', 'March 2024', 'June 31st 2023', '2023/06/30', '30/06/2023 12:00', '30-Jun-2023', '1e3/1/2023', '+1/1/2023', '٣٠/٠٩/٢٠٢٣', '３０/０９/２０２３')
  .map((text) => ({ text, known: false }));

const hostileDate: fc.Arbitrary<IDateCase> = anyText(8).map((text) => ({ text, known: false }));

/** ReDoS attempts on the date, RAG and text patterns: long runs that make a backtracking engine try every split. */
const backtrackingDates: fc.Arbitrary<IDateCase> = fc
  .tuple(fc.constantFrom('1', '1st', 'Friday', 'mon', '12/', '1 of', ''), fc.constantFrom(' ', '1', 'a', ' of', '/', '\t', 'st'), fc.integer({ min: 1000, max: 60000 }), fc.constantFrom('', 'x', '!', '/2023', ' 2023x'))
  .map(([head, unit, n, tail]) => ({ text: `${head}${unit.repeat(n)}${tail}`, known: false }));

const anyDate: fc.Arbitrary<IDateCase> = fc.oneof(
  { weight: 4, arbitrary: numericDate },
  { weight: 3, arbitrary: longDate },
  { weight: 1, arbitrary: isoDate },
  { weight: 1, arbitrary: wordsForDates },
  { weight: 2, arbitrary: hostileDate },
  { weight: 1, arbitrary: backtrackingDates }
);

/** A returned date is a real calendar day that formats and reads back to itself. */
function expectDateContract(result: string, text: string): void {
  const m: RegExpExecArray | null = /^(\d{4})-(\d{2})-(\d{2})$/.exec(result);
  if (!m || realDate(Number(m[1]), Number(m[2]), Number(m[3])) !== result) {
    throw new Error(`${describe1(text)} read as ${result}, which is not a real date from 1900 to 2199`);
  }
  expect(parseUkDate(formatUkDate(result))).toBe(result);
  expect(parseUkDate(formatLongDate(result))).toBe(result);
  expect(parseUkDate(result)).toBe(result);
}

describe('dates', () => {
  it('parseUkDate reads real dates, refuses impossible ones by name and never rolls them over', () => {
    let runs: number = 0;
    fc.assert(
      fc.property(anyDate, fc.constantFrom('Due date', 'Agreed completion date', 'Start'), (c, field) => {
        runs++;
        const r: Outcome<string> = attempt(() => parseUkDate(c.text, field));
        expectQuick(r.ms, `parseUkDate(${describe1(c.text)})`);
        if (r.ok) {
          expectDateContract(r.value, c.text);
          if (c.known) {
            expect(r.value).toBe(c.expected);
          }
        } else {
          expectRefusal(r.error, field, c.text);
          if (c.known && c.expected !== undefined) {
            throw new Error(`${describe1(c.text)} is ${c.expected} but was refused: ${(r.error as Error).message}`);
          }
        }
      }),
      { numRuns: 3000, seed: seedFor(0) }
    );
    record(AREA, { inputs: runs });
  });

  it('parseOptionalUkDate gives undefined for nothing, else reads or refuses like parseUkDate, whatever the type', () => {
    let runs: number = 0;
    const anything: fc.Arbitrary<unknown> = fc.oneof(anyDate.map((c) => c.text), wrongType, fc.constantFrom('', '   ', '\n', undefined));
    fc.assert(
      fc.property(anything, (value) => {
        runs++;
        const r: Outcome<string | undefined> = attempt(() => parseOptionalUkDate(value as string, 'Due date'));
        expectQuick(r.ms, 'parseOptionalUkDate');
        const nothing: boolean = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
        if (r.ok) {
          if (nothing) {
            expect(r.value).toBeUndefined();
          } else {
            expect(typeof value).toBe('string');
            expectDateContract(r.value as string, value as string);
          }
        } else {
          expect(nothing).toBe(false);
          expectRefusal(r.error, 'Due date', value);
        }
      }),
      { numRuns: 1500, seed: seedFor(1) }
    );
    record(AREA, { inputs: runs });
  });
});

// ---------------------------------------------------------------------------------------------
// RAG
// ---------------------------------------------------------------------------------------------

interface IRagCase {
  text: string;
  expected?: string;
  known: boolean;
}

const ragSpelling: fc.Arbitrary<IRagCase> = fc
  .record({
    level: fc.integer({ min: 0, max: 4 }),
    sep: fc.constantFrom('/', ' / ', ' ', '-', '–', '—', ' and ', '&', '+', ',', '\\', '  /  ', '|', '', '.', '_'),
    mode: fc.integer({ min: 0, max: 2 }),
    around: fc.constantFrom('', ' ', '\t', '\n', '\u00a0')
  })
  .map(({ level, sep, mode, around }) => {
    const words: string[][] = [['green'], ['green', 'amber'], ['amber'], ['amber', 'red'], ['red']];
    const w: string[] = words[level].map((x) => casing(x, mode));
    const text: string = `${around}${w.join(sep)}${around}`;
    // The reader treats / \ - – — & + , and the word "and" as separators between the two words.
    const separates: boolean = w.length === 1 || (sep !== '' && sep.replace(/[/\\\-–—&+,]/g, ' ').replace(/^\s*and\s*$/i, ' ').trim() === '');
    return { text, expected: separates ? RAG_SCALE[level] : undefined, known: true };
  });

const otherRag: fc.Arbitrary<IRagCase> = fc
  .oneof(
    fc.constantFrom('Purple', 'Amber/Green', 'Red/Amber', 'Green/Red', 'Green Green', 'G', 'A/R', 'RAG', 'greenish', 'redd', 'Amber/Red/Green'),
    anyText(6),
    longText(1000, 60000)
  )
  .map((text) => ({ text, known: false }));

describe('RAG', () => {
  it('parseRag gives one of the five levels or refuses by name', () => {
    let runs: number = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 2, arbitrary: ragSpelling }, { weight: 2, arbitrary: otherRag }), (c) => {
        runs++;
        const r: Outcome<string> = attempt(() => parseRag(c.text, 'Project status this period'));
        expectQuick(r.ms, 'parseRag');
        if (r.ok) {
          expect(RAG_SCALE).toContain(r.value);
          if (c.known) {
            expect(r.value).toBe(c.expected);
          }
        } else {
          expectRefusal(r.error, 'Project status this period', c.text);
          if (c.known && c.expected !== undefined) {
            throw new Error(`${describe1(c.text)} is ${c.expected} but was refused`);
          }
        }
      }),
      { numRuns: 3000, seed: seedFor(2) }
    );
    record(AREA, { inputs: runs });
  });

  it('parseOptionalRag gives null for not rated, a level, or a refusal — whatever the type', () => {
    let runs: number = 0;
    const anything: fc.Arbitrary<unknown> = fc.oneof(
      ragSpelling.map((c) => c.text),
      otherRag.map((c) => c.text),
      fc.constantFrom('N/A', 'n/a', ' NA ', 'not rated', 'None', '-', '–', '', '  '),
      wrongType
    );
    fc.assert(
      fc.property(anything, (value) => {
        runs++;
        const r: Outcome<string | null> = attempt(() => parseOptionalRag(value as string, 'Project status previous period'));
        expectQuick(r.ms, 'parseOptionalRag');
        if (r.ok) {
          expect(r.value === null || RAG_SCALE.indexOf(r.value as (typeof RAG_SCALE)[number]) >= 0).toBe(true);
          if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
            expect(r.value).toBeNull();
          } else {
            expect(typeof value).toBe('string');
          }
        } else {
          expectRefusal(r.error, 'Project status previous period', value);
        }
      }),
      { numRuns: 1500, seed: seedFor(3) }
    );
    record(AREA, { inputs: runs });
  });
});

// ---------------------------------------------------------------------------------------------
// Text and the validate*Input checks
// ---------------------------------------------------------------------------------------------

function isBlankValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** What checkText must say: an error exactly when the value is not text, is missing when required, holds an unsavable character or is too long. */
function textShouldFail(value: unknown, required: boolean, max: number): boolean {
  if (value !== undefined && typeof value !== 'string') {
    return true;
  }
  if (isBlankValue(value)) {
    return required;
  }
  return hasUnsavableCharacter(value as string) || (value as string).length > max;
}

/** Checks one field error's shape and message. */
function expectFieldError(e: IFieldError, labels: readonly string[], input: { [key: string]: unknown }, keys: { [label: string]: string }): void {
  expect(labels).toContain(e.field);
  const key: string | undefined = keys[e.field];
  if (key !== undefined) {
    expect(e.value).toBe(input[key]);
  }
  if (e.key !== undefined) {
    // A check that names its field's key names the key of the value it checked.
    expect(e.key).toBe(key);
  }
  expectMessageNames(e.message, e.field, e.value);
  expect(typeof e.reason).toBe('string');
  expect(e.reason.length).toBeGreaterThan(0);
}

function errorsFor(errors: IFieldError[], label: string): IFieldError[] {
  return errors.filter((e) => e.field === label);
}

describe('text', () => {
  it('checkText refuses exactly what cannot be saved, naming the field and the value', () => {
    let runs: number = 0;
    fc.assert(
      fc.property(
        fc.oneof({ weight: 8, arbitrary: anyValue(10) }, { weight: 1, arbitrary: longText(60000, 100000) }),
        fc.boolean(),
        fc.constantFrom(undefined, 16, MAX_SINGLE_LINE, MAX_MULTI_LINE),
        (value, required, maxLength) => {
          runs++;
          const r: Outcome<IFieldError | undefined> = attempt(() => checkText('Risk description', value as string, { required, maxLength }));
          expectQuick(r.ms, 'checkText');
          if (!r.ok) {
            throw new Error(`checkText(${describe1(value)}) threw ${String(r.error)}`);
          }
          const shouldFail: boolean = textShouldFail(value, required, maxLength || MAX_MULTI_LINE);
          expect(r.value !== undefined).toBe(shouldFail);
          if (r.value) {
            expect(r.value.field).toBe('Risk description');
            expect(r.value.value).toBe(value);
            expectMessageNames(r.value.message, 'Risk description', value);
          }
        }
      ),
      { numRuns: 2500, seed: seedFor(4) }
    );
    record(AREA, { inputs: runs });
  });
});

/** A field value for the validate*Input properties: hostile text, wrong types, or something valid. */
function fieldValue(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 4, arbitrary: anyValue(8) }, { weight: 1, arbitrary: fc.constant(undefined) });
}

const validDate: fc.Arbitrary<string> = fc
  .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`);
const validRag: fc.Arbitrary<string> = fc.constantFrom(...RAG_SCALE);
const plainWords: fc.Arbitrary<string> = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');

/** What a date field must say: an error exactly when it is given and is not a real date. */
function dateShouldFail(value: unknown, required: boolean): boolean {
  if (isBlankValue(value)) {
    return required;
  }
  return typeof value !== 'string' || !isValidUkDate(value);
}

function ragShouldFail(value: unknown, required: boolean): boolean {
  if (isBlankValue(value)) {
    return required;
  }
  if (typeof value !== 'string') {
    return true;
  }
  try {
    parseRag(value);
    return false;
  } catch {
    return true;
  }
}

/** Runs a validator and checks the contract common to all of them. */
function validated(run: () => IFieldError[], labels: readonly string[], input: { [key: string]: unknown }, keys: { [label: string]: string }): IFieldError[] {
  const r: Outcome<IFieldError[]> = attempt(run);
  expectQuick(r.ms, 'validation');
  if (!r.ok) {
    throw new Error(`Validation of ${describe1(input)} threw ${r.error instanceof Error ? `${r.error.name}: ${r.error.message}` : String(r.error)}`);
  }
  expect(Array.isArray(r.value)).toBe(true);
  for (const e of r.value) {
    expectFieldError(e, labels, input, keys);
  }
  return r.value;
}

describe('the validate*Input checks', () => {
  it('validateStatusReportInput', () => {
    let runs: number = 0;
    const labels: { [label: string]: string } = {
      'Project status this period': 'rag',
      'Project status previous period': 'previousRag',
      'Key activities': 'keyActivities',
      Engagement: 'engagement',
      'Concerns/issues': 'concernsIssues',
      'Project manager update': 'managerUpdate',
      'RAG rationale': 'ragRationale',
      'Agreed completion date': 'agreedCompletionAsWritten',
      'Forecast completion date': 'forecastCompletionAsWritten',
      'Why the completion date moved': 'completionDateChangeNote',
      'Report completed by': 'completedBy',
      'Completion date': 'completionDateAsWritten'
    };
    fc.assert(
      fc.property(
        fc.record(
          {
            rag: fieldValue(validRag),
            previousRag: fieldValue(fc.constantFrom(...RAG_SCALE, 'N/A')),
            keyActivities: fieldValue(plainWords),
            engagement: fieldValue(plainWords),
            concernsIssues: fieldValue(plainWords),
            managerUpdate: fieldValue(plainWords),
            ragRationale: fieldValue(plainWords),
            agreedCompletionAsWritten: fieldValue(validDate),
            forecastCompletionAsWritten: fieldValue(validDate),
            completionDateChangeNote: fieldValue(plainWords),
            completedBy: fieldValue(plainWords),
            completionDateAsWritten: fieldValue(validDate)
          },
          { requiredKeys: [] }
        ),
        fc.boolean(),
        (input, submitting) => {
          runs++;
          const errors: IFieldError[] = validated(() => validateStatusReportInput(input as never, submitting), Object.keys(labels), input, labels);
          expect(errorsFor(errors, 'Project status this period').length > 0).toBe(ragShouldFail(input.rag, submitting));
          expect(errorsFor(errors, 'Agreed completion date').length > 0).toBe(dateShouldFail(input.agreedCompletionAsWritten, false));
          expect(errorsFor(errors, 'Completion date').length > 0).toBe(dateShouldFail(input.completionDateAsWritten, submitting));
          expect(errorsFor(errors, 'Report completed by').length > 0).toBe(textShouldFail(input.completedBy, submitting, MAX_SINGLE_LINE));
          expect(errorsFor(errors, 'Engagement').length > 0).toBe(textShouldFail(input.engagement, false, MAX_MULTI_LINE));
        }
      ),
      { numRuns: 800, seed: seedFor(5) }
    );
    record(AREA, { inputs: runs });
  });

  it('validateMilestoneInput', () => {
    let runs: number = 0;
    const labels: { [label: string]: string } = { Milestone: 'title', Number: 'number', Status: 'status', 'Due date': 'dueDate', Timing: 'timing', 'Status category': 'statusCategory' };
    fc.assert(
      fc.property(
        fc.record(
          {
            title: fieldValue(plainWords),
            timing: fieldValue(fc.constantFrom('ThisPeriod', 'NextPeriod')),
            number: fieldValue(fc.integer({ min: 1, max: 99 }).map(String)),
            status: fieldValue(plainWords),
            statusCategory: fieldValue(fc.constantFrom('NotStarted', 'InProgress', 'Ongoing', 'Complete', 'Delayed')),
            dueDate: fieldValue(validDate)
          },
          { requiredKeys: [] }
        ),
        (input) => {
          runs++;
          const errors: IFieldError[] = validated(() => validateMilestoneInput(input as never), Object.keys(labels), input, labels);
          expect(errorsFor(errors, 'Milestone').length > 0).toBe(textShouldFail(input.title, true, MAX_SINGLE_LINE));
          expect(errorsFor(errors, 'Number').length > 0).toBe(textShouldFail(input.number, false, 16));
          expect(errorsFor(errors, 'Due date').length > 0).toBe(dateShouldFail(input.dueDate, false));
          expect(errorsFor(errors, 'Timing').length > 0).toBe(input.timing !== 'ThisPeriod' && input.timing !== 'NextPeriod');
        }
      ),
      { numRuns: 800, seed: seedFor(6) }
    );
    record(AREA, { inputs: runs });
  });

  it('validateRiskInput, with scores of every type', () => {
    let runs: number = 0;
    const labels: { [label: string]: string } = { 'Risk description': 'description', Mitigation: 'mitigation', Number: 'number', Likelihood: 'likelihood', Impact: 'impact', Owner: 'owner' };
    const score: fc.Arbitrary<unknown> = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }).map(String), anyNumber, anyValue(3));
    fc.assert(
      fc.property(
        fc.record(
          { description: fieldValue(plainWords), mitigation: fieldValue(plainWords), number: fieldValue(fc.constant('R1')), likelihood: score, impact: score, owner: fieldValue(plainWords) },
          { requiredKeys: [] }
        ),
        (input) => {
          runs++;
          const errors: IFieldError[] = validated(() => validateRiskInput(input as never), Object.keys(labels), input, labels);
          const scoreOk = (v: unknown): boolean =>
            v === undefined || v === null || v === '' || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5) || (typeof v === 'string' && /^[1-5]$/.test(v.trim()));
          expect(errorsFor(errors, 'Likelihood').length > 0).toBe(!scoreOk(input.likelihood));
          expect(errorsFor(errors, 'Impact').length > 0).toBe(!scoreOk(input.impact));
          expect(errorsFor(errors, 'Risk description').length > 0).toBe(textShouldFail(input.description, true, MAX_MULTI_LINE));
          expect(errorsFor(errors, 'Owner').length > 0).toBe(textShouldFail(input.owner, false, MAX_SINGLE_LINE));
        }
      ),
      { numRuns: 800, seed: seedFor(7) }
    );
    record(AREA, { inputs: runs });
  });

  it('validateSponsorCommentInput and validateFeedbackInput', () => {
    let runs: number = 0;
    fc.assert(
      fc.property(fieldValue(plainWords), fieldValue(fc.constantFrom('Challenge', 'Feedback')), (text, kind) => {
        runs++;
        const comment: IFieldError[] = validated(() => validateSponsorCommentInput(text as string), ['Sponsor comments'], { text }, { 'Sponsor comments': 'text' });
        expect(comment.length > 0).toBe(textShouldFail(text, true, MAX_MULTI_LINE));
        const feedback: IFieldError[] = validated(() => validateFeedbackInput(kind as string, text as string), ['Feedback', 'Kind'], { text, kind }, { Feedback: 'text', Kind: 'kind' });
        expect(errorsFor(feedback, 'Kind').length > 0).toBe(kind !== 'Challenge' && kind !== 'Feedback');
        expect(errorsFor(feedback, 'Feedback').length > 0).toBe(textShouldFail(text, true, MAX_MULTI_LINE));
      }),
      { numRuns: 800, seed: seedFor(8) }
    );
    record(AREA, { inputs: runs });
  });

  it('validatePeriodInput and validateWorkstreamInput', () => {
    let runs: number = 0;
    const periodLabels: { [label: string]: string } = { Period: 'title', Start: 'start', End: 'end' };
    const workstreamLabels: { [label: string]: string } = {
      Workstream: 'title',
      Code: 'code',
      'Project description': 'description',
      'Agreed completion date': 'agreedCompletion',
      'Forecast completion date': 'forecastCompletion'
    };
    fc.assert(
      fc.property(
        fc.record({ title: fieldValue(plainWords), start: fieldValue(validDate), end: fieldValue(validDate) }, { requiredKeys: [] }),
        fc.record(
          {
            code: fieldValue(fc.stringMatching(/^[A-Z][A-Z0-9-]{0,9}$/)),
            title: fieldValue(plainWords),
            description: fieldValue(plainWords),
            agreedCompletion: fieldValue(validDate),
            forecastCompletion: fieldValue(validDate)
          },
          { requiredKeys: [] }
        ),
        (period, workstream) => {
          runs += 2;
          const p: IFieldError[] = validated(() => validatePeriodInput(period as never), Object.keys(periodLabels), period, periodLabels);
          expect(errorsFor(p, 'Start').length > 0).toBe(dateShouldFail(period.start, true));
          if (!dateShouldFail(period.start, true) && !dateShouldFail(period.end, true) && !textShouldFail(period.title, true, MAX_SINGLE_LINE)) {
            const backwards: boolean = parseUkDate(period.end as string) < parseUkDate(period.start as string);
            expect(p.length > 0).toBe(backwards);
          }
          const w: IFieldError[] = validated(() => validateWorkstreamInput(workstream as never), Object.keys(workstreamLabels), workstream, workstreamLabels);
          const code: unknown = workstream.code;
          const codeOk: boolean = typeof code === 'string' && code.length <= 16 && /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(code);
          expect(errorsFor(w, 'Code').length > 0).toBe(!codeOk);
        }
      ),
      { numRuns: 800, seed: seedFor(9) }
    );
    record(AREA, { inputs: runs });
  });
});

// ---------------------------------------------------------------------------------------------
// Readiness on pictures full of hostile text
// ---------------------------------------------------------------------------------------------

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];
const RULES: readonly string[] = [
  'missing-status-report',
  'missing-rag',
  'impossible-date',
  'forecast-after-agreed',
  'completion-date-passed',
  'completion-date-moved',
  'empty-row',
  'placeholder',
  'repeated-number',
  'rag-changed-without-rationale',
  'missing-sponsor-comments',
  'missing-completed-by',
  'missing-completion-date',
  'planned-milestone-not-reported',
  'workstream-name-inconsistent',
  'previous-rating-mismatch',
  'missing-overview'
];

/** Replaces texts of a picture, in order, by generated ones; dates as written too. */
function hostilePicture(texts: string[]): IPeriodPicture {
  const p: IPeriodPicture = JSON.parse(JSON.stringify(pictureOf(IMPROVEMENT_PLAN_PHASE_2, 2))) as IPeriodPicture;
  let i: number = 0;
  const next = (): string => texts[i++ % texts.length];
  p.period.overview = next();
  for (const w of p.workstreams) {
    w.title = next();
    w.description = next();
  }
  for (const r of p.statusReports) {
    r.keyActivities = next();
    r.ragRationale = next();
    r.agreedCompletionAsWritten = next();
    r.forecastCompletionAsWritten = next();
    r.completionDateAsWritten = next();
    r.completedBy = next();
    r.namesAsWritten = [next(), next()];
  }
  // A picture holds only the previous reports' rating, agreed completion date and state.
  for (const r of p.previousStatusReports) {
    r.agreedCompletionAsWritten = next();
  }
  for (const c of p.sponsorComments) {
    c.text = next();
  }
  for (const m of p.milestones) {
    m.title = next();
    m.number = next();
    m.status = next();
  }
  for (const m of p.previousMilestones) {
    m.title = next();
    m.number = next();
  }
  for (const r of p.risks) {
    r.description = next();
    r.mitigation = next();
    r.number = next();
  }
  return p;
}

describe('readiness', () => {
  it('checkReadiness reports well-formed findings, and flags exactly the dates it cannot read', () => {
    let runs: number = 0;
    // Dates as typed, not the 60,000-character backtracking probes: a picture holds hundreds of texts.
    const dates: fc.Arbitrary<string> = fc.oneof(numericDate, longDate, isoDate, wordsForDates).map((c) => c.text);
    const texts: fc.Arbitrary<string[]> = fc.array(fc.oneof({ weight: 6, arbitrary: hostileText(6) }, { weight: 3, arbitrary: dates }, { weight: 1, arbitrary: longText(1000, 20000) }), {
      minLength: 1,
      maxLength: 40
    });
    fc.assert(
      fc.property(texts, (t) => {
        runs++;
        const picture: IPeriodPicture = hostilePicture(t);
        const r: Outcome<IReadinessFinding[]> = attempt(() => checkReadiness(picture));
        // A whole period's picture, hundreds of texts: a bound for the lot, not for one field.
        if (r.ms > 5 * MAX_MS) {
          throw new Error(`checkReadiness took ${r.ms.toFixed(0)} ms`);
        }
        if (!r.ok) {
          throw new Error(`checkReadiness threw ${String(r.error)}`);
        }
        for (const f of r.value) {
          expect(SEVERITIES).toContain(f.severity);
          expect(RULES).toContain(f.rule);
          expect(typeof f.message).toBe('string');
          expect(f.message.trim()).not.toBe('');
          expect(f.where.periodId).toBe(picture.period.id);
        }
        for (const report of picture.statusReports) {
          const text: string | undefined = report.agreedCompletionAsWritten;
          const flagged: boolean = r.value.some((f) => f.rule === 'impossible-date' && f.where.itemId === report.id && f.where.field === 'agreedCompletion');
          expect(flagged).toBe(!isBlankValue(text) && !isValidUkDate(text as string));
        }
      }),
      { numRuns: 150, seed: seedFor(10) }
    );
    record(AREA, { inputs: runs });
  });
});

describe('sanity of the generators', () => {
  it('produce the characters the properties are about', () => {
    const sample: string[] = fc.sample(anyText(10), { numRuns: 400, seed: seedFor(0) });
    expect(sample.some((s) => Array.from(s).some((ch) => ch.charCodeAt(0) < 0x20))).toBe(true);
    expect(sample.some((s) => !isWellFormed(s))).toBe(true);
    expect(sample.some((s) => /[\ufffe\uffff]/.test(s))).toBe(true);
    expect(sample.some((s) => s.indexOf('<script') >= 0)).toBe(true);
    expect(sample.some((s) => s.length >= 1000)).toBe(true);
  });
});
