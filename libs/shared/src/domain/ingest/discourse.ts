/**
 * Discourse markers that tell what a sentence does in an argument. General English, matched on the
 * sentence's opening (lowercased, opening quotes and brackets removed) unless said otherwise.
 */

/** The author's own stance: "I believe", "in my opinion". Searched anywhere in the sentence. */
export const OWN_STANCE =
  /\b(?:i(?:, for one,)? (?:do not |don't |\w+ ){0,2}(?:believe|think|agree|disagree|feel|contend|argue|maintain|hold|suggest|prefer|favou?r|am (?:convinced|certain|sure|in favou?r)|would (?:\w+ )?(?:say|argue|contend|suggest|choose|prefer|agree))|(?:it )?seems to me|as far as i am concerned|to me,|i would (?:\w+ )?(?:assert|claim|conclude)|in my (?:\w+ )?(?:opinion|view|point of view)|in my (?:mind|eyes)|from my (?:\w+ )?(?:perspective|point of view|standpoint)|my (?:view|opinion|position|stance) is|it is my (?:\w+ )?(?:belief|view|opinion|conviction)|personally\b|we (?:should|must|need to)\b)/;

/** Opens a summing up of the whole text: the thesis restated. */
export const SUMMING_UP =
  /^(?:in (?:the )?conclusion|as a conclusion|by way of conclusion|to (?:draw|give) (?:a |my )?(?:brief |final )?conclusion|to conclude|in summary|to wrap (?:it )?(?:all )?up|(?:to put it )?(?:all )?in a nutshell|the long and the short of it|to cut a long story short|in the end|in brief|(?:taking|taken) (?:\w+ )?into (?:account|consideration)|in (?:the )?light of|on the basis of|given (?:these|those|the above)|as (?:can be|is) seen|to sum(?:marize|marise)? (?:it )?up|after (?:careful |much )?consideration|to summari[sz]e|summing up|all in all|all things considered|in short|in sum|on the whole|overall|considering all|having (?:considered|discussed)|for (?:all )?(?:these|the above|those) reasons|from what has been discussed|based on the above|as discussed above|(?:due to|given|based on|from|for|because of) (?:all )?(?:the |these |those )?(?:\w+ )?(?:reasons|evidences?|analys[ie]s|arguments|points|discussion)(?: that)?(?: \w+){0,3} (?:above|before))\b/;

/** Opens a conclusion drawn from what precedes: in a paragraph, its claim. */
export const CONCLUDING =
  /^(?:therefore|thus|hence|consequently|accordingly|as a (?:result|consequence)|so(?=,| it\b| we\b| the\b| this\b| that\b)|that(?:'s| is) (?:why|how)|this (?:is|was) (?:why|how)|which is why|for (?:this|that|these|those|all these|the above) reasons?|it (?:follows|is clear|is obvious|is evident) that|clearly|obviously|evidently|to this end|in this (?:way|regard|sense|respect)|in short|in sum|in brief|all in all|overall)\b/;


/** Gives the reason for the sentence before it ("This is because ..."). */
export const REASON_FOR_PREVIOUS =
  /^(?:(?:this|that|it) is (?:mainly |mostly |partly |simply |largely )?(?:because|due to)|the reason (?:for this |being )?is|because of this|this happens because)\b/;

/** Tells a story: the writer's own, or the past. Searched anywhere in the sentence. */
export const NARRATES = /\b(?:i|my|me|was|were|had|did)\b/;

/** Opens an example given for what precedes. */
export const EXAMPLE = /^(?:for (?:example|instance)|to illustrate|as an example|an example|a good example|take\b)/;

/** A recommendation or a hope: what someone should do, or what the writer wishes for. Searched anywhere in the sentence. */
export const RECOMMENDS = /\b(?:should|must|ought to|needs? to|have to|has to|(?:i|we) (?:\w+ )?(?:hope|wish)|(?:is|are) (?:\w+ )?(?:hoped|recommended))\b/;

/** A turn against what came before. */
export const TURN =
  /^(?:but|however|nevertheless|nonetheless|conversely|and yet|yet(?! another\b)|still,|even so|that said|then again|on the other hand|on the contrary|in contrast|by contrast|instead|rather)(?![a-z])/;

/** Numbers a point in a list ("First of all", "Secondly"): what follows may still concede. */
const ORDINAL = '(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|first of all|first and foremost|to (?:begin|start) with|last(?:ly)?|finally|last but not least)';

/** Concedes in a clause ("Although X, Y"), the sentence going on to its own point. */
const CONCESSIVE = '(?:although|though|even though|while it is true|despite (?:the fact|its|their))';

/** A concession or an opposing view the author voices in order to answer it. */
export const COUNTER_VIEW = [
  /^(?:some|many|most|critics|opponents|skeptics|sceptics|detractors|others|other people|supporters|proponents|those|people|someone|somebody|one)\b[^.?!]{0,60}?\b(?:argue[sd]?|claim(?:s|ed)?|say|said|believe[sd]?|insist(?:s|ed)?|contend(?:s|ed)?|maintain(?:s|ed)?|presume[sd]?|assume[sd]?|think|thought|suggest(?:s|ed)?|object(?:s|ed)?|hold|feel|point out|are (?:concerned|worried|afraid)|may (?:say|think|argue|believe)|critici[sz]e[sd]?|prefer(?:s|red)?|oppose[sd]?|object to|doubt(?:s|ed)?|complain(?:s|ed)?)\b/,
  new RegExp(
    `^(?:${ORDINAL},? )?(?:` +
      /(?:admittedly|granted|of course|to be sure|true(?=,)|it(?: is|'s| seems(?: to be)?) (?:\w+ )?(?:true|undeniable|undoubted|undeniably true|no doubt) that|there is no (?:doubt|denying)|undeniably|no doubt|it (?:is|has been) (?:often |commonly |widely )?(?:said|argued|claimed|believed|thought)|i (?:\w+ )?(?:admit|concede|confess|acknowledge|grant)\b|it could be argued|it (?:might|may|can) be (?:argued|said|claimed)|one (?:might|may|could) (?:argue|object|say|think))/.source +
      `|${CONCESSIVE})\\b`,
  ),
];

/** A flat denial answering a counter-view without a turning word. */
export const DENIAL = [
  /^(?:not so|wrong|nonsense|hardly|far from it)\b/,
  /^(?:this|that|it|such|the claim|the idea|this (?:view|argument|idea|claim|opinion))\b[^.?!]{0,40}?\b(?:wrong|false|untrue|not true|a myth|nonsense|mistaken|misguided|misleading|from the truth|invalid|short-sighted|groundless|unfounded)\b/,
];

/** A sentence's opening as the patterns read it. */
export function opening(sentence: string): string {
  return sentence
    .slice(0, 160)
    .replace(/^["'“‘(\[«\s]+/, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'");
}

export function isCounterView(head: string): boolean {
  return COUNTER_VIEW.some((pattern) => pattern.test(head));
}

/** A concessive clause ("Although X, Y") concedes in passing: the sentence still argues Y. */
const CONCESSIVE_CLAUSE = new RegExp(`^(?:${ORDINAL},? )?${CONCESSIVE}\\b`);

/** A sentence that voices the other side as its point, not in a passing concessive clause. */
export function isOpposingView(head: string): boolean {
  return isCounterView(head) && !CONCESSIVE_CLAUSE.test(head);
}

/** A sentence that opens by conceding a point before answering it ("Although X, Y"). */
export function isConcession(head: string): boolean {
  return CONCESSIVE_CLAUSE.test(head);
}

export function isDenial(head: string): boolean {
  return DENIAL.some((pattern) => pattern.test(head));
}

/**
 * The text talking about itself ("This essay will discuss ..."): signposting, not argument. A stance given
 * "for the following reasons" still states its claim.
 */
export const SIGNPOST =
  /\b(?:this (?:essay|article|paper|piece|post|text)|(?<!(?:for|of) )the following(?= (?:reasons?|points?|arguments?|aspects?|paragraphs?|passages?|sections?|pages?|are|is|will|shows?)\b|\s*[:.]|$)|(?:discussed|explained|examined|presented|outlined) (?:below|later|here)|in what follows|(?:i|we) (?:will|shall|would|am going to) (?:now )?(?:discuss|explore|examine|analy[sz]e|present|explain|outline|look at|start|begin|elaborate)|(?:will|shall) be (?:discussed|explored|examined|presented|explained|proven|proved|shown)|(?:is|are) to be discussed|as follows|here are|there (?:are|appear to be) (?:two|three|four|several|various|a number of|different|numerous) (?:\w+ )?reasons|(?:reasons?|examples|arguments)\b[^.?!]{0,30}\b(?:support|for|behind|explain)\w* (?:my|this) (?:view|viewpoint|answer|idea|opinion|position|stance|choice)|(?:reasons|arguments) (?:are|include) (?:as )?(?:the )?follow|let (?:us|me)|let's)\b/;

/** Sets two views side by side ("Some think X, while others think Y"): framing the question, not answering it. */
export const BOTH_SIDES = /\b(?:while|whereas|but|and|however,?) (?:some |many )?(?:others|other (?:people|side|group|camp|view|opinion)s?)\b|\bboth (?:sides|views|opinions)\b/;

/** A turn from then to now ("But nowadays ..."): it moves through time, not against the argument. */
export const TURN_TO_PRESENT = /^(?:but|however|yet)[, ]+(?:now|nowadays|today|these days|at present|currently)\b/;

/** "X has both pros and cons", "Both ways are good": weighs the question without answering it. */
export const WEIGHS_BOTH =
  /\b(?:has|have) (?:both |its own |their own )?(?:pros and cons|advantages and disadvantages|merits and demerits|strengths and weaknesses)\b|^both (?:of )?(?:these |the |those )?(?:\w+ ){0,2}(?:are|have|has|is)\b/;

/** Sets up one side of a question, for "on the other hand" to answer. */
export const ONE_HAND = /^on (?:the )?one hand\b/;

/** "On the other hand": the second of two sides, whichever the author takes. */
export const SECOND_HAND = /^on the other hand\b/;

/** Sets the other side against what came before. */
export const OTHER_HAND = /^(?:on the other hand|in contrast|by contrast|conversely|on the contrary)(?![a-z])/;

/** A turn strong enough to oppose the paragraph's claim by itself. */
export const STRONG_TURN = /^(?:however|but|nevertheless|nonetheless|on the other hand|on the contrary|conversely|yet)(?![a-z])/;

/** Nouns by which a writer names a view already stated ("this view", "the former opinion"). */
const VIEW_NOUN =
  '(?:view|viewpoint|opinion|statement|idea|notion|position|recommendation|proposal|claim|belief|argument|assertion|suggestion|judge?ment|contention|perspective|misconception|stance|saying|attitude|group|side|camp)s?';

/** Taking a side on a view named elsewhere ("I agree with this view", "I favour the latter"). */
const STANCE_ON_NAMED_VIEW = new RegExp(
  `\\b(?:agree|disagree|concur|side|oppose|approve|support|hold|share|endorse|reject|favou?r)\\w* (?:with |to |about |of |on )?` +
    `(?:(?:this|that|these|those|such|the(?: above| former| latter| given| aforementioned| following)?)(?: \\w+)? ${VIEW_NOUN}|the (?:former|latter)|them|it)\\b([^.?!]*)`,
);
/** Judging a view named elsewhere: "the latter opinion is true", "this statement is completely right". */
const VIEW_JUDGED = new RegExp(
  `(?:^|, )(?:this|that|the (?:former|latter|first|second)(?: one)?)(?: \\w+)?(?: ${VIEW_NOUN})? is (?:\\w+ )?(?:true|right|correct|valid|wrong|false|mistaken)\\b([^.?!]*)`,
);
/** "... for the following reasons", "... due to several reasons": what follows announces, it does not argue. */
const FOR_REASONS = /^\W*(?:\w+\W+){0,3}?(?:for|because of|due to|owing to|by)\b[^.?!]*\breasons?\b/;

/**
 * A stance with no claim of its own ("I tend to agree with this view.", "Personally, I disagree with
 * them for two reasons."): it points at a view stated elsewhere, so the thesis is not in it.
 */
export function isBareStance(head: string): boolean {
  const match = STANCE_ON_NAMED_VIEW.exec(head) ?? VIEW_JUDGED.exec(head);
  if (!match) return false;
  const rest = match[1];
  // "I agree with the idea that ...", "I support the view of ..." state the view after all.
  if (/\bthat\b|^ (?:of|on|about)\b/.test(rest)) return false;
  return (rest.match(/[a-z']+/g) ?? []).length <= 5 || FOR_REASONS.test(rest);
}
