import { emptyVotes } from '@agora/shared';
import { Types } from 'mongoose';
import { newNode } from './new-node';
import { NodeSnapshots } from './node-snapshots';

const aNode = () => newNode({ articleId: new Types.ObjectId(), type: 'claim', text: 'Claim', origin: 'article', children: new Map([['a', { type: 'support', strength: 0.5, origin: 'user' }]]) });

describe('NodeSnapshots', () => {
  it('gives back what was set, until it is forgotten', () => {
    const sut = new NodeSnapshots(10);
    const node = aNode();
    sut.set('n', node);
    expect(sut.get('n')).toBe(node);
    sut.forget('n');
    expect(sut.get('n')).toBeUndefined();
  });

  it('freezes the node and its figures, so no holder can change the next one’s copy, but not its children map', () => {
    const sut = new NodeSnapshots(10);
    const node = aNode();
    sut.set('n', node);
    const held = sut.get('n')!;
    expect(() => ((held as { strength: number }).strength = 1)).toThrow(TypeError);
    expect(() => ((held.votes as { count: number }).count = 3)).toThrow(TypeError);
    expect(() => (held.children = new Map())).toThrow(TypeError);
    // The lock holder sets entries in place (see setChild).
    held.children!.set('b', { type: 'rebuttal', strength: 0.4, origin: 'user' });
    expect(sut.get('n')!.children!.has('b')).toBe(true);
    // Ids stay usable as ids.
    expect(String(held._id)).toMatch(/^[0-9a-f]{24}$/);
    expect(held.votes).toEqual(emptyVotes());
  });

  it('drops the least recently used entry beyond its capacity', () => {
    const sut = new NodeSnapshots(2);
    sut.set('a', aNode());
    sut.set('b', aNode());
    sut.get('a');
    sut.set('c', aNode());
    expect(sut.get('b')).toBeUndefined();
    expect(sut.get('a')).toBeDefined();
    expect(sut.get('c')).toBeDefined();
  });

  it('forgets everything on clear', () => {
    const sut = new NodeSnapshots(10);
    sut.set('a', aNode());
    sut.clear();
    expect(sut.get('a')).toBeUndefined();
  });
});
