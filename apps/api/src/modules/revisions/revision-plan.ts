import { keepRoles, matchRevision, reanchorQuote, type Anchor, type ArticleParagraph, type SplitArticle } from '@agora/shared';
import type { Types } from 'mongoose';
import { newNode } from '../nodes/new-node';
import type { NodeOrphan, NodeRecord } from '../nodes/node.model';

/** What a revision reads of each node of the article. */
export type PlannedNode = Pick<NodeRecord, '_id' | 'parentId' | 'ancestors' | 'depth' | 'origin' | 'type' | 'text' | 'paragraphIndex' | 'sentenceIndex' | 'anchor' | 'version' | 'orphan'>;

/** Fields one node takes, set absolutely so that applying a plan twice changes nothing more. */
export type NodeChange = Partial<Pick<NodeRecord, 'text' | 'type' | 'paragraphIndex' | 'sentenceIndex' | 'anchor' | 'orphan' | 'stance' | 'attribution' | 'hedges' | 'question' | 'version'>>;

export interface RevisionPlan {
  /** The new text's paragraphs, each with its claim node and its sentences' nodes. */
  paragraphs: ArticleParagraph[];
  updates: { id: Types.ObjectId; set: NodeChange }[];
  inserts: NodeRecord[];
  unchanged: string[];
  reanchored: string[];
  orphaned: string[];
}

const PASSAGE = 200;
const sameAnchor = (a: Anchor | null, b: Anchor | null): boolean => a?.exact === b?.exact && a?.start === b?.start && a?.end === b?.end;

/**
 * How a new text of an article takes over the old one's nodes (see matchRevision): a paragraph found
 * again keeps its claim node, a sentence found again (unchanged or reworded) keeps its node and so its
 * votes and replies, new ones get new nodes; a reader's reply to a paragraph follows its paragraph and
 * its quoted passage is found again (exactly, else approximately, see reanchorQuote). What is not found
 * is orphaned, replies and all: kept where it is in the tree, flagged, with the passage it stood for.
 * Every other node follows its paragraph's new index.
 */
export function planRevision(args: {
  articleId: Types.ObjectId;
  rootId: Types.ObjectId;
  before: readonly ArticleParagraph[];
  after: SplitArticle;
  nodes: readonly PlannedNode[];
  revision: number;
  now: Date;
}): RevisionPlan {
  const { articleId, rootId, before, after, nodes, revision, now } = args;
  const match = matchRevision(
    before.map((p) => p.sentences.map((s) => s.text)),
    after.paragraphs.map((p) => p.sentences.map((s) => s.text)),
  );
  // Sentences found again keep their part in the argument (and so their nodes); new ones take the split's.
  const next = keepRoles(before, after.paragraphs, match);
  const byId = new Map(nodes.map((n) => [String(n._id), n]));
  const changes = new Map<string, NodeChange>();
  const change = (id: string, set: NodeChange): void => void changes.set(id, { ...changes.get(id), ...set });
  const unchanged: string[] = [];
  const reanchored: string[] = [];
  const orphaned: string[] = [];
  const inserts: NodeRecord[] = [];
  const newIndexOf = (old: number | null | undefined): number | null => (old === null || old === undefined ? null : (match.paragraphs[old] ?? null));
  /** `exact`: the passage it stood for; `old`: its paragraph before. It stays in its paragraph if that one is still there. */
  const orphan = (id: string, exact: string | null, old: number): void => {
    if (!byId.has(id)) return;
    orphaned.push(id);
    const orphanInfo: NodeOrphan = { exact: exact === null ? null : exact.slice(0, PASSAGE), paragraphIndex: old, revision };
    change(id, { orphan: orphanInfo, anchor: null, sentenceIndex: null, paragraphIndex: newIndexOf(old) });
  };

  // Claims: a paragraph found again keeps its node; a deleted one's claim is orphaned.
  const claimOf = new Map<number, string>();
  const claimIds = new Set<string>();
  before.forEach((p, old) => {
    if (!p.nodeId) return;
    claimIds.add(p.nodeId);
    const to = match.paragraphs[old];
    if (to === null || to === undefined) return orphan(p.nodeId, p.text, p.index);
    claimOf.set(to, p.nodeId);
    const text = next[to].text;
    const stance = next[to].sentences.find((s) => s.role === 'claim')?.stance ?? null;
    if (text === p.text && to === old) unchanged.push(p.nodeId);
    else reanchored.push(p.nodeId);
    change(p.nodeId, { text, paragraphIndex: to, stance });
  });
  const fresh = (over: Partial<NodeRecord>): NodeRecord => {
    const node = newNode({ articleId, type: 'claim', text: '', origin: 'article', createdAt: now, ...over });
    inserts.push(node);
    return node;
  };
  next.forEach((p, to) => {
    if (claimOf.has(to)) return;
    const stance = p.sentences.find((s) => s.role === 'claim')?.stance ?? null;
    claimOf.set(to, String(fresh({ parentId: rootId, ancestors: [rootId], depth: 1, text: p.text, paragraphIndex: to, stance })._id));
  });

  // The article's premises: found again as a premise, they keep their node; else they are orphaned.
  const sentenceNodes: (string | undefined)[][] = next.map(() => []);
  before.forEach((p, old) =>
    p.sentences.forEach((s, si) => {
      if (!s.nodeId || s.nodeId === String(rootId) || claimIds.has(s.nodeId) || !byId.has(s.nodeId)) return;
      const place = match.sentences[old][si];
      const target = place ? next[place.paragraph].sentences[place.sentence] : null;
      if (!place || !target || (target.role !== 'support' && target.role !== 'rebuttal')) return orphan(s.nodeId, s.text, p.index);
      sentenceNodes[place.paragraph][place.sentence] = s.nodeId;
      const anchor: Anchor = { exact: target.text, prefix: '', suffix: '', start: target.start, end: target.end };
      if (place.paragraph === old && place.sentence === si && target.text === s.text && target.start === s.start) unchanged.push(s.nodeId);
      else reanchored.push(s.nodeId);
      change(s.nodeId, {
        text: target.text,
        type: target.role,
        paragraphIndex: place.paragraph,
        sentenceIndex: place.sentence,
        anchor,
        attribution: target.attribution,
        hedges: target.hedges,
        question: target.question,
      });
    }),
  );
  const paragraphs: ArticleParagraph[] = next.map((p, to) => {
    const claimId = claimOf.get(to)!;
    const claim = byId.get(claimId) ?? inserts.find((n) => String(n._id) === claimId)!;
    const sentences = p.sentences.map((s) => {
      let nodeId: string | undefined;
      if (s.role === 'thesis') nodeId = String(rootId);
      else if (s.role === 'claim') nodeId = claimId;
      else if (s.role === 'support' || s.role === 'rebuttal') {
        nodeId = sentenceNodes[to][s.index];
        if (!nodeId) {
          // A new premise goes beneath the node of the sentence it targets when that one is placed already, else beneath the claim.
          const aimed = s.target === null ? undefined : sentenceNodes[to][s.target];
          const parent = (aimed && (byId.get(aimed) ?? inserts.find((n) => String(n._id) === aimed))) || claim;
          const node = fresh({
            parentId: parent._id,
            ancestors: [...parent.ancestors, parent._id],
            depth: parent.depth + 1,
            type: s.role,
            text: s.text,
            paragraphIndex: to,
            sentenceIndex: s.index,
            anchor: { exact: s.text, prefix: '', suffix: '', start: s.start, end: s.end },
            attribution: s.attribution,
            hedges: s.hedges,
            question: s.question,
          });
          nodeId = String(node._id);
          sentenceNodes[to][s.index] = nodeId;
        }
      }
      return { ...s, nodeId };
    });
    return { ...p, nodeId: claimId, sentences };
  });

  // Readers' replies to a paragraph follow it and find their passage again; the rest follow their paragraph.
  const paragraphOfClaim = new Map(before.filter((p) => p.nodeId).map((p) => [p.nodeId!, p.index]));
  for (const n of nodes) {
    const id = String(n._id);
    if (changes.has(id) || n.origin !== 'user') continue;
    const old = n.parentId ? paragraphOfClaim.get(String(n.parentId)) : undefined;
    if (old === undefined || n.orphan) {
      const to = newIndexOf(n.paragraphIndex);
      if (to !== (n.paragraphIndex ?? null)) change(id, { paragraphIndex: to });
      continue;
    }
    const to = match.paragraphs[old];
    if (to === null || to === undefined) {
      orphan(id, n.anchor?.exact ?? null, old);
      continue;
    }
    if (!n.anchor) {
      (to === old ? unchanged : reanchored).push(id);
      if (to !== old) change(id, { paragraphIndex: to });
      continue;
    }
    const found = reanchorQuote(next[to].text, { exact: n.anchor.exact, prefix: n.anchor.prefix, suffix: n.anchor.suffix, start: n.anchor.start });
    if (!found) {
      orphan(id, n.anchor.exact, old);
      continue;
    }
    if (to === old && sameAnchor(found.anchor, n.anchor)) {
      unchanged.push(id);
      continue;
    }
    reanchored.push(id);
    change(id, { paragraphIndex: to, anchor: found.anchor });
  }
  // The article's own nodes not placed above (premises' replies and the like) follow their paragraph too.
  for (const n of nodes) {
    const id = String(n._id);
    if (changes.has(id) || n.origin === 'user') continue;
    const to = newIndexOf(n.paragraphIndex);
    if (to !== (n.paragraphIndex ?? null)) change(id, { paragraphIndex: to });
  }
  const root = byId.get(String(rootId));
  if (root && after.title && root.text !== after.title) change(String(rootId), { text: after.title });

  const updates = [...changes].flatMap(([id, set]) => {
    const node = byId.get(id);
    return node ? [{ id: node._id, set: { ...set, version: (node.version ?? 1) + 1 } }] : [];
  });
  return { paragraphs, updates, inserts, unchanged, reanchored, orphaned };
}
