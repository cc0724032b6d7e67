import { NO_METADATA, noReplies, type ArgumentNode, type ArticleDetail, type ArticleParagraph, type ArticleSummary } from '@agora/shared';
import type { ArticleTree } from '../article-tree/article-tree';
import { sortChildren } from '../nodes/sort-children';
import type { ArticleRecord } from './article.model';
import type { ArticleWithText } from './articles.repository';

/** Replies shown beneath each paragraph on the first screen; the rest load as the reader opens them. */
export const TOP_REPLIES = 3;

const later = (a: string, b: string | null): string => (b !== null && b > a ? b : a);

/** An article's activity: its readers' public replies and the time of the latest. */
export interface ArticleActivity {
  replies: number;
  lastActivityAt: Date | string | null;
}

/** An article's activity as its tree gives it. */
export const activityOf = (tree: ArticleTree): ArticleActivity => ({ replies: tree.replyCount(), lastActivityAt: tree.lastReplyAt() });

export function toArticleSummary(a: ArticleRecord, activity: ArticleActivity | null): ArticleSummary {
  const createdAt = new Date(a.createdAt).toISOString();
  const lastReplyAt = activity?.lastActivityAt ? new Date(activity.lastActivityAt).toISOString() : null;
  return {
    id: String(a._id),
    title: a.title,
    metadata: { ...NO_METADATA, ...a.metadata },
    slug: a.slug,
    paragraphCount: a.paragraphCount,
    nodeCount: a.nodeCount,
    replyCount: activity?.replies ?? 0,
    locked: !!a.locked,
    createdAt,
    lastActivityAt: later(createdAt, lastReplyAt),
    revision: a.revision ?? 0,
    revisedAt: a.revisedAt ? new Date(a.revisedAt).toISOString() : null,
  };
}

/** The first screen of an article: each paragraph with its claim's figures and its strongest replies. */
export function toArticleDetail(a: ArticleWithText, tree: ArticleTree): ArticleDetail {
  const paragraphs: ArticleParagraph[] = a.paragraphs.map((p) => {
    const claim: ArgumentNode | undefined = p.nodeId ? tree.view(p.nodeId) : undefined;
    const replies = claim ? sortChildren(tree.childrenOf(claim.id).filter((c) => c.origin === 'user'), 'strength').slice(0, TOP_REPLIES) : [];
    // Articles imported before sentences had targets and stances read as having none.
    const sentences = p.sentences.map((s) => ({ ...s, target: s.target ?? null, stance: s.stance ?? null }));
    return { ...p, sentences, replyCounts: claim?.replyCounts ?? noReplies(), strength: claim?.strength ?? 0.5, rated: claim?.rated ?? false, topReplies: replies };
  });
  return { ...toArticleSummary(a, activityOf(tree)), paragraphCount: paragraphs.length, rootNodeId: String(a.rootNodeId), paragraphs };
}
