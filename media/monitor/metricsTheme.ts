// Chart colours and fonts from the VS Code theme: the webview gets the theme as CSS variables on <html>.

export interface ChartTheme {
  readonly foreground: string;
  readonly axis: string;
  readonly grid: string;
  readonly font: string;
  readonly labelFont: string;
  /** Colours for series, in the order they are handed out. */
  readonly palette: readonly string[];
  readonly red: string;
  readonly green: string;
}

const CHART_COLOURS = {
  blue: ['--vscode-charts-blue', '#3794ff'],
  purple: ['--vscode-charts-purple', '#b180d7'],
  orange: ['--vscode-charts-orange', '#d18616'],
  green: ['--vscode-charts-green', '#89d185'],
  yellow: ['--vscode-charts-yellow', '#cca700'],
  red: ['--vscode-charts-red', '#f14c4c'],
} as const;

function variable(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

let colourProbe: CanvasRenderingContext2D | null | undefined;

/** `colour` (any CSS colour) at `alpha` opacity, as rgba(). */
export function withAlpha(colour: string, alpha: number): string {
  colourProbe ??= document.createElement('canvas').getContext('2d');
  if (!colourProbe) return colour;
  // The canvas normalises any CSS colour it accepts to #rrggbb (or rgba() when translucent).
  colourProbe.fillStyle = '#000000';
  colourProbe.fillStyle = colour;
  const normalised = String(colourProbe.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(normalised);
  if (hex) return `rgba(${parseInt(hex[1], 16)}, ${parseInt(hex[2], 16)}, ${parseInt(hex[3], 16)}, ${alpha})`;
  const rgba = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(normalised);
  return rgba ? `rgba(${rgba[1]}, ${rgba[2]}, ${rgba[3]}, ${alpha})` : colour;
}

export function readChartTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const colour = (key: keyof typeof CHART_COLOURS) => variable(style, CHART_COLOURS[key][0], CHART_COLOURS[key][1]);
  const foreground = variable(style, '--vscode-foreground', '#cccccc');
  const family = variable(style, '--vscode-font-family', 'system-ui, sans-serif');
  return {
    foreground,
    axis: withAlpha(foreground, 0.85),
    // The panel border is barely visible on some dark themes; a faint foreground grid reads on every theme.
    grid: withAlpha(foreground, 0.12),
    font: `11px ${family}`,
    labelFont: `12px ${family}`,
    palette: [colour('blue'), colour('purple'), colour('orange'), colour('green'), colour('yellow'), colour('red')],
    red: colour('red'),
    green: colour('green'),
  };
}

/** Errors and throttles in red, success in green, the rest from the palette in order. */
export function seriesColours(labels: readonly string[], theme: ChartTheme): string[] {
  let next = 0;
  return labels.map((label) => {
    if (/error|fault|fail|throttl/i.test(label)) return theme.red;
    if (/success/i.test(label)) return theme.green;
    return theme.palette[next++ % theme.palette.length];
  });
}
