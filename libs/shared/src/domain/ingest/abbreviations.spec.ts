import { classifyAbbreviation, isSentenceStarter } from './abbreviations';

describe('classifyAbbreviation', () => {
  const sut = classifyAbbreviation;

  it.each(['Dr', 'Mr', 'Mrs', 'St', 'Prof', 'e.g', 'i.e', 'vs', 'cf', 'J', 'W'])('%s never ends a sentence', (word) => {
    expect(sut(word)).toBe('never');
  });

  it.each(['Jan', 'Feb', 'No', 'pp', 'Fig'])('%s runs on before a number', (word) => {
    expect(sut(word)).toBe('before-number');
  });

  it.each(['U.S', 'U.K', 'a.m', 'Ph.D', 'U.S.A'])('%s is a dotted acronym', (word) => {
    expect(sut(word)).toBe('acronym');
  });

  it.each(['Syria', 'etc', 'Inc', '2005', 'dr', 'away'])('%s is an ordinary word', (word) => {
    expect(sut(word)).toBe('ordinary');
  });
});

describe('isSentenceStarter', () => {
  it('knows common openers regardless of case', () => {
    expect(isSentenceStarter('The')).toBe(true);
    expect(isSentenceStarter('President')).toBe(false);
  });
});
