import type { CreateScore, ImportScore, UpdateScoreInfo } from '../commands/score.commands';
import type { ScoreEvent } from '../events/score-event';
import { emptyMeasure } from '../model/empty-content';
import type { ScoreState } from '../model/score.state';
import type { Score, ScoreInfo } from '../model/score.types';
import { requireFresh } from '../queries/ids';
import { requireScore } from '../queries/lookup';
import {
  ScoreMustKeepAtLeastOneMeasure,
  ScoreMustKeepAtLeastOnePart,
  ScoreMustNotExistYet,
} from '../rules/rule-errors';
import { requireKeySignature, requireTempo, requireTimeSignature } from '../validation/attributes';
import { requireClientId } from '../validation/ids';
import { validateScoreDocument } from '../validation/score-document';
import { INFO_FIELDS, requireInfoField, requireIrregularLength } from '../validation/score-info';
import { requireMetadata } from './metadata';
import { buildPart } from './part.builder';

function requireNoScore(state: ScoreState): void {
  if (state.status !== 'empty') throw new ScoreMustNotExistYet({ scoreId: state.scoreId });
}

export function decideCreateScore(command: CreateScore, state: ScoreState): ScoreEvent[] {
  const { data } = command;
  const { actor, at } = requireMetadata(command.metadata);
  const scoreId = requireClientId('scoreId', data.scoreId);
  requireNoScore(state);
  if (!Array.isArray(data.parts) || data.parts.length === 0) throw new ScoreMustKeepAtLeastOnePart({});
  if (!Array.isArray(data.measureIds) || data.measureIds.length === 0) throw new ScoreMustKeepAtLeastOneMeasure({});
  const parts = data.parts.map(buildPart);
  const measureIds = data.measureIds.map((id, i) => requireClientId(`measureIds[${i}]`, id));
  requireFresh(new Set(), [scoreId, ...parts.map((p) => p.id), ...measureIds], 'score');
  const info = Object.fromEntries(INFO_FIELDS.map((f) => [f, requireInfoField(f, data[f] ?? '')])) as unknown as ScoreInfo;
  const timeSignature = data.timeSignature === undefined ? { beats: 4, beatType: 4 } : requireTimeSignature(data.timeSignature);
  const measures = measureIds.map((id) => emptyMeasure(id, parts));
  measures[0] = {
    ...measures[0],
    timeSignature,
    keySignature: data.keySignature === undefined ? { fifths: 0, mode: 'major' } : requireKeySignature(data.keySignature),
    length: data.pickup == null ? null : requireIrregularLength(measureIds[0], data.pickup, timeSignature),
    tempo: data.tempo == null ? null : requireTempo(data.tempo),
  };
  const score: Score = { scoreId, ownerId: actor.id, createdAt: at, ...info, parts, measures };
  return [{ type: 'ScoreCreated', data: score }];
}

export function decideImportScore(command: ImportScore, state: ScoreState): ScoreEvent[] {
  const { actor, at } = requireMetadata(command.metadata);
  requireNoScore(state);
  const document = validateScoreDocument(command.data?.score);
  return [{ type: 'ScoreImported', data: { ...document, ownerId: actor.id, createdAt: at } }];
}

export function decideUpdateScoreInfo(command: UpdateScoreInfo, state: ScoreState): ScoreEvent[] {
  const s = requireScore(state, command.type);
  const from: Partial<ScoreInfo> = {};
  const to: Partial<ScoreInfo> = {};
  for (const field of INFO_FIELDS) {
    const value = command.data[field];
    if (value === undefined) continue;
    const next = requireInfoField(field, value);
    if (next === s[field]) continue;
    from[field] = s[field];
    to[field] = next;
  }
  return Object.keys(to).length === 0 ? [] : [{ type: 'ScoreInfoUpdated', data: { from, to } }];
}
