import * as React from 'react';
import { strings } from '../loc/moreStrings';
import { displayValue, type FormValues, type IFieldSpec } from './forms';
import { useClassNames } from './useClassNames';

/** Props of {@link ConflictView}. */
export interface IConflictViewProps {
  fields: IFieldSpec[];
  /** What the user typed. */
  mine: FormValues;
  /** The item as someone else saved it. */
  current: FormValues;
}

/**
 * The user's version and the current one, field by field, side by side (stacked when the
 * panel is narrow), with every difference marked in words as well as by a bar.
 */
export function ConflictView(props: IConflictViewProps): JSX.Element {
  const classNames = useClassNames();
  return (
    <div>
      {props.fields.map((field) => {
        const mine: string = displayValue(field, props.mine[field.key]);
        const current: string = displayValue(field, props.current[field.key]);
        const changed: boolean = (props.mine[field.key] || '') !== (props.current[field.key] || '');
        return (
          <div
            key={field.key}
            role="group"
            aria-label={field.label}
            className={changed ? `${classNames.conflictField} ${classNames.conflictFieldChanged}` : classNames.conflictField}
          >
            <h2 className={classNames.conflictFieldHeading}>
              {field.label}
              <span className={changed ? classNames.marker : `${classNames.marker} ${classNames.muted}`}>
                {changed ? strings.ConflictDifferent : strings.ConflictSame}
              </span>
            </h2>
            <div className={classNames.conflictVersions}>
              <div className={classNames.conflictVersion} data-version="mine">
                <div className={classNames.muted}>{strings.ConflictYours}</div>
                <div>{mine || strings.EmptyValue}</div>
              </div>
              <div className={classNames.conflictVersion} data-version="current">
                <div className={classNames.muted}>{strings.ConflictCurrent}</div>
                <div>{current || strings.EmptyValue}</div>
              </div>
            </div>
          </div>
        );
      })}
    </div>
  );
}
