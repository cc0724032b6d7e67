import { openDisputes, type DisputeNode } from './open-disputes';

let seq = 0;
const node = (over: Partial<DisputeNode> = {}): DisputeNode => ({
  id: `n${++seq}`,
  parentId: null,
  type: 'claim',
  text: 'A claim worth arguing over.',
  strength: 0.5,
  rated: false,
  locked: false,
  withdrawn: false,
  paragraphIndex: 0,
  ...over,
});
const reply = (parent: DisputeNode, type: 'support' | 'rebuttal', strength: number, over: Partial<DisputeNode> = {}) =>
  node({ parentId: parent.id, type, strength, rated: true, ...over });

describe('openDisputes', () => {
  it('ranks nodes by the weaker side of their rated support and attack', () => {
    const root = node({ parentId: null });
    const even = node({ parentId: root.id, text: 'Evenly contested' });
    const lopsided = node({ parentId: root.id, text: 'Mostly supported' });
    const sut = openDisputes([
      root, even, lopsided,
      reply(even, 'support', 0.7), reply(even, 'rebuttal', 0.6),
      reply(lopsided, 'support', 0.9), reply(lopsided, 'support', 0.9), reply(lopsided, 'rebuttal', 0.2),
    ]);
    expect(sut.map((d) => d.excerpt)).toEqual(['Evenly contested', 'Mostly supported']);
    expect(sut[0]).toMatchObject({ nodeId: even.id, support: 0.7, attack: 0.6, score: 0.6 });
    expect(sut[1].score).toBeCloseTo(0.2);
  });

  it('leaves out nodes attacked or supported only, unrated replies, and locked or withdrawn nodes', () => {
    const root = node();
    const attackedOnly = node({ parentId: root.id });
    const unrated = node({ parentId: root.id });
    const locked = node({ parentId: root.id, locked: true });
    const withdrawn = node({ parentId: root.id, withdrawn: true });
    const sut = openDisputes([
      root, attackedOnly, unrated, locked, withdrawn,
      reply(attackedOnly, 'rebuttal', 0.9),
      reply(unrated, 'support', 0.5, { rated: false }), reply(unrated, 'rebuttal', 0.5, { rated: false }),
      reply(locked, 'support', 0.8), reply(locked, 'rebuttal', 0.8),
      reply(withdrawn, 'support', 0.8), reply(withdrawn, 'rebuttal', 0.8),
    ]);
    expect(sut).toEqual([]);
  });

  it('counts a paragraph claim against the thesis as an attack on it, and keeps at most `limit`', () => {
    const thesis = node({ text: 'The thesis', paragraphIndex: null });
    const others = Array.from({ length: 5 }, () => node({ parentId: thesis.id }));
    const nodes = [
      thesis,
      node({ parentId: thesis.id, type: 'claim', stance: 'for', strength: 0.6, rated: true }),
      node({ parentId: thesis.id, type: 'claim', stance: 'against', strength: 0.55, rated: true }),
      ...others,
      ...others.flatMap((o, i) => [reply(o, 'support', 0.1 * (i + 1)), reply(o, 'rebuttal', 0.1 * (i + 1))]),
    ];
    expect(openDisputes(nodes, 10).find((d) => d.nodeId === thesis.id)).toMatchObject({ support: 0.6, attack: 0.55 });
    const top = openDisputes(nodes, 2);
    expect(top.map((d) => d.nodeId)).toEqual([thesis.id, others[4].id]);
  });

  it('breaks ties by the total said on both sides', () => {
    const a = node();
    const b = node();
    const sut = openDisputes([a, b, reply(a, 'support', 0.5), reply(a, 'rebuttal', 0.5), reply(b, 'support', 0.9), reply(b, 'rebuttal', 0.5)]);
    expect(sut.map((d) => d.nodeId)).toEqual([b.id, a.id]);
  });
});
