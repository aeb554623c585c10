import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import type { IRisk, IWorkstreamHeading } from '../../../domain/model';
import { phaseOpenRisks, type ICloseDownItem } from '../../../domain/phases';
import { DataError } from '../../../data/errors';
import type { ICloseDown, INextPhasePlan, INextPhaseTheme, NextPhaseField, RiskDecision } from '../../../data/PhaseRepository';
import type { IProgrammeRepository } from '../../../data/repository';
import { LabelledSection } from './LabelledSection';
import { describeSaveError } from './errorText';
import { FormField } from './FormField';
import { format } from './format';
import type { IFieldSpec } from './forms';
import { useClassNames } from './useClassNames';

/** The plan's fields this form shows a refusal beside, keyed as the repository names them (DataError.field). */
const KEYED: readonly NextPhaseField[] = ['title', 'start', 'periodTitle', 'periodStart', 'periodEnd'];

/** Props of {@link StartNextPhase}. */
export interface IStartNextPhaseProps {
  repository: IProgrammeRepository;
  /** The closed phase's close-down. */
  closeDown: ICloseDown;
  /** Workstreams outside the closed phase, which may join the next one. */
  candidates: IWorkstreamHeading[];
  /** Started: what to say, and the programme to reload. */
  onStarted: (message: string) => void;
}

/** One theme row of the form: an existing workstream, or a new theme's code and title. */
interface IThemeRow {
  existing: string;
  code: string;
  title: string;
}

const NEW_THEME: string = 'new';
const CLOSE: string = 'close';

/** A risk as its fields name it: its number and description (numbers repeat across themes). */
function riskName(r: IRisk): string {
  return `${r.number ? `${r.number} ` : ''}${r.description.replace(/\s+/g, ' ').trim()}`;
}

function text(key: string, label: string, extra: Partial<IFieldSpec> = {}): IFieldSpec {
  return { key, label, kind: 'text', ...extra };
}

/**
 * Starts the next phase from a locked close-down (issue 16): its title and first reporting
 * period, its themes (new, or workstreams of the programme that join it), the theme each item
 * moving to the next phase goes to, and each open risk carried into a theme or closed with a
 * reason. The phases' repository checks everything before writing anything.
 */
export function StartNextPhase(props: IStartNextPhaseProps): JSX.Element {
  const classNames = useClassNames();
  const { closeDown } = props;
  const moving: ICloseDownItem[] = closeDown.items.filter((i) => i.destination === 'NextPhaseTheme');
  const risks: IRisk[] = phaseOpenRisks(closeDown.records);
  const [values, setValues] = React.useState<{ [key: string]: string }>({});
  const [themes, setThemes] = React.useState<IThemeRow[]>([{ existing: NEW_THEME, code: '', title: '' }]);
  const [busy, setBusy] = React.useState<boolean>(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  // The field the repository refused, by this form's key, to show its message beside it.
  const [fieldError, setFieldError] = React.useState<{ key: string; message: string } | undefined>(undefined);
  const errorFor = (key: string): string | undefined => (fieldError && fieldError.key === key ? fieldError.message : undefined);
  const set = (key: string, value: string): void => setValues((v) => ({ ...v, [key]: value }));
  const setTheme = (i: number, change: Partial<IThemeRow>): void => setThemes((ts) => ts.map((t, j) => (j === i ? { ...t, ...change } : t)));

  const themeName = (t: IThemeRow, i: number): string => {
    if (t.existing !== NEW_THEME) {
      const ws: IWorkstreamHeading | undefined = props.candidates.filter((w) => String(w.id) === t.existing)[0];
      return ws ? ws.title : format(strings.NextPhaseThemeN, i + 1);
    }
    return t.title.trim() || format(strings.NextPhaseThemeN, i + 1);
  };
  const themeOptions = themes.map((t, i) => ({ key: String(i), text: themeName(t, i) }));
  // A row naming one of the chosen workstreams goes there unless placed otherwise.
  const placementOf = (item: ICloseDownItem): string => {
    const chosen: string | undefined = values[`place-${item.id}`];
    if (chosen !== undefined) {
      return chosen;
    }
    const at: number = themes.map((t) => t.existing).indexOf(String(item.destinationWorkstreamId));
    return at >= 0 ? String(at) : '';
  };

  const start = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setFieldError(undefined);
    const placements: { [itemId: number]: number } = {};
    for (const item of moving) {
      const p: string = placementOf(item);
      if (p !== '') {
        placements[item.id] = Number(p);
      }
    }
    const decisions: { [riskId: number]: RiskDecision } = {};
    for (const r of risks) {
      const d: string | undefined = values[`risk-${r.id}`];
      if (d === CLOSE) {
        decisions[r.id] = { closeReason: values[`reason-${r.id}`] || '' };
      } else if (d !== undefined && d !== '') {
        decisions[r.id] = { carryTo: Number(d) };
      }
    }
    const plan: INextPhasePlan = {
      title: values.title || '',
      start: values.start || '',
      period: { title: values.periodTitle || '', start: values.periodStart || '', end: values.periodEnd || '' },
      themes: themes.map((t): INextPhaseTheme => (t.existing === NEW_THEME ? { code: t.code, title: t.title } : { existingId: Number(t.existing) })),
      placements,
      risks: decisions
    };
    try {
      const result = await props.repository.phases().startNextPhase(closeDown.phase.id, plan);
      props.onStarted(format(strings.NextPhaseStarted, result.phase.title, result.period.title, result.milestones.length, result.carriedRisks.length, result.closedRisks.length - result.carriedRisks.length));
    } catch (e) {
      const message: string = describeSaveError(e, 'closeDownItem', closeDown.phase.title);
      setError(message);
      const refused: string | undefined = e instanceof DataError ? e.field : undefined;
      const key: string | undefined = refused !== undefined && (KEYED as readonly string[]).indexOf(refused) >= 0 ? refused : undefined;
      setFieldError(key ? { key, message: e instanceof Error ? e.message : message } : undefined);
      setBusy(false);
    }
    // Once started, the view moves on (onStarted) and this form is gone: nothing more to set.
  };

  return (
    <LabelledSection idPrefix="ph-next-phase" heading={strings.NextPhaseHeading}>
      <p>{format(strings.NextPhaseIntro, closeDown.phase.title)}</p>
      <form className={classNames.form} noValidate={true} onSubmit={(e) => e.preventDefault()}>
        <FormField field={text('title', strings.NextPhaseTitle, { required: true })} value={values.title || ''} errorMessage={errorFor('title')} onChange={set} />
        <FormField field={text('start', strings.NextPhaseStart, { kind: 'date', required: true, description: strings.DateFormatHint })} value={values.start || ''} errorMessage={errorFor('start')} onChange={set} />
        <fieldset>
          <legend>{strings.NextPhasePeriodLegend}</legend>
          <FormField field={text('periodTitle', strings.NextPhasePeriodTitle, { required: true })} value={values.periodTitle || ''} errorMessage={errorFor('periodTitle')} onChange={set} />
          <FormField field={text('periodStart', strings.NextPhasePeriodStart, { kind: 'date', required: true })} value={values.periodStart || ''} errorMessage={errorFor('periodStart')} onChange={set} />
          <FormField field={text('periodEnd', strings.NextPhasePeriodEnd, { kind: 'date', required: true })} value={values.periodEnd || ''} errorMessage={errorFor('periodEnd')} onChange={set} />
        </fieldset>
        {themes.map((t, i) => (
          <fieldset key={i}>
            <legend>{format(strings.NextPhaseThemeN, i + 1)}</legend>
            <FormField
              field={{
                key: 'existing',
                label: format(strings.NextPhaseThemeKind, i + 1),
                kind: 'choice',
                options: [{ key: NEW_THEME, text: strings.NextPhaseNewTheme }, ...props.candidates.map((w) => ({ key: String(w.id), text: format(strings.NextPhaseExistingTheme, w.title) }))]
              }}
              value={t.existing}
              onChange={(_k, v) => setTheme(i, { existing: v })}
            />
            {t.existing === NEW_THEME ? (
              <>
                <FormField field={text('code', format(strings.NextPhaseThemeCode, i + 1), { required: true })} value={t.code} onChange={(_k, v) => setTheme(i, { code: v })} />
                <FormField field={text('title', format(strings.NextPhaseThemeTitle, i + 1), { required: true })} value={t.title} onChange={(_k, v) => setTheme(i, { title: v })} />
              </>
            ) : undefined}
            {themes.length > 1 ? (
              <DefaultButton text={strings.NextPhaseRemoveTheme} ariaLabel={format(strings.NextPhaseRemoveThemeAria, i + 1)} onClick={() => setThemes((ts) => ts.filter((_x, j) => j !== i))} />
            ) : undefined}
          </fieldset>
        ))}
        <div className={classNames.toolbar}>
          <DefaultButton text={strings.NextPhaseAddTheme} onClick={() => setThemes((ts) => [...ts, { existing: NEW_THEME, code: '', title: '' }])} />
        </div>
        {moving.length > 0 ? (
          <fieldset>
            <legend>{strings.NextPhasePlacementsLegend}</legend>
            {moving.map((item) => (
              <FormField
                key={item.id}
                field={{ key: `place-${item.id}`, label: format(strings.NextPhasePlacement, item.task.replace(/\s+/g, ' ').trim()), kind: 'choice', options: themeOptions, required: true }}
                value={placementOf(item)}
                onChange={set}
              />
            ))}
          </fieldset>
        ) : undefined}
        {risks.length > 0 ? (
          <fieldset>
            <legend>{strings.NextPhaseRisksLegend}</legend>
            {risks.map((r) => (
              <div key={r.id}>
                <FormField
                  field={{
                    key: `risk-${r.id}`,
                    label: format(strings.NextPhaseRisk, riskName(r)),
                    kind: 'choice',
                    required: true,
                    options: [...themeOptions.map((o) => ({ key: o.key, text: format(strings.NextPhaseCarryInto, o.text) })), { key: CLOSE, text: strings.NextPhaseCloseRisk }]
                  }}
                  value={values[`risk-${r.id}`] || ''}
                  onChange={set}
                />
                {values[`risk-${r.id}`] === CLOSE ? (
                  <FormField field={text(`reason-${r.id}`, format(strings.NextPhaseCloseReason, riskName(r)), { required: true })} value={values[`reason-${r.id}`] || ''} onChange={set} />
                ) : undefined}
              </div>
            ))}
          </fieldset>
        ) : undefined}
        <div className={classNames.toolbar}>
          <PrimaryButton text={strings.NextPhaseStartButton} disabled={busy} allowDisabledFocus={true} onClick={() => void start()} />
        </div>
        {error ? <p role="alert">{error}</p> : undefined}
      </form>
    </LabelledSection>
  );
}
