import { evolve, initialScoreState, invert, type ScoreEvent } from '@bandpro/domain';
import { E, f, history, pitch, quarter, writeNote } from '@bandpro/domain/testing';
import { project } from '../../test/fixtures/project';
import { storedEvent } from '../../test/fixtures/stored-events';
import { scoreDocumentProjection } from './score-document.projection';

const documentOf = (events: ScoreEvent[]) => project(scoreDocumentProjection, events);

describe('score-document projection', () => {
  it('should hold the score exactly as the domain replays it', () => {
    const events = history(writeNote(E[0], f(0), quarter, [pitch('G')]), writeNote(E[1], f(1, 4), quarter, [pitch('A')]));
    expect(documentOf(events)).toEqual(events.reduce(evolve, initialScoreState()));
  });

  it('should survive the store: the JSON of the document is the document', () => {
    const doc = documentOf(history(writeNote(E[0], f(0), quarter)));
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('should delete the document when the score is discarded', () => {
    const created = history();
    expect(documentOf([...created, ...invert(created[0])])).toBeNull();
  });

  it('should delete the document when the score is purged', () => {
    const doc = documentOf(history()) ?? undefined;
    expect(scoreDocumentProjection.evolve(doc, storedEvent(2, { type: 'ScorePurged', data: { scoreId: 's' } }), 's')).toBeNull();
  });

  it('should give from one run of events what they give one at a time, through a discard, a new creation and a purge', () => {
    const created = history(writeNote(E[0], f(0), quarter, [pitch('G')]), writeNote(E[1], f(1, 4), quarter, [pitch('A')]));
    const events = [...created, ...invert(created[0]), ...created];
    const stored = events.map((event, index) => storedEvent(index + 1, event, 'score-stream'));
    const purge = storedEvent(events.length + 1, { type: 'ScorePurged', data: { scoreId: 'score-stream' } }, 'score-stream');

    expect(scoreDocumentProjection.evolveRun?.(undefined, stored, 'score-stream')).toEqual(documentOf(events));
    expect(scoreDocumentProjection.evolveRun?.(undefined, stored.slice(0, created.length + 1), 'score-stream')).toBeNull();
    expect(scoreDocumentProjection.evolveRun?.(undefined, [...stored, purge], 'score-stream')).toBeNull();
  });

  it('should refuse an event the domain cannot apply, so the runner can dead-letter it', () => {
    const [, note] = history(writeNote(E[0], f(0), quarter));
    expect(() => documentOf([note])).toThrow(expect.objectContaining({ code: expect.any(String) }));
  });
});
