import { runTests } from '@vscode/test-electron';
import * as path from 'node:path';
import { summaryLine } from './mochaRun';
import { ROOT } from './paths';
import { runIntegration } from './runIntegration';

/**
 * The integration suite through @vscode/test-electron, as on a machine with internet and desktop VS Code:
 * without VSCODE_EXECUTABLE it downloads VS Code; with VSCODE_EXECUTABLE=scripts/code-shim it runs in code-server.
 */
async function main(): Promise<void> {
  const executable = process.env.VSCODE_EXECUTABLE ? path.resolve(process.env.VSCODE_EXECUTABLE) : undefined;
  const summary = await runIntegration(process.env.SE_TEST_SUMMARY, async (run) => {
    try {
      return await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: run.extensionDevelopmentPath,
        extensionTestsPath: run.extensionTestsPath,
        extensionTestsEnv: run.env,
        launchArgs: [run.workspace, '--disable-extensions'],
      });
    } catch {
      return 1; // runTests rejects on a non-zero exit; the counts come from the summary file
    }
  });
  console.log(`integration via @vscode/test-electron${executable ? ` (${path.relative(ROOT, executable)})` : ''}: ${summaryLine(summary)}`);
  process.exitCode = summary.failed > 0 || summary.passed === 0 ? 1 : 0;
}

void main();
