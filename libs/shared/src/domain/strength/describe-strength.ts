import type { RatingSummary, StrengthBreakdown } from '../../contracts/rest/votes.schema';

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const points = (n: number): string => `${signed(n)} ${Math.abs(n) === 1 ? 'point' : 'points'}`;

/** "rated 4.5/5 by 9 readers", or "not yet rated". */
export function describeRating(r: RatingSummary): string {
  if (!r.count || r.average === null) return 'not yet rated';
  return `rated ${Number(r.average.toFixed(1))}/5 by ${plural(r.count, 'reader', 'readers')}`;
}

/** A strength breakdown in plain words, one sentence a line; the numbers are the breakdown's own. */
export function describeStrength(b: Omit<StrengthBreakdown, 'explanation'>): string[] {
  const lines: string[] = [];
  if (!b.rated) {
    lines.push(`Not yet rated: nobody has rated it or any reply to it, so it stands at ${b.points}%, where every argument starts.`);
  } else if (b.own.count) {
    lines.push(`${capitalise(describeRating(b.own))}, which alone gives it ${b.own.points} points.`);
  } else {
    lines.push(`Nobody has rated it directly, so it starts at ${b.own.points} points; its replies have been rated.`);
  }
  const down = b.replies.filter((r) => r.points < 0);
  const up = b.replies.filter((r) => r.points > 0);
  const say = (verb: string, list: typeof b.replies) =>
    list.forEach((r, i) => lines.push(`${verb}${i === 0 && list.length > 1 ? ' most' : ''} by “${r.excerpt || 'a withdrawn reply'}” (${points(r.points)}, ${describeRating(r.rating)}).`));
  say('Pulled down', down);
  say('Pushed up', up);
  if (b.others.count) {
    lines.push(`${capitalise(plural(b.others.count, 'other reply', 'other replies'))}, each moving it by less than a point: ${points(b.others.points)} together.`);
  }
  if (b.replies.length || b.others.count) {
    const terms = [...b.replies.map((r) => r.points), ...(b.others.count ? [b.others.points] : [])];
    lines.push(`In all: ${b.own.points}${terms.map((t) => (t < 0 ? ` − ${-t}` : ` + ${t}`)).join('')} = ${b.points}%.`);
  }
  return lines;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
