/**
 * The preview's HTML, safe by construction: `blocksToHtml` escapes every piece of data (text,
 * attributes) and admits only 6-digit hex colours into styles, so the only markup in it is the
 * renderer's own. The branded type keeps any other string out of `dangerouslySetInnerHTML`.
 */
import { blocksToHtml } from '../../report/html';
import type { IBlock } from '../../report/model';

/** HTML made by the report's renderer from blocks, and nothing else. */
export type PreviewHtml = string & { readonly __previewHtml: true };

/** The blocks as preview HTML. */
export function previewHtml(blocks: readonly IBlock[]): PreviewHtml {
  return blocksToHtml(blocks) as PreviewHtml;
}
