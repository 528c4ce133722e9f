import { execFile } from 'node:child_process';

/** Runs a program (no shell) and resolves with its exit code and output; rejects only if it could not run. */
export function execFileResult(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? (error.code as unknown as number) : 0, stdout, stderr });
    });
  });
}
