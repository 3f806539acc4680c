import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MusicXmlError } from '../errors';

/*
 * A small, safe XML tree. Entities are never expanded: a document that declares any (<!ENTITY ...>, the
 * billion-laughs and external-entity attacks) is refused before parsing, and the parser runs with entity
 * processing off, so only the five predefined entities and character references are decoded, here.
 * Nothing is ever fetched: the DOCTYPE's DTD address is ignored.
 */

export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** The element's own text (its text children joined), entities decoded. */
  text: string;
}

const CDATA = '#cdata';
const TEXT = '#text';
const ATTRS = ':@';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: CDATA,
  textNodeName: TEXT,
});

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g, (_m, dec, hex, name) => {
    if (name) return NAMED[name];
    return codePoint(dec !== undefined ? Number(dec) : parseInt(hex, 16));
  });
}

type RawNode = Record<string, unknown>;

function toElement(node: RawNode): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ATTRS);
  if (name === undefined || name === TEXT || name === CDATA) return undefined;
  const rawAttrs = (node[ATTRS] ?? {}) as Record<string, string>;
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttrs)) attrs[key] = decodeEntities(String(value));
  const children: XmlElement[] = [];
  let text = '';
  for (const child of node[name] as RawNode[]) {
    if (TEXT in child) text += decodeEntities(String(child[TEXT]));
    else if (CDATA in child) text += (child[CDATA] as RawNode[]).map((c) => String(c[TEXT] ?? '')).join('');
    else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  return { name, attrs, children, text };
}

function refuseEntityDeclarations(text: string): void {
  if (/<!ENTITY/i.test(text)) {
    throw new MusicXmlError('MUSICXML_UNSUPPORTED', 'The file declares XML entities, which are never expanded on import', {
      reason: 'entity-declaration',
    });
  }
}

/** The root element of a well-formed document; throws MUSICXML_INVALID otherwise. */
export function parseXml(text: string): XmlElement {
  refuseEntityDeclarations(text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new MusicXmlError('MUSICXML_INVALID', `The file is not well-formed XML: ${msg}`, { line, col });
  }
  let nodes: RawNode[];
  try {
    nodes = parser.parse(text) as RawNode[];
  } catch (error) {
    throw new MusicXmlError('MUSICXML_INVALID', `The file is not well-formed XML: ${(error as Error).message}`, {});
  }
  const root = nodes.map(toElement).find((e) => e !== undefined);
  if (!root) throw new MusicXmlError('MUSICXML_INVALID', 'The file has no root element', {});
  return root;
}

export function childElements(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function childElement(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** The trimmed text of the first child of that name, if there is one. */
export function childText(el: XmlElement, name: string): string | undefined {
  return childElement(el, name)?.text.trim();
}

/** The number in the first child of that name, if it holds one. */
export function childNumber(el: XmlElement, name: string): number | undefined {
  const text = childText(el, name);
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
