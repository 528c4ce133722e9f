import * as path from 'node:path';
import { runMocha, summaryLine, testFiles, writeSummary } from './mochaRun';

// Unit tests: mocha in plain Node over core/ and cli/ (with moto where a suite asks for it).
async function main(): Promise<void> {
  const summary = await runMocha('unit', testFiles(path.join(__dirname, '..', 'unit')));
  writeSummary(process.env.SE_TEST_SUMMARY, summary);
  console.log(`unit: ${summaryLine(summary)}`);
  process.exitCode = summary.failed > 0 || summary.passed === 0 ? 1 : 0;
}

void main();
