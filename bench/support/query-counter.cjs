// Preloaded into the API child (`node --require`): counts database operations by collection and
// method through mongoose's debug hook (one function call per operation, beside a round trip of a
// millisecond or more) and sends the running totals over the IPC channel when asked. The bench reads
// them before and after a scenario to say how many round trips one request costs.
//
// It also counts the operations FerretDB's SQLite backend must answer by reading the whole collection:
// v1.24 pushes a filter down to SQL only when it is exactly {_id: <ObjectId or string>}
// (internal/backends/sqlite/collection.go, Query); any other filter is applied in Go to every document.
//
// Writes are counted apart: each takes SQLite's single write lock and syncs the WAL on commit.
//
// IPC rather than a signal: Nest's enableShutdownHooks() treats SIGUSR2 as a shutdown.
const mongoose = require('mongoose');

const FILTERED = new Set(['find', 'findOne', 'countDocuments', 'updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'deleteOne', 'deleteMany', 'replaceOne', 'distinct']);
const { ObjectId } = mongoose.mongo;

function byPrimaryKey(filter) {
  if (!filter || typeof filter !== 'object') return false;
  const keys = Object.keys(filter);
  return keys.length === 1 && keys[0] === '_id' && (typeof filter._id === 'string' || filter._id instanceof ObjectId);
}

const WRITES = /^(insert|update|replace|delete|findOneAnd|bulkWrite)/;

const counts = {};
const scans = {};
const writes = {};
mongoose.set('debug', (collection, method, ...args) => {
  const key = `${collection}.${method}`;
  counts[key] = (counts[key] || 0) + 1;
  const filter = method === 'distinct' ? args[1] : args[0];
  if ((FILTERED.has(method) && !byPrimaryKey(filter)) || method === 'aggregate') scans[key] = (scans[key] || 0) + 1;
  if (WRITES.test(method)) writes[key] = (writes[key] || 0) + 1;
});
if (process.send) {
  process.on('message', (message) => {
    if (message === 'bench:query-counts') process.send({ queryCounts: { counts, scans, writes } });
  });
  // The channel must not keep the API alive once it has been told to stop; and should the bench die
  // without stopping it, the channel closes and the API stops too rather than linger on its port.
  process.channel?.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
