/**
 * The domain stays pure: the project's own lint configuration refuses SPFx, PnPjs, Graph,
 * Office, UI and Node imports in src/domain, and the domain as it stands passes.
 */
import { ESLint } from 'eslint';
import * as path from 'path';
import { restrictedImports } from '../support/lintRule';

const root = path.resolve(__dirname, '../..');

describe('src/domain purity', () => {
  const eslint = new ESLint({ cwd: root });

  it.each([
    "import { spfi } from '@pnp/sp';",
    "import { Client } from '@microsoft/microsoft-graph-client';",
    "import { Version } from '@microsoft/sp-core-library';",
    "import * as React from 'react';",
    "import { readFileSync } from 'node:fs';",
    "import { DataError } from '../data/errors';"
  ])('refuses %s', async (line) => {
    const restricted = await restrictedImports(`${line}\nexport const used: unknown[] = [];\n`, 'src/domain/rag.ts');
    expect(restricted).toHaveLength(1);
    expect(restricted[0].message).toContain('src/domain is pure TypeScript');
  });

  it('passes as it is', async () => {
    const results = await eslint.lintFiles(['src/domain/**/*.ts']);
    expect(results.length).toBeGreaterThan(5);
    expect(results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
  });
});
