/**
 * List definitions read from the very provisioning XML that goes into the .sppkg
 * (sharepoint/assets/elements.xml and the schema files it names): one definition serves the
 * tenant and the emulator.
 */
import * as fs from 'fs';
import * as path from 'path';
import { child, childrenNamed, parseXml, type IXmlElement } from './xml';

/** The column types the emulator supports, by SharePoint's TypeAsString. */
export type FieldType = 'Counter' | 'Text' | 'Note' | 'DateTime' | 'Choice' | 'Number' | 'Lookup' | 'User' | 'UserMulti' | 'Boolean' | 'Guid';

/** SharePoint's FieldTypeKind per type. */
export const FIELD_TYPE_KIND: { readonly [t in FieldType]: number } = {
  Counter: 5,
  Text: 2,
  Note: 3,
  DateTime: 4,
  Choice: 6,
  Lookup: 7,
  Boolean: 8,
  Number: 9,
  User: 20,
  UserMulti: 20,
  Guid: 14
};

/** One column of a list. */
export interface IFieldDefinition {
  id: string;
  internalName: string;
  displayName: string;
  type: FieldType;
  required: boolean;
  indexed: boolean;
  unique: boolean;
  readOnly: boolean;
  maxLength?: number;
  choices?: string[];
  defaultValue?: string;
  min?: number;
  max?: number;
  /** For lookups: the target list's URL ("Lists/Workstreams"); for people: "UserInfo". */
  lookupList?: string;
  showField?: string;
  dateOnly?: boolean;
}

/** A list's own content type: the columns SharePoint's new and edit forms show. */
export interface IContentTypeDefinition {
  id: string;
  name: string;
  /** Internal names of the columns it carries. */
  fieldNames: string[];
}

/** One list as provisioned. */
export interface IListDefinition {
  title: string;
  /** Web-relative URL, e.g. "Lists/Milestones". */
  url: string;
  description: string;
  templateType: number;
  versioning: boolean;
  fields: IFieldDefinition[];
  /** The list's content type; lists stored before it was modelled have none. */
  contentType?: IContentTypeDefinition;
}

/** Columns every list has, whatever its schema says. */
export function builtInFields(): IFieldDefinition[] {
  const base = (internalName: string, type: FieldType, extra: Partial<IFieldDefinition> = {}): IFieldDefinition => ({
    id: '',
    internalName,
    displayName: internalName,
    type,
    required: false,
    indexed: false,
    unique: false,
    readOnly: true,
    ...extra
  });
  return [
    base('ID', 'Counter', { indexed: true }),
    base('Created', 'DateTime'),
    base('Modified', 'DateTime'),
    base('Author', 'User', { lookupList: 'UserInfo', displayName: 'Created By' }),
    base('Editor', 'User', { lookupList: 'UserInfo', displayName: 'Modified By' }),
    base('GUID', 'Guid')
  ];
}

function bool(value: string | undefined): boolean {
  return (value || '').toUpperCase() === 'TRUE';
}

function num(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** One column from its Field XML (as SharePoint's createFieldAsXml takes it). */
export function fieldFromXml(xml: string): IFieldDefinition {
  return readField(parseXml(xml));
}

function readField(el: IXmlElement): IFieldDefinition {
  const a = el.attributes;
  const type: string = a.Type;
  const supported: FieldType[] = ['Text', 'Note', 'DateTime', 'Choice', 'Number', 'Lookup', 'User', 'UserMulti', 'Boolean'];
  if (supported.indexOf(type as FieldType) < 0) {
    throw new Error(`Field ${a.Name}: type ${type} is not supported by the emulator`);
  }
  const choices: IXmlElement | undefined = child(el, 'CHOICES');
  const def: IXmlElement | undefined = child(el, 'Default');
  return {
    id: (a.ID || '').replace(/[{}]/g, '').toLowerCase(),
    internalName: a.Name,
    displayName: a.DisplayName || a.Name,
    type: type as FieldType,
    required: bool(a.Required),
    indexed: bool(a.Indexed),
    unique: bool(a.EnforceUniqueValues),
    readOnly: false,
    maxLength: type === 'Text' ? num(a.MaxLength) || 255 : type === 'Note' ? 63999 : undefined,
    choices: choices ? childrenNamed(choices, 'CHOICE').map((c) => c.text) : undefined,
    defaultValue: def ? def.text : undefined,
    min: num(a.Min),
    max: num(a.Max),
    lookupList: type === 'Lookup' || type === 'User' || type === 'UserMulti' ? a.List : undefined,
    showField: a.ShowField,
    dateOnly: type === 'DateTime' ? a.Format === 'DateOnly' : undefined
  };
}

/** Reads every list the feature provisions, in provisioning order. */
export function loadListDefinitions(assetsDir: string): IListDefinition[] {
  const elements: IXmlElement = parseXml(fs.readFileSync(path.join(assetsDir, 'elements.xml'), 'utf8'));
  return childrenNamed(elements, 'ListInstance').map((instance) => {
    const a = instance.attributes;
    const schema: IXmlElement = parseXml(fs.readFileSync(path.join(assetsDir, a.CustomSchema), 'utf8'));
    const meta: IXmlElement | undefined = child(schema, 'MetaData');
    const fieldsEl: IXmlElement | undefined = meta ? child(meta, 'Fields') : undefined;
    if (!fieldsEl) {
      throw new Error(`${a.CustomSchema} has no MetaData/Fields`);
    }
    const fields: IFieldDefinition[] = childrenNamed(fieldsEl, 'Field').map(readField);
    const indexes: number = fields.filter((f) => f.indexed).length;
    if (indexes > 20) {
      throw new Error(`${a.Title}: ${indexes} indexed columns; SharePoint allows 20 a list`);
    }
    const types: IXmlElement | undefined = meta ? child(meta, 'ContentTypes') : undefined;
    const type: IXmlElement | undefined = types ? childrenNamed(types, 'ContentType')[0] : undefined;
    const refs: IXmlElement | undefined = type ? child(type, 'FieldRefs') : undefined;
    return {
      title: a.Title,
      url: a.Url,
      description: a.Description || '',
      templateType: Number(a.TemplateType || 100),
      versioning: bool(schema.attributes.VersioningEnabled),
      fields: [...builtInFields(), ...fields],
      contentType: type
        ? { id: type.attributes.ID, name: type.attributes.Name, fieldNames: refs ? childrenNamed(refs, 'FieldRef').map((r) => r.attributes.Name) : [] }
        : undefined
    };
  });
}

/** The entity type name SharePoint derives from a list URL: "Lists/Milestones" → "MilestonesListItem". */
export function entityTypeName(listUrl: string): string {
  const name: string = listUrl.replace(/^Lists\//, '').replace(/[^A-Za-z0-9]/g, '');
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}ListItem`;
}
