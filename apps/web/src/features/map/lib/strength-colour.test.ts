import { describe, expect, it } from 'vitest';
import { strengthColour, textOnStrength } from './strength-colour';

describe('strengthColour', () => {
  it('runs from orange through a pale neutral to blue, and leaves unrated nodes white', () => {
    expect(strengthColour(0, true)).toBe('rgb(230, 126, 34)');
    expect(strengthColour(0.5, true)).toBe('rgb(240, 238, 232)');
    expect(strengthColour(1, true)).toBe('rgb(41, 112, 196)');
    expect(strengthColour(0.75, true)).toBe('rgb(141, 175, 214)');
    expect(strengthColour(2, true)).toBe(strengthColour(1, true));
    expect(strengthColour(0.9, false)).toBe('rgb(255, 255, 255)');
  });

  it('writes white only on the darkest fill', () => {
    expect(textOnStrength(1, true)).toBe('#ffffff');
    expect(textOnStrength(0.5, true)).toBe('#1d1d1f');
    expect(textOnStrength(1, false)).toBe('#1d1d1f');
  });
});
