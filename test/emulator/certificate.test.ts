import { X509Certificate, createPrivateKey } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createSecureContext } from 'tls';
import { localhostCertificate, makeLocalhostCertificate, type ICertificate } from '../../src/emulator/certificate';

describe('the local stack certificate', () => {
  it('is accepted by OpenSSL every time: three hundred generated certificates all parse and load into TLS', async () => {
    const refused: string[] = [];
    const serials: Set<string> = new Set<string>();
    for (let i: number = 0; i < 300; i++) {
      const made: ICertificate = await makeLocalhostCertificate();
      try {
        const parsed: X509Certificate = new X509Certificate(made.cert);
        serials.add(parsed.serialNumber);
        // What the HTTPS server does with it: OpenSSL loads the pair and checks they belong together.
        createSecureContext({ cert: made.cert, key: made.key });
        expect(parsed.checkPrivateKey(createPrivateKey(made.key))).toBe(true);
      } catch (e) {
        refused.push(`${(e as Error).message}\n${made.cert}`);
      }
    }
    expect(refused).toEqual([]);
    expect(serials.size).toBe(300);
  });

  it('names localhost and 127.0.0.1, is self-signed and valid now and for two years', async () => {
    const parsed: X509Certificate = new X509Certificate((await makeLocalhostCertificate()).cert);
    expect(parsed.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(parsed.subject).toBe(parsed.issuer);
    expect(parsed.verify(parsed.publicKey)).toBe(true);
    expect(parsed.checkHost('localhost')).toBe('localhost');
    expect(parsed.checkIP('127.0.0.1')).toBe('127.0.0.1');
    const from: number = Date.parse(parsed.validFrom);
    const to: number = Date.parse(parsed.validTo);
    expect(from).toBeLessThanOrEqual(Date.now());
    expect(to - from).toBeGreaterThan(729 * 24 * 60 * 60 * 1000);
  });

  it('is made once per data folder and kept across restarts', async () => {
    const dir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-cert-'));
    try {
      const first: ICertificate = await localhostCertificate(dir);
      const again: ICertificate = await localhostCertificate(dir);
      expect(again).toEqual(first);
      expect(fs.statSync(path.join(dir, 'localhost-key.pem')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
