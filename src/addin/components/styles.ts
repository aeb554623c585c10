import { FontWeights, mergeStyleSets, type ITheme } from '@fluentui/react/lib/Styling';
import type { IFindingClassNames } from '../../ui/severity';

/** The task pane's class names, from the theme. */
export interface IPaneClassNames extends IFindingClassNames {
  root: string;
  header: string;
  title: string;
  subtitle: string;
  section: string;
  sectionHeading: string;
  groupHeading: string;
  intro: string;
  /** Beside the sections, with their side padding: the period's state, between the source and the rest. */
  aside: string;
  muted: string;
  buttons: string;
  button: string;
  findingGroup: string;
  findingSummary: string;
  status: string;
  summary: string;
  reviewList: string;
  reviewItem: string;
  reviewTitle: string;
  reviewStatus: string;
  changes: string;
  lost: string;
  preview: string;
  previewTools: string;
  outcome: string;
}

/** Class names for the pane. Widths are fluid: Word's task pane is 320 px or more, and resizable. */
export function paneClassNames(theme: ITheme): IPaneClassNames {
  const { palette, semanticColors, fonts } = theme;
  return mergeStyleSets({
    root: {
      ...fonts.medium,
      color: semanticColors.bodyText,
      background: semanticColors.bodyBackground,
      minHeight: '100vh',
      boxSizing: 'border-box',
      padding: '0 0 24px'
    },
    header: {
      padding: '12px 16px 10px',
      borderBottom: `1px solid ${semanticColors.bodyDivider}`,
      background: palette.neutralLighterAlt
    },
    title: { ...fonts.xLarge, fontWeight: FontWeights.semibold, margin: 0 },
    subtitle: { ...fonts.medium, color: palette.neutralSecondary, margin: '2px 0 0' },
    section: {
      padding: '12px 16px 4px',
      selectors: { '& + &': { borderTop: `1px solid ${semanticColors.bodyDivider}` } }
    },
    sectionHeading: { ...fonts.large, fontWeight: FontWeights.semibold, margin: '0 0 8px' },
    groupHeading: { ...fonts.medium, fontWeight: FontWeights.semibold, margin: '12px 0 6px' },
    intro: { margin: '0 0 8px', color: palette.neutralPrimary },
    aside: { padding: '0 16px' },
    muted: { margin: '4px 0 8px', color: palette.neutralSecondary },
    buttons: { display: 'flex', flexDirection: 'column', gap: 6, margin: '0 0 8px' },
    button: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', height: 'auto', minHeight: 32, padding: '4px 12px' },
    findingGroup: {
      margin: '0 0 6px',
      border: `1px solid ${semanticColors.bodyDivider}`,
      borderRadius: 2
    },
    findingSummary: {
      cursor: 'pointer',
      padding: '6px 8px',
      fontWeight: FontWeights.semibold,
      selectors: { ':focus-visible': { outline: `2px solid ${palette.themePrimary}`, outlineOffset: -2 } }
    },
    findings: { listStyle: 'none', margin: 0, padding: '0 8px 6px' },
    finding: { padding: '4px 0', borderTop: `1px solid ${palette.neutralLighter}` },
    severity: { fontWeight: FontWeights.semibold, marginRight: 2 },
    severityError: { color: palette.redDark },
    severityWarning: { color: '#8a4b00' },
    severityInfo: { color: palette.neutralSecondary },
    status: { margin: '8px 0' },
    summary: { selectors: { ':focus': { outline: 'none' }, ':focus-visible': { outline: `2px solid ${palette.themePrimary}` } } },
    reviewList: { listStyle: 'none', margin: '8px 0', padding: 0 },
    reviewItem: { padding: '8px 0', borderTop: `1px solid ${semanticColors.bodyDivider}` },
    reviewTitle: { fontWeight: FontWeights.semibold, margin: 0 },
    reviewStatus: { margin: '2px 0 4px', color: palette.neutralSecondary },
    changes: { margin: '4px 0', paddingLeft: 18 },
    lost: { margin: '4px 0 4px 26px', color: palette.neutralSecondary, overflowWrap: 'anywhere' },
    preview: {
      margin: '8px 0',
      padding: '8px 10px',
      border: `1px solid ${semanticColors.bodyDivider}`,
      background: '#ffffff',
      color: '#000000',
      fontFamily: 'Arial, "Segoe UI", sans-serif',
      fontSize: 13,
      lineHeight: '1.4',
      overflowWrap: 'break-word',
      selectors: {
        '& .ph-block': { margin: '0 0 16px' },
        '& h1': { fontSize: 18, fontWeight: 700, margin: '12px 0 6px' },
        '& h1.ph-title': { fontSize: 20 },
        '& h2': { fontSize: 16, fontWeight: 700, margin: '14px 0 6px', paddingTop: 8, borderTop: '1px dashed #a19f9d' },
        '& h3': { fontSize: 14, fontWeight: 700, margin: '10px 0 4px' },
        '& p': { margin: '0 0 6px' },
        '& ul': { margin: '0 0 6px', paddingLeft: 20 },
        // The renderer fixes column widths for Word's A4 page; in a narrow pane a RAG label
        // ("Green/Amber") must not break mid-word, so the browser may widen its column.
        '& table': { margin: '4px 0 10px', fontSize: 12, tableLayout: 'auto !important' },
        '& caption': { fontSize: 11, color: '#605e5c', padding: '0 0 2px' },
        '& td, & th': { overflowWrap: 'break-word' }
      }
    },
    previewTools: { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-end', margin: '12px 0 8px' },
    outcome: { margin: 0, paddingLeft: 18 }
  });
}
