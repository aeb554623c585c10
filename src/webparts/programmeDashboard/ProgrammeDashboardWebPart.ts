import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, type IPropertyPaneDropdownOption, PropertyPaneDropdown, PropertyPaneLabel } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import { createTheme, type ITheme } from '@fluentui/react/lib/Styling';
import { spfi, SPFx } from '@pnp/sp';

import * as strings from 'ProgrammeDashboardWebPartStrings';
import { PnpRepository } from '../../data/sharepoint/PnpRepository';
import type { IProgrammeRepository } from '../../data/repository';
import { ProgrammeDashboard, type IProgrammeDashboardProps } from './components/ProgrammeDashboard';

/** The web part's saved properties (a Teams tab's configuration lives here too). */
export interface IProgrammeDashboardWebPartProps {
  /** When set, the dashboard shows this workstream only (a workstream group's Teams tab). */
  workstreamCode: string;
}

/**
 * The programme dashboard, on a SharePoint page, a full page, a Teams tab or a Teams personal app.
 * It reads and writes the site's lists through PnPjs with SPFx's own authentication, and follows
 * the host's theme (SharePoint's, or Teams' default, dark and high contrast) as it changes.
 */
export default class ProgrammeDashboardWebPart extends BaseClientSideWebPart<IProgrammeDashboardWebPartProps> {
  private _repository!: IProgrammeRepository;
  private _theme: ITheme | undefined;
  private _workstreamOptions: IPropertyPaneDropdownOption[] | undefined;
  private _workstreamsFailed: boolean = false;

  protected async onInit(): Promise<void> {
    await super.onInit();
    // One repository for the web part's life: a new one on each render would reload everything.
    this._repository = new PnpRepository(spfi().using(SPFx(this.context)));
  }

  public render(): void {
    const props: IProgrammeDashboardProps = {
      repository: this._repository,
      workstreamCode: this.properties.workstreamCode || undefined,
      theme: this._theme,
      host: this.context.sdks.microsoftTeams ? 'teams' : 'sharepoint'
    };
    ReactDom.render(React.createElement(ProgrammeDashboard, props), this.domElement);
  }

  protected onThemeChanged(currentTheme: IReadonlyTheme | undefined): void {
    if (!currentTheme) {
      return;
    }
    // SPFx hands over SharePoint's theme or, in Teams, the Teams theme mapped to one.
    this._theme = createTheme({
      palette: currentTheme.palette,
      semanticColors: currentTheme.semanticColors,
      isInverted: !!currentTheme.isInverted
    } as Parameters<typeof createTheme>[0]);
    if (this._repository) {
      this.render();
    }
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected onPropertyPaneConfigurationStart(): void {
    if (this._workstreamOptions) {
      return;
    }
    this._repository
      .getProgrammeSummary()
      .then((summary) => {
        this._workstreamOptions = [
          { key: '', text: strings.WholeProgrammeOption },
          ...summary.workstreams.map((w) => ({ key: w.code, text: `${w.title} (${w.code})` }))
        ];
      })
      .catch(() => {
        this._workstreamsFailed = true;
        this._workstreamOptions = [{ key: '', text: strings.WholeProgrammeOption }];
      })
      .finally(() => this.context.propertyPane.refresh());
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const options: IPropertyPaneDropdownOption[] | undefined = this._workstreamOptions;
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.SettingsGroupName,
              groupFields: [
                options
                  ? PropertyPaneDropdown('workstreamCode', {
                      label: strings.WorkstreamFieldLabel,
                      options,
                      selectedKey: this.properties.workstreamCode || ''
                    })
                  : PropertyPaneLabel('workstreamCode', { text: strings.LoadingWorkstreams }),
                PropertyPaneLabel('workstreamHelp', { text: this._workstreamsFailed ? strings.WorkstreamsUnavailable : strings.WorkstreamFieldDescription })
              ]
            }
          ]
        }
      ]
    };
  }
}
