import { Types } from 'mongoose';
import { childEntry, childrenMap, packChildren, replyCountsOf, setChild, unpackChildren } from './children';

describe('children map', () => {
  const a = new Types.ObjectId();
  const b = new Types.ObjectId();
  const map = childrenMap([
    { _id: a, type: 'support', strength: 0.7, origin: 'user' },
    { _id: b, type: 'rebuttal', strength: 0.4, origin: 'article' },
  ]);

  it('keys public children by id with what strength needs', () => {
    expect(map).toEqual(
      new Map([
        [String(a), { type: 'support', strength: 0.7, origin: 'user' }],
        [String(b), { type: 'rebuttal', strength: 0.4, origin: 'article' }],
      ]),
    );
  });

  it('leaves out nodes that are not public', () => {
    expect(childEntry({ type: 'support', strength: 0.5, origin: 'user', status: 'hidden' })).toBeNull();
    expect(childEntry({ type: 'rebuttal', strength: 0.5, origin: 'user', status: 'visible' })).toEqual({ type: 'rebuttal', strength: 0.5, origin: 'user' });
  });

  it('sets, replaces and removes one entry in place', () => {
    const owned = new Map(map);
    const c = String(new Types.ObjectId());
    setChild(owned, c, { type: 'rebuttal', strength: 0.9, origin: 'user' });
    expect(owned.size).toBe(3);
    setChild(owned, c, { type: 'rebuttal', strength: 0.2, origin: 'user' });
    expect(owned.get(c)?.strength).toBe(0.2);
    setChild(owned, String(a), null);
    expect(owned.has(String(a))).toBe(false);
    expect(owned.size).toBe(2);
  });

  it("counts readers' replies by type, not the article's own sentences", () => {
    const owned = new Map(map);
    setChild(owned, String(new Types.ObjectId()), { type: 'rebuttal', strength: 0.9, origin: 'user' });
    expect(replyCountsOf(owned)).toEqual({ support: 1, rebuttal: 1 });
  });

  it('is stored as one string and read back as the same map, and reads a map stored unpacked', () => {
    const packed = packChildren(map);
    expect(typeof packed).toBe('string');
    expect(unpackChildren(packed)).toEqual(map);
    expect(unpackChildren(packChildren(new Map()))).toEqual(new Map());
    expect(unpackChildren(Object.fromEntries(map))).toEqual(map);
    expect(unpackChildren(undefined)).toBeUndefined();
    expect(unpackChildren(null)).toBeUndefined();
  });
});
