import { extractTitle } from './title';

describe('extractTitle', () => {
  const sut = extractTitle;

  it('takes a plain first line followed by a blank line', () => {
    expect(sut(['IRAQ: Sectarianism / Iran / and the West', '', 'With an amalgam...'])).toEqual({
      title: 'IRAQ: Sectarianism / Iran / and the West',
      bodyStart: 1,
      markdown: false,
    });
  });

  it('skips leading blank lines', () => {
    expect(sut(['', '  ', 'Title', '', 'Body.'])).toEqual({ title: 'Title', bodyStart: 3, markdown: false });
  });

  it('takes a Markdown heading and strips the hashes and emphasis', () => {
    expect(sut(['# The **real** story', 'Body starts here.'])).toEqual({ title: 'The real story', bodyStart: 1, markdown: true });
  });

  it('takes a setext heading', () => {
    expect(sut(['Big News', '========', '', 'Body.'])).toEqual({ title: 'Big News', bodyStart: 2, markdown: true });
  });

  it('accepts question titles', () => {
    expect(sut(['Is Iraq lost?', '', 'Body.']).title).toBe('Is Iraq lost?');
  });

  it('takes a title hard-wrapped over two lines', () => {
    const wrapped = ['IRAQ: Sectarianism / Salafiism / Shiiaism / Saudi Arabia / Qatar /', 'Iran / and the West', '', 'Body.'];
    expect(sut(wrapped)).toEqual({
      title: 'IRAQ: Sectarianism / Salafiism / Shiiaism / Saudi Arabia / Qatar / Iran / and the West',
      bodyStart: 2,
      markdown: false,
    });
  });

  it('does not take two deliberate short lines for a title', () => {
    expect(sut(['Dear Sir,', 'Thank you', '', 'Body.']).title).toBe('');
  });

  it('has no title when the first line runs on into the next', () => {
    expect(sut(['Hard wrapped opening line that', 'continues here.'])).toEqual({ title: '', bodyStart: 0, markdown: false });
  });

  it('has no title when the first line is a sentence of prose', () => {
    expect(sut(['Think of it now.', '', 'More.'])).toEqual({ title: '', bodyStart: 0, markdown: false });
  });

  it('has no title when the first line is too long to be one', () => {
    expect(sut(['word '.repeat(60), '', 'More.']).title).toBe('');
  });

  it('has no title for empty input or a leading list', () => {
    expect(sut([]).title).toBe('');
    expect(sut(['- item', '', 'text']).title).toBe('');
  });
});
