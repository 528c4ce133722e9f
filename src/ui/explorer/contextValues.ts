// The contextValue of every tree item, declared once: package.json `contributes.menus` key on them
// (`viewItem == lambdaFunction`, `viewItem =~ /^(profile|region)$/`), so a value must never change by accident,
// and never be derived from a label. No 'vscode' import, so a unit test checks them against package.json.

export const CONTEXT_VALUE = {
  profile: 'profile',
  region: 'region',
  message: 'message',
  error: 'error',
  warning: 'warning',
  lambdaGroup: 'lambdaGroup',
  lambdaFunction: 'lambdaFunction',
  lambdaTestEvents: 'lambdaTestEvents',
  lambdaVersions: 'lambdaVersions',
  lambdaAliases: 'lambdaAliases',
  lambdaTriggers: 'lambdaTriggers',
  lambdaVersion: 'lambdaVersion',
  lambdaAlias: 'lambdaAlias',
  lambdaEventSource: 'lambdaEventSource',
  lambdaFunctionUrl: 'lambdaFunctionUrl',
  lambdaSavedEvent: 'lambdaSavedEvent',
  fargateGroup: 'fargateGroup',
  ecsCluster: 'ecsCluster',
  fargateService: 'fargateService',
  fargateTask: 'fargateTask',
  fargateTaskStopped: 'fargateTask.stopped',
  eksFargateGroup: 'eksFargateGroup',
  eksCluster: 'eksCluster',
  eksFargateProfile: 'eksFargateProfile',
  localFunction: 'localFunction',
  localProblem: 'localProblem',
  /** A CDK app's missing or stale cdk.out: `cdk synth` fixes it. */
  localProblemCdkSynth: 'localProblem.cdkSynth',
  /** A kind of project grouping local functions (when the workspace has several kinds). */
  localSource: 'localSource',
  /** The AWS CDK group: its apps can be synthesized. */
  localSourceCdk: 'localSource.cdk',
  localRoute: 'localRoute',
  /** A route a browser can open (GET or ANY). */
  localRouteGet: 'localRoute.get',
  triggerSource: 'triggerSource',
  sampleEvent: 'sampleEvent',
} as const;

export type ContextValue = (typeof CONTEXT_VALUE)[keyof typeof CONTEXT_VALUE];
