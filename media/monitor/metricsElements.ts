// The @vscode-elements controls the Metrics tab uses. By import(): tsconfig.json compiles media/ as CommonJS (module
// node16), which cannot require these ES modules. esbuild inlines them into the bundle all the same; elements created
// before their definition runs are upgraded when it does.
void import('@vscode-elements/elements/dist/vscode-button/index.js');
void import('@vscode-elements/elements/dist/vscode-checkbox/index.js');
void import('@vscode-elements/elements/dist/vscode-progress-ring/index.js');
