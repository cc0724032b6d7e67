import { assignRoles } from './roles';

describe('assignRoles', () => {
  const sut = assignRoles;

  it('defaults to support', () => {
    expect(sut(['ISIS continues to threaten the capital.', 'Their bodies were found in a morgue.'])).toEqual(['support', 'support']);
  });

  it.each(['But', 'Yet', 'However,', 'Nevertheless', 'Still,', 'On the other hand,', 'Though', 'Although', '“But'])(
    'marks a sentence opening with %s as a rebuttal',
    (opener) => {
      expect(sut(['The alliance looks stable.', `${opener} a careful study gives a different impression.`])).toEqual([
        'support',
        'rebuttal',
      ]);
    },
  );

  it('lets a paragraph open with a rebuttal only on a strong turn', () => {
    expect(sut(['But what if Iran, Syria and Iraq build up an alliance?'])).toEqual(['rebuttal']);
    expect(sut(['Though differences have arisen, both are assisted by the CIA.'])).toEqual(['support']);
  });

  it('does not mistake look-alike openers for turns', () => {
    expect(sut(['One.', 'Yet another attack followed.', 'Butter prices rose.', 'Still waters run deep.'])).toEqual([
      'support',
      'support',
      'support',
      'support',
    ]);
  });

  it('marks a counter-view the author then answers, and the answer', () => {
    expect(
      sut([
        'The US has not approved airstrikes.',
        'Some observers may presume the chaos might be a distraction.',
        'But the outcome could be the other way round.',
      ]),
    ).toEqual(['support', 'rebuttal', 'rebuttal']);
    expect(sut(['Critics say the war was about oil.', 'That is simply not true.'])).toEqual(['rebuttal', 'support']);
  });

  it('leaves an unanswered report of other views as support', () => {
    expect(sut(['Many believe the talks will fail.', 'Talks resume on Monday.'])).toEqual(['support', 'support']);
  });
});
