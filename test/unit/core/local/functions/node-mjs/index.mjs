// An ES module handler (.mjs).
import { basename } from 'node:path';

export const handler = async (event) => ({ format: 'mjs', file: basename(import.meta.url), event });
