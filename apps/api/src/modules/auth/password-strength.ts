import { DomainError, ERROR_CODES } from '@agora/shared';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/**
 * zxcvbn's score (0–4) a new password must reach: 3 is "safely unguessable" against an online attack
 * and slows an offline one. Kept on the server only: the dictionaries weigh about 1 MB, too much for
 * the web client's bundle, and the server must check anyway.
 */
export const MIN_PASSWORD_SCORE = 3;
/**
 * zxcvbn's cost grows with length (its repeat and spatial matchers took 250 ms at 64 characters, on
 * the event loop, for anyone who posts a registration); past 32 characters a password that is not a
 * repeat or a pattern in its first 32 is strong enough by its length alone.
 */
const CHECKED_LENGTH = 32;

const zxcvbn = new ZxcvbnFactory({
  translations: en.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
  // Off: matching every substring against the dictionaries by edit distance cost about 250 ms per
  // check, twenty times the rest, to catch misspelled dictionary words that the other matchers mostly
  // score as weak anyway.
  useLevenshteinDistance: false,
});

/** Refuses a password that common-password lists, dictionaries, keyboard patterns or the username give away. */
export function assertStrongPassword(password: string, userInputs: string[]): void {
  const result = zxcvbn.check(password.slice(0, CHECKED_LENGTH), userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  throw new DomainError(ERROR_CODES.VALIDATION, `This password is too easy to guess.${hints ? ` ${hints}` : ''}`, { field: 'password', score: result.score });
}
