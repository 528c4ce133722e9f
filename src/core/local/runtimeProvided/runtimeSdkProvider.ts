import type { InstallOptions } from './runtimeSdkCache';

/** The packages a function imports from the runtime's SDK that neither its project nor our cache has. */
export interface RuntimeSdkRequest {
  readonly functionName: string;
  readonly runtime: string;
  readonly packages: readonly string[];
  /** The cache folder they would be installed into. */
  readonly folder: string;
  readonly estimatedMb: number;
  /** The folder whose package.json declares them (its npm install was not run), when one does. */
  readonly declaredIn?: string;
  /** Installs them with the npm on PATH; rejects with a RuntimeSetupError saying what to do when it cannot. */
  install(options?: InstallOptions): Promise<void>;
}

/** Decides (asks the user, reads a CLI flag) and installs through request.install: true once installed, false to decline. */
export type RuntimeSdkProvider = (request: RuntimeSdkRequest) => Promise<boolean>;
