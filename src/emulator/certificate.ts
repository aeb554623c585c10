/**
 * A self-signed certificate for localhost, made with @peculiar/x509 over Node's WebCrypto (no
 * openssl binary): the emulator speaks HTTPS on the same port as HTTP because the Graph client
 * only pages through and authenticates https:// URLs. Kept in the data folder so that it stays
 * the same across restarts.
 *
 * The DER is the library's: an earlier hand-written encoder produced a non-minimal INTEGER for
 * about one random serial in two hundred, which OpenSSL refuses ("illegal padding").
 */
import { webcrypto } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as x509 from '@peculiar/x509';

/** A certificate and its key, PEM encoded. */
export interface ICertificate {
  cert: string;
  key: string;
}

const ALGORITHM: EcKeyGenParams & EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

function pem(label: string, der: ArrayBuffer): string {
  const b64: string = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}

/** Makes a self-signed ECDSA P-256 certificate for localhost and 127.0.0.1, valid for two years. */
export async function makeLocalhostCertificate(): Promise<ICertificate> {
  const crypto: Crypto = webcrypto as unknown as Crypto;
  const keys: CryptoKeyPair = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  // A positive 128-bit serial; the library encodes it as a minimal DER INTEGER.
  const serialNumber: string = `01${Buffer.from(crypto.getRandomValues(new Uint8Array(15))).toString('hex')}`;
  const notBefore: Date = new Date(Date.now() - 60 * 60 * 1000);
  const notAfter: Date = new Date(notBefore.getTime() + 2 * 365 * 24 * 60 * 60 * 1000);
  // Each certificate gets a name of its own: a TLS client looks a self-signed certificate up in
  // its trusted set by name, so two trusted emulator certificates with one name would shadow
  // each other and one of them would fail to verify (DEPTH_ZERO_SELF_SIGNED_CERT).
  const name: string = `CN=localhost, O=Programme Highlights local stack, OU=Certificate ${serialNumber}`;
  const certificate: x509.X509Certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber,
      name,
      notBefore,
      notAfter,
      keys,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.SubjectAlternativeNameExtension([
          { type: 'dns', value: 'localhost' },
          { type: 'ip', value: '127.0.0.1' }
        ]),
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth])
      ]
    },
    crypto
  );
  const key: ArrayBuffer = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { cert: certificate.toString('pem').replace(/\r\n/g, '\n') + '\n', key: pem('PRIVATE KEY', key) };
}

/** The data folder's certificate, made on first use. */
export async function localhostCertificate(dataDir: string): Promise<ICertificate> {
  const certFile: string = path.join(dataDir, 'localhost-cert.pem');
  const keyFile: string = path.join(dataDir, 'localhost-key.pem');
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    return { cert: fs.readFileSync(certFile, 'utf8'), key: fs.readFileSync(keyFile, 'utf8') };
  }
  const made: ICertificate = await makeLocalhostCertificate();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(keyFile, made.key, { mode: 0o600 });
  fs.writeFileSync(certFile, made.cert);
  return made;
}
