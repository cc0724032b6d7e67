import { parse as parseCookie } from 'cookie';
import type { Request } from 'express';

/**
 * The session cookie: httpOnly (no script reads it, so an injected one cannot carry it off), SameSite
 * strict (no other site's page sends it), Secure over HTTPS, and sent only to the auth routes.
 */
export const SESSION_COOKIE = 'agora_session';
export const SESSION_PATH = '/api/auth';

export const sessionOf = (req: Pick<Request, 'headers'>): string | undefined => parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
