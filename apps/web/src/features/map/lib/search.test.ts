import { describe, expect, it } from 'vitest';
import { makeNode } from '../../../test/factories';
import { searchNodes } from './search';

describe('searchNodes', () => {
  it('finds text case- and spacing-insensitively, word starts first, then shallower nodes', () => {
    const inside = makeNode({ text: 'Unemployment rose', depth: 1 });
    const deep = makeNode({ text: 'Employment  fell sharply', depth: 3 });
    const shallow = makeNode({ text: 'employment fell, they say', depth: 2 });
    const other = makeNode({ text: 'Something else' });
    const sut = searchNodes([inside, deep, shallow, other], '  EMPLOYMENT fell ');
    expect(sut.map((n) => n.id)).toEqual([shallow.id, deep.id]);
    expect(searchNodes([inside, deep, shallow, other], 'employment').map((n) => n.id)).toEqual([shallow.id, deep.id, inside.id]);
  });

  it('finds nothing for an empty query, skips withdrawn nodes and keeps at most `limit`', () => {
    const nodes = Array.from({ length: 20 }, (_, i) => makeNode({ text: `Point ${i}` }));
    expect(searchNodes(nodes, '   ')).toEqual([]);
    expect(searchNodes([makeNode({ text: 'Point gone', withdrawn: true })], 'point')).toEqual([]);
    expect(searchNodes(nodes, 'point', 5)).toHaveLength(5);
  });
});
