import * as fs from 'node:fs';

export const ENV_VARS_EXAMPLE = `Expected SAM's format, an object of objects of variables, e.g.:
  {"Parameters": {"STAGE": "dev"}, "MyFunction": {"TABLE": "orders", "RETRIES": 3}}
("Parameters" applies to every function; values are strings, numbers or booleans.)`;

/**
 * Reads a SAM --env-vars file. Numbers and booleans are accepted as SAM accepts them (they become "3", "true");
 * null, lists and objects as values are refused, where SAM would silently make them empty.
 */
export function readEnvVarsFile(file: string): { overrides: Record<string, Record<string, string | number | boolean>> } | { problem: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? `the file ${file} does not exist.` : `the file ${file} cannot be read (${(error as Error).message}).` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: `${file} is not valid JSON (${(error as Error).message}).` };
  }
  if (!isObject(parsed)) return { problem: `${file} holds ${describe(parsed)}, not an object of functions.` };
  for (const [group, variables] of Object.entries(parsed)) {
    if (!isObject(variables)) return { problem: `"${group}" in ${file} is ${describe(variables)}, not an object of variables.` };
    for (const [name, value] of Object.entries(variables)) {
      if (!['string', 'number', 'boolean'].includes(typeof value)) return { problem: `"${group}"."${name}" in ${file} is ${describe(value)}; a variable's value is a string, number or boolean.` };
    }
  }
  return { overrides: parsed as Record<string, Record<string, string | number | boolean>> };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value} (${JSON.stringify(value)})`;
}
