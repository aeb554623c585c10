import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import {
  type IPropertyPaneConfiguration,
  type IPropertyPaneDropdownOption,
  PropertyPaneDropdown,
  PropertyPaneLabel,
  PropertyPaneTextField
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import { createTheme, type ITheme } from '@fluentui/react/lib/Styling';
import { spfi, SPFx, type SPFI } from '@pnp/sp';

import { strings } from './loc/strings';
import { ProgrammeSiteGate, programmeSiteMessages, type IProgrammeSiteGateProps } from './components/ProgrammeSiteGate';
import { connectProgrammeSite, findProgrammeSite, siteSetupFor, workstreamsOf, type IConnectOptions } from './connect';
import type { ISiteSetup } from './components/SiteSetup';
import { isProgrammeSiteError, normaliseSiteUrl, programmeSiteMessage } from './programmeSite';
import { format } from './components/format';
import { PAGE_ADDRESS, parseViewState, teamsDeepLink, type IViewAddress } from './components/viewAddress';

/** The web part's saved properties (a Teams tab's configuration lives here too). */
export interface IProgrammeDashboardWebPartProps {
  /**
   * The programme site's address, for this instance only. Empty: the tenant-wide setting, else
   * the site the web part runs in when it holds the programme's lists.
   */
  programmeSiteUrl: string;
  /** When set, the dashboard shows this workstream only (a workstream group's Teams tab). */
  workstreamCode: string;
  /**
   * In Teams, the Teams app's id for "Copy link" (a deep link to the tab); empty: the web part's
   * component id, the id SharePoint gives the Teams app it makes for the solution.
   */
  teamsAppId?: string;
}

/**
 * The programme dashboard, on a SharePoint page, a full page, a Teams tab or a Teams personal app.
 * It reads and writes the programme site's lists (see {@link connectProgrammeSite}) through PnPjs
 * with SPFx's own authentication — a Teams tab runs in its team's site, not the programme's — and
 * follows the host's theme (SharePoint's, or Teams' default, dark and high contrast) as it changes.
 */
export default class ProgrammeDashboardWebPart extends BaseClientSideWebPart<IProgrammeDashboardWebPartProps> {
  private _theme: ITheme | undefined;
  private _rendered: boolean = false;
  private _workstreamOptions: IPropertyPaneDropdownOption[] | undefined;
  /** What the settings say about the programme site: the site in use, or why there is none. */
  private _siteStatus: string = '';

  private _spFor = (siteUrl: string): SPFI => spfi(siteUrl).using(SPFx(this.context));
  /** One for the web part's life: "Set up this site" checks again whenever it changes. */
  private _setup: ISiteSetup = siteSetupFor(this._spFor);

  private _connectOptions(): IConnectOptions {
    return { webPartSetting: this.properties.programmeSiteUrl, currentWebUrl: this.context.pageContext.web.absoluteUrl, spFor: this._spFor };
  }

  public render(): void {
    this._rendered = true;
    const props: IProgrammeSiteGateProps = {
      // The site is found (and a repository made) once per setting, not on each render: a theme
      // change must not reload everything.
      connect: () => connectProgrammeSite(this._connectOptions()),
      settingsKey: this.properties.programmeSiteUrl || '',
      setup: this._setup,
      workstreamCode: this.properties.workstreamCode || undefined,
      theme: this._theme,
      host: this.context.sdks.microsoftTeams ? 'teams' : 'sharepoint',
      address: this._address()
    };
    ReactDom.render(React.createElement(ProgrammeSiteGate, props), this.domElement);
  }

  /**
   * Where the view is recorded. On a SharePoint page: the page's address, so it can be linked.
   * In Teams the frame's address is not one people can share; a deep link's `subEntityId` (in
   * TeamsJS 2's context as `page.subPageId`) opens the view it names, written in the same form
   * ("phPeriod=2&phWorkstream=GOV"); "Copy link" copies a Teams deep link to this tab with the
   * view as its subEntityId (viewAddress.ts's teamsDeepLink), when Teams names the tab.
   * UNCONFIRMED: `page.subPageId` carries a deep link's subEntityId to an SPFx tab (Microsoft's
   * "Create deep links to application content", TeamsJS v2 context; msteams-docs #706 says SPFx
   * tabs leave the subEntityId to the developer) — not tried in Teams here.
   */
  private _address(): IViewAddress {
    const teams = this.context.sdks.microsoftTeams;
    if (!teams) {
      return PAGE_ADDRESS;
    }
    const context = teams.context as unknown as { page?: { id?: string; subPageId?: string }; channel?: { id?: string } };
    const page = context.page;
    const sub: string | undefined = page && page.subPageId ? page.subPageId : undefined;
    const entityId: string | undefined = page && page.id ? page.id : undefined;
    const appId: string = (this.properties.teamsAppId || '').trim() || this.context.manifest.id;
    const channelId: string | undefined = context.channel && context.channel.id ? context.channel.id : undefined;
    return {
      read: () => parseViewState(sub),
      write: () => undefined,
      link: entityId ? (state) => teamsDeepLink({ appId, entityId, channelId, label: strings.TeamsLinkLabel }, state) : undefined
    };
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
    if (this._rendered) {
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
    if (!this._workstreamOptions) {
      this._loadWorkstreams();
    }
  }

  protected onPropertyPaneFieldChanged(propertyPath: string, oldValue: unknown, newValue: unknown): void {
    if (propertyPath === 'programmeSiteUrl' && oldValue !== newValue) {
      // Another programme site: its workstreams, and the dashboard over it.
      this._workstreamOptions = undefined;
      this._loadWorkstreams();
    }
    super.onPropertyPaneFieldChanged(propertyPath, oldValue, newValue);
  }

  /** Finds and checks the programme site, then offers its workstreams (a Teams tab's settings). */
  private _loadWorkstreams(): void {
    this._siteStatus = strings.ProgrammeSiteChecking;
    findProgrammeSite(this._connectOptions())
      .then(async (site) => {
        const workstreams = await workstreamsOf(site.url, this._spFor);
        this._siteStatus = format(strings.ProgrammeSiteInUse, site.url);
        this._workstreamOptions = [
          { key: '', text: strings.WholeProgrammeOption },
          ...workstreams.map((w) => ({ key: w.code, text: `${w.title} (${w.code})` }))
        ];
      })
      .catch((e: unknown) => {
        this._siteStatus = isProgrammeSiteError(e) ? programmeSiteMessage(e, programmeSiteMessages()) : strings.WorkstreamsUnavailable;
        this._workstreamOptions = [{ key: '', text: strings.WholeProgrammeOption }];
      })
      .finally(() => this.context.propertyPane.refresh());
  }

  /** The field's own check, as the person types: only the address's form; the site is checked once set. */
  private _checkSiteField = (value: string): string => {
    if (!value || value.trim() === '') {
      return '';
    }
    try {
      normaliseSiteUrl(value, this.context.pageContext.web.absoluteUrl);
      return '';
    } catch (e) {
      return isProgrammeSiteError(e) ? programmeSiteMessage(e, programmeSiteMessages()) : strings.ProgrammeSiteUnreachable;
    }
  };

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
                PropertyPaneTextField('programmeSiteUrl', {
                  label: strings.ProgrammeSiteFieldLabel,
                  description: strings.ProgrammeSiteFieldDescription,
                  placeholder: strings.ProgrammeSiteFieldPlaceholder,
                  onGetErrorMessage: this._checkSiteField,
                  deferredValidationTime: 500
                }),
                PropertyPaneLabel('programmeSiteStatus', { text: this._siteStatus }),
                options
                  ? PropertyPaneDropdown('workstreamCode', {
                      label: strings.WorkstreamFieldLabel,
                      options,
                      selectedKey: this.properties.workstreamCode || ''
                    })
                  : PropertyPaneLabel('workstreamCode', { text: strings.LoadingWorkstreams }),
                PropertyPaneLabel('workstreamHelp', { text: strings.WorkstreamFieldDescription }),
                PropertyPaneTextField('teamsAppId', {
                  label: strings.TeamsAppIdFieldLabel,
                  description: strings.TeamsAppIdFieldDescription
                })
              ]
            }
          ]
        }
      ]
    };
  }
}
