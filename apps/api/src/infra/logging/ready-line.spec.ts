import type { SeedOutcome } from '../../modules/articles/seed-importer';
import { readyLine, redactedUri } from './ready-line';

const seed = (status: SeedOutcome['status']): SeedOutcome => ({ file: `/seeds/${status}.md`, status });

describe('readyLine', () => {
  it('names the address, the embedded database and what the seed import did', () => {
    const sut = readyLine({ port: 3000, embeddedDataDir: '/srv/agora/.data', mongoUri: 'mongodb://127.0.0.1:4000/agora', seeds: [seed('imported'), seed('unchanged'), seed('unchanged')] });
    expect(sut).toBe('Agora is ready at http://localhost:3000 (database: embedded FerretDB, data in /srv/agora/.data; seeds: 1 imported, 2 already present)');
  });

  it('names a given MongoDB without its password, and failed seeds', () => {
    const sut = readyLine({ port: 8080, embeddedDataDir: null, mongoUri: 'mongodb://agora:secret@db:27017/agora', seeds: [seed('failed')] });
    expect(sut).toContain('database: MongoDB at mongodb://agora:***@db:27017/agora');
    expect(sut).not.toContain('secret');
    expect(sut).toContain('1 failed');
  });

  it('says when there was nothing to seed', () => {
    expect(readyLine({ port: 1, embeddedDataDir: '/d', mongoUri: 'mongodb://x/y', seeds: [] })).toContain('no seed files');
  });
});

describe('redactedUri', () => {
  it('leaves a URI without credentials alone', () => {
    expect(redactedUri('mongodb+srv://cluster.example/agora')).toBe('mongodb+srv://cluster.example/agora');
  });
});
