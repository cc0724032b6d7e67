/**
 * One list of error codes shared by the API (which maps them to HTTP statuses) and the web client
 * (which maps them to messages). Domain code throws `DomainError(code)`; nothing else knows HTTP.
 */
export const ERROR_CODES = {
  VALIDATION: 'VALIDATION',
  INVALID_ID: 'INVALID_ID',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  FORBIDDEN: 'FORBIDDEN',
  SUSPENDED: 'SUSPENDED',
  BANNED: 'BANNED',
  NOT_FOUND: 'NOT_FOUND',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  ALREADY_FLAGGED: 'ALREADY_FLAGGED',
  /** A decision is appealed once. */
  ALREADY_APPEALED: 'ALREADY_APPEALED',
  /** The appeal was decided meanwhile. */
  APPEAL_DECIDED: 'APPEAL_DECIDED',
  QUOTE_NOT_FOUND: 'QUOTE_NOT_FOUND',
  SELF_VOTE: 'SELF_VOTE',
  LOCKED: 'LOCKED',
  WITHDRAWN: 'WITHDRAWN',
  RATE_LIMITED: 'RATE_LIMITED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  ARTICLE_INVALID: 'ARTICLE_INVALID',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The same author posted the same text under the same parent within a day. */
  DUPLICATE: 'DUPLICATE',
  /** Another revision of the same article is being applied at this moment. */
  REVISION_IN_PROGRESS: 'REVISION_IN_PROGRESS',
  /** The server failed; nothing the client sent is to blame. */
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Extra facts a client may show, e.g. when a suspension ends. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}
