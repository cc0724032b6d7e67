import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OPERATIONS } from '../src/openapi/operations';
import { startTestApp, type TestApp } from './support/test-app';

const ROOT = resolve(__dirname, '..', '..', '..');

interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown; schema?: { $ref?: string } }> }>;
}

describe('the OpenAPI document at /api/docs-json', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp({}, { seed: false });
    document = (await t.http().get('/api/docs-json').expect(200)).body;
    operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
  });
  afterAll(async () => t.close());

  it('describes every route in apps/api/src/openapi/operations.ts', () => {
    expect(operations.map((op) => op.operationId).filter((id) => !OPERATIONS[id])).toEqual([]);
  });

  it('gives every operation a summary, a description and examples of what it takes and returns', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    for (const op of operations) {
      expect({ op: op.operationId, summary: !!op.summary, description: !!op.description }).toEqual({ op: op.operationId, summary: true, description: true });
      if (op.requestBody) expect({ op: op.operationId, example: op.requestBody.content['application/json']?.example !== undefined }).toEqual({ op: op.operationId, example: true });
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(success.length).toBeGreaterThan(0);
      for (const [, response] of success) expect(response.content?.['application/json']?.example).toBeDefined();
    }
  });

  it('documents every operation’s errors in the shared error shape', () => {
    expect(document.components.schemas.ErrorBody).toMatchObject({ required: ['statusCode', 'error', 'code', 'message'] });
    for (const op of operations) {
      const errors = Object.entries(op.responses).filter(([status]) => /^[45]/.test(status));
      expect({ op: op.operationId, has4xx: errors.some(([status]) => status.startsWith('4')) }).toEqual({ op: op.operationId, has4xx: true });
      for (const [, response] of errors.filter(([status]) => status !== '503' || op.operationId !== 'HealthController_check')) {
        expect(response.content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/ErrorBody');
      }
    }
  });

  it('passes the Redocly linter (redocly.yaml) without errors', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'agora-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const lint = spawnSync(join(ROOT, 'node_modules', '.bin', 'redocly'), ['lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'summary'], {
      cwd: ROOT,
      encoding: 'utf8',
      // Redocly CLI reports usage to its makers unless told not to: Agora sends nothing anywhere.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    expect({ status: lint.status, output: lint.status === 0 ? '' : lint.stdout + lint.stderr }).toEqual({ status: 0, output: '' });
  });
});
