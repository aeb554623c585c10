/**
 * src/report runs in the Word task pane and the SharePoint bundle as well as in Node: it may
 * import only the domain, its own modules, jszip and the edge's words for what a document says
 * (src/ui/*Words.ts, which themselves import only the domain and one another), and the lint
 * profile refuses Node's.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { restrictedImports } from '../support/lintRule';

const root = path.resolve(__dirname, '../..');
const reportDir = path.join(root, 'src/report');

describe('src/report is browser-safe', () => {
  it("imports only the domain, its own modules, jszip and the edge's words", () => {
    const files = readdirSync(reportDir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const source = readFileSync(path.join(reportDir, file), 'utf8');
      const specifiers = Array.from(source.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)).map((m) => m[1]);
      for (const specifier of specifiers) {
        expect(`${file}: ${specifier}`).toMatch(/: (\.\/[a-zA-Z]+|\.\.\/domain\/[a-zA-Z]+|jszip|\.\.\/ui\/[a-zA-Z]+Words)$/);
        const words: RegExpExecArray | null = /^\.\.\/ui\/([a-zA-Z]+Words)$/.exec(specifier);
        if (words) {
          const wordsSource = readFileSync(path.join(root, 'src/ui', `${words[1]}.ts`), 'utf8');
          for (const m of wordsSource.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)) {
            expect(`src/ui/${words[1]}.ts: ${m[1]}`).toMatch(/: (\.\.\/domain\/[a-zA-Z]+|\.\/[a-zA-Z]+Words|\.\/format)$/);
          }
        }
      }
    }
  });

  it("is refused Node's modules by the lint profile", async () => {
    const restricted = await restrictedImports("import { inflateSync } from 'zlib';\nexport const used: unknown = inflateSync;\n", 'src/report/docx.ts');
    expect(restricted).toHaveLength(1);
    expect(restricted[0].message).toContain('Node modules belong in src/emulator or src/cli');
  });
});
