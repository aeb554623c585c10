/**
 * Renders report blocks to HTML for the task pane's preview: semantic elements, inline styles
 * and a few class names, so it needs no stylesheet. Every piece of text is escaped: data
 * holding `<script>` shows as text and never runs.
 */
import { stripControlCharacters } from '../domain/text';
import type { DocNode, IBlock, IParagraph, IRun, ITable, ITableCell, ParagraphStyle } from './model';
import { makeTag } from './tag';

/** Escapes text for HTML content or a quoted attribute, dropping control characters. */
export function escapeHtml(text: string): string {
  return stripControlCharacters(String(text))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const ELEMENTS: { readonly [style in ParagraphStyle]: string } = {
  Title: 'h1',
  Heading1: 'h1',
  Heading2: 'h2',
  Heading3: 'h3',
  Normal: 'p',
  ListBullet: 'li'
};

const BORDER: string = 'border:1px solid #595959';

/** A colour for an inline style, or undefined: only 6-digit hex passes, so data cannot inject CSS. */
function hex(colour: string | undefined): string | undefined {
  return colour && /^[0-9A-Fa-f]{6}$/.test(colour) ? `#${colour.toUpperCase()}` : undefined;
}

function runHtml(r: IRun): string {
  let html: string = escapeHtml(r.text).replace(/\r?\n/g, '<br>').replace(/\t/g, ' ');
  if (r.italic) {
    html = `<em>${html}</em>`;
  }
  if (r.bold) {
    html = `<strong>${html}</strong>`;
  }
  return html;
}

function runsHtml(p: IParagraph): string {
  return p.runs.map(runHtml).join('');
}

function paragraphsHtml(paragraphs: readonly IParagraph[]): string {
  let html: string = '';
  let inList: boolean = false;
  for (const p of paragraphs) {
    if (p.style === 'ListBullet' && !inList) {
      html += '<ul>';
      inList = true;
    } else if (p.style !== 'ListBullet' && inList) {
      html += '</ul>';
      inList = false;
    }
    const element: string = ELEMENTS[p.style];
    const cls: string = p.style === 'Title' ? ' class="ph-title"' : '';
    html += `<${element}${cls}>${runsHtml(p)}</${element}>`;
  }
  return inList ? `${html}</ul>` : html;
}

function cellHtml(cell: ITableCell, element: 'th' | 'td', scope: 'col' | 'row' | undefined): string {
  const styles: string[] = [BORDER, 'padding:2px 6px', 'vertical-align:top', 'text-align:left'];
  const fill: string | undefined = hex(cell.fill);
  const colour: string | undefined = hex(cell.color);
  if (fill) {
    styles.push(`background-color:${fill}`);
  }
  if (colour) {
    styles.push(`color:${colour}`);
  }
  const classes: string[] = [];
  let data: string = '';
  if (cell.rag !== undefined) {
    classes.push('ph-rag');
    if (cell.rag === null) {
      classes.push('ph-rag--not-rated');
    } else {
      data = ` data-rag="${escapeHtml(cell.rag)}"`;
    }
  }
  const attrs: string =
    (scope ? ` scope="${scope}"` : '') +
    (cell.columnSpan && cell.columnSpan > 1 ? ` colspan="${cell.columnSpan}"` : '') +
    (classes.length > 0 ? ` class="${classes.join(' ')}"` : '') +
    data +
    ` style="${styles.join(';')}"`;
  // A single paragraph goes straight into the cell; several keep their paragraph breaks.
  const content: string =
    cell.paragraphs.length === 1 && cell.paragraphs[0].style !== 'ListBullet' ? runsHtml(cell.paragraphs[0]) : paragraphsHtml(cell.paragraphs);
  return `<${element}${attrs}>${content}</${element}>`;
}

function tableHtml(t: ITable): string {
  const total: number = t.columnWidths.reduce((a, b) => a + b, 0) || 1;
  const cols: string = t.columnWidths.map((w) => `<col style="width:${((w * 100) / total).toFixed(2)}%">`).join('');
  const head: string = t.rows
    .slice(0, t.headerRows)
    .map((row) => `<tr>${row.cells.map((c) => cellHtml(c, 'th', 'col')).join('')}</tr>`)
    .join('');
  const body: string = t.rows
    .slice(t.headerRows)
    .map((row) => `<tr>${row.cells.map((c, i) => (t.rowHeaders && i === 0 && !c.columnSpan ? cellHtml(c, 'th', 'row') : cellHtml(c, 'td', undefined))).join('')}</tr>`)
    .join('');
  return (
    '<table class="ph-table" style="border-collapse:collapse;width:100%;table-layout:fixed">' +
    (t.caption ? `<caption class="ph-caption" style="text-align:left;font-style:italic">${escapeHtml(t.caption)}</caption>` : '') +
    `<colgroup>${cols}</colgroup>` +
    (head ? `<thead>${head}</thead>` : '') +
    `<tbody>${body}</tbody></table>`
  );
}

function contentHtml(content: readonly DocNode[]): string {
  let html: string = '';
  let paragraphs: IParagraph[] = [];
  for (const node of content) {
    if (node.type === 'paragraph') {
      paragraphs.push(node);
    } else {
      html += paragraphsHtml(paragraphs) + tableHtml(node);
      paragraphs = [];
    }
  }
  return html + paragraphsHtml(paragraphs);
}

/** One block as a `<section>` carrying the block's tag and, as its accessible name, its title. */
export function blockToHtml(block: IBlock): string {
  return (
    `<section class="ph-block ph-block--${escapeHtml(block.kind)}" data-block-tag="${escapeHtml(makeTag(block))}" aria-label="${escapeHtml(block.title)}">` +
    contentHtml(block.content) +
    '</section>'
  );
}

/** The blocks as HTML for the preview, in order. */
export function blocksToHtml(blocks: readonly IBlock[]): string {
  return blocks.map(blockToHtml).join('\n');
}
