// Lint enforces the runtime boundaries of STYLE G1: each folder imports only what its runtime has.
// In plain Node, require('electron') tries to download the Electron binary and throws, so
// `electron` is allowed only in main's and preload's thin wiring files.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const electronOnlyInWiring = {
  name: 'electron',
  message: 'Only main/electron/** and preload/ may import electron (it throws in plain Node).',
}
const nodeBuiltins = { group: ['node:*'], message: 'This runtime has no Node built-ins.' }

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'release/**', '.tools/**', '.cache/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports (STYLE G21).' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [electronOnlyInWiring] }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['protocol/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInWiring],
        patterns: [nodeBuiltins, { group: ['react', 'react-dom', 'livekit-*', 'better-sqlite3', 'fastify', '@fastify/*', '../main/*', '../server/*', '../renderer/*'], message: 'protocol/ imports only typebox.' }],
      }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInWiring, { name: 'better-sqlite3', message: 'The renderer reaches the cache through Platform.' }],
        patterns: [nodeBuiltins, { group: ['**/main/**', '**/server/**', '**/preload/**'], message: 'The renderer talks to main only through Platform.' }],
      }],
    },
  },
  {
    files: ['main/electron/**', 'preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInWiring],
        patterns: [{ group: ['react', 'react-dom', 'livekit-client', '**/renderer/**', '**/main/**'], message: 'The server has no DOM and no Electron.' }],
      }],
    },
  },
  {
    // Config files, and Fastify plugins (register() expects a default export).
    files: ['*.config.ts', '*.config.js', 'build/*.ts', 'server/routes/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
)
