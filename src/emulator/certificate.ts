/**
 * A self-signed certificate for localhost, made with Node's crypto alone (no openssl binary):
 * the emulator speaks HTTPS on the same port as HTTP because the Graph client only pages through
 * and authenticates https:// URLs. Kept in the data folder so that it stays the same across
 * restarts.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

function length(n: number): Buffer {
  if (n < 0x80) {
    return Buffer.from([n]);
  }
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n >>= 8;
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const octets = (content: Buffer): Buffer => tlv(0x04, content);
const bits = (content: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), content]));
const utf8 = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
const bool = (value: boolean): Buffer => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const explicit = (n: number, content: Buffer): Buffer => tlv(0xa0 + n, content);

function integer(bytes: Buffer): Buffer {
  return tlv(0x02, bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function oid(dotted: string): Buffer {
  const parts: number[] = dotted.split('.').map(Number);
  const out: number[] = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    let v: number = p >> 7;
    while (v > 0) {
      chunk.unshift((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(date: Date): Buffer {
  const s: string = date.toISOString().replace(/[-:T]/g, '').slice(2, 14);
  return tlv(0x17, Buffer.from(`${s}Z`, 'ascii'));
}

function pem(label: string, der: Buffer): string {
  const b64: string = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}

/** A certificate and its key, PEM encoded. */
export interface ICertificate {
  cert: string;
  key: string;
}

/** Makes a self-signed ECDSA P-256 certificate for localhost and 127.0.0.1, valid for two years. */
export function makeLocalhostCertificate(): ICertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }) as { privateKey: KeyObject; publicKey: KeyObject };
  const algorithm: Buffer = seq(oid('1.2.840.10045.4.3.2'));
  const serial: Buffer = randomBytes(16);
  serial[0] &= 0x7f;
  // Each certificate gets a name of its own: a TLS client looks a self-signed certificate up in
  // its trusted set by name, so two trusted emulator certificates with one name would shadow
  // each other and one of them would fail to verify (DEPTH_ZERO_SELF_SIGNED_CERT).
  const name: Buffer = seq(
    set(seq(oid('2.5.4.3'), utf8('localhost'))),
    set(seq(oid('2.5.4.10'), utf8('Programme Highlights local stack'))),
    set(seq(oid('2.5.4.11'), utf8(`Certificate ${serial.toString('hex')}`)))
  );
  const now: Date = new Date(Date.now() - 60 * 60 * 1000);
  const until: Date = new Date(now.getTime() + 2 * 365 * 24 * 60 * 60 * 1000);
  const altNames: Buffer = seq(tlv(0x82, Buffer.from('localhost', 'ascii')), tlv(0x87, Buffer.from([127, 0, 0, 1])));
  const extensions: Buffer = explicit(
    3,
    seq(
      seq(oid('2.5.29.17'), octets(altNames)),
      seq(oid('2.5.29.19'), bool(true), octets(seq(bool(true)))),
      seq(oid('2.5.29.15'), bool(true), octets(tlv(0x03, Buffer.from([0x05, 0xa0])))),
      seq(oid('2.5.29.37'), octets(seq(oid('1.3.6.1.5.5.7.3.1'))))
    )
  );
  const tbs: Buffer = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    name,
    seq(time(now), time(until)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }) as Buffer,
    extensions
  );
  const signature: Buffer = sign('sha256', tbs, privateKey);
  const certificate: Buffer = seq(tbs, algorithm, bits(signature));
  return { cert: pem('CERTIFICATE', certificate), key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}

/** The data folder's certificate, made on first use. */
export function localhostCertificate(dataDir: string): ICertificate {
  const certFile: string = path.join(dataDir, 'localhost-cert.pem');
  const keyFile: string = path.join(dataDir, 'localhost-key.pem');
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    return { cert: fs.readFileSync(certFile, 'utf8'), key: fs.readFileSync(keyFile, 'utf8') };
  }
  const made: ICertificate = makeLocalhostCertificate();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(keyFile, made.key, { mode: 0o600 });
  fs.writeFileSync(certFile, made.cert);
  return made;
}
