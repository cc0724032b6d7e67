import { searchPattern } from './search-pattern';

describe('searchPattern', () => {
  it('matches the words literally, case-insensitively, across any whitespace', () => {
    const sut = searchPattern('  Sunni   militias ');
    expect(sut.test('the sunni\nMilitias were')).toBe(true);
    expect(sut.test('Sunni-led militias')).toBe(false);
  });

  it('reads regular-expression characters as themselves', () => {
    const sut = searchPattern('(a+)+$ [x]');
    expect(sut.test('see (a+)+$ [x] here')).toBe(true);
    expect(sut.test('aaaa')).toBe(false);
  });
});
