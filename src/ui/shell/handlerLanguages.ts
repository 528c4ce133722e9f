/**
 * The languages the handler CodeLens is registered for at activation, before any runtime module loads. A unit test
 * checks it against the runtime registry's languages (core/local/runtimes/registry.ts handlerLanguages()).
 */
export const HANDLER_LANGUAGE_IDS = ['javascript', 'typescript', 'python'] as const;
