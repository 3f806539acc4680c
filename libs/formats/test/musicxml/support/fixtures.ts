import { idSequence } from '@bandpro/domain/testing';
import { importMusicXml, type ImportMusicXmlOptions, type MusicXmlImport } from '../../../src/musicxml';

/** Small MusicXML documents for the tests: one part by default, divisions 4 (a quarter is 4). */

export interface PartSpec {
  id?: string;
  name?: string;
  /** Extra children of the score-part (score-instrument, midi-instrument...). */
  scorePart?: string;
  measures: string[];
}

export const ATTRS = '<attributes><divisions>4</divisions><key><fifths>0</fifths></key><time><beats>4</beats><beat-type>4</beat-type></time><clef><sign>G</sign><line>2</line></clef></attributes>';

export function scoreXml(parts: PartSpec[] | string[], header = ''): string {
  const specs: PartSpec[] = typeof parts[0] === 'string' ? [{ measures: parts as string[] }] : (parts as PartSpec[]);
  const ids = specs.map((p, i) => p.id ?? `P${i + 1}`);
  const list = specs.map((p, i) => `<score-part id="${ids[i]}"><part-name>${p.name ?? 'Flute'}</part-name>${p.scorePart ?? ''}</score-part>`).join('');
  const body = specs
    .map((p, i) => `<part id="${ids[i]}">${p.measures.map((m, k) => `<measure number="${k + 1}">${m}</measure>`).join('')}</part>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<score-partwise version="4.0">${header}<part-list>${list}</part-list>${body}</score-partwise>`;
}

export interface NoteSpec {
  type?: string;
  duration?: number;
  dots?: number;
  alter?: number;
  voice?: string;
  staff?: number;
  chord?: boolean;
  tuplet?: [number, number];
  /** Raw XML placed after the type/dots (notations, lyrics...). */
  extra?: string;
  /** Raw XML placed before <pitch> (grace, cue). */
  before?: string;
}

const DIVISIONS: Readonly<Record<string, number>> = { whole: 16, half: 8, quarter: 4, eighth: 2, '16th': 1 };

export function note(pitch: string, spec: NoteSpec = {}): string {
  const type = spec.type ?? 'quarter';
  const duration = spec.duration ?? DIVISIONS[type] ?? 4;
  const match = /^([A-G])(-?\d)$/.exec(pitch);
  const body =
    pitch === 'rest'
      ? '<rest/>'
      : `<pitch><step>${match?.[1]}</step>${spec.alter !== undefined ? `<alter>${spec.alter}</alter>` : ''}<octave>${match?.[2]}</octave></pitch>`;
  return [
    '<note>',
    spec.before ?? '',
    spec.chord ? '<chord/>' : '',
    body,
    spec.before?.includes('<grace') ? '' : `<duration>${duration}</duration>`,
    spec.voice ? `<voice>${spec.voice}</voice>` : '',
    `<type>${type}</type>`,
    '<dot/>'.repeat(spec.dots ?? 0),
    spec.tuplet ? `<time-modification><actual-notes>${spec.tuplet[0]}</actual-notes><normal-notes>${spec.tuplet[1]}</normal-notes></time-modification>` : '',
    spec.staff ? `<staff>${spec.staff}</staff>` : '',
    spec.extra ?? '',
    '</note>',
  ].join('');
}

export const rest = (spec: NoteSpec = {}) => note('rest', spec);
export const backup = (d: number) => `<backup><duration>${d}</duration></backup>`;
export const forward = (d: number) => `<forward><duration>${d}</duration></forward>`;
export const direction = (types: string, extra = '') => `<direction>${types.split('|').map((t) => `<direction-type>${t}</direction-type>`).join('')}${extra}</direction>`;

export function importXml(input: string | Uint8Array, options: Partial<ImportMusicXmlOptions> = {}): MusicXmlImport {
  return importMusicXml(input, { ids: idSequence(0x77), ...options });
}
