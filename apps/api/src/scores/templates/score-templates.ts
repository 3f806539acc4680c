import { getInstrument } from '@bandpro/domain';

/** Ensembles a new score can start from: instrument ids from the domain's catalogue, top to bottom. */
export const SCORE_TEMPLATES = {
  'rock-band': ['electric-guitar', 'electric-guitar', 'bass-guitar', 'piano', 'drum-set'],
  'jazz-combo': ['trumpet-bb', 'tenor-sax', 'piano', 'double-bass', 'drum-set'],
  'brass-quintet': ['trumpet-bb', 'trumpet-bb', 'horn-f', 'trombone', 'tuba'],
  'concert-band': [
    'piccolo', 'flute', 'oboe', 'bassoon', 'clarinet-bb', 'clarinet-bb', 'bass-clarinet', 'alto-sax', 'tenor-sax', 'baritone-sax',
    'trumpet-bb', 'trumpet-bb', 'horn-f', 'trombone', 'euphonium', 'tuba', 'timpani', 'glockenspiel', 'drum-set',
  ],
  'string-quartet': ['violin', 'violin', 'viola', 'cello'],
  'satb-choir': ['soprano', 'alto', 'tenor', 'bass'],
  piano: ['piano'],
  'lead-sheet': ['piano'],
} as const satisfies Record<string, readonly string[]>;

export type ScoreTemplateName = keyof typeof SCORE_TEMPLATES;
export const SCORE_TEMPLATE_NAMES = Object.keys(SCORE_TEMPLATES) as ScoreTemplateName[];

export interface PlannedPart {
  partId: string;
  instrumentId: string;
  name?: string;
}

/**
 * The parts of a new score. Repeated instruments are numbered ("Trumpet in B♭ 1", "… 2") as
 * ensembles label them; a lead sheet is one piano part named after what it is.
 */
export function planParts(instrumentIds: readonly string[], newId: () => string, template?: ScoreTemplateName): PlannedPart[] {
  const totals = countBy(instrumentIds);
  const seen = new Map<string, number>();
  return instrumentIds.map((instrumentId) => {
    const nth = (seen.get(instrumentId) ?? 0) + 1;
    seen.set(instrumentId, nth);
    const base = getInstrument(instrumentId)?.name ?? instrumentId;
    const name = template === 'lead-sheet' ? 'Lead sheet' : (totals.get(instrumentId) ?? 0) > 1 ? `${base} ${nth}` : undefined;
    return name === undefined ? { partId: newId(), instrumentId } : { partId: newId(), instrumentId, name };
  });
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
