import { progressText } from './go-build-progress';

describe('progressText', () => {
  it('shows packages built of the total and the seconds elapsed', () => {
    expect(progressText(12, 340, 41_400)).toBe('12/340 packages, 41 s');
  });

  it('never shows more built than the total, and only the count when the total is unknown', () => {
    expect(progressText(400, 340, 1000)).toBe('340/340 packages, 1 s');
    expect(progressText(7, 0, 2000)).toBe('7 packages, 2 s');
  });
});
