/**
 * SharePoint REST $batch as @pnp/sp builds it: multipart/mixed with LF (or CRLF) line endings,
 * absolute URLs, GETs as top-level parts and consecutive writes in changesets. The response is
 * one flat part per inner request in request order (a nested changeset response crashes pnpjs),
 * each with a reason phrase, and one newline after the closing boundary. SharePoint batches are
 * not transactional: a failing part fails alone and the outer status is 200.
 */
import { randomUUID } from 'crypto';
import { REASONS, type IEmuRequest, type IEmuResponse } from './http';

/** One request inside a batch. */
export interface IBatchPart {
  method: string;
  url: string;
  headers: { [name: string]: string };
  body: string;
}

/** A batch body the parser could not read. */
export class BatchFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchFormatError';
  }
}

function boundaryOf(contentType: string | undefined): string | undefined {
  const m: RegExpExecArray | null = /boundary="?([^";]+)"?/i.exec(contentType || '');
  return m ? m[1] : undefined;
}

function readHeaders(lines: string[], start: number): { headers: { [name: string]: string }; next: number } {
  const headers: { [name: string]: string } = {};
  let i: number = start;
  while (i < lines.length && lines[i].trim() !== '') {
    const colon: number = lines[i].indexOf(':');
    if (colon > 0) {
      headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
    }
    i++;
  }
  return { headers, next: i + 1 };
}

function splitParts(lines: string[], boundary: string): string[][] {
  const parts: string[][] = [];
  let current: string[] | undefined;
  let closed: boolean = false;
  for (const line of lines) {
    const t: string = line.trimEnd();
    if (t === `--${boundary}--`) {
      if (current) {
        parts.push(current);
      }
      current = undefined;
      closed = true;
      break;
    }
    if (t === `--${boundary}`) {
      if (current) {
        parts.push(current);
      }
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  if (!closed) {
    throw new BatchFormatError(`the closing boundary --${boundary}-- is missing`);
  }
  return parts;
}

function readHttpPart(lines: string[]): IBatchPart {
  const { headers: partHeaders, next } = readHeaders(lines, 0);
  if (!/application\/http/i.test(partHeaders['content-type'] || '')) {
    throw new BatchFormatError('a batch part is not application/http');
  }
  const requestLine: string = (lines[next] || '').trim();
  const m: RegExpExecArray | null = /^([A-Z]+)\s+(\S+)\s+HTTP\/1\.[01]$/i.exec(requestLine);
  if (!m) {
    throw new BatchFormatError(`"${requestLine}" is not a request line`);
  }
  const { headers, next: bodyStart } = readHeaders(lines, next + 1);
  const body: string = lines.slice(bodyStart).join('\n').replace(/\s+$/, '');
  return { method: m[1].toUpperCase(), url: m[2], headers, body };
}

/** Parses a $batch request body into its inner requests, changeset members in place. */
export function parseBatch(contentType: string | undefined, body: string): IBatchPart[] {
  const boundary: string | undefined = boundaryOf(contentType);
  if (!boundary || !/^multipart\/mixed/i.test(contentType || '')) {
    throw new BatchFormatError('the request is not multipart/mixed with a boundary');
  }
  const lines: string[] = body.replace(/\r\n/g, '\n').split('\n');
  const requests: IBatchPart[] = [];
  for (const part of splitParts(lines, boundary)) {
    const { headers } = readHeaders(part, 0);
    const changeset: string | undefined = /multipart\/mixed/i.test(headers['content-type'] || '') ? boundaryOf(headers['content-type']) : undefined;
    if (changeset) {
      for (const inner of splitParts(part, changeset)) {
        const r: IBatchPart = readHttpPart(inner);
        if (r.method === 'GET') {
          throw new BatchFormatError('a GET inside a changeset');
        }
        requests.push(r);
      }
    } else {
      requests.push(readHttpPart(part));
    }
  }
  return requests;
}

/** Writes the batch response: one flat part per inner response, in order. */
export function writeBatchResponse(responses: IEmuResponse[]): { contentType: string; body: string } {
  const boundary: string = `batchresponse_${randomUUID()}`;
  const out: string[] = [];
  for (const r of responses) {
    out.push(`--${boundary}`);
    out.push('Content-Type: application/http');
    out.push('Content-Transfer-Encoding: binary');
    out.push('');
    out.push(`HTTP/1.1 ${r.status} ${REASONS[r.status] || 'Unknown'}`);
    for (const name of Object.keys(r.headers)) {
      // pnpjs keeps only headers whose value has no colon; SharePoint's are such.
      out.push(`${name.toUpperCase() === 'CONTENT-TYPE' ? 'CONTENT-TYPE' : name}: ${r.headers[name]}`);
    }
    out.push('');
    out.push(r.body.toString());
  }
  out.push(`--${boundary}--`);
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: `${out.join('\r\n')}\r\n` };
}

/** Turns a batch part into a request for the handlers, resolving its URL. */
export function partToRequest(part: IBatchPart, base: URL): IEmuRequest {
  return { method: part.method, url: new URL(part.url, base), headers: part.headers, body: part.body };
}
