/**
 * Codes in the core, words at the edge (issue 15, item 4): src/domain and src/data say what
 * happened as codes and values (src/domain/messages.ts), and the words live with the UI's
 * strings (src/ui/messages.ts). This test reads every string literal and template in src/domain
 * and src/data with the TypeScript compiler and fails on an English sentence that is neither
 * kept for a stated reason (below) nor in the list of English still to move
 * (test/domain/englishLeft.json). That list only shrinks: an entry no longer found fails too,
 * so that moving English out of the core is recorded by deleting its line.
 *
 * After moving words to src/ui/messages.ts, update the list with
 *   UPDATE_ENGLISH_LEFT=1 npx jest -c config/jest.config.js --coverage=false test/domain/noEnglish.test.ts
 * and check its diff only removes lines.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { LIST_TITLES } from '../../src/data/repository';
import { LIST_SCHEMAS } from '../../src/data/provisioning/schema';

const root: string = path.resolve(__dirname, '../..');
const LEFT_FILE: string = path.join(__dirname, 'englishLeft.json');

/**
 * Two words of letters (at least two letters each, one of them lower case) with white space
 * between them, or with English's one-letter words ("a", "I") between them: "is locked", "Reason
 * sent back", "export a period". Not an identifier, a log key, a column's internal name, an OData
 * $select or a path, which have no space between words.
 */
const SENTENCE: RegExp = /(?=[A-Za-z'’]*[a-z])[A-Za-z'’]{2,}[,;:.!?"'’)]*(?:\s+[aAI])*\s+["'‘“(]*[A-Za-z'’]{2,}/;

/** True when the literal's text (placeholders left out) reads as English words. */
export function isEnglish(text: string): boolean {
  return SENTENCE.test(text);
}

/** A literal found: where, and its text with each `${…}` as `${}`. */
interface IFound {
  file: string;
  text: string;
}

/** Every choice of the site's choice columns, as the schema spells it. */
const SCHEMA_CHOICES: ReadonlySet<string> = new Set(
  LIST_SCHEMAS.flatMap((l) => l.fields.flatMap((f) => Array.from(f.xml.matchAll(/<CHOICE>([^<]*)<\/CHOICE>/g), (m) => m[1])))
);

/**
 * What is kept, and why. Each is a rule about the text's role, not a list of sentences:
 * - the site's schema (src/data/provisioning/schema.ts, generated from sharepoint/assets/*.xml):
 *   the lists' and columns' SharePoint names and descriptions, which SharePoint itself shows in
 *   the site's language — the site's definition, not the product's messages;
 * - the lists' SharePoint titles (LIST_TITLES) and SharePoint's own hidden "User Information
 *   List": names on the wire, by which the product finds the lists;
 * - in src/data, a choice column's choice as the site's schema spells it (a `<CHOICE>` of
 *   sharepoint/assets, "Not started", "Red, Amber, Green"): the values on the wire that the field
 *   tables' codecs read and write, never shown as the product's words (the domain has its own
 *   codes for them, worded at the edge);
 * - what the in-memory SharePoint answers as SharePoint does (src/data/memory, the `body(code,
 *   text)` of an error response): SharePoint's own error text, kept as serverMessage for logs and
 *   never shown;
 * - a value marked as one on the wire ({@link markedWire}): a comment `@wire <why>` on the
 *   literal, or on what holds it within its statement (a property, a declaration), says that the
 *   text is what SharePoint, OData or stored data spells, not the product's words.
 */
function kept(file: string, text: string, node: ts.Node): boolean {
  if (file === 'src/data/provisioning/schema.ts' || markedWire(node)) {
    return true;
  }
  if (file.startsWith('src/data/') && SCHEMA_CHOICES.has(text)) {
    return true;
  }
  if (Object.values(LIST_TITLES).indexOf(text) >= 0 || text === 'User Information List') {
    return true;
  }
  const call: ts.Node | undefined = node.parent;
  return (
    file.startsWith('src/data/memory/') && !!call && ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'body'
  );
}

/**
 * The mark of a value on the wire: `@wire` followed by the reason, in a comment. A wire value is
 * text that is not the product's to word: what SharePoint itself answers or expects (its time zone
 * descriptions, an OData filter), or what earlier versions stored and must still be read (keys
 * kept in a list's column). The reason is required, so that every mark says why.
 */
const WIRE_MARK: RegExp = /@wire\s+[A-Za-z]/;

/**
 * Whether a literal is marked as a wire value: a `@wire` comment before it, or before a node that
 * holds it up to (and including) its statement — a property of an object, an element of a list,
 * a declaration — so that a table of stored values is marked once. The mark never reaches past
 * the statement, so it cannot cover a whole file or function by accident.
 */
export function markedWire(node: ts.Node): boolean {
  const text: string = node.getSourceFile().getFullText();
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    // Comments on lines of their own before it, and one on its own line just before it (`x: /* @wire … */ 'text'`).
    const start: number = n.getStart();
    const sameLine: ts.CommentRange[] = (ts.getTrailingCommentRanges(text, n.getFullStart()) || []).filter((c) => !/\n/.test(text.slice(c.end, start)));
    const comments: ts.CommentRange[] = [...(ts.getLeadingCommentRanges(text, n.getFullStart()) || []), ...sameLine];
    if (comments.some((c) => WIRE_MARK.test(text.slice(c.pos, c.end)))) {
      return true;
    }
    const holder: ts.Node | undefined = n.parent;
    if (!holder || ts.isSourceFile(holder) || ts.isBlock(holder) || ts.isModuleBlock(holder) || ts.isCaseClause(holder) || ts.isDefaultClause(holder) || ts.isClassLike(holder)) {
      break;
    }
  }
  return false;
}

/** The English literals of one source. */
export function englishIn(file: string, source: string): IFound[] {
  const sf: ts.SourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: IFound[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      text = node.text;
    } else if (ts.isTemplateExpression(node)) {
      text = node.head.text + node.templateSpans.map((s) => '${}' + s.literal.text).join('');
      // A template's placeholders may hold literals of their own.
      node.templateSpans.forEach((s) => visit(s.expression));
    }
    // Import paths and `declare module` names are not text.
    const parent: ts.Node | undefined = node.parent;
    const inImport: boolean = !!parent && (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent));
    if (text !== undefined && !inImport && isEnglish(text.replace(/\$\{\}/g, ' ')) && !kept(file, text, node)) {
      found.push({ file, text });
    }
    if (!ts.isTemplateExpression(node)) {
      ts.forEachChild(node, visit);
    }
  };
  visit(sf);
  return found;
}

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []
  );
}

/** Every English literal of src/domain and src/data, by file, in source order. */
function englishNow(): { [file: string]: string[] } {
  const byFile: { [file: string]: string[] } = {};
  for (const file of [...sources('src/domain'), ...sources('src/data')].sort()) {
    const texts: string[] = englishIn(file, fs.readFileSync(path.join(root, file), 'utf8')).map((f) => f.text);
    if (texts.length > 0) {
      byFile[file] = texts;
    }
  }
  return byFile;
}

/** What `a` has more of than `b` (a multiset difference), by file. */
function beyond(a: { [file: string]: string[] }, b: { [file: string]: string[] }): string[] {
  const out: string[] = [];
  for (const file of Object.keys(a)) {
    const left: string[] = (b[file] || []).slice();
    for (const text of a[file]) {
      const i: number = left.indexOf(text);
      if (i >= 0) {
        left.splice(i, 1);
      } else {
        out.push(`${file}: ${text}`);
      }
    }
  }
  return out;
}

describe('no English sentence is produced in src/domain or src/data', () => {
  it('finds a sentence, in a string or a template, and passes what is not one', () => {
    const found: string[] = englishIn(
      'src/data/example.ts',
      [
        "import { x } from '../some path/with words';",
        "const a = 'Could not save the risk.';",
        'const b = `${who} is locked: ask the programme office.`;',
        "const c = 'Id,Title,Workstream/Id';",
        "const d = 'notWorkstreamSponsor';",
        "const e = 'Reason sent back';",
        'const f = `${list}/items(${id})`;',
        "const g = 'RAG';",
        "const h = 'export a period';",
        "const i = 'a b c';"
      ].join('\n')
    ).map((f) => f.text);
    expect(found).toEqual(['Could not save the risk.', '${} is locked: ask the programme office.', 'Reason sent back', 'export a period']);
  });

  it('keeps only what is kept for its stated reason', () => {
    expect(englishIn('src/data/provisioning/schema.ts', "const t = 'Status Reports list';")).toEqual([]);
    expect(englishIn('src/data/repository.ts', `const t = '${LIST_TITLES.statusReports}';`)).toEqual([]);
    expect(englishIn('src/data/memory/MemoryTransport.ts', "body('-1, X', 'Access denied to you.');")).toEqual([]);
    // A choice as the site's schema spells it, in the data layer that reads and writes it; the domain's words are not kept.
    expect(englishIn('src/data/fields.ts', "const c = { 'Not started': 'NotStarted' };")).toEqual([]);
    expect(englishIn('src/domain/validation.ts', "const c = { NotStarted: 'Not started' };")).toHaveLength(1);
    // The same words in a message of the product's own are English to move.
    expect(englishIn('src/data/memory/MemoryTransport.ts', "throw new Error('Access denied to you.');")).toHaveLength(1);
  });

  it('keeps a value marked as on the wire, with its reason, and only within the statement marked', () => {
    // Marked on the literal itself, or on the declaration or property that holds it.
    expect(englishIn('src/data/siteDates.ts', "const z = { description: /* @wire SharePoint's own name */ '(UTC) Dublin, London' };")).toEqual([]);
    expect(englishIn('src/domain/readiness.ts', "/** @wire stored by version 1 */\nconst OLD = { 'Agreed completion date': 'agreedCompletion' };")).toEqual([]);
    expect(englishIn('src/data/provision.ts', "const p = {\n  // @wire OData's filter syntax\n  filter: `Id gt ${lastId}`\n};")).toEqual([]);
    // A mark without a reason is no mark.
    expect(englishIn('src/data/siteDates.ts', "const d = /* @wire */ 'Dublin and London';")).toHaveLength(1);
    // A mark on one statement does not reach the next (even at the end of its line), nor a function's body from its declaration.
    expect(englishIn('src/data/x.ts', "f(); // @wire for f\nconst b = 'Could not save the risk.';")).toHaveLength(1);
    expect(englishIn('src/data/x.ts', "/** @wire a stored key */\nconst a = 'stored key';\nconst b = 'Could not save the risk.';").map((f) => f.text)).toEqual(['Could not save the risk.']);
    expect(englishIn('src/data/x.ts', "/** @wire not for the body */\nfunction f(): string {\n  return 'Could not save the risk.';\n}")).toHaveLength(1);
    // A comment without the mark keeps nothing.
    expect(englishIn('src/data/x.ts', "/** The description SharePoint gives. */\nconst d = 'Dublin and London';")).toHaveLength(1);
  });

  it('has no English beyond the list still to move, and the list names nothing moved already', () => {
    const now: { [file: string]: string[] } = englishNow();
    if (process.env.UPDATE_ENGLISH_LEFT === '1') {
      fs.writeFileSync(LEFT_FILE, `${JSON.stringify(now, undefined, 2)}\n`);
    }
    const left: { [file: string]: string[] } = JSON.parse(fs.readFileSync(LEFT_FILE, 'utf8'));
    // New English in the core: give it a code in src/domain/messages.ts and words in src/ui/messages.ts.
    expect(beyond(now, left)).toEqual([]);
    // English moved out: delete its line from test/domain/englishLeft.json.
    expect(beyond(left, now)).toEqual([]);
  });

  it('the rules of the reporting cycle, the lock and SharePoint’s answers speak in codes', () => {
    const now: { [file: string]: string[] } = englishNow();
    // What has moved stays moved: these files give no English but field names (item 3's labels).
    const fieldNames = (file: string): string[] => (now[file] || []).filter((t) => !/^[A-Z][a-z]+( [a-z]+)*$/.test(t));
    expect(fieldNames('src/data/rules.ts')).toEqual([]);
    expect(fieldNames('src/data/httpErrors.ts')).toEqual([]);
    expect(fieldNames('src/data/validation.ts')).toEqual([]);
  });
});
