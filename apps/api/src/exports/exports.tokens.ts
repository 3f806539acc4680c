/** Injection tokens of the export module's ports. */
export const EXPORT_QUEUE = Symbol('EXPORT_QUEUE');
export const EXPORT_STORAGE = Symbol('EXPORT_STORAGE');
export const DOWNLOAD_SIGNER = Symbol('DOWNLOAD_SIGNER');
