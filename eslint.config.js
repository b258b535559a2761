// Lint rules, plus the process boundaries the tsconfig projects also enforce.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// import-x/no-cycle does not follow type-only imports; a cycle through them still means two
// modules that should be one, or a piece both need that belongs in a third. This rule follows
// every relative import, types included.
const importsOf = new Map();
function relativeImports(file) {
  if (!importsOf.has(file)) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = '';
    }
    const found = [];
    for (const match of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
      const target = resolveModule(dirname(file), match[1]);
      if (target) found.push(target);
    }
    importsOf.set(file, found);
  }
  return importsOf.get(file);
}
function resolveModule(from, specifier) {
  const base = resolve(from, specifier);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}
const noTypeCycle = {
  meta: { type: 'problem', messages: { cycle: 'Import cycle (types included): {{path}}' }, schema: [] },
  create(context) {
    return {
      'Program:exit'(node) {
        const start = context.filename;
        const seen = new Set();
        const walk = (file, path) => {
          for (const next of relativeImports(file)) {
            if (next === start) return [...path, next];
            if (seen.has(next)) continue;
            seen.add(next);
            const found = walk(next, [...path, next]);
            if (found) return found;
          }
          return null;
        };
        const cycle = walk(start, [start]);
        if (cycle) context.report({ node, messageId: 'cycle', data: { path: cycle.map((file) => relative(process.cwd(), file)).join(' -> ') } });
      },
    };
  },
};

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
    plugins: { 'import-x': importX, local: { rules: { 'no-type-cycle': noTypeCycle } } },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: '*/tsconfig.json', noWarnOnMultipleProjects: true })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }], 'local/no-type-cycle': 'error' },
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
