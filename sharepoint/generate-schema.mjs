// Writes src/data/provisioning/schema.ts from the provisioning XML (sharepoint/assets): the lists,
// their content types and each column's Field XML, as the code that provisions lists needs them in
// the browser ("Set up this site") and on the command line (npm run provision), where the XML
// files cannot be read. The XML stays the one source; test/provisioning/schema.test.ts fails when
// the generated module is out of date.
// Usage: node sharepoint/generate-schema.mjs [--check]
import { readFileSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { fileURLToPath } from 'url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'sharepoint/assets');
const out = join(root, 'src/data/provisioning/schema.ts');

const attrs = (text) => Object.fromEntries([...text.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The lists in provisioning order, read from elements.xml and each schema file. */
export function readSchemas() {
  const elements = readFileSync(join(assets, 'elements.xml'), 'utf8');
  return [...elements.matchAll(/<ListInstance\b([^>]*)\/>/g)].map((m) => {
    const instance = attrs(m[1]);
    const xml = readFileSync(join(assets, instance.CustomSchema), 'utf8');
    const list = attrs(/<List\b([^>]*)>/.exec(xml)[1]);
    const ct = attrs(/<ContentType\b([^>]*)>/.exec(xml)[1]);
    const fieldsXml = /<Fields>([\s\S]*?)<\/Fields>/.exec(xml)[1];
    const fields = [...fieldsXml.matchAll(/<Field\b[^>]*?(?:\/>|>[\s\S]*?<\/Field>)/g)].map((f) => {
      const a = attrs(/<Field\b([^>]*?)\/?>/.exec(f[0])[1]);
      const field = {
        name: a.Name,
        id: a.ID.replace(/[{}]/g, '').toLowerCase(),
        type: a.Type,
        displayName: unescape(a.DisplayName || a.Name),
        required: a.Required === 'TRUE',
        indexed: a.Indexed === 'TRUE',
        unique: a.EnforceUniqueValues === 'TRUE',
        hidden: a.Hidden === 'TRUE',
        xml: f[0].replace(/\s+/g, ' ')
      };
      if (a.Type === 'Lookup') {
        field.lookupList = a.List;
      }
      return field;
    });
    return {
      title: instance.Title,
      url: instance.Url,
      description: unescape(instance.Description || ''),
      versioning: list.VersioningEnabled === 'TRUE',
      contentType: { id: ct.ID, name: unescape(ct.Name), description: unescape(ct.Description || '') },
      fields
    };
  });
}

export function render(schemas) {
  return `/**
 * The programme's lists as provisioned: generated from sharepoint/assets by
 * \`node sharepoint/generate-schema.mjs\` — do not edit by hand. Each column keeps its Field XML,
 * which SharePoint's createFieldAsXml takes as it is (a lookup's List is the target list's URL
 * here and becomes its id when provisioned).
 */
import type { IListSchema } from './types';

/** Every list, in provisioning order (a lookup's target list comes before the list that looks it up). */
export const LIST_SCHEMAS: readonly IListSchema[] = ${JSON.stringify(schemas, null, 2)};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = render(readSchemas());
  if (process.argv.includes('--check')) {
    const current = readFileSync(out, 'utf8');
    if (current !== text) {
      console.error(`${out} is out of date: run node sharepoint/generate-schema.mjs`);
      process.exit(1);
    }
    console.log('src/data/provisioning/schema.ts is up to date.');
  } else {
    writeFileSync(out, text);
    console.log(`Wrote ${out}`);
  }
}
