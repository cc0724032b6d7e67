/** Words by which an author marks a claim as uncertain or second-hand. */
const HEDGES = new Set(
  (
    'reportedly allegedly purportedly supposedly supposed presumably apparently apparent seemingly ostensibly ' +
    'probably probable possibly possible perhaps maybe conceivably arguably potentially likely unlikely ' +
    'might may could somewhat virtually nearly almost roughly approximately largely mostly relatively partly ' +
    'seems seem seemed appears appear appeared suggests suggest suggested rumored rumoured unconfirmed suspected'
  ).split(' '),
);

/** "military might", "its might": the noun, not the hedge. */
const MIGHT_AS_NOUN = new Set('its his her their our military economic naval full all'.split(' '));

/**
 * The hedge words of a sentence, lowercase, in order of first appearance.
 * Scans words once; a few homonyms are screened out by their neighbours.
 */
export function findHedges(sentence: string): string[] {
  const found: string[] = [];
  const words = sentence.match(/\p{L}+/gu) ?? [];
  words.forEach((word, i) => {
    const lower = word.toLowerCase();
    if (!HEDGES.has(lower) || found.includes(lower)) return;
    if (lower === 'may' && word === 'May' && i > 0) return; // the month
    if (lower === 'might' && i > 0 && MIGHT_AS_NOUN.has(words[i - 1].toLowerCase())) return;
    if (lower === 'supposed' && words[i + 1]?.toLowerCase() === 'to') return; // obligation, not doubt
    found.push(lower);
  });
  return found;
}
