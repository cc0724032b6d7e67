import { debateFromArgdown, type ArgdownModel } from './argdown-import';

const model = (over: Partial<ArgdownModel>): ArgdownModel => ({ title: null, statements: [], relations: [], errors: [], ...over });

describe('debateFromArgdown', () => {
  it('puts each statement beneath what it supports or attacks, parents first', () => {
    const sut = debateFromArgdown(
      model({
        statements: [
          { title: 'T', text: 'The thesis.' },
          { title: 'A', text: 'For it.' },
          { title: 'B', text: 'Against A.' },
          { title: 'C', text: '' },
        ],
        relations: [
          { from: 'A', to: 'T', relation: 'support' },
          { from: 'B', to: 'A', relation: 'attack' },
          { from: 'C', to: 'T', relation: 'attack' },
        ],
      }),
    );
    expect(sut.map((a) => [a.key, a.parentKey, a.relation, a.depth])).toEqual([
      ['T', null, null, 0],
      ['A', 'T', 'supports', 1],
      ['B', 'A', 'attacks', 2],
      ['C', 'T', 'attacks', 1],
    ]);
    expect(sut[3].text).toBe('C');
  });

  it('hangs other unrelated statements and broken cycles beneath the first as supports', () => {
    const sut = debateFromArgdown(
      model({
        statements: [
          { title: 'T', text: 'One.' },
          { title: 'X', text: 'Two.' },
          { title: 'Y', text: 'Three.' },
          { title: 'Z', text: 'Four.' },
        ],
        relations: [
          { from: 'Y', to: 'Z', relation: 'attack' },
          { from: 'Z', to: 'Y', relation: 'attack' },
        ],
      }),
    );
    expect(sut.map((a) => a.key)).toHaveLength(4);
    expect(sut[0]).toMatchObject({ key: 'T', parentKey: null });
    expect(sut.find((a) => a.key === 'X')).toMatchObject({ parentKey: 'T', relation: 'supports' });
    // One of the two is freed from the cycle and hangs beneath the thesis; the other stays beneath it.
    const [y, z] = [sut.find((a) => a.key === 'Y')!, sut.find((a) => a.key === 'Z')!];
    expect([y.parentKey, z.parentKey]).toContain('T');
    expect(y.parentKey === 'Z' || z.parentKey === 'Y').toBe(true);
  });

  it('gives nothing for a document without statements', () => {
    expect(debateFromArgdown(model({}))).toEqual([]);
  });
});
