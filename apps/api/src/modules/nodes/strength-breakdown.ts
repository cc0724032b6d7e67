import { attacks, describeStrength, strengthPoints, type ArgumentNode, type NodeFigures, type RatingSummary, type StrengthBreakdown, type VoteTotals } from '@agora/shared';

const EXCERPT = 80;

const rating = (v: Pick<VoteTotals, 'count' | 'sum'>): RatingSummary => ({ count: v.count, average: v.count ? v.sum / v.count : null });

/** The opening words of a reply's text, cut at a word where it is long. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT) return flat;
  const cut = flat.slice(0, EXCERPT);
  return `${cut.slice(0, cut.lastIndexOf(' ') > EXCERPT / 2 ? cut.lastIndexOf(' ') : EXCERPT)}…`;
}

/**
 * Why a node has the strength shown, from the same inputs the tree computed it from: its votes and its
 * public children as any reader sees them.
 */
export function toStrengthBreakdown(nodeId: string, votes: Pick<VoteTotals, 'count' | 'sum'>, figures: NodeFigures, children: readonly ArgumentNode[]): StrengthBreakdown {
  const points = strengthPoints(votes, children);
  const out: Omit<StrengthBreakdown, 'explanation'> = {
    nodeId,
    strength: figures.strength,
    rated: figures.rated,
    points: points.total,
    own: { ...rating(votes), points: points.own },
    replies: points.children.map(({ index, points: share }) => {
      const c = children[index];
      return { nodeId: c.id, type: c.type, role: attacks(c) ? 'attacker' : 'supporter', excerpt: excerpt(c.text), authorName: c.origin === 'article' ? null : c.authorName, points: share, rating: rating(c.votes) };
    }),
    others: points.others,
  };
  return { ...out, explanation: describeStrength(out) };
}
