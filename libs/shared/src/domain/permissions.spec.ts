import { ERROR_CODES } from '../errors/error-codes';
import { assertMay, canReadText, canSeeNonPublic, nodeActionRefusal, readingRole, type Actor, type NodeAction, type NodeSituation, type Reader } from './permissions';

const reader = (over: Partial<Reader> = {}): Reader => ({ id: 'u1', role: 'moderator', banned: false, suspendedUntil: null, ...over });
const hidden = { status: 'hidden' as const, authorId: 'someone-else' };

describe('reading rights', () => {
  it('lets a moderator in good standing read hidden text', () => {
    const sut = reader();
    expect(readingRole(sut)).toBe('moderator');
    expect(canReadText(sut, hidden)).toBe(true);
    expect(canSeeNonPublic(sut, hidden)).toBe(true);
  });

  it('reads a banned or suspended moderator as a participant', () => {
    const banned = reader({ banned: true });
    const suspended = reader({ suspendedUntil: new Date(Date.now() + 60_000).toISOString() });
    for (const sut of [banned, suspended]) {
      expect(readingRole(sut)).toBe('participant');
      expect(canReadText(sut, hidden)).toBe(false);
      expect(canSeeNonPublic(sut, hidden)).toBe(false);
    }
  });

  it('gives back the role once a suspension is over, and keeps an author reading their own', () => {
    expect(readingRole(reader({ role: 'admin', suspendedUntil: new Date(Date.now() - 1000).toISOString() }))).toBe('admin');
    expect(canReadText(reader({ banned: true }), { status: 'hidden', authorId: 'u1' })).toBe(true);
    expect(canReadText(reader({ role: 'admin', banned: true }), { status: 'removed', authorId: null })).toBe(false);
  });
});

describe('nodeActionRefusal', () => {
  const now = new Date('2026-12-06T12:00:00.000Z');
  const actor = (over: Partial<Actor> = {}): Actor => ({ id: 'me', role: 'participant', suspendedUntil: null, banned: false, ...over });
  const situation = (node: Partial<NodeSituation['node']> = {}, over: Partial<Omit<NodeSituation, 'node'>> = {}): NodeSituation => ({
    node: { type: 'support', status: 'visible', authorId: 'other', withdrawn: false, ...node },
    articleLocked: false,
    threadLocked: false,
    ...over,
  });
  const code = (action: NodeAction, a: Actor | null, s: NodeSituation) => nodeActionRefusal(action, a, s, now)?.code ?? null;

  it('lets a reader in good standing reply to, vote on and flag another reader\'s published argument', () => {
    for (const action of ['reply', 'vote', 'flag'] as const) expect(nodeActionRefusal(action, actor(), situation(), now)).toBeNull();
  });

  it('refuses everything to the signed-out, the banned and the suspended, saying until when in the given time format', () => {
    const suspended = actor({ suspendedUntil: '2026-12-12T14:00:00.000Z' });
    for (const action of ['reply', 'vote', 'flag'] as const) {
      expect(code(action, null, situation())).toBe(ERROR_CODES.UNAUTHENTICATED);
      expect(code(action, actor({ banned: true }), situation())).toBe(ERROR_CODES.BANNED);
      expect(code(action, suspended, situation())).toBe(ERROR_CODES.SUSPENDED);
    }
    const sut = nodeActionRefusal('reply', suspended, situation(), now, () => '12 Dec, 14:00');
    expect(sut).toEqual({ code: ERROR_CODES.SUSPENDED, message: expect.stringContaining('suspended until 12 Dec, 14:00') as string, until: '2026-12-12T14:00:00.000Z' });
    expect(code('vote', actor({ suspendedUntil: '2026-12-06T11:59:59.000Z' }), situation())).toBeNull();
  });

  it('refuses replies and votes, not flags, in a locked article or thread, naming which', () => {
    expect(nodeActionRefusal('reply', actor(), situation({}, { articleLocked: true }), now)?.message).toMatch(/article is locked/);
    expect(nodeActionRefusal('vote', actor(), situation({}, { threadLocked: true }), now)?.message).toMatch(/thread is locked/);
    expect(code('flag', actor(), situation({}, { articleLocked: true, threadLocked: true }))).toBeNull();
  });

  it('refuses a vote on one\'s own argument or a comment, and a flag on one\'s own, but lets one reply to one\'s own', () => {
    const mine = situation({ authorId: 'me' });
    expect(code('vote', actor(), mine)).toBe(ERROR_CODES.SELF_VOTE);
    expect(code('flag', actor(), mine)).toBe(ERROR_CODES.FORBIDDEN);
    expect(code('reply', actor(), mine)).toBeNull();
    expect(code('vote', actor(), situation({ type: 'comment' }))).toBe(ERROR_CODES.FORBIDDEN);
    expect(code('reply', actor(), situation({ type: 'comment' }))).toBeNull();
  });

  it('refuses anything on a withdrawn argument, and votes and flags on one not published', () => {
    for (const action of ['reply', 'vote', 'flag'] as const) expect(code(action, actor(), situation({ withdrawn: true }))).toBe(ERROR_CODES.WITHDRAWN);
    expect(code('vote', actor(), situation({ status: 'pending' }))).toBe(ERROR_CODES.FORBIDDEN);
    expect(code('flag', actor(), situation({ status: 'hidden' }))).toBe(ERROR_CODES.FORBIDDEN);
  });

  it('lets only the author edit or withdraw, and not edit a withdrawn argument or one in a locked thread', () => {
    const mine = { authorId: 'me' };
    expect(code('edit', actor(), situation(mine))).toBeNull();
    expect(code('withdraw', actor(), situation(mine, { threadLocked: true }))).toBeNull();
    expect(code('edit', actor(), situation())).toBe(ERROR_CODES.FORBIDDEN);
    expect(code('withdraw', actor(), situation())).toBe(ERROR_CODES.FORBIDDEN);
    expect(code('edit', actor(), situation({ ...mine, withdrawn: true }))).toBe(ERROR_CODES.WITHDRAWN);
    expect(code('edit', actor(), situation(mine, { threadLocked: true }))).toBe(ERROR_CODES.LOCKED);
    expect(code('edit', actor({ banned: true }), situation(mine))).toBe(ERROR_CODES.BANNED);
  });

  it('throws the refusal as the domain error the API answers with', () => {
    expect(() => assertMay('vote', actor(), situation({ authorId: 'me' }), now)).toThrow(expect.objectContaining({ code: ERROR_CODES.SELF_VOTE }) as Error);
    expect(() => assertMay('vote', actor(), situation(), now)).not.toThrow();
  });
});
