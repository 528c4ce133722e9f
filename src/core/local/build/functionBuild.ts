/** What `sam build` would do for a function before it runs: bundle it with esbuild (Metadata.BuildMethod: esbuild). */
export interface EsbuildBuild {
  readonly method: 'esbuild';
  /** The files to bundle, relative to the code directory (BuildProperties.EntryPoints, else the handler's module). */
  readonly entryPoints: readonly string[];
  /** The other BuildProperties as written in the template (Minify, Target, Format, External, Loader…). */
  readonly properties: Readonly<Record<string, unknown>>;
  /** The template's folder: the project's esbuild is looked for in node_modules/.bin from the code folder up to here. */
  readonly projectRoot: string;
}

export type FunctionBuild = EsbuildBuild;
