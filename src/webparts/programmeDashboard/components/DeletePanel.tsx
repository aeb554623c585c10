import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { isDataError } from '../../../data/errors';
import type { EntityKind } from '../../../data/repository';
import { type SaveOutcome, useSave } from '../hooks/useSave';
import { closeUnlessBusy } from './ActionPanel';
import { describeSaveError, entityNoun } from './errorText';
import { format } from './format';
import { PanelFooter, SidePanel } from './SidePanel';
import { useRepository } from './RepositoryContext';

/** What is to be deleted. */
export interface IDeleteRequest {
  kind: EntityKind;
  id: number;
  etag: string;
  /** How the item reads to the user: its number and text. */
  label: string;
  periodTitle: string;
}

/** Props of {@link DeletePanel}. */
export interface IDeletePanelProps {
  request: IDeleteRequest;
  onDeleted: (message: string) => void;
  onChanged: () => void;
  onClose: () => void;
}

/** Asks before deleting an item, then deletes it if it is still as the user saw it. */
export function DeletePanel(props: IDeletePanelProps): JSX.Element {
  const saver = useSave(useRepository());
  const [errorText, setErrorText] = React.useState<string | undefined>();
  const { request } = props;
  const noun: string = entityNoun(request.kind);

  const confirm = async (): Promise<void> => {
    setErrorText(undefined);
    const outcome: SaveOutcome<void> = await saver.remove(request.kind, request.id, request.etag);
    if (outcome.ok) {
      props.onDeleted(strings.Deleted);
      return;
    }
    setErrorText(describeSaveError(outcome.error, request.kind, request.periodTitle));
    if (isDataError(outcome.error, 'conflict') || isDataError(outcome.error, 'notFound')) {
      props.onChanged();
    }
  };

  return (
    <SidePanel
      title={format(strings.DeleteTitle, noun)}
      onDismiss={closeUnlessBusy(saver.saving, () => props.onClose())}
      firstFocus={'[data-autofocus="true"]'}
      footer={() => (
        <PanelFooter busy={saver.saving} busyText={strings.Deleting} onCancel={() => props.onClose()} cancelFirst={true}>
          <PrimaryButton text={strings.Delete} onClick={() => void confirm()} disabled={saver.saving || !!errorText} allowDisabledFocus={true} />
        </PanelFooter>
      )}
    >
      <p>{format(strings.DeleteConfirmText, request.label)}</p>
      {errorText ? (
        <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
          {errorText}
        </MessageBar>
      ) : undefined}
    </SidePanel>
  );
}
