/// <reference lib="dom" />
/**
 * Article revisions in Debian's Chromium against the real API: a reader with the article open sees it
 * reload when a moderator revises it, with the revision's date and, on demand, a word-level diff
 * rendered as text; a moderator finds the reply the revision orphaned on the Orphans tab and attaches
 * it to a paragraph of the new text.
 */
import type { ArticleDetail, AuthResponse } from '@agora/shared';
import type { Browser } from 'playwright-core';
import { UsersRepository } from '../../apps/api/src/modules/users/users.repository';
import { bearer, registerUser, startTestApp, TEST_PASSWORD, type TestApp } from '../../apps/api/test/support/test-app';
import { assertWebBuilt, launchChromium, openPage, screenshot, signedInContext } from './support/browser';

const BEFORE = `# Bridges and budgets

The city should rebuild the old river bridge this year. Its steel frame is badly corroded.

Traffic across the river has doubled since 1990. Commuters now lose almost an hour every day in queues.

The ferry service could carry some of the traffic meanwhile. It runs every twenty minutes in summer.
`;

const AFTER = `# Bridges and budgets

The city should rebuild the old river bridge this year. Its steel frame is badly corroded.

Traffic across the river has doubled since 1990. Commuters now lose almost an hour every day in long queues. <b>Buses</b> are late.
`;

describe('article revisions in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let mod: AuthResponse, ann: AuthResponse;
  let article: ArticleDetail;
  const errors: string[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    t = await startTestApp();
    const registered = await registerUser(t, 'mod');
    await t.app.get(UsersRepository).changeRole(registered.user.id, 'participant', 'moderator');
    mod = (await t.http().post('/api/auth/login').send({ username: registered.user.username, password: TEST_PASSWORD }).expect(200)).body;
    ann = await registerUser(t, 'ann');
    article = (await t.http().post('/api/articles').set(...bearer(mod.token)).send({ text: BEFORE }).expect(201)).body;
    await t.http().post(`/api/articles/${article.id}/paragraphs/2/replies`).set(...bearer(ann.token)).send({ type: 'rebuttal', text: 'The ferry stops in winter.', quote: { exact: 'every twenty minutes' } }).expect(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('reloads an open article when it is revised, and shows the date and what changed', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openPage(ctx, 'reader', errors);
    await page.goto(`${t.baseUrl}/articles/${article.id}`);
    await page.getByRole('heading', { level: 1, name: 'Bridges and budgets' }).waitFor();
    await page.getByText('The ferry service could carry').waitFor();
    expect(await page.getByText(/Revised on/).count()).toBe(0);
    // The page's socket must be in the article's room before the revision is made.
    await page.getByText(/^Live/).first().waitFor();

    await t.http().post(`/api/articles/${article.id}/revisions`).set(...bearer(mod.token)).send({ text: AFTER }).expect(201);

    // No navigation: the live event has the page read the article again.
    await page.getByText(/Revised on/).waitFor();
    await page.getByText('The ferry service could carry').waitFor({ state: 'detached' });
    expect(await page.getByText(/Buses/).first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'What changed' }).click();
    const diff = page.getByTestId('text-diff');
    await diff.waitFor();
    expect(await diff.locator('ins').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('long')]));
    expect((await diff.locator('del').allInnerTexts()).join(' ')).toContain('ferry');
    // The inserted markup is text, never HTML.
    expect(await diff.locator('b').count()).toBe(0);
    expect(await diff.innerText()).toContain('<b>Buses</b>');
    await screenshot(page, 'revision-diff');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('lists the orphaned reply on the moderators’ Orphans tab and attaches it to a new paragraph', async () => {
    const ctx = await signedInContext(browser, mod.token);
    const page = await openPage(ctx, 'moderator', errors);
    await page.goto(`${t.baseUrl}/moderation`);
    await page.getByRole('tab', { name: 'Orphans' }).click();
    const card = page.locator('li', { hasText: 'The ferry stops in winter.' });
    await card.waitFor();
    expect(await card.innerText()).toContain('“every twenty minutes”');
    await card.getByRole('combobox', { name: 'Paragraph' }).selectOption('1');
    await card.getByRole('textbox', { name: 'Passage (optional)' }).fill('long queues');
    await card.getByRole('button', { name: 'Attach' }).click();
    // The deleted paragraph's own sentences stay orphans; the reply leaves the list.
    await card.waitFor({ state: 'detached' });
    expect(await page.locator('li', { hasText: 'The ferry service could carry' }).count()).toBeGreaterThan(0);

    const detail = (await t.http().get(`/api/articles/${article.id}`).expect(200)).body as ArticleDetail;
    const children = (await t.http().get(`/api/nodes/${detail.paragraphs[1].nodeId}/children`).expect(200)).body.items as { text: string; anchor: { exact: string } | null; orphaned?: boolean }[];
    expect(children.find((c) => c.text === 'The ferry stops in winter.')).toMatchObject({ anchor: { exact: 'long queues' } });
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
