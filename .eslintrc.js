require('@rushstack/eslint-config/patch/modern-module-resolution');

// Modules the pure domain may never import: it must run unchanged in SPFx, Word, Node and tests.
const NOT_IN_DOMAIN = [
  '@microsoft/*', '@pnp/*', '@fluentui/*', '@azure/*', 'react', 'react-dom', 'office-*', 'node:*',
  'fs', 'path', 'http', 'https', 'os', 'child_process', 'crypto', 'jszip',
  '../data/*', '../report/*', '../webparts/*', '../addin/*', '../emulator/*', '../cli/*', '../local/*'
];
// Node's own modules: only the emulator and the command-line tools run on Node.
const NODE_ONLY = ['node:*', 'fs', 'path', 'http', 'https', 'os', 'child_process', 'net', 'zlib', 'crypto'];

module.exports = {
  extends: ['@microsoft/eslint-config-spfx/lib/profiles/react'],
  parserOptions: { tsconfigRootDir: __dirname },
  overrides: [
    {
      files: ['*.ts', '*.tsx'],
      parser: '@typescript-eslint/parser',
      parserOptions: {
        project: ['./config/tsconfig.test.json'],
        ecmaVersion: 2020,
        sourceType: 'module'
      },
      rules: {
        '@rushstack/no-new-null': 'off',
        '@rushstack/hoist-jest-mock': 'warn',
        '@rushstack/security/no-unsafe-regexp': 'warn',
        '@typescript-eslint/explicit-function-return-type': ['warn', { allowExpressions: true, allowTypedFunctionExpressions: true, allowHigherOrderFunctions: false }],
        '@typescript-eslint/explicit-member-accessibility': ['warn', { overrides: { constructors: 'no-public' } }],
        '@typescript-eslint/no-explicit-any': 'warn',
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
        '@typescript-eslint/no-unused-vars': ['warn', { vars: 'all', args: 'none', caughtErrors: 'none' }],
        '@typescript-eslint/naming-convention': [
          'warn',
          { selector: 'interface', format: ['PascalCase'], custom: { regex: '^I[A-Z]', match: true } },
          { selector: 'memberLike', modifiers: ['private'], format: ['camelCase'], leadingUnderscore: 'require' }
        ],
        'no-useless-catch': 'error',
        'promise/param-names': 'error',
        'react/self-closing-comp': 'warn',
        eqeqeq: ['error', 'always', { null: 'ignore' }],
        'no-console': 'off'
      }
    },
    {
      files: ['src/domain/**/*.ts'],
      rules: {
        'no-restricted-imports': ['error', { patterns: NOT_IN_DOMAIN.map((group) => ({ group: [group], message: 'src/domain is pure TypeScript: no SPFx, PnPjs, Graph, Office, UI or Node imports.' })) }]
      }
    },
    {
      files: ['src/webparts/**', 'src/addin/**', 'src/report/**', 'src/data/**', 'src/local/**'],
      rules: {
        'no-restricted-imports': ['error', { patterns: NODE_ONLY.map((group) => ({ group: [group], message: 'Browser code: Node modules belong in src/emulator or src/cli.' })) }]
      }
    },
    {
      files: ['test/**/*.ts', 'test/**/*.tsx'],
      rules: {
        '@typescript-eslint/explicit-function-return-type': 'off',
        '@typescript-eslint/naming-convention': 'off',
        '@typescript-eslint/no-explicit-any': 'off'
      }
    }
  ]
};
