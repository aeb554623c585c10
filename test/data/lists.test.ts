/**
 * The data layer's description of the lists (src/data/lists.ts) against the provisioning XML that
 * goes into the .sppkg: every column the product reads or writes exists with a matching type,
 * every column it filters on is indexed there, and the request key's column is unique.
 */
import * as path from 'path';
import { COLUMNS, REQUEST_KEY, hasRequestKey, type ColumnKind } from '../../src/data/lists';
import { ENTITY_LISTS, LIST_TITLES, type ListKey } from '../../src/data/repository';
import { loadListDefinitions, type FieldType, type IListDefinition } from '../../src/emulator/schema';

const definitions: IListDefinition[] = loadListDefinitions(path.resolve(__dirname, '../../sharepoint/assets'));

const TYPES: { [kind in ColumnKind]: FieldType[] } = {
  text: ['Text'],
  note: ['Note'],
  choice: ['Choice'],
  number: ['Number'],
  date: ['DateTime'],
  dateTime: ['DateTime'],
  lookup: ['Lookup'],
  user: ['User'],
  userMulti: ['UserMulti'],
  boolean: ['Boolean']
};

describe('the lists the data layer uses', () => {
  it.each(Object.keys(COLUMNS) as ListKey[])('%s matches its provisioning XML', (list) => {
    const definition: IListDefinition | undefined = definitions.filter((d) => d.title === LIST_TITLES[list])[0];
    expect(definition).toBeDefined();
    for (const column of COLUMNS[list]) {
      const field = definition?.fields.filter((f) => f.internalName === column.name)[0];
      expect({ list, column: column.name, found: !!field }).toEqual({ list, column: column.name, found: true });
      expect(TYPES[column.kind]).toContain(field?.type);
      if (column.indexed) {
        expect({ list, column: column.name, indexed: field?.indexed }).toEqual({ list, column: column.name, indexed: true });
      }
    }
  });

  it('gives every list users add items to a unique, indexed request key no one reads', () => {
    for (const list of Object.values(ENTITY_LISTS)) {
      expect(hasRequestKey(list)).toBe(true);
      const field = definitions.filter((d) => d.title === LIST_TITLES[list])[0].fields.filter((f) => f.internalName === REQUEST_KEY)[0];
      expect(field).toMatchObject({ type: 'Text', indexed: true, unique: true, required: false });
      expect(field.maxLength).toBe(64);
      expect(COLUMNS[list].filter((c) => c.name === REQUEST_KEY)[0].unread).toBe(true);
    }
  });
});
