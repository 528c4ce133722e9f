/**
 * Which feature (src/ui/<feature>/register<Feature>Commands.ts, bundled as dist/ui-<feature>.js) implements each
 * contributed command: the shell registers every one at activation and loads the feature when one first runs.
 * A unit test checks this table against package.json.
 */
export const FEATURE_COMMANDS = {
  aws: ['serverlessExplorer.openAwsConfig', 'serverlessExplorer.selectProfiles', 'serverlessExplorer.selectRegions'],
  explorer: [
    'serverlessExplorer.refresh',
    'serverlessExplorer.refreshNode',
    'serverlessExplorer.retry',
    'serverlessExplorer.filter',
    'serverlessExplorer.clearFilter',
    'serverlessExplorer.copyArn',
    'serverlessExplorer.openInConsole',
  ],
  events: ['serverlessExplorer.openSampleEvent', 'serverlessExplorer.saveTestEvent'],
  invoke: ['serverlessExplorer.invoke'],
  pull: ['serverlessExplorer.pullFunction'],
  local: ['serverlessExplorer.invokeLocal', 'serverlessExplorer.refreshLocal', 'serverlessExplorer.startLocalEndpoint', 'serverlessExplorer.cdkSynth'],
  debug: ['serverlessExplorer.debugLocal', 'serverlessExplorer.reinvoke'],
  api: [
    'serverlessExplorer.startLocalApi',
    'serverlessExplorer.stopLocalApi',
    'serverlessExplorer.debugLocalApi',
    'serverlessExplorer.openRouteInBrowser',
    'serverlessExplorer.sendApiRequest',
    'serverlessExplorer.localApiActions',
  ],
  monitor: ['serverlessExplorer.openMonitor', 'serverlessExplorer.showLogs', 'serverlessExplorer.showMetrics'],
  fargate: [
    'serverlessExplorer.runTask',
    'serverlessExplorer.scaleService',
    'serverlessExplorer.redeployService',
    'serverlessExplorer.stopTask',
    'serverlessExplorer.showServiceDetails',
    'serverlessExplorer.refreshServiceDetails',
  ],
  links: ['serverlessExplorer.copyLink'],
  deploy: ['serverlessExplorer.deployCode', 'serverlessExplorer.editConfiguration'],
} as const;

export type FeatureName = keyof typeof FEATURE_COMMANDS;
