import type { VoiceNumber } from '@bandpro/domain';
import type { ReadPart } from './read.types';

export interface VoiceSlot {
  /** 1-based staff of the model part. */
  staff: number;
  voice: VoiceNumber;
}

/**
 * Maps MusicXML voices onto the model's four voices per staff, once for the whole part so that a voice
 * keeps its number from measure to measure. Each voice lives on the staff most of its notes are on (the
 * model has no cross-staff notes). Numbers written 1-4 on staff 1 and 5-8 on staff 2 (MuseScore's habit,
 * and the exporter's) keep their position; other numberings are ranked. A fifth voice on a staff has no slot.
 */
export function buildVoiceMap(part: ReadPart): Map<string, VoiceSlot | undefined> {
  const counts = new Map<string, Map<number, number>>();
  for (const m of part.measures) {
    for (const g of m.groups) {
      const byStaff = counts.get(g.voice) ?? new Map<number, number>();
      byStaff.set(g.staff, (byStaff.get(g.staff) ?? 0) + 1);
      counts.set(g.voice, byStaff);
    }
  }
  const home = new Map<string, number>();
  for (const [voice, byStaff] of counts) {
    const [staff] = [...byStaff].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    home.set(voice, staff);
  }
  const map = new Map<string, VoiceSlot | undefined>();
  for (const staff of new Set(home.values())) {
    const voices = [...home].filter(([, s]) => s === staff).map(([v]) => v);
    assignSlots(staff, voices, map);
  }
  return map;
}

const numeric = (v: string) => (/^\d+$/.test(v) ? Number(v) : NaN);

function assignSlots(staff: number, voices: string[], map: Map<string, VoiceSlot | undefined>): void {
  const numbers = voices.map(numeric);
  const base = (staff - 1) * 4;
  const inWindow = (low: number) => numbers.every((n) => n > low && n <= low + 4);
  const shift = inWindow(base) ? base : inWindow(0) ? 0 : undefined;
  if (shift !== undefined) {
    voices.forEach((v, i) => map.set(v, { staff, voice: (numbers[i] - shift) as VoiceNumber }));
    return;
  }
  const ranked = [...voices].sort((a, b) => (numeric(a) || Infinity) - (numeric(b) || Infinity) || a.localeCompare(b));
  ranked.forEach((v, i) => map.set(v, i < 4 ? { staff, voice: (i + 1) as VoiceNumber } : undefined));
}
