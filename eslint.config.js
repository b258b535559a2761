// Lint rules, plus the process boundaries the tsconfig projects also enforce.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message: 'Crosses a process boundary (see README: How it is built).' })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // No import cycles, type-only imports included: a cycle means two modules are really one,
    // or a piece both need belongs in a third.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: '*/tsconfig.json', noWarnOnMultipleProjects: true })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(['node:*', 'electron', 'react', 'react-dom', '**/server/**', '**/renderer/**', '**/electron/**', 'better-sqlite3', 'socket.io', 'socket.io-client']),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(['node:*', 'electron', '**/server/**', '**/electron/**', 'better-sqlite3', 'socket.io']),
    },
  },
  {
    // Tests beside renderer code may start a real socket.io server on 127.0.0.1 to talk to
    // (real parts, not mocks); the product code above may not.
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: restrict(['electron', '**/server/**', '**/electron/**', 'better-sqlite3']),
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict(['electron', 'react', 'react-dom', '**/renderer/**', '**/electron/**']),
  },
);
