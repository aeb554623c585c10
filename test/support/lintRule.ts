/**
 * Runs the project's own `no-restricted-imports` settings for a file on a piece of text.
 * The rule's settings come from .eslintrc.js as ESLint resolves them for that path; the text is
 * parsed without the type-checked program, which the rule does not need (building that program
 * for an in-memory file made these checks fail now and then under a loaded CI machine).
 */
import { ESLint, Linter } from 'eslint';
import * as path from 'path';

export const ROOT: string = path.resolve(__dirname, '../..');

export async function restrictedImports(text: string, fileInRepo: string): Promise<Linter.LintMessage[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const config = await eslint.calculateConfigForFile(path.join(ROOT, fileInRepo));
  const setting = config.rules?.['no-restricted-imports'];
  if (!setting) {
    throw new Error(`.eslintrc.js sets no no-restricted-imports rule for ${fileInRepo}`);
  }
  const linter = new Linter();
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-var-requires
  linter.defineParser('typescript', require('@typescript-eslint/parser'));
  return linter
    .verify(text, {
      parser: 'typescript',
      parserOptions: { ecmaVersion: 2020, sourceType: 'module' },
      rules: { 'no-restricted-imports': setting }
    }, { filename: path.join(ROOT, fileInRepo) })
    .filter((m) => {
      if (m.fatal) {
        throw new Error(`Could not parse the text: ${m.message}`);
      }
      return m.ruleId === 'no-restricted-imports';
    });
}
