/**
 * The close-down row's editing form (issue 16), for the same editing panel as every other item:
 * the paper's columns as fields, the destination picker (completed / a theme of the next phase /
 * directorate business plans / kept under review), the next phase's theme, and where it goes in
 * words; saved through the phases' repository against the row's ETag, so a change someone else
 * made meanwhile is shown beside the user's, never overwritten.
 */
import { strings } from '../loc/moreStrings';
import type { IWorkstreamHeading } from '../../../domain/model';
import { isBlank } from '../../../domain/text';
import type { IFieldError } from '../../../domain/validation';
import { CLOSE_DOWN_DESTINATIONS, type CloseDownDestination, type ICloseDownItem } from '../../../domain/phases';
import { DESTINATION_LABELS } from '../../../ui/destinationWords';
import { CLOSE_DOWN_FIELDS } from '../../../data/fields';
import type { Saved } from '../../../data/repository';
import { format } from './format';
import { tableField, type FormValues, type IFieldSpec, type IFormRequest } from './forms';

/** The picker's choice for "no destination yet" (a drop-down's key cannot be empty). */
export const NO_DESTINATION: string = 'none';
/** The theme picker's choice for "no theme chosen". */
export const NO_THEME: string = 'none';

const LIMIT: number = 255;

function orEmpty(text: string | undefined): string {
  return text === undefined ? '' : text;
}

/** A fault about the field of this key (CLOSE_DOWN_FIELDS'), in its label's words. */
function fieldError(key: Extract<keyof ICloseDownItem, string>, value: unknown, reason: string): IFieldError {
  const field: string = tableField(CLOSE_DOWN_FIELDS, key).label;
  return { field, key, value, reason, message: `${field}: ${reason}` };
}

/** What the form's values would be refused for, in the fields' own words. */
export function validateCloseDownRow(v: FormValues): IFieldError[] {
  const errors: IFieldError[] = [];
  if (isBlank(v.task)) {
    errors.push(fieldError('task', v.task, strings.CloseDownTaskRequired));
  } else if (v.task.length > LIMIT) {
    errors.push(fieldError('task', v.task, format(strings.CloseDownTooLong, LIMIT, v.task.length)));
  }
  if (orEmpty(v.destinationAsWritten).length > LIMIT) {
    errors.push(fieldError('destinationAsWritten', v.destinationAsWritten, format(strings.CloseDownTooLong, LIMIT, v.destinationAsWritten.length)));
  }
  if (v.destination === 'NextPhaseTheme' && (isBlank(v.destinationWorkstreamId) || v.destinationWorkstreamId === NO_THEME) && isBlank(v.destinationAsWritten)) {
    errors.push(fieldError('destinationWorkstreamId', v.destinationWorkstreamId, strings.CloseDownThemeRequired));
  }
  if (v.destination === 'Completed' && isBlank(v.undertaken) && isBlank(v.evidence)) {
    errors.push(fieldError('evidence', v.evidence, strings.CloseDownEvidenceRequired));
  }
  return errors;
}

/** The form's values of a stored row. */
export function closeDownValues(item: Partial<ICloseDownItem>): FormValues {
  return {
    task: orEmpty(item.task),
    undertaken: orEmpty(item.undertaken),
    evidence: orEmpty(item.evidence),
    outstanding: orEmpty(item.outstanding),
    destination: item.destination || NO_DESTINATION,
    destinationWorkstreamId: item.destinationWorkstreamId === undefined ? NO_THEME : String(item.destinationWorkstreamId),
    destinationAsWritten: orEmpty(item.destinationAsWritten)
  };
}

/** The changes to store from the form's values. */
export function closeDownChanges(v: FormValues): Partial<ICloseDownItem> {
  const destination: CloseDownDestination | undefined = CLOSE_DOWN_DESTINATIONS.indexOf(v.destination as CloseDownDestination) >= 0 ? (v.destination as CloseDownDestination) : undefined;
  const theme: number | undefined = destination === 'NextPhaseTheme' && /^\d+$/.test(v.destinationWorkstreamId) ? Number(v.destinationWorkstreamId) : undefined;
  return {
    task: v.task.trim(),
    undertaken: v.undertaken,
    evidence: v.evidence,
    outstanding: v.outstanding,
    destination,
    destinationWorkstreamId: theme,
    destinationAsWritten: v.destinationAsWritten
  };
}

/**
 * The form of one close-down row. `themes` are the workstreams an item can move into: those of
 * the programme's other phases (and any of no phase), never the closing phase's own.
 */
export function closeDownForm(phaseTitle: string, item: Saved<ICloseDownItem>, themeTitle: string, themes: readonly IWorkstreamHeading[]): IFormRequest {
  // From the Close-down Items list's field table (src/data/fields.ts): messages go beside these by key.
  const field = (key: Extract<keyof ICloseDownItem, string>, extra: Partial<IFieldSpec> = {}): IFieldSpec => tableField(CLOSE_DOWN_FIELDS, key, extra);
  const fields: IFieldSpec[] = [
    // The Title column holds one line of 255 characters, typed in a box that shows it whole.
    field('task', { kind: 'multiline' }),
    field('undertaken'),
    field('evidence'),
    field('outstanding'),
    field('destination', {
      options: [{ key: NO_DESTINATION, text: strings.CloseDownNoDestinationChoice }, ...CLOSE_DOWN_DESTINATIONS.map((d) => ({ key: d, text: DESTINATION_LABELS[d] }))]
    }),
    field('destinationWorkstreamId', {
      kind: 'choice',
      description: strings.CloseDownThemeHint,
      options: [{ key: NO_THEME, text: strings.CloseDownNoThemeChoice }, ...themes.map((w) => ({ key: String(w.id), text: w.title }))]
    }),
    field('destinationAsWritten', { description: strings.CloseDownDestinationWordsHint })
  ];
  return {
    kind: 'closeDownItem',
    title: strings.CloseDownEditTitle,
    context: format(strings.CloseDownEditContext, themeTitle, phaseTitle),
    periodTitle: phaseTitle,
    fields,
    initial: closeDownValues(item),
    etag: item.etag,
    validate: validateCloseDownRow,
    valuesOf: (stored) => closeDownValues(stored as ICloseDownItem),
    savedMessage: strings.CloseDownRowSaved,
    save: (saver, v, etag) => saver.run((repository) => repository.phases().updateCloseDownItem(item.id, closeDownChanges(v), etag || item.etag))
  };
}
