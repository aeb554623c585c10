/**
 * The task pane page in its sign-in mode: what runs inside the Office dialog that hosts without
 * nested app authentication use to sign in (Microsoft: "Authenticate and authorize with the
 * Office dialog API"). The pane opens its own page with `?phSignIn=<scopes>`; here MSAL's
 * redirect flow runs in the dialog — to Microsoft's sign-in and back to this same page — and
 * the tokens go back to the pane with `Office.context.ui.messageParent`.
 *
 * The scopes are kept in sessionStorage across the redirect, whose return address carries
 * MSAL's answer instead of the query.
 */
/** The query parameter that puts the task pane page in sign-in mode, holding the scope sets. */
export const SIGN_IN_DIALOG_PARAM: string = 'phSignIn';
/** Where the scope sets wait while Microsoft's sign-in page is shown. */
export const PENDING_SIGN_IN_KEY: string = 'ProgrammeHighlights.SignInRequest';

/** A token the dialog sends back. */
export interface IDialogToken {
  scopes: string[];
  accessToken: string;
  /** Expiry, in milliseconds since 1970. */
  expiresOn: number;
}

/** The message the dialog sends the pane. */
export type ISignInReply = { ok: true; tokens: IDialogToken[] } | { ok: false; errorName?: string; message?: string };

function parseScopeSets(raw: string | null): string[][] | undefined {
  if (!raw) {
    return undefined;
  }
  try {
    const sets: unknown = JSON.parse(raw);
    const valid: boolean =
      Array.isArray(sets) && sets.length > 0 && sets.every((s) => Array.isArray(s) && s.length > 0 && s.every((x) => typeof x === 'string' && /^[\w:/.-]+$/.test(x)));
    return valid ? (sets as string[][]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The scope sets this page must sign in for, when it runs as the sign-in dialog: from the
 * query on its first load, from sessionStorage when MSAL's redirect brings it back. Undefined
 * when the page is the task pane.
 */
export function signInDialogRequest(location: { search: string; hash: string }, storage: Pick<Storage, 'getItem' | 'setItem'>): string[][] | undefined {
  const fromQuery: string | null = new URLSearchParams(location.search).get(SIGN_IN_DIALOG_PARAM);
  if (fromQuery !== null) {
    const sets: string[][] | undefined = parseScopeSets(fromQuery);
    if (sets) {
      storage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(sets));
    }
    return sets;
  }
  // Back from Microsoft's sign-in: MSAL's answer is in the fragment (or the query).
  const answer: boolean = /(^|[#?&])(code|error)=/.test(location.hash) || /[?&](code|error)=/.test(location.search);
  return answer ? parseScopeSets(storage.getItem(PENDING_SIGN_IN_KEY)) : undefined;
}
