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

  /** `retryAfter`: the Retry-After header of a refused request, in seconds or as a date. */
  static fromBody(status: number, body: Partial<ErrorBody> | null, retryAfter?: string | null): ApiError {
    const code = (body?.code ?? null) as ErrorCode | null;
    const wait = retryAfterSeconds(retryAfter);
    const message = code === 'RATE_LIMITED' && wait !== null ? `Too many requests: try again ${inWords(wait)}.` : body?.message || fallbackMessage(code, status);
    return new ApiError(status, code, message, wait === null ? body?.details : { ...body?.details, retryAfterSeconds: wait });
  }
}

/** Seconds to wait from a Retry-After value (delay-seconds or an HTTP date), or null. */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function inWords(seconds: number): string {
  if (seconds <= 1) return 'in a second';
  if (seconds < 90) return `in ${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `in ${minutes} minutes`;
  return `at ${new Date(Date.now() + seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
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
    case 'ALREADY_APPEALED':
      return 'You have already appealed this decision.';
    case 'APPEAL_DECIDED':
      return 'This appeal has already been decided.';
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
    case 'REVISION_IN_PROGRESS':
      return 'Another revision of this article is being made. Reload it and try again.';
    case 'INTERNAL':
      return 'Something went wrong on the server. Try again shortly.';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}
