import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@agora/shared';
import { reasonPhrase, statusForCode } from '../common/filters/error-status';
import { OPERATIONS, type Access, type OperationDoc } from './operations';

type Operation = Record<string, unknown> & { operationId?: string; parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, Record<string, unknown>> } };

/** The one error shape (ErrorBody in libs/shared), as every 4xx and 5xx answer carries it. */
const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', description: 'The HTTP status, repeated.' },
    error: { type: 'string', description: 'The status’s reason phrase.' },
    code: { type: 'string', enum: Object.values(ERROR_CODES), description: 'What went wrong, for a program: clients map it to a message.' },
    message: { type: 'string', description: 'What went wrong, for a person.' },
    details: { type: 'object', additionalProperties: true, description: 'Extra facts a client may show, such as when a suspension ends.' },
  },
} as const;

const ACCESS_ERRORS: Record<Access, ErrorCode[]> = {
  none: [],
  // A token, when sent, must be valid even where none is needed.
  anyone: [ERROR_CODES.UNAUTHENTICATED],
  'signed-in': [ERROR_CODES.UNAUTHENTICATED],
  moderator: [ERROR_CODES.UNAUTHENTICATED, ERROR_CODES.FORBIDDEN],
  admin: [ERROR_CODES.UNAUTHENTICATED, ERROR_CODES.FORBIDDEN],
};

const ACCESS_TEXT: Record<Access, string> = {
  none: 'No authentication.',
  anyone: 'Anyone; a signed-in caller (bearer token) may see more of their own.',
  'signed-in': 'A signed-in user (bearer token).',
  moderator: 'A moderator or admin (bearer token).',
  admin: 'An admin (bearer token).',
};

/** The error codes an operation can answer with: from its parameters, body, access and limits, and its own. */
export function errorCodesFor(op: Operation, doc: OperationDoc): ErrorCode[] {
  const codes = new Set<ErrorCode>(ACCESS_ERRORS[doc.access]);
  const params = op.parameters ?? [];
  if (params.some((p) => p.in === 'path' && p.name === 'id')) codes.add(ERROR_CODES.INVALID_ID).add(ERROR_CODES.NOT_FOUND);
  if (params.length > 0 || op.requestBody) codes.add(ERROR_CODES.VALIDATION);
  if (op.requestBody) codes.add(ERROR_CODES.PAYLOAD_TOO_LARGE);
  if (doc.throttled) codes.add(ERROR_CODES.RATE_LIMITED);
  for (const code of doc.errors ?? []) codes.add(code);
  if (!doc.databaseOptional) codes.add(ERROR_CODES.DATABASE_UNAVAILABLE);
  return [...codes];
}

function errorResponses(codes: ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(statusForCode(code), [...(byStatus.get(statusForCode(code)) ?? []), code]);
  const responses: Record<string, unknown> = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    const example: ErrorBody = { statusCode: status, error: reasonPhrase(status), code: group[0], message: `An example ${group[0]} error.` };
    responses[String(status)] = {
      description: `${reasonPhrase(status)}: ${group.join(', ')}.${status === 429 ? ' Retry-After says when to try again.' : ''}`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' }, example } },
    };
  }
  return responses;
}

/**
 * Completes the generated document from OPERATIONS: summary, description, who may call, security,
 * request and response examples, and the error answers in the shared shape. An operation OPERATIONS
 * does not describe is left as generated, and the OpenAPI test names it.
 */
export function documentOperations(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY_SCHEMA as never } };
  for (const methods of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(methods)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
      const op = value as Operation;
      const doc = op.operationId ? OPERATIONS[op.operationId] : undefined;
      if (!doc) continue;
      op.summary = doc.summary;
      op.description = `${doc.description}\n\n**Who:** ${ACCESS_TEXT[doc.access]}${doc.throttled ? ' Rate-limited (WRITE_RATE_LIMIT).' : ''}`;
      op.security = doc.access === 'none' ? [] : doc.access === 'anyone' ? [{}, { bearer: [] }] : [{ bearer: [] }];
      const json = op.requestBody?.content?.['application/json'];
      if (json && doc.request !== undefined) json.example = doc.request;
      const responses = (op.responses ?? {}) as Record<string, { description?: string; content?: unknown }>;
      for (const [status, response] of Object.entries(responses)) {
        if (!status.startsWith('2')) continue;
        response.description = response.description || doc.summary;
        response.content = { 'application/json': { example: doc.response } };
      }
      const others = Object.fromEntries(Object.entries(doc.otherResponses ?? {}).map(([status, o]) => [status, { description: o.description, content: { 'application/json': { example: o.example } } }]));
      op.responses = { ...responses, ...errorResponses(errorCodesFor(op, doc)), ...others };
    }
  }
  return document;
}
