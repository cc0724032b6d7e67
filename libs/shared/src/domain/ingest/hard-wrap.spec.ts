import { classifyLine } from './source-line';
import { continuesLine, MAX_WRAP_WIDTH, wrapWidth } from './hard-wrap';

describe('wrapWidth', () => {
  it('is the widest line an editor could have wrapped at', () => {
    const sut = wrapWidth;
    const lines = ['a'.repeat(72), 'b'.repeat(65), 'c'.repeat(MAX_WRAP_WIDTH + 50)].map(classifyLine);
    expect(sut(lines)).toBe(72);
  });
});

describe('continuesLine', () => {
  const sut = continuesLine;
  const line = (text: string) => classifyLine(text);

  it('joins a line that was broken because the next word did not fit', () => {
    const prev = line('The vicious cycle of sectarianism goes on and on while the');
    expect(sut(prev, line('militants advance.'), 62)).toBe(true);
  });

  it('separates a short line that ends a sentence', () => {
    expect(sut(line('That was the end.'), line('A new paragraph starts.'), 70)).toBe(false);
  });

  it('joins a nearly full line that stops mid-sentence (wrapper slack)', () => {
    expect(sut(line('x'.repeat(60) + ' and the'), line('rest'), 75)).toBe(true);
  });

  it('joins a nearly full line that ends a sentence (non-greedy wrappers such as fmt)', () => {
    expect(sut(line('x'.repeat(58) + ' have left.'), line('ISIS continues'), 75)).toBe(true);
  });

  it('separates long self-contained prose lines', () => {
    const prev = line('Washington Post writes on US / Iran relations: ' + 'word '.repeat(40));
    expect(sut(prev, line('ISIS with it’s goal to establish a caliphate ...'), 80)).toBe(false);
  });

  it('separates short deliberate lines such as an address', () => {
    expect(sut(line('Dear Sir,'), line('Thank you.'), 40)).toBe(false);
  });

  it('runs short lines on in Markdown, but still separates long lines', () => {
    expect(sut(line('Nobody wins a war.'), line('Everyone loses.'), 40, true)).toBe(true);
    expect(sut(line('word '.repeat(30)), line('Next.'), 40, true)).toBe(false);
  });
});
