/** Characters Windows, macOS or Linux refuse in a file name (and control characters). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/** A name usable as a file name on every system: unsafe characters become "_", no leading/trailing dots or spaces. */
export function fileSafeName(name: string, fallback: string): string {
  const safe = name.replace(UNSAFE, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return safe === '' ? fallback : safe.slice(0, 100);
}

/** Names unique ignoring case (case-insensitive file systems would merge them): later ones get " (2)", " (3)" before the extension. */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

const CONTENT_TYPES: Record<string, string> = {
  musicxml: 'application/vnd.recordare.musicxml+xml',
  mxl: 'application/vnd.recordare.musicxml',
  mid: 'audio/midi',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  zip: 'application/zip',
};

/** The media type of an export file by its extension (octet-stream for anything else). */
export function contentTypeOf(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}
