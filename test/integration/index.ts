import { runMocha, summaryLine, testFiles, writeSummary } from '../support/mochaRun';

/** Entry point the extension host calls (the `extensionTestsPath` contract of VS Code): rejects when a test fails. */
export async function run(): Promise<void> {
  const summary = await runMocha('integration', testFiles(__dirname), { timeout: 30_000 });
  writeSummary(process.env.SE_TEST_SUMMARY, summary);
  if (summary.failed > 0 || summary.passed === 0) throw new Error(`integration: ${summaryLine(summary)}`);
}
