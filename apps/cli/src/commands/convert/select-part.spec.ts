import type { Part } from '@bandpro/domain';
import { selectPart } from './select-part';

const part = (id: string, name: string): Part => ({ id, name, abbreviation: '', instrumentId: 'piano', staves: 2 });

describe('selectPart', () => {
  const parts = [part('p-1', 'Piano'), part('p-2', 'Alto Sax'), part('p-3', 'Voice'), part('p-4', 'Voice'), part('Piano', 'Organ')];

  it('should find a part by its id before its name', () => {
    expect(selectPart(parts, 'p-2').name).toBe('Alto Sax');
    expect(selectPart(parts, 'Piano').id).toBe('Piano');
  });

  it('should find a part by its exact name, then by its name in any case', () => {
    expect(selectPart(parts, 'Alto Sax').id).toBe('p-2');
    expect(selectPart(parts, 'alto sax').id).toBe('p-2');
    expect(selectPart([part('a', 'horn'), part('b', 'Horn')], 'Horn').id).toBe('b');
  });

  it('should refuse a name several parts share, listing them with their ids', () => {
    expect(() => selectPart(parts, 'voice')).toThrow(expect.objectContaining({ code: 'PART_AMBIGUOUS', message: '2 parts are named "voice"; give its id instead. Parts: "Voice" (id p-3), "Voice" (id p-4)' }));
  });

  it('should refuse a part that is not there, listing the parts', () => {
    expect(() => selectPart(parts.slice(0, 2), 'Tuba')).toThrow(expect.objectContaining({ code: 'PART_NOT_FOUND', exitCode: 1, message: 'The score has no part named "Tuba". Parts: "Piano" (id p-1), "Alto Sax" (id p-2)' }));
  });
});
