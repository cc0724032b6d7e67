/// <reference lib="dom" />
// Functions passed to page.evaluate and page.waitForFunction run in Chromium, so they see the DOM.
/**
 * The perspective switch in Debian's Chromium against the real API: two camps of readers vote
 * oppositely on the seed article's paragraphs (camp a likes the odd-numbered ones, 1, 3, 5..., camp b
 * the even), the groups are computed in the background, and a reader of camp a switches the reader,
 * a thread and the map between everyone and each group, sees where the groups split, and sorts
 * replies by bridging.
 */
import type { ArgumentNode, ArticleDetail, ArticleSummary, AuthResponse, Perspectives } from '@agora/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { polarisedPopulation } from '../../libs/shared/src/testing/polarised-population';
import { bearer, registerUser, startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { assertWebBuilt, launchChromium, openPage, screenshot, signedInContext } from './support/browser';

async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

describe('perspectives in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let article: ArticleDetail;
  let claims: string[];
  const readers = new Map<string, AuthResponse>();
  const errors: string[] = [];

  /** The strength a meter shows, in percent. */
  const meterValue = async (name: RegExp) => Number(await page.getByRole('meter', { name }).first().getAttribute('aria-valuenow'));

  beforeAll(async () => {
    assertWebBuilt();
    t = await startTestApp({ PERSPECTIVES_INTERVAL_MS: '300' });
    await registerUser(t, 'admin');
    const list = await t.http().get('/api/articles').expect(200);
    const seed = (list.body.items as ArticleSummary[]).find((a) => /IRAQ/i.test(a.title))!;
    article = (await t.http().get(`/api/articles/${seed.id}`).expect(200)).body as ArticleDetail;
    claims = article.paragraphs.map((p) => p.nodeId!);
    const { votes, camps } = polarisedPopulation(claims, 12, 0, 5);
    await inBatches(Object.keys(camps), 6, async (name) => readers.set(name, await registerUser(t, name)));
    await inBatches(votes, 8, (v) => t.http().put(`/api/nodes/${v.nodeId}/vote`).set(...bearer(readers.get(v.userId)!.token)).send({ value: v.value }).expect(200));
    const votedAt = Date.now();
    for (let i = 0; i < 100; i++) {
      const p = (await t.http().get(`/api/articles/${article.id}/perspectives`).expect(200)).body as Perspectives;
      if (p.computedAt && Date.parse(p.computedAt) > votedAt && p.groups.length === 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await launchChromium();
    context = await signedInContext(browser, readers.get('a0')!.token);
    page = await openPage(context, 'reader', errors);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('switches the reader between everyone and each group, the reader\'s own marked', async () => {
    await page.goto(`${t.baseUrl}/articles/${article.id}`);
    const perspective = page.getByRole('group', { name: 'Perspective' });
    await perspective.waitFor();
    await expect(perspective.getByRole('button', { name: 'Everyone' }).getAttribute('aria-pressed')).resolves.toBe('true');
    const own = perspective.getByRole('button', { name: /\(yours\)$/ });
    const other = perspective.getByRole('button', { name: /^Group [A-Z]+ · \d+ readers$/ });
    await expect(own.count()).resolves.toBe(1);
    await expect(other.count()).resolves.toBe(1);
    const ownLabel = (await own.innerText()).split(' · ')[0];
    const otherLabel = (await other.innerText()).split(' · ')[0];

    // Camp a likes paragraph 1 (index 0) and dislikes paragraph 2: each group's meters follow its own votes.
    await own.click();
    await expect(own.getAttribute('aria-pressed')).resolves.toBe('true');
    const ownP1 = await meterValue(new RegExp(`^Strength of paragraph 1, for ${ownLabel}$`));
    const ownP2 = await meterValue(new RegExp(`^Strength of paragraph 2, for ${ownLabel}$`));
    await other.click();
    const otherP1 = await meterValue(new RegExp(`^Strength of paragraph 1, for ${otherLabel}$`));
    const otherP2 = await meterValue(new RegExp(`^Strength of paragraph 2, for ${otherLabel}$`));
    expect(ownP1).toBeGreaterThan(otherP1);
    expect(otherP2).toBeGreaterThan(ownP2);

    // Where they part is shown: a mark beside the paragraph, and the list of the widest splits.
    await expect(page.getByText(/^Groups split: /).count()).resolves.toBeGreaterThan(0);
    const list = page.getByRole('list', { name: 'Where the groups disagree most' });
    await expect(list.getByRole('link').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'perspectives-reader');

    await perspective.getByRole('button', { name: 'Everyone' }).click();
    await page.getByRole('meter', { name: /^Strength of paragraph 1$/ }).waitFor();
    await own.click();
  });

  it('keeps the chosen group on a thread, where replies sort by bridging', async () => {
    await page.goto(`${t.baseUrl}/articles/${article.id}/nodes/${claims[0]}`);
    await page.getByRole('group', { name: 'Perspective' }).waitFor();
    await expect(page.getByRole('group', { name: 'Perspective' }).getByRole('button', { name: /\(yours\)$/ }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('meter', { name: /^Strength of this claim, for Group [A-Z]+$/ }).first().waitFor();
    const sort = page.getByLabel('Sort by');
    const children = page.waitForResponse((res) => res.url().includes(`/nodes/${claims[0]}/children`) && res.url().includes('sort=bridging'));
    await sort.selectOption({ label: 'Agreed across groups' });
    expect((await children).status()).toBe(200);
    const body = (await (await children).json()) as { items: ArgumentNode[] };
    expect(Array.isArray(body.items)).toBe(true);
  });

  it('shows the chosen group\'s strengths on the map, and the nodes the groups split over', async () => {
    await page.goto(`${t.baseUrl}/articles/${article.id}/map`);
    await page.locator('[data-testid="argument-map"]').waitFor();
    const group = page.getByRole('group', { name: 'Perspective' });
    await group.waitFor();
    const ownLabel = (await group.getByRole('button', { name: /\(yours\)$/ }).innerText()).split(' · ')[0];
    await page.locator(`[data-perspective="${ownLabel}"]`).first().waitFor();
    await expect(page.locator('[data-split="true"]').count()).resolves.toBeGreaterThan(0);
    await group.getByRole('button', { name: 'Everyone' }).click();
    await page.locator('[data-perspective="everyone"]').first().waitFor();
    await expect(page.locator(`[data-perspective="${ownLabel}"]`).count()).resolves.toBe(0);
    await screenshot(page, 'perspectives-map');
    expect(errors).toEqual([]);
  });
});
