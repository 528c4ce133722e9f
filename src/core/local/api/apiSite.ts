import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { prepared, sourceOfFile, type SourceOptions } from '../sources/registry';
import type { LocalFunctionDefinition } from '../types';
import type { ApiStage, FunctionUrl, WebSocketApi } from './apiDefinitions';
import type { ApiRoute } from './apiRoute';

/** What the local servers serve: every route, function URL and WebSocket API of the project files, and their functions. */
export interface ApiSite {
  readonly routes: readonly ApiRoute[];
  readonly stages: ReadonlyMap<string, ApiStage>;
  readonly functionUrls: readonly FunctionUrl[];
  readonly webSockets: readonly WebSocketApi[];
  readonly functions: readonly LocalFunctionDefinition[];
}

/** How a site changed when its files were read again: the routes added and removed, as "GET /hello → Fn". */
export interface SiteChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * The site of some project files, read again when one of them or a file they include (an OpenAPI DefinitionUri)
 * changes on disk (by its modification time), so that an edit is served by the next request without a restart.
 * Problems are said once per read.
 */
export class FileApiSite {
  private cached?: { stamp: string; site: ApiSite; included: readonly string[] };

  constructor(
    private readonly files: readonly string[],
    private readonly say: (problem: string) => void,
    private readonly onChange?: (change: SiteChange, site: ApiSite) => void,
    /** The stage… the files are read for (a serverless.yml's `${sls:stage}`). */
    private readonly sources?: SourceOptions,
  ) {}

  async current(): Promise<ApiSite> {
    if (this.cached && this.cached.stamp === stampOf([...this.files, ...this.cached.included])) return this.cached.site;
    const included = new Set<string>();
    const before = stampOf(this.files);
    const site = await this.read(included);
    if (this.cached) this.onChange?.(siteChange(this.cached.site, site), site);
    // The files' stamp from before the read, so that a change made while reading is read next time.
    this.cached = { stamp: [before, stampOf([...included])].filter(Boolean).join('|'), site, included: [...included] };
    return site;
  }

  private async read(included: Set<string>): Promise<ApiSite> {
    const routes: ApiRoute[] = [];
    const functions: LocalFunctionDefinition[] = [];
    const stages = new Map<string, ApiStage>();
    const functionUrls: FunctionUrl[] = [];
    const webSockets: WebSocketApi[] = [];
    for (const file of this.files) {
      const text = await fs.readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) {
        this.say(`${path.basename(file)} could not be read`);
        continue;
      }
      const source = sourceOfFile(file, this.sources);
      const unprepared = await prepared(source, file);
      if (unprepared) {
        this.say(`${path.basename(file)}: ${unprepared.message}`);
        continue;
      }
      const read = source.readFunctions(text, file);
      for (const problem of read.problems) this.say(`${path.basename(file)}: ${problem.message}`);
      const apis = source.readApis?.(text, file, read.functions);
      functions.push(...read.functions);
      if (!apis) continue;
      for (const problem of apis.problems) this.say(`${path.basename(file)}: ${problem}`);
      for (const other of apis.includedFiles ?? []) included.add(other);
      routes.push(...apis.routes);
      for (const [id, stage] of apis.stages) stages.set(id, stage);
      functionUrls.push(...apis.functionUrls);
      webSockets.push(...apis.webSockets);
    }
    return { routes, stages, functionUrls, webSockets, functions };
  }
}

function stampOf(files: readonly string[]): string {
  return files.map((file) => `${file}:${statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0}`).join('|');
}

export function routeLabel(route: ApiRoute): string {
  return `${route.method} ${route.path} → ${route.functionName}`;
}

function siteChange(before: ApiSite, after: ApiSite): SiteChange {
  const was = new Set(before.routes.map(routeLabel));
  const is = new Set(after.routes.map(routeLabel));
  return { added: [...is].filter((label) => !was.has(label)), removed: [...was].filter((label) => !is.has(label)) };
}
