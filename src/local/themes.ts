/**
 * Themes for trying the dashboard as SharePoint and Teams show it: Teams' default, dark and high
 * contrast palettes as Fluent UI themes. In SharePoint and Teams the host supplies the theme;
 * these stand in for it on the local stack.
 */
import { createTheme, type ITheme } from '@fluentui/react/lib/Styling';

/** The themes on offer. */
export type ThemeName = 'default' | 'dark' | 'contrast';

const DEFAULT: ITheme = createTheme({
  palette: {
    themePrimary: '#4f52b2',
    themeLighterAlt: '#f6f6fc',
    themeLighter: '#dcddf4',
    themeLight: '#bebfeb',
    themeTertiary: '#8587d5',
    themeSecondary: '#5a5cbd',
    themeDarkAlt: '#474aa0',
    themeDark: '#3c3e87',
    themeDarker: '#2c2e63',
    neutralLighterAlt: '#faf9f8',
    neutralLighter: '#f3f2f1',
    neutralLight: '#edebe9',
    neutralQuaternaryAlt: '#e1dfdd',
    neutralQuaternary: '#d0d0d0',
    neutralTertiaryAlt: '#c8c6c4',
    neutralTertiary: '#8a8886',
    neutralSecondary: '#605e5c',
    neutralPrimaryAlt: '#3b3a39',
    neutralPrimary: '#242424',
    neutralDark: '#201f1e',
    black: '#000000',
    white: '#ffffff'
  }
});

const DARK: ITheme = createTheme({
  isInverted: true,
  palette: {
    themePrimary: '#a6a7dc',
    themeLighterAlt: '#07070d',
    themeLighter: '#1b1b2f',
    themeLight: '#313261',
    themeTertiary: '#6466b5',
    themeSecondary: '#9193d9',
    themeDarkAlt: '#b0b1e1',
    themeDark: '#bfc0e6',
    themeDarker: '#d4d5ef',
    neutralLighterAlt: '#292929',
    neutralLighter: '#2e2e2e',
    neutralLight: '#383838',
    neutralQuaternaryAlt: '#404040',
    neutralQuaternary: '#474747',
    neutralTertiaryAlt: '#5e5e5e',
    neutralTertiary: '#c8c8c8',
    neutralSecondary: '#d0d0d0',
    neutralPrimaryAlt: '#dadada',
    neutralPrimary: '#ffffff',
    neutralDark: '#f4f4f4',
    black: '#f8f8f8',
    white: '#1f1f1f'
  }
});

const CONTRAST: ITheme = createTheme({
  isInverted: true,
  palette: {
    themePrimary: '#ffff00',
    themeLighterAlt: '#0a0a00',
    themeLighter: '#292900',
    themeLight: '#4d4d00',
    themeTertiary: '#999900',
    themeSecondary: '#e0e000',
    themeDarkAlt: '#ffff19',
    themeDark: '#ffff3d',
    themeDarker: '#ffff70',
    neutralLighterAlt: '#0b0b0b',
    neutralLighter: '#151515',
    neutralLight: '#252525',
    neutralQuaternaryAlt: '#2f2f2f',
    neutralQuaternary: '#373737',
    neutralTertiaryAlt: '#595959',
    neutralTertiary: '#e0e0e0',
    neutralSecondary: '#e8e8e8',
    neutralPrimaryAlt: '#f0f0f0',
    neutralPrimary: '#ffffff',
    neutralDark: '#f8f8f8',
    black: '#ffffff',
    white: '#000000'
  },
  semanticColors: {
    link: '#ffff00',
    linkHovered: '#ffff70',
    inputBorder: '#ffffff',
    buttonBorder: '#ffffff',
    bodyDivider: '#ffffff',
    disabledText: '#3ff23f',
    focusBorder: '#ffff00'
  }
});

/** A theme by name. */
export function themeNamed(name: ThemeName): ITheme {
  return name === 'dark' ? DARK : name === 'contrast' ? CONTRAST : DEFAULT;
}
