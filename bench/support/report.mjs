// The table printed at the end and bench/results/latest.json.
import { writeFileSync } from 'node:fs';
import { TARGETS } from './settings.mjs';

const KEYS = ['name', 'metric', 'value', 'unit', 'baseline', 'ratio', 'p50', 'p99'];

const round = (x, digits = 2) => (typeof x === 'number' && Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

/** A scenario with exactly the published keys, figures rounded. */
export function publishable(s) {
  return Object.fromEntries(KEYS.map((k) => [k, typeof s[k] === 'number' ? round(s[k], k === 'ratio' ? 3 : 2) : s[k]]));
}

export function targetOutcome(s) {
  const target = TARGETS[s.name];
  return target ? { target: target.text, met: !!target.test(s) } : null;
}

export function formatTable(scenarios) {
  const header = [...KEYS, 'target', 'met'];
  const rows = scenarios.map((s) => {
    const t = targetOutcome(s);
    return [...KEYS.map((k) => (s[k] === null || s[k] === undefined ? '-' : String(s[k]))), t?.target ?? '-', t ? (t.met ? 'yes' : 'NO') : '-'];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 7 && i !== 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function writeResults(file, { scenarios, details, environment }) {
  const body = {
    scenarios: scenarios.map(publishable),
    targets: Object.fromEntries(scenarios.map((s) => [s.name, targetOutcome(s)])),
    environment,
    details,
  };
  writeFileSync(file, JSON.stringify(body, null, 2) + '\n');
}
