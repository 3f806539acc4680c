import type { Score } from '@bandpro/domain';
import { exportMidi, exportMusicXml, type PageSize, renderPartsPdfs, renderPdf } from '@bandpro/formats';
import { strToU8, zipSync } from 'fflate';

/** Characters Windows, macOS or Linux refuse in a file name (and control characters). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/** A part name usable as a file name on every system: unsafe characters become "_", no leading/trailing dots or spaces. */
export function fileSafeName(name: string): string {
  const safe = name.replace(UNSAFE, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return safe === '' ? 'Part' : safe.slice(0, 100);
}

/** Names unique ignoring case (case-insensitive file systems would merge "Horn" and "horn"): later ones get " (2)", " (3)". */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * Everything a band needs from one score, as one zip: the full score (at concert pitch if asked), each
 * player's part in written pitch under parts/, and the MusicXML and MIDI to open elsewhere.
 */
export async function batchZip(score: Score, options: { concertPitch: boolean; pageSize: PageSize }): Promise<Uint8Array> {
  const fullScore = await renderPdf(score, options);
  const parts = await renderPartsPdfs(score, { pageSize: options.pageSize });
  const names = uniqueNames(parts.map((p) => fileSafeName(p.partName)));
  const files: Record<string, Uint8Array> = {
    'score.pdf': fullScore,
    'score.musicxml': strToU8(exportMusicXml(score, { concertPitch: options.concertPitch })),
    'score.mid': exportMidi(score, {}),
  };
  parts.forEach((part, i) => (files[`parts/${names[i]}.pdf`] = part.pdf));
  // PDFs and MIDI are compressed already; storing them keeps the zip fast to write.
  return zipSync(files, { level: 0 });
}
