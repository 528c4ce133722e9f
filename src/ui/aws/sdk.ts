import type * as SdkModule from '../../core/sdk';

export type Sdk = typeof SdkModule;

let loaded: Sdk | undefined;

/** The AWS SDK half of core/, from dist/sdk.js, loaded the first time a view needs AWS. */
export function sdk(): Sdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy: see src/core/sdk.ts
  loaded ??= require('./sdk.js') as Sdk;
  return loaded;
}
