import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDetail } from '@agora/shared';
import mongoose from 'mongoose';
import { projectRoot } from '../src/infra/database/project-root';
import { bearer, freshDatabaseUri, registerUser, startTestApp } from './support/test-app';

const seedText = (): string => readFileSync(join(projectRoot(), 'seeds', 'iraq-sectarianism.txt'), 'utf8');

/**
 * An article's text lives in article_texts, apart from the small article document that votes and
 * replies read.
 */
describe('article texts (e2e)', () => {
  const uri = freshDatabaseUri();
  let direct: mongoose.Connection;
  beforeAll(async () => {
    direct = await mongoose.createConnection(uri).asPromise();
  });
  afterAll(() => direct.close());

  it('keeps the text apart from the article, and serves the same article after a restart', async () => {
    const first = await startTestApp({}, { mongoUri: uri });
    const id = (await first.http().get('/api/articles').expect(200)).body.items[0].id as string;
    const before = (await first.http().get(`/api/articles/${id}`).expect(200)).body as ArticleDetail;
    await first.close();

    const _id = new mongoose.Types.ObjectId(id);
    const articles = direct.db!.collection('articles');
    const texts = direct.db!.collection('article_texts');
    const stored = await articles.findOne({ _id });
    expect(stored).not.toHaveProperty('source');
    expect(stored).not.toHaveProperty('paragraphs');
    const text = await texts.findOne({ _id });
    expect(text?.source).toBe(seedText());
    expect(text?.paragraphs).toHaveLength(before.paragraphs.length);

    // Served the same after a restart, and a reply quoting a paragraph finds its passage in the text.
    const second = await startTestApp({}, { mongoUri: uri, seed: false });
    try {
      expect((await second.http().get(`/api/articles/${id}`).expect(200)).body).toEqual(before);
      const reader = await registerUser(second, 'reader');
      const exact = before.paragraphs[2].sentences[0].text.slice(0, 40);
      const posted = await second.http().post(`/api/articles/${id}/paragraphs/2/replies`).set(...bearer(reader.token)).send({ type: 'support', text: 'Quoted from the stored text.', quote: { exact } });
      expect(posted.status).toBe(201);
      expect(posted.body.anchor).toMatchObject({ exact, start: 0 });
    } finally {
      await second.close();
    }
  }, 120_000);
});
