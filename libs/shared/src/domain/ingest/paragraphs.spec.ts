import { splitParagraphs } from './paragraphs';

const lines = (text: string) => text.split('\n');

/** Greedy wrap, as editors and `textwrap` do. */
function wrap(text: string, width: number): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') out.push(line);
  return out.join('\n');
}

const first =
  'Sectarian violence in Iraq is probably at its worst at the moment. It might have exceeded a similar situation between 2005 and 2007, when death squads virtually ruled the streets of all major Iraqi cities.';
const second =
  'The recent successes of ISIS in Iraq have somewhat overshadowed Al-Nusra in Syria. Several foreign diplomatic missions in Basra have left, and the capital is threatened.';

describe('splitParagraphs', () => {
  const sut = splitParagraphs;

  it('separates paragraphs at blank lines and normalises whitespace', () => {
    expect(sut(lines('One\u00A0 two.\n\n\nThree\tfour.  \n'))).toEqual(['One two.', 'Three four.']);
  });

  it('separates long self-contained lines at a single line break', () => {
    expect(sut(lines(`${first}\n${second}`))).toEqual([first, second]);
  });

  it.each([60, 70, 72, 80])('joins text hard-wrapped at %i characters back into paragraphs', (width) => {
    const text = `${wrap(first, width)}\n\n${wrap(second, width)}`;
    expect(sut(lines(text))).toEqual([first, second]);
  });

  it('separates hard-wrapped paragraphs that only have a single line break between them when the last line is short', () => {
    // At 80 columns the first paragraph's last line is 44 characters long.
    const text = `${wrap(first, 80)}\n${wrap(second, 80)}`;
    expect(sut(lines(text))).toEqual([first, second]);
  });

  it('starts a new paragraph at an indented first line', () => {
    const text = `${wrap(first, 70)}\n    ${wrap(second, 70)}`;
    expect(sut(lines(text))).toEqual([first, second]);
  });

  it('re-joins a word hyphenated across a line break', () => {
    expect(sut(['The self-', 'contained prose of this short example paragraph ends here.'])).toEqual([
      'The self-contained prose of this short example paragraph ends here.',
    ]);
  });

  it('makes each list item a paragraph and joins its continuation lines', () => {
    const text = 'Reasons:\n\n- oil, which the West\n  wants;\n* influence;\n1. and revenge.';
    expect(sut(lines(text))).toEqual(['Reasons:', 'oil, which the West wants;', 'influence;', 'and revenge.']);
  });

  it('strips block-quote markers and keeps the quote apart from the text around it', () => {
    const text = 'He wrote:\n> The caliphate and its partners\n> have transplanted jihadists.\n>\n> Second quoted paragraph.\nBack to the author.';
    expect(sut(lines(text))).toEqual([
      'He wrote:',
      'The caliphate and its partners have transplanted jihadists.',
      'Second quoted paragraph.',
      'Back to the author.',
    ]);
  });

  it('keeps headings as one-line paragraphs, drops rules, and keeps code blocks whole', () => {
    const text = '## Background\nSome text.\n\n---\n\n```\nconst a = 1;\n\nconst b = 2;\n```\nAfter.';
    expect(sut(lines(text))).toEqual(['Background', 'Some text.', 'const a = 1; const b = 2;', 'After.']);
  });

  it('strips inline Markdown', () => {
    expect(sut(['See [the **report**](http://x.org).'])).toEqual(['See the report.']);
  });

  it('returns nothing for blank input', () => {
    expect(sut(['', ' \u00A0 ', ''])).toEqual([]);
  });
});
