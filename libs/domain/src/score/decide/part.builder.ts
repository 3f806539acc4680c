import { getInstrument } from '../../instruments/instruments';
import type { InstrumentDefinition } from '../../instruments/instrument.types';
import type { NewPart } from '../commands/score.commands';
import type { Part } from '../model/score.types';
import { InstrumentMustBeKnown } from '../rules/rule-errors';
import { requireClientId } from '../validation/ids';
import { requireText } from '../validation/values';

export function requireInstrument(instrumentId: unknown): InstrumentDefinition {
  const instrument = typeof instrumentId === 'string' ? getInstrument(instrumentId) : undefined;
  if (instrument === undefined) throw new InstrumentMustBeKnown({ instrumentId });
  return instrument;
}

export function partNames(
  input: { name?: unknown; abbreviation?: unknown },
  instrument: InstrumentDefinition,
): { name: string; abbreviation: string } {
  return {
    name: input.name === undefined ? instrument.name : requireText('name', input.name, { max: 100 }),
    abbreviation:
      input.abbreviation === undefined
        ? instrument.abbreviation
        : requireText('abbreviation', input.abbreviation, { allowEmpty: true, max: 20 }),
  };
}

/** A part as a new-part request describes it, names defaulting to the instrument's. */
export function buildPart(input: NewPart): Part {
  const id = requireClientId('partId', input.partId);
  const instrument = requireInstrument(input.instrumentId);
  return { id, ...partNames(input, instrument), instrumentId: instrument.id, staves: instrument.staves };
}
