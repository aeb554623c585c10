import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';

import * as strings from 'ProgrammeDashboardWebPartStrings';
import { Loading } from './components/Loading';

/** The web part's saved properties (the Teams tab's configuration lives here too). */
export interface IProgrammeDashboardWebPartProps {
  /** When set, the dashboard shows this workstream only (a workstream group's Teams tab). */
  workstreamCode: string;
}

/** The programme dashboard, on a SharePoint page or as a Teams tab. */
export default class ProgrammeDashboardWebPart extends BaseClientSideWebPart<IProgrammeDashboardWebPartProps> {
  public render(): void {
    ReactDom.render(React.createElement(Loading, { label: strings.Loading }), this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.SettingsGroupName,
              groupFields: [
                PropertyPaneTextField('workstreamCode', {
                  label: strings.WorkstreamFieldLabel,
                  description: strings.WorkstreamFieldDescription
                })
              ]
            }
          ]
        }
      ]
    };
  }
}
