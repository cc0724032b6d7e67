import { isQuestion } from './question';

describe('isQuestion', () => {
  const sut = isQuestion;

  it.each([
    'Isn’t it naive, nay wishful thinking, on the part of the Iranian president?',
    'He asked: “Why now?”',
    'Why (really?)',
    'What?!',
    'Really...?',
  ])('is true for %s', (sentence) => {
    expect(sut(sentence)).toBe(true);
  });

  it.each(['Think of it now.', '“Why?” he asked.', 'No question mark', ''])('is false for %s', (sentence) => {
    expect(sut(sentence)).toBe(false);
  });
});
