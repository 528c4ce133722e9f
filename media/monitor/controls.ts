// The @vscode-elements controls of the Logs tab and the header, and small typed helpers over them. Each import
// registers one custom element (only these: a small bundle). By import(), as in metricsElements.ts: tsconfig.json
// compiles media/ as CommonJS, which cannot require these ES modules; esbuild bundles them all the same, and they are
// defined (a microtask after the bundle runs) before the host's init can arrive.
import { control } from './dom';

void import('@vscode-elements/elements/dist/vscode-button/index.js');
void import('@vscode-elements/elements/dist/vscode-option/index.js');
void import('@vscode-elements/elements/dist/vscode-single-select/index.js');
void import('@vscode-elements/elements/dist/vscode-textarea/index.js');
void import('@vscode-elements/elements/dist/vscode-textfield/index.js');

/** A control with a string value (vscode-textfield, vscode-textarea, vscode-single-select). */
export type ValueControl = HTMLElement & { value: string };
export type ButtonControl = HTMLElement & { disabled: boolean };

export function button(id: string, label: string, onClick: () => void, options: { secondary?: boolean; title?: string } = {}): ButtonControl {
  const node = control('vscode-button', { id, secondary: options.secondary ?? true, title: options.title ?? false }, label) as ButtonControl;
  node.addEventListener('click', () => {
    if (!node.disabled) onClick();
  });
  return node;
}

export function textfield(id: string, attributes: Record<string, string | boolean>): ValueControl {
  return control('vscode-textfield', { id, ...attributes }) as ValueControl;
}

/** A vscode-single-select of (value, label) options. */
export function select(id: string, options: readonly (readonly [string, string])[], selected: string, label: string): ValueControl {
  const node = control('vscode-single-select', { id, 'aria-label': label }) as ValueControl;
  for (const [value, text] of options) node.append(control('vscode-option', { value, selected: value === selected }, text));
  return node;
}
