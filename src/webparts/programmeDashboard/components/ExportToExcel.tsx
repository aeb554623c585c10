import * as React from 'react';
import { strings } from '../loc/programmeStrings';
import { Button } from './Button';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import type { IExportedWorkbook } from './excelExport';
import { describeLoadError } from './loadErrorText';
import { format } from './format';
import { OutcomeMessage, type IOutcome } from './OutcomeMessage';
import { useLatestCall } from '../hooks/useLatestCall';
import { downloadFile, type FileSaver } from '../../../ui/download';

/** Props of {@link ExportToExcel}. */
export interface IExportToExcelProps {
  /** The button's words. */
  text: string;
  /** What it exports, for a screen reader ("The status matrix, to Excel"). */
  description: string;
  /** Makes the workbook; given the loaded export module so the page loads exceljs only now. */
  make: (module: typeof import('./excelExport')) => Promise<IExportedWorkbook>;
  save?: FileSaver;
}

const loadExport = (): Promise<typeof import('./excelExport')> => import(/* webpackChunkName: 'ph-excel' */ './excelExport');

/**
 * A button that makes a workbook and offers it as a download: while it is made the button waits
 * and a spinner says so; then the file's name is announced, or what went wrong, in words to act on.
 */
export function ExportToExcel(props: IExportToExcelProps): JSX.Element {
  const [busy, setBusy] = React.useState<boolean>(false);
  const [outcome, setOutcome] = React.useState<IOutcome | undefined>(undefined);
  const latest = useLatestCall();

  const run = async (): Promise<void> => {
    const current = latest();
    setBusy(true);
    setOutcome(undefined);
    try {
      const made: IExportedWorkbook = await props.make(await loadExport());
      const { XLSX_TYPE } = await loadExport();
      (props.save || downloadFile)(new Blob([made.bytes], { type: XLSX_TYPE }), made.fileName);
      if (current()) {
        setOutcome({ kind: 'success', text: format(strings.ExportDone, made.fileName) });
      }
    } catch (e) {
      if (current()) {
        setOutcome({ kind: 'error', text: format(strings.ExportFailed, describeLoadError(e)) });
      }
    } finally {
      if (current()) {
        setBusy(false);
      }
    }
  };

  return (
    <div>
      <Button text={props.text} ariaDescription={props.description} iconName="ExcelDocument" disabled={busy} allowDisabledFocus={true} onClick={() => void run()} />
      {busy ? <Spinner size={SpinnerSize.small} label={strings.ExportWorking} ariaLive="polite" labelPosition="right" styles={{ root: { justifyContent: 'flex-start', marginTop: 4 } }} /> : undefined}
      <OutcomeMessage outcome={outcome} onDismiss={() => setOutcome(undefined)} />
    </div>
  );
}
