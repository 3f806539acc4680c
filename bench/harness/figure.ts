/** One measured figure, exactly as it is printed (one JSON line) and stored in bench/results. */
export interface Figure {
  suite: string;
  name: string;
  value: number;
  unit: string;
  /** e.g. ">= 5000"; null for informational figures. */
  target: string | null;
  /** Whether `value` meets `target`; null when there is no target. */
  ok: boolean | null;
}

export type Target = { op: '>=' | '<='; bound: number };

export const atLeast = (bound: number): Target => ({ op: '>=', bound });
export const atMost = (bound: number): Target => ({ op: '<=', bound });

export interface Measured {
  name: string;
  value: number;
  unit: string;
  target?: Target;
}

/**
 * Rounds before judging, so the printed value and its verdict always agree for a reader
 * checking the JSON by eye.
 */
export function toFigure(suite: string, measured: Measured): Figure {
  const value = roundForReport(measured.value);
  const { target } = measured;
  return {
    suite,
    name: measured.name,
    value,
    unit: measured.unit,
    target: target ? `${target.op} ${target.bound}` : null,
    ok: target ? meets(value, target) : null,
  };
}

function meets(value: number, { op, bound }: Target): boolean {
  if (!Number.isFinite(value)) return false;
  return op === '>=' ? value >= bound : value <= bound;
}

/** Whole numbers for throughputs, three decimals for latencies and ratios. */
export function roundForReport(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000;
}
