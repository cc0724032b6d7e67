import type { ArgumentNode, StoredLiveEvent } from '@agora/shared';
import { withCurrentText, withoutText, type CurrentText } from './event-text';

const node = (over: Partial<ArgumentNode> = {}): ArgumentNode =>
  ({ id: 'n1', articleId: 'a1', parentId: 'p1', ancestors: [], depth: 2, type: 'rebuttal', text: 'Doxxing: 12 Example St', authorId: 'author', status: 'visible', withdrawn: false, version: 1, ...over }) as ArgumentNode;
const created = (n: ArgumentNode): StoredLiveEvent => ({ name: 'node:created', payload: { articleId: 'a1', seq: 1, node: n } });
const textOf = (e: StoredLiveEvent): string => (e.name === 'node:created' || e.name === 'node:updated' ? e.payload.node.text : '');
const now = (over: Partial<CurrentText>): Map<string, CurrentText> => new Map([['n1', { text: 'Doxxing: 12 Example St', status: 'visible', authorId: 'author', withdrawn: false, ...over }]]);

describe('kept live events', () => {
  it('keep no node text', () => {
    const sut = withoutText(created(node()));
    expect(textOf(sut)).toBe('');
    expect(JSON.stringify(sut)).not.toContain('Example St');
  });

  it('take the text the node has now, for what the reader may read now', () => {
    const kept = withoutText(created(node()));
    expect(textOf(withCurrentText(kept, now({}), null))).toBe('Doxxing: 12 Example St');
    expect(textOf(withCurrentText(kept, now({ text: 'Edited.' }), null))).toBe('Edited.');
    expect(textOf(withCurrentText(kept, now({ status: 'hidden' }), null))).toBe('');
    expect(textOf(withCurrentText(kept, now({ status: 'hidden' }), { id: 'mod', role: 'moderator' }))).toBe('Doxxing: 12 Example St');
    expect(textOf(withCurrentText(kept, now({ status: 'hidden' }), { id: 'mod', role: 'moderator', banned: true }))).toBe('');
    expect(textOf(withCurrentText(kept, now({ status: 'removed' }), { id: 'author', role: 'participant' }))).toBe('');
    expect(textOf(withCurrentText(kept, now({ withdrawn: true }), null))).toBe('');
    expect(textOf(withCurrentText(kept, new Map(), null))).toBe('');
  });

  it('leave other events as they are', () => {
    const vote: StoredLiveEvent = { name: 'vote:changed', payload: { articleId: 'a1', seq: 2, nodeId: 'n1', votes: { count: 0, sum: 0, histogram: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } }, votesVersion: 1, strength: 0.5, rated: false } };
    expect(withoutText(vote)).toBe(vote);
    expect(withCurrentText(vote, new Map(), null)).toBe(vote);
  });
});
