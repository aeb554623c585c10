import type { SiteErrorKind } from './site';

/** A protocol's answer to a refusal: the HTTP status and the error body's code. */
export interface IErrorAnswer {
  status: number;
  code: string;
}

/**
 * How SharePoint REST and Graph answer each refusal of the site (SiteError), side by side: the
 * rules live in site.ts and are the same for both, only the answers differ. Every kind must have
 * both answers, so a new refusal cannot go out of one protocol as something else.
 */
export const SITE_ERROR_ANSWERS: { readonly [kind in SiteErrorKind]: { readonly rest: IErrorAnswer; readonly graph: IErrorAnswer } } = {
  listNotFound: { rest: { status: 404, code: '-1, System.ArgumentException' }, graph: { status: 404, code: 'itemNotFound' } },
  itemNotFound: { rest: { status: 404, code: '-2130575338, Microsoft.SharePoint.SPException' }, graph: { status: 404, code: 'itemNotFound' } },
  forbidden: { rest: { status: 403, code: '-2147024891, System.UnauthorizedAccessException' }, graph: { status: 403, code: 'accessDenied' } },
  preconditionFailed: { rest: { status: 412, code: '-1, Microsoft.SharePoint.Client.ClientServiceException' }, graph: { status: 412, code: 'resourceModified' } },
  unknownProperty: { rest: { status: 400, code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException' }, graph: { status: 400, code: 'invalidRequest' } },
  unknownField: { rest: { status: 400, code: '-1, Microsoft.SharePoint.SPException' }, graph: { status: 400, code: 'invalidRequest' } },
  badQuery: { rest: { status: 400, code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException' }, graph: { status: 400, code: 'invalidRequest' } },
  // SharePoint answers the list view threshold with 500, not 4xx. Graph answers it with 429
  // (msgraph-sdk-dotnet#827); UNCONFIRMED: the body's exact words, so the message names the
  // threshold as SharePoint's does.
  threshold: {
    rest: { status: 500, code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException' },
    graph: { status: 429, code: 'activityLimitReached' }
  },
  // More lookup and person columns in one query than SharePoint allows (12): SharePoint REST
  // answers 500 SPQueryThrottledException as for the list view threshold, with another HRESULT
  // and its own words (vgrem/office365-rest-python-client #758: "-2147024749, …", "The query
  // cannot be completed because the number of lookup columns it contains exceeds the lookup
  // column threshold."). Graph's fieldValueSet reference says up to 12 lookup fields may be
  // requested in a query; UNCONFIRMED how Graph refuses more, so a plain 400 here.
  lookupThreshold: {
    rest: { status: 500, code: '-2147024749, Microsoft.SharePoint.SPQueryThrottledException' },
    graph: { status: 400, code: 'invalidRequest' }
  },
  // UNCONFIRMED: the exact code SharePoint gives a value its column refuses.
  invalidValue: { rest: { status: 400, code: '-2146232832, Microsoft.SharePoint.SPFieldValidationException' }, graph: { status: 400, code: 'invalidRequest' } },
  duplicate: { rest: { status: 400, code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException' }, graph: { status: 409, code: 'nameAlreadyExists' } }
};
