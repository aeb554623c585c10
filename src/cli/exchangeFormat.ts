/**
 * What `npm run export` and `npm run import` share. (Each command's bundle runs its own module's
 * main, so neither imports the other.)
 */
import * as path from 'path';
import { UsageError } from './args';

/** The format a file name asks for, or a usage error. */
export function formatOf(file: string): 'json' | 'xlsx' {
  const ext: string = path.extname(file).toLowerCase();
  if (ext === '.json' || ext === '.xlsx') {
    return ext.slice(1) as 'json' | 'xlsx';
  }
  throw new UsageError(`"${file}" should end .json or .xlsx: the format follows the file's name.`);
}

