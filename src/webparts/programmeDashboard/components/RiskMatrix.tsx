import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { Link } from '@fluentui/react/lib/Link';
import { tableTitle, type IWorkstreamHeading } from '../../../domain/model';
import { RISK_BAND_COLOURS, RISK_SCALE, riskBand, riskMatrix, type RiskBand } from '../../../domain/riskMatrix';
import type { IOpenRiskScore, IOpenRiskSummary, IProgrammeRepository, IProgrammeSummary } from '../../../data/repository';
import { LabelledSection } from './LabelledSection';
import { format } from './format';
import { LoadError } from './LoadError';
import { useGlanceClassNames } from './glanceStyles';
import { ScrollRegion } from './ScrollRegion';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

/** Props of {@link RiskMatrix}. */
export interface IRiskMatrixProps {
  summary: IProgrammeSummary;
  /** Where a chosen cell's risks' titles, numbers and owners are read (the summary holds only their scores). */
  repository: IProgrammeRepository;
  onOpenWorkstream: (workstream: IWorkstreamHeading) => void;
}

const LIKELIHOOD: readonly string[] = [strings.RiskLikelihood1, strings.RiskLikelihood2, strings.RiskLikelihood3, strings.RiskLikelihood4, strings.RiskLikelihood5];
const IMPACT: readonly string[] = [strings.RiskImpact1, strings.RiskImpact2, strings.RiskImpact3, strings.RiskImpact4, strings.RiskImpact5];
const BAND_WORDS: { [band in RiskBand]: string } = {
  Low: strings.RiskBandLow,
  Medium: strings.RiskBandMedium,
  High: strings.RiskBandHigh,
  VeryHigh: strings.RiskBandVeryHigh
};

function countWords(n: number): string {
  return format(n === 1 ? strings.RiskCountOne : strings.RiskCountMany, n);
}

/** Which risks are listed below the matrix: one cell's, or those not scored. */
type Chosen = { likelihood: number; impact: number } | 'notScored' | undefined;

/** The open risks' titles, numbers and owners, as read for the summary's scores (`of`). */
interface IListing {
  of: IOpenRiskScore[];
  risks?: IOpenRiskSummary[];
  error?: unknown;
}

/**
 * The titles, numbers and owners of the open risks, read (one round trip) the first time a cell's
 * risks are listed, and kept until the summary is read again. `read` asks for them (again after a
 * failure); nothing is read until then.
 */
function useRiskListing(repository: IProgrammeRepository, scores: IOpenRiskScore[]): { listing: IListing | undefined; read: () => void } {
  const [listing, setListing] = React.useState<IListing | undefined>(undefined);
  const mounted: React.MutableRefObject<boolean> = React.useRef<boolean>(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const mine: IListing | undefined = listing && listing.of === scores ? listing : undefined;
  const read = (): void => {
    if (mine && mine.error === undefined) {
      return;
    }
    setListing({ of: scores });
    repository.getOpenRisks().then(
      (risks) => {
        if (mounted.current) {
          setListing((now) => (now && now.of === scores ? { of: scores, risks } : now));
        }
      },
      (error: unknown) => {
        if (mounted.current) {
          setListing((now) => (now && now.of === scores ? { of: scores, error } : now));
        }
      }
    );
  };
  return { listing: mine, read };
}

/**
 * The programme's open risks on a 5 × 5 matrix: likelihood down the rows (5, almost certain,
 * first), impact across the columns, each cell its count and its severity band in words on the
 * band's colour. A count is a button that lists the cell's risks below the table, each with its
 * workstream (a link to it), number, description and owner. Risks without both numbers are
 * counted apart as "not scored" and listed the same way: nothing is guessed, none is dropped.
 */
export function RiskMatrix(props: IRiskMatrixProps): JSX.Element {
  const classNames = useGlanceClassNames();
  const shared = useClassNames();
  const listId: string = useUniqueId('ph-risk-list');
  const [chosen, setChoose] = React.useState<Chosen>(undefined);
  const { summary } = props;
  const matrix = riskMatrix(summary.openRiskScores);
  const { listing, read } = useRiskListing(props.repository, summary.openRiskScores);
  const workstreamOf = (id: number): IWorkstreamHeading | undefined => summary.workstreams.filter((w) => w.id === id)[0];
  const isChosen = (c: Chosen): boolean => JSON.stringify(c) === JSON.stringify(chosen);
  const toggle = (next: Chosen): void => {
    if (!isChosen(next)) {
      // Focus stays on the count chosen; the list follows once its risks are read.
      read();
    }
    setChoose((now) => (JSON.stringify(now) === JSON.stringify(next) ? undefined : next));
  };

  let listed: IOpenRiskScore[] = [];
  let listHeading: string = '';
  if (chosen === 'notScored') {
    listed = matrix.notScored;
    listHeading = format(strings.RiskNotScoredListHeading, countWords(listed.length));
  } else if (chosen) {
    listed = matrix.cells[chosen.likelihood - 1][chosen.impact - 1];
    listHeading = format(
      strings.RiskCellListHeading,
      format(strings.RiskScaleHeader, chosen.likelihood, LIKELIHOOD[chosen.likelihood - 1]),
      format(strings.RiskScaleHeader, chosen.impact, IMPACT[chosen.impact - 1]),
      BAND_WORDS[riskBand(chosen.likelihood, chosen.impact)],
      countWords(listed.length)
    );
  }
  // The chosen risks in workstream and risk order, each with what was read of it; one closed or
  // removed since the matrix was read is still listed (it is counted), and says so.
  const details: IOpenRiskSummary[] = (listing && listing.risks) || [];
  const rank = (id: number): number => {
    const i: number = details.findIndex((d) => d.id === id);
    return i < 0 ? details.length : i;
  };
  const rows: Array<{ score: IOpenRiskScore; risk?: IOpenRiskSummary }> = listed
    .map((score) => ({ score, risk: details.filter((d) => d.id === score.id)[0] }))
    .sort((a, b) => a.score.workstreamId - b.score.workstreamId || rank(a.score.id) - rank(b.score.id) || a.score.id - b.score.id);
  const reading: boolean = !!chosen && !!listing && listing.risks === undefined && listing.error === undefined;

  return (
    <LabelledSection idPrefix="ph-risk-matrix" heading={strings.RiskMatrixHeading}>
      {summary.openRiskScores.length === 0 ? (
        <p>{strings.RiskMatrixNoRisks}</p>
      ) : matrix.notScored.length === summary.openRiskScores.length ? (
        // No risk has both numbers yet (a programme that does not score them): an empty 5 × 5 grid says nothing.
        <p className={classNames.notScored}>
          <button type="button" className={classNames.countButton} aria-pressed={isChosen('notScored')} aria-controls={listId} onClick={() => toggle('notScored')}>
            {format(strings.RiskNoneScoredButton, countWords(matrix.notScored.length))}
          </button>
        </p>
      ) : (
        <>
          <p style={{ margin: '0 0 8px' }}>{strings.RiskMatrixIntro}</p>
          <ScrollRegion label={strings.RiskMatrixTableRegion}>
            <table className={classNames.matrix}>
              <caption>{strings.RiskMatrixCaption}</caption>
              <thead>
                <tr>
                  <td className={shared.muted}>{strings.RiskMatrixCorner}</td>
                  {RISK_SCALE.map((i) => (
                    <th key={i} scope="col">
                      {format(strings.RiskScaleHeader, i, IMPACT[i - 1])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {RISK_SCALE.slice()
                  .reverse()
                  .map((l) => (
                    <tr key={l}>
                      <th scope="row">{format(strings.RiskScaleHeader, l, LIKELIHOOD[l - 1])}</th>
                      {RISK_SCALE.map((i) => {
                        const band: RiskBand = riskBand(l, i);
                        const colours = RISK_BAND_COLOURS[band];
                        const count: number = matrix.cells[l - 1][i - 1].length;
                        const cell: Chosen = { likelihood: l, impact: i };
                        return (
                          <td key={i} className={classNames.matrixCell} style={{ background: `#${colours.fill}`, color: `#${colours.text}` }}>
                            {count > 0 ? (
                              <button
                                type="button"
                                className={`${classNames.countButton} ${classNames.matrixCount}`}
                                aria-pressed={isChosen(cell)}
                                aria-controls={listId}
                                aria-label={format(strings.RiskCellButton, countWords(count), l, i, BAND_WORDS[band])}
                                onClick={() => toggle(cell)}
                              >
                                {count}
                              </button>
                            ) : (
                              <span className={classNames.matrixCount}>0</span>
                            )}
                            <span className={classNames.matrixBand}>{BAND_WORDS[band]}</span>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className={classNames.notScored}>
            {matrix.notScored.length > 0 ? (
              <button type="button" className={classNames.countButton} aria-pressed={isChosen('notScored')} aria-controls={listId} onClick={() => toggle('notScored')}>
                {format(strings.RiskNotScoredButton, matrix.notScored.length)}
              </button>
            ) : (
              format(strings.RiskNotScoredButton, 0)
            )}
          </p>
        </>
      )}
      <p className={shared.visuallyHidden} role="status" aria-live="polite">
        {reading ? strings.RiskListReading : listing && listing.risks ? listHeading : ''}
      </p>
      <div id={listId} role={chosen ? 'region' : undefined} aria-label={chosen ? listHeading : undefined}>
        {chosen ? (
          <>
            <h4 style={{ margin: '8px 0 4px' }}>{listHeading}</h4>
            {listing && listing.error !== undefined ? (
              <LoadError error={listing.error} onRetry={read} />
            ) : reading || !listing ? (
              <p className={shared.muted}>{strings.RiskListReading}</p>
            ) : (
              <ul className={classNames.riskList}>
                {rows.map(({ score, risk: r }) => {
                  const ws: IWorkstreamHeading | undefined = workstreamOf(score.workstreamId);
                  return (
                    <li key={score.id} className={classNames.riskItem}>
                      <span>
                        {ws ? <Link onClick={() => props.onOpenWorkstream(ws)}>{tableTitle(ws)}</Link> : undefined}
                        {r && r.number ? ` – ${r.number}` : ''}
                      </span>
                      {r ? (
                        <>
                          <span>{r.title || strings.RiskNoDescription}</span>
                          <span className={shared.muted}>{r.owner ? format(strings.RiskOwnerLine, r.owner) : strings.RiskNoOwner}</span>
                        </>
                      ) : (
                        <span>{strings.RiskNoLongerOpen}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        ) : summary.openRiskScores.length > 0 ? (
          <p className={shared.muted}>{strings.RiskMatrixChoose}</p>
        ) : undefined}
      </div>
    </LabelledSection>
  );
}
