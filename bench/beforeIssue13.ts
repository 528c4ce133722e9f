// The real-host figures before issue 13: medians of `SE_BENCH_ONLY=host SE_BENCH_HOST_RUNS=15 npm run bench` on the
// code of 902e9cd (one dist/sdk.js of 1,383 KB), 2026-12-02, on a 2-core AMD EPYC VM (Debian 12, Node 20 for the
// bench, code-server 4.139.1 on Node 24) shared with other jobs: load average 1–10 during the run. Samples spread
// widely there (sdk.js 152–753 ms, ours 25–118 ms): compare ratios and medians of several runs, not one figure.
const ms = (wall: number, cpu: number) => ({ ms: wall, cpuMs: cpu });

export const BEFORE_ISSUE_13 = {
  oursActivate: ms(48.5, 39.8),
  oneCommandActivate: ms(10.5, 4.0),
  /** Ratios, not ms: ours / one-command. */
  activateRatio: ms(4.63, 9.83),
  /** First require of each lazily loaded bundle, by file name. */
  firstRequire: { 'sdk.js': ms(191.1, 192.5) } as Readonly<Record<string, { ms: number; cpuMs: number }>>,
  lambdaFirstLoad: ms(191.1, 192.5),
};
