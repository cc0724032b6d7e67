import { collapseWhitespace, isSpace, normalizeLineEndings } from './normalize';

describe('normalizeLineEndings', () => {
  it('turns CRLF and lone CR into LF', () => {
    const sut = normalizeLineEndings;
    expect(sut('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });

  it('drops a byte-order mark', () => {
    expect(normalizeLineEndings('\uFEFFTitle')).toBe('Title');
  });
});

describe('collapseWhitespace', () => {
  const sut = collapseWhitespace;

  it('turns non-breaking and other unicode spaces, tabs and runs into one space', () => {
    expect(sut('a\u00A0 b\t\tc\u2009d\u3000e\u202Ff')).toBe('a b c d e f');
  });

  it('trims the ends', () => {
    expect(sut(' \u00A0text\u00A0\u00A0 ')).toBe('text');
  });

  it('keeps curly and straight quotes as written', () => {
    expect(sut('“Iraq’s” "x" \'y\'')).toBe('“Iraq’s” "x" \'y\'');
  });
});

describe('isSpace', () => {
  it('recognises the non-breaking space', () => {
    expect(isSpace('\u00A0')).toBe(true);
    expect(isSpace('x')).toBe(false);
  });
});
