/**
 * The fingerprint of the programme's lists' schema as this release provisions it (fingerprint.ts
 * says how it is computed; test/provisioning/fingerprint.test.ts fails when this is stale). The
 * landing compares the browser's hint of lists found up to date with it (listsChecked.ts).
 */
export const LISTS_SCHEMA_FINGERPRINT: string = 'v1-7ddc728ccbcde4f2';
