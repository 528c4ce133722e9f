import { BEFORE_ISSUE_13 } from './beforeIssue13';
import type { HostFigures, Timing } from './hostBench';
import { median } from './stats';

// The host bench's table section, next to the figures before issue 13 and its goals.

/** The bundles the Lambda listing requires before its first row (src/ui/main.ts, src/ui/aws/sdk.ts), in order. */
export const LAMBDA_LISTING_BUNDLES: readonly string[] = ['ui.js', 'sdk-aws.js', 'sdk-lambda.js'];
const ACTIVATION_RATIO_GOAL = 1.5;
const LAMBDA_FIRST_LOAD_GOAL_MS = 50;

interface HostSummary {
  readonly ours: Timing;
  readonly oneCommand: Timing;
  readonly ratio: Timing;
  readonly empty: Timing;
  readonly bundles: ReadonlyMap<string, Timing>;
  /** Undefined when the package has none of the bundles the listing needs. */
  readonly lambdaFirstLoad: Timing | undefined;
  /** The same through the shell's loader from its code cache (every window after the first); undefined: not measured. */
  readonly lambdaFromCodeCache: Timing | undefined;
}

const medianTiming = (samples: readonly Timing[]): Timing => ({ ms: median(samples.map((t) => t.ms)), cpuMs: median(samples.map((t) => t.cpuMs)) });

function summarize(f: HostFigures): HostSummary {
  const ours = medianTiming(f.oursActivate);
  const oneCommand = medianTiming(f.oneCommandActivate);
  const bundles = new Map(f.bundles.map((b) => [b.name, medianTiming(b.require)]));
  return {
    ours,
    oneCommand,
    ratio: { ms: ours.ms / oneCommand.ms, cpuMs: ours.cpuMs / oneCommand.cpuMs },
    empty: medianTiming(f.emptyRequire),
    bundles,
    // The one load the bench times: the listing's bundles in order (or the single sdk.js before issue 13).
    lambdaFirstLoad: f.bundles[0] ? medianTiming(f.bundles[0].require) : undefined,
    lambdaFromCodeCache: f.listingFromCodeCache.length ? medianTiming(f.listingFromCodeCache) : undefined,
  };
}

const num = (value: number) => value.toFixed(value < 1 ? 2 : 1);
const ms = (t: Timing) => `${num(t.ms)} ms (CPU ${num(t.cpuMs)})`;
const times = (t: Timing) => `${t.ms.toFixed(2)}× (CPU ${t.cpuMs.toFixed(2)}×)`;
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;

export function hostRows(f: HostFigures): string[][] {
  const s = summarize(f);
  const before = BEFORE_ISSUE_13;
  const listing = LAMBDA_LISTING_BUNDLES.map((name) => `dist/${name}`).join(' + ');
  return [
    [`real extension host, VS Code ${f.vscodeVersion} (code-server)`, 'Serverless Explorer', 'one-command extension', 'before issue 13 (ours; one-command)', 'issue 13 goal'],
    [`activate(), median of ${f.oursActivate.length} / ${f.oneCommandActivate.length} fresh hosts`, ms(s.ours), ms(s.oneCommand), `${ms(before.oursActivate)}; ${ms(before.oneCommandActivate)}`, ''],
    ['  ours / one-command', times(s.ratio), '1', times(before.activateRatio), `≤ ${ACTIVATION_RATIO_GOAL}× (wall)`],
    ...f.bundles.map((b) => {
      const old = before.firstRequire[b.name];
      const now = s.bundles.get(b.name)!;
      return [`first require of dist/${b.name} (${kb(b.bytes)}), after activation`, ms(now), `${ms(s.empty)}, empty .js`, old ? ms(old) : '— (new)', ''];
    }),
    [
      `first load before the first Lambda row (${listing}), first window after install: compiled`,
      s.lambdaFirstLoad ? ms(s.lambdaFirstLoad) : `${listing}: not in the package`,
      '',
      ms(before.lambdaFirstLoad),
      '',
    ],
    [
      '  every later window: from the code cache of src/ui/shell/bundleLoader.ts',
      s.lambdaFromCodeCache ? ms(s.lambdaFromCodeCache) : 'not measured',
      '',
      '— (new)',
      `≤ ${LAMBDA_FIRST_LOAD_GOAL_MS} ms (wall)`,
    ],
  ];
}

export function hostGoalsNotMet(f: HostFigures): string[] {
  const s = summarize(f);
  return [
    s.ratio.ms > ACTIVATION_RATIO_GOAL && `activation ${s.ratio.ms.toFixed(2)}× the one-command extension's (goal ≤ ${ACTIVATION_RATIO_GOAL}×)`,
    (!s.lambdaFromCodeCache || s.lambdaFromCodeCache.ms > LAMBDA_FIRST_LOAD_GOAL_MS) &&
      `first load before the first Lambda row ${s.lambdaFromCodeCache ? `${num(s.lambdaFromCodeCache.ms)} ms` : 'unknown'} from the code cache (goal ≤ ${LAMBDA_FIRST_LOAD_GOAL_MS} ms)`,
  ].filter((item): item is string => typeof item === 'string');
}

export function hostNotes(f: HostFigures): string[] {
  const list = (samples: readonly Timing[]) => samples.map((t) => t.ms.toFixed(1)).join(', ');
  return [
    'Real extension host: each sample in a fresh code-server + Chromium, the extensions taking turns, timed 4 s after the test',
    'runner started (see ../shared/notes/real-vscode.md); our .vsix is unpacked and loaded as it installs. CPU: the extension',
    "host's CPU time meanwhile (without the time it waited for a core; a core slowed by its busy neighbour still counts).",
    'Before issue 13: bench/beforeIssue13.ts. On a shared machine compare ratios and several runs, not one figure.',
    `  wall samples (ms): ours ${list(f.oursActivate)}; one-command ${list(f.oneCommandActivate)}; empty .js ${list(f.emptyRequire)}` +
      f.bundles.map((b) => `; ${b.name} ${list(b.require)}`).join('') +
      (f.listingFromCodeCache.length ? `; from the code cache ${list(f.listingFromCodeCache)}` : ''),
  ];
}
