import { plainText } from './common.schema';

describe('plainText', () => {
  const text = plainText(1, 100);

  it.each([
    ['spaces and newlines', ' \n\t '],
    ['zero-width spaces', '\u200B\u200B'],
    ['joiners, a word joiner and a BOM', '\u200C\u200D\u2060\uFEFF'],
    ['a soft hyphen and direction marks around a space', '\u00AD\u200E \u200F'],
  ])('refuses text that shows nothing: %s', (_, value) => {
    expect(text.safeParse(value).success).toBe(false);
  });

  it.each([
    ['prose', 'Sectarian violence has causes.'],
    ['right-to-left prose with a direction mark', '\u200Fالعراق'],
    ['a word joined by a zero-width joiner', 'a\u200Db'],
    ['an emoji sequence', '👩‍👩‍👧'],
  ])('accepts visible text: %s', (_, value) => {
    expect(text.safeParse(value).success).toBe(true);
  });

  it('refuses control characters other than newline and tab', () => {
    expect(text.safeParse('a\u0000b').success).toBe(false);
    expect(text.safeParse('a\u0007b').success).toBe(false);
    expect(text.safeParse('a\nb\tc').success).toBe(true);
  });

  it.each([
    ['a C1 control', 'a\u0085b'],
    ['another C1 control', 'a\u009Bb'],
    ['a right-to-left override', 'invoice\u202Egpj.exe'],
    ['a left-to-right embedding', 'a\u202Ab'],
    ['an isolate', 'a\u2067b\u2069'],
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate at the end', 'ab\uDC00'],
  ])('refuses %s', (_, value) => {
    expect(text.safeParse(value).success).toBe(false);
  });

  it('accepts characters made of a surrogate pair and Latin-1 letters', () => {
    expect(text.safeParse('𝔸 and é, ñ, ß').success).toBe(true);
  });
});
