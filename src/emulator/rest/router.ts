/**
 * Routing for SharePoint REST: a request's path split into segments as SharePoint reads them
 * ("Lists/GetByTitle('Status Reports')/Items(5)"), its verb (X-HTTP-Method included), and route
 * tables — verb + path pattern → handler — matched in order, first match wins.
 */
import type { IEmuRequest, IEmuResponse } from '../http';

export interface IPathSegment {
  name: string;
  /** The text inside parentheses, if any: "'Status Reports'", "5", "guid'…'". */
  arg?: string;
}

export function splitPath(rest: string): IPathSegment[] {
  const segments: IPathSegment[] = [];
  // Split on "/" outside quotes: a title may contain an encoded slash.
  let depth: number = 0;
  let inQuote: boolean = false;
  let current: string = '';
  for (const c of rest) {
    if (c === "'") {
      inQuote = !inQuote;
    } else if (!inQuote && c === '(') {
      depth++;
    } else if (!inQuote && c === ')') {
      depth--;
    }
    if (c === '/' && !inQuote && depth === 0) {
      segments.push(parseSegment(current));
      current = '';
    } else {
      current += c;
    }
  }
  if (current !== '') {
    segments.push(parseSegment(current));
  }
  return segments;
}

function parseSegment(raw: string): IPathSegment {
  const decoded: string = safeDecode(raw);
  const open: number = decoded.indexOf('(');
  if (open > 0 && decoded.endsWith(')')) {
    return { name: decoded.slice(0, open), arg: decoded.slice(open + 1, -1) };
  }
  return { name: decoded };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function unquote(arg: string | undefined): string | undefined {
  if (arg === undefined) {
    return undefined;
  }
  const t: string = arg.trim();
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) {
    return t.slice(1, -1).replace(/''/g, "'");
  }
  return undefined;
}

/** The request's verb: a POST's X-HTTP-Method (MERGE, DELETE …) when it carries one. */
export function method(req: IEmuRequest): string {
  const override: string | undefined = req.headers['x-http-method'];
  return (req.method === 'POST' && override ? override : req.method).toUpperCase();
}

/** The names of segments as a refusal quotes them: "Web/Foo". */
export function pathNames(segments: IPathSegment[]): string {
  return segments.map((s) => s.name).join('/');
}

/**
 * One route: which verbs and path it answers, and its handler. The path pattern is the
 * segments' names, lower case, separated by "/" ("web/currentuser"; "" for no segment at all); a
 * trailing "**" also takes any further segments. Names match whatever their parentheses hold;
 * `when` adds what the pattern cannot say (a segment with or without an argument).
 */
export interface IRoute<T> {
  /** The verbs, separated by spaces ("MERGE PATCH"), or `*` for any. */
  verb: string;
  path: string;
  when?: (segments: IPathSegment[]) => boolean;
  handle: (context: T, segments: IPathSegment[]) => IEmuResponse;
}

function matches(pattern: string, segments: IPathSegment[]): boolean {
  const names: string[] = pattern === '' ? [] : pattern.split('/');
  const open: boolean = names[names.length - 1] === '**';
  const fixed: string[] = open ? names.slice(0, -1) : names;
  if (open ? segments.length < fixed.length : segments.length !== fixed.length) {
    return false;
  }
  return fixed.every((name, i) => segments[i].name.toLowerCase() === name);
}

/** The first route of a table for the verb and the segments, or undefined. */
export function findRoute<T>(table: Array<IRoute<T>>, verb: string, segments: IPathSegment[]): IRoute<T> | undefined {
  return table.filter((r) => (r.verb === '*' || r.verb.split(' ').indexOf(verb) >= 0) && matches(r.path, segments) && (!r.when || r.when(segments)))[0];
}
