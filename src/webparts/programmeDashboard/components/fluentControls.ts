/**
 * Fluent UI's heavier controls, in one chunk the first load does not carry (see lazy.tsx): its
 * drop-down, text field and menu share Fluent's Button, callouts and focus zones, about 55 KB
 * gzipped. A view fetches this chunk in the background once it is on screen; each control shows
 * a placeholder until then (see PeriodPicker, RowActions and the lazy text field).
 */
export { ContextualMenu, DirectionalHint } from '@fluentui/react/lib/ContextualMenu';
export { Dropdown } from '@fluentui/react/lib/Dropdown';
export { TextField } from '@fluentui/react/lib/TextField';
