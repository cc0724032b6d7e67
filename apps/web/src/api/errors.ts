import type { ErrorBody, ErrorCode } from '@agora/shared';

/** An error answer of the API, or a failure to reach it (code null). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | null,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromBody(status: number, body: Partial<ErrorBody> | null): ApiError {
    const code = (body?.code ?? null) as ErrorCode | null;
    return new ApiError(status, code, body?.message || fallbackMessage(code, status), body?.details);
  }
}

/** What to tell a person when the server gave no message of its own. */
export function fallbackMessage(code: ErrorCode | null, status = 0): string {
  if (code === null) return status === 0 ? 'Cannot reach the server. Check your connection and try again.' : `The server answered ${status}.`;
  switch (code) {
    case 'VALIDATION':
      return 'Some of what you entered is not valid.';
    case 'INVALID_ID':
      return 'That link is not valid.';
    case 'UNAUTHENTICATED':
      return 'Sign in to take part.';
    case 'INVALID_CREDENTIALS':
      return 'Wrong username or password.';
    case 'FORBIDDEN':
      return 'You are not allowed to do this.';
    case 'SUSPENDED':
      return 'Your account is suspended for now.';
    case 'BANNED':
      return 'Your account is banned.';
    case 'NOT_FOUND':
      return 'Not found: it may have been removed.';
    case 'USERNAME_TAKEN':
      return 'That username is taken.';
    case 'ALREADY_FLAGGED':
      return 'You have already flagged this.';
    case 'QUOTE_NOT_FOUND':
      return 'The quoted passage is no longer in the paragraph.';
    case 'SELF_VOTE':
      return 'You cannot vote on your own argument.';
    case 'LOCKED':
      return 'This discussion is locked.';
    case 'WITHDRAWN':
      return 'This argument was withdrawn.';
    case 'RATE_LIMITED':
      return 'Too many requests: wait a moment and try again.';
    case 'DATABASE_UNAVAILABLE':
      return 'The server is having trouble. Try again shortly.';
    case 'ARTICLE_INVALID':
      return 'The article could not be imported.';
    case 'PAYLOAD_TOO_LARGE':
      return 'That is too long.';
    case 'DUPLICATE':
      return 'You already posted this here. Edit your post instead of posting it again.';
    case 'INTERNAL':
      return 'Something went wrong on the server. Try again shortly.';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
