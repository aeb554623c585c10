/** The shape of the programme's list schema (src/data/provisioning/schema.ts, generated from sharepoint/assets). */

/** One column as provisioned. */
export interface IFieldSchema {
  /** Internal name. */
  name: string;
  /** The column's GUID, lower case, no braces. */
  id: string;
  /** SharePoint's TypeAsString: Text, Note, Lookup… */
  type: string;
  displayName: string;
  required: boolean;
  indexed: boolean;
  unique: boolean;
  hidden: boolean;
  /** For lookups: the target list's web-relative URL ("Lists/Workstreams"). */
  lookupList?: string;
  /** The Field element, as createFieldAsXml takes it. */
  xml: string;
}

/** One list as provisioned. */
export interface IListSchema {
  title: string;
  /** Web-relative URL: "Lists/StatusReports". */
  url: string;
  description: string;
  versioning: boolean;
  /** The list's own content type, which carries every column (so SharePoint's forms show them). */
  contentType: { id: string; name: string; description: string };
  fields: IFieldSchema[];
}
