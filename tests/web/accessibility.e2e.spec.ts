/// <reference lib="dom" />
// Functions passed to page.evaluate and page.waitForFunction run in Chromium, so they see the DOM.
/**
 * Accessibility in Chromium against the real API: axe-core finds no serious or critical violation on
 * the home, article, thread, map, moderation and profile pages, at desktop and phone sizes; every page
 * has its own title; a control the server would refuse is disabled and says why before any click
 * (a suspension with its end in local time, one's own argument), with 44 px tap targets on a phone;
 * focus lands on a reply just posted.
 */
import { readFileSync } from 'node:fs';
import type { ArgumentNode, ArticleSummary, AuthResponse } from '@agora/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer, registerAdmin, registerUser, startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { assertWebBuilt, launchChromium, openPage } from './support/browser';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations on the page as it stands, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`);
}

/** Buttons and fields shown on the page that a finger would miss: under 44 × 44 CSS px. */
function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('button, select, textarea, input:not([type="radio"]):not([type="checkbox"]):not([type="hidden"])'))
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ el, box }) => `tap target ${Math.round(box.width)}×${Math.round(box.height)}: ${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`),
  );
}

describe('accessibility in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: AuthResponse, ann: AuthResponse, sus: AuthResponse;
  let articleId: string;
  let rebuttal: ArgumentNode;
  let comment: ArgumentNode;
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  const api = {
    get: (path: string, token?: string) => (token ? t.http().get(path).set(...bearer(token)) : t.http().get(path)),
    post: (path: string, body: object, token: string) => t.http().post(path).set(...bearer(token)).send(body),
  };

  /** A signed-in page (see signedInContext) whose CSP lets the test inject axe-core's source inline. */
  const pageAs = async (token: string, viewport: { width: number; height: number }, label: string): Promise<Page> => {
    const ctx = await browser.newContext({ viewport, bypassCSP: true, hasTouch: viewport.width < 640, isMobile: viewport.width < 640 });
    await ctx.addInitScript((tk) => localStorage.setItem('agora.token', tk), token);
    contexts.push(ctx);
    return openPage(ctx, label, errors);
  };

  beforeAll(async () => {
    assertWebBuilt();
    t = await startTestApp();
    admin = await registerAdmin(t);
    ann = await registerUser(t, 'ann');
    const ben = await registerUser(t, 'ben');
    sus = await registerUser(t, 'sus');
    articleId = ((await api.get('/api/articles')).body.items as ArticleSummary[])[0].id;
    rebuttal = (await api.post(`/api/articles/${articleId}/paragraphs/1/replies`, { type: 'rebuttal', text: 'The figures cover one province only.' }, ann.token).expect(201)).body;
    comment = (await api.post(`/api/nodes/${rebuttal.id}/replies`, { type: 'comment', text: 'Which province?' }, ben.token).expect(201)).body;
    await api.post(`/api/nodes/${rebuttal.id}/flags`, { reason: 'off-topic' }, ben.token).expect((r) => expect(r.status).toBeLessThan(300));
    await api.post(`/api/moderation/users/${sus.user.id}/suspend`, { until: '2031-12-12T14:00:00.000Z', reason: 'cooling off' }, admin.token).expect((r) => expect(r.status).toBeLessThan(300));
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  const pages: { name: string; path: () => string; ready: (p: Page) => Promise<unknown> }[] = [
    { name: 'home', path: () => '/', ready: (p) => p.getByRole('heading', { name: 'Articles', level: 1 }).waitFor() },
    {
      name: 'article',
      path: () => `/articles/${articleId}`,
      ready: async (p) => {
        await p.locator('[data-paragraph-index="1"][data-node-id]').waitFor();
        // With a discussion and the keyboard quote picker open: their controls are on the page too.
        const section = p.getByRole('region', { name: 'Paragraph 2', exact: true });
        await section.getByRole('button', { name: /^Discuss/ }).click();
        await p.locator(`article[data-node-id="${rebuttal.id}"]`).waitFor();
        await section.getByRole('button', { name: 'Quote sentences' }).click();
        await section.getByRole('group', { name: /^Quote sentences of paragraph/ }).waitFor();
      },
    },
    {
      name: 'thread',
      path: () => `/articles/${articleId}/nodes/${rebuttal.id}`,
      ready: async (p) => {
        // With the composer open, its choice of kind unmade and the reader told to make it.
        const node = p.locator(`article[data-node-id="${comment.id}"]`);
        await node.getByRole('button', { name: 'Reply', exact: true }).click();
        await node.getByLabel('Your reply').fill('A question.');
        await node.getByRole('button', { name: 'Post reply' }).click();
        await node.getByRole('alert').waitFor();
      },
    },
    // A canvas on wide screens, an outline on phones.
    { name: 'map', path: () => `/articles/${articleId}/map`, ready: (p) => p.locator('.react-flow__node, [data-testid="map-outline"] li').first().waitFor() },
    { name: 'moderation', path: () => '/moderation', ready: (p) => p.locator(`article[data-node-id="${rebuttal.id}"]`).waitFor() },
    { name: 'profile', path: () => `/u/${ann.user.username}`, ready: (p) => p.getByRole('heading', { name: ann.user.username, level: 1 }).waitFor() },
  ];

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(`finds no serious or critical axe violation on any page (nor, on a phone, a control under 44 px), each with its own title (${size})`, async () => {
      const page = await pageAs(admin.token, viewport, `axe-${size}`);
      const found: Record<string, string[]> = {};
      const titles: string[] = [];
      for (const p of pages) {
        await page.goto(`${t.baseUrl}${p.path()}`);
        await p.ready(page);
        await page.waitForFunction(() => document.title !== 'Agora' && document.title.endsWith('· Agora'));
        titles.push(await page.title());
        const violations = await seriousViolations(page);
        if (size === 'phone') violations.push(...(await smallTapTargets(page)));
        if (violations.length) found[p.name] = violations;
      }
      expect(found).toEqual({});
      expect(new Set(titles).size).toBe(pages.length);
      expect(errors).toEqual([]);
    });

    it(`disables what the server would refuse and says why before any click (${size})`, async () => {
      const page = await pageAs(sus.token, viewport, `refusals-${size}`);
      await page.goto(`${t.baseUrl}/articles/${articleId}/nodes/${rebuttal.id}`);
      const node = page.locator(`article[data-node-id="${rebuttal.id}"]`);
      const reply = node.getByRole('button', { name: 'Reply', exact: true });
      await reply.waitFor();
      // Disabled from the first paint (while the session is restored, then for the suspension); the reason follows the account.
      expect(await reply.isDisabled()).toBe(true);
      await node.locator('[data-disabled-reason]', { hasText: 'suspended until' }).first().waitFor();
      expect(await reply.isDisabled()).toBe(true);
      const until = await page.evaluate(() =>
        new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date('2031-12-12T14:00:00.000Z')),
      );
      const reasonId = await reply.getAttribute('aria-describedby');
      const reason = page.locator(`[id="${reasonId}"]`);
      expect(await reason.isVisible()).toBe(true);
      expect(await reason.textContent()).toContain(`suspended until ${until}`);
      expect(await node.getByRole('button', { name: /^3 of 5/ }).isDisabled()).toBe(true);
      if (size === 'phone') {
        const box = (await reply.boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.width).toBeGreaterThanOrEqual(44);
      }

      // One's own argument: the rating is disabled and says so; replying stays open.
      const own = await pageAs(ann.token, viewport, `own-${size}`);
      await own.goto(`${t.baseUrl}/articles/${articleId}/nodes/${rebuttal.id}`);
      const mine = own.locator(`article[data-node-id="${rebuttal.id}"]`);
      await mine.getByRole('button', { name: /^4 of 5/ }).waitFor();
      expect(await mine.getByRole('button', { name: /^4 of 5/ }).isDisabled()).toBe(true);
      expect(await mine.locator('[data-disabled-reason]').textContent()).toBe('You cannot vote on your own argument.');
      expect(await mine.getByRole('button', { name: 'Reply', exact: true }).isEnabled()).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  it('puts focus on a reply just posted, and back on the button when a panel is cancelled, by keyboard', async () => {
    const page = await pageAs(ann.token, VIEWPORTS.desktop, 'focus');
    await page.goto(`${t.baseUrl}/articles/${articleId}/nodes/${comment.id}`);
    const node = page.locator(`article[data-node-id="${comment.id}"]`);
    const reply = node.getByRole('button', { name: 'Reply', exact: true });
    await reply.focus();
    await page.keyboard.press('Enter');
    await node.getByLabel('Your reply').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction((id) => document.activeElement?.textContent === 'Reply' && !!document.activeElement.closest(`article[data-node-id="${id}"]`), comment.id);

    await page.keyboard.press('Enter');
    await node.getByLabel('Your reply').fill('Nineveh, says the footnote.');
    await node.getByRole('button', { name: 'Post reply' }).click();
    expect(await node.getByRole('alert').textContent()).toContain('Choose whether your reply rebuts, supports or comments');
    await node.getByRole('radio', { name: 'Support' }).check();
    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/nodes/${comment.id}/replies`));
    await node.getByRole('button', { name: 'Post support' }).click();
    const created = (await (await posted).json()) as ArgumentNode;
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-node-id') === id, created.id);
    expect(errors).toEqual([]);
  });
});
