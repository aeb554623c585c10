/**
 * Counts for the reliability suite's report: how many inputs each area tried, how many faults it
 * injected, how many failures it found. Each test file appends lines; the runner adds them up.
 */
import * as fs from 'fs';
import * as path from 'path';

/** What one part of the suite did. */
export interface ICounts {
  inputs?: number;
  faults?: number;
  failures?: number;
}

/** The file the counts go to (the runner says where; test-results/ otherwise). */
export function countsFile(): string {
  return process.env.RELIABILITY_COUNTS || path.resolve(__dirname, '../../../test-results/reliability-counts.jsonl');
}

/** Records what an area of the suite did. */
export function record(area: string, counts: ICounts): void {
  const file: string = countsFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify({ area, ...counts })}\n`);
}
