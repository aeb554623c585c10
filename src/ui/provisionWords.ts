/**
 * A provisioning run's summary in words (en-GB), for the command line (npm run provision): the
 * data layer says what it did as lists and counts (IProvisionSummary), and the words are here.
 */
import type { IProvisionSummary } from '../data/provisioning/provision';
import { pluralForm } from './messages';

/** A summary in a few lines. */
export function summaryLines(summary: IProvisionSummary): string[] {
  const lines: string[] = [];
  const changes: number =
    summary.listsCreated.length + summary.fieldsAdded.length + summary.fieldsIndexed.length + summary.valuesCopied.length + summary.fieldsLinked.length + summary.titlesNamed.length;
  lines.push(changes === 0 ? `${summary.siteUrl}: every list is up to date; nothing changed.` : `${summary.siteUrl}: ${changes} ${pluralForm(changes, { one: 'change', other: 'changes' })}.`);
  if (summary.listsCreated.length > 0) {
    lines.push(`Lists created (${summary.listsCreated.length}): ${summary.listsCreated.join(', ')}.`);
  }
  if (summary.fieldsAdded.length > 0) {
    lines.push(`Columns added (${summary.fieldsAdded.length}): ${summary.fieldsAdded.join('; ')}.`);
  }
  if (summary.fieldsIndexed.length > 0) {
    lines.push(`Columns indexed (${summary.fieldsIndexed.length}): ${summary.fieldsIndexed.join('; ')}.`);
  }
  if (summary.valuesCopied.length > 0) {
    const copied: string[] = summary.valuesCopied.map((c) => `${c.list}: ${c.count} ${pluralForm(c.count, { one: 'item', other: 'items' })} from ${c.from} into ${c.into}`);
    lines.push(`Values copied from renamed columns (the old columns are kept): ${copied.join('; ')}.`);
  }
  if (summary.fieldsLinked.length > 0) {
    lines.push(`Columns put in their list's content type, so SharePoint's forms show them (${summary.fieldsLinked.length}): ${summary.fieldsLinked.join('; ')}.`);
  }
  if (summary.titlesNamed.length > 0) {
    lines.push(`Title columns named (${summary.titlesNamed.length}): ${summary.titlesNamed.join(', ')}.`);
  }
  if (summary.listsUnchanged.length > 0 && changes > 0) {
    lines.push(`Already up to date: ${summary.listsUnchanged.join(', ')}.`);
  }
  for (const w of summary.warnings) {
    lines.push(`Left alone: ${w}`);
  }
  return lines;
}
