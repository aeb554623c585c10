import * as React from 'react';
import type { IProgrammeRepository, IProgrammeSummary, ISummaryOptions } from '../../../data/repository';
import { type IAsyncResult, useAsync } from '../../../ui/useAsync';

/** How many periods the ratings over time show at first: the landing reads no more (ISummaryOptions.ratingsWindow). */
export const RATINGS_WINDOW: number = 12;

/**
 * The programme at a glance (every workstream's rating in every period, and counts). `landing`
 * when the page lands on the programme view: its first read also asks for what that view shows
 * beside the summary, in the same round trip (ISummaryOptions); reloads read the summary alone.
 * `pinned`, the code of the workstream a tab is pinned to: no counts and no ratings (ISummaryOptions'
 * withoutRatings), and that workstream's landing read with the summary when this browser knows
 * where it lands (ISummaryOptions' pinned). `ratingsWindow`: only the latest periods' ratings
 * (ISummaryOptions), the earlier read when a view asks.
 */
export function useProgrammeSummary(repository: IProgrammeRepository, landing?: ISummaryOptions['landing'], pinned?: string, ratingsWindow?: number): IAsyncResult<IProgrammeSummary> {
  const landed: React.MutableRefObject<IProgrammeRepository | undefined> = React.useRef<IProgrammeRepository | undefined>(undefined);
  return useAsync(() => {
    const first: boolean = landed.current !== repository;
    landed.current = repository;
    const options: ISummaryOptions = {};
    if (first && landing) {
      options.landing = landing;
    }
    if (pinned) {
      options.withoutRatings = true;
      options.pinned = pinned;
    }
    if (ratingsWindow !== undefined) {
      options.ratingsWindow = ratingsWindow;
    }
    return repository.getProgrammeSummary(options);
  }, [repository, pinned, ratingsWindow]);
}
