import * as React from 'react';
import { strings } from '../loc/programmeStrings';
import { Button } from './Button';
import type { IPeriod } from '../../../domain/model';
import { isDataError } from '../../../data/errors';
import type { IProgrammeRepository, UserRights } from '../../../data/repository';
import { mayWritePeriodSections } from '../../../data/rights';
import type { IEditablePeriodSection } from '../../../data/sections';
import { describeLoadError } from './loadErrorText';
import { format } from './format';
import { TextFieldLoader } from './lazy';
import { RichText } from './RichText';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';
import { useProgrammePart } from '../hooks/usePeriodPicture';

/** Props of {@link PeriodSections}. */
export interface IPeriodSectionsProps {
  repository: IProgrammeRepository;
  rights?: UserRights;
  period: IPeriod;
  /**
   * Changes when what the view shows was loaded again (the programme summary after the programme
   * office renamed, reordered or removed a section): the sections are read again, the old ones
   * staying on screen meanwhile.
   */
  refreshKey?: unknown;
}

/**
 * The paper's own sections for a period (purpose, background, "also to note" …), in the
 * programme's order — and, for the programme office while the period is open, each editable in
 * place, guarded by its ETag: a change someone else made meanwhile is shown beside the user's own
 * words, which are kept, never silently overwritten.
 */
export function PeriodSections(props: IPeriodSectionsProps): JSX.Element | null {
  const classNames = useClassNames();
  const headingId: string = useUniqueId('ph-sections');
  const picture = useProgrammePart(props.repository, props.period.id);
  const seenKey: React.MutableRefObject<unknown> = React.useRef<unknown>(props.refreshKey);
  const { reload } = picture;
  React.useEffect(() => {
    if (seenKey.current !== props.refreshKey) {
      seenKey.current = props.refreshKey;
      reload();
    }
  }, [props.refreshKey, reload]);
  const sections: IEditablePeriodSection[] = (picture.data && picture.data.sections) || [];
  const editable: boolean = !!props.rights && mayWritePeriodSections(props.rights) && props.period.state === 'Open';
  if (picture.error !== undefined && !picture.data) {
    return (
      <section className={classNames.card} aria-labelledby={headingId}>
        <h3 id={headingId} className={classNames.sectionHeading}>
          {strings.PeriodSectionsHeading}
        </h3>
        <p role="alert">{describeLoadError(picture.error)}</p>
      </section>
    );
  }
  if (sections.length === 0) {
    return null;
  }
  return (
    <section className={classNames.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={classNames.sectionHeading} style={{ marginTop: 0 }}>
        {strings.PeriodSectionsHeading}
      </h3>
      <p className={classNames.muted}>{props.period.title}</p>
      {props.period.state === 'Locked' && props.rights && mayWritePeriodSections(props.rights) ? <p>{format(strings.PeriodSectionLocked, props.period.title)}</p> : undefined}
      {sections.map((s) => (
        <PeriodSectionItem key={s.key} section={s} period={props.period} editable={editable} repository={props.repository} onSaved={picture.reload} />
      ))}
    </section>
  );
}

interface IPeriodSectionItemProps {
  section: IEditablePeriodSection;
  period: IPeriod;
  editable: boolean;
  repository: IProgrammeRepository;
  onSaved: () => void;
}

function PeriodSectionItem(props: IPeriodSectionItemProps): JSX.Element {
  const classNames = useClassNames();
  const { section, period } = props;
  const headingId: string = useUniqueId('ph-section');
  const [draft, setDraft] = React.useState<string | undefined>(undefined);
  const [etag, setEtag] = React.useState<string | undefined>(section.etag);
  const [theirs, setTheirs] = React.useState<IEditablePeriodSection | undefined>(undefined);
  const [message, setMessage] = React.useState<string | undefined>(undefined);
  const [saving, setSaving] = React.useState<boolean>(false);
  const editButton = React.useRef<HTMLButtonElement>(null);

  const save = async (): Promise<void> => {
    setSaving(true);
    setMessage(undefined);
    try {
      await props.repository.savePeriodSection(period.id, section.key, draft || '', etag, section.author);
      setDraft(undefined);
      setTheirs(undefined);
      setMessage(format(strings.PeriodSectionSaved, section.name));
      props.onSaved();
    } catch (e) {
      if (isDataError(e, 'conflict') && e.current) {
        const current = e.current as IEditablePeriodSection;
        setTheirs(current);
        setEtag(current.etag);
        setMessage(format(strings.PeriodSectionConflict, section.name));
      } else {
        setMessage(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <div role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{section.name}</h4>
      {draft === undefined ? (
        <>
          {section.text.trim() !== '' ? <RichText text={section.text} /> : <p className={classNames.muted}>{format(strings.PeriodSectionsNone, period.title)}</p>}
          {section.author ? <p className={classNames.muted}>{format(strings.PeriodSectionWrittenBy, section.author)}</p> : undefined}
          {props.editable ? (
            <Button
              ref={editButton}
              text={format(strings.PeriodSectionEdit, section.name)}
              onClick={() => {
                setEtag(section.etag);
                setDraft(section.text);
                setMessage(undefined);
              }}
            />
          ) : undefined}
        </>
      ) : (
        <>
          <TextFieldLoader
            label={format(strings.PeriodSectionTextLabel, section.name, period.title)}
            multiline
            autoAdjustHeight
            value={draft}
            onChange={(_e, v) => setDraft(v || '')}
            disabled={saving}
          />
          {theirs ? (
            <div>
              <h5>{strings.PeriodSectionTheirs}</h5>
              <RichText text={theirs.text} />
            </div>
          ) : undefined}
          <div className={classNames.toolbar}>
            <Button primary text={strings.PeriodSectionSave} disabled={saving} onClick={() => void save()} />
            <Button
              text={strings.PeriodSectionCancel}
              disabled={saving}
              onClick={() => {
                setDraft(undefined);
                setTheirs(undefined);
                setMessage(undefined);
                if (theirs) {
                  props.onSaved();
                }
              }}
            />
          </div>
        </>
      )}
      {message ? <p role="status">{message}</p> : undefined}
    </div>
  );
}
