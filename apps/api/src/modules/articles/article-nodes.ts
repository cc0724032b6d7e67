import type { SplitArticle } from '@agora/shared';
import type { Types } from 'mongoose';
import { newNode } from '../nodes/new-node';
import type { NodeRecord } from '../nodes/node.model';

/**
 * The argument nodes of a freshly split article: the title as root thesis, a claim per paragraph,
 * and each sentence beneath its claim as a support or rebuttal.
 */
export function buildArticleNodes(articleId: Types.ObjectId, split: SplitArticle, now = new Date()): { root: NodeRecord; claims: NodeRecord[]; all: NodeRecord[] } {
  const base = (over: Partial<NodeRecord>): NodeRecord => newNode({ articleId, type: 'claim', text: '', origin: 'article', createdAt: now, ...over });
  const root = base({ text: split.title || 'Untitled article' });
  const claims: NodeRecord[] = [];
  const all: NodeRecord[] = [root];
  for (const paragraph of split.paragraphs) {
    const claim = base({ parentId: root._id, ancestors: [root._id], depth: 1, text: paragraph.text, paragraphIndex: paragraph.index });
    const sentences = paragraph.sentences.map((s) =>
      base({
        parentId: claim._id,
        ancestors: [root._id, claim._id],
        depth: 2,
        type: s.role,
        text: s.text,
        paragraphIndex: paragraph.index,
        sentenceIndex: s.index,
        anchor: { exact: s.text, prefix: '', suffix: '', start: s.start, end: s.end },
        attribution: s.attribution,
        hedges: s.hedges,
        question: s.question,
      }),
    );
    claims.push(claim);
    all.push(claim, ...sentences);
  }
  return { root, claims, all };
}
