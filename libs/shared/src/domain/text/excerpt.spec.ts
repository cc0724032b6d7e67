import { excerpt, excerptAround } from './excerpt';

describe('excerpt', () => {
  it('keeps short text whole, on one line', () => {
    expect(excerpt('A  short\ntext.')).toBe('A short text.');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const sut = excerpt('word '.repeat(100), 30);
    expect(sut.length).toBeLessThanOrEqual(30);
    expect(sut).toMatch(/word…$/);
  });
});

describe('excerptAround', () => {
  const long = `${'before '.repeat(40)}the needle is here ${'after '.repeat(40)}`;

  it('shows the place the query occurs', () => {
    const sut = excerptAround(long, 'NEEDLE', 60);
    expect(sut).toContain('needle');
    expect(sut.startsWith('…')).toBe(true);
    expect(sut.length).toBeLessThanOrEqual(62);
  });

  it('falls back to the start when the query does not occur', () => {
    expect(excerptAround(long, 'absent', 40)).toBe(excerpt(long, 40));
  });
});
