define([], function () {
  return {
    PropertyPaneDescription: 'Choose what this dashboard shows. In a Teams tab, pick the workstream the tab belongs to.',
    SettingsGroupName: 'Dashboard settings',
    WorkstreamFieldLabel: 'Workstream code',
    WorkstreamFieldDescription: 'Leave empty to show the whole programme; enter a workstream code (for example GOV) to show one workstream.',
    Loading: 'Loading the programme…'
  };
});
