import * as path from 'node:path';
import { runMocha, summaryLine, testFiles, writeSummary } from './mochaRun';

// End-to-end: the built .vsix installed into code-server, driven through headless Chromium.
async function main(): Promise<void> {
  const summary = await runMocha('e2e', testFiles(path.join(__dirname, '..', 'e2e')), { timeout: 120_000 });
  writeSummary(process.env.SE_TEST_SUMMARY, summary);
  console.log(`e2e: ${summaryLine(summary)}`);
  process.exitCode = summary.failed > 0 || summary.passed === 0 ? 1 : 0;
}

void main();
