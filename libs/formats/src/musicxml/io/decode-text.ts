import { MusicXmlError } from '../errors';

/*
 * XML text from bytes: a byte-order mark decides (UTF-8, UTF-16 LE/BE), then the bytes of '<?' in UTF-16
 * without a mark, then the encoding the XML declaration names. Files that say UTF-8 but are not (old
 * Latin-1 exports) are read as Windows-1252 with a warning rather than refused.
 */

export interface DecodedText {
  text: string;
  warnings: string[];
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const match = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match?.[1].toLowerCase();
}

function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0x3c && bytes[1] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c) return 'utf-16be';
  return undefined;
}

function decoderFor(label: string) {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    throw new MusicXmlError('MUSICXML_UNSUPPORTED', `Unknown text encoding "${label}"`, { encoding: label });
  }
}

function decodeWith(label: string, bytes: Uint8Array, warnings: string[]): string {
  try {
    return decoderFor(label).decode(bytes);
  } catch (error) {
    if (error instanceof MusicXmlError) throw error;
    if (label === 'utf-8' || label === 'utf8') {
      warnings.push('The file is not valid UTF-8; it was read as Windows-1252 (Latin-1).');
      return new TextDecoder('windows-1252').decode(bytes);
    }
    throw new MusicXmlError('MUSICXML_INVALID', `The file is not valid ${label} text`, { encoding: label });
  }
}

/** The label to decode with and how many BOM bytes to drop. */
function encodingOf(bytes: Uint8Array): { label: string; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  const wide = utf16Without(bytes);
  if (wide) return { label: wide, skip: 0 };
  const declared = declaredEncoding(bytes) ?? 'utf-8';
  // A declaration of UTF-16 on single-byte text (no mark, no zero bytes) is a mislabel: read it as UTF-8.
  return { label: declared.startsWith('utf-16') ? 'utf-8' : declared, skip: 0 };
}

export function decodeXmlBytes(bytes: Uint8Array): DecodedText {
  const warnings: string[] = [];
  const { label, skip } = encodingOf(bytes);
  const text = decodeWith(label, bytes.subarray(skip), warnings);
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, warnings };
}
