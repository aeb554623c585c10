/**
 * A close-down row's destination in words (en-GB), for the report and the dashboard: the label
 * always shown with the destination's colour (src/domain/phases.ts: DESTINATION_STYLES), and what
 * a row without one says — never a blank cell that reads as "nothing to do".
 */
import { destinationOf, type CloseDownDestination, type ICloseDownItem, type ThemeName } from '../domain/phases';

/** Each destination's label. */
export const DESTINATION_LABELS: { readonly [d in CloseDownDestination]: string } = {
  Completed: 'Completed – no further action',
  NextPhaseTheme: 'Moves to a theme of the next phase',
  DirectoratePlans: 'Moves to directorate business plans',
  KeepUnderReview: 'Kept under review'
};

/** What a row without a destination says. */
export const NO_DESTINATION_LABEL: string = 'No destination yet';

/** Where a row goes, in words: the destination's label and, where there is one, the theme or plan named. */
export function destinationText(item: ICloseDownItem, workstreams: readonly ThemeName[]): { label: string; detail?: string } {
  const { destination, detail } = destinationOf(item, workstreams);
  return destination ? { label: DESTINATION_LABELS[destination], detail } : { label: NO_DESTINATION_LABEL };
}
