import { RAG_COLOURS, RISK_BAND_COLOURS, isScored, riskBand, riskMatrix } from '../../src/domain';

describe('the 5 × 5 risk matrix', () => {
  it('bands each likelihood × impact score: 1–4 low, 5–9 medium, 10–16 high, 20–25 very high', () => {
    const grid: string[][] = [1, 2, 3, 4, 5].map((l) => [1, 2, 3, 4, 5].map((i) => riskBand(l, i)));
    expect(grid).toEqual([
      ['Low', 'Low', 'Low', 'Low', 'Medium'],
      ['Low', 'Low', 'Medium', 'Medium', 'High'],
      ['Low', 'Medium', 'Medium', 'High', 'High'],
      ['Low', 'Medium', 'High', 'High', 'VeryHigh'],
      ['Medium', 'High', 'High', 'VeryHigh', 'VeryHigh']
    ]);
  });

  it('refuses a score off the scale instead of banding it', () => {
    expect(() => riskBand(0, 3)).toThrow(RangeError);
    expect(() => riskBand(3, 6)).toThrow('Impact: 6 must be a whole number from 1 to 5.');
    expect(() => riskBand(2.5, 2)).toThrow(RangeError);
  });

  it('counts a risk as scored only with both numbers on the scale', () => {
    expect(isScored({ likelihood: 3, impact: 4 })).toBe(true);
    expect(isScored({ likelihood: 3 })).toBe(false);
    expect(isScored({ impact: 4 })).toBe(false);
    expect(isScored({})).toBe(false);
    expect(isScored({ likelihood: 6, impact: 1 })).toBe(false);
  });

  it('places each risk in its cell, and the unscored apart, losing none', () => {
    const risks = [
      { id: 1, likelihood: 5, impact: 5 },
      { id: 2, likelihood: 1, impact: 5 },
      { id: 3, likelihood: 5, impact: 5 },
      { id: 4, likelihood: 2 },
      { id: 5 }
    ];
    const m = riskMatrix(risks);
    expect(m.cells[4][4].map((r) => r.id)).toEqual([1, 3]);
    expect(m.cells[0][4].map((r) => r.id)).toEqual([2]);
    expect(m.notScored.map((r) => r.id)).toEqual([4, 5]);
    const placed: number = m.cells.reduce((n, row) => n + row.reduce((k, cell) => k + cell.length, 0), 0);
    expect(placed + m.notScored.length).toBe(risks.length);
  });

  it('colours the bands from the RAG palette, each with its readable text colour', () => {
    expect(RISK_BAND_COLOURS.Low).toEqual(RAG_COLOURS.Green);
    expect(RISK_BAND_COLOURS['VeryHigh']).toEqual({ fill: 'C00000', text: 'FFFFFF' });
  });
});
