/**
 * The list schema fit for SharePoint's own forms (sharepoint/assets): every list's content type
 * carries every column (columns outside the content type are left out of the new and edit forms,
 * sp-dev-docs #1518, #3778), no column is called Comments (it collides with SharePoint's item
 * comments, sp-dev-docs #6545), Status Reports' Title says what the item is, and a period or
 * workstream with records cannot be deleted from under them (lookups restrict deletion).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { child, childrenNamed, parseXml, type IXmlElement } from '../../src/emulator/xml';

const ASSETS = path.resolve(__dirname, '../../sharepoint/assets');
const elements = parseXml(fs.readFileSync(path.join(ASSETS, 'elements.xml'), 'utf8'));
const lists = childrenNamed(elements, 'ListInstance').map((instance) => {
  const schema = parseXml(fs.readFileSync(path.join(ASSETS, instance.attributes.CustomSchema), 'utf8'));
  const meta = child(schema, 'MetaData') as IXmlElement;
  return {
    title: instance.attributes.Title,
    fields: childrenNamed(child(meta, 'Fields') as IXmlElement, 'Field'),
    contentTypes: child(meta, 'ContentTypes') as IXmlElement
  };
});

describe('the lists\' schema', () => {
  it('has thirteen lists', () => {
    expect(lists.map((l) => l.title)).toHaveLength(13);
  });

  it.each(lists.map((l) => [l.title, l] as const))('%s: one content type of its own carries every column', (_title, list) => {
    expect(childrenNamed(list.contentTypes, 'ContentTypeRef')).toEqual([]);
    const types = childrenNamed(list.contentTypes, 'ContentType');
    expect(types).toHaveLength(1);
    // An Item (0x01) child: "0x0100" and a GUID's 32 hex digits.
    expect(types[0].attributes.ID).toMatch(/^0x0100[0-9A-F]{32}$/);
    const refs = childrenNamed(child(types[0], 'FieldRefs') as IXmlElement, 'FieldRef');
    const byId = new Map(refs.map((r) => [r.attributes.ID.toLowerCase(), r]));
    for (const field of list.fields) {
      const ref = byId.get(field.attributes.ID.toLowerCase());
      expect({ column: field.attributes.Name, inContentType: !!ref }).toEqual({ column: field.attributes.Name, inContentType: true });
      expect(ref?.attributes.Name).toBe(field.attributes.Name);
      expect(ref?.attributes.Hidden === 'TRUE').toBe(field.attributes.Hidden === 'TRUE');
    }
    expect(refs).toHaveLength(list.fields.length);
  });

  it('gives each list\'s content type its own ID', () => {
    const ids = lists.map((l) => childrenNamed(l.contentTypes, 'ContentType')[0].attributes.ID);
    expect(new Set(ids).size).toBe(lists.length);
  });

  it('has no column called Comments, and the sponsor\'s words in SponsorComment', () => {
    for (const list of lists) {
      expect(list.fields.map((f) => f.attributes.Name.toLowerCase())).not.toContain('comments');
    }
    const sponsor = lists.filter((l) => l.title === 'Sponsor Comments')[0];
    expect(sponsor.fields.filter((f) => f.attributes.Name === 'SponsorComment')[0].attributes).toMatchObject({ Type: 'Note', Required: 'TRUE' });
  });

  it('titles Status Reports\' Title column for what the item is', () => {
    const title = lists.filter((l) => l.title === 'Status Reports')[0].fields.filter((f) => f.attributes.Name === 'Title')[0];
    expect(title.attributes.DisplayName).toBe('Report');
  });

  it('restricts deleting a workstream or period that records look up, on indexed lookups', () => {
    const lookups: Array<{ [name: string]: string }> = lists.flatMap((l) => l.fields.filter((f) => f.attributes.Type === 'Lookup').map((f) => ({ ...f.attributes, list: l.title })));
    expect(lookups.length).toBeGreaterThanOrEqual(12);
    for (const lookup of lookups) {
      expect({ list: lookup.list, column: lookup.Name, behaviour: lookup.RelationshipDeleteBehavior, indexed: lookup.Indexed }).toEqual({
        list: lookup.list,
        column: lookup.Name,
        behaviour: 'Restrict',
        indexed: 'TRUE'
      });
    }
  });

  it('is what provisioning by code uses: src/data/provisioning/schema.ts is generated from this XML and up to date', () => {
    const run = spawnSync(process.execPath, [path.resolve(__dirname, '../../sharepoint/generate-schema.mjs'), '--check'], { encoding: 'utf8' });
    expect({ status: run.status, output: `${run.stdout}${run.stderr}`.trim() }).toEqual({ status: 0, output: 'src/data/provisioning/schema.ts is up to date.' });
  });
});
