import { DomainError, type DomainErrorKind } from '@bandpro/domain';

/**
 * Why a file could not be imported at all. A file is either imported whole (with what was skipped
 * reported) or refused with one of these codes: never half a score.
 */
export type MusicXmlErrorCode =
  /** Not well-formed XML, not a MusicXML score, or bytes that are not text in the declared encoding. */
  | 'MUSICXML_INVALID'
  /** Over a size limit: the input, the text inside an .mxl, its compression ratio or its entry count. */
  | 'MUSICXML_TOO_LARGE'
  /** Well formed but refused: entity declarations, an opus, an unknown encoding, more than the model holds. */
  | 'MUSICXML_UNSUPPORTED'
  /** A compressed .mxl that is not a readable zip or does not say where its score is. */
  | 'MXL_INVALID'
  /** An export asked for parts the score does not have. */
  | 'MUSICXML_PART_NOT_FOUND';

/** A bad upload is invalid input (400); asking to export a part that is not there is not-found (404). */
export class MusicXmlError extends DomainError {
  readonly kind: DomainErrorKind;

  constructor(
    override readonly code: MusicXmlErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(code, message, details);
    this.kind = code === 'MUSICXML_PART_NOT_FOUND' ? 'not-found' : 'invalid';
  }
}
