import { emptyVotes, noReplies, type ArgumentNode, type ArticleDetail, type ArticleParagraph } from '@agora/shared';
import { mergeNodes } from './tree-ops';

/**
 * A paragraph's claim as the first screen tells it: its id, text and figures. Its vote totals are not
 * in the first screen, so its versions sit below any stored node's (version 1, votesVersion 0): the
 * claim as read from the server, or any vote event, replaces what is guessed here.
 */
export function claimFromParagraph(detail: ArticleDetail, p: ArticleParagraph): ArgumentNode | null {
  if (!p.nodeId) return null;
  return {
    id: p.nodeId,
    articleId: detail.id,
    parentId: detail.rootNodeId,
    ancestors: [detail.rootNodeId],
    depth: 1,
    type: 'claim',
    text: p.text,
    authorId: null,
    authorName: null,
    origin: 'article',
    paragraphIndex: p.index,
    sentenceIndex: null,
    anchor: null,
    status: 'visible',
    votes: emptyVotes(),
    votesVersion: -1,
    strength: p.strength ?? 0.5,
    rated: p.rated ?? false,
    replyCounts: { ...noReplies(), ...p.replyCounts },
    locked: false,
    pinned: false,
    withdrawn: false,
    createdAt: detail.createdAt,
    editedAt: null,
    version: 0,
  };
}

/** The reader's first nodes of an article: each paragraph's claim and its strongest replies. */
export function seedNodes(detail: ArticleDetail): ArgumentNode[] {
  const nodes: ArgumentNode[] = [];
  for (const p of detail.paragraphs) {
    const claim = claimFromParagraph(detail, p);
    if (claim) nodes.push(claim);
    nodes.push(...(p.topReplies ?? []));
  }
  return mergeNodes([], nodes);
}

/**
 * The reader's own votes as the first screen tells them, for the nodes it showed (claims and top
 * replies): a value or null (no vote). Undefined when the screen did not show the node, or was read
 * without the reader's token.
 */
export function voteShownIn(detail: ArticleDetail | undefined, nodeId: string): number | null | undefined {
  if (!detail?.myVotes) return undefined;
  const shown = detail.paragraphs.some((p) => p.nodeId === nodeId || p.topReplies?.some((r) => r.id === nodeId));
  if (!shown) return undefined;
  return detail.myVotes[nodeId] ?? null;
}
