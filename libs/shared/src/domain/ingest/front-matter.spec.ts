import { isoDate, readFrontMatter } from './front-matter';

const lines = (text: string) => text.split('\n');

describe('readFrontMatter', () => {
  const sut = readFrontMatter;

  it('reads the origin of an article from its YAML front matter', () => {
    const result = sut(
      lines(
        '---\ntitle: "Talks stall"\nauthor: Jane Roe\ndate: 2014-06-20\nsource: https://example.org/news/talks?id=3\nlicense: CC BY 4.0\n---\nBody text.',
      ),
    );
    expect(result).toEqual({
      title: 'Talks stall',
      metadata: { sourceUrl: 'https://example.org/news/talks?id=3', author: 'Jane Roe', publishedAt: '2014-06-20', licence: 'CC BY 4.0' },
      lines: 7,
    });
  });

  it('understands the other names publishers use, lists of authors and times with zones', () => {
    const result = sut(lines('---\nAuthors: [Ann Lee, {name: Bo Chan}]\nPublished: "2024-03-01T10:00:00+02:00"\ncanonical_url: http://a.example/x\nRights: All rights reserved\n---'));
    expect(result.metadata).toEqual({ sourceUrl: 'http://a.example/x', author: 'Ann Lee, Bo Chan', publishedAt: '2024-03-01T08:00:00.000Z', licence: 'All rights reserved' });
    expect(result.title).toBeNull();
  });

  it('drops values that do not fit: addresses that are not http(s), dates that are no dates', () => {
    const result = sut(lines('---\nsource: javascript:alert(1)\ndate: sometime soon\nauthor: ""\n---'));
    expect(result.metadata).toEqual({ sourceUrl: null, author: null, publishedAt: null, licence: null });
    expect(result.lines).toBe(5);
  });

  it.each([
    ['no front matter', 'Title\n\nBody.'],
    ['a rule with prose after it and no closing fence', '---\nJust a rule above prose.\n\nMore prose.'],
    ['a block that is not a mapping', '---\n- one\n- two\n---\nBody.'],
    ['a block that is not YAML', '---\nkey: [unclosed\n---\nBody.'],
    ['an opening rule not at the start', 'Title\n---\nauthor: x\n---'],
  ])('leaves the text alone when it has %s', (_, text) => {
    expect(sut(lines(text))).toEqual({ metadata: { sourceUrl: null, author: null, publishedAt: null, licence: null }, title: null, lines: 0 });
  });
});

describe('isoDate', () => {
  it('keeps real calendar days and refuses impossible ones', () => {
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    expect(isoDate('2023-02-29')).toBeNull();
    expect(isoDate(null)).toBeNull();
  });
});
