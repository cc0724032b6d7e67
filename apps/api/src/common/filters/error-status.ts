import { ERROR_CODES, type ErrorCode } from '@agora/shared';

/** HTTP status of each domain error code; exhaustive, so a new code cannot be forgotten. */
export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case ERROR_CODES.VALIDATION:
    case ERROR_CODES.INVALID_ID:
    case ERROR_CODES.ARTICLE_INVALID:
      return 400;
    case ERROR_CODES.UNAUTHENTICATED:
    case ERROR_CODES.INVALID_CREDENTIALS:
      return 401;
    case ERROR_CODES.FORBIDDEN:
    case ERROR_CODES.SUSPENDED:
    case ERROR_CODES.BANNED:
    case ERROR_CODES.SELF_VOTE:
      return 403;
    case ERROR_CODES.NOT_FOUND:
      return 404;
    case ERROR_CODES.USERNAME_TAKEN:
    case ERROR_CODES.ALREADY_FLAGGED:
    case ERROR_CODES.ALREADY_APPEALED:
    case ERROR_CODES.APPEAL_DECIDED:
      return 409;
    case ERROR_CODES.WITHDRAWN:
    case ERROR_CODES.DUPLICATE:
    case ERROR_CODES.REVISION_IN_PROGRESS:
      return 409;
    case ERROR_CODES.PAYLOAD_TOO_LARGE:
      return 413;
    case ERROR_CODES.QUOTE_NOT_FOUND:
      return 422;
    case ERROR_CODES.LOCKED:
      return 423;
    case ERROR_CODES.RATE_LIMITED:
      return 429;
    case ERROR_CODES.INTERNAL:
      return 500;
    case ERROR_CODES.DATABASE_UNAVAILABLE:
      return 503;
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 409: 'Conflict', 413: 'Payload Too Large',
  415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 423: 'Locked', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};
export const reasonPhrase = (status: number): string => REASONS[status] ?? (status >= 500 ? 'Server Error' : 'Error');
