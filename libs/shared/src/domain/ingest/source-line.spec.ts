import { classifyLine } from './source-line';

describe('classifyLine', () => {
  const sut = classifyLine;

  it('keeps plain prose as a text line with collapsed whitespace', () => {
    expect(sut('The\u00A0 recent successes\t of ISIS')).toMatchObject({ kind: 'text', text: 'The recent successes of ISIS', quote: 0 });
  });

  it('recognises blank lines, including lines of non-breaking spaces', () => {
    expect(sut(' \u00A0\t').kind).toBe('blank');
  });

  it('strips heading markers and closing hashes', () => {
    expect(sut('## Why it matters ##')).toMatchObject({ kind: 'heading', text: 'Why it matters' });
    expect(sut('#hashtag').kind).toBe('text');
  });

  it('strips bullet and numbered list markers', () => {
    expect(sut('- first point')).toMatchObject({ kind: 'item', text: 'first point' });
    expect(sut('12. twelfth')).toMatchObject({ kind: 'item', text: 'twelfth' });
    expect(sut('3) third')).toMatchObject({ kind: 'item', text: 'third' });
    expect(sut('• bullet')).toMatchObject({ kind: 'item', text: 'bullet' });
  });

  it('does not take a decimal or a year at the line start for a list marker', () => {
    expect(sut('3.5 million people').kind).toBe('text');
  });

  it('strips block-quote markers and counts their depth', () => {
    expect(sut('> quoted')).toMatchObject({ kind: 'text', text: 'quoted', quote: 1 });
    expect(sut('> > - nested item')).toMatchObject({ kind: 'item', text: 'nested item', quote: 2 });
    expect(sut('>').kind).toBe('blank');
  });

  it('recognises rules, setext underlines and code fences', () => {
    expect(sut('---').kind).toBe('rule');
    expect(sut('* * *').kind).toBe('rule');
    expect(sut('=====').kind).toBe('rule');
    expect(sut('```ts').kind).toBe('fence');
  });

  it('notes indentation and the typed width, inner spaces included', () => {
    expect(sut('    continued  here')).toMatchObject({ indented: true, width: 15 });
  });
});
