import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** Saved test events live in the workspace, shareable through git: .vscode/lambda-events/<function>/<event>.json */
export const SAVED_EVENTS_DIR = path.join('.vscode', 'lambda-events');

export interface SavedEvent {
  readonly functionName: string;
  readonly name: string;
  readonly file: string;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;

/** Checks a name for a saved event; returns a message saying what to change, or undefined when it is fine. */
export function checkEventName(name: string): string | undefined {
  if (!name.trim()) return 'Give the event a name.';
  if (!SAFE_NAME.test(name.trim())) return 'Use letters, digits, spaces, dots, dashes and underscores (at most 100), starting with a letter or digit.';
  return undefined;
}

export function savedEventFile(workspaceRoot: string, functionName: string, name: string): string {
  return path.join(workspaceRoot, SAVED_EVENTS_DIR, functionName, `${name.trim().replace(/\.json$/i, '')}.json`);
}

/** The function's saved events, by name. A missing folder means none. */
export async function listSavedEvents(workspaceRoot: string, functionName: string): Promise<SavedEvent[]> {
  const dir = path.join(workspaceRoot, SAVED_EVENTS_DIR, functionName);
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((f) => f.toLowerCase().endsWith('.json'))
    .sort((a, b) => a.localeCompare(b))
    .map((f) => ({ functionName, name: f.replace(/\.json$/i, ''), file: path.join(dir, f) }));
}

/** Writes a saved event (pretty-printed JSON) and returns its file. The text must be JSON. */
export async function saveEvent(workspaceRoot: string, functionName: string, name: string, json: string): Promise<string> {
  const problem = checkEventName(name);
  if (problem) throw new Error(problem);
  const file = savedEventFile(workspaceRoot, functionName, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(JSON.parse(json), null, 2)}\n`);
  return file;
}
