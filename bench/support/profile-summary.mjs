// Summarizes a V8 .cpuprofile (node --cpu-prof): where the API's CPU time went, by package and by
// function (self time), and which of Agora's own functions were on the stack (inclusive time).
//   node bench/support/profile-summary.mjs bench/results/profile/<file>.cpuprofile
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const IDLE = new Set(['(idle)', '(program)']);

function packageOf(url) {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node core';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const app = /\/(apps\/api|libs\/shared)\/dist\//.exec(url);
  return app ? app[1] : url;
}

const where = (frame) => `${frame.functionName || '(anonymous)'} ${frame.url ? frame.url.replace(/^.*\/(node_modules|apps|libs)\//, '$1/') : ''}:${frame.lineNumber + 1}`;

export function analyzeProfile(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const self = new Map();
  const inclusive = new Map();
  const packages = new Map();
  let busy = 0;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const node = byId.get(profile.samples[i]);
    const name = node.callFrame.functionName;
    if (IDLE.has(name)) continue;
    busy += ms;
    const key = where(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    const pkg = name === '(garbage collector)' ? '(garbage collector)' : packageOf(node.callFrame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id).callFrame;
      if (!/\/(apps\/api|libs\/shared)\/dist\//.test(frame.url)) continue;
      const k = where(frame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { totalMs: total, busyMs: busy, packages: top(packages, 15), self: top(self, 25), agora: top(inclusive, 25) };
}

export function summarizeProfile(file) {
  const a = analyzeProfile(file);
  const pct = (ms) => `${((100 * ms) / a.busyMs).toFixed(1).padStart(5)}%`;
  const lines = [`busy ${(a.busyMs / 1000).toFixed(1)} s of ${(a.totalMs / 1000).toFixed(1)} s profiled`];
  lines.push('self time by package:', ...a.packages.map(([k, ms]) => `  ${pct(ms)}  ${k}`));
  lines.push('self time by function:', ...a.self.map(([k, ms]) => `  ${pct(ms)}  ${k}`));
  lines.push("Agora's functions, inclusive:", ...a.agora.map(([k, ms]) => `  ${pct(ms)}  ${k}`));
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv[2]) {
    console.error('usage: node bench/support/profile-summary.mjs <file.cpuprofile>');
    process.exit(2);
  }
  console.log(summarizeProfile(process.argv[2]));
}
