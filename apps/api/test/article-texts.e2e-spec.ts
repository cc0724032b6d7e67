import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDetail } from '@agora/shared';
import mongoose from 'mongoose';
import { projectRoot } from '../src/infra/database/project-root';
import { bearer, freshDatabaseUri, registerUser, startTestApp } from './support/test-app';

const seedText = (): string => readFileSync(join(projectRoot(), 'seeds', 'iraq-sectarianism.txt'), 'utf8');

/**
 * An article's text lives in article_texts, apart from the small article document that votes and
 * replies read and update; articles stored with their text inline are moved at the next start.
 */
describe('article texts (e2e)', () => {
  const uri = freshDatabaseUri();
  let direct: mongoose.Connection;
  beforeAll(async () => {
    direct = await mongoose.createConnection(uri).asPromise();
  });
  afterAll(() => direct.close());

  it('keeps the text apart, and moves an inline text out at the next start with nothing lost', async () => {
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

    // As stored before texts had their own collection.
    await articles.updateOne({ _id }, { $set: { source: text!.source, paragraphs: text!.paragraphs } });
    await texts.deleteOne({ _id });

    const second = await startTestApp({}, { mongoUri: uri, seed: false });
    try {
      expect(await articles.findOne({ _id })).not.toHaveProperty('paragraphs');
      expect((await texts.findOne({ _id }))?.source).toBe(seedText());
      const after = (await second.http().get(`/api/articles/${id}`).expect(200)).body as ArticleDetail;
      expect(after).toEqual(before);
      // A reply quoting a paragraph finds the passage in the moved text.
      const reader = await registerUser(second, 'reader');
      const exact = before.paragraphs[2].sentences[0].text.slice(0, 40);
      const posted = await second.http().post(`/api/articles/${id}/paragraphs/2/replies`).set(...bearer(reader.token)).send({ type: 'support', text: 'Quoted from the moved text.', quote: { exact } });
      expect(posted.status).toBe(201);
      expect(posted.body.anchor).toMatchObject({ exact, start: 0 });
    } finally {
      await second.close();
    }
  }, 120_000);
});
