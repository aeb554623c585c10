/**
 * Requests and responses inside the emulator, independent of Node's http objects, so that a
 * $batch can run its parts through the same handlers as top-level requests.
 */
import { SiteError } from './site';

/** A request as the handlers see it. Header names are lower case. */
export interface IEmuRequest {
  method: string;
  url: URL;
  headers: { [name: string]: string };
  body: string;
}

/** A response as the handlers write it. API bodies are text; static files may be bytes. */
export interface IEmuResponse {
  status: number;
  headers: { [name: string]: string };
  body: string | Buffer;
}

/** Reason phrases for the statuses the emulator sends (batch parts need them). */
export const REASONS: { [status: number]: string } = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout'
};

/** A JSON response. */
export function json(status: number, value: unknown, headers: { [name: string]: string } = {}, contentType: string = 'application/json; charset=utf-8'): IEmuResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body: status === 204 ? '' : JSON.stringify(value) };
}

/** An empty response. */
export function empty(status: number, headers: { [name: string]: string } = {}): IEmuResponse {
  return { status, headers, body: '' };
}

/** The login a request names in "Authorization: Bearer <login>", if any. */
export function bearerLogin(req: IEmuRequest): string | undefined {
  const auth: string | undefined = req.headers.authorization;
  if (!auth) {
    return undefined;
  }
  const m: RegExpExecArray | null = /^Bearer\s+(.+)$/i.exec(auth.trim());
  return m ? m[1].trim() : '';
}

/**
 * A write's JSON body, which must be an object: an empty body is no fields, while `null`, `5` or
 * `[]` are refused (a bad query), not read as "no fields". Each protocol refuses in its own words.
 */
export function jsonObjectBody(req: IEmuRequest, refusals: { notJson: string; notObject: string }): { [name: string]: unknown } {
  if (req.body.trim() === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body);
  } catch {
    throw new SiteError('badQuery', refusals.notJson);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SiteError('badQuery', refusals.notObject);
  }
  return parsed as { [name: string]: unknown };
}
