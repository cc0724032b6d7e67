import type { QueryClient } from '@tanstack/react-query';
import type { ArgumentNode, ArticleDetail, PublicUser, StrengthFigure, VoteTotals } from '@agora/shared';
import { queryKeys } from './query-keys';
import { applyNodeChange, applyStrengths, applyVote, belongsOnPage, patchNode, replyDelta } from './tree-ops';

type Viewer = Pick<PublicUser, 'id' | 'role'> | null | undefined;

/** The lists holding an article's nodes that are in the cache: the reader's (partial) and the map's (whole). */
function listsOf(qc: QueryClient, articleId: string) {
  return [queryKeys.tree(articleId), queryKeys.fullTree(articleId)].filter((key) => qc.getQueryData(key) !== undefined);
}

/** Whether some list of the article's nodes is loaded, so changes have somewhere to go. */
export function hasNodes(qc: QueryClient, articleId: string): boolean {
  return listsOf(qc, articleId).length > 0;
}

const update = (qc: QueryClient, articleId: string, change: (nodes: ArgumentNode[]) => ArgumentNode[]) => {
  for (const key of listsOf(qc, articleId)) qc.setQueryData<ArgumentNode[]>(key, (old) => old && change(old));
};

/**
 * A node as an event or a write's answer tells it (`isNew`: just created), into every list of the
 * article's nodes, with the strengths that came with it; the article's reply count follows it.
 */
export function putNode(qc: QueryClient, node: ArgumentNode, viewer: Viewer, isNew: boolean, strengths: readonly StrengthFigure[] = []): void {
  const [first] = listsOf(qc, node.articleId);
  const held = first && qc.getQueryData<ArgumentNode[]>(first)?.find((n) => n.id === node.id);
  const delta = first ? replyDelta(held, node, isNew) : 0;
  if (!belongsOnPage(node, viewer)) {
    // A page of replies read before this change must not bring the node back (see mergeIntoTree).
    qc.setQueryData<Record<string, number>>(queryKeys.dropped(node.articleId), (old) => ({ ...old, [node.id]: Math.max(old?.[node.id] ?? 0, node.version) }));
  }
  if (delta !== 0) qc.setQueryData<ArticleDetail>(queryKeys.article(node.articleId), (a) => a && { ...a, replyCount: Math.max(0, a.replyCount + delta) });
  update(qc, node.articleId, (nodes) => applyStrengths(applyNodeChange(nodes, node, viewer, isNew), strengths));
}

/** New vote totals of a node, unless newer ones are held, and the strengths that came with them. */
export function putVotes(qc: QueryClient, articleId: string, nodeId: string, votes: VoteTotals, votesVersion: number, figure: Omit<StrengthFigure, 'nodeId'>, strengths: readonly StrengthFigure[] = []): void {
  update(qc, articleId, (nodes) => applyStrengths(applyVote(nodes, nodeId, votes, votesVersion, figure.strength, figure.rated), strengths));
}

/** Some fields of one node, wherever it is held. */
export function patchCachedNode(qc: QueryClient, articleId: string, id: string, fields: Partial<ArgumentNode>): void {
  update(qc, articleId, (nodes) => patchNode(nodes, id, fields));
}
