// HTTP helpers: JSON calls for setting up fixtures, and an autocannon run that reports the same
// figures as `closedLoop` (completed 2xx responses, their latencies) so both sides read alike.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

/** One JSON request; throws with the status and body unless the answer is 2xx. */
export async function api(baseUrl, method, path, { token, body } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Drives `connections` keep-alive connections for `seconds`; `request()` gives the next request as
 * {path, token, body}, and {method} where it is not `method`. Latencies are autocannon's per-response
 * times (hrtime, milliseconds).
 */
export async function autocannonLoop({ baseUrl, connections, seconds, method, request }) {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const statuses = {};
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method,
        setupRequest: (req) => {
          const next = request();
          req.method = next.method ?? method;
          req.path = next.path;
          req.headers = { 'content-type': 'application/json', ...(next.token ? { authorization: `Bearer ${next.token}` } : {}) };
          req.body = next.body === undefined ? undefined : JSON.stringify(next.body);
          return req;
        },
        onResponse: (status, body) => {
          if (status >= 300 && firstError === null) firstError = new Error(`${status} ${String(body).slice(0, 300)}`);
        },
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) latencies.push(ms);
    else errors++;
  });
  const result = await instance;
  errors += result.errors + result.timeouts;
  return { completed: latencies.length, sent: result.requests.sent, errors, firstError, latencies, seconds, statuses };
}
