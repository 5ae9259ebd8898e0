export type ErrorCode = 'invalid' | 'not-found' | 'ambiguous' | 'forbidden' | 'conflict' | 'unavailable';

/** A failure the user can understand and act on. Anything that is not an AppError is a bug. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions & { readonly candidates?: readonly Candidate[] },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.candidates = options?.candidates ?? [];
  }
  readonly candidates: readonly Candidate[];
}

/** One of several things a name could mean; offered to the user to pick from. */
export interface Candidate {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
}
