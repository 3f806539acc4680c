import { formatInterval, type Interval } from '@bandpro/domain';

/** An interval as its parts: direction, quality letters (P, M, m, A…, d…) and size (1 = unison, 8 = octave). */
export function intervalParts(interval: Interval): { down: boolean; quality: string; size: number } {
  const [, sign, quality, size] = /^(-?)([A-Za-z]+)(\d+)$/.exec(formatInterval(interval)) as RegExpExecArray;
  return { down: sign === '-', quality, size: Number(size) };
}
