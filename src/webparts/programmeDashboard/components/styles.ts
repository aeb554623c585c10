import {
  HighContrastSelector,
  hiddenContentStyle,
  type IProcessedStyleSet,
  type IStyle,
  type ITheme,
  mergeStyleSets
} from '@fluentui/react/lib/Styling';
import type { IFindingClassNames } from '../../../ui/severity';

/** The dashboard's class names, built from the host's theme. */
export interface IDashboardClassNames extends IFindingClassNames {
  root: string;
  rootTeams: string;
  visuallyHidden: string;
  heading: string;
  subHeading: string;
  sectionHeading: string;
  muted: string;
  overdue: string;
  columns: string;
  column: string;
  wideColumn: string;
  card: string;
  scrollRegion: string;
  stacked: string;
  table: string;
  numberCell: string;
  actionsCell: string;
  actions: string;
  badge: string;
  direction: string;
  ragCell: string;
  detailsList: string;
  richText: string;
  conflictField: string;
  conflictFieldHeading: string;
  marker: string;
  conflictFieldChanged: string;
  conflictVersions: string;
  conflictVersion: string;
  preserved: string;
  form: string;
  yourVersion: string;
  footer: string;
  toolbar: string;
  feedbackItem: string;
  callout: string;
  calloutHeading: string;
  stateLine: string;
  /** A row's link to its theme's journey, under the theme's name. */
  journeyLink: string;
  /** A colour key: each colour with its label, side by side where they fit. */
  keyList: string;
  history: string;
  owedList: string;
  owedNone: string;
  calloutList: string;
  banner: string;
  bannerText: string;
  officeActions: string;
  panelBody: string;
  notice: string;
  noticeError: string;
  noticeWarning: string;
  noticeText: string;
  noticeSuccess: string;
  /** The dismiss "×" of a notice. */
  noticeDismiss: string;
  plainButton: string;
  /** Button's emphasised look (Fluent's PrimaryButton). */
  primaryButton: string;
  /** Button's borderless look (Fluent's ActionButton). */
  actionButton: string;
  /** A square button with an icon only (a row's "More actions"). */
  iconButton: string;
  /** A button's icon, before its words. */
  buttonIcon: string;
  /** The period picker's field before Fluent's drop-down has loaded. */
  pickerField: string;
  pickerLabel: string;
}

type ClassNames = IProcessedStyleSet<{ [key in keyof IDashboardClassNames]: IStyle }>;

/**
 * Class names for the dashboard. Colours come from the theme's semantic slots so that the
 * SharePoint theme and Teams' default, dark and high-contrast themes all read well; RAG fills
 * keep their own colours (always with their label), and borders keep cells distinct when the
 * operating system forces its own colours.
 */
export function getClassNames(theme: ITheme): ClassNames {
  const s = theme.semanticColors;
  const p = theme.palette;
  const border: string = `1px solid ${s.bodyDivider}`;
  const highContrastBorder: IStyle = { selectors: { [HighContrastSelector]: { border: '1px solid WindowText' } } };
  const focusOutline: IStyle = { selectors: { ':focus-visible': { outline: `2px solid ${s.focusBorder}`, outlineOffset: '2px' } } };
  return mergeStyleSets({
    root: {
      color: s.bodyText,
      background: s.bodyBackground,
      fontFamily: theme.fonts.medium.fontFamily,
      fontSize: theme.fonts.medium.fontSize,
      padding: 16,
      boxSizing: 'border-box',
      maxWidth: '100%',
      // Break a word only when it cannot fit a line on its own (a long address). `anywhere`
      // would also let tables shrink their columns below a word's width and split words
      // letter by letter ("O/pe/n").
      overflowWrap: 'break-word'
    },
    rootTeams: { padding: 8 },
    visuallyHidden: hiddenContentStyle,
    heading: { ...theme.fonts.xLarge, margin: '0 0 4px' },
    subHeading: { ...theme.fonts.mediumPlus, color: s.bodySubtext, margin: '0 0 16px' },
    sectionHeading: { ...theme.fonts.large, margin: '24px 0 8px' },
    muted: { color: s.bodySubtext },
    overdue: { color: s.errorText, fontWeight: 600 },
    columns: { display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' },
    column: { flex: '1 1 300px', minWidth: 0, maxWidth: '100%' },
    wideColumn: { flex: '2 1 420px', minWidth: 0, maxWidth: '100%' },
    card: [{ border, padding: 12, background: s.bodyStandoutBackground, minWidth: 0 }, highContrastBorder],
    // Tables keep their columns and scroll sideways in a narrow Teams tab; the region is
    // focusable so keyboard users can scroll it too.
    scrollRegion: [{ overflowX: 'auto', maxWidth: '100%' }, focusOutline],
    // Below 600 px of container (see ScrollRegion), each table row becomes a card: the row's
    // heading (or first cell) on top, then each value under its column's heading, shown from
    // the cell's data-label. The label's alternative text is empty ("/ ''"): screen readers
    // already hear the column header through the table roles ScrollRegion sets.
    stacked: {
      overflowX: 'visible',
      selectors: {
        'table, tbody, tr, th, td': { display: 'block', width: 'auto', minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
        // A caption left as a table caption in a table shown as a block takes the narrowest width
        // its words allow (a column a word or two wide): it spans the cards instead.
        caption: { display: 'block' },
        thead: hiddenContentStyle,
        'table > tbody > tr': [
          { border, padding: '8px 12px', margin: '0 0 8px', background: s.bodyStandoutBackground },
          { selectors: { [HighContrastSelector]: { border: '1px solid WindowText' } } }
        ],
        'table > tbody > tr > th, table > tbody > tr > td': { border: 'none', padding: '2px 0', whiteSpace: 'normal' },
        'table > tbody > tr > th': { ...theme.fonts.mediumPlus, fontWeight: 600, padding: '0 0 4px' },
        'table > tbody > tr > td[data-label]::before': {
          content: 'attr(data-label) / ""',
          display: 'block',
          fontSize: theme.fonts.small.fontSize,
          fontWeight: 600,
          color: s.bodySubtext
        },
        'table > tbody > tr > td:empty': { display: 'none' }
      }
    },
    table: {
      borderCollapse: 'collapse',
      width: '100%',
      selectors: {
        'th, td': { border, padding: '6px 8px', textAlign: 'left', verticalAlign: 'top' },
        'thead th': { background: s.bodyStandoutBackground, fontWeight: 600 },
        'tbody th': { fontWeight: 600 },
        caption: { textAlign: 'left', fontWeight: 600, padding: '0 0 6px' },
        [HighContrastSelector]: { selectors: { 'th, td': { border: '1px solid WindowText' } } }
      }
    },
    numberCell: { width: '3em', whiteSpace: 'nowrap' },
    actionsCell: { width: '1%', whiteSpace: 'nowrap' },
    actions: { display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' },
    badge: [
      {
        display: 'inline-block',
        padding: '2px 8px',
        borderRadius: 2,
        fontWeight: 600,
        whiteSpace: 'nowrap',
        border: `1px solid ${s.inputBorder}`
      },
      { selectors: { [HighContrastSelector]: { border: '2px solid WindowText' } } }
    ],
    direction: { display: 'inline-block', marginLeft: 6, minWidth: '1em', color: s.bodyText },
    ragCell: { whiteSpace: 'nowrap' },
    detailsList: {
      display: 'grid',
      gridTemplateColumns: 'minmax(8em, max-content) 1fr',
      gap: '4px 12px',
      margin: '0 0 12px',
      selectors: { dt: { fontWeight: 600 }, dd: { margin: 0 } }
    },
    richText: { selectors: { p: { margin: '0 0 8px' }, ul: { margin: '0 0 8px', paddingLeft: 20 }, h4: { margin: '8px 0 4px' } } },
    findings: { listStyle: 'none', padding: 0, margin: 0 },
    finding: { display: 'flex', gap: 8, alignItems: 'flex-start', padding: '6px 0', borderBottom: border },
    severity: [{ flex: '0 0 auto', fontWeight: 600, padding: '0 6px', border: '1px solid' }, highContrastBorder],
    severityError: { color: s.errorText, borderColor: s.errorText },
    severityWarning: { color: s.warningText || s.bodyText, borderColor: s.warningText || s.bodyText },
    severityInfo: { color: s.bodySubtext, borderColor: s.bodySubtext },
    conflictField: { borderLeft: `4px solid transparent`, padding: '4px 0 8px 8px', margin: '0 0 8px' },
    conflictFieldHeading: { ...theme.fonts.medium, fontWeight: 600, margin: '0 0 4px', display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline' },
    marker: [{ fontSize: theme.fonts.small.fontSize, fontWeight: 600, border: '1px solid', padding: '0 4px' }, highContrastBorder],
    conflictFieldChanged: { borderLeftColor: p.themePrimary, background: s.bodyStandoutBackground },
    conflictVersions: { display: 'flex', flexWrap: 'wrap', gap: 8 },
    conflictVersion: [{ flex: '1 1 220px', minWidth: 0, border, padding: 8, whiteSpace: 'pre-wrap', userSelect: 'text' }, highContrastBorder],
    preserved: { whiteSpace: 'pre-wrap', border, padding: 8, margin: '4px 0 0', userSelect: 'text', fontFamily: 'inherit' },
    form: { display: 'flex', flexDirection: 'column', gap: 12, paddingBottom: 16 },
    yourVersion: { color: s.bodySubtext, whiteSpace: 'pre-wrap', borderLeft: `3px solid ${p.themePrimary}`, paddingLeft: 8, marginTop: 4 },
    footer: { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' },
    toolbar: { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', margin: '0 0 12px' },
    feedbackItem: { padding: '8px 0', borderBottom: border },
    // Something the reader must not miss (a report sent back, what stops a submission): a bar
    // in the theme's warning colour and the text in the body colour, with a border of its own
    // when the operating system forces colours.
    callout: [
      {
        borderLeft: `6px solid ${s.warningHighlight || p.yellow}`,
        background: s.bodyStandoutBackground,
        padding: '8px 12px',
        margin: '0 0 12px',
        selectors: { p: { margin: '0 0 4px' } }
      },
      highContrastBorder
    ],
    calloutHeading: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: '0 0 4px' },
    stateLine: { fontWeight: 600 },
    journeyLink: { ...theme.fonts.small, fontWeight: 400, padding: '4px 0 0' },
    keyList: { listStyle: 'none', padding: 0, margin: '0 0 12px', display: 'flex', flexWrap: 'wrap', gap: 8 },
    calloutList: { margin: '4px 0 0', paddingLeft: 20 },
    // A locked period's banner: what the reader is looking at, before anything else.
    banner: [
      {
        border,
        borderLeft: `6px solid ${p.themePrimary}`,
        background: s.bodyStandoutBackground,
        padding: '12px 16px',
        margin: '0 0 16px',
        display: 'flex',
        flexWrap: 'wrap',
        gap: 12,
        alignItems: 'center',
        justifyContent: 'space-between'
      },
      highContrastBorder
    ],
    bannerText: { ...theme.fonts.mediumPlus, fontWeight: 600, margin: 0, flex: '1 1 320px', minWidth: 0 },
    // The first view's notices and buttons, drawn here rather than with Fluent's MessageBar and
    // Button so that the first load does not carry their menus and callouts (see lazy.tsx).
    notice: [
      {
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 12,
        padding: '8px 12px',
        margin: '0 0 12px',
        borderLeft: '6px solid',
        color: s.messageText || s.bodyText
      },
      highContrastBorder
    ],
    noticeError: { background: s.errorBackground, borderLeftColor: s.errorText || p.redDark },
    noticeWarning: { background: s.warningBackground, borderLeftColor: s.warningHighlight || p.yellow },
    noticeText: { flex: '1 1 240px', minWidth: 0, margin: 0 },
    noticeSuccess: { background: s.successBackground, borderLeftColor: p.green },
    noticeDismiss: [
      {
        flex: '0 0 auto',
        minWidth: 32,
        height: 32,
        padding: 0,
        border: '1px solid transparent',
        background: 'transparent',
        color: 'inherit',
        fontSize: theme.fonts.large.fontSize,
        lineHeight: 1,
        cursor: 'pointer',
        selectors: {
          ':hover': { background: s.buttonBackgroundHovered },
          [HighContrastSelector]: { borderColor: 'ButtonText', color: 'ButtonText', background: 'ButtonFace' }
        }
      },
      focusOutline
    ],
    plainButton: [
      {
        ...theme.fonts.medium,
        fontWeight: 600,
        minWidth: 80,
        minHeight: 32,
        padding: '0 16px',
        borderRadius: theme.effects.roundedCorner2,
        border: `1px solid ${s.buttonBorder}`,
        background: s.buttonBackground,
        color: s.buttonText,
        cursor: 'pointer',
        selectors: {
          ':hover': { background: s.buttonBackgroundHovered, color: s.buttonTextHovered },
          ':active': { background: s.buttonBackgroundPressed, color: s.buttonTextPressed },
          ':disabled, &[aria-disabled="true"]': { background: s.buttonBackgroundDisabled, color: s.buttonTextDisabled, borderColor: s.buttonBackgroundDisabled, cursor: 'default' },
          [HighContrastSelector]: {
            border: '1px solid ButtonText',
            color: 'ButtonText',
            background: 'ButtonFace',
            // Unavailable, in the operating system's colours: grey words and border, as Fluent's.
            selectors: { ':disabled, &[aria-disabled="true"]': { color: 'GrayText', borderColor: 'GrayText' } }
          }
        }
      },
      focusOutline
    ],
    primaryButton: {
      borderColor: s.primaryButtonBorder || s.primaryButtonBackground,
      background: s.primaryButtonBackground,
      color: s.primaryButtonText,
      selectors: {
        ':hover': { background: s.primaryButtonBackgroundHovered, color: s.primaryButtonTextHovered },
        ':active': { background: s.primaryButtonBackgroundPressed, color: s.primaryButtonTextPressed },
        ':disabled, &[aria-disabled="true"]': { background: s.primaryButtonBackgroundDisabled, color: s.primaryButtonTextDisabled, borderColor: s.primaryButtonBackgroundDisabled },
        // Fluent's primary button in high contrast: the system's highlight colours.
        [HighContrastSelector]: { color: 'HighlightText', background: 'Highlight', borderColor: 'Highlight', forcedColorAdjust: 'none' }
      }
    },
    actionButton: {
      fontWeight: 400,
      minWidth: 0,
      minHeight: 40,
      padding: '0 4px',
      border: '1px solid transparent',
      background: 'transparent',
      color: s.actionLink,
      selectors: {
        ':hover': { background: 'transparent', color: s.actionLinkHovered || p.themeDarker },
        ':active': { background: 'transparent', color: p.themeDark },
        ':disabled, &[aria-disabled="true"]': { background: 'transparent', borderColor: 'transparent' },
        [HighContrastSelector]: { borderColor: 'transparent', color: 'LinkText', background: 'transparent' }
      }
    },
    iconButton: {
      minWidth: 32,
      width: 32,
      padding: 0,
      border: '1px solid transparent',
      background: 'transparent',
      color: p.themePrimary,
      selectors: {
        ':hover': { background: s.buttonBackgroundHovered, color: p.themeDarkAlt },
        '&[aria-expanded="true"]': { background: s.buttonBackgroundPressed, color: p.themeDark },
        [HighContrastSelector]: { borderColor: 'transparent', color: 'ButtonText', background: 'ButtonFace' }
      }
    },
    buttonIcon: { margin: '0 6px 0 0', fontSize: 16, lineHeight: 1, verticalAlign: 'middle' },
    pickerLabel: { display: 'block', fontWeight: 600, padding: '5px 0' },
    pickerField: [
      {
        display: 'flex',
        alignItems: 'center',
        boxSizing: 'border-box',
        height: 32,
        padding: '0 28px 0 8px',
        border: `1px solid ${s.inputBorder}`,
        borderRadius: theme.effects.roundedCorner2,
        background: s.inputBackground,
        color: s.inputText,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        selectors: { [HighContrastSelector]: { border: '1px solid WindowText' } }
      },
      focusOutline
    ],
    panelBody: { display: 'flex', flexDirection: 'column', gap: 12, padding: '8px 0 16px', selectors: { '> p': { margin: 0 } } },
    officeActions: { whiteSpace: 'nowrap', width: '1%', selectors: { '> div': { flexWrap: 'nowrap' } } },
    owedList: { listStyle: 'none', padding: 0, margin: 0, selectors: { li: { display: 'inline' } } },
    owedNone: [{ border, padding: '8px 12px', margin: '0 0 12px', background: s.bodyStandoutBackground }, highContrastBorder],
    history: { listStyle: 'none', padding: 0, margin: '0 0 12px', selectors: { li: { padding: '4px 0', borderBottom: border }, 'li > span': { display: 'block' } } }
  });
}
