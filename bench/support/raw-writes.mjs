// The database work of the throughput baselines, shared by the raw-driver baseline (run in the bench
// process) and the HTTP floor (run behind a bare HTTP server), so that both do exactly the same.

/**
 * A correct minimal vote: upsert returning the previous value, then move the node's totals by the
 * difference and its votesVersion by one, in one atomic $inc (2 round trips). Keyed as the API keys its votes: on FerretDB a filter other than
 * exactly {_id} reads the whole collection.
 */
export async function rawVote(db, { nodeId, userId, articleId, value }) {
  const before = await db.collection('votes').findOneAndUpdate(
    { _id: `${nodeId}:${userId}` },
    { $set: { nodeId, userId, value, articleId, updatedAt: new Date() } },
    { upsert: true, returnDocument: 'before' }, // FerretDB 1.24 does not support findAndModify's projection
  );
  const old = before?.value ?? null;
  const inc = { 'votes.sum': value - (old ?? 0), votesVersion: 1 };
  if (old === null) inc['votes.count'] = 1;
  if (old !== value) {
    inc[`votes.histogram.${value}`] = 1;
    if (old !== null) inc[`votes.histogram.${old}`] = -1;
  }
  await db.collection('nodes').updateOne({ _id: nodeId }, { $inc: inc });
}

/**
 * A correct minimal reply: insert the node as the API stores it, then count it on its parent with one
 * atomic $inc (2 round trips). The count follows the insert, so it never counts a reply that is not there.
 */
export async function rawReply(db, doc) {
  await db.collection('nodes').insertOne(doc);
  await db.collection('nodes').updateOne({ _id: doc.parentId }, { $inc: { [`replyCounts.${doc.type}`]: 1 } });
}
