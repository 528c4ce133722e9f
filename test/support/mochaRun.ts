import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestSummary {
  readonly suite: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** Test files (`*.test.js`) below a folder of compiled tests, in a stable order. */
export function testFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

/** Runs mocha over the files and resolves with the counts; never rejects for failing tests. */
export function runMocha(suite: string, files: readonly string[], options: Mocha.MochaOptions = {}): Promise<TestSummary> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 20_000, reporter: 'spec', ...options });
  const grep = process.env.SE_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const stats = runner.stats!;
        resolve({ suite, passed: stats.passes, failed: stats.failures, skipped: stats.pending });
      });
    } catch (error) {
      reject(error);
    }
  });
}

export function writeSummary(file: string | undefined, summary: TestSummary): void {
  if (file) fs.writeFileSync(file, JSON.stringify(summary));
}

export function summaryLine(summary: Pick<TestSummary, 'passed' | 'failed' | 'skipped'>): string {
  return `${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`;
}

/** What a host run reported: its summary file, or a failure when the host ended without one or failed uncounted. */
export function hostSummary(suite: string, summaryPath: string, exitCode: number): TestSummary {
  const summary: TestSummary = fs.existsSync(summaryPath) ? JSON.parse(fs.readFileSync(summaryPath, 'utf8')) : { suite, passed: 0, failed: 1, skipped: 0 };
  return exitCode !== 0 && summary.failed === 0 ? { ...summary, failed: 1 } : summary;
}

/** A runner started as a script: prints its summary line and sets the exit code. */
export function runAsScript(suite: string, run: (summaryFile?: string) => Promise<TestSummary>): void {
  run(process.env.SE_TEST_SUMMARY).then(
    (summary) => {
      console.log(`${suite}: ${summaryLine(summary)}`);
      process.exitCode = summary.failed > 0 || summary.passed === 0 ? 1 : 0;
    },
    (error: Error) => {
      console.error(`${suite}: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
