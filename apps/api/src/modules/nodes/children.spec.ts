import { Types } from 'mongoose';
import { childEntry, childrenMap, packChildren, replyCountsOf, unpackChildren, withChild } from './children';

describe('children map', () => {
  const a = new Types.ObjectId();
  const b = new Types.ObjectId();
  const map = childrenMap([
    { _id: a, type: 'support', strength: 0.7, origin: 'user' },
    { _id: b, type: 'rebuttal', strength: 0.4, origin: 'article' },
  ]);

  it('keys public children by id with what strength needs', () => {
    expect(map).toEqual({ [String(a)]: { type: 'support', strength: 0.7, origin: 'user' }, [String(b)]: { type: 'rebuttal', strength: 0.4, origin: 'article' } });
  });

  it('leaves out nodes that are not public', () => {
    expect(childEntry({ type: 'support', strength: 0.5, origin: 'user', status: 'hidden' })).toBeNull();
    expect(childEntry({ type: 'rebuttal', strength: 0.5, origin: 'user', status: 'visible' })).toEqual({ type: 'rebuttal', strength: 0.5, origin: 'user' });
  });

  it('sets and removes one entry without touching the map it was given', () => {
    const c = String(new Types.ObjectId());
    const added = withChild(map, c, { type: 'rebuttal', strength: 0.9, origin: 'user' });
    expect(Object.keys(added)).toHaveLength(3);
    expect(Object.keys(map)).toHaveLength(2);
    expect(withChild(added, String(a), null)).not.toHaveProperty(String(a));
  });

  it("counts readers' replies by type, not the article's own sentences", () => {
    const c = String(new Types.ObjectId());
    expect(replyCountsOf(withChild(map, c, { type: 'rebuttal', strength: 0.9, origin: 'user' }))).toEqual({ support: 1, rebuttal: 1 });
  });

  it('is stored as one string and read back as the same map, and reads a map stored unpacked', () => {
    const packed = packChildren(map);
    expect(typeof packed).toBe('string');
    expect(unpackChildren(packed)).toEqual(map);
    expect(unpackChildren(packChildren({}))).toEqual({});
    expect(unpackChildren(map)).toEqual(map);
    expect(unpackChildren(undefined)).toBeUndefined();
    expect(unpackChildren(null)).toBeUndefined();
  });
});
