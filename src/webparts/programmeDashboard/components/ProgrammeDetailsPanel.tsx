import * as React from 'react';
import { strings } from '../loc/moreStrings';
import type { IProgrammeRepository, IProgrammeSummary } from '../../../data/repository';
import { describeLoadError } from './errorText';
import { Loading } from './Loading';
import { Notice } from './Notice';
import { ProgrammeSetUp } from './ProgrammeSetUp';
import { SidePanel } from './SidePanel';

/** Props of {@link ProgrammeDetailsPanel}. */
export interface IProgrammeDetailsPanelProps {
  repository: IProgrammeRepository;
  /** The programme was saved: reload what shows it. */
  onChanged: () => void;
  onClose: () => void;
}

/**
 * The programme office changes the programme after set-up: its details and what it reports,
 * in ProgrammeSetUp's form, started from the stored programme and saved with its ETag.
 */
export function ProgrammeDetailsPanel(props: IProgrammeDetailsPanelProps): JSX.Element {
  const [summary, setSummary] = React.useState<IProgrammeSummary | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  React.useEffect(() => {
    let live = true;
    props.repository.getProgrammeSummary().then(
      (s) => live && setSummary(s),
      (e: unknown) => live && setError(describeLoadError(e))
    );
    return () => {
      live = false;
    };
  }, [props.repository]);
  return (
    <SidePanel
      title={strings.ProgrammeDetailsPanelTitle}
      width="medium"
      onDismiss={props.onClose}
      viewRestoresFocus={true}
    >
      <p>{strings.ProgrammeDetailsIntro}</p>
      {error ? <Notice kind="error">{error}</Notice> : undefined}
      {!error && !summary ? <Loading label={strings.LoadingProgramme} /> : undefined}
      {summary ? (
        <ProgrammeSetUp
          repository={props.repository}
          programme={summary.programme}
          etag={summary.programmeEtag}
          onDone={() => {
            props.onChanged();
            props.onClose();
          }}
        />
      ) : undefined}
    </SidePanel>
  );
}
