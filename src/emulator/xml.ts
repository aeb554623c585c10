/**
 * The provisioning files (elements.xml, schema-*.xml) and the Field XML that createFieldAsXml
 * receives, read with fast-xml-parser into a small element tree: name, attributes, children and
 * text. Malformed XML is refused with the parser's message and line.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One XML element. */
export interface IXmlElement {
  name: string;
  attributes: { [name: string]: string };
  children: IXmlElement[];
  text: string;
}

/** A node as the parser gives it with preserveOrder: `{ [name]: children, ':@': attributes }` or `{ '#text': … }`. */
type OrderedNode = { [key: string]: OrderedNode[] | string | { [attribute: string]: string } };

const ATTRIBUTES: string = ':@';
const TEXT: string = '#text';

const parser: XMLParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Numeric character references (&#233;); the named ones beyond XML's five are refused below.
  htmlEntities: true
});

/** An ampersand that does not start one of XML's five entities or a character reference. */
const BARE_AMPERSAND: RegExp = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)[^\s;]*;?/;

function toElement(node: OrderedNode): IXmlElement | undefined {
  const name: string | undefined = Object.keys(node).filter((k) => k !== ATTRIBUTES && k !== TEXT)[0];
  if (name === undefined) {
    return undefined;
  }
  const element: IXmlElement = { name, attributes: { ...((node[ATTRIBUTES] as { [a: string]: string }) || {}) }, children: [], text: '' };
  for (const inner of node[name] as OrderedNode[]) {
    if (TEXT in inner) {
      element.text += String(inner[TEXT]);
    } else {
      const c: IXmlElement | undefined = toElement(inner);
      if (c) {
        element.children.push(c);
      }
    }
  }
  return element;
}

/** Parses an XML document and returns its root element. Namespace prefixes are kept in names. */
export function parseXml(source: string): IXmlElement {
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    throw new Error(`XML: ${valid.err.msg} at line ${valid.err.line}`);
  }
  const bare: RegExpExecArray | null = BARE_AMPERSAND.exec(source);
  if (bare) {
    throw new Error(`XML: unknown entity or bare ampersand "${bare[0]}" at line ${source.slice(0, bare.index).split('\n').length}`);
  }
  const roots: IXmlElement[] = (parser.parse(source) as OrderedNode[])
    .map(toElement)
    .filter((e): e is IXmlElement => e !== undefined);
  if (roots.length !== 1) {
    throw new Error(roots.length === 0 ? 'XML: no root element' : 'XML: a second root element');
  }
  return roots[0];
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
