/** An error the API itself raises (not the domain's, not the store's), with its status decided where it is thrown. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The one shape every error response has. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
