import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// `npm run bench`: figures of the package as it ships, next to the AWS Toolkit's published ones
// (../shared/notes/peers.md). Run after `npm run package` (the npm script does it).
const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'extension.js');
const VSIX = path.join(ROOT, 'serverless-explorer.vsix');
const RUNS = Number(process.env.SE_BENCH_RUNS ?? 15);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function main(): void {
  for (const file of [BUNDLE, VSIX]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run package" first.`);
  }
  const samples: { loadMs: number; activateMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, [path.join(__dirname, 'activateOnce.js'), BUNDLE], { encoding: 'utf8' });
    samples.push(JSON.parse(out));
  }
  const total = median(samples.map((s) => s.loadMs + s.activateMs));
  const rows: [string, string, string, string][] = [
    ['metric', 'Serverless Explorer', 'AWS Toolkit (published)', 'our limit'],
    ['dist/extension.js (minified)', kb(fs.statSync(BUNDLE).size), '—', '—'],
    ['.vsix size', `${kb(fs.statSync(VSIX).size)} (${mb(fs.statSync(VSIX).size)})`, '5.4 MB', '1.5 MB'],
    [`load + activate, median of ${RUNS} cold runs`, `${total.toFixed(2)} ms`, '1100–1300 ms', '50 ms'],
    ['  of which load (require)', `${median(samples.map((s) => s.loadMs)).toFixed(2)} ms`, '', ''],
    ['  of which activate()', `${median(samples.map((s) => s.activateMs)).toFixed(2)} ms`, '', ''],
    ['activation events', 'onView, onCommand, onDebugResolve, workspaceContains', 'onStartupFinished (every start)', 'lazy only'],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  │  '));
    if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('──┼──'));
  }
  console.log('\nload + activate runs in plain Node with a stand-in vscode module (bench/fakeVscode.ts): it times our bundle, not VS Code.');
  const vsixOk = fs.statSync(VSIX).size <= 1.5 * 1024 * 1024;
  const activationOk = total <= 50;
  if (!vsixOk || !activationOk) {
    console.log(`OVER LIMIT: ${!vsixOk ? '.vsix size ' : ''}${!activationOk ? 'load + activate' : ''}`);
    process.exitCode = 1;
  }
}

main();
