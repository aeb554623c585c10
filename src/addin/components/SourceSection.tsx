import * as React from 'react';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { Link } from '@fluentui/react/lib/Link';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { TextField } from '@fluentui/react/lib/TextField';
import { formatDateRange, type IPeriod } from '../../domain';
import { checkSiteUrl, type ISiteAddress, type SiteUrlProblem } from '../data/site';
import { format, wordsFor } from '../../ui/format';
import { STRINGS } from '../loc/en-gb';
import type { IPaneClassNames } from './styles';

/** Props of {@link SourceSection}. */
export interface ISourceSectionProps {
  /** The local stack's site: shown, not asked for. */
  fixedSiteUrl?: string;
  site?: ISiteAddress;
  onSite: (site: ISiteAddress) => void;
  periods?: IPeriod[];
  periodId?: number;
  onPeriod: (periodId: number) => void;
  classNames: IPaneClassNames;
  headingId: string;
  /** Loading and failures of the periods and the period's data. */
  status?: React.ReactNode;
}

/** What to say of each problem with a typed site address. */
const PROBLEM_KEYS: { readonly [K in SiteUrlProblem]?: keyof typeof STRINGS } = {
  empty: 'SiteInvalidEmpty',
  notUrl: 'SiteInvalidUrl',
  notHttps: 'SiteInvalidHttps'
};

function problemText(problem: SiteUrlProblem): string {
  return wordsFor(PROBLEM_KEYS, problem, STRINGS, STRINGS.SiteInvalidPath);
}

/** The officer's SharePoint site: typed once, checked, then kept. */
function SiteForm(props: { initial: string; onSite: (site: ISiteAddress) => void; classNames: IPaneClassNames }): JSX.Element {
  const [text, setText] = React.useState<string>(props.initial);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const submit = (): void => {
    const check = checkSiteUrl(text);
    if (check.ok) {
      setError(undefined);
      props.onSite(check.site);
    } else {
      setError(problemText(check.problem));
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate={true}
    >
      <p className={props.classNames.intro}>
        {STRINGS.SiteNeeded} {STRINGS.SiteDescription}
      </p>
      <TextField
        label={STRINGS.SiteLabel}
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder={STRINGS.SitePlaceholder}
        value={text}
        errorMessage={error}
        onChange={(_e, v) => setText(v || '')}
      />
      <PrimaryButton type="submit" text={STRINGS.SiteUse} styles={{ root: { marginTop: 8 } }} />
    </form>
  );
}

/** Where the data comes from: the site (local stack, or the officer's SharePoint site) and the period. */
export function SourceSection(props: ISourceSectionProps): JSX.Element {
  const { classNames, site, periods } = props;
  const [editingSite, setEditingSite] = React.useState<boolean>(false);
  const latest: IPeriod | undefined = periods && periods.length > 0 ? periods[periods.length - 1] : undefined;
  // Latest first: the period an officer most often wants.
  const options: IDropdownOption[] = (periods || [])
    .slice()
    .reverse()
    .map((p) => ({ key: p.id, text: latest && p.id === latest.id ? format(STRINGS.PeriodLatest, p.title) : p.title }));
  const chosen: IPeriod | undefined = (periods || []).filter((p) => p.id === props.periodId)[0];

  let siteView: JSX.Element;
  if (props.fixedSiteUrl) {
    siteView = <p className={classNames.muted}>{format(STRINGS.LocalSite, props.fixedSiteUrl)}</p>;
  } else if (!site || editingSite) {
    siteView = (
      <SiteForm
        initial={site ? site.siteUrl : ''}
        classNames={classNames}
        onSite={(s) => {
          setEditingSite(false);
          props.onSite(s);
        }}
      />
    );
  } else {
    siteView = (
      <p className={classNames.muted}>
        {format(STRINGS.SiteCurrent, site.siteUrl)}
        <br />
        <Link onClick={() => setEditingSite(true)}>{STRINGS.SiteChange}</Link>
      </p>
    );
  }

  return (
    <section className={classNames.section} aria-labelledby={props.headingId}>
      <h2 id={props.headingId} className={classNames.sectionHeading}>
        {STRINGS.SourceHeading}
      </h2>
      {siteView}
      {periods && periods.length > 0 ? (
        <>
          <Dropdown label={STRINGS.PeriodLabel} options={options} selectedKey={props.periodId} onChange={(_e, o) => o && props.onPeriod(Number(o.key))} />
          {chosen ? <p className={classNames.muted}>{formatDateRange(chosen.start, chosen.end)}</p> : null}
        </>
      ) : null}
      {periods && periods.length === 0 ? <p className={classNames.intro}>{STRINGS.NoPeriods}</p> : null}
      {props.status}
    </section>
  );
}
