/** The local workbench's own words (en-GB). The dashboard's come from its loc/ files. */
export const WORKBENCH_STRINGS = {
  Title: 'Programme Highlights — local workbench',
  Intro: 'The programme dashboard running against the local stack, as the person chosen below. Each person sees and may do what their SharePoint groups allow.',
  ActAs: 'Act as',
  Theme: 'Theme',
  ThemeDefault: 'Default',
  ThemeDark: 'Dark',
  ThemeContrast: 'High contrast',
  Host: 'Show as',
  HostSharePoint: 'SharePoint page',
  HostTeams: 'Teams tab',
  TabWorkstream: 'Teams tab workstream',
  WholeProgramme: 'Whole programme',
  OtherPages: 'Also on the local stack:',
  WordAddin: 'Word add-in (preview)',
  StackInfo: 'Endpoints, lists and users',
  LoadingUsers: 'Loading the people of the site…',
  UsersFailed: 'Could not read the site\u2019s users from the local stack. Is it running? Start it with "npm start".',
  Groups: 'groups'
};
