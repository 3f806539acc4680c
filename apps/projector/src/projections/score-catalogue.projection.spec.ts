import { invert, SCORE_EVENT_TYPES, type ScoreEvent } from '@bandpro/domain';
import { cmd, E, f, history, M, OWNER_ID, PART_1, pitch, quarter, SCORE_ID, testId, writeNote } from '@bandpro/domain/testing';
import { project, recordedAtOf } from '../../test/fixtures/project';
import { storedEvent } from '../../test/fixtures/stored-events';
import { scoreCatalogueProjection } from './score-catalogue.projection';

const PART_2 = testId(2, 0xb);
const catalogue = (events: ScoreEvent[]) => project(scoreCatalogueProjection, events);

describe('score-catalogue projection', () => {
  it('should list a new score with its title, composer, owner, parts and bar count', () => {
    expect(catalogue(history())).toEqual({
      scoreId: SCORE_ID,
      title: 'Test score',
      composer: 'Tester',
      ownerId: OWNER_ID,
      parts: [{ id: PART_1, name: 'Trumpet in B♭', instrumentId: 'trumpet-bb' }],
      barCount: 4,
      updatedAt: recordedAtOf(1),
    });
  });

  it('should follow title and composer changes', () => {
    const events = history(cmd('UpdateScoreInfo', { title: 'Renamed' }), cmd('UpdateScoreInfo', { composer: 'Someone' }));
    expect(catalogue(events)).toMatchObject({ title: 'Renamed', composer: 'Someone', updatedAt: recordedAtOf(events.length) });
  });

  it('should follow parts as they are added, moved, renamed, re-instrumented and removed', () => {
    const added = history(cmd('AddPart', { partId: PART_2, instrumentId: 'trombone', index: 0 }));
    expect(catalogue(added)?.parts.map((p) => p.id)).toEqual([PART_2, PART_1]);

    const edited = history(
      cmd('AddPart', { partId: PART_2, instrumentId: 'trombone' }),
      cmd('MovePart', { partId: PART_2, toIndex: 0 }),
      cmd('RenamePart', { partId: PART_1, name: 'Lead' }),
      cmd('ChangeInstrument', { partId: PART_2, instrumentId: 'bass-trombone' }),
    );
    expect(catalogue(edited)?.parts).toEqual([
      { id: PART_2, name: 'Bass Trombone', instrumentId: 'bass-trombone' },
      { id: PART_1, name: 'Lead', instrumentId: 'trumpet-bb' },
    ]);

    const removed = history(cmd('AddPart', { partId: PART_2, instrumentId: 'trombone' }), cmd('RemovePart', { partId: PART_1 }));
    expect(catalogue(removed)?.parts.map((p) => p.id)).toEqual([PART_2]);
  });

  it('should count bars as measures are inserted and deleted', () => {
    const events = history(
      cmd('InsertMeasures', { beforeMeasureId: null, measureIds: [M[4], M[5], M[6]] }),
      cmd('DeleteMeasures', { fromMeasureId: M[0], toMeasureId: M[1] }),
    );
    expect(catalogue(events)?.barCount).toBe(5);
  });

  it('should only move updatedAt for a note', () => {
    const before = catalogue(history());
    const events = history(writeNote(E[0], f(0), quarter, [pitch('G')]));
    expect(catalogue(events)).toEqual({ ...before, updatedAt: recordedAtOf(events.length) });
  });

  it('should drop the row when the score is discarded, and list it again when it comes back', () => {
    const created = history();
    const discarded = [...created, ...invert(created[0])];
    expect(catalogue(discarded)).toBeNull();
    expect(catalogue([...discarded, ...created])).toMatchObject({ scoreId: SCORE_ID, updatedAt: recordedAtOf(3) });
  });

  it('should list an imported score', () => {
    const { data: score } = history()[0] as Extract<ScoreEvent, { type: 'ScoreCreated' }>;
    expect(catalogue([{ type: 'ScoreImported', data: score }])).toMatchObject({ scoreId: SCORE_ID, barCount: 4 });
  });

  it('should refuse an edit of a score it has no row for', () => {
    const [, note] = history(writeNote(E[0], f(0), quarter));
    expect(() => scoreCatalogueProjection.evolve(undefined, storedEvent(7, note), SCORE_ID)).toThrow(
      expect.objectContaining({ code: 'CATALOGUE_ROW_MISSING' }),
    );
  });

  it('should refuse to move a part that is not where the event says', () => {
    const row = catalogue(history());
    const move = { type: 'PartMoved', data: { partId: PART_2, fromIndex: 0, toIndex: 1 } };
    expect(() => scoreCatalogueProjection.evolve(row ?? undefined, storedEvent(2, move), SCORE_ID)).toThrow(/not at 0/);
  });

  it('should refuse an event type it does not know', () => {
    const row = catalogue(history()) ?? undefined;
    expect(() => scoreCatalogueProjection.evolve(row, storedEvent(2, { type: 'ScoreFrobbed', data: {} }), SCORE_ID)).toThrow(/does not know ScoreFrobbed/);
  });

  it('should read every score event type, since each one moves updatedAt, and the purge', () => {
    expect([...scoreCatalogueProjection.eventTypes].sort()).toEqual([...SCORE_EVENT_TYPES, 'ScorePurged'].sort());
  });

  it('should drop the row when the score is purged, keyed by the scoreId the lifecycle event names', () => {
    const row = catalogue(history()) ?? undefined;
    const purge = storedEvent(9, { type: 'ScorePurged', data: { scoreId: SCORE_ID } }, `score-lifecycle-${SCORE_ID}`);
    expect(scoreCatalogueProjection.keysOf(purge)).toEqual([SCORE_ID]);
    expect(scoreCatalogueProjection.evolve(row, purge, SCORE_ID)).toBeNull();
    expect(() => scoreCatalogueProjection.keysOf(storedEvent(9, { type: 'ScorePurged', data: {} }))).toThrow(/names no scoreId/);
  });
});
