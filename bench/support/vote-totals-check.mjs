// After a write load: does every node's stored vote totals (votes.count, votes.sum) equal a recount of
// its votes in the votes collection? Two instances (or two clients) racing on the same node must not
// lose an update; this is how the bench finds out.

/** Recounts `db`'s votes per node and compares them with each node's stored totals. */
export async function checkVoteTotals(db) {
  const recount = new Map();
  let votes = 0;
  for await (const vote of db.collection('votes').find({}, { projection: { nodeId: 1, value: 1 } })) {
    const key = String(vote.nodeId);
    const totals = recount.get(key) ?? { count: 0, sum: 0 };
    totals.count++;
    totals.sum += vote.value;
    recount.set(key, totals);
    votes++;
  }
  const mismatches = [];
  let nodes = 0;
  for await (const node of db.collection('nodes').find({}, { projection: { votes: 1 } })) {
    const key = String(node._id);
    const counted = recount.get(key) ?? { count: 0, sum: 0 };
    const stored = { count: node.votes?.count ?? 0, sum: node.votes?.sum ?? 0 };
    if (stored.count !== counted.count || stored.sum !== counted.sum) mismatches.push({ nodeId: key, stored, recount: counted });
    recount.delete(key);
    nodes++;
  }
  // Votes whose node is not there at all.
  for (const [key, counted] of recount) mismatches.push({ nodeId: key, stored: null, recount: counted });
  return { nodes, votes, mismatches };
}

/** One line for the report; a failure names a few of the nodes. */
export function voteTotalsText(label, { nodes, votes, mismatches }) {
  if (!mismatches.length) return `${label}: vote totals of all ${nodes} nodes equal a recount of the ${votes} votes`;
  const shown = mismatches
    .slice(0, 3)
    .map((m) => `${m.nodeId} stored ${m.stored ? `${m.stored.count}/${m.stored.sum}` : 'no node'}, recount ${m.recount.count}/${m.recount.sum}`)
    .join('; ');
  return `${label}: INCONSISTENT: ${mismatches.length} of ${nodes} nodes have vote totals (count/sum) other than a recount of the ${votes} votes (${shown})`;
}
