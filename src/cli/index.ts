import { runCli } from './main';

// The bundled SDK warns on every run under Node 20 about its own future releases; nothing a CLI user can act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// A reader that stops early (\`events list | head -1\`) closes the pipe: end quietly with 0, as other Unix tools do
// when their output is no longer wanted, rather than a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only a bug gets here: say what happened, without a stack trace.
    process.stderr.write(`serverless-explorer: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
