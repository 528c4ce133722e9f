import type { LayerSource } from './layers/layerSource';
import type { FunctionBuild } from './build/functionBuild';

/** Where a workspace function is defined: a source (sources/registry.ts) and the file and id it has there. */
export interface FunctionOrigin {
  /** The kind of source: "sam" for a SAM/CloudFormation template. */
  readonly source: string;
  /** Absolute path of the file that defines it. */
  readonly file: string;
  /** Its id in that file: a template's logical id. */
  readonly id: string;
}

/** A Lambda function that can run on this machine: from a source in the workspace (a SAM template…), or ad hoc. */
export interface LocalFunctionDefinition {
  /** The name shown and invoked: a template's logical id, or the name given ad hoc. */
  readonly name: string;
  /** The function's name in AWS when its file says it (FunctionName, function_name, the Framework's service-stage-function): also accepted where a name is. */
  readonly deployedName?: string;
  /** Absolute path of the code directory (CodeUri). */
  readonly codeDir: string;
  /** "index.handler", "app.lambda_handler", or for provided runtimes usually "bootstrap". */
  readonly handler: string;
  /** "nodejs20.x", "python3.12", "provided.al2023"… */
  readonly runtime: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly architecture: 'x86_64' | 'arm64';
  /** Where it is defined; absent for a function given ad hoc (a folder and a handler). */
  readonly origin?: FunctionOrigin;
  /** Its layers, in the template's order (later ones override earlier files in /opt); absent for none. */
  readonly layers?: readonly LayerSource[];
  /** A build to run before it starts (Metadata.BuildMethod: esbuild): see build/. */
  readonly build?: FunctionBuild;
  /** codeDir is a .zip file (CodeUri: app.zip), unpacked into the cache before it starts: see build/. */
  readonly codeArchive?: boolean;
  /** Whose AWS credentials its runs get when the user gave none for the run (a pulled function: the profile it was pulled with, or its execution role). */
  readonly credentials?: FunctionCredentials;
  /** ReservedConcurrentExecutions: at most this many run at once (0: every invocation is throttled, as on Lambda). */
  readonly reservedConcurrency?: number;
}

/** A profile's credentials, or a role assumed with them, for a function's runs. */
export interface FunctionCredentials {
  readonly profile: string;
  readonly region: string;
  /** The role ARN to assume with the profile's credentials (the function's execution role, when the user allowed it). */
  readonly assumeRole?: string;
}

export const DEFAULT_TIMEOUT_SECONDS = 3;
export const DEFAULT_MEMORY_MB = 128;
