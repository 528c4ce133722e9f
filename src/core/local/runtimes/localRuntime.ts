import type { PreparedCode } from '../preparation/preparedCode';
import type { RuntimeLaunch } from '../runtimeProcess';
import type { LocalFunctionDefinition } from '../types';
import type { InterpreterChoices, InterpreterInfo } from './interpreters';

/** How to start a runtime's process for one function. */
export interface RuntimeCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** Extra environment for the runtime process itself. */
  readonly env?: Readonly<Record<string, string>>;
  /** A one-line difference from Lambda worth telling the user, e.g. a nearer interpreter version. */
  readonly warning?: string;
  /** Which interpreter it runs and where it came from, to tell the user; absent for a compiled bootstrap. */
  readonly interpreter?: InterpreterInfo;
  /** Its runtime client writes end marks on stdout and stderr before each outcome (ours do: runtimeOutput.ts). */
  readonly marksOutputEnd?: boolean;
}

/** The module (relative to the code directory, no extension) and the export a Handler names. */
export interface HandlerTarget {
  readonly module: string;
  readonly exportName: string;
}

/**
 * An exported function of a source file, as a Handler names it; or a value that may be or hold one
 * (`middy(fn)`, an object of handlers).
 */
export interface ExportedFunction {
  /** The exported name: "handler" in a Handler `index.handler`. */
  readonly name: string;
  /** 1-based line of the function: its declaration when the export names a local function. */
  readonly line: number;
  /** Whether it looks like a Lambda handler on its own (each language says what that means); a template can point at others. */
  readonly handlerLike: boolean;
}

/** A source language handlers are written in, as VS Code names it. */
export interface HandlerLanguageSpec {
  /** VS Code's language id: "javascript", "typescript", "python". */
  readonly id: string;
  /** File name extensions, lower case, with the dot. */
  readonly extensions: readonly string[];
}

/** What the `aws-lambda-local` debug type asks of the language debugger beyond the runtime's own launch. */
export interface DebuggerOptions {
  readonly name: string;
  /** Where the runtime clients are (dist/runtimes): their frames are skipped. */
  readonly runtimesDir: string;
  readonly codeDir: string;
  readonly workspaceFolder?: string;
  readonly sourceMaps?: boolean;
  readonly outFiles?: readonly string[];
  readonly skipFiles?: readonly string[];
  readonly justMyCode?: boolean;
  readonly preLaunchTask?: string;
  /** Extra properties that identify the session (the run it belongs to). */
  readonly marker: Readonly<Record<string, string>>;
}

export type DebuggerConfiguration = Record<string, unknown> & { readonly type: string; readonly request: 'launch'; readonly name: string };

/** The language's own debugger, which launches the runtime for the `aws-lambda-local` debug type. */
export interface RuntimeDebugger {
  /** The VS Code extension that contributes its debug type, when VS Code does not ship it. */
  readonly extension?: { readonly id: string; readonly name: string };
  configuration(launch: RuntimeLaunch, options: DebuggerOptions): DebuggerConfiguration;
}

/** What a runtime needs to know of a function. */
export type RuntimeFunction = Pick<LocalFunctionDefinition, 'runtime' | 'codeDir' | 'handler' | 'memoryMb' | 'origin'>;

/**
 * One runtime family (Node.js, Python, custom runtimes…): everything the local subsystem knows about it.
 * A new family is one module implementing this and one line in ./registry.ts. Its runtime client, if it
 * ships one, lives in `<family>/client/`: scripts/build.mjs bundles `client/bootstrap.ts` and copies the
 * other files to dist/runtimes/<family>/.
 */
export interface LocalRuntime {
  /** "node", "python", "provided": also the folder of its runtime client in dist/runtimes. */
  readonly family: string;
  /** The Lambda runtimes it serves, as a user reads them: "nodejs*". */
  readonly runtimes: string;
  serves(runtime: string): boolean;
  /**
   * Finds the interpreter (the one chosen for its family first) and says how to start it; throws RuntimeSetupError
   * when it cannot.
   */
  command(fn: RuntimeFunction, runtimesDir: string, chosen?: InterpreterChoices): RuntimeCommand;
  /** The languages its handlers are written in; none for compiled ones. */
  readonly languages: readonly HandlerLanguageSpec[];
  /** The module and export a Handler names, as this runtime reads it; undefined when it names no source. */
  handlerTarget(handler: string): HandlerTarget | undefined;
  /** The files a handler lives in that exist (the module, and the sources it was built from), absolute. */
  handlerFiles(fn: RuntimeFunction): Promise<string[]>;
  /** The file to open for a function, if one exists. */
  entryFile(fn: RuntimeFunction): string | undefined;
  /** The exported functions of a source file in one of its languages. */
  exportedFunctions(text: string, language: string): ExportedFunction[];
  /** The runtime to assume for a handler in a folder, when the folder holds this family's code for it. */
  guess(codeDir: string, handler: string): string | undefined;
  /** The runtime to assume for a file of one of its languages that no template knows. */
  readonly defaultRuntime: () => string;
  /** Breakpoint debugging, where a language debugger exists. */
  readonly debugger?: RuntimeDebugger;
  /**
   * How this runtime searches /opt, given the folder that stands in for it (core/local/layers): the variables Lambda
   * sets for layers (NODE_PATH, PYTHONPATH…), in Lambda's order, keeping what earlier preparation steps put in them
   * (`code.env`). bin/ on PATH and lib/ on LD_LIBRARY_PATH hold for every runtime and are not asked for here.
   */
  layerEnvironment?(optDir: string, runtime: string, code: PreparedCode): Readonly<Record<string, string>>;
}
