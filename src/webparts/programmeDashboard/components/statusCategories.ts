import { strings } from '../loc/workstreamStrings';
import type { IFieldOption } from './forms';

/** The status categories, in the dashboard's words. */
export function statusCategoryOptions(): IFieldOption[] {
  return [
    { key: '', text: strings.StatusCategoryNone },
    { key: 'NotStarted', text: strings.StatusCategoryNotStarted },
    { key: 'InProgress', text: strings.StatusCategoryInProgress },
    { key: 'Ongoing', text: strings.StatusCategoryOngoing },
    { key: 'Complete', text: strings.StatusCategoryComplete },
    { key: 'Delayed', text: strings.StatusCategoryDelayed }
  ];
}
