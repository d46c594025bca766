// Lint guards the layering (as vscode-markdown-languageservice does): the core
// is pure TypeScript that runs in Node, the browser and the CLI, so it imports
// neither 'vscode' nor a Node built-in; the extension also runs in vscode.dev,
// so it takes no Node built-in either; the CLI and the extension never import
// each other. Formatting is left to the formatter.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// bare names here ('fs', 'path/posix'); every 'node:…' specifier by the pattern below
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('node:') && !m.startsWith('_'));
const noNode = {
  name: 'node:*',
  message: 'Node built-ins stay out of this layer: take a FileAccess (src/core/files.ts) or a value from the host.',
};
const restrict = (paths, patterns) => [
  'error',
  {
    paths: paths.map((p) => (typeof p === 'string' ? { name: p, message: noNode.message } : p)),
    patterns,
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.vscode-test-web/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // tsc's noUnusedLocals/noUnusedParameters already report these
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [{ name: 'vscode', message: "src/core never imports 'vscode': the extension adapts it (src/extension)." }, ...nodeBuiltins],
        [
          { group: ['**/extension/**', '**/cli/**'], message: 'src/core depends on nothing outside it.' },
          { group: ['node:*'], message: noNode.message },
        ],
      ),
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(nodeBuiltins, [
        { group: ['**/cli/**', '../cli'], message: 'The extension and the CLI share only src/core.' },
        { group: ['node:*'], message: noNode.message },
      ]),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }],
          patterns: [{ group: ['**/extension/**', '../extension'], message: 'The extension and the CLI share only src/core.' }],
        },
      ],
    },
  },
);
