import { atMost } from '../harness/figure';
import { startApi, type ApiProcess } from '../harness/api-process';
import { median, percentile } from '../harness/stats';
import { type Section, type Suite, type SuiteContext } from '../harness/suite';
import { withTempDir } from '../harness/temp';
import { Random } from '../harness/random';
import { seedHistory, type SeededHistory } from '../history/seed-history';
import { verifySection } from '../history/verify.section';

const EVENTS = 100_000;
const PAGE_REQUESTS = 200;
const DIFF_SPAN = 10_000;
const DIFF_REQUESTS = 20;
const UNDO_PAIRS = 100;

async function timed(api: ApiProcess, seeded: SeededHistory, method: string, path: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${api.url}/api/v1/scores/${seeded.scoreId}${path}`, {
    method,
    headers: { authorization: `Bearer ${seeded.owner.token}`, 'content-type': 'application/json' },
    body: method === 'POST' ? '{}' : undefined,
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

function requireOk(label: string, results: { status: number }[]): void {
  const failed = results.filter((r) => r.status >= 300);
  if (failed.length > 0) throw new Error(`${label}: ${failed.length} of ${results.length} requests failed (${failed[0].status})`);
}

async function pages(context: SuiteContext, api: ApiProcess, seeded: SeededHistory): Promise<void> {
  const first = await timed(api, seeded, 'GET', '/history?limit=50');
  context.report({ name: 'history_page.first_read_ms', value: first.ms, unit: 'ms' });
  const r = new Random(7);
  const results = [];
  for (let i = 0; i < PAGE_REQUESTS; i++) results.push(await timed(api, seeded, 'GET', `/history?limit=50&before=${1 + r.int(seeded.head)}`));
  requireOk('history page', results);
  context.report({ name: 'history_page.p99_ms', value: percentile(results.map((x) => x.ms), 99), unit: 'ms', target: atMost(50) });
  context.report({ name: 'history_page.p50_ms', value: median(results.map((x) => x.ms)), unit: 'ms' });
}

async function diffs(context: SuiteContext, api: ApiProcess, seeded: SeededHistory): Promise<void> {
  const r = new Random(11);
  const results = [];
  for (let i = 0; i < DIFF_REQUESTS; i++) {
    const from = 1 + r.int(seeded.head - DIFF_SPAN);
    results.push(await timed(api, seeded, 'GET', `/diff?from=${from}&to=${from + DIFF_SPAN}`));
  }
  requireOk('diff', results);
  context.report({ name: 'diff_10000_apart.p50_ms', value: median(results.map((x) => x.ms)), unit: 'ms', target: atMost(200) });
  context.report({ name: 'diff_10000_apart.max_ms', value: Math.max(...results.map((x) => x.ms)), unit: 'ms' });
}

async function undos(context: SuiteContext, api: ApiProcess, seeded: SeededHistory): Promise<void> {
  const undo = [];
  const redo = [];
  for (let i = 0; i < UNDO_PAIRS; i++) {
    undo.push(await timed(api, seeded, 'POST', '/undo'));
    redo.push(await timed(api, seeded, 'POST', '/redo'));
  }
  requireOk('undo', undo);
  requireOk('redo', redo);
  context.report({ name: 'undo.p99_ms', value: percentile(undo.map((x) => x.ms), 99), unit: 'ms', target: atMost(30) });
  context.report({ name: 'undo.p50_ms', value: median(undo.map((x) => x.ms)), unit: 'ms' });
  context.report({ name: 'redo.p99_ms', value: percentile(redo.map((x) => x.ms), 99), unit: 'ms' });
}

/** One 100,000-event score behind the real API process; history pages, diffs, then undo/redo on it. */
const apiSection: Section = {
  name: 'api',
  run: (context) =>
    withTempDir('history', async (dir) => {
      const api = await startApi(dir);
      try {
        context.progress(`writing a ${EVENTS}-event score, one append per command, three people`);
        const seeded = await seedHistory(api, dir, EVENTS);
        context.report({ name: 'score.events', value: seeded.head, unit: 'events' });
        await pages(context, api, seeded);
        await diffs(context, api, seeded);
        await undos(context, api, seeded);
      } finally {
        await api.stop();
      }
    }),
};

/** Issue #5: time travel over a long history, through the HTTP API on the embedded SQLite default. */
export const suite: Suite = {
  name: 'history',
  description: `History page, diff (${DIFF_SPAN} events apart) and undo on a ${EVENTS}-event score over HTTP; projections verify over 1,000,000 events`,
  sections: [apiSection, verifySection],
};
