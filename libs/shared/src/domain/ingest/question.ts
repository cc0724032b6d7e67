const CLOSERS = '"\'”’)]}»›';

/** A sentence is a question, rhetorical or not, when its final punctuation (before closing quotes or brackets) has a `?`. */
export function isQuestion(sentence: string): boolean {
  let end = sentence.trimEnd().length;
  while (end > 0 && CLOSERS.includes(sentence[end - 1])) end -= 1;
  for (let i = end - 1; i >= 0 && '.!?…‽'.includes(sentence[i]); i -= 1) {
    if (sentence[i] === '?' || sentence[i] === '‽') return true;
  }
  return false;
}
