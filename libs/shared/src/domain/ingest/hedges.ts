/** Words by which an author marks a claim as uncertain or second-hand. */
const HEDGE_WORDS = (
  'reportedly allegedly purportedly supposedly supposed presumably apparently apparent seemingly ostensibly ' +
  'probably probable possibly possible perhaps maybe conceivably arguably potentially likely unlikely ' +
  'might may could somewhat virtually nearly almost roughly approximately largely mostly relatively partly ' +
  'seems seem seemed appears appear appeared suggests suggest suggested rumored rumoured unconfirmed suspected'
).split(' ');
// One alternation scan finds only the candidates; word boundaries keep "Mayor" and "maybelline" out.
const HEDGE = new RegExp(`\\b(?:${HEDGE_WORDS.join('|')})\\b`, 'gi');

/** "military might", "its might": the noun, not the hedge. */
const MIGHT_AS_NOUN = /(?:^|[^\p{L}])(?:its|his|her|their|our|military|economic|naval|full|all)\s+$/iu;

/**
 * The hedge words of a sentence, lowercase, in order of first appearance.
 * A few homonyms are screened out by their neighbours.
 */
export function findHedges(sentence: string): string[] {
  const found: string[] = [];
  HEDGE.lastIndex = 0;
  for (let match = HEDGE.exec(sentence); match; match = HEDGE.exec(sentence)) {
    const word = match[0];
    const lower = word.toLowerCase();
    if (found.includes(lower) || isHomonym(sentence, word, lower, match.index)) continue;
    found.push(lower);
  }
  return found;
}

function isHomonym(sentence: string, word: string, lower: string, at: number): boolean {
  switch (lower) {
    case 'may':
      // The month: capitalised after the first word.
      return word === 'May' && /\p{L}/u.test(sentence.slice(0, at));
    case 'might':
      return MIGHT_AS_NOUN.test(sentence.slice(Math.max(0, at - 12), at));
    case 'supposed':
      // Obligation ("supposed to act"), not doubt.
      return /^\s+to\b/i.test(sentence.slice(at + word.length, at + word.length + 4));
    default:
      return false;
  }
}
