/**
 * What provisioning must do to bring a site's lists up to the schema, worked out from what the
 * site has: create the lists it lacks, add the columns an older list lacks, index the columns the
 * product filters on. Never a removal or a change of type: a column the site has that the schema
 * does not, or has with another type, is left as it is and reported. Pure, so it is tested alone
 * and the same plan is both shown ("out of date: 3 changes") and carried out.
 */
import type { IFieldSchema, IListSchema } from './types';
import { message, wordOf, type IMessage } from '../../domain/messages';

/** One column of a list as the site has it. */
export interface IExistingField {
  name: string;
  type: string;
  indexed: boolean;
  /** The display name. */
  title?: string;
}

/** One list as the site has it. */
export interface IExistingList {
  title: string;
  id: string;
  fields: IExistingField[];
  /** The list's own content type and the columns it carries; undefined when not known. */
  contentType?: { id: string; fieldNames: string[] };
}

/** One change to the site. */
export type ProvisionStep =
  | { kind: 'createList'; list: IListSchema }
  | { kind: 'addField'; list: IListSchema; field: IFieldSchema }
  | { kind: 'indexField'; list: IListSchema; field: IFieldSchema }
  /**
   * A column the list has outside its content type (as lists provisioned before the content type
   * carried them have): SharePoint's forms leave it out until the content type links it.
   */
  | { kind: 'linkField'; list: IListSchema; field: IFieldSchema; contentTypeId: string }
  /**
   * A column renamed since an older release: its values are copied into the new column, which is
   * added in the same run; the old column stays, with its values, for a person to remove.
   */
  | { kind: 'copyColumn'; list: IListSchema; from: string; field: IFieldSchema }
  /** The Title every list has, named for what the item is ("Report", "Milestone"). */
  | { kind: 'nameTitle'; list: IListSchema; field: IFieldSchema };

/** The changes, and what was found that provisioning will not touch. */
export interface IProvisionPlan {
  steps: ProvisionStep[];
  /** Columns the site has with another type than the schema's: left alone, for a person to look at. */
  warnings: string[];
}

/**
 * Columns an older release called something else, by list and new name: Sponsor Comments' text
 * was "Comments", which collides with SharePoint's own item comments (sp-dev-docs #6545).
 */
export const RENAMED_COLUMNS: { readonly [list: string]: { readonly [newName: string]: string } } = {
  'Sponsor Comments': { SponsorComment: 'Comments' }
};

/** The columns every list has from its creation (Title comes with the Item content type). */
const BUILT_IN: ReadonlySet<string> = new Set(['title']);

/**
 * The plan for a site. Lists are matched by title, columns by internal name (case-insensitively,
 * as SharePoint does).
 * @param schemas - the lists as they should be, in provisioning order.
 * @param existing - the site's lists that match a schema's title (others are ignored).
 */
export function planProvisioning(schemas: readonly IListSchema[], existing: readonly IExistingList[]): IProvisionPlan {
  const steps: ProvisionStep[] = [];
  const warnings: string[] = [];
  for (const list of schemas) {
    const found: IExistingList | undefined = existing.filter((e) => e.title.toLowerCase() === list.title.toLowerCase())[0];
    if (!found) {
      steps.push({ kind: 'createList', list });
    }
    const fields: Map<string, IExistingField> = new Map((found ? found.fields : []).map((f) => [f.name.toLowerCase(), f]));
    for (const field of list.fields) {
      const have: IExistingField | undefined = fields.get(field.name.toLowerCase());
      if (!have) {
        if (!BUILT_IN.has(field.name.toLowerCase())) {
          steps.push({ kind: 'addField', list, field });
          const former: string | undefined = (RENAMED_COLUMNS[list.title] || {})[field.name];
          if (former && fields.has(former.toLowerCase())) {
            steps.push({ kind: 'copyColumn', list, from: former, field });
          }
        } else if (field.displayName !== 'Title') {
          steps.push({ kind: 'nameTitle', list, field });
        }
        continue;
      }
      if (BUILT_IN.has(field.name.toLowerCase()) && have.title !== undefined && have.title !== field.displayName) {
        steps.push({ kind: 'nameTitle', list, field });
      }
      if (have.type !== field.type) {
        warnings.push(wordOf(message('columnTypeDiffers', { list: list.title, column: field.name, has: String(have.type), wants: field.type })));
        continue;
      }
      if (field.indexed && !have.indexed) {
        steps.push({ kind: 'indexField', list, field });
      }
      const ct = found ? found.contentType : undefined;
      if (ct && !BUILT_IN.has(field.name.toLowerCase()) && !ct.fieldNames.some((n) => n.toLowerCase() === field.name.toLowerCase())) {
        steps.push({ kind: 'linkField', list, field, contentTypeId: ct.id });
      }
    }
  }
  return { steps, warnings };
}

/** A step as a code and values: its kind, the list, and the columns it names. */
export function stepMessage(step: ProvisionStep): IMessage<'provisionStep'> {
  const column: string = step.kind === 'createList' ? '' : step.field.name;
  return message('provisionStep', {
    kind: step.kind,
    list: step.list.title,
    column,
    ...(step.kind === 'copyColumn' ? { from: step.from } : {}),
    ...(step.kind === 'nameTitle' ? { title: step.field.displayName } : {})
  });
}

/** A step in the installed words, for progress and summaries ("add the column RequestKey to Risks"). */
export function describeStep(step: ProvisionStep): string {
  return wordOf(stepMessage(step));
}
