/// <reference lib="dom" />
import type { ArticleSummary } from '@agora/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { assertWebBuilt, launchChromium, openPage } from './support/browser';

/**
 * A reader's session across pages in Chromium: every page a signed-in reader opens renews their
 * session from its cookie, and a reader who never signed in is not sent to ask on every page (each
 * ask is a refused request in their console, and counts against their address's allowance).
 */
describe("a reader's session across pages", () => {
  let t: TestApp;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let articleUrl: string;
  const errors: string[] = [];
  const renewals: number[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    t = await startTestApp();
    const articles = (await t.http().get('/api/articles').expect(200)).body as { items: ArticleSummary[] };
    articleUrl = `${t.baseUrl}/articles/${articles.items[0].id}`;
    browser = await launchChromium();
    ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    ctx.on('response', (res) => {
      if (new URL(res.url()).pathname === '/api/auth/refresh') renewals.push(res.status());
    });
    page = await openPage(ctx, 'reader', errors);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const openArticle = async () => {
    await page.goto(articleUrl);
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor();
  };
  const header = () => page.getByRole('banner');

  it('asks once for a reader who never signed in, then opens pages without asking', async () => {
    for (let i = 0; i < 3; i++) await openArticle();
    await header().getByRole('link', { name: 'Sign in' }).waitFor();
    expect(renewals).toEqual([401]);
  });

  it('keeps a reader who signs in signed in on every page they open, then asks nothing once they sign out', async () => {
    await page.goto(`${t.baseUrl}/register`);
    const username = `pages_${Date.now().toString(36)}`;
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('a long and unusual passphrase 7');
    await page.getByRole('button', { name: 'Create account' }).click();
    await header().getByRole('button', { name: 'Sign out' }).waitFor();
    for (let i = 0; i < 2; i++) {
      await openArticle();
      await header().getByRole('link', { name: username }).waitFor();
    }
    expect(renewals).toEqual([401, 200, 200]);

    await header().getByRole('button', { name: 'Sign out' }).click();
    await header().getByRole('link', { name: 'Sign in' }).waitFor();
    await openArticle();
    await header().getByRole('link', { name: 'Sign in' }).waitFor();
    expect(renewals).toEqual([401, 200, 200]);
  });

  it('logged no page errors', () => {
    expect(errors).toEqual([]);
  });
});
