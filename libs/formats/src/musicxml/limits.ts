/** Limits that keep a hostile upload from exhausting memory or CPU. */
export interface ImportLimits {
  /** Largest input, and largest MusicXML text inside an .mxl, in bytes. */
  maxBytes: number;
  /** Largest uncompressed / compressed size of any .mxl entry (MusicXML compresses about 20:1). */
  maxCompressionRatio: number;
  /** Most entries an .mxl may list. */
  maxZipEntries: number;
}

export const DEFAULT_LIMITS: ImportLimits = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 200,
});
