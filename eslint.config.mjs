import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeImport = {
  paths: [{ name: 'vscode', message: "Only src/ui/ and src/extension.ts may import 'vscode': core/ and cli/ run in plain Node (see ARCHITECTURE.md)." }],
};

const browserMessage = "src/shared/ and media/ are bundled by esbuild for the browser (the webviews): no 'vscode' and no Node built-ins there.";
const browserImports = {
  paths: ['vscode', ...builtinModules].map((name) => ({ name, message: browserMessage })),
  patterns: [{ group: ['node:*'], message: browserMessage }],
};

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test/e2e/out/', '**/*.vsix', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'test/unit/**/*.ts', 'test/support/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    // bench/host/ runs inside the extension host.
    ignores: ['src/ui/**', 'src/extension.ts', 'bench/host/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', vscodeImport],
    },
  },
  {
    files: ['src/shared/**/*.ts', 'media/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', browserImports],
    },
  },
);
