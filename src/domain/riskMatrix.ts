/**
 * The 5 × 5 risk matrix: a risk's likelihood (1 rare … 5 almost certain) times its impact
 * (1 minimal … 5 severe), and the severity band the product gives each score. The Risks list
 * stores both as whole numbers from 1 to 5 (columns Likelihood and Impact); the seeded papers
 * score none of their risks, so a risk missing either number is "not scored", never guessed.
 */
import { DomainValidationError } from './errors';
import { fieldName, message } from './messages';
import { RAG_COLOURS, type IRagColours } from './rag';

/** The scale's end points: both likelihood and impact run 1 to 5. */
export const RISK_SCALE: readonly number[] = [1, 2, 3, 4, 5];

/** Severity bands, least severe first, by code (worded at the edge). */
export type RiskBand = 'Low' | 'Medium' | 'High' | 'VeryHigh';

/** The bands in order, least severe first. */
export const RISK_BANDS: readonly RiskBand[] = ['Low', 'Medium', 'High', 'VeryHigh'];

/** The likelihood and impact a risk may carry. */
export interface IRiskScoring {
  likelihood?: number;
  impact?: number;
}

function onScale(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;
}

/** True when the risk has both a likelihood and an impact on the 1–5 scale. */
export function isScored(risk: IRiskScoring): risk is { likelihood: number; impact: number } {
  return onScale(risk.likelihood) && onScale(risk.impact);
}

/**
 * The band of a likelihood × impact score: 1–4 low, 5–9 medium, 10–16 high, 20–25 very high —
 * the usual split of a 5 × 5 matrix in UK public-sector risk registers (an organisation may set
 * its own; this one is the product's).
 * @throws RangeError for numbers off the 1–5 scale (callers check {@link isScored} first), naming
 * the first number off it as a refused field's value is named.
 */
export function riskBand(likelihood: number, impact: number): RiskBand {
  if (!onScale(likelihood) || !onScale(impact)) {
    const [field, value] = onScale(likelihood) ? (['impact', impact] as const) : (['likelihood', likelihood] as const);
    throw new RangeError(new DomainValidationError(fieldName(field), value, message('scoreRange', {})).message);
  }
  const score: number = likelihood * impact;
  if (score <= 4) {
    return 'Low';
  }
  if (score <= 9) {
    return 'Medium';
  }
  return score <= 16 ? 'High' : 'VeryHigh';
}

/**
 * Fill and text per band, from the RAG palette (so each label on its fill keeps its 4.5:1
 * contrast, and a band is never shown by its colour alone).
 */
export const RISK_BAND_COLOURS: { readonly [band in RiskBand]: IRagColours } = {
  Low: RAG_COLOURS.Green,
  Medium: RAG_COLOURS.Amber,
  High: RAG_COLOURS['Amber/Red'],
  VeryHigh: RAG_COLOURS.Red
};

/** Risks counted into the matrix: `cells[likelihood - 1][impact - 1]`, and those not scored. */
export interface IRiskMatrix<T extends IRiskScoring> {
  cells: T[][][];
  notScored: T[];
}

/** Places each risk in its cell of the 5 × 5 matrix, or among those not scored. */
export function riskMatrix<T extends IRiskScoring>(risks: readonly T[]): IRiskMatrix<T> {
  const cells: T[][][] = RISK_SCALE.map(() => RISK_SCALE.map((): T[] => []));
  const notScored: T[] = [];
  for (const r of risks) {
    if (isScored(r)) {
      cells[r.likelihood - 1][r.impact - 1].push(r);
    } else {
      notScored.push(r);
    }
  }
  return { cells, notScored };
}
