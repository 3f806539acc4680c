import type { RebuildReport } from './rebuild';
import type { ProjectionStatus } from './status';
import type { VerifyReport } from './verify';

/** One line per projection: what `bandpro projections status` shows. */
export function statusText(statuses: readonly ProjectionStatus[]): string {
  return statuses
    .map((s) => {
      const generation = s.generation === undefined ? 'not built yet' : `generation ${s.generation} (built by v${s.builtBy}, code v${s.version})`;
      const runner = s.leaseHolder ? `run by ${s.leaseHolder}` : 'no projector running it';
      const letters = s.deadLetters > 0 ? `, ${s.deadLetters} dead letter(s)` : '';
      return `${s.projection}: checkpoint ${s.checkpoint} of head ${s.head}, lag ${s.lag} (${s.secondsBehind.toFixed(1)} s); ${generation}; ${runner}${letters}`;
    })
    .join('\n');
}

export function rebuildText(report: RebuildReport): string {
  const from = report.previous === undefined ? 'first build' : `replacing generation ${report.previous}`;
  return `${report.projection}: generation ${report.generation} active at position ${report.checkpoint.position} (${from}); ${report.events} events in ${report.seconds.toFixed(2)} s`;
}

export function verifyText(report: VerifyReport): string {
  const speed = `${report.events} events replayed in ${report.seconds.toFixed(2)} s (${report.eventsPerSecond} events/s)`;
  const skipped = report.skipped > 0 ? `; ${report.skipped} event(s) a projection could not apply (dead letters)` : '';
  if (report.differences.length === 0) return `Read models match the events: ${speed}${skipped}`;
  const rows = report.differences.map((d) => `  ${d.projection} ${d.id}: ${d.kind}${d.path ? ` at ${d.path}` : ''}`);
  return [`${report.differences.length} read-model row(s) differ from the events: ${speed}${skipped}`, ...rows].join('\n');
}
