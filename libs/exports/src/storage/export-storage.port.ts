import type { RenderedExport } from '../render/render-export';

/** Where a finished export lives, and how it is offered for download. */
export interface StoredExport {
  key: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface ExportStorage {
  put(key: string, file: RenderedExport): Promise<StoredExport>;
  /** A URL that fetches the file for `ttlSeconds`, then stops working. */
  downloadUrl(stored: StoredExport, ttlSeconds: number): Promise<string>;
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 one (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
