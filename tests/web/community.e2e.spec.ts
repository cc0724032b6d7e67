/// <reference lib="dom" />
/**
 * Notifications, profiles and search in Debian's Chromium against the real API: a reply to the
 * reader's argument reaches their header live and their notifications page, which marks it read; a
 * profile lists a reader's arguments as text; the header's search finds an argument and opens its
 * thread. Desktop and phone sizes.
 */
import type { ArgumentNode, ArticleSummary, AuthResponse } from '@agora/shared';
import type { Browser } from 'playwright-core';
import { LiveGateway } from '../../apps/api/src/modules/live/live.gateway';
import { bearer, registerUser, startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { assertWebBuilt, launchChromium, openPage, screenshot, signedInContext } from './support/browser';

describe('notifications, profiles and search in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let ann: AuthResponse, ben: AuthResponse;
  let articleId: string;
  let annNode: ArgumentNode;
  const errors: string[] = [];
  const hostile = '<img src=x onerror="window.__pwned=1"> militias coordinated';

  beforeAll(async () => {
    assertWebBuilt();
    t = await startTestApp();
    ann = await registerUser(t, 'ann');
    ben = await registerUser(t, 'ben');
    const list = await t.http().get('/api/articles').expect(200);
    articleId = (list.body.items as ArticleSummary[])[0].id;
    annNode = (await t.http().post(`/api/articles/${articleId}/paragraphs/2/replies`).set(...bearer(ann.token)).send({ type: 'rebuttal', text: hostile }).expect(201)).body;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a reply to the reader’s argument live in the header, lists it, and marks it read', async () => {
    const ctx = await signedInContext(browser, ann.token);
    const page = await openPage(ctx, 'ann', errors);
    await page.goto(`${t.baseUrl}/`);
    const link = page.getByRole('link', { name: /^Notifications/ });
    await link.waitFor();
    expect(await page.getByTestId('unread-count').count()).toBe(0);
    // The page's socket joins the reader's own room once its token is checked.
    const rooms = t.app.get(LiveGateway).namespace.adapter.rooms;
    for (let waited = 0; !rooms.get(`user:${ann.user.id}`)?.size; waited += 50) {
      if (waited > 10_000) throw new Error('the page never joined its reader’s room');
      await page.waitForTimeout(50);
    }
    await t.http().post(`/api/nodes/${annNode.id}/replies`).set(...bearer(ben.token)).send({ type: 'support', text: 'Coordination is documented by the UN mission.' }).expect(201);
    await page.getByTestId('unread-count').filter({ hasText: '(1)' }).waitFor({ timeout: 5000 });
    expect(await link.getAttribute('aria-label')).toBe('Notifications, 1 unread');

    await link.click();
    const item = page.locator('li[data-kind="reply"]');
    await item.waitFor();
    expect(await item.innerText()).toContain(ben.user.username);
    expect(await item.innerText()).toContain('Coordination is documented');
    expect(await page.title()).toBe('Notifications (1) · Agora');
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByTestId('unread-count').waitFor({ state: 'detached', timeout: 5000 });
    await screenshot(page, 'notifications-desktop');
    // The item opens its thread.
    await item.getByRole('link', { name: 'Open the thread' }).click();
    await page.waitForURL(/\/nodes\//);
    await ctx.close();
  });

  it('shows a profile on a phone, hostile text as text', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await openPage(ctx, 'phone', errors);
    await page.goto(`${t.baseUrl}/u/${ann.user.username}`);
    await page.getByRole('heading', { name: ann.user.username }).waitFor();
    const list = page.getByRole('list', { name: `Arguments by ${ann.user.username}` });
    expect(await list.innerText()).toContain(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.title()).toBe(`${ann.user.username} · Agora`);
    await screenshot(page, 'profile-phone');
    await ctx.close();
  });

  it('finds an argument from the header’s search and opens its thread', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openPage(ctx, 'searcher', errors);
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('searchbox', { name: 'Search articles and arguments' }).fill('militias coordinated');
    await page.keyboard.press('Enter');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    const hit = results.getByRole('link', { name: /militias coordinated/ });
    await hit.click();
    await page.waitForURL(new RegExp(`/nodes/${annNode.id}$`));
    await page.locator(`[data-node-id="${annNode.id}"]`).first().waitFor();
    await ctx.close();
  });

  it('shows a reply posted through the inline sign-in at once, without a reload', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openPage(ctx, 'newcomer', errors);
    await page.goto(`${t.baseUrl}/articles/${articleId}`);
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor();
    const section = page.getByRole('region', { name: 'Paragraph 6', exact: true });
    await section.getByRole('button', { name: /^Discuss/ }).click();
    await section.getByRole('button', { name: 'Reply to this paragraph' }).click();
    await page.getByRole('form', { name: 'Write a reply' }).getByRole('radio', { name: 'Rebut' }).check();
    const text = `Posted while signing up (${Date.now().toString(36)}).`;
    const form = page.getByRole('form', { name: 'Write a rebuttal' });
    await form.getByRole('textbox').fill(text);
    await form.getByRole('button', { name: 'Post rebuttal' }).click();
    await section.getByRole('button', { name: 'New here? Create an account' }).click();
    await section.getByLabel('Username').fill(`newcomer_${Date.now().toString(36)}`);
    await section.getByLabel('Password').fill('a long and unusual passphrase 7');
    await section.getByRole('button', { name: 'Create account' }).click();
    await section.getByRole('region', { name: 'Discussion of paragraph 6' }).getByText(text).waitFor({ timeout: 5000 });
    await ctx.close();
  });

  it('logged no page errors', () => {
    expect(errors).toEqual([]);
  });
});
