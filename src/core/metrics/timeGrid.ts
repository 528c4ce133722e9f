// One x axis for every series of a refresh: uPlot draws all series of a chart against a single timestamps array.

/** A range in epoch ms widened to whole periods; CloudWatch (and moto) bucket datapoints from period-aligned times. */
export interface AlignedWindow {
  readonly startSeconds: number;
  /** Exclusive: the last bucket starts one period before. */
  readonly endSeconds: number;
  readonly periodSeconds: number;
}

export function alignWindow(range: { start: number; end: number }, periodSeconds: number): AlignedWindow {
  const startSeconds = Math.floor(range.start / 1000 / periodSeconds) * periodSeconds;
  const endSeconds = Math.max(Math.ceil(range.end / 1000 / periodSeconds) * periodSeconds, startSeconds + periodSeconds);
  return { startSeconds, endSeconds, periodSeconds };
}

/** The start of every bucket of the window, epoch seconds. */
export function gridOf(window: AlignedWindow): number[] {
  const length = (window.endSeconds - window.startSeconds) / window.periodSeconds;
  return Array.from({ length }, (_, i) => window.startSeconds + i * window.periodSeconds);
}

/** Datapoints placed in their bucket of the grid; null where CloudWatch returned none. */
export function placeOnGrid(window: AlignedWindow, timestamps: readonly Date[], values: readonly number[]): (number | null)[] {
  const placed: (number | null)[] = gridOf(window).map(() => null);
  timestamps.forEach((time, i) => {
    const bucket = Math.floor((time.getTime() / 1000 - window.startSeconds) / window.periodSeconds);
    if (bucket >= 0 && bucket < placed.length && Number.isFinite(values[i])) placed[bucket] = values[i];
  });
  return placed;
}
