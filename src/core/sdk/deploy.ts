// Deploying code and editing configuration: packaging (yazl/yauzl), the diff, the guarded updates.
export { codePackage } from '../lambda/deploy/codePackage';
export { applyConfigurationEdit, planEdit, readFunctionSettings } from '../lambda/deploy/configurationEdit';
export { deployCode, planDeploy, publishVersion } from '../lambda/deploy/deployCode';
export { deployedFunctionsOf } from '../lambda/deploy/deployedFunctionOf';
export { downloadPackage } from '../lambda/packageDownload';
export { markPulledCodeDeployed } from '../local/pulled/pullFunction';
export { ConcurrentChangeError } from '../lambda/deploy/revisionGuard';
export { deployableCode } from '../local/build/deployableCode';
