/** Stops of the strength scale, weak to strong: orange, a pale neutral, blue (told apart without red and green). */
export const STRENGTH_STOPS = [
  { at: 0, rgb: [230, 126, 34] },
  { at: 0.5, rgb: [240, 238, 232] },
  { at: 1, rgb: [41, 112, 196] },
] as const;

/** The fill of a node of this strength; unrated nodes are white, since their strength says nothing yet. */
export function strengthColour(strength: number, rated: boolean): string {
  if (!rated) return 'rgb(255, 255, 255)';
  const s = Math.min(1, Math.max(0, strength));
  const [lo, hi] = s <= 0.5 ? [STRENGTH_STOPS[0], STRENGTH_STOPS[1]] : [STRENGTH_STOPS[1], STRENGTH_STOPS[2]];
  const t = (s - lo.at) / (hi.at - lo.at);
  const mix = lo.rgb.map((c, i) => Math.round(c + (hi.rgb[i] - c) * t));
  return `rgb(${mix.join(', ')})`;
}

/** Text on the fill: white on the darkest blue (contrast above 4.5:1 either way), dark elsewhere. */
export const textOnStrength = (strength: number, rated: boolean): string => (rated && strength >= 0.93 ? '#ffffff' : '#1d1d1f');

/** The scale as a CSS gradient, for the legend. */
export const STRENGTH_GRADIENT = `linear-gradient(to right, ${STRENGTH_STOPS.map((s) => `rgb(${s.rgb.join(', ')}) ${s.at * 100}%`).join(', ')})`;
