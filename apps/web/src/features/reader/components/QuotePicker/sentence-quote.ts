import type { ArticleParagraph, Quote } from '@agora/shared';

const CONTEXT = 32;

/** Sentences `from` to `to` (inclusive) of a paragraph as a quote, with the words around it as the server locates it. */
export function sentenceQuote(paragraph: Pick<ArticleParagraph, 'text' | 'sentences'>, from: number, to: number): Quote {
  const { text, sentences } = paragraph;
  const start = sentences[Math.min(from, to)].start;
  const end = sentences[Math.max(from, to)].end;
  const exact = text.slice(start, end).trim();
  const at = text.indexOf(exact, start);
  const prefix = text.slice(Math.max(0, at - CONTEXT), at);
  const suffix = text.slice(at + exact.length, at + exact.length + CONTEXT);
  return { exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}

export interface SentenceSpan {
  from: number;
  to: number;
}

export type SpanMove = 'previous' | 'next' | 'extend-back' | 'extend-forward';

/** The span after one move: previous and next pick one sentence, the extends grow the span by one, never past the paragraph. */
export function moveSpan(span: SentenceSpan, move: SpanMove, count: number): SentenceSpan {
  const last = count - 1;
  switch (move) {
    case 'previous': {
      const at = Math.max(0, span.from - 1);
      return { from: at, to: at };
    }
    case 'next': {
      const at = Math.min(last, span.to + 1);
      return { from: at, to: at };
    }
    case 'extend-back':
      return { from: Math.max(0, span.from - 1), to: span.to };
    case 'extend-forward':
      return { from: span.from, to: Math.min(last, span.to + 1) };
  }
}
