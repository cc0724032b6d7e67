// The fan-out baseline: a bare socket.io server with Agora's /live namespace and join acknowledgement,
// and nothing else. POST /broadcast {payload} emits `vote:changed` with that payload to the article's
// room, the one way a vote reaches readers once the API has done its work. It runs as a child process,
// as the API does, so it never shares an event loop with the 1,000 clients it is measured by.
//   node bench/support/bare-socket-server.mjs <port>
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Server } = require('socket.io');

const port = Number(process.argv[2]);
const room = (articleId) => `article:${articleId}`;

const http = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return void res.writeHead(200).end('ok');
  if (req.method !== 'POST' || req.url !== '/broadcast') return void res.writeHead(404).end();
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    live.to(room(payload.articleId)).emit('vote:changed', payload);
    res.writeHead(204).end();
  });
});
const io = new Server(http, { cors: { origin: true, credentials: true } });
const live = io.of('/live');
live.on('connection', (socket) => {
  socket.on('join', async (body, ack) => {
    await socket.join(room(body.articleId));
    ack?.({ ok: true, seq: 0, viewers: live.adapter.rooms.get(room(body.articleId))?.size ?? 0 });
  });
});
http.listen(port, '127.0.0.1');
process.on('SIGTERM', () => io.close(() => process.exit(0)));
// Started with an IPC channel: when the bench goes, however it goes, so does this server.
process.channel?.unref();
process.once('disconnect', () => process.exit(0));
