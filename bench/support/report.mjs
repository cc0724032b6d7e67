// The table printed at the end and bench/results/latest.json.
import { writeFileSync } from 'node:fs';
import { TARGETS } from './settings.mjs';

const KEYS = ['name', 'metric', 'value', 'unit', 'baseline', 'ratio', 'p50', 'p99'];

const round = (x, digits = 2) => (typeof x === 'number' && Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

/** A scenario with exactly the published keys, figures rounded. */
export function publishable(s) {
  return Object.fromEntries(KEYS.map((k) => [k, typeof s[k] === 'number' ? round(s[k], k === 'ratio' ? 3 : 2) : s[k]]));
}

/** Whether a row meets its target; a row that failed a check (`failure`: why) meets none. */
export function targetOutcome(s, failure) {
  const target = TARGETS[s.name];
  if (failure) return { target: target?.text ?? null, met: false, failure };
  return target ? { target: target.text, met: !!target.test(s) } : null;
}

/** `failures`: row name → why the scenario failed it. */
export function formatTable(scenarios, failures = {}) {
  const header = [...KEYS, 'target', 'met'];
  const rows = scenarios.map((s) => {
    const t = targetOutcome(s, failures[s.name]);
    return [...KEYS.map((k) => (s[k] === null || s[k] === undefined ? '-' : String(s[k]))), t?.target ?? '-', t ? (t.failure ? 'FAILED' : t.met ? 'yes' : 'NO') : '-'];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 7 && i !== 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function writeResults(file, { scenarios, details, environment, failures = {} }) {
  const body = {
    scenarios: scenarios.map(publishable),
    targets: Object.fromEntries(scenarios.map((s) => [s.name, targetOutcome(s, failures[s.name])])),
    environment,
    details,
  };
  writeFileSync(file, JSON.stringify(body, null, 2) + '\n');
}
