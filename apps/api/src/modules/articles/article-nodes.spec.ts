import { NO_METADATA, type ArticleSentence, type SplitArticle } from '@agora/shared';
import { Types } from 'mongoose';
import { buildArticleNodes } from './article-nodes';

let offset = 0;
const sentence = (index: number, role: ArticleSentence['role'], target: number | null = null, stance: ArticleSentence['stance'] = null): ArticleSentence => {
  const text = `Sentence ${index} is a ${role}.`;
  offset += text.length + 1;
  return { index, text, start: offset - text.length - 1, end: offset - 1, role, target, stance, attribution: null, hedges: [], question: false };
};
const paragraph = (index: number, sentences: ArticleSentence[]) => ({ index, text: sentences.map((s) => s.text).join(' '), sentences });

describe('buildArticleNodes', () => {
  const split: SplitArticle = {
    title: 'A title',
    metadata: NO_METADATA,
    paragraphs: [
      paragraph(0, [sentence(0, 'context'), sentence(1, 'thesis')]),
      // A claim against the thesis, a premise aimed at another premise, and two that aim at each other.
      paragraph(1, [sentence(0, 'claim', null, 'against'), sentence(1, 'support'), sentence(2, 'rebuttal', 1), sentence(3, 'support', 4), sentence(4, 'support', 3)]),
    ],
  };
  const sut = buildArticleNodes(new Types.ObjectId(), split);
  const byId = new Map(sut.all.map((n) => [String(n._id), n]));
  const nodeOf = (p: number, s: number) => byId.get(sut.sentenceNodeIds[p][s]!)!;

  it('makes the thesis sentences the root and a claim sentence its paragraph’s node, with its stance', () => {
    expect(sut.sentenceNodeIds[0][1]).toBe(String(sut.root._id));
    expect(nodeOf(1, 0)).toBe(sut.claims[1]);
    expect(sut.claims[1]).toMatchObject({ parentId: sut.root._id, depth: 1, type: 'claim', stance: 'against' });
    expect(sut.claims[0].stance).toBeNull();
  });

  it('gives context sentences no node', () => {
    expect(sut.sentenceNodeIds[0][0]).toBeUndefined();
    expect(sut.all).toHaveLength(1 + 2 + 4);
  });

  it('places each premise beneath what it targets, with its ancestors, and breaks a cycle at the claim', () => {
    const support = nodeOf(1, 1);
    expect(support).toMatchObject({ type: 'support', parentId: sut.claims[1]._id, depth: 2, sentenceIndex: 1, paragraphIndex: 1 });
    expect(nodeOf(1, 2)).toMatchObject({ type: 'rebuttal', parentId: support._id, depth: 3, ancestors: [sut.root._id, sut.claims[1]._id, support._id] });
    const [three, four] = [nodeOf(1, 3), nodeOf(1, 4)];
    expect([three.parentId, four.parentId]).toContainEqual(sut.claims[1]._id);
    expect(three.parentId === four._id || four.parentId === three._id).toBe(true);
  });
});
