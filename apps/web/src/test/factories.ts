import type { ArgumentNode, AuditEntry, FlagView, PublicUser, QueueItem } from '@agora/shared';

let seq = 0;
const hex = (n: number) => n.toString(16).padStart(24, '0');

export function makeNode(over: Partial<ArgumentNode> = {}): ArgumentNode {
  seq++;
  return {
    id: hex(seq),
    articleId: 'a'.repeat(24),
    parentId: null,
    ancestors: [],
    depth: 0,
    type: 'support',
    text: `Argument ${seq}`,
    authorId: 'author-1',
    authorName: 'alice',
    origin: 'user',
    paragraphIndex: null,
    sentenceIndex: null,
    anchor: null,
    status: 'visible',
    votes: { count: 0, sum: 0, histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } },
    votesVersion: 0,
    strength: 0.5,
    rated: true,
    replyCounts: { support: 0, rebuttal: 0, comment: 0 },
    locked: false,
    pinned: false,
    withdrawn: false,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, seq)).toISOString(),
    editedAt: null,
    version: 1,
    ...over,
  };
}

export function makeUser(over: Partial<PublicUser> = {}): PublicUser {
  return { id: 'user-1', username: 'reader', role: 'participant', createdAt: '2025-01-01T00:00:00.000Z', suspendedUntil: null, banned: false, ...over };
}

/** A small article tree: thesis → paragraph claim → replies, with the reply counts the server would give. */
export function makeTree() {
  const articleId = 'a'.repeat(24);
  const root = makeNode({ type: 'claim', origin: 'article', text: 'Thesis', authorId: null, authorName: null });
  const claim = makeNode({
    type: 'claim',
    origin: 'article',
    parentId: root.id,
    ancestors: [root.id],
    depth: 1,
    paragraphIndex: 0,
    text: 'Paragraph claim',
    authorId: null,
    replyCounts: { support: 1, rebuttal: 1, comment: 0 },
  });
  const under = (parent: ArgumentNode) => ({ parentId: parent.id, ancestors: [...parent.ancestors, parent.id], depth: parent.depth + 1, paragraphIndex: 0 });
  const rebut = makeNode({ type: 'rebuttal', ...under(claim), text: 'That is wrong', strength: 0.3 });
  const support = makeNode({ type: 'support', ...under(claim), text: 'That is right', strength: 0.8, replyCounts: { support: 0, rebuttal: 1, comment: 0 } });
  const nested = makeNode({ type: 'rebuttal', ...under(support), text: 'Not so fast' });
  return { articleId, root, claim, rebut, support, nested, all: [root, claim, rebut, support, nested] };
}

let flagSeq = 0;
/** A review-queue entry: a node, its open flags and its author. */
export function makeQueueItem(over: Partial<QueueItem> = {}): QueueItem {
  const node = over.node ?? makeNode({ type: 'rebuttal', status: 'pending', authorId: 'ann-id', authorName: 'ann' });
  const flag = (reason: FlagView['reason'], username: string, note: string | null = null): FlagView => ({
    id: `flag-${++flagSeq}`,
    userId: `${username}-id`,
    username,
    reason,
    note,
    weight: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
  });
  return {
    node,
    flags: [flag('spam', 'ben'), flag('off-topic', 'dee', 'not about Iraq')],
    author: { id: 'ann-id', username: 'ann', suspendedUntil: null, banned: false },
    authorHistory: [],
    ...over,
  };
}

export function makeAuditEntry(over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `audit-${++flagSeq}`,
    action: 'hide',
    actorId: 'mod-id',
    actorName: 'mo',
    targetType: 'node',
    targetId: 'f'.repeat(24),
    subjectUserId: 'ann-id',
    subjectUserName: 'ann',
    articleId: 'a'.repeat(24),
    nodeId: 'f'.repeat(24),
    excerpt: 'Buy cheap watches',
    reason: 'needs a source',
    reasonCode: 'spam',
    before: { status: 'visible' },
    after: { status: 'hidden' },
    createdAt: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}
