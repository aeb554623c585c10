/**
 * A Teams tab's settings, as the workbench shows them: the programme site (asked for when no
 * setting names one), checked — the lists exist and the person can read them — with the
 * product's own message when not, then the site's workstreams to choose from. In SharePoint and
 * Teams the web part's property pane asks the same, through the same checks
 * (src/webparts/programmeDashboard/connect.ts).
 */
import * as React from 'react';
import type { SPFI } from '@pnp/sp';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { TextField } from '@fluentui/react/lib/TextField';
import { strings } from '../webparts/programmeDashboard/loc/strings';
import type { IWorkstreamHeading } from '../domain';
import { programmeSiteMessages } from '../webparts/programmeDashboard/components/ProgrammeSiteGate';
import { findProgrammeSite, workstreamsOf } from '../webparts/programmeDashboard/connect';
import { format } from '../webparts/programmeDashboard/components/format';
import { isProgrammeSiteError, programmeSiteMessage } from '../webparts/programmeDashboard/programmeSite';
import { WORKBENCH_STRINGS as S } from './strings';

/** Props of {@link TabSettings}. */
export interface ITabSettingsProps {
  /** The tab's own programme site setting ('' for none). */
  programmeSite: string;
  workstreamCode: string;
  /** The absolute URL of the team's site the tab runs in. */
  currentWebUrl: string;
  spFor(siteUrl: string): SPFI;
  onSave(programmeSite: string, workstreamCode: string): void;
  onCancel(): void;
}

type CheckState = { state: 'checking' } | { state: 'failed'; message: string } | { state: 'ready'; siteUrl: string; workstreams: IWorkstreamHeading[] };

/** The settings form of a Teams tab. */
export function TabSettings(props: ITabSettingsProps): JSX.Element {
  const [site, setSite] = React.useState<string>(props.programmeSite);
  const [checked, setChecked] = React.useState<string>(props.programmeSite);
  const [code, setCode] = React.useState<string>(props.workstreamCode);
  const [check, setCheck] = React.useState<CheckState>({ state: 'checking' });

  React.useEffect(() => {
    let live: boolean = true;
    setCheck({ state: 'checking' });
    findProgrammeSite({ webPartSetting: checked, currentWebUrl: props.currentWebUrl, spFor: props.spFor })
      .then(async (found) => ({ siteUrl: found.url, workstreams: await workstreamsOf(found.url, props.spFor) }))
      .then(
        (ready) => live && setCheck({ state: 'ready', ...ready }),
        (e: unknown) => live && setCheck({ state: 'failed', message: isProgrammeSiteError(e) ? programmeSiteMessage(e, programmeSiteMessages()) : strings.WorkstreamsUnavailable })
      );
    return () => {
      live = false;
    };
    // props.spFor and the URL are fixed for the form's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checked]);

  const options: IDropdownOption[] =
    check.state === 'ready' ? [{ key: '', text: strings.WholeProgrammeOption }, ...check.workstreams.map((w) => ({ key: w.code, text: `${w.title} (${w.code})` }))] : [];

  return (
    <form
      aria-label={S.TabSettings}
      style={{ display: 'grid', gap: 8, maxWidth: 560, padding: '8px 0' }}
      onSubmit={(e) => {
        e.preventDefault();
        if (site.trim() !== checked.trim()) {
          setChecked(site.trim());
        } else if (check.state === 'ready') {
          props.onSave(checked.trim(), code);
        }
      }}
    >
      <TextField
        label={strings.ProgrammeSiteFieldLabel}
        description={strings.ProgrammeSiteFieldDescription}
        placeholder={strings.ProgrammeSiteFieldPlaceholder}
        value={site}
        onChange={(_e, v) => setSite(v || '')}
      />
      <div style={{ display: 'flex', gap: 8 }}>
        <DefaultButton text={S.CheckSite} onClick={() => setChecked(site.trim())} />
      </div>
      {check.state === 'checking' ? <Spinner label={strings.ProgrammeSiteChecking} /> : null}
      {check.state === 'failed' ? <MessageBar messageBarType={MessageBarType.error}>{check.message}</MessageBar> : null}
      {check.state === 'ready' ? (
        <>
          <MessageBar messageBarType={MessageBarType.success}>{format(strings.ProgrammeSiteInUse, check.siteUrl)}</MessageBar>
          <Dropdown label={strings.WorkstreamFieldLabel} options={options} selectedKey={code} onChange={(_e, o) => o && setCode(String(o.key))} />
        </>
      ) : null}
      <div style={{ display: 'flex', gap: 8 }}>
        <PrimaryButton type="submit" text={S.SaveTab} disabled={check.state !== 'ready' || site.trim() !== checked.trim()} />
        <DefaultButton text={S.CancelTab} onClick={props.onCancel} />
      </div>
    </form>
  );
}
