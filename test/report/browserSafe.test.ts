/**
 * src/report runs in the Word task pane and the SharePoint bundle as well as in Node: it may
 * import only the domain, its own modules and jszip, and the lint profile refuses Node's.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { restrictedImports } from '../support/lintRule';

const root = path.resolve(__dirname, '../..');
const reportDir = path.join(root, 'src/report');

describe('src/report is browser-safe', () => {
  it('imports only the domain, its own modules and jszip', () => {
    const files = readdirSync(reportDir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const source = readFileSync(path.join(reportDir, file), 'utf8');
      const specifiers = Array.from(source.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)).map((m) => m[1]);
      for (const specifier of specifiers) {
        expect(`${file}: ${specifier}`).toMatch(/: (\.\/[a-zA-Z]+|\.\.\/domain\/[a-zA-Z]+|jszip)$/);
      }
    }
  });

  it("is refused Node's modules by the lint profile", async () => {
    const restricted = await restrictedImports("import { inflateSync } from 'zlib';\nexport const used: unknown = inflateSync;\n", 'src/report/docx.ts');
    expect(restricted).toHaveLength(1);
    expect(restricted[0].message).toContain('Node modules belong in src/emulator or src/cli');
  });
});
