/**
 * The plain-text convention long texts follow (updates, comments, descriptions): paragraphs
 * separated by blank lines; list items on lines starting "- ", "• " or "> "; a short line
 * ending in ":" on its own is a sub-heading. Outcomes are a list, possibly grouped under
 * sub-headings.
 */
import type { IOutcomeGroup } from './model';

/** One block of a long text. */
export type RichBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[] };

const BULLET: RegExp = /^\s*(?:[-•>*▪◦]|o(?=\s))\s*(?:>\s*)?/;

function isBullet(line: string): boolean {
  return BULLET.test(line) && line.replace(BULLET, '').trim() !== '';
}

/** Splits a long text into paragraphs, sub-headings and lists. */
export function parseRichText(text: string | undefined): RichBlock[] {
  const blocks: RichBlock[] = [];
  const lines: string[] = (text || '').replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: string[] = [];
  const flushParagraph = (): void => {
    if (paragraph.length > 0) {
      const joined: string = paragraph.join(' ').replace(/\s+/g, ' ').trim();
      if (paragraph.length === 1 && joined.length <= 60 && /:$/.test(joined)) {
        blocks.push({ kind: 'heading', text: joined.replace(/:$/, '') });
      } else {
        blocks.push({ kind: 'paragraph', text: joined });
      }
      paragraph = [];
    }
  };
  const flushList = (): void => {
    if (list.length > 0) {
      blocks.push({ kind: 'list', items: list });
      list = [];
    }
  };
  for (const raw of lines) {
    const line: string = raw.trim();
    if (line === '') {
      flushParagraph();
      flushList();
    } else if (isBullet(line)) {
      flushParagraph();
      list.push(line.replace(BULLET, '').trim());
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Reads outcomes stored as text: "- item" lines, grouped under any other line as heading. */
export function parseOutcomes(text: string | undefined): IOutcomeGroup[] {
  const groups: IOutcomeGroup[] = [];
  let current: IOutcomeGroup | undefined;
  for (const raw of (text || '').replace(/\r\n?/g, '\n').split('\n')) {
    const line: string = raw.trim();
    if (line === '') {
      continue;
    }
    if (isBullet(line)) {
      if (!current) {
        current = { items: [] };
        groups.push(current);
      }
      current.items.push(line.replace(BULLET, '').trim());
    } else {
      current = { heading: line.replace(/:$/, ''), items: [] };
      groups.push(current);
    }
  }
  return groups;
}

/** Writes outcomes as text that {@link parseOutcomes} reads back. */
export function formatOutcomes(groups: readonly IOutcomeGroup[]): string {
  const lines: string[] = [];
  for (const g of groups) {
    if (g.heading) {
      lines.push(`${g.heading}:`);
    }
    for (const item of g.items) {
      lines.push(`- ${item}`);
    }
  }
  return lines.join('\n');
}
