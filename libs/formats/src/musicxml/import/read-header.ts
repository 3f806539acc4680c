import type { ScoreInfo } from '@bandpro/domain';
import { childElement, childElements, childText, type XmlElement } from '../io/xml-tree';
import type { ReadPartInfo } from './read.types';
import type { ImportReport } from './report';

const LIMITS: Readonly<Record<keyof ScoreInfo, number>> = { title: 200, subtitle: 200, composer: 200, arranger: 200, copyright: 500 };

function creditOfType(root: XmlElement, type: string): string | undefined {
  const credit = childElements(root, 'credit').find((c) => childElements(c, 'credit-type').some((t) => t.text.trim() === type));
  const words = credit && childElements(credit, 'credit-words').map((w) => w.text.trim()).filter((w) => w !== '');
  return words && words.length > 0 ? words.join(' ') : undefined;
}

/** Old files type no credits: their title is the largest text on the first page. */
function largestCredit(root: XmlElement): string | undefined {
  const words = childElements(root, 'credit')
    .filter((c) => (c.attrs.page ?? '1') === '1')
    .flatMap((c) => childElements(c, 'credit-words'))
    .filter((w) => w.text.trim() !== '');
  const size = (w: XmlElement) => Number.parseFloat(w.attrs['font-size'] ?? '') || 0;
  return words.sort((a, b) => size(b) - size(a))[0]?.text.trim();
}

function creator(root: XmlElement, type: string): string | undefined {
  const identification = childElement(root, 'identification');
  const found = identification && childElements(identification, 'creator').find((c) => c.attrs.type === type);
  return found?.text.trim() || undefined;
}

function fit(info: ScoreInfo, report: ImportReport): ScoreInfo {
  const out = { ...info };
  for (const field of Object.keys(LIMITS) as (keyof ScoreInfo)[]) {
    const text = out[field].replace(/\s+/g, ' ').trim();
    if (text.length > LIMITS[field]) report.warn(`The ${field} was shortened to ${LIMITS[field]} characters.`);
    out[field] = text.slice(0, LIMITS[field]);
  }
  return out;
}

/** Title, subtitle, composer, arranger and copyright from the header (work, movement, creators, credits). */
export function readHeader(root: XmlElement, filename: string | undefined, report: ImportReport): ScoreInfo {
  const work = childElement(root, 'work');
  const workTitle = (work && childText(work, 'work-title')) || undefined;
  const movementTitle = childText(root, 'movement-title') || undefined;
  const fromFile = filename?.replace(/^.*[\\/]/, '').replace(/\.(musicxml|mxl|xml)$/i, '') || undefined;
  const title = workTitle ?? movementTitle ?? creditOfType(root, 'title') ?? largestCredit(root) ?? fromFile ?? 'Untitled';
  const subtitle = creditOfType(root, 'subtitle') ?? (workTitle && movementTitle && movementTitle !== workTitle ? movementTitle : '');
  const identification = childElement(root, 'identification');
  const rights = identification ? childElements(identification, 'rights').map((r) => r.text.trim()).filter((r) => r !== '') : [];
  if (creator(root, 'lyricist') || creator(root, 'poet')) report.warn('The lyricist is not in the score model and was left out.');
  return fit(
    {
      title,
      subtitle,
      composer: creator(root, 'composer') ?? creditOfType(root, 'composer') ?? '',
      arranger: creator(root, 'arranger') ?? creditOfType(root, 'arranger') ?? '',
      copyright: rights.join(' ') || (creditOfType(root, 'rights') ?? ''),
    },
    report,
  );
}

function numbersOf(els: XmlElement[], name: string): number[] {
  return els.map((m) => Number(childText(m, name))).filter((n) => Number.isInteger(n));
}

function readScorePart(el: XmlElement): ReadPartInfo {
  const instruments = childElements(el, 'score-instrument');
  const midi = childElements(el, 'midi-instrument');
  const unpitched = new Map<string, number>();
  for (const m of midi) {
    const note = Number(childText(m, 'midi-unpitched'));
    if (m.attrs.id && Number.isInteger(note) && note >= 1 && note <= 128) unpitched.set(m.attrs.id, note - 1);
  }
  const name = (childElement(el, 'part-name')?.text ?? '').replace(/\s+/g, ' ').trim();
  return {
    xmlId: el.attrs.id ?? '',
    name,
    abbreviation: (childText(el, 'part-abbreviation') ?? '').replace(/\s+/g, ' ').trim(),
    instrumentNames: instruments.map((i) => childText(i, 'instrument-name') ?? '').filter((n) => n !== ''),
    soundIds: instruments.map((i) => childText(i, 'instrument-sound') ?? '').filter((n) => n !== ''),
    midiPrograms: numbersOf(midi, 'midi-program'),
    midiChannels: numbersOf(midi, 'midi-channel'),
    unpitched,
  };
}

/** The score-parts of the part list, in order (part groups are layout and are not kept). */
export function readPartList(root: XmlElement): ReadPartInfo[] {
  const list = childElement(root, 'part-list');
  return list ? childElements(list, 'score-part').map(readScorePart) : [];
}
