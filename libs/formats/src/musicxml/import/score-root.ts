import { MusicXmlError } from '../errors';
import { childElement, childElements, type XmlElement } from '../io/xml-tree';
import type { ImportReport } from './report';

/*
 * The score element, as partwise. A timewise score (measures holding parts) is regrouped into parts
 * holding measures, which is all the conversion the two forms need.
 */

function timewiseToPartwise(root: XmlElement): XmlElement {
  const partIds: string[] = [];
  const measuresByPart = new Map<string, XmlElement[]>();
  for (const measure of childElements(root, 'measure')) {
    for (const part of childElements(measure, 'part')) {
      const id = part.attrs.id ?? '';
      if (!measuresByPart.has(id)) {
        partIds.push(id);
        measuresByPart.set(id, []);
      }
      measuresByPart.get(id)?.push({ name: 'measure', attrs: measure.attrs, children: part.children, text: '' });
    }
  }
  const parts = partIds.map((id): XmlElement => ({ name: 'part', attrs: { id }, children: measuresByPart.get(id) ?? [], text: '' }));
  const header = root.children.filter((c) => c.name !== 'measure');
  return { name: 'score-partwise', attrs: root.attrs, children: [...header, ...parts], text: '' };
}

export function partwiseRoot(root: XmlElement, report: ImportReport): XmlElement {
  if (root.name === 'opus') throw new MusicXmlError('MUSICXML_UNSUPPORTED', 'A MusicXML opus (a collection of scores) cannot be imported as one score', {});
  if (root.name !== 'score-partwise' && root.name !== 'score-timewise') {
    throw new MusicXmlError('MUSICXML_INVALID', `Not a MusicXML score: the root element is <${root.name}>`, { root: root.name });
  }
  const version = Number(root.attrs.version ?? '1.0');
  if (!(version < 5)) report.warn(`The file declares MusicXML ${root.attrs.version}; it was read as MusicXML 4.0.`);
  const score = root.name === 'score-timewise' ? timewiseToPartwise(root) : root;
  if (childElements(score, 'part').length === 0 || !childElement(score, 'part-list')) {
    throw new MusicXmlError('MUSICXML_INVALID', 'The score has no parts', {});
  }
  return score;
}
