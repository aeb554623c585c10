/**
 * src/report runs in the Word task pane and the SharePoint bundle as well as in Node: it may
 * import only the domain, its own modules and jszip, and the lint profile refuses Node's.
 */
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

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
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText("import { inflateSync } from 'zlib';\nexport const used: unknown = inflateSync;\n", {
      filePath: path.join(reportDir, 'docx.ts')
    });
    expect(result.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toHaveLength(1);
  });
});
