/// <reference lib="dom" />
// Functions passed to page.evaluate and page.waitForFunction run in Chromium, so they see the DOM.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../../..');
export const WEB_DIST_INDEX = join(ROOT, 'apps/web/dist/index.html');
export const ARTIFACTS = join(ROOT, 'tests/artifacts');

/** The API serves the built client only if it exists when the app is created: say so plainly rather than time out on a blank page. */
export function assertWebBuilt(): void {
  if (!existsSync(WEB_DIST_INDEX)) {
    throw new Error(`${WEB_DIST_INDEX} is missing: build the web client first (npm run build -w @agora/web); npm test does it before jest.`);
  }
}

/** Debian's Chromium, headless, with everything that would reach the network on its own turned off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 20_000,
  });
}

/** A page with bounded waits that adds its uncaught errors to `errors`, so a test can assert there were none. */
export async function openPage(context: BrowserContext, label: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => errors.push(`${label}: ${e.message}`));
  return page;
}

/** A browser context already signed in: the client adopts a token left in localStorage under this key (where earlier versions kept it) and keeps it in memory. */
export async function signedInContext(browser: Browser, token: string, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((t) => localStorage.setItem('agora.token', t), token);
  return context;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Milliseconds until `predicate` holds in the page, or an error naming what never happened. */
export async function msUntil(page: Page, what: string, predicate: (arg: string) => boolean, arg: string, timeout = 5_000): Promise<number> {
  const t0 = Date.now();
  try {
    await page.waitForFunction(predicate, arg, { timeout, polling: 'raf' });
  } catch {
    throw new Error(`${what}: not within ${timeout} ms`);
  }
  return Date.now() - t0;
}

/**
 * Selects words of a paragraph with the mouse, as a reader would: presses at the first character of
 * `phrase` and drags to its last. Returns the phrase as the page saw it selected.
 */
export async function dragSelect(page: Page, paragraphIndex: number, phrase: string): Promise<string> {
  const box = await page.evaluate(
    ({ index, phrase }) => {
      const el = document.querySelector(`[data-paragraph-text="${index}"]`);
      if (!el) throw new Error(`no paragraph ${index}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      // Map the phrase's first and last character to their text nodes and offsets.
      const full = el.textContent ?? '';
      const at = full.indexOf(phrase);
      if (at < 0) throw new Error(`phrase not in paragraph ${index}`);
      const point = (offset: number) => {
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent?.length ?? 0;
          if (offset < seen + len) return { node: n, offset: offset - seen };
          seen += len;
        }
        throw new Error('offset past the end');
      };
      const rectOf = (offset: number) => {
        walker.currentNode = el;
        const p = point(offset);
        const r = document.createRange();
        r.setStart(p.node, p.offset);
        r.setEnd(p.node, p.offset + 1);
        return r.getBoundingClientRect();
      };
      el.scrollIntoView({ block: 'center' });
      const first = rectOf(at);
      const last = rectOf(at + phrase.length - 1);
      return { x0: first.left + 1, y0: first.top + first.height / 2, x1: last.right - 1, y1: last.top + last.height / 2 };
    },
    { index: paragraphIndex, phrase },
  );
  await page.mouse.move(box.x0, box.y0);
  await page.mouse.down();
  await page.mouse.move(box.x1, box.y1, { steps: 12 });
  await page.mouse.up();
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}
