/**
 * The lists' schema fingerprint the landing carries (LISTS_SCHEMA_FINGERPRINT) is the one computed
 * from the schema: a release that changes the schema without it would check the lists on every
 * landing (never skip a check), and this test says so first.
 */
import { LIST_SCHEMAS } from '../../src/data/provisioning/schema';
import { RENAMED_COLUMNS } from '../../src/data/provisioning/plan';
import { schemaFingerprint } from '../../src/data/provisioning/fingerprint';
import { LISTS_SCHEMA_FINGERPRINT } from '../../src/data/provisioning/schemaVersion';
import { listsFingerprint } from '../../src/data/provisioning/provision';

describe("the lists' schema fingerprint", () => {
  it('is the one computed from the schema this release provisions', async () => {
    const computed: string = schemaFingerprint(LIST_SCHEMAS, RENAMED_COLUMNS);
    expect(await listsFingerprint()).toBe(computed);
    // Stale: set LISTS_SCHEMA_FINGERPRINT in src/data/provisioning/schemaVersion.ts to the computed value.
    expect(LISTS_SCHEMA_FINGERPRINT).toBe(computed);
  });

  it('changes when a column, a list or a renamed column changes, and not with the order of keys', () => {
    const base: string = schemaFingerprint(LIST_SCHEMAS, RENAMED_COLUMNS);
    const noMitigation = LIST_SCHEMAS.map((l) => (l.title === 'Risks' ? { ...l, fields: l.fields.filter((f) => f.name !== 'Mitigation') } : l));
    expect(schemaFingerprint(noMitigation, RENAMED_COLUMNS)).not.toBe(base);
    const unindexed = LIST_SCHEMAS.map((l, i) => (i === 0 ? { ...l, fields: l.fields.map((f, j) => (j === 0 ? { ...f, indexed: !f.indexed } : f)) } : l));
    expect(schemaFingerprint(unindexed, RENAMED_COLUMNS)).not.toBe(base);
    expect(schemaFingerprint(LIST_SCHEMAS.slice(1), RENAMED_COLUMNS)).not.toBe(base);
    expect(schemaFingerprint(LIST_SCHEMAS, {})).not.toBe(base);
    // The same schema with its keys written in another order is the same schema.
    const reordered = LIST_SCHEMAS.map((l) => {
      const keys: string[] = Object.keys(l).reverse();
      const copy: { [key: string]: unknown } = {};
      for (const k of keys) {
        copy[k] = (l as unknown as { [key: string]: unknown })[k];
      }
      return copy as unknown as typeof l;
    });
    expect(schemaFingerprint(reordered, RENAMED_COLUMNS)).toBe(base);
  });
});
