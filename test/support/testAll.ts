import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { summaryLine } from './mochaRun';
import type { TestSummary } from './mochaRun';
import { CACHE } from './paths';

// Runs the three suites one after another, each in its own process, and prints one closing line for all.
const STAGES: { suite: string; script: string; what: string; env?: Record<string, string> }[] = [
  { suite: 'unit', script: 'runUnit.js', what: 'core/ and cli/ in plain Node, with moto_server' },
  { suite: 'integration', script: 'runIntegration.js', what: 'inside the VS Code extension host, against moto_server' },
  { suite: 'untrusted', script: 'runUntrusted.js', what: 'the extension host in Restricted Mode (an untrusted folder)' },
  {
    suite: 'integration-test-electron',
    script: 'runDesktop.js',
    what: 'the same suite launched by @vscode/test-electron through scripts/code-shim',
    env: { VSCODE_EXECUTABLE: 'scripts/code-shim' },
  },
  { suite: 'e2e', script: 'runE2e.js', what: 'the packaged .vsix in code-server, driven through Chromium' },
];

function main(): number {
  const only = process.env.SE_TEST_SUITES?.split(',').map((s) => s.trim());
  fs.mkdirSync(CACHE, { recursive: true });
  const summaries: TestSummary[] = [];
  for (const stage of STAGES.filter((s) => !only || only.includes(s.suite))) {
    console.log(`\n\x1b[1m== ${stage.suite}: ${stage.what}\x1b[0m`);
    const summaryFile = path.join(CACHE, `summary-${stage.suite}.json`);
    fs.rmSync(summaryFile, { force: true });
    const started = Date.now();
    const result = spawnSync(process.execPath, [path.join(__dirname, stage.script)], {
      stdio: 'inherit',
      env: { ...process.env, ...stage.env, SE_TEST_SUMMARY: summaryFile },
    });
    const summary: TestSummary = fs.existsSync(summaryFile)
      ? JSON.parse(fs.readFileSync(summaryFile, 'utf8'))
      : { suite: stage.suite, passed: 0, failed: 1, skipped: 0 };
    // A runner that crashed after writing its counts still fails the run.
    const counted = { ...summary, suite: stage.suite, failed: result.status !== 0 && summary.failed === 0 ? 1 : summary.failed };
    summaries.push(counted);
    console.log(`${stage.suite}: ${summaryLine(counted)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const total = summaries.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
  console.log('');
  for (const s of summaries) console.log(`  ${s.suite.padEnd(26)} ${summaryLine(s)}`);
  console.log(summaryLine(total));
  return total.failed > 0 || total.passed === 0 ? 1 : 0;
}

process.exitCode = main();
