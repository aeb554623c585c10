/**
 * The parts a workstream's view fetches as it opens rather than with its own chunk: the readiness
 * rules with the list and the summary that use them (readinessParts.ts, about a sixth of what the
 * view would otherwise bring). The view starts the fetch when it mounts, beside its read of the
 * period, so that the part arrives with the data rather than after it; the list and the summary
 * show a spinner with their own words until then, and words with a retry if it cannot be fetched
 * (lazy.tsx, lazyPart).
 */
import { strings } from '../loc/workstreamStrings';
import { lazyPart, once } from './lazy';
import type { IOwedSummaryProps } from './OwedSummary';
import type { IReadinessListProps } from './ReadinessList';

/** The readiness part, fetched once however often it is asked for (and again after a failure). */
export const loadReadiness: () => Promise<typeof import('./readinessParts')> = once(() => import(/* webpackChunkName: 'ph-readiness' */ './readinessParts'));

/** Starts fetching the readiness part; whatever shows it says so, with a retry, if it cannot be fetched. */
export function preloadReadiness(): void {
  loadReadiness().catch(() => {
    // The list or the summary drawn with it asks again, and says so if it still cannot.
  });
}

/** What must be put right before the Board (see ReadinessList). */
export const ReadinessListLoader: (props: IReadinessListProps) => JSX.Element = lazyPart(() => loadReadiness().then((m) => m.ReadinessList), strings.LoadingReadiness);

/** What a workstream's group still owes for the open period (see OwedSummary). */
export const OwedSummaryLoader: (props: IOwedSummaryProps) => JSX.Element = lazyPart(() => loadReadiness().then((m) => m.OwedSummary), strings.LoadingOwed);
