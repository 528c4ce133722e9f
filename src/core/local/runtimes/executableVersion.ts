import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type ExecutableCheck = { readonly ok: true; readonly version: string } | { readonly ok: false; readonly problem: string };

// Every cold start asks which interpreter to run and what version it is: asking a binary for `--version` costs tens of
// milliseconds, so the answer is kept per process for as long as the file is the same one (path, size, mtime).
// Shims (pyenv's and asdf's scripts, volta's dispatcher) answer by the folder and environment they run in: never kept.
const answers = new Map<string, { readonly stamp: string; readonly check: ExecutableCheck }>();

/** Whether `file` is an executable that runs, and what `file --version` says (its first line). */
export function executableVersion(file: string): ExecutableCheck {
  let real: string;
  let stat: fs.Stats;
  try {
    real = fs.realpathSync(file);
    stat = fs.statSync(real);
  } catch {
    return { ok: false, problem: 'does not exist' };
  }
  if (!stat.isFile()) return { ok: false, problem: 'is not a file' };
  const stamp = `${real}:${stat.size}:${stat.mtimeMs}`;
  const known = answers.get(file);
  if (known?.stamp === stamp) return known.check;
  const check = run(file);
  if (isCacheable(real)) answers.set(file, { stamp, check });
  return check;
}

function run(file: string): ExecutableCheck {
  const result = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 5000 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'EACCES' ? 'is not executable' : `could not be started (${code ?? result.error.message})` };
  }
  // Python 2 printed its version on stderr.
  const said = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n')[0]?.trim() ?? '';
  if (result.status !== 0) return { ok: false, problem: `did not run (${result.signal ? `signal ${result.signal}` : `exit code ${result.status}`}${said ? `: ${said}` : ''})` };
  return { ok: true, version: said };
}

function isCacheable(real: string): boolean {
  if (!/^(node|python)/i.test(path.basename(real))) return false;
  try {
    const fd = fs.openSync(real, 'r');
    try {
      const head = Buffer.alloc(2);
      fs.readSync(fd, head, 0, 2, 0);
      return head.toString('latin1') !== '#!';
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The first file of that name on PATH that runs, with its version: pyenv and asdf shims exist for versions not selected. */
export function findRunnable(name: string): { readonly path: string; readonly version: string } | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
    } catch {
      continue;
    }
    const check = executableVersion(candidate);
    if (check.ok) return { path: candidate, version: check.version };
  }
  return undefined;
}
