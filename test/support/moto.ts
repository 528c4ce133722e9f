import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { freePort, portInUse, waitFor } from './freePort';
import { spawnGroup, stopGroup } from './processGroup';

export interface MotoOptions {
  /** Port on 127.0.0.1; a free one when omitted. */
  readonly port?: number;
  /** Python interpreter with moto installed. */
  readonly python?: string;
  /** Keep running after this process exits (the demo). */
  readonly detached?: boolean;
}

export class MotoError extends Error {
  override readonly name = 'MotoError';
}

/**
 * moto_server, the local AWS of our tests and demo (see ../shared/notes/moto.md).
 * Listens on 127.0.0.1 only; stopped by its process group id.
 */
export class MotoServer {
  private constructor(
    readonly endpoint: string,
    readonly pid: number,
    private readonly child: ChildProcess,
  ) {}

  static async start(options: MotoOptions = {}): Promise<MotoServer> {
    const python = options.python ?? process.env.SE_PYTHON ?? 'python3';
    checkMotoInstalled(python);
    const port = options.port ?? (await freePort());
    if (await portInUse(port)) {
      throw new MotoError(`Cannot start moto_server: port ${port} on 127.0.0.1 is already in use. Stop what uses it or choose another port.`);
    }
    const child = spawnGroup(python, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
      stdio: options.detached ? 'ignore' : ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code));
    const endpoint = `http://127.0.0.1:${port}`;
    try {
      await waitFor(`moto_server on ${endpoint}`, 20_000, async () => {
        if (exited !== undefined) throw new MotoError(`moto_server exited with code ${exited} before answering:\n${stderr.trim()}`);
        const response = await fetch(`${endpoint}/moto-api/`).catch(() => undefined);
        return response ? true : undefined;
      });
    } catch (error) {
      await stopGroup(child.pid);
      throw error instanceof MotoError ? error : new MotoError(`moto_server did not start: ${(error as Error).message}\n${stderr.trim()}`);
    }
    if (options.detached) child.unref();
    const server = new MotoServer(endpoint, child.pid!, child);
    // No Docker here: Lambda Invoke must not try to run containers. Set before any function exists.
    await server.post('/moto-api/config', { lambda: { use_docker: false } });
    // Tasks stay RUNNING instead of advancing a state on every DescribeTasks call.
    await server.post('/moto-api/state-manager/set-transition', {
      model_name: 'ecs::task',
      transition: { progression: 'manual', times: 1_000_000_000 },
    });
    return server;
  }

  /** Clears every resource (config and transitions survive). */
  async reset(): Promise<void> {
    await this.post('/moto-api/reset', {});
  }

  async stop(): Promise<void> {
    await stopGroup(this.pid);
    this.child.stderr?.destroy();
  }

  private async post(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.endpoint}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new MotoError(`moto_server refused POST ${path}: HTTP ${response.status}`);
  }
}

/** Environment for SDK clients and the AWS CLI that talk to this moto (fake keys: moto accepts any). */
export function motoEnv(endpoint: string, region = 'us-east-1'): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
  };
}

function checkMotoInstalled(python: string): void {
  const probe = spawnSync(python, ['-c', 'import moto, sys; sys.stdout.write(moto.__version__)'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? `"${python}" could not be run (${(probe.error as NodeJS.ErrnoException).code})` : `"${python} -c 'import moto'" failed: ${probe.stderr.trim().split('\n').pop()}`;
    throw new MotoError(
      `The tests and the demo need moto (the local AWS emulator) but ${why}.\n` +
        `Install it for that Python with: ${python} -m pip install 'moto[server]'\n` +
        `(or set SE_PYTHON to an interpreter that has it).`,
    );
  }
}
