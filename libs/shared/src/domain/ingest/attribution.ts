/** "according to X", "in the words of X": the source follows the phrase. */
const SOURCE_AFTER = /\b(?:according to|in the words of|as quoted by|quoted by|as reported by|reported by)\s+([^,.;:!?"“”()]{1,80})/i;
/** Reporting verbs that carry attribution whatever follows them ("X writes on ...", "X sums up ..."). */
const STRONG_VERBS = 'writes|wrote|sums up|summed up|said|says|put it|puts it|quipped|declared|remarked|tweeted|posted';
/** Verbs that attribute only when a "that", a colon or a quotation follows ("Alawi stated that"). */
const WEAK_VERBS =
  'stated|reported|reports|claims|claimed|argues|argued|notes|noted|adds|added|explains|explained|insists|insisted|' +
  'warns|warned|admits|admitted|acknowledges|acknowledged|tells|told|announces|announced|agree|agrees|agreed|believe|believes|' +
  'believed|suggests|suggested|confirms|confirmed|denies|denied|maintains|maintained|concludes|concluded|observes|observed|' +
  'asserts|asserted|contends|contended|estimates|estimated|concedes|conceded|points out|pointed out|reckons|reckoned|' +
  'comments|commented|alleges|alleged|complains|complained|predicts|predicted|reveals|revealed|recalls|recalled';
// Lowercase only, on purpose: "the United States" must not read as "... states".
const VERB = new RegExp(`\\b(?:(${STRONG_VERBS})|(${WEAK_VERBS}))\\b`, 'g');
const WEAK_FOLLOWER = [/^\s*[:,"“—–]/, /^(?:\s+[\p{L}'’-]+){0,3}?\s+that\b/u];
/** `Obama: "We will act."` */
const SPEAKER_COLON = /^((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)\s*:\s*["“]/u;

const SKIPPED_BEFORE_VERB = new Set(
  'has have had also recently once publicly openly repeatedly later then reportedly allegedly been did would will just already famously often'.split(' '),
);
const ENDS_SUBJECT = new Set(
  'and but or nor that as while when because so if which who whom where since although though then in on at from after before during for with by into than'.split(' '),
);
const NOT_A_SUBJECT = new Set('is are was were be been there it its this these those which what not no'.split(' '));
const PRONOUNS = new Set('he she they it we i you one someone everyone nobody this that who'.split(' '));
const QUANTIFIERS = new Set('some many several most few other others both all a an'.split(' '));
const MAX_SOURCE_WORDS = 6;

/**
 * Names the source a sentence quotes or reports, or null. Recognised: "according
 * to X", "X writes/said/stated that/claims that ...", `"...," said X` and
 * `X: "..."`. Pronouns are not sources: "he said" names nobody.
 */
export function findAttribution(sentence: string): string | null {
  const after = SOURCE_AFTER.exec(sentence);
  if (after) {
    const source = sourceAfter(after[1]);
    if (source) return source;
  }
  VERB.lastIndex = 0;
  for (let match = VERB.exec(sentence); match; match = VERB.exec(sentence)) {
    const end = match.index + match[0].length;
    // A weak verb reports when "that", a colon or a quotation follows, or when the sentence opened with the quotation.
    const reports = /^["“]/.test(sentence) || WEAK_FOLLOWER.some((pattern) => pattern.test(sentence.slice(end, end + 60)));
    if (match[2] && !reports) continue;
    const source = subjectBefore(sentence, match.index) ?? nameAfterQuote(sentence, match.index, end);
    if (source) return source;
  }
  return SPEAKER_COLON.exec(sentence)?.[1] ?? null;
}

/**
 * Attributes each sentence of a paragraph. A quotation introduced by a source
 * keeps that source across sentence breaks: sentences that open a quotation
 * right after an attributed sentence, or lie inside one it left open, inherit.
 */
export function attributeSentences(sentences: readonly string[]): (string | null)[] {
  let straightOpen = false;
  let curlyDepth = 0;
  let previous: string | null = null;
  return sentences.map((sentence) => {
    const inside = straightOpen || curlyDepth > 0;
    let source = findAttribution(sentence);
    if (source === null && (inside || /^["“]/.test(sentence))) source = previous;
    if (count(sentence, '"') % 2 === 1) straightOpen = !straightOpen;
    curlyDepth = Math.max(0, curlyDepth + count(sentence, '“') - count(sentence, '”'));
    previous = source;
    return source;
  });
}

/** "some Iraqis", "Alawi", "Suleimani's backroom deal" → "Suleimani". */
function sourceAfter(phrase: string): string | null {
  const words = phrase.trim().split(/\s+/);
  const possessive = words.findIndex((word) => /['’]s$/.test(word));
  if (possessive !== -1) return cleanSource(words.slice(0, possessive + 1).join(' ').replace(/['’]s$/, ''));
  // Without punctuation to stop it ("according to Alawi the Americans ..."), keep the name only.
  const name: string[] = [];
  for (const word of words.slice(0, MAX_SOURCE_WORDS)) {
    if (name.some(isCapitalised) && !isCapitalised(word)) break;
    name.push(word);
  }
  return cleanSource(name.join(' '));
}

/** The noun phrase right before a reporting verb, walking back to the start of its clause. */
function subjectBefore(sentence: string, verbAt: number): string | null {
  const tokens = sentence.slice(Math.max(0, verbAt - 160), verbAt).trim().split(/\s+/);
  let i = tokens.length - 1;
  while (i >= 0 && SKIPPED_BEFORE_VERB.has(tokens[i].toLowerCase())) i -= 1;
  const subject: string[] = [];
  for (; i >= 0 && subject.length < MAX_SOURCE_WORDS; i -= 1) {
    const token = tokens[i];
    if (token === '' || /[,;:()"“”—–]$/.test(token) || /^["“(]/.test(token)) break;
    if (ENDS_SUBJECT.has(token.toLowerCase())) break;
    subject.unshift(token);
  }
  if (subject.some((word) => NOT_A_SUBJECT.has(word.toLowerCase()))) return null;
  return cleanSource(subject.join(' '));
}

/** `"...," said Smith.` and `Nonsense, says Powell.`: the name follows the verb after a quotation or a comma. */
function nameAfterQuote(sentence: string, verbAt: number, verbEnd: number): string | null {
  if (!/(?:[,.?!]?["”]|,)\s*$/.test(sentence.slice(Math.max(0, verbAt - 4), verbAt))) return null;
  const name = /^\s+((?:the\s+\p{L}|\p{Lu})[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})/u.exec(sentence.slice(verbEnd, verbEnd + 80));
  return name ? cleanSource(name[1].replace(/\.$/, '')) : null;
}

function cleanSource(raw: string): string | null {
  const words = raw.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_SOURCE_WORDS) return null;
  if (words.length === 1 && PRONOUNS.has(words[0].toLowerCase())) return null;
  if (words.every((word) => QUANTIFIERS.has(word.toLowerCase()) || word.toLowerCase() === 'the')) return null;
  // Sentence-initial capitals are not part of the name: "Some Iraqis say" → "some Iraqis".
  const [first, second] = words;
  const lower = first.toLowerCase();
  if (QUANTIFIERS.has(lower) || (lower === 'the' && second !== undefined && !isCapitalised(second))) words[0] = lower;
  return words.join(' ');
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let at = text.indexOf(ch); at !== -1; at = text.indexOf(ch, at + 1)) n += 1;
  return n;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
