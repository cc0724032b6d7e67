import { keepRoles, matchRevision, sentenceLikeness } from './match-revision';

describe('sentenceLikeness', () => {
  it('is 1 for the same words, 0 for none shared, between for a rewording', () => {
    expect(sentenceLikeness('The cat sat.', 'the CAT sat')).toBe(1);
    expect(sentenceLikeness('The cat sat.', 'Dogs bark loudly.')).toBe(0);
    const reworded = sentenceLikeness('Taxes should rise for the wealthy.', 'Taxes should rise for the very wealthy.');
    expect(reworded).toBeGreaterThan(0.8);
    expect(reworded).toBeLessThan(1);
  });
});

describe('matchRevision', () => {
  const before = [
    ['The city needs a new bridge.', 'The old one is unsafe.'],
    ['Traffic has doubled since 1990.', 'Commuters lose an hour a day.'],
    ['Some say the cost is too high.', 'They are wrong about the numbers.'],
  ];

  it('keeps unchanged sentences and paragraphs where they are', () => {
    const sut = matchRevision(before, before);
    expect(sut.paragraphs).toEqual([0, 1, 2]);
    expect(sut.sentences[1][1]).toEqual({ paragraph: 1, sentence: 1 });
    expect(sut.reworded).toBe(0);
  });

  it('follows a reworded paragraph, drops a deleted one and leaves an inserted one unmatched', () => {
    const after = [
      ['A brand new opening paragraph.', 'It says nothing of before.'],
      ['The city badly needs a new bridge.', 'The old one is unsafe.'],
      ['Some say the cost is too high.', 'They are wrong about the numbers.'],
    ];
    const sut = matchRevision(before, after);
    expect(sut.paragraphs).toEqual([1, null, 2]);
    expect(sut.sentences[0]).toEqual([
      { paragraph: 1, sentence: 0 },
      { paragraph: 1, sentence: 1 },
    ]);
    expect(sut.sentences[1]).toEqual([null, null]);
    expect(sut.reworded).toBe(1);
  });

  it('takes repeated sentences in order and never gives one new sentence to two old ones', () => {
    const sut = matchRevision([['Yes.', 'No.', 'Yes.']], [['Yes.', 'Yes.']]);
    expect(sut.sentences[0]).toEqual([{ paragraph: 0, sentence: 0 }, null, { paragraph: 0, sentence: 1 }]);
  });

  it('does not take a sentence that shares too few words', () => {
    const sut = matchRevision([['Traffic has doubled since 1990.']], [['Bicycles are faster in town.']]);
    expect(sut.sentences[0][0]).toBeNull();
    expect(sut.paragraphs[0]).toBeNull();
  });

  it('gives a split paragraph to the part that received most of its sentences', () => {
    const sut = matchRevision([['One.', 'Two.', 'Three.']], [['One.'], ['Two.', 'Three.']]);
    expect(sut.paragraphs).toEqual([1]);
    expect(sut.sentences[0][0]).toEqual({ paragraph: 0, sentence: 0 });
  });
});

describe('keepRoles', () => {
  const s = (role: 'thesis' | 'claim' | 'support' | 'rebuttal' | 'context', target: number | null = null) => ({ role, target, stance: null });

  it('gives matched sentences their old roles and targets, moved, and leaves new ones as split', () => {
    const before = [{ sentences: [s('claim'), s('support'), s('rebuttal', 1)] }];
    const after = [{ sentences: [s('thesis'), s('claim'), s('claim'), s('context', 0)] }];
    // The new first sentence is new; the others are the old three, in order.
    const match = { paragraphs: [0], sentences: [[{ paragraph: 0, sentence: 1 }, { paragraph: 0, sentence: 2 }, { paragraph: 0, sentence: 3 }]], reworded: 0 };
    const sut = keepRoles(before, after, match);
    expect(sut[0].sentences.map((x) => [x.role, x.target])).toEqual([
      ['thesis', null],
      ['claim', null],
      ['support', null],
      ['rebuttal', 2],
    ]);
  });

  it('drops a target that is gone', () => {
    const sut = keepRoles([{ sentences: [s('support'), s('rebuttal', 0)] }], [{ sentences: [s('claim')] }], { paragraphs: [0], sentences: [[null, { paragraph: 0, sentence: 0 }]], reworded: 0 });
    expect(sut[0].sentences[0]).toMatchObject({ role: 'rebuttal', target: null });
  });
});
