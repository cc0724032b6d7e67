import { spawn, spawnSync } from 'node:child_process';

type Log = (line: string) => void;

/** How often the progress line is written when it cannot be redrawn in place (a log file, CI). */
const PLAIN_INTERVAL_MS = 30_000;

/** `12/340 packages, 41 s` */
export function progressText(built: number, total: number, elapsedMs: number): string {
  const shown = total > 0 ? `${Math.min(built, total)}/${total}` : `${built}`;
  return `${shown} packages, ${Math.round(elapsedMs / 1000)} s`;
}

/** How many packages the build of `target` involves (the standard library's included: -trimpath rebuilds it). */
function packageCount(target: string, cwd: string, env: NodeJS.ProcessEnv): number {
  const listed = spawnSync('go', ['list', '-deps', target], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return listed.status === 0 ? listed.stdout.split('\n').filter(Boolean).length : 0;
}

/**
 * Runs `go build -v` and turns its one line per compiled package into one progress line: redrawn in
 * place on a terminal, otherwise written every half minute. What go prints besides package names
 * (compiler errors) is kept and shown if the build fails.
 */
export async function goBuildWithProgress(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; target: string; log: Log }): Promise<void> {
  const { cwd, env, target, log } = options;
  const total = packageCount(target, cwd, env);
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let built = 0;
  let lastPlain = started;
  let pending = '';
  const other: string[] = [];
  const show = (final: boolean) => {
    // The total counts every package involved; those go finds in its build cache are never compiled.
    const text = final
      ? `Building FerretDB: ${built} packages compiled (of ${total}; the rest were in Go's build cache), ${Math.round((Date.now() - started) / 1000)} s`
      : `Building FerretDB: ${progressText(built, total, Date.now() - started)}`;
    if (tty) process.stderr.write(`\r${text}\x1b[K${final ? '\n' : ''}`);
    else if (final || Date.now() - lastPlain >= PLAIN_INTERVAL_MS) {
      lastPlain = Date.now();
      log(text);
    }
  };
  const child = spawn('go', ['build', '-v', ...args, target], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      // -v names each package as it is compiled: an import path, no spaces. Anything else is a message.
      if (/^[\w.\-/]+$/.test(line)) built += 1;
      else if (line.trim()) other.push(line);
    }
    show(false);
  });
  const ticker = tty ? setInterval(() => show(false), 1000) : undefined;
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => clearInterval(ticker));
  if (pending.trim()) other.push(pending);
  show(true);
  if (code !== 0) {
    throw new Error(`Building FerretDB failed (go build exited ${code}).${other.length ? `\n${other.slice(-40).join('\n')}` : ''}`);
  }
}
