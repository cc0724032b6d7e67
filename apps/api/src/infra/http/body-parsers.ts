import type { IncomingMessage } from 'node:http';
import { json, type RequestHandler } from 'express';
import type { AppConfig } from '../../config/app-config';
import { jsonDepthWithin } from './json-depth';

/** The one route that takes a large body: an article's text. */
const isImport = (req: IncomingMessage): boolean => req.method === 'POST' && (req.url ?? '').split('?')[0].replace(/\/+$/, '') === '/api/articles';

/**
 * JSON bodies: BODY_LIMIT_KB on every route, IMPORT_BODY_LIMIT_KB on the article import. A body
 * declared larger is refused (413) from its Content-Length before a byte is read, and one that turns
 * out larger as it streams is cut off there; a body nested deeper than JSON_MAX_DEPTH is refused (400)
 * before it is parsed. All this happens before routing, so it holds on unknown routes too.
 */
export function jsonBodyParser(config: Pick<AppConfig, 'BODY_LIMIT_KB' | 'IMPORT_BODY_LIMIT_KB' | 'JSON_MAX_DEPTH'>): RequestHandler {
  const verify = (_req: IncomingMessage, _res: unknown, body: Buffer): void => {
    if (!jsonDepthWithin(body, config.JSON_MAX_DEPTH)) throw Object.assign(new Error(`JSON nested deeper than ${config.JSON_MAX_DEPTH} levels`), { status: 400, type: 'entity.verify.failed' });
  };
  const small = json({ limit: config.BODY_LIMIT_KB * 1024, verify });
  const large = json({ limit: config.IMPORT_BODY_LIMIT_KB * 1024, verify });
  return (req, res, next) => {
    const limit = (isImport(req) ? config.IMPORT_BODY_LIMIT_KB : config.BODY_LIMIT_KB) * 1024;
    // body-parser would read (and drop) a body it refuses before answering; this answers at once and
    // closes the connection, so a client declaring 3 MB sends none of it.
    if (Number(req.headers['content-length']) > limit) {
      res.setHeader('Connection', 'close');
      return next(Object.assign(new Error('Request body too large'), { status: 413, type: 'entity.too.large' }));
    }
    return (limit > config.BODY_LIMIT_KB * 1024 ? large : small)(req, res, next);
  };
}
