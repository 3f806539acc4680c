import { isDomainError } from '@bandpro/domain';

/** An export that can never succeed as asked (retrying it would give the same answer). */
export class ExportRequestError extends Error {
  constructor(
    readonly code: 'EXPORT_PART_NOT_FOUND' | 'EXPORT_SCORE_NOT_FOUND' | 'EXPORT_REQUEST_INVALID',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ExportRequestError';
  }
}

/**
 * Whether retrying could ever help: not for a request that cannot succeed, nor for a domain error (the score
 * at that version breaks a rule of the format, e.g. RENDER_FAILED when Verovio cannot engrave it): the same
 * version gives the same answer every time. Anything else (disk, Redis, a crash) may pass.
 */
export function cannotSucceed(error: unknown): boolean {
  return error instanceof ExportRequestError || isDomainError(error);
}

/** The code recorded for a failed export: the error's own when it has one, else a generic one. */
export function errorCodeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : 'EXPORT_FAILED';
}

/** BullMQ keeps only a failed job's message, so the code travels at its front: "CODE: message". */
export function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${errorCodeOf(error)}: ${message}`;
}

export function codeOfFailureMessage(message: string | undefined): string {
  const match = /^([A-Z][A-Z0-9_]*): /.exec(message ?? '');
  return match ? match[1] : 'EXPORT_FAILED';
}
