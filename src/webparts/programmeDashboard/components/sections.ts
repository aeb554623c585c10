import type { IPerson, IStatusReport } from '../../../domain/model';
import { strings } from '../loc/workstreamStrings';
import { format } from './format';
import type { IEditablePeriodPicture, Saved, UserRights } from '../../../data/repository';
import type { IDeleteRequest } from './DeletePanel';
import type { IFormContext } from './formSpecs';
import type { FormMaker } from './forms';
import type { IPermissions } from './permissions';

/** What every section of the workstream view is given. */
export interface ISectionProps {
  picture: IEditablePeriodPicture;
  ctx: IFormContext;
  can: IPermissions;
  /** The user's rights, for the rules asked item by item (whose challenge is whose). */
  rights: UserRights;
  /** Opens an editing panel with the form `make` makes; focus returns to the control that opened it. */
  onEdit: (make: FormMaker) => void;
  /** Asks before deleting an item. */
  onDelete: (request: IDeleteRequest) => void;
  /** Takes the status report a step through the reporting cycle (asking first where it must). */
  onCycle?: (action: ReportAction, report: Saved<IStatusReport>) => void;
  /** True while a step of the cycle runs: its buttons wait. */
  cycleBusy?: boolean;
  /** Opens the close-down a milestone was carried from (issue 16); no link without it. */
  onOpenCloseDown?: (phaseId: number) => void;
}

/** A step of the reporting cycle a report's section offers. */
export type ReportAction = 'submit' | 'approve' | 'return';

/** A short reference to a numbered row for accessible names: "7 (Recruitment and Selection…)". */
export function shorten(text: string, max: number = 60): string {
  const squashed: string = text.replace(/\s+/g, ' ').trim();
  return squashed.length > max ? `${squashed.slice(0, max - 1)}…` : squashed;
}

/**
 * The line of an item brought in by an import, marked as imported and naming who ran the import:
 * SharePoint made them the item's author, so they are named as the importer, never as its writer.
 */
export function importedMark(line: string, importer: IPerson | undefined): string {
  return importer && importer.name ? format(strings.ImportedMarkBy, line, importer.name) : format(strings.ImportedMark, line);
}
