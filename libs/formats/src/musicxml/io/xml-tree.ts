import { MusicXmlError } from '../errors';
import { readXmlTree, type XmlElement } from './xml-parser';

export { decodeEntities, type XmlElement } from './xml-parser';

/*
 * A small, safe XML tree. Entities are never expanded: a document that declares any (<!ENTITY ...>, the
 * billion-laughs and external-entity attacks) is refused before parsing, and the reader decodes only the
 * five predefined entities and character references. Nothing is ever fetched: the DOCTYPE's DTD address
 * is ignored.
 */

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
  return readXmlTree(text);
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
