import { parsePitch, type DurationType, type ScoreCommand } from '@bandpro/domain';

type Metadata = ScoreCommand['metadata'];

/** The demo's score: two parts, four bars, a few notes, built only from commands decide accepts. */
export function demoScoreCommands(scoreId: string, newId: () => string, metadata: Metadata): ScoreCommand[] {
  const trumpet = newId();
  const trombone = newId();
  const bars = [newId(), newId(), newId(), newId()];
  const note = (partId: string, bar: number, [num, den]: [number, number], pitch: string, type: DurationType): ScoreCommand => ({
    type: 'WriteNote',
    data: {
      partId,
      staff: 1,
      measureId: bars[bar],
      voice: 1,
      offset: { num, den },
      entryId: newId(),
      duration: { type, dots: 0 },
      notes: [{ id: newId(), pitch: parsePitch(pitch) }],
    },
    metadata,
  });
  return [
    {
      type: 'CreateScore',
      data: {
        scoreId,
        title: 'Projector Blues',
        composer: 'BandPro demo',
        parts: [
          { partId: trumpet, instrumentId: 'trumpet-bb' },
          { partId: trombone, instrumentId: 'trombone' },
        ],
        measureIds: bars,
      },
      metadata,
    },
    note(trumpet, 0, [0, 1], 'C5', 'quarter'),
    note(trumpet, 0, [1, 4], 'E5', 'quarter'),
    note(trumpet, 0, [1, 2], 'G5', 'half'),
    note(trumpet, 1, [0, 1], 'F5', 'whole'),
    note(trombone, 0, [0, 1], 'C3', 'whole'),
    note(trombone, 1, [0, 1], 'F3', 'half'),
    note(trombone, 1, [1, 2], 'A3', 'half'),
  ];
}
