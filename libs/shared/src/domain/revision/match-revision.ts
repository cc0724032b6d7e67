/** A sentence by its place: paragraph index and sentence index within it. */
export interface SentencePlace {
  paragraph: number;
  sentence: number;
}

/** What a revision keeps of the old text: where each old paragraph and sentence went in the new one. */
export interface RevisionMatch {
  /** By old paragraph index: its new index, or null when it was deleted. */
  paragraphs: (number | null)[];
  /** By old paragraph, by old sentence: its place in the new text, or null when it was deleted. */
  sentences: (SentencePlace | null)[][];
  /** Old sentences found again with other words (they count as reworded, not unchanged). */
  reworded: number;
}

/** The least likeness (0..1, shared words) at which an old sentence is taken as reworded into a new one. */
export const MIN_SENTENCE_LIKENESS = 0.5;

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const key = (text: string): string => words(text).join(' ');

/** Dice coefficient of two sentences' words (with repeats): 1 for the same words in any order, 0 for none shared. */
export function sentenceLikeness(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of left) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of right) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/**
 * Matches an article's old paragraphs and sentences to a new version of it. A sentence whose words are
 * unchanged (case and punctuation aside) is found first, in order; of those left, each is paired with
 * the likeliest left in the new text at MIN_SENTENCE_LIKENESS or more (reworded), best pairs first.
 * A paragraph follows most of its sentences (the new paragraph that received most of them, each new
 * paragraph taken once); one none of whose sentences survive was deleted. Pure; quadratic only in the
 * sentences left unmatched by the first pass.
 */
export function matchRevision(before: readonly (readonly string[])[], after: readonly (readonly string[])[]): RevisionMatch {
  const sentences: (SentencePlace | null)[][] = before.map((p) => p.map(() => null));
  const taken = after.map((p) => p.map(() => false));
  // Unchanged sentences: each old one, in order, takes the first new one of the same words not taken yet.
  const byKey = new Map<string, SentencePlace[]>();
  after.forEach((p, pi) => p.forEach((s, si) => byKey.set(key(s), [...(byKey.get(key(s)) ?? []), { paragraph: pi, sentence: si }])));
  before.forEach((p, pi) =>
    p.forEach((s, si) => {
      const place = key(s) ? byKey.get(key(s))?.shift() : undefined;
      if (!place) return;
      sentences[pi][si] = place;
      taken[place.paragraph][place.sentence] = true;
    }),
  );
  // Reworded sentences: the likeliest pairs among those left, best first.
  const pairs: { from: SentencePlace; to: SentencePlace; likeness: number }[] = [];
  before.forEach((p, pi) =>
    p.forEach((s, si) => {
      if (sentences[pi][si]) return;
      after.forEach((q, qi) =>
        q.forEach((t, ti) => {
          if (taken[qi][ti]) return;
          const likeness = sentenceLikeness(s, t);
          if (likeness >= MIN_SENTENCE_LIKENESS) pairs.push({ from: { paragraph: pi, sentence: si }, to: { paragraph: qi, sentence: ti }, likeness });
        }),
      );
    }),
  );
  pairs.sort((a, b) => b.likeness - a.likeness);
  let reworded = 0;
  for (const { from, to } of pairs) {
    if (sentences[from.paragraph][from.sentence] || taken[to.paragraph][to.sentence]) continue;
    sentences[from.paragraph][from.sentence] = to;
    taken[to.paragraph][to.sentence] = true;
    reworded += 1;
  }
  return { paragraphs: matchParagraphs(sentences, after.length), sentences, reworded };
}

/** Each old paragraph goes where most of its sentences went; ties and contests go to the earlier paragraph. */
function matchParagraphs(sentences: readonly (SentencePlace | null)[][], newCount: number): (number | null)[] {
  const votes: { from: number; to: number; count: number }[] = [];
  sentences.forEach((places, from) => {
    const counts = new Map<number, number>();
    for (const place of places) if (place) counts.set(place.paragraph, (counts.get(place.paragraph) ?? 0) + 1);
    for (const [to, count] of counts) votes.push({ from, to, count });
  });
  votes.sort((a, b) => b.count - a.count || a.from - b.from || a.to - b.to);
  const paragraphs: (number | null)[] = sentences.map(() => null);
  const received = new Array<boolean>(newCount).fill(false);
  for (const { from, to } of votes) {
    if (paragraphs[from] !== null || received[to]) continue;
    paragraphs[from] = to;
    received[to] = true;
  }
  return paragraphs;
}

/** What keepRoles reads of a sentence's part in the argument. */
interface SentenceArgumentRole {
  role: 'thesis' | 'claim' | 'support' | 'rebuttal' | 'context';
  target: number | null;
  stance: 'for' | 'against' | null;
}

/**
 * The new text's sentences with the argument roles of the old sentences they were matched to (their
 * target moved to where it went, or dropped when it is gone or now in another paragraph); new
 * sentences keep the roles the split gave them. Roles are read from the whole article, so a revision
 * elsewhere could otherwise turn a surviving premise into a claim and cost it its node and votes.
 */
export function keepRoles<S extends SentenceArgumentRole, P extends { sentences: S[] }>(
  before: readonly { sentences: readonly SentenceArgumentRole[] }[],
  after: readonly P[],
  match: RevisionMatch,
): P[] {
  const origin: (SentencePlace | null)[][] = after.map((p) => p.sentences.map(() => null));
  match.sentences.forEach((places, pi) => places.forEach((place, si) => place && (origin[place.paragraph][place.sentence] = { paragraph: pi, sentence: si })));
  return after.map((p, pi) => ({
    ...p,
    sentences: p.sentences.map((s, si) => {
      const from = origin[pi][si];
      if (!from) return s;
      const old = before[from.paragraph].sentences[from.sentence];
      const aimed = old.target === null ? null : match.sentences[from.paragraph][old.target];
      return { ...s, role: old.role, stance: old.stance, target: aimed && aimed.paragraph === pi ? aimed.sentence : null };
    }),
  }));
}
