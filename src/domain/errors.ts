export type ErrorCode = 'invalid' | 'not-found' | 'ambiguous' | 'forbidden' | 'conflict' | 'unavailable';

/** A failure the user can understand and act on. Anything that is not an AppError is a bug. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions & { readonly candidates?: readonly Candidate[]; readonly subject?: 'person' | 'mailbox' },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.candidates = options?.candidates ?? [];
    this.subject = options?.subject;
  }
  /** For 'ambiguous': what the user may pick from. */
  readonly candidates: readonly Candidate[];
  /** For 'ambiguous': which part of the command the candidates stand for. */
  readonly subject: 'person' | 'mailbox' | undefined;
}

/** One of several things a name could mean; offered to the user to pick from. */
export interface Candidate {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
}
