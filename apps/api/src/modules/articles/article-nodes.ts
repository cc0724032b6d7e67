import type { ArticleParagraph, SplitArticle } from '@agora/shared';
import type { Types } from 'mongoose';
import { newNode } from '../nodes/new-node';
import type { NodeRecord } from '../nodes/node.model';

export interface ArticleNodes {
  root: NodeRecord;
  /** One per paragraph, in order: the node readers reply to, which stands for the paragraph's claim. */
  claims: NodeRecord[];
  all: NodeRecord[];
  /** Per paragraph, per sentence: the node a sentence is argued as, or undefined for context. */
  sentenceNodeIds: (string | undefined)[][];
}

/**
 * The argument nodes of a freshly split article, following the sentences' roles: the article's
 * thesis at the root (its thesis sentences are that node), a node per paragraph beneath it standing
 * for the paragraph's claim (its claim sentence is that node; its stance says whether it supports or
 * attacks the thesis), and each premise beneath the sentence it targets, or beneath the claim.
 * Context sentences get no node: they are read, not argued over or voted on.
 */
export function buildArticleNodes(articleId: Types.ObjectId, split: SplitArticle, now = new Date()): ArticleNodes {
  const base = (over: Partial<NodeRecord>): NodeRecord => newNode({ articleId, type: 'claim', text: '', origin: 'article', createdAt: now, ...over });
  const root = base({ text: split.title || 'Untitled article' });
  const claims: NodeRecord[] = [];
  const all: NodeRecord[] = [root];
  const sentenceNodeIds: (string | undefined)[][] = [];
  for (const paragraph of split.paragraphs) {
    const stance = paragraph.sentences.find((s) => s.role === 'claim')?.stance ?? null;
    const claim = base({ parentId: root._id, ancestors: [root._id], depth: 1, text: paragraph.text, paragraphIndex: paragraph.index, stance });
    const premises = premiseNodes(paragraph, root, claim, base);
    claims.push(claim);
    all.push(claim, ...premises.values());
    sentenceNodeIds.push(
      paragraph.sentences.map((s) => {
        switch (s.role) {
          case 'thesis':
            return String(root._id);
          case 'claim':
            return String(claim._id);
          case 'support':
          case 'rebuttal':
            return String(premises.get(s.index)!._id);
          case 'context':
            return undefined;
        }
      }),
    );
  }
  return { root, claims, all, sentenceNodeIds };
}

/** The paragraph's supports and rebuttals by sentence index, each beneath what it targets. */
function premiseNodes(paragraph: ArticleParagraph, root: NodeRecord, claim: NodeRecord, base: (over: Partial<NodeRecord>) => NodeRecord): Map<number, NodeRecord> {
  const sentences = paragraph.sentences;
  const nodes = new Map<number, NodeRecord>();
  const parentOf = (index: number, seen: Set<number>): NodeRecord => {
    const target = sentences[index].target;
    const aimed = target === null ? undefined : sentences[target];
    if (!aimed || seen.has(aimed.index)) return claim;
    switch (aimed.role) {
      case 'thesis':
        return root;
      case 'support':
      case 'rebuttal':
        return nodeOf(aimed.index, seen);
      case 'claim':
      case 'context':
        return claim;
    }
  };
  const nodeOf = (index: number, seen: Set<number>): NodeRecord => {
    const made = nodes.get(index);
    if (made) return made;
    const s = sentences[index];
    const parent = parentOf(index, new Set([...seen, index]));
    const node = base({
      parentId: parent._id,
      ancestors: [...parent.ancestors, parent._id],
      depth: parent.depth + 1,
      type: s.role === 'rebuttal' ? 'rebuttal' : 'support',
      text: s.text,
      paragraphIndex: paragraph.index,
      sentenceIndex: s.index,
      anchor: { exact: s.text, prefix: '', suffix: '', start: s.start, end: s.end },
      attribution: s.attribution,
      hedges: s.hedges,
      question: s.question,
    });
    nodes.set(index, node);
    return node;
  };
  for (const s of sentences) if (s.role === 'support' || s.role === 'rebuttal') nodeOf(s.index, new Set());
  return new Map([...nodes].sort(([a], [b]) => a - b));
}
