import { useContext } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ERROR_CODES, nodeActionRefusal, type ArgumentNode, type NodeAction, type Refusal } from '@agora/shared';
import { articleQuery } from '../../../api/queries';
import { useAuth } from '../../auth/hooks/useAuth';
import { ThreadContext } from './useThread';

/** A time as readers of the page read it: "12 Dec, 14:00". */
export const localTime = (d: Date): string => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(d);

export type NodeRefusals = Record<NodeAction, Refusal | null>;

/**
 * What the server would refuse the reader on this node, known before any click from what the page
 * holds: the reader's standing (auth/me), the article's lock, and the locks of the node and the
 * arguments above it that are loaded. A signed-out reader is refused nothing here: trying asks them
 * to sign in. Until the reader's standing is known (the session being restored), every action waits:
 * a click in that moment could otherwise go to the server on behalf of a suspended account.
 */
export function useNodeRefusals(node: Pick<ArgumentNode, 'articleId' | 'type' | 'status' | 'authorId' | 'withdrawn' | 'locked' | 'ancestors'>): NodeRefusals {
  const { user, loading } = useAuth();
  // The page that shows the node has read its article; this only follows it (no request of its own).
  const articleLocked = useQuery({ ...articleQuery(node.articleId), enabled: false, select: (a) => a.locked }).data;
  const index = useContext(ThreadContext)?.index;
  const situation = {
    node,
    articleLocked: !!articleLocked,
    threadLocked: node.locked || node.ancestors.some((id) => !!index?.byId.get(id)?.locked),
  };
  if (loading) {
    const checking: Refusal = { code: ERROR_CODES.FORBIDDEN, message: 'Checking your account…' };
    return { reply: checking, vote: checking, flag: checking, edit: checking, withdraw: checking };
  }
  const now = new Date();
  const refusal = (action: NodeAction) => {
    const r = nodeActionRefusal(action, user, situation, now, localTime);
    return r?.code === ERROR_CODES.UNAUTHENTICATED ? null : r;
  };
  return { reply: refusal('reply'), vote: refusal('vote'), flag: refusal('flag'), edit: refusal('edit'), withdraw: refusal('withdraw') };
}
