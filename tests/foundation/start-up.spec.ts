import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess, type ApiProcess } from '../support/api-process';

const READY = /Agora is ready at http:\/\/localhost:(\d+) \(database: embedded FerretDB, data in (\S+); seeds: 1 imported, 0 already present\)/;

async function waitForReady(api: ApiProcess): Promise<string> {
  for (let i = 0; i < 100 && !READY.test(api.output()); i++) await new Promise((r) => setTimeout(r, 100));
  return api.output();
}

/** What an operator sees at `npm start`: a few readable lines ending with where Agora is. */
describe('start-up output', () => {
  let api: ApiProcess | undefined;
  afterEach(async () => api?.stop());

  it('writes JSON lines with LOG_FORMAT=json, without Nest’s route mapping, and ends with the ready line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agora-start-json-'));
    api = await startApiProcess({ MONGODB_URI: '', DATA_DIR: dataDir, LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    const output = await waitForReady(api);
    const lines = output.split('\n').filter((l) => l.startsWith('{'));
    const records = lines.map((l) => JSON.parse(l) as { msg: string; context?: string });
    const ready = records.find((r) => READY.test(r.msg));
    expect(ready?.msg.match(READY)?.slice(1)).toEqual([String(api.port), dataDir]);
    expect(records.filter((r) => r.context === 'RouterExplorer' || r.context === 'InstanceLoader')).toEqual([]);
    expect(output).not.toMatch(/Mapped \{/);
    // Everything before the ready line fits on a screen.
    expect(output.split('\n').filter(Boolean).length).toBeLessThan(20);
  });

  it('pretty-prints with LOG_FORMAT=pretty', async () => {
    api = await startApiProcess({ MONGODB_URI: '', LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' });
    const output = await waitForReady(api);
    expect(output).toMatch(READY);
    expect(output).toMatch(/INFO.*\[Agora\] Agora is ready/);
    expect(output.split('\n').some((l) => l.startsWith('{'))).toBe(false);
  });
});
