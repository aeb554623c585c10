/**
 * The close-down block (src/report/closeDown.ts) over a phase built here: the paper's columns,
 * each destination labelled in words as well as shaded, a row without a destination saying so
 * unshaded, a theme named on its first row, the colour key, and the same block in HTML.
 */
import type { ICloseDownItem, IPhase, IWorkstream } from '../../src/domain';
import { blocksToHtml, buildCloseDownBlock, DESTINATION_LABELS, DESTINATION_STYLES, NO_DESTINATION_LABEL, type ITable } from '../../src/report';
import { CLOSE_DOWN_DESTINATIONS } from '../../src/domain';

const phase: IPhase = { id: 4, title: 'Year one', start: '2025-01-01', state: 'Closing' };
const ws = (id: number, title: string): IWorkstream => ({ id, code: `W${id}`, title, description: '', outcomes: [], projectManagers: [], pmoSupport: [], order: id });
const item = (id: number, workstreamId: number, extra: Partial<ICloseDownItem>): ICloseDownItem => ({ id, phaseId: 4, workstreamId, task: `Task ${id}`, sources: [], order: id, ...extra });

const workstreams = [ws(1, 'Finance'), ws(2, 'Housing'), ws(9, 'Growth (year two)')];
const items: ICloseDownItem[] = [
  item(3, 2, { outstanding: 'Survey the rest', destination: undefined }),
  item(1, 1, { undertaken: 'Budget agreed', evidence: 'Board minutes, March', destination: 'Completed' }),
  item(2, 1, { outstanding: 'Savings plan', destination: 'NextPhaseTheme', destinationWorkstreamId: 9 })
];

const cellText = (t: ITable, row: number, col: number): string[] => t.rows[row].cells[col].paragraphs.map((p) => p.runs.map((r) => r.text).join(''));

describe('the close-down block', () => {
  const block = buildCloseDownBlock({ phase, items, workstreams });
  const tables = block.content.filter((n): n is ITable => n.type === 'table');
  const [key, table] = tables;

  it("has the paper's columns in order, rows in order, and each theme named on its first row", () => {
    expect(block).toMatchObject({ kind: 'closeDown', title: 'Year one – close down of activity' });
    expect(table.rows[0].cells.map((c) => c.paragraphs[0].runs[0].text)).toEqual(['Theme', 'Year one Tasks/Actions', 'Activity Undertaken / Evidence – COMPLETED', 'Activity Outstanding', 'New Phase']);
    expect(table.rows.slice(1).map((r, i) => cellText(table, i + 1, 1)[0])).toEqual(['Task 1', 'Task 2', 'Task 3']);
    expect([cellText(table, 1, 0), cellText(table, 2, 0), cellText(table, 3, 0)]).toEqual([['Finance'], [], ['Housing']]);
    expect(cellText(table, 1, 2)).toEqual(['Budget agreed', 'Evidence: Board minutes, March']);
    expect(table.columnWidths.reduce((a, b) => a + b, 0)).toBe(9026);
  });

  it('names each destination in words as well as colour; a row without one says so and is not shaded', () => {
    expect(cellText(table, 1, 4)).toEqual([DESTINATION_LABELS.Completed]);
    expect(table.rows[1].cells[4].fill).toBe(DESTINATION_STYLES.Completed.fill);
    expect(cellText(table, 2, 4)).toEqual([DESTINATION_LABELS.NextPhaseTheme, 'Growth (year two)']);
    expect(cellText(table, 3, 4)).toEqual([NO_DESTINATION_LABEL]);
    expect(table.rows[3].cells[4].fill).toBeUndefined();
  });

  it('names each destination word for word as the paper does', () => {
    expect(CLOSE_DOWN_DESTINATIONS.map((d) => DESTINATION_LABELS[d])).toEqual([
      'Completed – no further action',
      'Moves to a theme of the next phase',
      'Moves to directorate business plans',
      'Kept under review'
    ]);
    expect(NO_DESTINATION_LABEL).toBe('No destination yet');
  });

  it('has a colour key giving every colour its label', () => {
    expect(key.rows.slice(1).map((r) => [r.cells[0].fill, r.cells[0].paragraphs[0].runs[0].text])).toEqual(
      CLOSE_DOWN_DESTINATIONS.map((d) => [DESTINATION_STYLES[d].fill, DESTINATION_LABELS[d]])
    );
  });

  it('renders to HTML with the labels', () => {
    const html = blocksToHtml([block]);
    for (const label of Object.values(DESTINATION_LABELS)) {
      expect(html).toContain(label);
    }
    expect(html).toContain(NO_DESTINATION_LABEL);
  });

  it('says when a phase has no rows yet', () => {
    const empty = buildCloseDownBlock({ phase, items: [], workstreams }).content.filter((n): n is ITable => n.type === 'table')[1];
    expect(cellText(empty, 1, 0)).toEqual(['Year one has no close-down rows yet.']);
  });
});
