// The Docker-free local runtime and the workspace's function sources (YAML included).
export { LocalInvoker, toResult } from '../local/invoker';
export { ExecutionEnvironment } from '../local/executionEnvironment';
export { debuggerConfiguration } from '../local/debugLaunch';
export { resolveLaunchEvent, resolveLaunchTarget } from '../local/debugRequest';
export { mayDefineFunctions, readWorkspaceFunctions, sourceKinds, sourceOfFile, sourceWatchGlobs } from '../local/sources/registry';
export { adHocFunction } from '../local/adHoc';
export { localRuntime } from '../local/runtimes/registry';
export { handlerSources } from '../local/handlerSources';
export { LocalInvokeEndpoint } from '../local/invokeEndpoint';
export { LocalApiServer } from '../local/api/localApiServer';
export { LocalFunctionUrlServer } from '../local/api/functionUrlServer';
export { FileApiSite } from '../local/api/apiSite';
export { canListen, nextFreePort } from '../local/listening';
export { cdkAppDirOf, cdkSynthCommand, runCdkSynth } from '../local/sources/cdk/cdkSynthCommand';
export { downloadPackage, pulledFolderName, pullFunction } from '../local/pulled/pullFunction';
export { qualifierProblem } from '../lambda/identifiers';
export { readPulledFunctions } from '../local/pulled/pulledSource';
export { keepOutOfGit } from '../local/pulled/pulledDiscovery';
