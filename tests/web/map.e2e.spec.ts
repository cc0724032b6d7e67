/// <reference lib="dom" />
// Functions passed to page.evaluate and page.waitForFunction run in Chromium, so they see the DOM.
/**
 * The argument map of a big debate and the home page, in Debian's Chromium against the real API: an
 * article of 20 paragraphs with 2,000 nodes in all (the replies written straight to the database),
 * opened on a desktop and on a phone. The map opens folded on the thesis, folds and unfolds a branch,
 * moves along the tree with the keys and finds a node folded out of sight; the home page shows where
 * the article comes from and what is most disputed in it.
 */
import type { ArgumentNode, ArticleDetail, AuthResponse } from '@agora/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Types } from 'mongoose';
import { ArticleTrees } from '../../apps/api/src/modules/article-tree/article-trees';
import { newReply } from '../../apps/api/src/modules/nodes/new-node';
import type { NodeRecord } from '../../apps/api/src/modules/nodes/node.model';
import { NodesRepository } from '../../apps/api/src/modules/nodes/nodes.repository';
import { bearer, registerAdmin, registerUser, startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { assertWebBuilt, launchChromium, openPage, screenshot } from './support/browser';

const PARAGRAPHS = 20;
const TOTAL_NODES = 2000;
const NEEDLE = 'lighthouse keepers of Zanzibar';

describe('the map of a 2,000-node debate, and the home page, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let article: ArticleDetail;
  let claims: string[];
  /** Per paragraph, its replies in the order made: each hangs beneath the claim or an earlier reply. */
  const branches: NodeRecord[][] = [];
  let needle: NodeRecord;
  const errors: string[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    t = await startTestApp({}, { seed: false });
    const admin: AuthResponse = await registerAdmin(t, 'admin');
    const writer = await registerUser(t, 'writer');
    const paragraphs = Array.from(
      { length: PARAGRAPHS },
      (_, i) => `Policy ${i + 1} works in practice. Because trial ${i + 1} showed it clearly. However critics of policy ${i + 1} disagree.`,
    );
    const text = `---\ntitle: Twenty policies\nauthor: Jane Roe\ndate: 2024-03-01\nsource: https://example.org/policies\n---\n\n${paragraphs.join('\n\n')}`;
    article = (await t.http().post('/api/articles').set(...bearer(admin.token)).send({ text }).expect(201)).body as ArticleDetail;
    claims = article.paragraphs.map((p) => p.nodeId!);
    const imported = ((await t.http().get(`/api/articles/${article.id}/tree`).expect(200)).body.items as ArgumentNode[]).length;

    // Replies beneath each claim as a tree three wide: reply k hangs beneath reply (k - 1) / 3, 0 being the claim.
    const nodes = t.app.get(NodesRepository);
    const perBranch = Math.floor((TOTAL_NODES - imported) / PARAGRAPHS);
    const extra = TOTAL_NODES - imported - perBranch * PARAGRAPHS;
    let minute = 0;
    for (let p = 0; p < PARAGRAPHS; p++) {
      const claim = (await nodes.findById(claims[p]))!;
      const branch: NodeRecord[] = [];
      const size = perBranch + (p < extra ? 1 : 0);
      for (let k = 1; k <= size; k++) {
        const parent = k <= 3 ? claim : branch[Math.floor((k - 1) / 3) - 1];
        const type = k % 2 ? 'support' : 'rebuttal';
        branch.push(
          newReply(parent, {
            type,
            text: p === 7 && k === size ? `Ask the ${NEEDLE} about policy 8.` : `Reply ${k} on policy ${p + 1}: a ${type} of what it answers.`,
            authorId: new Types.ObjectId(writer.user.id),
            authorName: writer.user.username,
            createdAt: new Date(Date.UTC(2024, 3, 1, 0, minute++)),
          }),
        );
      }
      branches.push(branch);
    }
    // Paragraph 1's claim is argued both ways, strongly: the article's strongest open dispute.
    branches[0][0].votes = { count: 3, sum: 15, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 3 } };
    branches[0][1].votes = { count: 3, sum: 14, histogram: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 2 } };
    needle = branches[7].at(-1)!;
    await nodes.insertMany(branches.flat());
    t.app.get(ArticleTrees).forget(article.id);
    const all = (await t.http().get(`/api/articles/${article.id}/tree`).expect(200)).body.items as ArgumentNode[];
    expect(all).toHaveLength(TOTAL_NODES);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const box = (page: Page, id: string) => page.locator(`.react-flow [data-node-id="${id}"]`);
  /** Whether the element lies wholly inside the map's visible area. */
  const inView = (page: Page, id: string) =>
    page.evaluate((nodeId) => {
      const map = document.querySelector('[data-testid="argument-map"]')!.getBoundingClientRect();
      const el = document.querySelector(`.react-flow [data-node-id="${nodeId}"]`)?.getBoundingClientRect();
      return !!el && el.left >= map.left && el.right <= map.right && el.top >= map.top && el.bottom <= map.bottom;
    }, id);
  const descendants = (p: number) => branches[p].length;

  describe('on a desktop', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      page = await openPage(context, 'desktop', errors);
      await page.goto(`${t.baseUrl}/articles/${article.id}/map`);
      await page.getByTestId('argument-map').waitFor();
      await box(page, article.rootNodeId).waitFor();
    });
    afterAll(() => context.close());

    it('opens folded, with the thesis in view at a zoom its words can be read at, a minimap and a legend', async () => {
      expect(await inView(page, article.rootNodeId)).toBe(true);
      const thesis = (await box(page, article.rootNodeId).boundingBox())!;
      expect(thesis.width).toBeGreaterThanOrEqual(240 * 0.6);
      expect(await page.locator('.react-flow__node').count()).toBeLessThan(200);
      await page.locator('.react-flow__minimap').waitFor();
      await page.getByTestId('map-legend').getByText('not yet rated').waitFor();
      // The thesis's first paragraphs show; what lies three levels down is folded behind a count.
      await box(page, claims[0]).waitFor();
      expect(await box(page, branches[0][0]._id.toString()).count()).toBe(1);
      expect(await page.locator(`[data-node-id="${branches[0][3]._id}"]`).count()).toBe(0);
      await screenshot(page, 'map-2000-opening');
    });

    it('folds a paragraph’s branch behind the count of what it hides, and unfolds it', async () => {
      // A paragraph in view, beneath the thesis.
      let p = 0;
      while (!(await inView(page, claims[p]))) p++;
      const claim = box(page, claims[p]);
      const toggle = claim.getByTestId('map-toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await toggle.click();
      await claim.getByRole('button', { name: `Unfold ${descendants(p)} nodes beneath` }).waitFor();
      expect(await claim.getByTestId('map-toggle').innerText()).toBe(`+${descendants(p)}`);
      expect(await page.locator(`[data-node-id="${branches[p][0]._id}"]`).count()).toBe(0);
      await claim.getByTestId('map-toggle').click();
      await box(page, branches[p][0]._id.toString()).waitFor();
      expect(await claim.getByTestId('map-toggle').getAttribute('aria-expanded')).toBe('true');
    });

    it('moves along the tree with the arrow keys, not along edges, and opens a thread with Enter', async () => {
      const current = () => page.locator('.react-flow [data-current="true"]').getAttribute('data-node-id');
      await page.getByTestId('argument-map').focus();
      await page.keyboard.press('Home');
      expect(await current()).toBe(article.rootNodeId);
      await page.keyboard.press('ArrowDown');
      expect(await current()).toBe(claims[0]);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await current()).toBe(claims[2]);
      await page.keyboard.press('ArrowDown');
      expect(await current()).toBe(String(branches[2][0]._id));
      expect(await inView(page, String(branches[2][0]._id))).toBe(true);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowLeft');
      expect(await current()).toBe(claims[1]);
      expect(await page.getByTestId('map-current').innerText()).toMatch(/^Paragraph 2, not yet rated: Policy 2 works in practice/);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/articles/${article.id}/nodes/${claims[1]}`);
      await page.goBack();
      await page.getByTestId('argument-map').waitFor();
    });

    it('finds a node folded out of sight by its words, unfolds the way to it, centres and highlights it', async () => {
      const id = String(needle._id);
      expect(await page.locator(`[data-node-id="${id}"]`).count()).toBe(0);
      const search = page.getByRole('combobox', { name: /Find in the map/ });
      await search.fill('zanzibar');
      await page.getByRole('option', { name: `Ask the ${NEEDLE} about policy 8.` }).waitFor();
      await search.press('Enter');
      await box(page, id).and(page.locator('[data-highlighted="true"]')).waitFor();
      await page.waitForFunction((nodeId) => {
        const map = document.querySelector('[data-testid="argument-map"]')!.getBoundingClientRect();
        const el = document.querySelector(`.react-flow [data-node-id="${nodeId}"]`)?.getBoundingClientRect();
        return !!el && el.left >= map.left && el.right <= map.right && el.top >= map.top && el.bottom <= map.bottom;
      }, id);
      // The keys now move from the node found.
      await page.keyboard.press('ArrowUp');
      expect(await page.locator('.react-flow [data-current="true"]').getAttribute('data-node-id')).toBe(String(needle.parentId));
      await screenshot(page, 'map-2000-found');
    });

    it('shows the article’s sentences only when asked', async () => {
      const sentence = ((await t.http().get(`/api/articles/${article.id}/tree`).expect(200)).body.items as ArgumentNode[]).find((n) => n.origin === 'article' && n.sentenceIndex !== null)!;
      await page.keyboard.press('Home');
      expect(await page.locator(`[data-node-id="${sentence.id}"]`).count()).toBe(0);
      await page.getByLabel('Show the article’s sentences').check();
      const search = page.getByRole('combobox', { name: /Find in the map/ });
      await search.fill(sentence.text.slice(0, 20));
      await search.press('Enter');
      await box(page, sentence.id).waitFor();
      expect(errors).toEqual([]);
    });

    it('lists the article on the home page with its byline and strongest open dispute', async () => {
      await page.goto(`${t.baseUrl}/`);
      const item = page.locator(`li[data-article-id="${article.id}"]`);
      await item.getByTestId('article-byline').waitFor();
      expect(await item.getByTestId('article-byline').innerText()).toMatch(/^By Jane Roe · 1 March 2024 · Source: example\.org$/);
      const dispute = item.getByRole('list', { name: 'Strongest open disputes' }).getByRole('link');
      expect(await dispute.count()).toBe(1);
      await dispute.click();
      await page.waitForURL(`**/articles/${article.id}/nodes/${claims[0]}`);
      await screenshot(page, 'home-dispute-thread');
    });
  });

  describe('on a phone', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      page = await openPage(context, 'phone', errors);
    });
    afterAll(() => context.close());

    it('shows the map as an outline: folded branches unfold, search finds a node, links open threads', async () => {
      await page.goto(`${t.baseUrl}/articles/${article.id}/map`);
      const outline = page.getByTestId('map-outline');
      await outline.waitFor();
      expect(await page.getByTestId('argument-map').count()).toBe(0);
      const first = branches[0][0];
      const entry = outline.locator(`li[data-node-id="${first._id}"]`);
      await entry.getByRole('button', { name: /^Show \d+ beneath$/ }).click();
      await outline.locator(`li[data-node-id="${branches[0][3]._id}"]`).waitFor();
      await page.getByRole('combobox', { name: /Find in the map/ }).fill('zanzibar');
      await page.getByRole('option').first().click();
      const found = outline.locator(`li[data-node-id="${needle._id}"][data-highlighted="true"]`);
      await found.waitFor();
      expect(await found.locator('a').first().isVisible()).toBe(true);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await screenshot(page, 'map-2000-phone');
      await found.locator('a').first().click();
      await page.waitForURL(`**/articles/${article.id}/nodes/${needle._id}`);
    });

    it('lists the article on the home page with its origin, activity and strongest open dispute', async () => {
      await page.goto(`${t.baseUrl}/`);
      const item = page.locator(`li[data-article-id="${article.id}"]`);
      await item.waitFor();
      expect(await item.getByTestId('article-byline').innerText()).toMatch(/By Jane Roe · 1 March 2024 · Source: example\.org/);
      expect(await item.innerText()).toMatch(/\d+ replies · last activity/);
      const disputes = item.getByRole('list', { name: 'Strongest open disputes' });
      expect(await disputes.getByRole('link').first().innerText()).toBe('Paragraph 1: Policy 1 works in practice. Because trial 1 showed it clearly. However critics of policy 1 disagree.');
      await screenshot(page, 'home-phone');
      expect(errors).toEqual([]);
    });
  });
});
