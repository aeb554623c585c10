/**
 * The form digest: what POST /_api/contextinfo issues, and the check that a write without a
 * bearer token carries a digest issued here that has not expired, as in a browser session.
 */
import { createHmac, randomBytes } from 'crypto';
import type { Site } from '../site';

export const DIGEST_LIFETIME_SECONDS: number = 1800;
const DIGEST_SECRET: Buffer = randomBytes(32);

/** Issues a form digest, as POST /_api/contextinfo does. */
export function issueDigest(): string {
  const stamp: string = new Date().toUTCString();
  const mac: string = createHmac('sha256', DIGEST_SECRET).update(stamp).digest('hex').toUpperCase();
  return `0x${mac},${stamp}`;
}

/** True when a digest was issued here and has not expired. */
export function isValidDigest(digest: string | undefined): boolean {
  if (!digest) {
    return false;
  }
  const comma: number = digest.indexOf(',');
  if (comma < 0) {
    return false;
  }
  const stamp: string = digest.slice(comma + 1);
  const expected: string = `0x${createHmac('sha256', DIGEST_SECRET).update(stamp).digest('hex').toUpperCase()}`;
  const age: number = (Date.now() - Date.parse(stamp)) / 1000;
  return digest.slice(0, comma) === expected && age >= 0 && age < DIGEST_LIFETIME_SECONDS;
}

/** What POST /_api/contextinfo answers for a site: a new digest, its lifetime and the site's URLs. */
export function contextInfo(site: Site, origin: string): { [key: string]: unknown } {
  return {
    FormDigestTimeoutSeconds: DIGEST_LIFETIME_SECONDS,
    FormDigestValue: issueDigest(),
    LibraryVersion: '16.0.25000.12000',
    SiteFullUrl: site.absoluteUrl(origin),
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: site.absoluteUrl(origin)
  };
}
