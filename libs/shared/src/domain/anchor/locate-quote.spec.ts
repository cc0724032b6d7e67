import { locateQuote } from './locate-quote';

describe('locateQuote', () => {
  const paragraph = 'The cat sat. The dog sat. The cat ran away.';

  it('finds the exact words and their offsets', () => {
    const sut = locateQuote(paragraph, { exact: 'dog sat' });
    expect(sut).toMatchObject({ exact: 'dog sat', start: 17, end: 24 });
    expect(paragraph.slice(sut!.start, sut!.end)).toBe('dog sat');
  });

  it('uses the prefix to choose between repeated passages', () => {
    const sut = locateQuote(paragraph, { exact: 'The cat', prefix: 'dog sat.' });
    expect(sut?.start).toBe(26);
  });

  it('uses the suffix when there is no prefix', () => {
    expect(locateQuote(paragraph, { exact: 'The cat', suffix: ' ran' })?.start).toBe(26);
    expect(locateQuote(paragraph, { exact: 'The cat', suffix: ' sat' })?.start).toBe(0);
  });

  it('ignores differences in whitespace within the selection', () => {
    expect(locateQuote(paragraph, { exact: 'dog\n  sat' })?.start).toBe(17);
  });

  it('returns null for words not in the paragraph', () => {
    expect(locateQuote(paragraph, { exact: 'a horse' })).toBeNull();
    expect(locateQuote(paragraph, { exact: '   ' })).toBeNull();
  });
});

describe('locateQuote on a huge paragraph', () => {
  it('stays fast however often the quote repeats', () => {
    const paragraph = 'Go. '.repeat(500_000);
    const started = Date.now();
    const anchor = locateQuote(paragraph, { exact: 'Go.', prefix: 'nowhere', suffix: 'else' });
    expect(anchor?.start).toBe(0);
    expect(Date.now() - started).toBeLessThan(200);
  });
});
