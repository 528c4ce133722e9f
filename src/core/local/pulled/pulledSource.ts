import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FunctionSource, SourceFunctions } from '../sources/functionSource';
import { PULLED_RECORD, PULLED_SOURCE, pulledDefinition, type PulledRecord } from './pullFunction';
import { findPulledRecords, isPulledRecordPath, pulledRecordsIn } from './pulledDiscovery';


/**
 * Functions pulled down from AWS (`serverless-explorer pull`): each folder's function.json, the deployed
 * configuration, with its code beside it in code/. Run with the deployed environment, memory, timeout and layers.
 */
export const pulledSource: FunctionSource = {
  kind: PULLED_SOURCE,
  fileLabel: 'pulled function (function.json)',
  title: 'Pulled from AWS',
  findFiles: findPulledRecords,
  mayDefineFunctions: isPulledRecordPath,
  watchGlob: `**/.serverless-explorer/pulled/*/${PULLED_RECORD}`,
  readsFile: (file) => path.basename(file) === PULLED_RECORD,
  readFunctions(text, file) {
    let record: PulledRecord;
    try {
      record = JSON.parse(text) as PulledRecord;
    } catch (error) {
      return { functions: [], problems: [{ file, message: `${PULLED_RECORD} is not JSON (${(error as Error).message}): pull the function again` }] };
    }
    if (typeof record?.deployed?.name !== 'string' || !record.deployed.handler || !record.deployed.runtime) {
      return { functions: [], problems: [{ file, message: `${PULLED_RECORD} is not what serverless-explorer pull writes (no deployed name, handler and runtime): pull the function again` }] };
    }
    return { functions: [pulledDefinition(record, path.resolve(file))], problems: [] };
  },
};

/** The functions pulled into a folder of `<name>/function.json` folders that is no workspace's (the extension's cache). */
export async function readPulledFunctions(dir: string): Promise<SourceFunctions> {
  const read = await Promise.all((await pulledRecordsIn(dir)).map(async (file) => pulledSource.readFunctions(await fs.readFile(file, 'utf8'), file)));
  return { functions: read.flatMap((r) => r.functions), problems: read.flatMap((r) => r.problems) };
}
