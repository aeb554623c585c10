import * as React from 'react';
import { HighContrastSelector, type IProcessedStyleSet, type IStyle, type ITheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';

/** Class names of the programme view's trends, filter and risk matrix. */
export interface IGlanceClassNames {
  filterBar: string;
  checkbox: string;
  filterResult: string;
  trends: string;
  trend: string;
  trendName: string;
  trendCells: string;
  trendCell: string;
  trendLatest: string;
  key: string;
  matrix: string;
  matrixCell: string;
  matrixCount: string;
  matrixBand: string;
  countButton: string;
  riskList: string;
  riskItem: string;
  notScored: string;
}

type ClassNames = IProcessedStyleSet<{ [key in keyof IGlanceClassNames]: IStyle }>;

/**
 * Styles from the host's theme. Words never break inside themselves (the root lets long words
 * wrap anywhere, which at a phone's width splits "Moderate" letter by letter): the matrix keeps
 * whole words and scrolls sideways in its region instead.
 */
export function getGlanceClassNames(theme: ITheme): ClassNames {
  const s = theme.semanticColors;
  const border: string = `1px solid ${s.bodyDivider}`;
  const highContrastBorder: IStyle = { selectors: { [HighContrastSelector]: { border: '1px solid WindowText' } } };
  const wholeWords: IStyle = { overflowWrap: 'normal', wordBreak: 'normal', hyphens: 'manual' };
  return mergeStyleSets({
    filterBar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px', margin: '0 0 8px' },
    checkbox: { width: 20, height: 20, margin: 0, accentColor: theme.palette.themePrimary },
    filterResult: { flex: '1 1 100%', margin: 0, color: s.bodySubtext },
    trends: { listStyle: 'none', padding: 0, margin: '0 0 8px' },
    trend: { padding: '6px 0', borderBottom: border, display: 'flex', flexWrap: 'wrap', gap: '4px 12px', alignItems: 'center' },
    trendName: { flex: '1 1 200px', minWidth: 0, fontWeight: 600 },
    trendCells: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 2 },
    trendCell: [
      {
        display: 'inline-block',
        minWidth: 28,
        padding: '1px 2px',
        textAlign: 'center',
        fontSize: theme.fonts.small.fontSize,
        fontWeight: 600,
        border: `1px solid ${s.inputBorder}`,
        whiteSpace: 'nowrap'
      },
      highContrastBorder
    ],
    trendLatest: { flex: '0 0 auto', whiteSpace: 'nowrap' },
    key: { display: 'flex', flexWrap: 'wrap', gap: '4px 12px', margin: '0 0 12px', padding: 0, listStyle: 'none', color: s.bodySubtext, selectors: { li: { whiteSpace: 'nowrap' } } },
    matrix: {
      borderCollapse: 'collapse',
      ...wholeWords,
      selectors: {
        'th, td': { border, padding: '4px 6px', textAlign: 'center', verticalAlign: 'middle', ...wholeWords },
        'thead th': { background: s.bodyStandoutBackground, fontWeight: 600, fontSize: theme.fonts.small.fontSize },
        'tbody th': { fontWeight: 600, fontSize: theme.fonts.small.fontSize, textAlign: 'left' },
        caption: { textAlign: 'left', fontWeight: 600, padding: '0 0 6px' },
        [HighContrastSelector]: { selectors: { 'th, td': { border: '1px solid WindowText' } } }
      }
    },
    matrixCell: { minWidth: 48 },
    matrixCount: { display: 'block', fontWeight: 600, fontSize: theme.fonts.mediumPlus.fontSize },
    matrixBand: { display: 'block', fontSize: theme.fonts.small.fontSize },
    // A count on its band's fill: text in the band's own readable colour, a focus ring in it too.
    countButton: {
      font: 'inherit',
      fontWeight: 600,
      color: 'inherit',
      background: 'transparent',
      border: '1px solid currentColor',
      borderRadius: 2,
      minWidth: 32,
      minHeight: 28,
      cursor: 'pointer',
      textDecoration: 'underline',
      selectors: {
        ':focus-visible': { outline: '3px solid currentColor', outlineOffset: 1 },
        '[aria-pressed="true"]': { outline: '3px double currentColor', textDecoration: 'none' },
        [HighContrastSelector]: { color: 'ButtonText', borderColor: 'ButtonText', background: 'ButtonFace' }
      }
    },
    riskList: { padding: 0, margin: '4px 0 12px', listStyle: 'none' },
    riskItem: { padding: '6px 0', borderBottom: border, selectors: { '> span': { display: 'block' } } },
    notScored: { margin: '8px 0' }
  });
}

/** The glance class names for the theme in force. */
export function useGlanceClassNames(): IGlanceClassNames {
  const theme = useTheme();
  return React.useMemo(() => getGlanceClassNames(theme), [theme]);
}
