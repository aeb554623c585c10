/**
 * A small, strict XML reader for the provisioning files (elements.xml, schema-*.xml): elements,
 * attributes, text and the five predefined entities. Enough for CAML; not a general parser.
 */

/** One XML element. */
export interface IXmlElement {
  name: string;
  attributes: { [name: string]: string };
  children: IXmlElement[];
  text: string;
}

const ENTITIES: { [name: string]: string } = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole: string, name: string) => {
    if (name[0] === '#') {
      return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    }
    if (!(name in ENTITIES)) {
      throw new Error(`Unknown XML entity ${whole}`);
    }
    return ENTITIES[name];
  });
}

/** Parses an XML document and returns its root element. Namespace prefixes are kept in names. */
export function parseXml(source: string): IXmlElement {
  let pos: number = 0;
  const stack: IXmlElement[] = [];
  let root: IXmlElement | undefined;
  const fail = (what: string): never => {
    const line: number = source.slice(0, pos).split('\n').length;
    throw new Error(`XML: ${what} at line ${line}`);
  };
  while (pos < source.length) {
    const lt: number = source.indexOf('<', pos);
    if (lt < 0) {
      if (source.slice(pos).trim() !== '') {
        fail('text after the root element');
      }
      break;
    }
    if (stack.length > 0) {
      stack[stack.length - 1].text += decode(source.slice(pos, lt));
    }
    pos = lt;
    if (source.startsWith('<?', pos)) {
      const end: number = source.indexOf('?>', pos);
      if (end < 0) {
        fail('unterminated processing instruction');
      }
      pos = end + 2;
    } else if (source.startsWith('<!--', pos)) {
      const end: number = source.indexOf('-->', pos);
      if (end < 0) {
        fail('unterminated comment');
      }
      pos = end + 3;
    } else if (source.startsWith('</', pos)) {
      const end: number = source.indexOf('>', pos);
      const name: string = source.slice(pos + 2, end).trim();
      const open: IXmlElement | undefined = stack.pop();
      if (!open || open.name !== name) {
        fail(`</${name}> does not close <${open ? open.name : '(nothing)'}>`);
      }
      pos = end + 1;
    } else {
      const tag: RegExpExecArray | null = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(pos));
      if (!tag) {
        fail('malformed tag');
      }
      const [whole, name, attrText, selfClosing] = tag as RegExpExecArray;
      const element: IXmlElement = { name, attributes: {}, children: [], text: '' };
      const attr: RegExp = /([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
      let m: RegExpExecArray | null;
      while ((m = attr.exec(attrText)) !== null) {
        element.attributes[m[1]] = decode(m[3] !== undefined ? m[3] : m[4]);
      }
      if (stack.length > 0) {
        stack[stack.length - 1].children.push(element);
      } else if (root) {
        fail('a second root element');
      } else {
        root = element;
      }
      if (!selfClosing) {
        stack.push(element);
      }
      pos += whole.length;
    }
  }
  if (stack.length > 0 || !root) {
    fail(stack.length > 0 ? `<${stack[stack.length - 1].name}> is not closed` : 'no root element');
  }
  return root as IXmlElement;
}

/** The first child element with the given name (namespace prefix ignored). */
export function child(element: IXmlElement, name: string): IXmlElement | undefined {
  return element.children.filter((c) => localName(c.name) === name)[0];
}

/** All child elements with the given name (namespace prefix ignored). */
export function childrenNamed(element: IXmlElement, name: string): IXmlElement[] {
  return element.children.filter((c) => localName(c.name) === name);
}

function localName(name: string): string {
  const i: number = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}
