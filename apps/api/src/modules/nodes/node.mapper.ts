import { canReadText, canSeeNonPublic, type ArgumentNode, type NodeFigures, type NodeModeration, type NodeSituation, type VoteHistogram } from '@agora/shared';
import type { RequestUser } from '../../common/decorators/current-user.decorator';
import type { NodeModerationRecord, NodeRecord } from './node.model';

export type Viewer = Pick<RequestUser, 'id' | 'role'> | null | undefined;

/** A stored node as permissions see it (see nodeActionRefusal). */
export const situationOf = (n: Pick<NodeRecord, 'type' | 'status' | 'authorId' | 'withdrawn'>): NodeSituation['node'] => ({
  type: n.type,
  status: n.status,
  authorId: n.authorId ? String(n.authorId) : null,
  withdrawn: !!n.withdrawn,
});

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** A node as the viewer may see it, with its derived figures: text they may not read is sent empty. */
export function toArgumentNode(n: NodeRecord, viewer: Viewer, figures: NodeFigures): ArgumentNode {
  const authorId = n.authorId ? String(n.authorId) : null;
  const readable = !n.withdrawn && canReadText(viewer, { status: n.status, authorId });
  const out: ArgumentNode = {
    id: String(n._id),
    articleId: String(n.articleId),
    parentId: n.parentId ? String(n.parentId) : null,
    ancestors: (n.ancestors ?? []).map(String),
    depth: n.depth,
    type: n.type,
    text: readable ? n.text : '',
    authorId,
    authorName: n.authorName ?? null,
    origin: n.origin,
    paragraphIndex: n.paragraphIndex ?? null,
    sentenceIndex: n.sentenceIndex ?? null,
    anchor: n.anchor ?? null,
    status: n.status,
    votes: { count: n.votes.count, sum: n.votes.sum, histogram: n.votes.histogram as VoteHistogram },
    votesVersion: n.votesVersion ?? 0,
    strength: figures.strength,
    rated: figures.rated,
    replyCounts: { ...figures.replyCounts },
    locked: !!n.locked,
    pinned: !!n.pinned,
    withdrawn: !!n.withdrawn,
    createdAt: iso(n.createdAt) ?? '',
    editedAt: iso(n.editedAt),
    version: n.version ?? 1,
  };
  if (n.origin === 'article' && n.sentenceIndex !== null && n.sentenceIndex !== undefined) {
    out.attribution = n.attribution ?? null;
    out.hedges = n.hedges ?? [];
    out.question = !!n.question;
  }
  if (n.origin === 'article' && n.stance !== undefined) out.stance = n.stance;
  if (n.slowModeSeconds) out.slowModeSeconds = n.slowModeSeconds;
  if (n.moderation && canSeeNonPublic(viewer, { authorId })) out.moderation = toNodeModeration(n.moderation);
  if (n.orphan) out.orphaned = true;
  return out;
}

export function toNodeModeration(m: NodeModerationRecord): NodeModeration {
  return {
    decisionId: String(m.decisionId),
    action: m.action,
    reason: m.reason ?? null,
    reasonCode: m.reasonCode ?? null,
    decidedAt: new Date(m.decidedAt).toISOString(),
    appeal: m.appeal ?? null,
  };
}
