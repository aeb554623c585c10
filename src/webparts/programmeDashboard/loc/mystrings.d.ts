declare interface IProgrammeDashboardWebPartStrings {
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  WorkstreamFieldLabel: string;
  WorkstreamFieldDescription: string;
  Loading: string;
}

declare module 'ProgrammeDashboardWebPartStrings' {
  const strings: IProgrammeDashboardWebPartStrings;
  export = strings;
}
