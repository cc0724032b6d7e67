/**
 * What a word before a full stop tells us about a possible sentence break.
 * - `never`: titles and Latin abbreviations that always run on (Dr. Smith, e.g. this).
 * - `before-number`: runs on when a number follows (No. 5, Jan. 12), else an ordinary stop.
 * - `acronym`: dotted acronyms (U.S., a.m.) often end sentences too, so they break only
 *   before a word that usually starts one ("the U.S. The talks" but "U.S. President").
 * - `ordinary`: a plain word; breaks before anything that is not lowercase.
 */
export type AbbreviationKind = 'never' | 'before-number' | 'acronym' | 'ordinary';

const TITLES = new Set(
  'mr mrs ms messrs mme mlle dr prof st mt ft gen col maj sgt lt capt cmdr adm rev hon gov sen rep pres supt insp fr sr sra srta'.split(' '),
);
const LATIN_AND_CONNECTIVES = new Set('e.g i.e cf vs v viz approx incl esp ca resp'.split(' '));
const BEFORE_NUMBER = new Set(
  'no nos nr vol vols p pp fig figs art sec ch chap op ed eq jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** Words that commonly open a sentence; used to decide whether "U.S." ended one. */
const SENTENCE_STARTERS = new Set(
  (
    'the a an it its he she they we i you this that these those there their his her our my ' +
    'but and yet so however in on at as if when while after before since although though ' +
    'what why how who where some many most all no not one meanwhile still then now for even such'
  ).split(' '),
);

/** Classifies the word (without its final full stop and without surrounding brackets or quotes). */
export function classifyAbbreviation(word: string): AbbreviationKind {
  const lower = word.toLowerCase();
  if (LATIN_AND_CONNECTIVES.has(lower)) return 'never';
  // Titles are matched with their capital so "st" or "dr" typed in lowercase prose stay ordinary words.
  if (TITLES.has(lower) && word[0] !== lower[0]) return 'never';
  // A single capital is an initial: "J. R. R. Tolkien", "George W. Bush".
  if (/^\p{Lu}$/u.test(word)) return 'never';
  if (BEFORE_NUMBER.has(lower)) return 'before-number';
  // "et al." ends citations mid-sentence and at the end alike.
  if (lower === 'al' || /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(word)) return 'acronym';
  return 'ordinary';
}

export function isSentenceStarter(word: string): boolean {
  return SENTENCE_STARTERS.has(word.toLowerCase());
}
