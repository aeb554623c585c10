import * as React from 'react';
import { strings } from '../loc/moreStrings';
import type { IWorkstreamHeading } from '../../../domain/model';
import { RAG_COLOURS, RAG_SCALE, type Rag } from '../../../domain/rag';
import type { IProgrammeSummary } from '../../../data/repository';
import { LabelledSection } from './LabelledSection';
import { format } from './format';
import { useGlanceClassNames } from './glanceStyles';
import { RagBadge } from './RagBadge';
import { type IRatedPeriod, ratedPeriods } from './ragHistory';
import { latestRating } from './trends';
import { useClassNames } from './useClassNames';

/** Props of {@link RagTrends}. */
export interface IRagTrendsProps {
  summary: IProgrammeSummary;
  /** The workstreams to show, in order (the programme view's filter applied). */
  workstreams: IWorkstreamHeading[];
}

const SHORT: { [rag in Rag]: string } = {
  Green: strings.RagShortGreen,
  'Green/Amber': strings.RagShortGreenAmber,
  Amber: strings.RagShortAmber,
  'Amber/Red': strings.RagShortAmberRed,
  Red: strings.RagShortRed
};

/** How a draft's rating is drawn: dashed, as a draft is marked in print. */
const DRAFT_OUTLINE: React.CSSProperties = { outline: '2px dashed currentColor', outlineOffset: '-4px' };

/**
 * Each workstream's rating over every period as a row of small cells, earliest first: each cell
 * a short label on its RAG colour (the key below spells the labels out), and for screen readers
 * a list whose items say the period and the rating ("June 2023: Amber"). Beside it, the latest
 * rating in full. A workstream no period has rated says so in words. (The workstream's name is
 * plain text here: the table above links it, and one link per workstream keeps the page's
 * controls unambiguous.)
 */
export function RagTrends(props: IRagTrendsProps): JSX.Element {
  const classNames = useGlanceClassNames();
  const shared = useClassNames();
  const { summary } = props;
  const points = props.workstreams.reduce((all: IRatedPeriod[], ws) => all.concat(ratedPeriods(summary.periods, summary.history, ws.id)), []);
  return (
    <LabelledSection idPrefix="ph-trends" heading={strings.TrendsHeading}>
      <p style={{ margin: '0 0 8px' }}>{strings.TrendsIntro}</p>
      <ul className={classNames.trends}>
        {props.workstreams.map((ws) => {
          const points = ratedPeriods(summary.periods, summary.history, ws.id);
          const latest = latestRating(summary.periods, summary.history, ws.id);
          return (
            <li key={ws.id} className={classNames.trend}>
              <span className={classNames.trendName}>
                {ws.title}
              </span>
              <ol className={classNames.trendCells} aria-label={format(strings.TrendListLabel, ws.title)}>
                {points.map((p) => {
                  const rating: string = p.withheld ? strings.AwaitingApproval : p.rag ? (p.draft ? format(strings.TrendDraftRating, p.rag) : p.rag) : strings.NotRated;
                  const words: string = format(strings.TrendPoint, p.period.title, rating);
                  const colours = p.rag ? RAG_COLOURS[p.rag] : undefined;
                  return (
                    <li
                      key={p.period.id}
                      className={classNames.trendCell}
                      title={words}
                      style={colours ? { background: `#${colours.fill}`, color: `#${colours.text}`, ...(p.draft ? DRAFT_OUTLINE : {}) } : undefined}
                      data-draft={p.draft ? 'true' : undefined}
                    >
                      <span aria-hidden="true">{p.rag ? SHORT[p.rag] : p.withheld ? strings.RagShortAwaiting : strings.RagShortNone}</span>
                      <span className={shared.visuallyHidden}>{words}</span>
                    </li>
                  );
                })}
              </ol>
              <span className={classNames.trendLatest}>
                {latest ? (
                  <>
                    {format(strings.TrendLatest, latest.period.title)} <RagBadge rag={latest.rag} />
                  </>
                ) : (
                  <RagBadge rag={undefined} emptyLabel={strings.TrendNeverRated} />
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <ul className={classNames.key} aria-label={strings.TrendKeyLabel}>
        {RAG_SCALE.map((rag) => (
          <li key={rag}>
            <span className={classNames.trendCell} style={{ background: `#${RAG_COLOURS[rag].fill}`, color: `#${RAG_COLOURS[rag].text}` }} aria-hidden="true">
              {SHORT[rag]}
            </span>{' '}
            {rag}
          </li>
        ))}
        <li>
          <span className={classNames.trendCell} aria-hidden="true">
            {strings.RagShortNone}
          </span>{' '}
          {strings.NotRated}
        </li>
        {points.some((p) => p.draft) ? (
          <li>
            <span className={classNames.trendCell} style={DRAFT_OUTLINE} aria-hidden="true">
              {strings.RagShortNone}
            </span>{' '}
            {strings.TrendKeyDraft}
          </li>
        ) : undefined}
        {points.some((p) => p.withheld) ? (
          <li>
            <span className={classNames.trendCell} aria-hidden="true">
              {strings.RagShortAwaiting}
            </span>{' '}
            {strings.AwaitingApproval}
          </li>
        ) : undefined}
      </ul>
    </LabelledSection>
  );
}
