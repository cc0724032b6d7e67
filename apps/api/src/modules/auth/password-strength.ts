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
/** zxcvbn's cost grows with length; a long password is strong enough by its length alone. */
const CHECKED_LENGTH = 64;

const zxcvbn = new ZxcvbnFactory({
  translations: en.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
  useLevenshteinDistance: true,
});

/** Refuses a password that common-password lists, dictionaries, keyboard patterns or the username give away. */
export function assertStrongPassword(password: string, userInputs: string[]): void {
  const result = zxcvbn.check(password.slice(0, CHECKED_LENGTH), userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  throw new DomainError(ERROR_CODES.VALIDATION, `This password is too easy to guess.${hints ? ` ${hints}` : ''}`, { field: 'password', score: result.score });
}
