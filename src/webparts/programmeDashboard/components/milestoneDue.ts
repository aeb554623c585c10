import type { IMilestone, IsoDate } from '../../../domain/model';
import { assertIsoDate, parseUkDate } from '../../../domain/dates';

/** What a milestone's due date says on the day it is read. */
export type DueState =
  | { kind: 'none' }
  /** A date that is not a real date (copied as written, e.g. 31/06/23): shown as written, never compared. */
  | { kind: 'unknown'; written: string }
  | { kind: 'due'; date: IsoDate }
  /** Past its due date and not complete. */
  | { kind: 'overdue'; date: IsoDate };

/** Today's date where the reader is (their computer's calendar day), as an ISO date. */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as IsoDate;
}

function realDate(text: string): IsoDate | undefined {
  try {
    return /^\d{4}-\d{2}-\d{2}/.test(text) ? assertIsoDate(text.slice(0, 10)) : parseUkDate(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether the milestone is due, overdue or has no usable due date, relative to `today`. A
 * milestone is overdue when its due date is before today and its status is not Complete; a date
 * that is not a real one is "unknown", never a crash and never overdue.
 */
export function milestoneDue(m: Pick<IMilestone, 'dueDate' | 'statusCategory'>, today: IsoDate): DueState {
  const written: string = (m.dueDate || '').trim();
  if (!written) {
    return { kind: 'none' };
  }
  const date: IsoDate | undefined = realDate(written);
  if (!date) {
    return { kind: 'unknown', written };
  }
  return date < today && m.statusCategory !== 'Complete' ? { kind: 'overdue', date } : { kind: 'due', date };
}
