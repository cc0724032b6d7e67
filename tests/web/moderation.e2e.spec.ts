/// <reference lib="dom" />
// Functions passed to page.evaluate and page.waitForFunction run in Chromium, so they see the DOM.
/**
 * The moderators' desk (/moderation) in Chromium against the real API: the queue shows flags and
 * their reasons; approve, hide, restore and remove, lock and pin, suspend, ban and unban are done by
 * clicking, each with a reason, and the API's state and audit log agree with what was clicked.
 *
 * Accounts come from the API (the first registered is admin; `mod` is made a moderator by it); the
 * moderator's browser is signed in by putting the token in localStorage ('agora.token').
 */
import type { ArgumentNode, ArticleSummary, AuditEntry, AuthResponse } from '@agora/shared';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { bearer, registerAdmin, registerUser, startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { assertWebBuilt, launchChromium, openPage, screenshot, signedInContext } from './support/browser';

describe('moderation screen in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let ctx: BrowserContext;
  let desk: Page;
  let admin: AuthResponse;
  let mod: AuthResponse;
  let ann: AuthResponse;
  let articleId: string;
  let flagged: ArgumentNode;
  let reported: ArgumentNode;
  const errors: string[] = [];

  const api = {
    get: (path: string, token?: string) => (token ? t.http().get(path).set(...bearer(token)) : t.http().get(path)),
    post: (path: string, body: object, token: string) => t.http().post(path).set(...bearer(token)).send(body),
  };
  const nodeStatus = async (id: string) => ((await api.get(`/api/nodes/${id}`, admin.token)).body as ArgumentNode).status;
  const audit = async () => ((await api.get('/api/moderation/audit?limit=200', admin.token)).body.items as AuditEntry[]);
  const card = (id: string): Locator => desk.locator(`article[data-node-id="${id}"]`);
  const tab = async (name: string) => {
    await desk.getByRole('tab', { name }).click();
    await desk.locator(`[role="tab"][aria-selected="true"]`, { hasText: name }).waitFor();
  };
  /** Clicks a moderation action on a queue card after typing its reason, and waits for the server to answer. */
  const act = async (on: Locator, button: string, reason: string) => {
    const tools = on.getByRole('group', { name: 'Moderation' });
    await tools.getByLabel('Reason (recorded in the audit log)').fill(reason);
    const answered = desk.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/moderation/'));
    await tools.getByRole('button', { name: button, exact: true }).click();
    const res = await answered;
    expect(res.status()).toBe(200);
    return res.request().postDataJSON() as Record<string, unknown>;
  };

  beforeAll(async () => {
    assertWebBuilt();
    t = await startTestApp();
    admin = await registerAdmin(t);
    mod = await registerUser(t, 'mod');
    ann = await registerUser(t, 'ann');
    const [ben, cy, dee] = [await registerUser(t, 'ben'), await registerUser(t, 'cy'), await registerUser(t, 'dee')];
    expect((await api.post(`/api/admin/users/${mod.user.id}/role`, { role: 'moderator' }, admin.token)).status).toBe(200);
    articleId = ((await api.get('/api/articles')).body.items as ArticleSummary[])[0].id;
    const post = async (text: string) => (await api.post(`/api/articles/${articleId}/paragraphs/1/replies`, { type: 'rebuttal', text }, ann.token).expect(201)).body as ArgumentNode;
    flagged = await post('A rebuttal one reader thinks is spam.');
    reported = await post('A rebuttal three readers reported.');
    await api.post(`/api/nodes/${flagged.id}/flags`, { reason: 'spam' }, ben.token).expect((r) => expect(r.status).toBeLessThan(300));
    await api.post(`/api/nodes/${reported.id}/flags`, { reason: 'spam' }, ben.token);
    await api.post(`/api/nodes/${reported.id}/flags`, { reason: 'abuse' }, cy.token);
    await api.post(`/api/nodes/${reported.id}/flags`, { reason: 'off-topic', note: 'not about Iraq' }, dee.token);
    expect(await nodeStatus(reported.id)).toBe('pending');

    browser = await launchChromium();
    ctx = await signedInContext(browser, mod.token);
    desk = await openPage(ctx, 'moderation', errors);
    await desk.goto(`${t.baseUrl}/moderation`);
    await desk.getByRole('heading', { name: 'Moderation' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists flagged and pending posts with their flags, reasons and notes', async () => {
    await card(flagged.id).waitFor();
    await expect(card(flagged.id).innerText()).resolves.toMatch(/1 flag[\s\S]*spam by ben_/);
    await tab('Pending');
    await card(reported.id).waitFor();
    const text = await card(reported.id).innerText();
    expect(text).toMatch(/3 flags/);
    for (const bit of [/spam by ben_/, /abuse by cy_/, /off-topic by dee_/, /not about Iraq/, /Author: ann_/]) expect(text).toMatch(bit);
    await screenshot(desk, 'moderation-queue');
  });

  it('approves a pending post with a reason, which puts it back in public view', async () => {
    const body = await act(card(reported.id), 'Approve', 'Reviewed: within the rules');
    expect(body).toEqual({ action: 'approve', reason: 'Reviewed: within the rules', reasonCode: 'other' });
    await card(reported.id).waitFor({ state: 'detached' });
    expect(await nodeStatus(reported.id)).toBe('visible');
  });

  it('dismisses the flags of a visible post by approving it', async () => {
    await tab('Flagged');
    await card(flagged.id).waitFor();
    await act(card(flagged.id), 'Approve', 'Not spam');
    await card(flagged.id).waitFor({ state: 'detached' });
    expect(await nodeStatus(flagged.id)).toBe('visible');
  });

  it('hides a post, then restores it from the Hidden queue', async () => {
    // The post is no longer in any queue: act on it from its thread, as a moderator would.
    const thread = await openPage(ctx, 'thread', errors);
    await thread.goto(`${t.baseUrl}/articles/${articleId}/nodes/${reported.id}`);
    const node = thread.locator(`article[data-node-id="${reported.id}"]`);
    await node.getByRole('button', { name: 'Moderate' }).click();
    await node.getByLabel('Reason (recorded in the audit log)').fill('needs a source');
    await node.getByRole('button', { name: 'Hide', exact: true }).click();
    await node.getByRole('status').filter({ hasText: 'Hidden.' }).waitFor();
    await thread.locator(`article[data-node-id="${reported.id}"][data-status="hidden"]`).waitFor();
    expect(await nodeStatus(reported.id)).toBe('hidden');
    await thread.close();

    await tab('Hidden');
    await card(reported.id).waitFor();
    await act(card(reported.id), 'Restore', 'source added');
    await card(reported.id).waitFor({ state: 'detached' });
    expect(await nodeStatus(reported.id)).toBe('visible');
  });

  it('removes a post, and an admin restores it from its thread', async () => {
    await api.post(`/api/moderation/nodes/${flagged.id}`, { action: 'hide', reason: 'second look' }, mod.token).expect(200);
    await tab('Flagged');
    await tab('Hidden');
    await card(flagged.id).waitFor();
    await act(card(flagged.id), 'Remove', 'spam after all');
    expect(await nodeStatus(flagged.id)).toBe('removed');

    const adminCtx = await signedInContext(browser, admin.token);
    const thread = await openPage(adminCtx, 'admin thread', errors);
    await thread.goto(`${t.baseUrl}/articles/${articleId}/nodes/${flagged.id}`);
    const node = thread.locator(`article[data-node-id="${flagged.id}"][data-status="removed"]`);
    await node.getByRole('button', { name: 'Moderate' }).click();
    await node.getByLabel('Reason (recorded in the audit log)').fill('appeal upheld');
    await node.getByRole('button', { name: 'Restore', exact: true }).click();
    await thread.locator(`article[data-node-id="${flagged.id}"][data-status="visible"]`).waitFor();
    expect(await nodeStatus(flagged.id)).toBe('visible');
    await adminCtx.close();
  });

  it('locks and pins a post with a reason', async () => {
    await api.post(`/api/moderation/nodes/${reported.id}`, { action: 'hide', reason: 'for the lock test' }, mod.token).expect(200);
    await tab('Flagged');
    await tab('Hidden');
    await card(reported.id).waitFor();
    expect(await act(card(reported.id), 'Lock replies', 'heated')).toEqual({ locked: true, reason: 'heated', reasonCode: 'other' });
    await card(reported.id).getByRole('button', { name: 'Unlock replies' }).waitFor();
    expect(await act(card(reported.id), 'Pin', 'model answer')).toEqual({ pinned: true, reason: 'model answer' });
    await card(reported.id).getByRole('button', { name: 'Unpin' }).waitFor();
    const node = (await api.get(`/api/nodes/${reported.id}`, admin.token)).body as ArgumentNode;
    expect(node).toMatchObject({ locked: true, pinned: true });
  });

  it('suspends, bans and unbans the author with a reason, and the API enforces it', async () => {
    const who = card(reported.id).getByRole('group', { name: /^Actions on ann_/ });
    await who.getByLabel('Reason', { exact: true }).fill('cool down');
    await who.getByLabel('Suspend for').selectOption('3');
    await who.getByRole('button', { name: 'Suspend' }).click();
    await who.getByText('Suspended for 3 days.').waitFor();
    await who.getByText(/suspended until/).waitFor();
    const blocked = await api.post(`/api/articles/${articleId}/paragraphs/1/replies`, { type: 'support', text: 'Am I suspended?' }, ann.token);
    expect(blocked.status).toBe(403);

    await who.getByLabel('Reason', { exact: true }).fill('repeated spam');
    await who.getByRole('button', { name: 'Ban' }).click();
    await who.getByText('banned', { exact: true }).waitFor();
    await who.getByRole('button', { name: 'Unban' }).click();
    await who.getByText('Unbanned.').waitFor();
    await who.getByRole('button', { name: 'Ban' }).waitFor();
  });

  it('shows every decision with its reason in the audit log, as the API records it', async () => {
    await tab('Audit log');
    const table = desk.getByRole('table', { name: 'Audit log' });
    await table.waitFor();
    const entries = await audit();
    const rows = table.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(entries.length);
    const text = await table.innerText();
    for (const action of ['approve', 'hide', 'restore', 'remove', 'lock', 'pin', 'suspend', 'ban', 'unban', 'role', 'auto-pending']) {
      expect(entries.map((e) => e.action)).toContain(action);
      expect(text).toMatch(new RegExp(`\\b${action}\\b`));
    }
    for (const reason of ['Reviewed: within the rules', 'Not spam', 'needs a source', 'source added', 'spam after all', 'appeal upheld', 'heated', 'model answer', 'cool down', 'repeated spam']) {
      expect(entries.map((e) => e.reason)).toContain(reason);
      expect(text).toContain(reason);
    }
    await screenshot(desk, 'moderation-audit');
  });

  it('shows the author why their post was hidden; their appeal reaches another moderator, who overturns it', async () => {
    const post = (await api.post(`/api/articles/${articleId}/paragraphs/1/replies`, { type: 'rebuttal', text: 'My source looked like an advert.' }, ann.token).expect(201)).body as ArgumentNode;
    await api.post(`/api/moderation/nodes/${post.id}`, { action: 'hide', reason: 'Looks like advertising', reasonCode: 'spam' }, admin.token).expect(200);

    const annCtx = await signedInContext(browser, ann.token);
    const thread = await openPage(annCtx, 'author thread', errors);
    await thread.goto(`${t.baseUrl}/articles/${articleId}/nodes/${post.id}`);
    const notice = thread.locator(`article[data-node-id="${post.id}"]`).getByRole('region', { name: 'Moderation decision' });
    await notice.getByText('Reason: Looks like advertising').waitFor();
    await notice.getByText('Spam', { exact: true }).waitFor();
    await notice.getByRole('button', { name: 'Appeal' }).click();
    await notice.getByLabel('Why should another moderator look again?').fill('The link is my source.');
    await notice.getByRole('button', { name: 'Send appeal' }).click();
    await notice.getByText('You appealed: another moderator will decide.').waitFor();
    await annCtx.close();

    await tab('Appeals');
    const appealCard = desk.getByRole('listitem', { name: /^Appeal by ann_/ });
    await appealCard.getByText('The link is my source.').waitFor();
    await appealCard.getByLabel('Reason for your decision').fill('It is a source');
    const answered = desk.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/moderation/appeals/'));
    await appealCard.getByRole('button', { name: 'Overturn and restore' }).click();
    expect((await answered).status()).toBe(200);
    expect(await nodeStatus(post.id)).toBe('visible');
  });

  it('finds a user in the directory, keeps a private note and lifts their suspension early', async () => {
    const until = new Date(Date.now() + 24 * 3600e3).toISOString();
    await api.post(`/api/moderation/users/${ann.user.id}/suspend`, { until, reason: 'cool down again', reasonCode: 'abuse' }, admin.token).expect(200);
    await tab('Users');
    await desk.getByLabel('Find a user').fill(ann.user.username.slice(0, 6));
    await desk.getByRole('list', { name: 'Users' }).getByRole('button', { name: ann.user.username }).click();
    const dossier = desk.getByRole('region', { name: `Dossier of ${ann.user.username}` });
    await dossier.getByText(/suspended until/).first().waitFor();
    await dossier.getByLabel('New note (moderators only)').fill('Asked to cite sources.');
    await dossier.getByRole('button', { name: 'Add note' }).click();
    await dossier.getByText('Asked to cite sources.').waitFor();
    const notes = (await api.get(`/api/moderation/users/${ann.user.id}/notes`, admin.token).expect(200)).body as { text: string }[];
    expect(notes.map((n) => n.text)).toContain('Asked to cite sources.');
    await dossier.getByRole('button', { name: 'Lift suspension' }).click();
    await dossier.getByText('Suspension lifted.').waitFor();
    expect(((await api.get(`/api/moderation/users/${ann.user.id}`, admin.token).expect(200)).body as { user: { suspendedUntil: string | null } }).user.suspendedUntil).toBeNull();
  });

  it('raised no page errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
