import type { Duration, VoiceEntry } from '@bandpro/domain';
import type { VoiceContext } from '../../src/musicxml/import/build-voice';
import type { Frame } from '../../src/musicxml/import/frames';
import type { NoteGroup } from '../../src/musicxml/import/read.types';
import { repairTuplets } from '../../src/musicxml/import/tuplet-repair';
import { entryText, voiceText } from './support/describe';
import { importXml, note, scoreXml } from './support/fixtures';

const FRAME: Frame = { number: '1', time: null, key: null, ts: { beats: 4, beatType: 4 }, length: { num: 1, den: 1 }, irregular: null, unit: { num: 1, den: 96 } };

function context(): VoiceContext & { skipped: string[]; warnings: string[] } {
  const skipped: string[] = [];
  const warnings: string[] = [];
  return { frame: FRAME, pickup: false, skip: (e, r) => skipped.push(`${e}: ${r}`), warn: (m) => warnings.push(m), skipped, warnings };
}

const value = (type: Duration['type'], tuplet?: [number, number], dots = 0): Duration => ({ type, dots, ...(tuplet ? { tuplet: { actual: tuplet[0], normal: tuplet[1] } } : {}) });
const chord = (duration: Duration): VoiceEntry => ({ kind: 'chord', id: '', duration, notes: [{ id: '', pitch: { step: 'C', alter: 0, octave: 4 }, tie: false }], articulations: [], lyrics: [] });

function repair(durations: Duration[]) {
  const entries = durations.map(chord);
  const owners = entries.map((_, i) => ({ order: i, rest: false }) as NoteGroup);
  const ctx = context();
  const placed = new Map(owners.map((o) => [o, { num: 0, den: 1 }]));
  const result = repairTuplets({ entries, owners, placed }, ctx);
  return { text: result.entries.map(entryText).join(' '), kept: result.placed.size, ...ctx };
}

describe('fitting tuplets into the model', () => {
  it('should leave complete tuplet groups alone', () => {
    expect(repair([value('eighth', [3, 2]), value('eighth', [3, 2]), value('eighth', [3, 2]), value('quarter')])).toMatchObject({ text: 'C4:eighth(3:2) C4:eighth(3:2) C4:eighth(3:2) C4:quarter', kept: 4, warnings: [] });
  });

  it('should rewrite nested tuplets with one common ratio', () => {
    const nested = repair([value('quarter', [3, 2]), value('quarter', [3, 2]), value('eighth', [9, 4]), value('eighth', [9, 4]), value('eighth', [9, 4])]);
    expect(nested.text).toBe('C4:quarter.(9:4) C4:quarter.(9:4) C4:eighth(9:4) C4:eighth(9:4) C4:eighth(9:4)');
    expect(nested.warnings).toEqual(['Nested tuplets were rewritten with one common tuplet ratio.']);
  });

  it('should replace mixed tuplets no single ratio writes with rests, reporting their notes', () => {
    const mixed = repair([value('eighth', [3, 2]), value('quarter', [5, 4]), value('quarter', [3, 2]), value('16th', [5, 4]), value('half')]);
    expect(mixed.text).toBe('r:half C4:half');
    expect(mixed.kept).toBe(1);
    expect(mixed.skipped).toHaveLength(4);
  });

  it('should end the voice early where an incomplete tuplet never comes out even', () => {
    const incomplete = repair([value('quarter'), value('eighth', [3, 2]), value('quarter'), value('quarter')]);
    expect(incomplete.text).toBe('C4:quarter');
    expect(incomplete.skipped).toEqual(Array(3).fill('note: it is in a nested or incomplete tuplet the score model cannot hold'));
  });

  it('should import a nested tuplet whose written values and durations agree', () => {
    const attrs = '<attributes><divisions>36</divisions><time><beats>2</beats><beat-type>4</beat-type></time></attributes>';
    const notes = [
      note('C5', { type: 'quarter', tuplet: [3, 2], duration: 24 }),
      note('B4', { type: 'quarter', tuplet: [3, 2], duration: 24 }),
      note('A4', { type: 'eighth', tuplet: [9, 4], duration: 8 }),
      note('G4', { type: 'eighth', tuplet: [9, 4], duration: 8 }),
      note('F4', { type: 'eighth', tuplet: [9, 4], duration: 8 }),
    ];
    const result = importXml(scoreXml([attrs + notes.join('')]));
    expect(voiceText(result.document)).toBe('C5:quarter.(9:4) B4:quarter.(9:4) A4:eighth(9:4) G4:eighth(9:4) F4:eighth(9:4)');
  });
});
