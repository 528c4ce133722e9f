import { projectInstall, them } from '../core/local/runtimeProvided/runtimeSdkStep';
import type { RuntimeSdkProvider } from '../core/local/runtimeProvided/runtimeSdkProvider';
import type { RuntimeSdkMissingError } from '../core/local/runtimeProvided/runtimeSdkStep';
import type { CliIo } from './io';

export const INSTALL_RUNTIME_SDK_FLAG = '--install-runtime-sdk';

/** With --install-runtime-sdk: installs what the runtime's SDK provides and the project lacks, saying so on stderr. */
export function cliRuntimeSdkProvider(io: CliIo): RuntimeSdkProvider {
  return async (request) => {
    io.err(`Installing ${request.packages.join(', ')} (provided by Lambda's ${request.runtime} runtime) into ${request.folder} with npm, about ${request.estimatedMb} MB…\n`);
    const started = performance.now();
    await request.install();
    io.err(`Installed in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    return true;
  };
}

/** Without the flag: what is missing and the two ways to fix it, in the CLI's words. */
export function runtimeSdkMissingMessage(error: RuntimeSdkMissingError): string {
  const { functionName, runtime, packages, folder, estimatedMb, declaredIn } = error.request;
  const list = packages.join(', ');
  return (
    `${functionName} imports ${list}, which Lambda's ${runtime} runtime provides but the project does not install: ` +
    `run again with ${INSTALL_RUNTIME_SDK_FLAG} to install ${them(packages)} into ${folder} with npm (about ${estimatedMb} MB, once for every project), ` +
    `or ${projectInstall(declaredIn, packages)}.`
  );
}
