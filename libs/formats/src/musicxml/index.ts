export { MusicXmlError, type MusicXmlErrorCode } from './errors';
export { DEFAULT_LIMITS, type ImportLimits } from './limits';
export { importMusicXml, type ImportMusicXmlOptions, type MusicXmlImport } from './import/import-musicxml';
export type { ImportWarning, SkippedElement } from './import/report';
export { exportMusicXml, exportMxl, type ExportMusicXmlOptions } from './export/export-musicxml';
