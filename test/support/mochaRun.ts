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
