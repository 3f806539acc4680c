import { type ActiveScoreState, scoreOf } from '@bandpro/domain';
import { createScore, idSequence, run } from '@bandpro/domain/testing';
import { renderPdf } from '../../src/render';
import { FULL_SCALE, scaleFor } from '../../src/render/render-svg';
import { pdfText } from './support/poppler';

jest.setTimeout(60_000);

const INSTRUMENTS = [
  'piccolo', 'flute', 'oboe', 'english-horn', 'bassoon', 'bass-clarinet', 'euphonium', 'trombone', 'bass-trombone', 'tuba',
  'timpani', 'glockenspiel', 'xylophone', 'vibraphone', 'marimba', 'piano', 'violin', 'viola', 'cello', 'double-bass',
];

describe('a full score with many staves', () => {
  it('should print every part of a 20-part score on its first page (Verovio never splits a system: one taller than the page lost its lower staves)', async () => {
    const id = idSequence(0xb1);
    const { state } = run([createScore({ title: 'Tutti', parts: INSTRUMENTS.map((instrumentId) => ({ partId: id(), instrumentId })) })]);
    const score = scoreOf(state as ActiveScoreState);
    const firstPage = pdfText(await renderPdf(score, { pageSize: 'A4' }), 1);
    for (const part of score.parts) expect(firstPage).toContain(part.name);
    expect(firstPage).toMatch(/Page 1 of \d+/);
  });

  it('should keep a part or a small band at full size, and shrink with the staff count, less on Letter', () => {
    expect(scaleFor(1, 2970)).toBe(FULL_SCALE);
    expect(scaleFor(11, 2970)).toBe(FULL_SCALE);
    expect(scaleFor(22, 2970)).toBe(20);
    expect(scaleFor(22, 2794)).toBeLessThan(20);
    expect(scaleFor(500, 2970)).toBe(15);
  });
});
