// An ES module handler: a .js file under a package.json with "type": "module".
import { basename } from 'node:path';

export const handler = async (event) => ({ format: 'type-module', file: basename(import.meta.url), event });
