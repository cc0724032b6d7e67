import type { ArticleSentence } from '../../contracts/rest/articles.schema';
import { BOTH_SIDES, CONCLUDING, EXAMPLE, NARRATES, ONE_HAND, OTHER_HAND, OWN_STANCE, REASON_FOR_PREVIOUS, RECOMMENDS, SECOND_HAND, SIGNPOST, STRONG_TURN, SUMMING_UP, TURN, TURN_TO_PRESENT, WEIGHS_BOTH, isBareStance, isConcession, isDenial, isOpposingView, opening } from './discourse';
import { attributeSentences } from './attribution';
import { isQuestion } from './question';

export type SentenceRole = ArticleSentence['role'];
export type ClaimStance = NonNullable<ArticleSentence['stance']>;

/** What one sentence does in the article's argument. */
export interface SentenceArgument {
  role: SentenceRole;
  /** The sentence of the same paragraph it supports or attacks; null for the paragraph's claim (a claim's own target is the thesis). */
  target: number | null;
  /** A claim's stance toward the thesis; null for every other role. */
  stance: ClaimStance | null;
}

/** Articles shorter than this have no separate opening and closing paragraphs. */
const FRAMED = 3;

/**
 * Gives every sentence of an article (paragraphs of sentence texts) its argument role. The thesis
 * is stated in the opening paragraph and restated in the closing one, found by the author's own
 * stance ("I believe") or a summing up ("In conclusion"), else by position; the rest of the opening
 * leads in (context), the rest of the closing sums up claims. Every other paragraph makes one claim,
 * by default its first sentence or a conclusion drawn from what precedes it ("Therefore ..."), and the other
 * sentences are premises of it: support, or rebuttal when they voice an opposing view, turn ("But
 * ...", "However ..."), or answer what an opposing view or a source said (then aimed at that
 * sentence). A claim that concedes ("Admittedly ...") or opens with a turn stands against the thesis. A premise
 * may serve another premise: the step drawn from it next ("X. As a result, Y."), or the sentence it gives the reason
 * for ("X. This is because Y."). Questions and signposts ("Let us look at ...") argue nothing: context.
 */
export function assignRoles(
  paragraphs: readonly (readonly string[])[],
  /** Each sentence's source (see `attributeSentences`), when the caller has them already. */
  attributions: readonly (readonly (string | null)[])[] = paragraphs.map(attributeSentences),
): SentenceArgument[][] {
  const framed = paragraphs.length >= FRAMED;
  const result = paragraphs.map((sentences, i) => {
    const heads = sentences.map(opening);
    if (framed && i === 0) return frameParagraph(sentences, heads, 'opening');
    if (framed && i === paragraphs.length - 1) return frameParagraph(sentences, heads, 'closing');
    // "On the one hand ..." sets up a side so that the next paragraph's "On the other hand ..." can take the author's.
    const answersOneHand = i > 0 && ONE_HAND.test(opening(paragraphs[i - 1][0] ?? ''));
    return bodyParagraph(sentences, heads, attributions[i], answersOneHand);
  });
  // Without an opening and a closing, the first claim carries the article.
  if (!result.some((p) => p.some((s) => s.role === 'thesis'))) {
    const first = result.flat().find((s) => s.role === 'claim');
    if (first) Object.assign(first, { role: 'thesis', stance: null });
  }
  return result;
}

function frameParagraph(sentences: readonly string[], heads: readonly string[], place: 'opening' | 'closing'): SentenceArgument[] {
  const weighs = (i: number) => WEIGHS_BOTH.test(heads[i]) && !OWN_STANCE.test(heads[i]);
  const framing = heads.map(
    (head, i) =>
      isQuestion(sentences[i]) ||
      SIGNPOST.test(head) ||
      isBareStance(head) ||
      weighs(i) ||
      (place === 'opening' && BOTH_SIDES.test(head)),
  );
  const arguable = heads.flatMap((_, i) => (framing[i] ? [] : [i]));
  const stances = arguable.filter((i) => OWN_STANCE.test(heads[i]) || SUMMING_UP.test(heads[i]));
  // Once a closing has restated the thesis, a further stance that calls for action ("we should ...") looks beyond it.
  // An opening builds up to its stance: the last one states the thesis.
  const cues = place === 'closing' ? stances.filter((i, k) => k === 0 || SUMMING_UP.test(heads[i]) || !RECOMMENDS.test(heads[i])) : stances.slice(-1);
  // An opening that sets two views side by side without taking one leaves the thesis to the closing.
  const weighsBothSides = place === 'opening' && heads.some((head) => BOTH_SIDES.test(head));
  // Nor is an opening that ends on what others think ("Some people argue ...") the author's thesis.
  const endsOnOthersView = place === 'opening' && isOpposingView(heads[arguable.at(-1) ?? 0] ?? '');
  const fallback = place === 'closing' ? arguable[0] : weighsBothSides || endsOnOthersView ? undefined : arguable.at(-1);
  const chosen = cues.length ? cues : fallback === undefined ? [] : [fallback];
  // A closing may grant the other side before it restates the thesis ("In conclusion, I admit that X. However, Y.",
  // "In short, X. However, in my view, Y."): the turn states the thesis, what it turns from is a claim against it.
  const concedes = (i: number) => isOpposingView(heads[i].replace(SUMMING_UP, '').replace(/^[\s,]+/, ''));
  const first = chosen.at(0);
  const turnsFromFirst =
    place === 'closing' && first !== undefined && (concedes(first) || (chosen.length > 1 && STRONG_TURN.test(heads[chosen[1]])));
  const answer = turnsFromFirst ? arguable.find((i) => i > first && STRONG_TURN.test(heads[i])) : undefined;
  const granted = answer === undefined ? undefined : first;
  const thesis = new Set(answer === undefined ? chosen : [answer, ...chosen.slice(1)]);
  const thesisFrom = Math.min(...thesis);
  // What else a closing says sums up the claims made; an opening's other sentences lead in.
  return heads.map((_, i): SentenceArgument => {
    if (thesis.has(i)) return argument('thesis');
    // A closing that first weighs both sides ("In short, X has its pros and cons.") grants the other side its part.
    if (place === 'closing' && weighs(i) && i < thesisFrom) return { role: 'claim', target: null, stance: 'against' };
    // A closing's call for what someone should do next looks beyond the argument made: context.
    if (place === 'closing' && RECOMMENDS.test(heads[i])) return argument('context');
    // A closing's contrast or concession ("On the other hand ...", "Admittedly ...") grants the other side; a plain
    // "However ..." or "Although X, Y" presses the author's own line.
    if (place === 'closing' && !framing[i]) {
      return { role: 'claim', target: null, stance: OTHER_HAND.test(heads[i]) || concedes(i) || i === granted ? 'against' : 'for' };
    }
    return argument('context');
  });
}

function bodyParagraph(
  sentences: readonly string[],
  heads: readonly string[],
  sources: readonly (string | null)[],
  answersOneHand: boolean,
): SentenceArgument[] {
  // Questions and signposts frame the argument without making it.
  const framing = heads.map((head, i) => isQuestion(sentences[i]) || SIGNPOST.test(head));
  const arguable = heads.flatMap((_, i) => (framing[i] ? [] : [i]));
  const last = arguable.at(-1);
  if (last === undefined) return heads.map(() => argument('context'));
  // A conclusion drawn within the writer's own story ("Therefore, I passed the exam.") ends the example, not the paragraph.
  const narrates = (i: number) => NARRATES.test(heads[i]) && !OWN_STANCE.test(heads[i]);
  const concludes = last !== arguable[0] && (CONCLUDING.test(heads[last]) || SUMMING_UP.test(heads[last])) && !narrates(last);
  // A conclusion drawn mid-paragraph and then illustrated ("Thus X. For example, ...") is the point the example serves.
  const illustrated = arguable.find((i) => i !== arguable[0] && CONCLUDING.test(heads[i]) && EXAMPLE.test(heads[i + 1] ?? ''));
  // "X. Therefore, Y. ...": the opening sentence is the ground for the conclusion drawn right after it.
  const second = arguable[1];
  const concludedAtOnce = second !== undefined && second !== last && CONCLUDING.test(heads[second]) ? second : undefined;
  const claim = concludes ? last : concludedAtOnce ?? illustrated ?? arguable[0];
  // A paragraph that opens by turning or conceding argues the other side of the thesis.
  const turns = claim === 0 && TURN.test(heads[0]) && !OWN_STANCE.test(heads[0]) && !answersOneHand;
  const stance: ClaimStance = isOpposingView(heads[claim]) || turns ? 'against' : 'for';
  let counter: number | null = stance === 'against' ? claim : null;
  let reported: number | null = null;
  // Once the author has answered an opposing claim, what follows keeps arguing against it.
  let answeringClaim = false;
  return heads.map((head, i) => {
    if (i === claim) {
      reported = sources[i] === null ? null : i;
      return { role: 'claim', target: null, stance };
    }
    if (framing[i]) return argument('context');
    if (isOpposingView(head) && stance === 'for') {
      counter = i;
      return argument('rebuttal');
    }
    // After the claim, "Although X, Y" sets two sides against each other: it grants X against a claim for the thesis,
    // or answers a claim against it with Y. Either way it attacks the claim.
    if (isConcession(head) && i > claim) return argument('rebuttal');
    const answered = counter ?? reported;
    if (answered !== null && (TURN.test(head) || isDenial(head))) {
      counter = reported = null;
      if (answered === claim) answeringClaim = true;
      return argument('rebuttal', answered === claim ? null : answered);
    }
    if (answeringClaim) return argument('rebuttal');
    // A turn before the paragraph's conclusion is a step towards it, not a rebuttal. Inside a paragraph, "On the other
    // hand" mostly sets a second case beside the first ("Cars pollute. On the other hand, trains ..."), both for the claim.
    if (STRONG_TURN.test(head) && !TURN_TO_PRESENT.test(head) && !SECOND_HAND.test(head) && i > claim) return argument('rebuttal');
    // What a source says, the author may turn against in the next sentence.
    reported = sources[i] === null ? null : i;
    // "X. This is because Y.": Y is the ground of X.
    const previous = i - 1;
    if (previous >= 0 && previous !== claim && !framing[previous] && REASON_FOR_PREVIOUS.test(head)) return argument('support', previous);
    // "X. As a result, Y.": X is the ground of the step drawn from it, which in turn serves the claim.
    const next = i + 1;
    if (next !== claim && next < heads.length && !framing[next] && CONCLUDING.test(heads[next])) return argument('support', next);
    return argument('support');
  });
}

function argument(role: SentenceRole, target: number | null = null): SentenceArgument {
  return { role, target, stance: null };
}
