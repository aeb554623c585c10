/**
 * What identifies the shape the programme's lists should have: a fingerprint of the provisioning
 * schema (every list, column and content type, and the columns renamed since an older release).
 * A browser that found a site's lists up to date remembers it with this fingerprint
 * (webparts/programmeDashboard/listsChecked.ts); a release that changes the schema changes the
 * fingerprint, and the lists are checked again.
 *
 * The schema itself is large and loads only with provisioning, so the landing carries the
 * fingerprint as a constant (schemaVersion.ts, a module of its own so that the first load does not
 * share a chunk with provisioning): test/provisioning/fingerprint.test.ts computes it from the
 * schema and fails when the constant is stale. A stale constant could only cost checks (the hint
 * kept by a check is the computed fingerprint, which the constant would not match), never skip one.
 */
import type { IListSchema } from './types';

/**
 * How provisioning compares a site with the schema (plan.ts): raise it when that comparison
 * changes without the schema changing, so lists found up to date before are checked again.
 */
const PLAN_RULES: number = 1;

/** JSON with every object's keys in order, so that the same schema always gives the same text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const o: { [key: string]: unknown } = value as { [key: string]: unknown };
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Two 32-bit FNV-1a hashes (different offsets) of a text, as 16 hex digits: a fingerprint, not a secret. */
function fnv64(text: string): string {
  let a: number = 0x811c9dc5;
  let b: number = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c: number = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ (a & 0xff), 0x01000193) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** The fingerprint of a schema: its lists (in order) and the renamed columns, with the plan's rules. */
export function schemaFingerprint(schemas: readonly IListSchema[], renamed: { readonly [list: string]: { readonly [newName: string]: string } }): string {
  return `v${PLAN_RULES}-${fnv64(stableJson({ schemas, renamed }))}`;
}
