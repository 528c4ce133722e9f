// Injected by scripts/build.mjs: the runtime registry's handlerLanguages() (core/local/runtimes/registry.ts).
declare const SE_HANDLER_LANGUAGES: readonly string[];

/** The languages the handler CodeLens is registered for at activation, before any runtime module loads. */
export const HANDLER_LANGUAGE_IDS: readonly string[] = SE_HANDLER_LANGUAGES;
