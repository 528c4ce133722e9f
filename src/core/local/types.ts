/** A Lambda function that can run on this machine: from a SAM/CloudFormation template, or ad hoc. */
export interface LocalFunctionDefinition {
  /** The logical id in a template, or the name given ad hoc. */
  readonly name: string;
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
  /** Where it was defined, when it came from a template. */
  readonly templateFile?: string;
}

export const DEFAULT_TIMEOUT_SECONDS = 3;
export const DEFAULT_MEMORY_MB = 128;
