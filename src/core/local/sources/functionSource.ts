import type { ApiDefinitions } from '../api/apiDefinitions';
import type { LocalFunctionDefinition } from '../types';

/** Something in a source file that keeps a function (or the whole file) from running locally, with how to fix it. */
export interface SourceProblem {
  /** The file it is in. */
  readonly file: string;
  /** The function it is about (a logical id); absent for problems with the whole file. */
  readonly functionId?: string;
  /** What is wrong and what to change, in the words of the file ("MyFunction: no Handler (set Handler …)"). */
  readonly message: string;
  /** 1-based line, when known (syntax errors). */
  readonly line?: number;
  /** The folder of a CDK app whose `cdk synth` fixes it: it has no cdk.out yet, or one older than the app. */
  readonly synthApp?: string;
}

export interface SourceFunctions {
  readonly functions: LocalFunctionDefinition[];
  readonly problems: SourceProblem[];
  /**
   * The other files (and folders, whose time changes when a file is added) the read used: a cloud assembly's
   * templates, a Terraform configuration's .tf files, a serverless.yml's includes. A change to one is a change.
   */
  readonly readFiles?: readonly string[];
}

/**
 * One kind of project that defines Lambda functions (SAM/CloudFormation templates today; CDK, the Serverless
 * Framework, Terraform next): how to find its files in a workspace folder and read the functions they define.
 * A new kind is one module implementing this and one line in ./registry.ts.
 */
export interface FunctionSource {
  /** "sam": the `source` of the functions it reads (FunctionOrigin). */
  readonly kind: string;
  /** What its files are called, in messages: "SAM/CloudFormation template". */
  readonly fileLabel: string;
  /** What the Local Functions view calls this kind of project when several kinds are in the workspace: "SAM", "AWS CDK". */
  readonly title?: string;
  /** Its files under a workspace folder, as sorted absolute paths. Rejects with the signal's reason when aborted. */
  findFiles(root: string, signal?: AbortSignal): Promise<string[]>;
  /** Whether findFiles could return this file, by its path alone: what a file watcher passes on. */
  mayDefineFunctions(file: string, root: string): boolean;
  /** A glob (relative to a workspace folder) matching every file mayDefineFunctions accepts, for a file watcher. */
  readonly watchGlob: string;
  /** Whether a file named by the user (a `--template`, a launch configuration's "template") is one of this kind. */
  readsFile(file: string): boolean;
  /** What the source loads before it can read a file (Terraform's HCL parser): awaited before readFunctions and readApis. */
  prepare?(): Promise<void>;
  /** The functions a file of this kind defines; problems, never exceptions, for what cannot be read. */
  readFunctions(text: string, file: string): SourceFunctions;
  /** What the file defines for the local API (routes, function URLs, WebSocket APIs) of the functions readFunctions found. */
  readApis?(text: string, file: string, functions: readonly LocalFunctionDefinition[]): ApiDefinitions;
}
