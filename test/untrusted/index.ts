import { runMocha, summaryLine, testFiles, writeSummary } from '../support/mochaRun';

/** Entry point the extension host calls for the Restricted Mode suite: rejects when a test fails. */
export async function run(): Promise<void> {
  const summary = await runMocha('untrusted', testFiles(__dirname), { timeout: 30_000 });
  writeSummary(process.env.SE_TEST_SUMMARY, summary);
  if (summary.failed > 0 || summary.passed === 0) throw new Error(`untrusted: ${summaryLine(summary)}`);
}
