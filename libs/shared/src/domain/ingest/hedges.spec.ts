import { findHedges } from './hedges';

describe('findHedges', () => {
  const sut = findHedges;

  it('finds hedge words in lowercase, in order, once each', () => {
    expect(sut('It has been Reportedly carrying out executions; it might, it might not.')).toEqual(['reportedly', 'might']);
  });

  it('finds the hedges of the seed article', () => {
    expect(sut('Sectarian violence is probably at its worst. It might have exceeded 2005, when squads virtually ruled.')).toEqual([
      'probably',
      'might',
      'virtually',
    ]);
    expect(sut('the supposed US/Iran alignment could be unsustainable')).toEqual(['supposed', 'could']);
  });

  it('returns an empty list when the sentence is plain assertion', () => {
    expect(sut('Their bodies were found in a Baghdad morgue.')).toEqual([]);
  });

  it('ignores the month May, the noun might and supposed-to', () => {
    expect(sut('In May the military might of NATO was supposed to act.')).toEqual([]);
    expect(sut('May it rain.')).toEqual(['may']);
  });

  it('does not match inside other words', () => {
    expect(sut('Mayor Couldson likes maybelline.')).toEqual([]);
  });
});
