/**
 * XML helpers for the OOXML tests. They use the DOMParser of the jsdom test environment:
 * a strict XML parser, so a string that parses is well-formed.
 */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const PKG = 'http://schemas.microsoft.com/office/2006/xmlPackage';

/** Parses XML strictly; throws with the parser's message when it is not well-formed. */
export function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    throw new Error(`Not well-formed XML: ${error.textContent}`);
  }
  return doc;
}

/** Wraps a fragment that uses the w: prefix in a document element declaring it. */
export function parseFragment(fragment: string): Element {
  return parseXml(`<w:body xmlns:w="${W}">${fragment}</w:body>`).documentElement;
}

/** Element children of an element, optionally only those with a WordprocessingML local name. */
export function childElements(el: Element, localName?: string): Element[] {
  return Array.from(el.children).filter((c) => !localName || (c.namespaceURI === W && c.localName === localName));
}

/** All WordprocessingML descendants with a local name. */
export function descendants(el: Element | Document, localName: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(W, localName));
}

/** An attribute in the w: namespace. */
export function wAttr(el: Element | undefined, name: string): string | null {
  return el ? el.getAttributeNS(W, name) : null;
}

/** The text of an element's w:t descendants, in order. */
export function wText(el: Element): string {
  return descendants(el, 't')
    .map((t) => t.textContent || '')
    .join('');
}

/** The body of the document part inside a flat-OPC package. */
export function documentBody(pkg: Document): Element {
  const part = Array.from(pkg.getElementsByTagNameNS(PKG, 'part')).filter((p) => p.getAttributeNS(PKG, 'name') === '/word/document.xml')[0];
  if (!part) {
    throw new Error('The package has no /word/document.xml part.');
  }
  return descendants(part, 'body')[0];
}

/**
 * The text Word reports for a content control, imitated: w:t text, tabs as \t, breaks as
 * \v, a paragraph mark (\r) after every paragraph and a cell-end mark (\r\u0007) after every
 * table cell. Fingerprints must not depend on these separators.
 */
export function wordLikeText(el: Element): string {
  let text = '';
  const walk = (node: Element): void => {
    for (const child of Array.from(node.children)) {
      if (child.namespaceURI !== W) {
        continue;
      }
      switch (child.localName) {
        case 't':
          text += child.textContent || '';
          break;
        case 'tab':
          if (node.localName === 'r') {
            text += '\t';
          }
          break;
        case 'br':
          text += '\v';
          break;
        case 'p':
          walk(child);
          text += '\r';
          break;
        case 'tc':
          walk(child);
          text += '\u0007';
          break;
        case 'sdtPr':
        case 'pPr':
        case 'rPr':
        case 'tcPr':
        case 'trPr':
        case 'tblPr':
        case 'tblGrid':
          break;
        default:
          walk(child);
      }
    }
  };
  walk(el);
  return text;
}
