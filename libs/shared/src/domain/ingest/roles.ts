import type { ArticleSentence } from '../../contracts/rest/articles.schema';

export type SentenceRole = ArticleSentence['role'];

/** Openers that turn against what came before, strongly enough to do so even across a paragraph break. */
const STRONG_TURN =
  /^(?:but|however|nevertheless|nonetheless|conversely|and yet|yet(?! another\b)|still,|even so|that said|then again|on the other hand|on the contrary|in contrast|by contrast)(?![a-z])/;
/** Concessive openers: a turn inside a paragraph, but at its start they usually just set the scene. */
const WEAK_TURN = /^(?:though|although|even though|whereas|instead,|rather,|notwithstanding|regardless|despite (?:this|that|these|all))(?![a-z])/;
/** An opposing view the author voices in order to answer it. */
const COUNTER_VIEW = [
  /^(?:some|many|critics|opponents|skeptics|sceptics|detractors|others|supporters|proponents|observers|analysts|commentators|people|one)\b[^.?!]{0,60}?\b(?:argue[sd]?|claim(?:s|ed)?|say|said|believe[sd]?|insist(?:s|ed)?|contend(?:s|ed)?|maintain(?:s|ed)?|presume[sd]?|assume[sd]?|think|thought|suggest(?:s|ed)?|object(?:s|ed)?)\b/,
  /^(?:admittedly|granted|of course|to be sure|true,|it is true that|it is often (?:said|argued|claimed)|it could be argued|it might be argued|one might (?:argue|object|say))\b/,
];
/** Flat denials that answer a counter-view without a turning word. */
const DENIAL = [
  /^(?:not so|wrong|nonsense|hardly|far from it)\b/,
  /^(?:this|that|it|such|the claim|the idea)\b[^.?!]{0,40}?\b(?:wrong|false|untrue|not true|a myth|nonsense|mistaken|misguided|misleading|from the truth)\b/,
];
/** How much of a sentence's start the patterns look at; keeps every test bounded. */
const HEAD = 120;

/**
 * Labels each sentence of a paragraph 'support' or 'rebuttal'. A sentence is a
 * rebuttal when it opens by turning against what precedes it (a paragraph's
 * first sentence only with a strong turn such as "But what if ..."), or when it
 * voices a counter-view that the next sentence answers; both sides of such an
 * exchange are marked, so the contested passage stands out.
 */
export function assignRoles(sentences: readonly string[]): SentenceRole[] {
  const heads = sentences.map(head);
  return heads.map((sentence, i) => {
    const next = heads[i + 1];
    if (STRONG_TURN.test(sentence)) return 'rebuttal';
    if (i > 0 && WEAK_TURN.test(sentence)) return 'rebuttal';
    if (next !== undefined && isCounterView(sentence) && answers(next)) return 'rebuttal';
    return 'support';
  });
}

function head(sentence: string): string {
  return sentence.slice(0, HEAD).replace(/^["'“‘(\[«\s]+/, '').toLowerCase();
}

function isCounterView(sentence: string): boolean {
  return COUNTER_VIEW.some((pattern) => pattern.test(sentence));
}

function answers(sentence: string): boolean {
  return STRONG_TURN.test(sentence) || WEAK_TURN.test(sentence) || DENIAL.some((pattern) => pattern.test(sentence));
}
