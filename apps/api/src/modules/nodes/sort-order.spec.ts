import { Types } from 'mongoose';
import { comparing } from './sort-order';

describe('comparing', () => {
  it('orders by each field in turn, in its direction, as the database sorts', () => {
    const older = new Types.ObjectId('000000000000000000000001');
    const newer = new Types.ObjectId('000000000000000000000002');
    const at = (s: number) => new Date(s * 1000);
    const nodes = [
      { id: 'a', pinned: false, strength: 0.4, createdAt: at(1), _id: older },
      { id: 'b', pinned: true, strength: 0.1, createdAt: at(1), _id: older },
      { id: 'c', pinned: false, strength: 0.9, createdAt: at(1), _id: older },
      { id: 'd', pinned: false, strength: 0.4, createdAt: at(2), _id: older },
      { id: 'e', pinned: false, strength: 0.4, createdAt: at(2), _id: newer },
    ];
    const sut = comparing({ pinned: -1, strength: -1, createdAt: -1, _id: -1 });
    expect([...nodes].sort(sut).map((n) => n.id)).toEqual(['b', 'c', 'e', 'd', 'a']);
  });

  it('follows dotted paths and puts a missing value first when ascending', () => {
    const sut = comparing({ 'votes.count': 1 });
    const sorted = [{ id: 'x', votes: { count: 3 } }, { id: 'y' }, { id: 'z', votes: { count: 1 } }].sort(sut);
    expect(sorted.map((n) => n.id)).toEqual(['y', 'z', 'x']);
  });
});
