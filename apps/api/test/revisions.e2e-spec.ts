import { splitArticle, type ArgumentNode, type ArticleDetail, type AuthResponse, type OrphanView, type RevisionResult } from '@agora/shared';
import { readFileSync } from 'node:fs';
import { ArticlesRepository } from '../src/modules/articles/articles.repository';
import { SeedImporter } from '../src/modules/articles/seed-importer';
import { UsersRepository } from '../src/modules/users/users.repository';
import { connectLive, type LiveClient } from './support/live-client';
import { bearer, registerUser, startTestApp, type TestApp } from './support/test-app';

const BEFORE = `# Bridges and budgets

The city should rebuild the old river bridge this year. Its steel frame is badly corroded. Engineers found cracks in two of the main supports.

Traffic across the river has doubled since 1990. Commuters now lose almost an hour every day in queues. Local shops report fewer customers from the far bank.

Some council members say the cost is far too high. They prefer to repair the old bridge slowly. However, repairs would cost more over twenty years.

The ferry service could carry some of the traffic meanwhile. It runs every twenty minutes in summer.
`;

// The second paragraph reworded (one sentence changed, one replaced), the last deleted, one inserted.
const AFTER = `# Bridges and budgets

The city should rebuild the old river bridge this year. Its steel frame is badly corroded. Engineers found cracks in two of the main supports.

A public consultation on the plans will open in March. Residents can send their comments online.

Traffic across the river has doubled since 1990. Commuters now lose almost an hour every day in long queues. Buses are often late as a result.

Some council members say the cost is far too high. They prefer to repair the old bridge slowly. However, repairs would cost more over twenty years.
`;

describe('article revisions (e2e)', () => {
  let t: TestApp;
  let mod: AuthResponse, ann: AuthResponse, ben: AuthResponse;
  let article: ArticleDetail;
  const live: LiveClient[] = [];

  const reply = async (index: number, text: string, exact?: string, token = ann.token): Promise<ArgumentNode> =>
    (
      await t
        .http()
        .post(`/api/articles/${article.id}/paragraphs/${index}/replies`)
        .set(...bearer(token))
        .send({ type: 'rebuttal', text, ...(exact ? { quote: { exact } } : {}) })
        .expect(201)
    ).body as ArgumentNode;
  const node = async (id: string): Promise<ArgumentNode> => (await t.http().get(`/api/nodes/${id}`).set(...bearer(mod.token)).expect(200)).body as ArgumentNode;
  const sentenceNode = (a: ArticleDetail, startsWith: string): string => {
    const s = a.paragraphs.flatMap((p) => p.sentences).find((x) => x.text.startsWith(startsWith));
    if (!s?.nodeId) throw new Error(`no node for the sentence "${startsWith}"`);
    return s.nodeId;
  };

  beforeAll(async () => {
    t = await startTestApp();
    mod = await registerUser(t, 'mod');
    await t.app.get(UsersRepository).changeRole(mod.user.id, 'participant', 'moderator');
    mod = (await t.http().post('/api/auth/login').send({ username: mod.user.username, password: 'correct horse battery' }).expect(200)).body as AuthResponse;
    ann = await registerUser(t, 'ann');
    ben = await registerUser(t, 'ben');
    article = (await t.http().post('/api/articles').set(...bearer(mod.token)).send({ text: BEFORE }).expect(201)).body as ArticleDetail;
  });
  afterAll(async () => {
    live.forEach((c) => c.close());
    await t.close();
  });

  it('refuses non-moderators (403), strangers (401) and bad bodies (400), changing nothing', async () => {
    await t.http().post(`/api/articles/${article.id}/revisions`).set(...bearer(ann.token)).send({ text: AFTER }).expect(403);
    await t.http().post(`/api/articles/${article.id}/revisions`).send({ text: AFTER }).expect(401);
    for (const body of [{}, { text: '' }, { text: 42 }, { text: AFTER, extra: true }, { text: '\u0000\u0000 binary' }]) {
      const res = await t.http().post(`/api/articles/${article.id}/revisions`).set(...bearer(mod.token)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toEqual(expect.any(String));
    }
    await t.http().post('/api/articles/0123456789abcdef01234567/revisions').set(...bearer(mod.token)).send({ text: AFTER }).expect(404);
    await t.http().get(`/api/articles/${article.id}/orphans`).set(...bearer(ann.token)).expect(403);
    const versions = (await t.http().get(`/api/articles/${article.id}/revisions`).expect(200)).body.items;
    expect(versions).toEqual([expect.objectContaining({ revision: 0, current: true })]);
  });

  it('keeps every reply whose passage survives, orphans the rest, keeps the votes of surviving sentences and tells live readers', async () => {
    const kept = await reply(0, 'Corrosion is normal for its age.', 'badly corroded');
    const moved = await reply(1, 'An hour is an exaggeration.', 'lose almost an hour every day');
    const reworded = await reply(1, 'Queues are shorter in August.', 'lose almost an hour every day in queues');
    const wholeParagraph = await reply(1, 'Traffic is not the bridge’s fault.');
    const passageGone = await reply(1, 'Shops close for other reasons.', 'fewer customers from the far bank');
    const deletedQuoted = await reply(3, 'Not in winter.', 'every twenty minutes');
    const deletedWhole = await reply(3, 'The ferry is too small.');
    const beneathOrphan = (await t.http().post(`/api/nodes/${deletedWhole.id}/replies`).set(...bearer(ben.token)).send({ type: 'support', text: 'It carries ten cars.' }).expect(201)).body as ArgumentNode;

    const unchangedSentence = sentenceNode(article, 'They prefer to repair');
    const rewordedSentence = sentenceNode(article, 'Commuters now lose');
    await t.http().put(`/api/nodes/${unchangedSentence}/vote`).set(...bearer(ben.token)).send({ value: 5 }).expect(200);
    await t.http().put(`/api/nodes/${rewordedSentence}/vote`).set(...bearer(ben.token)).send({ value: 2 }).expect(200);

    // The search index is read before the revision, so that the test sees it read again after.
    await t.http().get('/api/search?q=queues').expect(200);
    const reader = await connectLive(t.baseUrl);
    live.push(reader);
    await reader.join(article.id);

    const result = (await t.http().post(`/api/articles/${article.id}/revisions`).set(...bearer(mod.token)).send({ text: AFTER }).expect(201)).body as RevisionResult;
    expect(result).toMatchObject({ revision: 1 });
    expect(result.orphanedIds).toEqual(expect.arrayContaining([passageGone.id, deletedQuoted.id, deletedWhole.id]));
    expect(result.orphanedIds).not.toEqual(expect.arrayContaining([kept.id]));
    for (const id of [moved.id, reworded.id, wholeParagraph.id]) expect(result.reanchoredIds).toContain(id);
    expect(result.orphaned).toBe(result.orphanedIds.length);
    expect(result.unchanged).toBeGreaterThan(0);
    expect(result.created).toBeGreaterThan(0);

    const revised = await reader.waitFor((e) => e.name === 'article:revised');
    expect(revised.payload).toMatchObject({ articleId: article.id, revision: 1, revisedAt: result.revisedAt });

    const after = (await t.http().get(`/api/articles/${article.id}`).expect(200)).body as ArticleDetail;
    expect(after.paragraphs.map((p) => p.text.slice(0, 20))).toEqual(['The city should rebu', 'A public consultatio', 'Traffic across the r', 'Some council members']);
    expect(after).toMatchObject({ revision: 1, revisedAt: result.revisedAt, paragraphCount: 4 });
    // The surviving paragraphs keep their claim nodes; the new one has its own.
    expect(after.paragraphs[0].nodeId).toBe(article.paragraphs[0].nodeId);
    expect(after.paragraphs[2].nodeId).toBe(article.paragraphs[1].nodeId);
    expect(after.paragraphs[3].nodeId).toBe(article.paragraphs[2].nodeId);
    expect(article.paragraphs.map((p) => p.nodeId)).not.toContain(after.paragraphs[1].nodeId);

    const keptNow = await node(kept.id);
    expect(keptNow).toMatchObject({ paragraphIndex: 0, anchor: { exact: 'badly corroded' } });
    expect(keptNow.orphaned).toBeUndefined();
    const movedNow = await node(moved.id);
    expect(movedNow.paragraphIndex).toBe(2);
    expect(after.paragraphs[2].text.slice(movedNow.anchor!.start, movedNow.anchor!.end)).toBe('lose almost an hour every day');
    const rewordedNow = await node(reworded.id);
    expect(rewordedNow.orphaned).toBeUndefined();
    expect(rewordedNow.anchor!.exact).toContain('lose almost an hour every day in');
    expect(after.paragraphs[2].text.slice(rewordedNow.anchor!.start, rewordedNow.anchor!.end)).toBe(rewordedNow.anchor!.exact);
    expect((await node(wholeParagraph.id)).paragraphIndex).toBe(2);
    for (const id of [passageGone.id, deletedQuoted.id, deletedWhole.id]) {
      const orphan = await node(id);
      expect(orphan.orphaned).toBe(true);
      // Still readable by anyone.
      expect((await t.http().get(`/api/nodes/${id}`).expect(200)).body.text).toBe(orphan.text);
    }
    // A reply beneath an orphan goes with it: still there, beneath it.
    expect((await node(beneathOrphan.id)).parentId).toBe(deletedWhole.id);

    // The article's sentences found again keep their nodes and votes.
    expect(sentenceNode(after, 'They prefer to repair')).toBe(unchangedSentence);
    expect(after.paragraphs[3].sentences.map((s) => s.role)).toEqual(article.paragraphs[2].sentences.map((s) => s.role));
    expect(sentenceNode(after, 'Commuters now lose')).toBe(rewordedSentence);
    expect((await node(unchangedSentence)).votes).toMatchObject({ count: 1, sum: 5 });
    expect((await node(rewordedSentence)).votes).toMatchObject({ count: 1, sum: 2 });
    expect((await node(rewordedSentence)).text).toBe('Commuters now lose almost an hour every day in long queues.');

    // Search finds the reworded sentence as it now reads.
    const search = (await t.http().get('/api/search?q=long%20queues').expect(200)).body.items as { id: string }[];
    expect(search.map((r) => r.id)).toContain(rewordedSentence);

    // Versions, dated, each text readable.
    const versions = (await t.http().get(`/api/articles/${article.id}/revisions`).expect(200)).body.items;
    expect(versions).toEqual([expect.objectContaining({ revision: 0, current: false }), expect.objectContaining({ revision: 1, current: true, createdAt: result.revisedAt })]);
    expect((await t.http().get(`/api/articles/${article.id}/revisions/0`).expect(200)).body).toMatchObject({ revision: 0, text: BEFORE });
    expect((await t.http().get(`/api/articles/${article.id}/revisions/1`).expect(200)).body.text).toBe(AFTER);
    await t.http().get(`/api/articles/${article.id}/revisions/2`).expect(404);

    // The orphans, with the passages they quoted.
    const orphans = (await t.http().get(`/api/articles/${article.id}/orphans`).set(...bearer(mod.token)).expect(200)).body.items as OrphanView[];
    expect(orphans.find((o) => o.node.id === deletedQuoted.id)).toMatchObject({ quote: 'every twenty minutes', formerParagraphIndex: 3, revision: 1 });
    expect(orphans.find((o) => o.node.id === passageGone.id)).toMatchObject({ quote: 'fewer customers from the far bank', formerParagraphIndex: 1 });
  });

  it('lets a moderator attach an orphan to a new passage, with what is beneath it', async () => {
    const orphans = (await t.http().get(`/api/articles/${article.id}/orphans`).set(...bearer(mod.token)).expect(200)).body.items as OrphanView[];
    const whole = orphans.find((o) => o.node.text === 'The ferry is too small.')!;
    await t.http().post(`/api/articles/${article.id}/orphans/${whole.node.id}/attach`).set(...bearer(ann.token)).send({ paragraphIndex: 1 }).expect(403);
    await t.http().post(`/api/articles/${article.id}/orphans/${whole.node.id}/attach`).set(...bearer(mod.token)).send({ paragraphIndex: 1, quote: { exact: 'not in the text' } }).expect(422);
    await t.http().post(`/api/articles/${article.id}/orphans/${whole.node.id}/attach`).set(...bearer(mod.token)).send({ paragraphIndex: 'one' }).expect(400);
    const attached = (
      await t.http().post(`/api/articles/${article.id}/orphans/${whole.node.id}/attach`).set(...bearer(mod.token)).send({ paragraphIndex: 1, quote: { exact: 'public consultation' } }).expect(200)
    ).body as ArgumentNode;
    const detail = (await t.http().get(`/api/articles/${article.id}`).expect(200)).body as ArticleDetail;
    expect(attached).toMatchObject({ parentId: detail.paragraphs[1].nodeId, paragraphIndex: 1, depth: 2, anchor: { exact: 'public consultation' } });
    expect(attached.orphaned).toBeUndefined();
    const child = (await t.http().get(`/api/nodes/${whole.node.id}/children`).expect(200)).body.items as ArgumentNode[];
    expect(child).toEqual([expect.objectContaining({ text: 'It carries ten cars.', depth: 3, paragraphIndex: 1, ancestors: [detail.rootNodeId, detail.paragraphs[1].nodeId, whole.node.id] })]);
    const left = (await t.http().get(`/api/articles/${article.id}/orphans`).set(...bearer(mod.token)).expect(200)).body.items as OrphanView[];
    expect(left.map((o) => o.node.id)).not.toContain(whole.node.id);
    await t.http().post(`/api/articles/${article.id}/orphans/${whole.node.id}/attach`).set(...bearer(mod.token)).send({ paragraphIndex: 1 }).expect(404);
  });

  it('anchors a new reply by the same scoring: of repeats, the one whose prefix fits best', async () => {
    const text = '# Repeats\n\nWe had everything before us, we had nothing before us. That was the age.\n';
    const repeats = (await t.http().post('/api/articles').set(...bearer(mod.token)).send({ text }).expect(201)).body as ArticleDetail;
    const res = await t
      .http()
      .post(`/api/articles/${repeats.id}/paragraphs/0/replies`)
      .set(...bearer(ann.token))
      .send({ type: 'support', text: 'Dickens, of course.', quote: { exact: 'before us', prefix: 'we had nout' } })
      .expect(201);
    expect(res.body.anchor.start).toBe(repeats.paragraphs[0].text.lastIndexOf('before us'));
  });

  it('leaves the seed article as split, and a revision with its own text changes nothing', async () => {
    const seedId = (await t.http().get('/api/articles').expect(200)).body.items.find((a: { title: string }) => a.title !== 'Bridges and budgets' && a.title !== 'Repeats').id as string;
    const seed = (await t.http().get(`/api/articles/${seedId}`).expect(200)).body as ArticleDetail;
    const source = (await t.app.get(ArticlesRepository).findStoredText(seedId))!.source;
    const seeds = t.app.get(SeedImporter);
    expect(seeds.seedFiles().map((f) => readFileSync(f, 'utf8'))).toContain(source);
    expect(seed.paragraphs.map((p) => p.sentences.map((s) => s.text))).toEqual(splitArticle(source).paragraphs.map((p) => p.sentences.map((s) => s.text)));
    const result = (await t.http().post(`/api/articles/${seedId}/revisions`).set(...bearer(mod.token)).send({ text: source }).expect(201)).body as RevisionResult;
    expect(result).toMatchObject({ reanchored: 0, orphaned: 0, created: 0 });
    const again = (await t.http().get(`/api/articles/${seedId}`).expect(200)).body as ArticleDetail;
    expect(again.paragraphs.map((p) => [p.nodeId, p.sentences.map((s) => [s.text, s.role, s.nodeId])])).toEqual(seed.paragraphs.map((p) => [p.nodeId, p.sentences.map((s) => [s.text, s.role, s.nodeId])]));
  });
});
