import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findEventById, generateEvent } from '../../../../src/core/events/catalog';
import { debuggerConfiguration } from '../../../../src/core/local/debugLaunch';
import type { DebuggerConfiguration, DebuggerOptions } from '../../../../src/core/local/debugLaunch';
import { ExecutionEnvironment } from '../../../../src/core/local/executionEnvironment';
import type { EnvironmentResult } from '../../../../src/core/local/executionEnvironment';
import type { RuntimeEvents, RuntimeLaunch, RuntimeLauncher } from '../../../../src/core/local/runtimeProcess';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';
import { DapClient } from '../../../support/dapClient';
import type { DapEvent } from '../../../support/dapClient';
import { freePort } from '../../../support/freePort';
import { groupAlive } from '../../../support/processGroup';
import { processAlive as alive } from '../../../support/processGroup';

// The Python path of the `aws-lambda-local` debug type, with real processes: the debugpy launch configuration
// debuggerConfiguration() resolves from the RuntimeLaunch an ExecutionEnvironment hands its launcher, then a
// real debugpy (Debian's python3-debugpy, installed by scripts/setup-vscode.sh) running that configuration's
// program, driven over DAP the way VS Code's Python debugger drives it: breakpoints in the handler, the stack,
// evaluate, continue, while the environment pauses the invocation's clock as long as the debuggee is stopped.

const ROOT = path.resolve(__dirname, '../../../../..');
const RUNTIMES = path.join(ROOT, 'dist', 'runtimes');
const BOOTSTRAP = path.join(RUNTIMES, 'python', 'bootstrap.py');
const CODE = path.join(ROOT, 'test', 'unit', 'core', 'local', 'functions', 'python');
const TARGET = path.join(CODE, 'debug_target.py');
const RUN_MARKER = '__serverlessExplorerRun';

/** The 1-based line of debug_target.py marked `# line: <name>`. */
function lineOf(name: string): number {
  const index = fs
    .readFileSync(TARGET, 'utf8')
    .split('\n')
    .findIndex((line) => new RegExp(`# line: ${name}\\b`).test(line));
  assert.ok(index >= 0, `debug_target.py has no "# line: ${name}" line`);
  return index + 1;
}

function definition(handler: string, timeoutSeconds = 3): LocalFunctionDefinition {
  // PYTHONDONTWRITEBYTECODE: no __pycache__ left in the fixture folder.
  return { name: `dap-${handler}`, codeDir: CODE, handler, runtime: 'python3.11', timeoutSeconds, memoryMb: 128, environment: { PYTHONDONTWRITEBYTECODE: '1' }, architecture: 'x86_64' };
}

function debuggerOptions(handler: string): DebuggerOptions {
  return { name: `Debug ${handler}`, runtimesDir: RUNTIMES, codeDir: CODE, marker: { [RUN_MARKER]: `run-${handler}` } };
}

const s3Put = (bucket: string, key: string) => JSON.stringify(generateEvent(findEventById('s3 put'), { bucket, key }));

/**
 * An interpreter that can import debugpy. Debian's python3-debugpy installs into /usr/lib/python3/dist-packages,
 * which only Debian's own /usr/bin/python3 sees; the python3 first on PATH (the one the configuration names, here
 * a pyenv 3.11) may not. VS Code's Python debugger uses its bundled debugpy with the configured interpreter; this
 * test uses the interpreter that has debugpy, the program, cwd and environment of the configuration unchanged.
 */
function findDebugpyPython(): { python: string; version: string } | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import debugpy, sys; print(debugpy.__version__, sys.version.split()[0])'], { encoding: 'utf8', timeout: 15_000 });
    if (probe.status === 0) return { python, version: probe.stdout.trim() };
  }
  return undefined;
}

/** Processes a test started, for the cleanup: process groups (by their leader's pid) and debugpy's log folders. */
interface Started {
  readonly groups: number[];
  readonly logDirs: string[];
}

/** The pid of the adapter `debugpy --listen` daemonizes (it leaves our process group), from its log file's name. */
function adapterPidIn(logDir: string): number | undefined {
  const log = fs.existsSync(logDir) ? fs.readdirSync(logDir).find((f) => /^debugpy\.adapter-\d+\.log$/.test(f)) : undefined;
  return log ? Number(/-(\d+)\.log$/.exec(log)![1]) : undefined;
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

/**
 * A launcher acting as VS Code's Python debugger on the resolved configuration: it starts the configuration's
 * program under `python -m debugpy --listen … --wait-for-client` with its cwd and env, and reports the debuggee's
 * output and exit to the environment.
 */
function debugpyLauncher(python: string, port: number, handler: string, started: Started, resolved: (config: DebuggerConfiguration) => void): RuntimeLauncher {
  return (launch, events) => {
    const config = debuggerConfiguration('python3.11', launch, debuggerOptions(handler));
    assert.ok(config && config.type === 'debugpy');
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-debugpy-log-'));
    const child = spawn(python, ['-m', 'debugpy', '--listen', `127.0.0.1:${port}`, '--wait-for-client', '--log-to', logDir, String(config.program)], {
      cwd: String(config.cwd),
      env: config.env as Record<string, string>,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.on('data', (chunk: Buffer) => events.output('stdout', chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => events.output('stderr', chunk.toString('utf8')));
    child.on('error', (error) => {
      events.output('stderr', `could not start ${python}: ${error.message}\n`);
      events.exit(127, null);
    });
    child.on('exit', (code, signal) => events.exit(code, signal));
    if (child.pid) started.groups.push(child.pid);
    started.logDirs.push(logDir);
    resolved(config);
    return {
      pid: child.pid,
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) killGroup(child.pid);
      },
    };
  };
}

async function until(what: string, timeoutMs: number, check: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface StackFrame {
  id: number;
  name: string;
  line: number;
  source?: { path?: string };
}

/**
 * The attach request for a debuggee started with `debugpy --listen`: what the resolved launch configuration says
 * about the debugging itself (debugpy 1.6 needs nothing else: no host/port when the client is already connected to
 * the adapter the debuggee started). The program's output is read from its pipes, so not redirected too.
 */
function attachArguments(config: DebuggerConfiguration): StartRequest {
  return { command: 'attach', arguments: { name: config.name, type: 'debugpy', request: 'attach', justMyCode: config.justMyCode, rules: config.rules, redirectOutput: false, [RUN_MARKER]: config[RUN_MARKER] } };
}

interface StartRequest {
  readonly command: 'attach' | 'launch';
  readonly arguments: Record<string, unknown>;
}

/**
 * What VS Code does at the start of a session: initialize, the launch or attach request, then (on `initialized`)
 * the breakpoints and the exception filters, and configurationDone. debugpy answers the launch or attach request
 * only after configurationDone.
 */
async function startSession(dap: DapClient, start: StartRequest, breakpointLines: readonly number[], exceptionFilters: readonly string[]): Promise<void> {
  const init = await dap.request('initialize', { clientID: 'vscode', clientName: 'Visual Studio Code', adapterID: 'debugpy', pathFormat: 'path', linesStartAt1: true, columnsStartAt1: true, supportsVariableType: true, supportsRunInTerminalRequest: false, locale: 'en' });
  assert.equal(init.body?.supportsConfigurationDoneRequest, true);
  const initialized = dap.waitForEvent('initialized', { since: 0, timeoutMs: 30_000 });
  const started = dap.request(start.command, start.arguments, 30_000);
  // A failed start request answers at once, without `initialized`.
  await Promise.race([initialized, started]);
  if (breakpointLines.length) {
    const set = await dap.request<{ breakpoints: { verified: boolean; line?: number }[] }>('setBreakpoints', { source: { path: TARGET }, breakpoints: breakpointLines.map((line) => ({ line })), lines: [...breakpointLines] });
    assert.deepEqual(
      set.body!.breakpoints.map((b) => [b.verified, b.line]),
      breakpointLines.map((line) => [true, line]),
    );
  }
  await dap.request('setExceptionBreakpoints', { filters: [...exceptionFilters] });
  await dap.request('configurationDone');
  await started;
}

async function topFrame(dap: DapClient, threadId: number): Promise<{ frames: StackFrame[]; top: StackFrame }> {
  const trace = await dap.request<{ stackFrames: StackFrame[] }>('stackTrace', { threadId, startFrame: 0, levels: 20 });
  const frames = trace.body!.stackFrames;
  assert.ok(frames.length > 0, 'an empty stack');
  return { frames, top: frames[0] };
}

/** Frames of the runtime client (dist/runtimes/python/bootstrap.py) in a stack. */
const runtimeClientFrames = (frames: readonly StackFrame[]) => frames.filter((f) => f.source?.path?.startsWith(path.join(RUNTIMES, 'python') + path.sep)).map((f) => `${f.name} ${f.source?.path}:${f.line}`);

/** Waits for the debuggee to stop; fails at once with the invocation's result if the invocation ends first. */
function stoppedOrEnded(dap: DapClient, invocation: Promise<EnvironmentResult>, since: number): Promise<DapEvent<{ reason: string; threadId: number; text?: string }>> {
  return Promise.race([
    dap.waitForEvent<{ reason: string; threadId: number; text?: string }>('stopped', { since, timeoutMs: 30_000 }),
    invocation.then((r) => {
      throw new Error(`The invocation ended before the debuggee stopped: ${r.payload}\n${r.output.join('\n')}`);
    }),
  ]);
}

describe('core/local Python debug (debugpy over DAP, real processes)', function () {
  this.timeout(60_000);
  let environments: ExecutionEnvironment[] = [];
  let clients: DapClient[] = [];
  let started: Started = { groups: [], logDirs: [] };
  let debugpy: { python: string; version: string } | undefined;

  before(function () {
    assert.ok(fs.existsSync(BOOTSTRAP), `${BOOTSTRAP} is missing: run npm run build first`);
  });

  afterEach(async () => {
    for (const environment of environments) await environment.dispose();
    for (const dap of clients) dap.close();
    // The environments stopped their runtimes' process groups; `debugpy --listen` daemonizes its adapter out of
    // the group, and that ends once both its server (the debuggee) and its client (us) are gone. Whatever lingers
    // is stopped by its own pid, and fails the test.
    const lingering: string[] = [];
    for (const pid of started.groups) {
      await until(`process group ${pid} to end`, 5000, () => !groupAlive(pid)).catch(() => {
        lingering.push(`process group ${pid}`);
        killGroup(pid);
      });
    }
    for (const dir of started.logDirs) {
      const adapter = adapterPidIn(dir);
      if (adapter) {
        await until(`debugpy's adapter (pid ${adapter}) to exit`, 10_000, () => !alive(adapter)).catch(() => {
          lingering.push(`debugpy's adapter, pid ${adapter}`);
          process.kill(adapter, 'SIGKILL');
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
    environments = [];
    clients = [];
    started = { groups: [], logDirs: [] };
    assert.deepEqual(lingering, [], 'processes left running after the environment was disposed');
  });

  it('resolves a RuntimeLaunch into a debugpy launch configuration', async () => {
    let captured: { launch: RuntimeLaunch; exit: () => void } | undefined;
    const environment = new ExecutionEnvironment(definition('debug_target.handler'), RUNTIMES, {
      launcher: (launch, events) => {
        captured = { launch, exit: () => events.exit(null, 'SIGKILL') };
        return { kill: () => captured?.exit() };
      },
    });
    environments.push(environment);
    const invocation = environment.invoke(s3Put('dap-bucket', 'photos/cat.jpg'));
    await until('the launcher to be called', 5000, () => captured !== undefined);
    const { launch } = captured!;
    const config = debuggerConfiguration('python3.11', launch, { ...debuggerOptions('debug_target.handler'), preLaunchTask: 'build' });
    assert.ok(config);
    assert.equal(config.type, 'debugpy');
    assert.equal(config.request, 'launch');
    assert.equal(config.name, 'Debug debug_target.handler');
    assert.equal(config.program, BOOTSTRAP);
    assert.deepEqual(launch.args, ['-u', BOOTSTRAP], 'the runtime launch: python -u bootstrap.py');
    assert.equal(config.python, launch.command);
    assert.match(String(config.python), /python3(\.\d+)?$/);
    assert.deepEqual(config.args, []);
    assert.equal(config.cwd, CODE);
    const env = config.env as Record<string, string>;
    assert.match(env.AWS_LAMBDA_RUNTIME_API, /^127\.0\.0\.1:\d+$/);
    assert.equal(env.AWS_LAMBDA_RUNTIME_API, launch.env.AWS_LAMBDA_RUNTIME_API);
    assert.equal(env._HANDLER, 'debug_target.handler');
    assert.equal(env.LAMBDA_TASK_ROOT, CODE);
    assert.equal(env.AWS_LAMBDA_FUNCTION_NAME, 'dap-debug_target.handler');
    assert.equal(env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, '128');
    assert.equal(env.PYTHONUNBUFFERED, '1');
    assert.equal(env.PYTHONDONTWRITEBYTECODE, '1', "the function's own environment");
    assert.equal(launch.env.PYTHONUNBUFFERED, undefined, 'added for the debugger (it has no -u), not to the launch itself');
    assert.equal(config.console, 'internalConsole');
    assert.equal(config.redirectOutput, true);
    assert.equal(config.justMyCode, true);
    assert.deepEqual(config.rules, [{ path: path.join(RUNTIMES, 'python'), include: false }]);
    assert.equal(config.preLaunchTask, 'build');
    assert.equal(config[RUN_MARKER], 'run-debug_target.handler');
    assert.equal(debuggerConfiguration('python3.11', launch, { ...debuggerOptions('x'), justMyCode: false })?.justMyCode, false);
    await environment.dispose();
    const result = await invocation;
    assert.equal(result.dead, true);
  });

  describe('with debugpy', () => {
    before(function () {
      debugpy = findDebugpyPython();
      // Only when debugpy is truly missing: scripts/setup-vscode.sh installs it (apt-get install python3-debugpy).
      if (!debugpy) this.skip();
    });

    /** An environment whose runtime runs under debugpy, and the DAP client attached to it. */
    async function debugSession(handler: string, timeoutSeconds: number, breakpointLines: readonly number[], exceptionFilters: readonly string[], payload: string) {
      const port = await freePort();
      let config: DebuggerConfiguration | undefined;
      const environment = new ExecutionEnvironment(definition(handler, timeoutSeconds), RUNTIMES, {
        launcher: debugpyLauncher(debugpy!.python, port, handler, started, (c) => (config = c)),
        // Attaching takes a moment: not the function's time.
        initGraceMs: 30_000,
      });
      environments.push(environment);
      const invocation = environment.invoke(payload);
      await until('the launcher to be called', 5000, () => config !== undefined);
      const dap = await DapClient.connect(port, 15_000);
      clients.push(dap);
      // As the extension does: the invocation's clock stops while the debuggee is stopped.
      dap.on('stopped', () => environment.pause());
      dap.on('continued', () => environment.resume());
      await startSession(dap, attachArguments(config!), breakpointLines, exceptionFilters);
      return { environment, invocation, dap };
    }

    it('stops on a breakpoint in the handler, evaluates the event, and the stopped time does not count', async () => {
      const line = lineOf('bucket');
      const timeoutSeconds = 1;
      const stoppedMs = 1500;
      const { environment, invocation, dap } = await debugSession('debug_target.handler', timeoutSeconds, [line], ['uncaught'], s3Put('dap-bucket', 'photos/cat.jpg'));

      const stopped = await stoppedOrEnded(dap, invocation, 0);
      assert.equal(stopped.body!.reason, 'breakpoint');
      const threadId = stopped.body!.threadId;
      const { frames, top } = await topFrame(dap, threadId);
      assert.equal(top.source?.path, TARGET);
      assert.equal(top.line, line);
      assert.equal(top.name, 'handler');
      // justMyCode and the rule for the runtimes directory: the runtime client's frames are not the user's (without
      // the rule, main and <module> of bootstrap.py are in the stack).
      assert.deepEqual(runtimeClientFrames(frames), [], `the stack: ${frames.map((f) => `${f.name} ${f.source?.path}:${f.line}`).join(', ')}`);
      const evaluated = await dap.request<{ result: string }>('evaluate', { expression: 'event["Records"][0]["s3"]["bucket"]["name"]', frameId: top.id, context: 'watch' });
      assert.equal(evaluated.body!.result, "'dap-bucket'");
      const requestId = await dap.request<{ result: string }>('evaluate', { expression: 'context.aws_request_id', frameId: top.id, context: 'repl' });

      // Stopped for longer than the function's timeout: the invocation must not time out.
      await sleep(stoppedMs);
      environment.resume();
      await dap.request('continue', { threadId });
      const result = await invocation;
      assert.equal(result.functionError, undefined, `expected success, got ${result.payload}\n${result.output.join('\n')}`);
      assert.deepEqual(JSON.parse(result.payload), { bucket: 'DAP-BUCKET', key: 'photos/cat.jpg', request_id: result.requestId });
      assert.equal(requestId.body!.result, `'${result.requestId}'`);
      assert.ok(result.output.includes('processing dap-bucket photos/cat.jpg'), `the handler's print in the output: ${result.output.join('\n')}`);
      assert.equal(result.dead, false);
      assert.ok(result.durationMs < timeoutSeconds * 1000, `Duration ${result.durationMs.toFixed(0)} ms, must not count the ${stoppedMs} ms stopped`);
      assert.ok(result.durationMs < stoppedMs / 2, `Duration ${result.durationMs.toFixed(0)} ms, must be well under the ${stoppedMs} ms stopped`);

      // Invoke again, on the warm runtime in the same session: the breakpoint stops it again.
      const since = dap.events.length;
      const again = environment.invoke(s3Put('second-bucket', 'b.txt'));
      const stoppedAgain = await stoppedOrEnded(dap, again, since);
      assert.equal(stoppedAgain.body!.reason, 'breakpoint');
      const second = await topFrame(dap, stoppedAgain.body!.threadId);
      assert.equal(second.top.line, line);
      const bucket = await dap.request<{ result: string }>('evaluate', { expression: 'event["Records"][0]["s3"]["bucket"]["name"]', frameId: second.top.id, context: 'watch' });
      assert.equal(bucket.body!.result, "'second-bucket'");
      await dap.request('continue', { threadId: stoppedAgain.body!.threadId });
      const secondResult = await again;
      assert.equal(secondResult.functionError, undefined, secondResult.payload);
      assert.deepEqual(JSON.parse(secondResult.payload), { bucket: 'SECOND-BUCKET', key: 'b.txt', request_id: secondResult.requestId });
    });

    // What VS Code's Python debugger really does with the resolved configuration: it runs debugpy's adapter and
    // sends it the configuration as the launch request; the adapter starts the program through its launcher.
    it('debugpy launches the resolved configuration as it is (the launch request VS Code sends)', async () => {
      const line = lineOf('bucket');
      let runtime: { launch: RuntimeLaunch; events: RuntimeEvents } | undefined;
      // The debugger's processes: the adapter (our child, its own process group) and the debuggee (a group leader too).
      const pids: { adapter?: number; debuggee?: number } = {};
      let exitCode: number | null = null;
      let exited = false;
      const exit = (signal: NodeJS.Signals | null) => {
        if (!exited) runtime!.events.exit(exitCode, signal);
        exited = true;
      };
      // The extension's own launcher: it only hands the launch to the debugger, and stops the debugger's processes.
      const environment = new ExecutionEnvironment(definition('debug_target.handler', 1), RUNTIMES, {
        launcher: (launch, events) => {
          runtime = { launch, events };
          return {
            get pid() {
              return pids.debuggee;
            },
            kill: () => {
              killGroup(pids.debuggee);
              killGroup(pids.adapter);
              // As the debug session's end would: an invocation still waiting must learn that its runtime is gone.
              exit('SIGKILL');
            },
          };
        },
        initGraceMs: 30_000,
      });
      environments.push(environment);
      const invocation = environment.invoke(s3Put('launch-bucket', 'l.txt'));
      await until('the launcher to be called', 5000, () => runtime !== undefined);
      const config = debuggerConfiguration('python3.11', runtime!.launch, debuggerOptions('debug_target.handler'))!;

      const port = await freePort();
      const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-debugpy-log-'));
      started.logDirs.push(logDir);
      const adapter = spawn(debugpy!.python, ['-m', 'debugpy.adapter', '--host', '127.0.0.1', '--port', String(port), '--log-dir', logDir], { stdio: 'ignore', detached: true });
      pids.adapter = adapter.pid;
      if (adapter.pid) started.groups.push(adapter.pid);
      const dap = await DapClient.connect(port, 15_000);
      clients.push(dap);
      // What the extension's debug session tracker forwards to the environment.
      const printed: string[] = [];
      dap.on<{ category?: string; output: string }>('output', (e) => {
        if (e.body?.category === 'stdout' || e.body?.category === 'stderr') {
          printed.push(e.body.output);
          runtime!.events.output(e.body.category, e.body.output);
        }
      });
      dap.on<{ systemProcessId?: number }>('process', (e) => {
        pids.debuggee = e.body?.systemProcessId;
        // debugpy's launcher makes the debuggee a process group leader.
        if (pids.debuggee) started.groups.push(pids.debuggee);
      });
      dap.on<{ exitCode: number }>('exited', (e) => (exitCode = e.body?.exitCode ?? null));
      dap.on('terminated', () => exit(null));
      dap.on('stopped', () => environment.pause());
      dap.on('continued', () => environment.resume());
      // The configuration as resolved, except the interpreter when the one it names cannot import debugpy (see
      // findDebugpyPython): the Python Debugger extension brings its own debugpy for any interpreter.
      const python = debugpy!.python === config.python ? config.python : debugpy!.python;
      await startSession(dap, { command: 'launch', arguments: { ...config, python } }, [line], ['uncaught']);

      const stopped = await stoppedOrEnded(dap, invocation, 0);
      assert.equal(stopped.body!.reason, 'breakpoint');
      const { frames, top } = await topFrame(dap, stopped.body!.threadId);
      assert.equal(top.source?.path, TARGET);
      assert.equal(top.line, line);
      assert.deepEqual(runtimeClientFrames(frames), [], 'the rule for the runtimes directory hides the runtime client');
      const evaluated = await dap.request<{ result: string }>('evaluate', { expression: 'event["Records"][0]["s3"]["bucket"]["name"]', frameId: top.id, context: 'watch' });
      assert.equal(evaluated.body!.result, "'launch-bucket'");
      // The configuration's env reached the program.
      const api = await dap.request<{ result: string }>('evaluate', { expression: '__import__("os").environ["AWS_LAMBDA_RUNTIME_API"]', frameId: top.id, context: 'repl' });
      assert.equal(api.body!.result, `'${(config.env as Record<string, string>).AWS_LAMBDA_RUNTIME_API}'`);
      await sleep(1500);
      environment.resume();
      await dap.request('continue', { threadId: stopped.body!.threadId });
      const result = await invocation;
      assert.equal(result.functionError, undefined, `expected success, got ${result.payload}\n${result.output.join('\n')}`);
      assert.deepEqual(JSON.parse(result.payload), { bucket: 'LAUNCH-BUCKET', key: 'l.txt', request_id: result.requestId });
      assert.ok(result.durationMs < 750, `Duration ${result.durationMs.toFixed(0)} ms, must not count the 1500 ms stopped`);
      // console internalConsole with redirectOutput: the program's output comes as DAP output events. Those are not
      // ordered with the runtime's response (they reach the client on another connection, at about the same time),
      // so the line may come after the invocation's result was made: wait for the event, not for result.output.
      // debugpy may split a line across output events (more often on a busy machine): look at the text they make together.
      await until('the handler\'s print in the output events', 10_000, () => printed.join('').includes('processing launch-bucket l.txt'));
      assert.ok(pids.debuggee && alive(pids.debuggee), 'the runtime stays warm under the debugger');
    });

    /** Lambda's Python error payload for debug_target.failing, as the runtime client reports it. */
    function assertThumbnailError(result: EnvironmentResult): void {
      assert.equal(result.functionError, 'Unhandled', result.payload);
      assert.equal(result.errorType, 'ThumbnailError');
      const error = JSON.parse(result.payload) as { errorType: string; errorMessage: string; requestId: string; stackTrace: string[] };
      assert.deepEqual(Object.keys(error).sort(), ['errorMessage', 'errorType', 'requestId', 'stackTrace']);
      assert.equal(error.errorType, 'ThumbnailError');
      assert.equal(error.errorMessage, 'cannot make a thumbnail of photos/cat.jpg');
      assert.equal(error.requestId, result.requestId);
      assert.equal(error.stackTrace.length, 2, `the user's two frames: ${error.stackTrace.join('')}`);
      assert.match(error.stackTrace[0], new RegExp(`^  File "${TARGET.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}", line ${lineOf('failing') + 1}, in failing\\n`));
      assert.match(error.stackTrace[1], /, in make_thumbnail\n\s+raise ThumbnailError/);
      assert.ok(!error.stackTrace.join('').includes('bootstrap.py'), 'no frame of the runtime client');
      assert.ok(result.output.some((l) => l.includes('[ERROR] ThumbnailError: cannot make a thumbnail of photos/cat.jpg')), result.output.join('\n'));
      assert.equal(result.dead, false);
    }

    it("reports a handler's exception as Lambda's Python error payload", async () => {
      // VS Code's default exception filters for debugpy: "uncaught" only. The runtime client catches the error,
      // so the debugger does not stop.
      const { invocation, dap } = await debugSession('debug_target.failing', 3, [], ['uncaught'], s3Put('dap-bucket', 'photos/cat.jpg'));
      assertThumbnailError(await invocation);
      assert.deepEqual(
        dap.events.filter((e) => e.event === 'stopped'),
        [],
      );
    });

    it('stops where the exception leaves the user\'s code with "User Uncaught Exceptions", then reports it', async () => {
      // With the rule, bootstrap.py is not the user's code: the exception escaping into it is "user-unhandled".
      const { environment, invocation, dap } = await debugSession('debug_target.failing', 1, [], ['uncaught', 'userUnhandled'], s3Put('dap-bucket', 'photos/cat.jpg'));
      const stopped = await stoppedOrEnded(dap, invocation, 0);
      assert.equal(stopped.body!.reason, 'exception');
      const { frames } = await topFrame(dap, stopped.body!.threadId);
      // The exception's stack where it was raised, down to the frame it is leaving the user's code from, where the
      // debuggee is stopped (debugpy names it so); no frame of the runtime client.
      assert.deepEqual(
        frames.map((f) => [f.name, f.source?.path, f.line]),
        [
          ['make_thumbnail', TARGET, lineOf('raise')],
          ['failing (Current frame)', TARGET, lineOf('failing') + 1],
        ],
      );
      // (Its breakMode says "always", not "userUnhandled".)
      const info = await dap.request<{ exceptionId: string; description?: string }>('exceptionInfo', { threadId: stopped.body!.threadId });
      // debugpy 1.6 adds to the id: "ThumbnailError       (note: full exception trace is shown but execution is paused at: failing)".
      assert.match(info.body!.exceptionId, /^(debug_target\.)?ThumbnailError\b/);
      assert.match(String(info.body!.description), /cannot make a thumbnail of photos\/cat\.jpg/);
      // Stopped past the 1 s timeout here too.
      await sleep(1200);
      environment.resume();
      await dap.request('continue', { threadId: stopped.body!.threadId });
      const result = await invocation;
      assertThumbnailError(result);
      assert.ok(result.durationMs < 750, `Duration ${result.durationMs.toFixed(0)} ms, must not count the 1200 ms stopped`);
    });
  });
});
