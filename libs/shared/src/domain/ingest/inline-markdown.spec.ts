import { stripInlineMarkdown } from './inline-markdown';

describe('stripInlineMarkdown', () => {
  const sut = stripInlineMarkdown;

  it('keeps the text of links and the alt text of images', () => {
    expect(sut('See [the report](https://example.org/r "Report") and ![a map](map.png).')).toBe('See the report and a map.');
  });

  it('removes bold, star emphasis and code spans', () => {
    expect(sut('This is **very** *much* `true`.')).toBe('This is very much true.');
  });

  it('leaves lone asterisks, arithmetic and snake_case alone', () => {
    expect(sut('Figures* are 2 * 3 * 4 in my_var_name.')).toBe('Figures* are 2 * 3 * 4 in my_var_name.');
  });

  it('returns plain text untouched', () => {
    const text = 'Washington Post writes: “With Iraq’s neighbor...”';
    expect(sut(text)).toBe(text);
  });
});
