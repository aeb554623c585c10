/**
 * Whether this browser found a programme site's lists up to date lately: a lasting hint (the
 * browser's localStorage, under the programme site's address, like a Teams tab's landing — see
 * connect.ts's lastingHints) holding the schema's fingerprint and the time of the check, nothing
 * else. While it is fresh (the same schema, checked within {@link LISTS_CHECK_DAYS} days) the
 * landing does not check the lists for those who manage them; the check costs four round trips
 * and some 150 KB at portfolio scale (README, Performance). Only ever a reason to check later:
 * provisioning checks the lists itself before it changes anything, and a read refused for a list or
 * column the site lacks drops the hint and checks at once.
 */
import type { ISessionHints } from '../../data/ProgrammeRepository';
import { isDataError } from '../../data/errors';
import { LISTS_SCHEMA_FINGERPRINT } from '../../data/provisioning/schemaVersion';

/** The lasting hint's key, under the programme site's address (provisioningPart.ts writes it). */
export const LISTS_CHECKED_HINT: string = 'listsChecked';

/** How long lists found up to date are taken to stay so before they are checked again. */
export const LISTS_CHECK_DAYS: number = 7;

const DAY_MS: number = 24 * 60 * 60 * 1000;

/** The hint as kept: the schema's fingerprint, and when the lists were found up to date with it (ISO). */
interface IListsChecked {
  schema: string;
  checked: string;
}

/**
 * Whether the lists were found up to date with this release's schema within the last
 * {@link LISTS_CHECK_DAYS} days by this browser's clock (a check dated ahead of the clock counts as
 * none). False without a hint or a store.
 */
export function listsCheckedLately(hints: ISessionHints | undefined, now: number = Date.now()): boolean {
  try {
    const kept: Partial<IListsChecked> = JSON.parse((hints && hints.get(LISTS_CHECKED_HINT)) || '{}');
    const at: number = Date.parse(String(kept.checked));
    return kept.schema === LISTS_SCHEMA_FINGERPRINT && at <= now && now - at < LISTS_CHECK_DAYS * DAY_MS;
  } catch {
    return false;
  }
}

/** Drops the hint: the lists are checked on the next landing. */
export function forgetListsChecked(hints: ISessionHints | undefined): void {
  if (hints) {
    hints.set(LISTS_CHECKED_HINT, '');
  }
}

/**
 * Whether a refused read says the site lacks a list or a column the product reads: SharePoint
 * REST answers a list that is not there with 404 "List '…' does not exist at site with URL …", a
 * column a query names with 400 "The field or property '…' does not exist." or "Column '…' does
 * not exist. It may have been deleted by another user." (the emulator answers the same). UNCONFIRMED
 * in Microsoft's docs, which document none of these messages; seen in SharePoint Online's answers
 * quoted in SharePoint/sp-dev-docs #2159 (the list), pnp/PnP #1585 and pnp/pnpcore #295 (the
 * column), nittygritty-uk/Atvero-Issues #5 (the field or property, 400 in a $select).
 */
export function saysListsLackSomething(error: unknown): boolean {
  if (!isDataError(error)) {
    return false;
  }
  const said: string = error.serverMessage || '';
  return (
    (error.status === 404 && /^List '.*' does not exist/i.test(said)) ||
    /(field or property|Column) '[^']+' does not exist/i.test(said)
  );
}
