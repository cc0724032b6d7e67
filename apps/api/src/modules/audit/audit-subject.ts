import { excerpt } from '@agora/shared';
import type { Types } from 'mongoose';

/** How much of a node's text an audit entry keeps, for moderators to recognise the post. */
export const AUDIT_EXCERPT = 120;

/** The audit fields that say whose node an entry concerns and where it is. */
export function nodeSubject(node: { _id: Types.ObjectId; articleId: Types.ObjectId; authorId: Types.ObjectId | null; authorName: string | null; text: string }) {
  return {
    targetType: 'node' as const,
    targetId: node._id,
    subjectUserId: node.authorId,
    subjectUserName: node.authorName,
    articleId: node.articleId,
    excerpt: excerpt(node.text, AUDIT_EXCERPT),
  };
}
