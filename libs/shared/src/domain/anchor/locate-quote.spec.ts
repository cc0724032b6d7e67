import { MIN_REANCHOR_SCORE, locateQuote, reanchorQuote } from './locate-quote';

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

describe('locateQuote among repeats with approximate context', () => {
  const paragraph = 'we had everything before us, we had nothing before us';

  it('picks the repeat whose prefix fits best even with a typo in it', () => {
    expect(locateQuote(paragraph, { exact: 'before us', prefix: 'we had nout' })?.start).toBe(paragraph.lastIndexOf('before us'));
    expect(locateQuote(paragraph, { exact: 'before us', prefix: 'had everythin' })?.start).toBe(paragraph.indexOf('before us'));
  });

  it('picks by an approximate suffix as well', () => {
    expect(locateQuote(paragraph, { exact: 'we had', suffix: 'nothin befor' })?.start).toBe(paragraph.lastIndexOf('we had'));
  });
});

describe('reanchorQuote', () => {
  const before = 'The committee met on Tuesday. It decided that the bridge must be rebuilt before winter. Nobody objected.';

  it('takes the exact words first, with a perfect score when the context is unchanged', () => {
    const quote = { exact: 'the bridge must be rebuilt', prefix: 'It decided that ', suffix: ' before winter.', start: 46 };
    const sut = reanchorQuote(`A new opening sentence. ${before}`, quote);
    expect(sut?.exact).toBe(true);
    expect(sut!.score).toBeGreaterThan(0.99);
    expect(sut!.anchor.exact).toBe('the bridge must be rebuilt');
  });

  it('finds reworded words approximately, scored above the minimum', () => {
    const after = 'The committee met on Tuesday. It decided that the old bridge must be rebuilt before winter. Nobody objected.';
    const sut = reanchorQuote(after, { exact: 'the bridge must be rebuilt', prefix: 'It decided that ', suffix: ' before winter.', start: 46 });
    expect(sut?.exact).toBe(false);
    expect(sut!.score).toBeGreaterThanOrEqual(MIN_REANCHOR_SCORE);
    expect(sut!.anchor.exact).toContain('bridge must be rebuilt');
  });

  it('refuses a poor match', () => {
    const after = 'The committee met on Tuesday. Repairs were postponed until spring. Nobody objected.';
    expect(reanchorQuote(after, { exact: 'the bridge must be rebuilt', prefix: 'It decided that ', suffix: ' before winter.', start: 46 })).toBeNull();
  });

  it('prefers the repeat nearest its old position when the context says nothing', () => {
    const text = 'Yes. Maybe. Yes. Maybe. Yes.';
    expect(reanchorQuote(text, { exact: 'Yes.', start: 12 })?.anchor.start).toBe(12);
  });
});

describe('locateQuote on a huge paragraph', () => {
  it('stays fast however often the quote repeats', () => {
    const paragraph = 'Go. '.repeat(500_000);
    const started = Date.now();
    const anchor = locateQuote(paragraph, { exact: 'Go.', prefix: 'nowhere', suffix: 'else' });
    // Neither context is anywhere: some repeat is taken, its words exact.
    expect(anchor?.exact).toBe('Go.');
    expect(Date.now() - started).toBeLessThan(200);
  });
});
