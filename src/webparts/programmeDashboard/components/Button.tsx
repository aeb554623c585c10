import * as React from 'react';
import { FontIcon } from '@fluentui/react/lib/Icon';
import { useClassNames } from './useClassNames';
import { useUniqueId } from './useUniqueId';

/** Props of {@link Button}: a native button's, with Fluent's names for what the dashboard used. */
export interface IButtonProps extends Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** The button's words. */
  text: string;
  /** Fluent's PrimaryButton look (the one main action of a group). */
  primary?: boolean;
  /** Fluent's ActionButton look: borderless, link-coloured. */
  action?: boolean;
  /** What a screen reader hears instead of the words. */
  ariaLabel?: string;
  /** Read after the name by a screen reader (hidden text the button is described by). */
  ariaDescription?: string;
  /** A Fluent icon's name, shown before the words. */
  iconName?: string;
  /**
   * Unavailable but still reachable with Tab, so a screen reader can find it and hear why
   * (aria-disabled; clicks do nothing), as Fluent's `allowDisabledFocus`.
   */
  allowDisabledFocus?: boolean;
}

/**
 * The dashboard's button: a native `<button>` (Enter and Space, focus, the disabled state and its
 * role come from the browser) drawn as Fluent's DefaultButton, PrimaryButton or ActionButton,
 * with the theme's colours and, where the operating system forces its own (high contrast), its
 * ButtonText/ButtonFace, Highlight and GrayText. Fluent's Button is not used in the first load: it
 * always brings its menus and callouts (about 20 KB gzipped) for a menu these buttons never have.
 */
export const Button = React.forwardRef<HTMLButtonElement, IButtonProps>(function Button(props: IButtonProps, ref: React.Ref<HTMLButtonElement>): JSX.Element {
  const { text, primary, action, ariaLabel, ariaDescription, iconName, allowDisabledFocus, disabled, onClick, className, ...rest } = props;
  const classNames = useClassNames();
  const descriptionId: string = useUniqueId('ph-button-description');
  const focusableWhenDisabled: boolean = !!disabled && !!allowDisabledFocus;
  const describedBy: string | undefined = [rest['aria-describedby'], ariaDescription ? descriptionId : undefined].filter((x) => !!x).join(' ') || undefined;
  return (
    <>
      <button
        {...rest}
        ref={ref}
        type="button"
        className={[classNames.plainButton, primary ? classNames.primaryButton : '', action ? classNames.actionButton : '', className || ''].filter((c) => c !== '').join(' ')}
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        disabled={disabled && !focusableWhenDisabled}
        aria-disabled={disabled ? true : undefined}
        onClick={(e) => {
          if (!disabled && onClick) {
            onClick(e);
          }
        }}
      >
        {iconName ? <FontIcon iconName={iconName} aria-hidden={true} className={classNames.buttonIcon} /> : undefined}
        {text}
      </button>
      {ariaDescription ? (
        <span id={descriptionId} className={classNames.visuallyHidden}>
          {ariaDescription}
        </span>
      ) : undefined}
    </>
  );
});
