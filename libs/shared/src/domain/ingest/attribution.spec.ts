import { attributeSentences, findAttribution } from './attribution';

describe('findAttribution', () => {
  const sut = findAttribution;

  it.each([
    ['Washington Post writes on US / Iran relations: “With Iraq’s Shiite neighbor rallying ...”', 'Washington Post'],
    ['According to some Iraqis, ISIS attempted a prison break in Baqubah.', 'some Iraqis'],
    ['Info Wars sums up this story comprehensively in a few words.', 'Info Wars'],
    ['Alawi stated that the Americans wanted to stay in Iraq.', 'Alawi'],
    ['US officials have admitted that if they were to carry out airstrikes, they would hit Syria.', 'US officials'],
    ['The Americans are embarrassed, but the Iraqi politicians agree that Suleimani "outmaneuvered them."', 'the Iraqi politicians'],
    ['Power came to him and according to Alawi, the Americans turned Iraq into a colony.', 'Alawi'],
    ['According to Suleimani’s backroom deal, he favored Maliki.', 'Suleimani'],
    ['“We will not leave,” said General Odierno.', 'General Odierno'],
    ['The minister told reporters that the border was closed.', 'the minister'],
    ['The New York Times reported that talks had stalled.', 'The New York Times'],
    ['Obama: “We will act.”', 'Obama'],
    ['"We are not in a hurry," Fed Chair Jerome H. Powell told reporters in Jan. 2024.', 'Fed Chair Jerome H. Powell'],
    ['Nonsense, says Powell.', 'Powell'],
    ['“It is over,” said the minister.', 'the minister'],
  ])('finds the source of %s', (sentence, source) => {
    expect(sut(sentence)).toBe(source);
  });

  it.each([
    'Their bodies were found in a Baghdad morgue.',
    'When the United States officially announces its decision of aiding "rebels," the allusion is helping Al Qaeda.',
    'Consequently the Americans told Alawi to quit in favor of Maliki.',
    'He said that it was over.',
    'There are reports that the city fell.',
    'Qassem Suleimani is acknowledged by the US as the most powerful man in the region.',
  ])('finds no source in %s', (sentence) => {
    expect(sut(sentence)).toBeNull();
  });
});

describe('attributeSentences', () => {
  const sut = attributeSentences;

  it('carries a source into the quotation it introduces, across sentence breaks', () => {
    expect(
      sut([
        'Info Wars sums up this story comprehensively in a few words.',
        '"Otherwise known as ISIL, the caliphate has transplanted jihadists to Iraq.',
        'For the monarchies the objective is to spread a version of Islam."',
        'Another interest is to thwart Iran.',
      ]),
    ).toEqual(['Info Wars', 'Info Wars', 'Info Wars', null]);
  });

  it('does not carry a source into the author’s own next sentence', () => {
    expect(sut(['Washington Post writes: “They have mutual interests.”', 'But a careful study gives a different impression.'])).toEqual([
      'Washington Post',
      null,
    ]);
  });
});
