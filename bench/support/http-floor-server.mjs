// The HTTP floor of the throughput scenarios: a bare node:http server that parses a JSON body and does
// the raw baseline's driver calls (raw-writes.mjs: a vote's upsert and totals $inc, a reply's insert
// and its parent's counter $inc), with nothing else: no framework, authentication, validation, locks
// or live events. What it reaches is what any HTTP API doing that database work
// could at most reach on this machine; the API's distance from it is what Agora itself adds.
// It runs as a child process, as the API does. Bodies are Extended JSON (ids and dates survive).
//   node bench/support/http-floor-server.mjs <port> <mongodb uri> <database>
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { rawReply, rawVote } from './raw-writes.mjs';

const require = createRequire(import.meta.url);
const { MongoClient, BSON } = require('mongoose').mongo;

const [port, uri, database] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const client = new MongoClient(uri);
await client.connect();
const db = client.db(database);

const ROUTES = { 'PUT /vote': (body) => rawVote(db, body), 'POST /reply': (body) => rawReply(db, body) };
/** Requests whose driver calls are under way: a load generator stops without waiting for them. */
let underWay = 0;

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return void res.writeHead(200).end('ok');
  const route = ROUTES[`${req.method} ${req.url}`];
  if (!route) return void res.writeHead(404).end();
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    underWay++;
    Promise.resolve()
      .then(() => route(BSON.EJSON.parse(Buffer.concat(chunks).toString('utf8'))))
      .then(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
        (error) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: error.message })),
      )
      .finally(() => underWay--);
  });
});
server.listen(port, '127.0.0.1');
// Stopping finishes the requests under way first, so that what the bench then checks is complete.
const finished = async () => {
  while (underWay > 0) await new Promise((resolve) => setTimeout(resolve, 10));
};
process.on('SIGTERM', () => {
  server.close();
  void finished()
    .then(() => client.close())
    .then(() => process.exit(0));
});
// Started with an IPC channel: when the bench goes, however it goes, so does this server.
process.channel?.unref();
process.once('disconnect', () => process.exit(0));
