import { strToU8, Unzip, UnzipInflate, unzipSync, zipSync } from 'fflate';
import { MusicXmlError } from '../errors';
import type { ImportLimits } from '../limits';
import { childElements, parseXml } from './xml-tree';

/*
 * .mxl is a zip holding META-INF/container.xml, which names the score (the "rootfile"). Sizes in a zip's
 * directory can lie, so the directory is only a first, cheap check: entries are then inflated as a stream
 * in small pieces and counted, and inflation stops as soon as an entry grows past its limit.
 */

const CONTAINER = 'META-INF/container.xml';
const MUSICXML_MEDIA = 'application/vnd.recordare.musicxml+xml';
/** Small input pieces bound what one inflate step can produce (deflate expands at most ~1:1032). */
const PIECE = 4096;

interface Entry {
  name: string;
  size: number;
  originalSize: number;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function listEntries(bytes: Uint8Array, limits: ImportLimits): Entry[] {
  const entries: Entry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    throw new MusicXmlError('MXL_INVALID', 'The .mxl file is not a readable zip archive', { reason: String(error) });
  }
  if (entries.length > limits.maxZipEntries) {
    throw new MusicXmlError('MUSICXML_TOO_LARGE', 'The .mxl archive has too many entries', { limit: 'entry-count', entries: entries.length });
  }
  for (const e of entries) {
    if (e.originalSize > Math.max(e.size, 1) * limits.maxCompressionRatio) {
      throw new MusicXmlError('MUSICXML_TOO_LARGE', 'An .mxl entry expands too much', { limit: 'compression-ratio', entry: e.name });
    }
  }
  // Images may sit beside the score, but the whole archive is still bounded.
  const total = entries.reduce((sum, e) => sum + e.originalSize, 0);
  if (total > limits.maxBytes * 4) {
    throw new MusicXmlError('MUSICXML_TOO_LARGE', 'The .mxl archive expands too much', { limit: 'uncompressed-size', total });
  }
  return entries;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Inflates one entry, refusing to produce more than `max` bytes or more than the entry declares. */
function extract(bytes: Uint8Array, entry: Entry, max: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const unzip = new Unzip((file) => {
    if (file.name !== entry.name) return;
    file.ondata = (error, chunk) => {
      if (error) throw error;
      total += chunk.length;
      if (total > max) throw new MusicXmlError('MUSICXML_TOO_LARGE', 'The score inside the .mxl is too large', { limit: 'uncompressed-size', max });
      if (total > entry.originalSize) throw new MusicXmlError('MXL_INVALID', 'An .mxl entry is larger than it declares', { entry: entry.name });
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += PIECE) unzip.push(bytes.subarray(at, at + PIECE), at + PIECE >= bytes.length);
  } catch (error) {
    if (error instanceof MusicXmlError) throw error;
    throw new MusicXmlError('MXL_INVALID', `Cannot inflate ${entry.name}`, { reason: String(error) });
  }
  return concat(chunks, total);
}

function rootfilePath(bytes: Uint8Array, entries: Entry[], warnings: string[]): string {
  const container = entries.find((e) => e.name === CONTAINER);
  if (container) {
    const root = parseXml(new TextDecoder().decode(extract(bytes, container, 1024 * 1024)));
    const rootfiles = childElements(root, 'rootfiles').flatMap((r) => childElements(r, 'rootfile'));
    const score = rootfiles.find((r) => (r.attrs['media-type'] ?? MUSICXML_MEDIA) === MUSICXML_MEDIA);
    const path = score?.attrs['full-path'];
    if (path) return path;
  }
  const guess = entries.find((e) => !e.name.startsWith('META-INF/') && /\.(xml|musicxml)$/i.test(e.name));
  if (!guess) throw new MusicXmlError('MXL_INVALID', 'The .mxl archive does not name a MusicXML score', {});
  warnings.push(`The .mxl archive has no usable ${CONTAINER}; read ${guess.name}.`);
  return guess.name;
}

/** The bytes of the score an .mxl archive holds. */
export function readMxl(bytes: Uint8Array, limits: ImportLimits): { bytes: Uint8Array; warnings: string[] } {
  const warnings: string[] = [];
  const entries = listEntries(bytes, limits);
  const path = rootfilePath(bytes, entries, warnings);
  const entry = entries.find((e) => e.name === path);
  if (!entry) throw new MusicXmlError('MXL_INVALID', `The .mxl archive names ${path}, which it does not hold`, { path });
  return { bytes: extract(bytes, entry, limits.maxBytes), warnings };
}

const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container>
  <rootfiles>
    <rootfile full-path="score.musicxml" media-type="${MUSICXML_MEDIA}"/>
  </rootfiles>
</container>
`;

/** A fixed time keeps the archive's bytes the same for the same score. */
const EPOCH = new Date(Date.UTC(1980, 0, 1));

/** An .mxl archive of one MusicXML text: the mimetype first and stored, as the format asks. */
export function writeMxl(xml: string): Uint8Array {
  return zipSync(
    {
      mimetype: [strToU8('application/vnd.recordare.musicxml'), { level: 0 }],
      [CONTAINER]: strToU8(CONTAINER_XML),
      'score.musicxml': strToU8(xml),
    },
    { level: 6, mtime: EPOCH },
  );
}
