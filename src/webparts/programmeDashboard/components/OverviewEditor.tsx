import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { DefaultButton, type IButton } from '@fluentui/react/lib/Button';
import type { IPeriod, IReportingOptions } from '../../../domain/model';
import type { IProgrammeRepository, Saved } from '../../../data/repository';
import { useAction } from '../hooks/useAction';
import type { SaveOutcome } from '../hooks/useSave';
import { describeSaveError } from './errorText';
import { format } from './format';
import type { IFormRequest } from './forms';
import { overviewForm } from './formSpecs';
import { EditPanelLoader as EditPanel } from './lazy';
import { Notice } from './Notice';

/** Props of {@link OverviewEditor}. */
export interface IOverviewEditorProps {
  repository: IProgrammeRepository;
  /** The open period whose overview is edited. */
  period: IPeriod;
  /** What the programme reports: one that does not rate is not asked for an overall rating. */
  reporting?: IReportingOptions;
  disabled?: boolean;
  /** Saved: confirm with `message` and reload what shows the overview (and readiness). */
  onSaved: (message: string) => void;
}

/**
 * The programme office's editor of a period's lead executive director overview: the button that
 * reads the period as it is now (with its ETag) and opens the editing panel — checked as typed,
 * saved against that ETag, and shown side by side with someone else's version on a conflict.
 * Focus returns to the button when the panel closes.
 */
export function OverviewEditor(props: IOverviewEditorProps): JSX.Element {
  const { repository, period } = props;
  const reader = useAction();
  const [request, setRequest] = React.useState<IFormRequest | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  const buttonRef: React.RefObject<IButton> = React.useRef<IButton>(null);
  const wasOpen: React.MutableRefObject<boolean> = React.useRef<boolean>(false);

  React.useEffect(() => {
    if (wasOpen.current && !request) {
      buttonRef.current?.focus();
    }
    wasOpen.current = request !== undefined;
  }, [request]);

  const open = async (): Promise<void> => {
    setError(undefined);
    const outcome: SaveOutcome<Saved<IPeriod>> = await reader.run(() => repository.getPeriod(period.id));
    if (outcome.ok) {
      setRequest(overviewForm(outcome.value, props.reporting));
    } else {
      setError(describeSaveError(outcome.error, 'period', period.title));
    }
  };

  return (
    <>
      <DefaultButton
        componentRef={buttonRef}
        text={period.overview ? strings.EditOverview : strings.WriteOverview}
        ariaLabel={format(period.overview ? strings.EditOverviewAria : strings.WriteOverviewAria, period.title)}
        onClick={() => void open()}
        disabled={props.disabled || reader.busy}
        allowDisabledFocus={true}
      />
      {error ? <Notice kind="error">{error}</Notice> : undefined}
      {request ? (
        <EditPanel
          request={request}
          onSaved={(message) => {
            setRequest(undefined);
            props.onSaved(message);
          }}
          onChanged={() => undefined}
          onClose={() => setRequest(undefined)}
        />
      ) : undefined}
    </>
  );
}
