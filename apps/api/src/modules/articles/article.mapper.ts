import type { ArticleDetail, ArticleParagraph, ArticleSummary } from '@agora/shared';
import type { NodeRecord } from '../nodes/node.model';
import type { ArticleRecord } from './article.model';
import type { ArticleWithText } from './articles.repository';

export function toArticleSummary(a: ArticleRecord): ArticleSummary {
  return {
    id: String(a._id),
    title: a.title,
    slug: a.slug,
    paragraphCount: a.paragraphCount ?? a.paragraphs?.length ?? 0,
    nodeCount: a.nodeCount,
    replyCount: a.replyCount,
    locked: !!a.locked,
    createdAt: new Date(a.createdAt).toISOString(),
    lastActivityAt: new Date(a.lastActivityAt).toISOString(),
  };
}

export function toArticleDetail(a: ArticleWithText, claims: Pick<NodeRecord, '_id' | 'paragraphIndex' | 'replyCounts' | 'strength'>[]): ArticleDetail {
  const byIndex = new Map(claims.map((c) => [c.paragraphIndex, c]));
  const paragraphs: ArticleParagraph[] = a.paragraphs.map((p) => {
    const claim = byIndex.get(p.index);
    return { ...p, nodeId: claim ? String(claim._id) : p.nodeId, replyCounts: claim?.replyCounts ?? { support: 0, rebuttal: 0 }, strength: claim?.strength ?? 0.5 };
  });
  return { ...toArticleSummary(a), paragraphCount: paragraphs.length, rootNodeId: String(a.rootNodeId), paragraphs };
}
