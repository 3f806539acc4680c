import {
  decide,
  evolve,
  initialScoreState,
  isActiveScore,
  isDomainError,
  type ActiveScoreState,
  type ScoreCommand,
  type ScoreEvent,
  type ScoreState,
} from '@bandpro/domain';
import { Random } from '../../harness/random';
import { EDIT_WEIGHTS, EDITS, type CommandBody } from './score-edits';
import { pickSpot } from './score-spots';

export interface ScoreHistoryOptions {
  /** Stop at the first command boundary at or past this many events. */
  events: number;
  parts?: number;
  measures?: number;
  seed?: number;
  /** Who makes command n (0 is CreateScore, whose actor owns the score); default one arranger. */
  actorOf?: (command: number) => string;
}

export interface ScoreHistory {
  scoreId: string;
  events: ScoreEvent[];
  commands: number;
  /** Generated commands that decide refused (they are dropped, as a UI would show an error). */
  rejected: number;
  /** Per accepted command: its actor and how many events it produced, in order. */
  commandLog: { actor: string; events: number }[];
  state: ActiveScoreState;
}

/** A concert band plus rhythm section; the piano brings a second staff. */
const BAND = ['flute', 'clarinet-bb', 'alto-sax', 'tenor-sax', 'trumpet-bb', 'horn-f', 'trombone', 'electric-guitar', 'bass-guitar', 'piano'];
const BASE_TIME = Date.UTC(2025, 0, 1);

/**
 * A realistic editing history of one score, produced through the domain's own decide and evolve:
 * CreateScore, then edits (mostly note entry) until `events` events exist. Deterministic per seed.
 */
export function generateScoreHistory(options: ScoreHistoryOptions): ScoreHistory {
  const { events: wanted, parts = 10, measures = 200, seed = 1, actorOf = () => 'bench-arranger' } = options;
  const r = new Random(seed);
  const fresh = uuidSequence(seed);
  const scoreId = fresh();
  const events: ScoreEvent[] = [];
  let state: ScoreState = initialScoreState();
  let commands = 0;
  let rejected = 0;
  const commandLog: ScoreHistory['commandLog'] = [];
  const submit = (body: CommandBody): void => {
    const actor = actorOf(commands);
    const metadata = { actor: { id: actor, kind: 'user' as const }, at: new Date(BASE_TIME + commands * 1000).toISOString() };
    try {
      const produced = decide({ ...body, metadata } as ScoreCommand, state);
      for (const event of produced) {
        events.push(event);
        state = evolve(state, event);
      }
      commandLog.push({ actor, events: produced.length });
      commands += 1;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      rejected += 1;
    }
  };
  submit(createScore(scoreId, parts, measures, fresh));
  while (events.length < wanted) {
    const s = state as ActiveScoreState;
    const cursor = Math.floor((events.length / wanted) * s.measures.length);
    const body = EDITS[r.weighted(EDIT_WEIGHTS)].build({ s, r, spot: pickSpot(s, r, cursor), fresh });
    if (body) submit(body);
  }
  if (!isActiveScore(state)) throw new Error('The generated score ended up discarded');
  return { scoreId, events, commands, rejected, commandLog, state };
}

function createScore(scoreId: string, parts: number, measures: number, fresh: () => string): CommandBody {
  return {
    type: 'CreateScore',
    data: {
      scoreId,
      title: 'Benchmark Suite for Band',
      composer: 'BandPro bench',
      parts: Array.from({ length: parts }, (_, i) => ({ partId: fresh(), instrumentId: BAND[i % BAND.length] })),
      measureIds: Array.from({ length: measures }, fresh),
      timeSignature: { beats: 4, beatType: 4 },
      keySignature: { fifths: -2, mode: 'major' },
      tempo: { bpm: 112, beatUnit: { type: 'quarter', dots: 0 }, text: 'Allegro' },
    },
  };
}

/**
 * UUID-shaped ids from a counter (version nibble 7), unique per seed. Written here because
 * `@bandpro/domain/testing` resolves only through tsconfig paths, not under plain `node -r`.
 */
function uuidSequence(namespace: number): () => string {
  const ns = namespace.toString(16).padStart(8, '0').slice(-8);
  let n = 0;
  return () => `${ns}-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`;
}
