import { describe, expect, it } from 'vitest';
import type { ArticleDetail } from '@agora/shared';
import { makeNode, makeTree } from '../test/factories';
import { seedNodes, voteShownIn } from './article-seed';
import { indexTree } from './tree-ops';

function detail(over: Partial<ArticleDetail> = {}): ArticleDetail {
  const t = makeTree();
  return {
    id: t.articleId,
    title: 'T',
    metadata: { sourceUrl: null, author: null, publishedAt: null, licence: null },
    slug: 't',
    paragraphCount: 2,
    nodeCount: 9,
    replyCount: 2,
    locked: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    lastActivityAt: '2025-01-01T00:00:00.000Z',
    revision: 0,
    revisedAt: null,
    rootNodeId: t.root.id,
    paragraphs: [
      { index: 0, text: 'One.', sentences: [], nodeId: t.claim.id, replyCounts: { support: 1, rebuttal: 4, comment: 0 }, strength: 0.4, topReplies: [t.support, t.rebut] },
      { index: 1, text: 'Two.', sentences: [], nodeId: 'c'.repeat(24), replyCounts: { support: 0, rebuttal: 0, comment: 0 }, strength: 0.5, topReplies: [] },
    ],
    ...over,
  };
}

describe('seedNodes', () => {
  it('outlines each paragraph’s claim from its figures, under the thesis, with its strongest replies', () => {
    const d = detail();
    const sut = indexTree(seedNodes(d));
    const claim = sut.claimByParagraph.get(0)!;
    expect(claim).toMatchObject({ id: d.paragraphs[0].nodeId, parentId: d.rootNodeId, text: 'One.', strength: 0.4, replyCounts: { support: 1, rebuttal: 4, comment: 0 } });
    expect(sut.children.get(claim.id)!.map((n) => n.text)).toEqual(['That is right', 'That is wrong']);
    expect(sut.claimByParagraph.get(1)!.id).toBe('c'.repeat(24));
    // Below any stored node's versions, so the claim as read from the server replaces the outline.
    expect(claim).toMatchObject({ version: 0, votesVersion: -1 });
  });
});

describe('voteShownIn', () => {
  it('tells the reader’s vote on the nodes the first screen showed, and nothing about others', () => {
    const base = detail();
    const [support, rebut] = base.paragraphs[0].topReplies!;
    const sut = { ...base, myVotes: { [rebut.id]: 4 } };
    expect(voteShownIn(sut, rebut.id)).toBe(4);
    expect(voteShownIn(sut, support.id)).toBe(null);
    expect(voteShownIn(sut, base.paragraphs[1].nodeId!)).toBe(null);
    expect(voteShownIn(sut, makeNode().id)).toBeUndefined();
    // Read without the reader's token: it tells nothing.
    expect(voteShownIn(base, rebut.id)).toBeUndefined();
  });
});
