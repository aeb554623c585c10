/**
 * The built pages and scripts (dist/web) served beside the emulator: by npm start, and by the
 * bench, which opens the product's own pages in Chromium.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IEmuResponse } from '../emulator/http';

const TYPES: { [ext: string]: string } = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.ico': 'image/x-icon'
};

/** A built page or script from dist/web, or undefined; never a file outside it. */
export function staticFile(root: string, urlPath: string): IEmuResponse | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file: string = path.resolve(root, `.${decoded}`);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return undefined;
  }
  const type: string = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
  const text: boolean = /charset|svg/.test(type);
  return {
    status: 200,
    headers: { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
    body: text ? fs.readFileSync(file, 'utf8') : fs.readFileSync(file)
  };
}
