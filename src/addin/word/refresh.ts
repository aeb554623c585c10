/**
 * Planning a refresh, purely: which content controls are our blocks, which the officer has
 * edited since they were inserted, and what would change in each, word by word. Word itself is
 * touched only by wordDocument.ts.
 */
import type { IBlock } from '../../report/model';
import { blockPlainText, fingerprintText, makeTag, parseTag, type IBlockTag } from '../../report/tag';
import type { IControlSnapshot, IFoundBlock, IRefreshItem, ITextChange } from './types';

/**
 * Our blocks among the document's content controls. A block is edited when its text no longer
 * has the fingerprint its tag recorded when it was inserted or last refreshed.
 */
export function findOurBlocks(controls: readonly IControlSnapshot[]): IFoundBlock[] {
  const found: IFoundBlock[] = [];
  for (const control of controls) {
    const tag: IBlockTag | undefined = parseTag(control.tag || '');
    if (!tag) {
      continue;
    }
    // A block deleted as a tracked change is still a control whose .text holds the deleted words
    // (office-js #559, #1267, #1299); with the deletion accepted it has no text: it is gone.
    if (control.currentText !== undefined && fingerprintText(control.currentText) === fingerprintText('') && fingerprintText(control.text) !== fingerprintText('')) {
      continue;
    }
    found.push({ control, tag, edited: fingerprintText(visibleText(control)) !== tag.fingerprint });
  }
  return found;
}

/**
 * The control's text as the officer sees it once tracked changes are accepted: tracked deletions
 * are not the officer's words, so they count neither as edits nor as text a refresh would lose.
 */
export function visibleText(control: IControlSnapshot): string {
  return control.currentText !== undefined ? control.currentText : control.text || '';
}

/** Words of a text, whatever Word used to separate paragraphs and cells. */
function tokens(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  return text.split(/[\s\u0000-\u001f]+/).filter((t) => t !== '');
}

/** Above this many words on either side the diff gives one summary change instead of word-level detail. */
const MAX_DIFF_WORDS: number = 4000;

/**
 * The differences between two texts as runs of removed and added words, in document order.
 * A longest-common-subsequence diff: enough for a block's few thousand words.
 */
export function wordChanges(before: string, after: string): ITextChange[] {
  const a: string[] = tokens(before);
  const b: string[] = tokens(after);
  if (a.join(' ') === b.join(' ')) {
    return [];
  }
  if (a.length > MAX_DIFF_WORDS || b.length > MAX_DIFF_WORDS) {
    return [{ removed: `${a.length} words`, added: `${b.length} words` }];
  }
  // Trim the common ends first: most refreshes change a few words in the middle.
  let start: number = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start++;
  }
  let endA: number = a.length;
  let endB: number = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x: string[] = a.slice(start, endA);
  const y: string[] = b.slice(start, endB);
  const n: number = x.length;
  const m: number = y.length;
  const width: number = m + 1;
  const lcs: Uint16Array = new Uint16Array((n + 1) * (m + 1));
  for (let i: number = n - 1; i >= 0; i--) {
    for (let j: number = m - 1; j >= 0; j--) {
      lcs[i * width + j] = x[i] === y[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const changes: ITextChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    if (removed.length > 0 || added.length > 0) {
      changes.push({ removed: removed.join(' '), added: added.join(' ') });
      removed = [];
      added = [];
    }
  };
  let i: number = 0;
  let j: number = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) {
      added.push(y[j++]);
    } else {
      removed.push(x[i++]);
    }
  }
  flush();
  return changes;
}

/** Builds a block afresh from the data for a tag, or undefined when the data is gone. */
export type BlockBuilder = (tag: IBlockTag) => IBlock | undefined;

/**
 * What refreshing each found block would do. A block whose fresh tag equals its current one is
 * unchanged: the data gives exactly the text that was inserted, so there is nothing to bring up
 * to date, whatever the officer has done to its spacing or formatting since. An edited block is
 * never refreshed without asking.
 */
export function planRefresh(found: readonly IFoundBlock[], build: BlockBuilder): IRefreshItem[] {
  return found.map((f) => {
    const fresh: IBlock | undefined = build(f.tag);
    if (!fresh) {
      return { found: f, status: 'missing', changes: [] };
    }
    if (!f.edited && makeTag(fresh) === f.control.tag) {
      return { found: f, status: 'unchanged', fresh, changes: [] };
    }
    const changes: ITextChange[] = wordChanges(visibleText(f.control), blockPlainText(fresh));
    return { found: f, status: f.edited ? 'edited' : 'changed', fresh, changes };
  });
}
