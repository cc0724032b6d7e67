/// <reference lib="dom" />
/**
 * What a writer is told, and what an edited argument shows, in Debian's Chromium against the real API
 * (issue 21, points 6 and 9), at desktop and phone sizes: links in a post open as marked outside links
 * showing their domain; the length limit is explained before it is reached and the button refuses past
 * it; the same text posted twice under one parent is refused with the server's reason; a rate limit
 * says when to try again (from Retry-After); an edited argument shows its earlier text on demand, and a
 * reader who rated it before the edit is told their rating was of an earlier version.
 */
import type { ArgumentNode, ArticleSummary, AuthResponse } from '@agora/shared';
import { MAX_NODE_TEXT } from '@agora/shared';
import type { Browser, Page } from 'playwright-core';
import { bearer, registerUser, startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { assertWebBuilt, launchChromium, openPage, screenshot, signedInContext } from './support/browser';

/** Per user and minute: few enough that one writer reaches it within a test. */
const POSTS_PER_MINUTE = 6;

describe('input and edit history in Chromium', () => {
  /** Served to the browser with a small write allowance. */
  let t: TestApp;
  /** On the same database, with the usual test allowances: accounts are registered here, as registration is limited per address too. */
  let accounts: TestApp;
  let browser: Browser;
  let articleId: string;
  const errors: string[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    accounts = await startTestApp();
    t = await startTestApp({ WRITE_RATE_LIMIT: String(POSTS_PER_MINUTE) }, { seed: false, mongoUri: accounts.config.mongoUri });
    const list = await t.http().get('/api/articles').expect(200);
    articleId = (list.body.items as ArticleSummary[])[0].id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await accounts?.close();
  });

  /** An argument by a fresh author, rated by `reader`, then edited by its author. */
  async function editedArgument(reader: AuthResponse, tag: string): Promise<ArgumentNode> {
    const author = await registerUser(accounts, `author_${tag}`);
    const node: ArgumentNode = (
      await t.http().post(`/api/articles/${articleId}/paragraphs/2/replies`).set(...bearer(author.token)).send({ type: 'rebuttal', text: `The report at https://example.org/report-${tag} says otherwise.` }).expect(201)
    ).body;
    await t.http().put(`/api/nodes/${node.id}/vote`).set(...bearer(reader.token)).send({ value: 4 }).expect(200);
    return (await t.http().patch(`/api/nodes/${node.id}`).set(...bearer(author.token)).send({ text: `The UN report at https://example.org/report-${tag} says otherwise, for 2006 at least.` }).expect(200)).body;
  }

  const threadOf = (page: Page, node: ArgumentNode) => page.goto(`${t.baseUrl}/articles/${node.articleId}/nodes/${node.id}`);

  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`shows an edited argument's earlier text and tells its earlier rater, with its link marked as outside (${size})`, async () => {
      const reader = await registerUser(accounts, `reader_${size}`);
      const node = await editedArgument(reader, size);
      const ctx = await signedInContext(browser, reader.token, viewport);
      const page = await openPage(ctx, `history-${size}`, errors);
      await threadOf(page, node);
      const article = page.locator(`article[data-node-id="${node.id}"]`).first();
      await article.waitFor();
      const link = article.getByRole('link', { name: /example\.org/ });
      expect(await link.getAttribute('href')).toBe(`https://example.org/report-${size}`);
      expect(await link.getAttribute('rel')).toMatch(/nofollow/);
      expect(await link.getAttribute('rel')).toMatch(/ugc/);
      expect(await link.getAttribute('rel')).toMatch(/noopener/);
      await article.getByRole('note').filter({ hasText: 'You rated an earlier version' }).waitFor();
      await article.getByRole('button', { name: /^edited/ }).click();
      const earlier = article.getByRole('region', { name: 'Earlier versions' });
      await earlier.getByText(`The report at https://example.org/report-${size} says otherwise.`).waitFor();
      await screenshot(page, `history-${size}`);
      await ctx.close();
    });

    it(`explains the length limit, refuses a repeat with the server's reason, and says when to try again (${size})`, async () => {
      const writer = await registerUser(accounts, `writer_${size}`);
      const target = (await t.http().post(`/api/articles/${articleId}/paragraphs/1/replies`).set(...bearer((await registerUser(accounts, `op_${size}`)).token)).send({ type: 'support', text: `Something to answer (${size}).` }).expect(201)).body as ArgumentNode;
      const ctx = await signedInContext(browser, writer.token, viewport);
      const page = await openPage(ctx, `input-${size}`, errors);
      await threadOf(page, target);
      const article = page.locator(`article[data-node-id="${target.id}"]`).first();
      await article.getByRole('button', { name: 'Reply', exact: true }).click();
      const form = page.getByRole('form', { name: /^Write a/ });
      await form.getByLabel('Support').check();
      const box = form.getByLabel('Your support');
      const post = form.getByRole('button', { name: 'Post support' });

      await box.fill('x'.repeat(MAX_NODE_TEXT - 10));
      await form.getByText(`10 characters left of ${MAX_NODE_TEXT}.`).waitFor();
      await box.fill('x'.repeat(MAX_NODE_TEXT + 3));
      await form.getByText(`3 characters too long: shorten it to post (the limit is ${MAX_NODE_TEXT}).`).waitFor();
      expect(await post.isDisabled()).toBe(true);

      const text = `The same point, made once (${size}).`;
      await box.fill(text);
      await post.click();
      await page.locator('article[data-node-id]').filter({ hasText: text }).first().waitFor();
      // The composer closed on success; the same text again under the same parent is refused with the server's reason.
      await article.getByRole('button', { name: 'Reply', exact: true }).click();
      await form.getByLabel('Support').check();
      await form.getByLabel('Your support').fill(text);
      await form.getByRole('button', { name: 'Post support' }).click();
      await form.getByText('You already posted this here').waitFor();
      // The text stays in the box: nothing was accepted.
      expect(await form.getByLabel('Your support').inputValue()).toBe(text);

      // Past the per-minute allowance, the message says when to try again.
      for (let i = 0; i < POSTS_PER_MINUTE; i++) await t.http().post(`/api/nodes/${target.id}/replies`).set(...bearer(writer.token)).send({ type: 'comment', text: `Filler ${i} (${size})?` });
      await form.getByLabel('Your support').fill(`A new point after the limit (${size}).`);
      await form.getByRole('button', { name: 'Post support' }).click();
      await form.getByText(/Too many requests: try again in \d+ (second|minute)/).waitFor();
      await screenshot(page, `input-${size}`);
      await ctx.close();
    });
  }

  it('raised no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
