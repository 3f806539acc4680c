import fc from 'fast-check';
import { decide, evolve, initialScoreState, isDomainError, type ActiveScoreState, type ScoreCommand, type ScoreEvent, type ScoreState } from '../../index';
import { idSequence } from '../ids';
import { BUILDERS, INTENT_KINDS, type Nums } from './intents';
import { keyFrom, ONE_STAFF, TIME_SIGNATURES, TWO_STAVES } from './values';
import { pick } from './pick';

/** A sequence of commands that decide accepts one after the other, from the empty state. */
export interface ScoreHistory {
  scoreId: string;
  commands: ScoreCommand[];
}

export interface HistoryOptions {
  /** Edits after CreateScore (default 40). */
  maxCommands?: number;
}

export interface Intent extends Nums {
  kind: string;
}

const BASE_TIME = Date.UTC(2025, 0, 1);

function createCommand(n: Nums, fresh: () => string, scoreId: string): Omit<ScoreCommand, 'metadata'> {
  const instruments = [...ONE_STAFF, ...TWO_STAVES];
  const parts = Array.from({ length: 1 + (n.a % 2) }, (_, i) => ({ partId: fresh(), instrumentId: pick(instruments, n.b + i * 3) }));
  const timeSignature = pick(TIME_SIGNATURES, n.c);
  return {
    type: 'CreateScore',
    data: {
      scoreId,
      title: 'Generated',
      parts,
      measureIds: Array.from({ length: 2 + (n.d % 3) }, fresh),
      timeSignature,
      keySignature: keyFrom(n.d),
      pickup: n.a % 5 === 0 ? { num: 1, den: 8 } : null,
    },
  };
}

/**
 * Turns intents into valid commands: each intent picks its targets in the current state; a command decide
 * rejects is dropped. Deterministic, so fast-check can shrink the intents.
 */
export function buildHistory(
  namespace: number,
  create: Nums,
  intents: readonly Intent[],
  rejected?: (type: string, code: string) => void,
): ScoreHistory {
  const fresh = idSequence(namespace);
  const scoreId = fresh();
  const commands: ScoreCommand[] = [];
  let state: ScoreState = initialScoreState();
  const tryCommand = (body: Omit<ScoreCommand, 'metadata'>): void => {
    const at = new Date(BASE_TIME + commands.length * 1000).toISOString();
    const command = { ...body, metadata: { actor: { id: 'generated-owner', kind: 'user' as const }, at } } as ScoreCommand;
    let events: ScoreEvent[];
    try {
      events = decide(command, state);
    } catch (error) {
      if (isDomainError(error)) {
        rejected?.(body.type, error.code);
        return;
      }
      throw error;
    }
    commands.push(command);
    state = events.reduce(evolve, state);
  };
  tryCommand(createCommand(create, fresh, scoreId));
  for (const intent of intents) {
    const body = BUILDERS[intent.kind](state as ActiveScoreState, intent, fresh);
    if (body !== undefined) tryCommand(body);
  }
  return { scoreId, commands };
}

const nums = { a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000), d: fc.nat(1000) };

/** Random valid histories (CreateScore, then up to maxCommands edits of every kind). */
export function arbitraryScoreHistory(options: HistoryOptions = {}): fc.Arbitrary<ScoreHistory> {
  const intent = fc.record({ kind: fc.constantFrom(...INTENT_KINDS), ...nums });
  return fc
    .tuple(fc.integer({ min: 1, max: 0xfffffff }), fc.record(nums), fc.array(intent, { maxLength: options.maxCommands ?? 40, size: 'max' }))
    .map(([namespace, create, intents]) => buildHistory(namespace, create, intents));
}
