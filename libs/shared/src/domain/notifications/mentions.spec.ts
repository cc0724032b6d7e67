import { MAX_MENTIONS, mentionedUsernames, votesSummary } from './mentions';

describe('mentionedUsernames', () => {
  it('finds each @name once, lower-cased, in order', () => {
    expect(mentionedUsernames('@Ann and @ben_2, as @ann said (@carla-x).')).toEqual(['ann', 'ben_2', 'carla-x']);
  });

  it('ignores e-mail addresses, too-short names and a bare @', () => {
    expect(mentionedUsernames('write to me@example.com or @ab or @ alone')).toEqual([]);
  });

  it('stops at the limit', () => {
    const text = Array.from({ length: MAX_MENTIONS + 3 }, (_, i) => `@user${i}`).join(' ');
    expect(mentionedUsernames(text)).toHaveLength(MAX_MENTIONS);
  });
});

describe('votesSummary', () => {
  it('counts in words', () => {
    expect(votesSummary(1, 'Both sides')).toBe('1 new rating on your argument “Both sides”');
    expect(votesSummary(4, 'Both sides')).toBe('4 new ratings on your argument “Both sides”');
  });
});
