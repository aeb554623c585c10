/**
 * The programme's lists as provisioned: generated from sharepoint/assets by
 * `node sharepoint/generate-schema.mjs` — do not edit by hand. Each column keeps its Field XML,
 * which SharePoint's createFieldAsXml takes as it is (a lookup's List is the target list's URL
 * here and becomes its id when provisioned).
 */
import type { IListSchema } from './types';

/** Every list, in provisioning order (a lookup's target list comes before the list that looks it up). */
export const LIST_SCHEMAS: readonly IListSchema[] = [
  {
    "title": "Programme",
    "url": "Lists/Programme",
    "description": "The programme this site reports on: its title, organisation, board and the introduction to the RAG key.",
    "versioning": true,
    "contentType": {
      "id": "0x01004A21CECC018A5B1A98063FA548A8C052",
      "name": "Programme",
      "description": "A programme of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Programme",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Programme\" Required=\"TRUE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "Organisation",
        "id": "62127c53-d7da-5ed3-8243-f7c5ec8605b1",
        "type": "Text",
        "displayName": "Organisation",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{62127c53-d7da-5ed3-8243-f7c5ec8605b1}\" Name=\"Organisation\" StaticName=\"Organisation\" DisplayName=\"Organisation\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Board",
        "id": "1deccac6-ed10-5b69-a657-294d439e5e99",
        "type": "Text",
        "displayName": "Board",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{1deccac6-ed10-5b69-a657-294d439e5e99}\" Name=\"Board\" StaticName=\"Board\" DisplayName=\"Board\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RagKeyIntroduction",
        "id": "9b79c739-61b5-5feb-bc52-188ac11d6abd",
        "type": "Note",
        "displayName": "RAG key introduction",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{9b79c739-61b5-5feb-bc52-188ac11d6abd}\" Name=\"RagKeyIntroduction\" StaticName=\"RagKeyIntroduction\" DisplayName=\"RAG key introduction\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RatingScale",
        "id": "12a4270d-a612-50c1-b722-54cee64c0dc9",
        "type": "Choice",
        "displayName": "Workstream ratings",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{12a4270d-a612-50c1-b722-54cee64c0dc9}\" Name=\"RatingScale\" StaticName=\"RatingScale\" DisplayName=\"Workstream ratings\" Description=\"Five levels (Green to Red), Red, Amber, Green, or Not rated yet. Empty: five levels.\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Five levels</CHOICE><CHOICE>Red, Amber, Green</CHOICE><CHOICE>Not rated yet</CHOICE></CHOICES></Field>"
      },
      {
        "name": "UsesSponsorComments",
        "id": "45b62140-f158-50e5-bec6-833778f20784",
        "type": "Choice",
        "displayName": "Sponsor comments",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{45b62140-f158-50e5-bec6-833778f20784}\" Name=\"UsesSponsorComments\" StaticName=\"UsesSponsorComments\" DisplayName=\"Sponsor comments\" Description=\"Whether sponsors comment on each period. Empty: yes.\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Yes</CHOICE><CHOICE>No</CHOICE></CHOICES></Field>"
      },
      {
        "name": "UsesMilestones",
        "id": "5421c717-4f34-5012-bafa-d6cc03d1833a",
        "type": "Choice",
        "displayName": "Milestones",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{5421c717-4f34-5012-bafa-d6cc03d1833a}\" Name=\"UsesMilestones\" StaticName=\"UsesMilestones\" DisplayName=\"Milestones\" Description=\"Whether reports list milestones. Empty: yes.\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Yes</CHOICE><CHOICE>No</CHOICE></CHOICES></Field>"
      },
      {
        "name": "UsesSignOff",
        "id": "3140ba29-8b02-5d57-8078-4be65400910b",
        "type": "Choice",
        "displayName": "Sign-off",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{3140ba29-8b02-5d57-8078-4be65400910b}\" Name=\"UsesSignOff\" StaticName=\"UsesSignOff\" DisplayName=\"Sign-off\" Description=\"Whether a report says who completed it and when. Empty: yes.\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Yes</CHOICE><CHOICE>No</CHOICE></CHOICES></Field>"
      },
      {
        "name": "PrintEmpty",
        "id": "a1d69ab4-331a-5dfd-b910-f86750f3aef3",
        "type": "Choice",
        "displayName": "Print empty parts",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{a1d69ab4-331a-5dfd-b910-f86750f3aef3}\" Name=\"PrintEmpty\" StaticName=\"PrintEmpty\" DisplayName=\"Print empty parts\" Description=\"Whether the report prints empty tables and details rows. Empty: yes.\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Yes</CHOICE><CHOICE>No</CHOICE></CHOICES></Field>"
      },
      {
        "name": "KeyRisksTable",
        "id": "c411c69e-2747-5444-bfcf-f8affc56bc2a",
        "type": "Choice",
        "displayName": "Key risks table",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{c411c69e-2747-5444-bfcf-f8affc56bc2a}\" Name=\"KeyRisksTable\" StaticName=\"KeyRisksTable\" DisplayName=\"Key risks table\" Description=\"Whether the report has one table of key risks by workstream instead of a risks table in each section. Empty: no.\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Yes</CHOICE><CHOICE>No</CHOICE></CHOICES></Field>"
      }
    ]
  },
  {
    "title": "RAG Definitions",
    "url": "Lists/RagDefinitions",
    "description": "What each RAG level means to this organisation; printed as the RAG key.",
    "versioning": true,
    "contentType": {
      "id": "0x01009A9A08B6AE4D53BA985EA2C6BA1C96FA",
      "name": "RAG definition",
      "description": "A RAG definition of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Level",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Level\" Required=\"TRUE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "Rag",
        "id": "1ba5aedd-6f5a-5600-ba09-8d817f6e4d19",
        "type": "Choice",
        "displayName": "RAG",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{1ba5aedd-6f5a-5600-ba09-8d817f6e4d19}\" Name=\"Rag\" StaticName=\"Rag\" DisplayName=\"RAG\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Green</CHOICE><CHOICE>Green/Amber</CHOICE><CHOICE>Amber</CHOICE><CHOICE>Amber/Red</CHOICE><CHOICE>Red</CHOICE></CHOICES></Field>"
      },
      {
        "name": "Definition",
        "id": "2da8e366-22a9-5e65-9a9e-52dadcc82048",
        "type": "Note",
        "displayName": "Definition",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{2da8e366-22a9-5e65-9a9e-52dadcc82048}\" Name=\"Definition\" StaticName=\"Definition\" DisplayName=\"Definition\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"TRUE\" Group=\"Programme Highlights\" />"
      }
    ]
  },
  {
    "title": "Phases",
    "url": "Lists/Phases",
    "description": "The phases of the improvement plan: each has its own themes and reporting periods, and ends with a close-down.",
    "versioning": true,
    "contentType": {
      "id": "0x0100A8DB5F21D901466CB6C09A2284825A59",
      "name": "Phase",
      "description": "A phase of the improvement plan, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Phase",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Phase\" Required=\"TRUE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "PhaseStart",
        "id": "d336dd54-100f-40d3-95af-fe31767a71d5",
        "type": "DateTime",
        "displayName": "Start",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{d336dd54-100f-40d3-95af-fe31767a71d5}\" Name=\"PhaseStart\" StaticName=\"PhaseStart\" DisplayName=\"Start\" Type=\"DateTime\" Format=\"DateOnly\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "PhaseEnd",
        "id": "e2fcc0f6-5a91-4ca6-b71f-7f517db5a364",
        "type": "DateTime",
        "displayName": "End",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{e2fcc0f6-5a91-4ca6-b71f-7f517db5a364}\" Name=\"PhaseEnd\" StaticName=\"PhaseEnd\" DisplayName=\"End\" Type=\"DateTime\" Format=\"DateOnly\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "PhaseState",
        "id": "ee2fb52f-de4b-4600-915d-33d4dcd7c231",
        "type": "Choice",
        "displayName": "State",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{ee2fb52f-de4b-4600-915d-33d4dcd7c231}\" Name=\"PhaseState\" StaticName=\"PhaseState\" DisplayName=\"State\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Open</CHOICE><CHOICE>Closing</CHOICE><CHOICE>Closed</CHOICE></CHOICES><Default>Open</Default></Field>"
      },
      {
        "name": "CloseDownNote",
        "id": "cf2d320c-32ea-41b8-ac45-7d296bd43971",
        "type": "Note",
        "displayName": "Close-down note",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{cf2d320c-32ea-41b8-ac45-7d296bd43971}\" Name=\"CloseDownNote\" StaticName=\"CloseDownNote\" DisplayName=\"Close-down note\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" Description=\"Printed above the close-down table: what the next phase's themes are and why.\" />"
      },
      {
        "name": "BoardMeetingDate",
        "id": "0878f7b4-9844-4436-805c-62afbb7dfa83",
        "type": "DateTime",
        "displayName": "Board meeting date",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{0878f7b4-9844-4436-805c-62afbb7dfa83}\" Name=\"BoardMeetingDate\" StaticName=\"BoardMeetingDate\" DisplayName=\"Board meeting date\" Description=\"The date of the Board meeting the phase's close-down went to, given when it was locked.\" Type=\"DateTime\" Format=\"DateOnly\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "CloseDownSnapshotId",
        "id": "0f3cc22a-ccd8-40f2-86dd-789c27824338",
        "type": "Text",
        "displayName": "Close-down snapshot",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{0f3cc22a-ccd8-40f2-86dd-789c27824338}\" Name=\"CloseDownSnapshotId\" StaticName=\"CloseDownSnapshotId\" DisplayName=\"Close-down snapshot\" Description=\"The snapshot (in Period Snapshots) of the close-down as the Board saw it, written when it was locked.\" Type=\"Text\" MaxLength=\"64\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RequestKey",
        "id": "ce1305d9-e6b8-52b8-90e7-cc3b23d8f24b",
        "type": "Text",
        "displayName": "Request key",
        "required": false,
        "indexed": true,
        "unique": true,
        "hidden": true,
        "xml": "<Field ID=\"{ce1305d9-e6b8-52b8-90e7-cc3b23d8f24b}\" Name=\"RequestKey\" StaticName=\"RequestKey\" DisplayName=\"Request key\" Type=\"Text\" MaxLength=\"64\" Required=\"FALSE\" Indexed=\"TRUE\" EnforceUniqueValues=\"TRUE\" Hidden=\"TRUE\" Group=\"Programme Highlights\" Description=\"Set by the product when it creates the item, so that a create repeated after a lost answer is refused instead of adding a duplicate.\" />"
      }
    ]
  },
  {
    "title": "Workstreams",
    "url": "Lists/Workstreams",
    "description": "The improvement plan's workstreams (themes).",
    "versioning": true,
    "contentType": {
      "id": "0x01000C5663D3EF8C5411955F416EDE4CAF9A",
      "name": "Workstream",
      "description": "A workstream of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Workstream",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Workstream\" Required=\"TRUE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "Code",
        "id": "faa194d9-e1e9-59a9-a077-c24d7c3d581c",
        "type": "Text",
        "displayName": "Code",
        "required": true,
        "indexed": true,
        "unique": true,
        "hidden": false,
        "xml": "<Field ID=\"{faa194d9-e1e9-59a9-a077-c24d7c3d581c}\" Name=\"Code\" StaticName=\"Code\" DisplayName=\"Code\" Type=\"Text\" MaxLength=\"16\" Required=\"TRUE\" Indexed=\"TRUE\" EnforceUniqueValues=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Description",
        "id": "b4d6ea97-17f5-5647-8603-954dd475e33c",
        "type": "Note",
        "displayName": "Project description",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{b4d6ea97-17f5-5647-8603-954dd475e33c}\" Name=\"Description\" StaticName=\"Description\" DisplayName=\"Project description\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Outcomes",
        "id": "65e0db89-224d-5b39-b6f2-81d26be03029",
        "type": "Note",
        "displayName": "Project outcomes",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{65e0db89-224d-5b39-b6f2-81d26be03029}\" Name=\"Outcomes\" StaticName=\"Outcomes\" DisplayName=\"Project outcomes\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Sponsor",
        "id": "738a43a9-4927-5463-9fdb-34f6097d0f1b",
        "type": "User",
        "displayName": "Workstream sponsor",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{738a43a9-4927-5463-9fdb-34f6097d0f1b}\" Name=\"Sponsor\" StaticName=\"Sponsor\" DisplayName=\"Workstream sponsor\" Type=\"User\" List=\"UserInfo\" ShowField=\"ImnName\" UserSelectionMode=\"PeopleOnly\" UserSelectionScope=\"0\" Required=\"FALSE\" Indexed=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ProjectManagers",
        "id": "793842ed-450a-5255-a314-968da6d2bd7b",
        "type": "UserMulti",
        "displayName": "Project managers",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{793842ed-450a-5255-a314-968da6d2bd7b}\" Name=\"ProjectManagers\" StaticName=\"ProjectManagers\" DisplayName=\"Project managers\" Type=\"UserMulti\" List=\"UserInfo\" ShowField=\"ImnName\" UserSelectionMode=\"PeopleOnly\" UserSelectionScope=\"0\" Mult=\"TRUE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "PmoSupport",
        "id": "43142fa4-8537-569e-a893-c8aae750dc4a",
        "type": "UserMulti",
        "displayName": "PMO support",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{43142fa4-8537-569e-a893-c8aae750dc4a}\" Name=\"PmoSupport\" StaticName=\"PmoSupport\" DisplayName=\"PMO support\" Type=\"UserMulti\" List=\"UserInfo\" ShowField=\"ImnName\" UserSelectionMode=\"PeopleOnly\" UserSelectionScope=\"0\" Mult=\"TRUE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "AgreedCompletion",
        "id": "29e3db21-1eff-5810-b6b8-bb30acfd7d41",
        "type": "Text",
        "displayName": "Agreed completion date",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{29e3db21-1eff-5810-b6b8-bb30acfd7d41}\" Name=\"AgreedCompletion\" StaticName=\"AgreedCompletion\" DisplayName=\"Agreed completion date\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ForecastCompletion",
        "id": "a8dd5065-e9bd-5ff4-9ea2-9b8ff5dfb95b",
        "type": "Text",
        "displayName": "Forecast completion date",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{a8dd5065-e9bd-5ff4-9ea2-9b8ff5dfb95b}\" Name=\"ForecastCompletion\" StaticName=\"ForecastCompletion\" DisplayName=\"Forecast completion date\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "SortOrder",
        "id": "733caeda-0462-58dc-ab88-e99fc1d0e3b7",
        "type": "Number",
        "displayName": "Order",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{733caeda-0462-58dc-ab88-e99fc1d0e3b7}\" Name=\"SortOrder\" StaticName=\"SortOrder\" DisplayName=\"Order\" Type=\"Number\" Decimals=\"0\" Required=\"FALSE\" Indexed=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ShortTitle",
        "id": "959290c7-514e-58b1-a030-d802a41c824c",
        "type": "Text",
        "displayName": "Short title",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{959290c7-514e-58b1-a030-d802a41c824c}\" Name=\"ShortTitle\" StaticName=\"ShortTitle\" DisplayName=\"Short title\" Description=\"The title tables use. Empty: the workstream's title.\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "FullTitle",
        "id": "ee05cb61-073a-59f2-b2f2-753957bb9007",
        "type": "Note",
        "displayName": "Full title",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{ee05cb61-073a-59f2-b2f2-753957bb9007}\" Name=\"FullTitle\" StaticName=\"FullTitle\" DisplayName=\"Full title\" Description=\"The whole title, when it is longer than the Workstream column holds (255 characters).\" Type=\"Note\" NumLines=\"3\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Retired",
        "id": "6fac6b19-5a0a-53ca-84a4-d523b4eccc44",
        "type": "Boolean",
        "displayName": "Retired",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{6fac6b19-5a0a-53ca-84a4-d523b4eccc44}\" Name=\"Retired\" StaticName=\"Retired\" DisplayName=\"Retired\" Description=\"Yes: the workstream no longer reports. It stays in the periods it reported in and their snapshots, and is not offered in new periods.\" Type=\"Boolean\" Required=\"FALSE\" Group=\"Programme Highlights\"><Default>0</Default></Field>"
      },
      {
        "name": "Phase",
        "id": "00df23f5-060b-428c-b20f-e48004be513a",
        "type": "Lookup",
        "displayName": "Phase",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{00df23f5-060b-428c-b20f-e48004be513a}\" Name=\"Phase\" StaticName=\"Phase\" DisplayName=\"Phase\" Type=\"Lookup\" List=\"Lists/Phases\" ShowField=\"Title\" Required=\"FALSE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/Phases"
      }
    ]
  },
  {
    "title": "Reporting Periods",
    "url": "Lists/ReportingPeriods",
    "description": "Reporting periods, their state and the lead executive director's overview.",
    "versioning": true,
    "contentType": {
      "id": "0x0100A4604A8939C8585A88B7ABAE8053755B",
      "name": "Reporting period",
      "description": "A reporting period of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Period",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Period\" Required=\"TRUE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "PeriodStart",
        "id": "18874d18-0c18-5a9f-a509-7be6f249410b",
        "type": "DateTime",
        "displayName": "Start",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{18874d18-0c18-5a9f-a509-7be6f249410b}\" Name=\"PeriodStart\" StaticName=\"PeriodStart\" DisplayName=\"Start\" Type=\"DateTime\" Format=\"DateOnly\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "PeriodEnd",
        "id": "81db2f47-e728-5170-8458-5382db9baaaf",
        "type": "DateTime",
        "displayName": "End",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{81db2f47-e728-5170-8458-5382db9baaaf}\" Name=\"PeriodEnd\" StaticName=\"PeriodEnd\" DisplayName=\"End\" Type=\"DateTime\" Format=\"DateOnly\" Required=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "PeriodState",
        "id": "b5ed1cda-5e74-51c0-b621-7ceae83ee900",
        "type": "Choice",
        "displayName": "State",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{b5ed1cda-5e74-51c0-b621-7ceae83ee900}\" Name=\"PeriodState\" StaticName=\"PeriodState\" DisplayName=\"State\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Open</CHOICE><CHOICE>Locked</CHOICE></CHOICES><Default>Open</Default></Field>"
      },
      {
        "name": "Overview",
        "id": "f21242c4-6848-5806-b08c-ad95563eb346",
        "type": "Note",
        "displayName": "Lead executive director overview",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{f21242c4-6848-5806-b08c-ad95563eb346}\" Name=\"Overview\" StaticName=\"Overview\" DisplayName=\"Lead executive director overview\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "OverallRag",
        "id": "b414de1a-97e4-5c18-8f06-466f1bfc203e",
        "type": "Choice",
        "displayName": "Overall RAG",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{b414de1a-97e4-5c18-8f06-466f1bfc203e}\" Name=\"OverallRag\" StaticName=\"OverallRag\" DisplayName=\"Overall RAG\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Green</CHOICE><CHOICE>Green/Amber</CHOICE><CHOICE>Amber</CHOICE><CHOICE>Amber/Red</CHOICE><CHOICE>Red</CHOICE></CHOICES></Field>"
      },
      {
        "name": "OverviewAuthor",
        "id": "1280ba07-95e2-51e9-906e-8a449b9ba35f",
        "type": "Text",
        "displayName": "Overview by",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{1280ba07-95e2-51e9-906e-8a449b9ba35f}\" Name=\"OverviewAuthor\" StaticName=\"OverviewAuthor\" DisplayName=\"Overview by\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "BoardMeetingDate",
        "id": "99f3c52c-e8b2-52c1-bbe8-6fdbaaf99aa7",
        "type": "DateTime",
        "displayName": "Board meeting date",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{99f3c52c-e8b2-52c1-bbe8-6fdbaaf99aa7}\" Name=\"BoardMeetingDate\" StaticName=\"BoardMeetingDate\" DisplayName=\"Board meeting date\" Description=\"The date of the Board meeting the period's report went to.\" Type=\"DateTime\" Format=\"DateOnly\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Phase",
        "id": "acc17459-4825-4014-a834-9d418acc24ed",
        "type": "Lookup",
        "displayName": "Phase",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{acc17459-4825-4014-a834-9d418acc24ed}\" Name=\"Phase\" StaticName=\"Phase\" DisplayName=\"Phase\" Type=\"Lookup\" List=\"Lists/Phases\" ShowField=\"Title\" Required=\"FALSE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/Phases"
      }
    ]
  },
  {
    "title": "Status Reports",
    "url": "Lists/StatusReports",
    "description": "Each workstream's highlight report for a period.",
    "versioning": true,
    "contentType": {
      "id": "0x0100CFA89C2BFAC65E0F935582AF65649830",
      "name": "Status report",
      "description": "A status report of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Report",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Report\" Required=\"FALSE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "Workstream",
        "id": "0869b757-57db-53a9-94a0-b072fb1aacc2",
        "type": "Lookup",
        "displayName": "Workstream",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{0869b757-57db-53a9-94a0-b072fb1aacc2}\" Name=\"Workstream\" StaticName=\"Workstream\" DisplayName=\"Workstream\" Type=\"Lookup\" List=\"Lists/Workstreams\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/Workstreams"
      },
      {
        "name": "ReportingPeriod",
        "id": "c2bebd5f-bd62-5274-9732-b2c20561f3ed",
        "type": "Lookup",
        "displayName": "Reporting period",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{c2bebd5f-bd62-5274-9732-b2c20561f3ed}\" Name=\"ReportingPeriod\" StaticName=\"ReportingPeriod\" DisplayName=\"Reporting period\" Type=\"Lookup\" List=\"Lists/ReportingPeriods\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/ReportingPeriods"
      },
      {
        "name": "Rag",
        "id": "bcfaac8d-fb4e-5ccb-a9f3-962594a5598c",
        "type": "Choice",
        "displayName": "This period",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{bcfaac8d-fb4e-5ccb-a9f3-962594a5598c}\" Name=\"Rag\" StaticName=\"Rag\" DisplayName=\"This period\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"FALSE\" Indexed=\"TRUE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Green</CHOICE><CHOICE>Green/Amber</CHOICE><CHOICE>Amber</CHOICE><CHOICE>Amber/Red</CHOICE><CHOICE>Red</CHOICE></CHOICES></Field>"
      },
      {
        "name": "PreviousRag",
        "id": "4b66eb8a-9c98-58c3-9d43-0cba937c303d",
        "type": "Choice",
        "displayName": "Previous period",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{4b66eb8a-9c98-58c3-9d43-0cba937c303d}\" Name=\"PreviousRag\" StaticName=\"PreviousRag\" DisplayName=\"Previous period\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Green</CHOICE><CHOICE>Green/Amber</CHOICE><CHOICE>Amber</CHOICE><CHOICE>Amber/Red</CHOICE><CHOICE>Red</CHOICE><CHOICE>Not rated</CHOICE></CHOICES></Field>"
      },
      {
        "name": "PreviousRagReason",
        "id": "de9493e4-4aa0-4bd1-a099-301e3aef060d",
        "type": "Note",
        "displayName": "Why last period differs from the record",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{de9493e4-4aa0-4bd1-a099-301e3aef060d}\" Name=\"PreviousRagReason\" StaticName=\"PreviousRagReason\" DisplayName=\"Why last period differs from the record\" Type=\"Note\" NumLines=\"3\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "KeyActivities",
        "id": "4ef00802-2095-5e65-b5cd-d2d3af76c0e6",
        "type": "Note",
        "displayName": "Key activities",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{4ef00802-2095-5e65-b5cd-d2d3af76c0e6}\" Name=\"KeyActivities\" StaticName=\"KeyActivities\" DisplayName=\"Key activities\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Engagement",
        "id": "034991d4-f32f-579a-acd7-33b54e14078c",
        "type": "Note",
        "displayName": "Engagement",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{034991d4-f32f-579a-acd7-33b54e14078c}\" Name=\"Engagement\" StaticName=\"Engagement\" DisplayName=\"Engagement\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ConcernsIssues",
        "id": "4ea56892-ecd6-5973-add4-ce3aa1a7c52d",
        "type": "Note",
        "displayName": "Concerns/issues",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{4ea56892-ecd6-5973-add4-ce3aa1a7c52d}\" Name=\"ConcernsIssues\" StaticName=\"ConcernsIssues\" DisplayName=\"Concerns/issues\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ManagerUpdate",
        "id": "9436d791-af4c-585e-803f-c7a59cdec516",
        "type": "Note",
        "displayName": "Project manager update",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{9436d791-af4c-585e-803f-c7a59cdec516}\" Name=\"ManagerUpdate\" StaticName=\"ManagerUpdate\" DisplayName=\"Project manager update\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RagRationale",
        "id": "9b23efd4-b4aa-5f40-ad91-8021d9b2aff1",
        "type": "Note",
        "displayName": "RAG rationale",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{9b23efd4-b4aa-5f40-ad91-8021d9b2aff1}\" Name=\"RagRationale\" StaticName=\"RagRationale\" DisplayName=\"RAG rationale\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "AgreedCompletion",
        "id": "d5e080d4-9f28-5955-9c36-fd20d8f23c71",
        "type": "Text",
        "displayName": "Agreed completion date",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{d5e080d4-9f28-5955-9c36-fd20d8f23c71}\" Name=\"AgreedCompletion\" StaticName=\"AgreedCompletion\" DisplayName=\"Agreed completion date\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ForecastCompletion",
        "id": "54779252-7fea-5385-a165-85d443940f24",
        "type": "Text",
        "displayName": "Forecast completion date",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{54779252-7fea-5385-a165-85d443940f24}\" Name=\"ForecastCompletion\" StaticName=\"ForecastCompletion\" DisplayName=\"Forecast completion date\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "CompletionDateChangeNote",
        "id": "bef7ee08-1635-50f5-bf5c-e22e09aa311c",
        "type": "Note",
        "displayName": "Why the completion date moved",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{bef7ee08-1635-50f5-bf5c-e22e09aa311c}\" Name=\"CompletionDateChangeNote\" StaticName=\"CompletionDateChangeNote\" DisplayName=\"Why the completion date moved\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ReportingPeriodAsWritten",
        "id": "3b032784-8a45-575d-9514-eedd3638b8d5",
        "type": "Text",
        "displayName": "Reporting period as written",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{3b032784-8a45-575d-9514-eedd3638b8d5}\" Name=\"ReportingPeriodAsWritten\" StaticName=\"ReportingPeriodAsWritten\" DisplayName=\"Reporting period as written\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "NamesAsWritten",
        "id": "3fb27a90-d884-55a2-aa96-99a1bd3dced6",
        "type": "Note",
        "displayName": "Workstream names as written",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{3fb27a90-d884-55a2-aa96-99a1bd3dced6}\" Name=\"NamesAsWritten\" StaticName=\"NamesAsWritten\" DisplayName=\"Workstream names as written\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "CompletedBy",
        "id": "ec7970a1-3b21-50ef-9d1a-085b1afb008d",
        "type": "Text",
        "displayName": "Report completed by",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{ec7970a1-3b21-50ef-9d1a-085b1afb008d}\" Name=\"CompletedBy\" StaticName=\"CompletedBy\" DisplayName=\"Report completed by\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "CompletionDate",
        "id": "068d4cc1-f950-5469-9fd2-1a8c5867bad5",
        "type": "Text",
        "displayName": "Completion date",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{068d4cc1-f950-5469-9fd2-1a8c5867bad5}\" Name=\"CompletionDate\" StaticName=\"CompletionDate\" DisplayName=\"Completion date\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ReportState",
        "id": "d299cc25-0f3e-5af2-9c8f-f6732c508e39",
        "type": "Choice",
        "displayName": "Report state",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{d299cc25-0f3e-5af2-9c8f-f6732c508e39}\" Name=\"ReportState\" StaticName=\"ReportState\" DisplayName=\"Report state\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Draft</CHOICE><CHOICE>Submitted</CHOICE><CHOICE>Approved</CHOICE><CHOICE>Returned</CHOICE></CHOICES><Default>Draft</Default></Field>"
      },
      {
        "name": "ReturnReason",
        "id": "478c1304-879f-5576-80e9-f5659a13f886",
        "type": "Note",
        "displayName": "Reason sent back",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{478c1304-879f-5576-80e9-f5659a13f886}\" Name=\"ReturnReason\" StaticName=\"ReturnReason\" DisplayName=\"Reason sent back\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RequestKey",
        "id": "16a5cfe7-7637-57da-ab10-95052bb592a1",
        "type": "Text",
        "displayName": "Request key",
        "required": false,
        "indexed": true,
        "unique": true,
        "hidden": true,
        "xml": "<Field ID=\"{16a5cfe7-7637-57da-ab10-95052bb592a1}\" Name=\"RequestKey\" StaticName=\"RequestKey\" DisplayName=\"Request key\" Type=\"Text\" MaxLength=\"64\" Required=\"FALSE\" Indexed=\"TRUE\" EnforceUniqueValues=\"TRUE\" Hidden=\"TRUE\" Group=\"Programme Highlights\" Description=\"Set by the product when it creates the item, so that a create repeated after a lost answer is refused instead of adding a duplicate.\" />"
      }
    ]
  },
  {
    "title": "Sponsor Comments",
    "url": "Lists/SponsorComments",
    "description": "Workstream sponsors' comments on each period's report.",
    "versioning": true,
    "contentType": {
      "id": "0x010087AF81A10EFE5C2689E839F6E0318F05",
      "name": "Sponsor comment",
      "description": "A sponsor comment of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Title",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Title\" Required=\"FALSE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "Workstream",
        "id": "26bd9bea-8249-5099-ab60-1bf443bc6889",
        "type": "Lookup",
        "displayName": "Workstream",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{26bd9bea-8249-5099-ab60-1bf443bc6889}\" Name=\"Workstream\" StaticName=\"Workstream\" DisplayName=\"Workstream\" Type=\"Lookup\" List=\"Lists/Workstreams\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/Workstreams"
      },
      {
        "name": "ReportingPeriod",
        "id": "02a7608f-a849-5ef7-b656-c752e79da64c",
        "type": "Lookup",
        "displayName": "Reporting period",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{02a7608f-a849-5ef7-b656-c752e79da64c}\" Name=\"ReportingPeriod\" StaticName=\"ReportingPeriod\" DisplayName=\"Reporting period\" Type=\"Lookup\" List=\"Lists/ReportingPeriods\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/ReportingPeriods"
      },
      {
        "name": "SponsorComment",
        "id": "5d1b4237-a71b-57f1-9bdb-ef80d833f859",
        "type": "Note",
        "displayName": "Sponsor comments",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{5d1b4237-a71b-57f1-9bdb-ef80d833f859}\" Name=\"SponsorComment\" StaticName=\"SponsorComment\" DisplayName=\"Sponsor comments\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RecordedBy",
        "id": "5cdd4b0b-6be3-4e8f-8782-ac42c089707e",
        "type": "User",
        "displayName": "Recorded by",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{5cdd4b0b-6be3-4e8f-8782-ac42c089707e}\" Name=\"RecordedBy\" StaticName=\"RecordedBy\" DisplayName=\"Recorded by\" Description=\"Who wrote it on the site it was brought in from by an import; empty for what was written here (Created By says who).\" Type=\"User\" List=\"UserInfo\" ShowField=\"ImnName\" UserSelectionMode=\"PeopleOnly\" UserSelectionScope=\"0\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RecordedOn",
        "id": "d88ed955-9846-40c9-84f8-b197c2eb3bf4",
        "type": "DateTime",
        "displayName": "Recorded on",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{d88ed955-9846-40c9-84f8-b197c2eb3bf4}\" Name=\"RecordedOn\" StaticName=\"RecordedOn\" DisplayName=\"Recorded on\" Description=\"When it was written on the site it was brought in from by an import; empty for what was written here (Created says when).\" Type=\"DateTime\" Format=\"DateTime\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RequestKey",
        "id": "f836208a-fdbe-5bae-ac8a-705adc4fb521",
        "type": "Text",
        "displayName": "Request key",
        "required": false,
        "indexed": true,
        "unique": true,
        "hidden": true,
        "xml": "<Field ID=\"{f836208a-fdbe-5bae-ac8a-705adc4fb521}\" Name=\"RequestKey\" StaticName=\"RequestKey\" DisplayName=\"Request key\" Type=\"Text\" MaxLength=\"64\" Required=\"FALSE\" Indexed=\"TRUE\" EnforceUniqueValues=\"TRUE\" Hidden=\"TRUE\" Group=\"Programme Highlights\" Description=\"Set by the product when it creates the item, so that a create repeated after a lost answer is refused instead of adding a duplicate.\" />"
      }
    ]
  },
  {
    "title": "Milestones",
    "url": "Lists/Milestones",
    "description": "Key milestones and activities: reported this period, or planned for the next.",
    "versioning": true,
    "contentType": {
      "id": "0x01000BC6AA89100F5453B2D34E84A51F3208",
      "name": "Milestone",
      "description": "A milestone of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Milestone",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Milestone\" Required=\"FALSE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "Workstream",
        "id": "1678d54e-0f94-590b-b6b8-5a6cf245fd87",
        "type": "Lookup",
        "displayName": "Workstream",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{1678d54e-0f94-590b-b6b8-5a6cf245fd87}\" Name=\"Workstream\" StaticName=\"Workstream\" DisplayName=\"Workstream\" Type=\"Lookup\" List=\"Lists/Workstreams\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/Workstreams"
      },
      {
        "name": "ReportingPeriod",
        "id": "ca959779-8da0-52af-905b-5673b48dfaed",
        "type": "Lookup",
        "displayName": "Reporting period",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{ca959779-8da0-52af-905b-5673b48dfaed}\" Name=\"ReportingPeriod\" StaticName=\"ReportingPeriod\" DisplayName=\"Reporting period\" Type=\"Lookup\" List=\"Lists/ReportingPeriods\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/ReportingPeriods"
      },
      {
        "name": "Timing",
        "id": "dde6cd6f-f25f-5b23-926a-9ffaa23a8170",
        "type": "Choice",
        "displayName": "Timing",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{dde6cd6f-f25f-5b23-926a-9ffaa23a8170}\" Name=\"Timing\" StaticName=\"Timing\" DisplayName=\"Timing\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>This period</CHOICE><CHOICE>Next period</CHOICE></CHOICES><Default>This period</Default></Field>"
      },
      {
        "name": "MilestoneNumber",
        "id": "59989ffe-36c7-5249-9a18-368ebfc238c9",
        "type": "Text",
        "displayName": "Number",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{59989ffe-36c7-5249-9a18-368ebfc238c9}\" Name=\"MilestoneNumber\" StaticName=\"MilestoneNumber\" DisplayName=\"Number\" Type=\"Text\" MaxLength=\"16\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "MilestoneStatus",
        "id": "be4c7400-c007-5f78-b1d7-1658177abd7d",
        "type": "Note",
        "displayName": "Status",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{be4c7400-c007-5f78-b1d7-1658177abd7d}\" Name=\"MilestoneStatus\" StaticName=\"MilestoneStatus\" DisplayName=\"Status\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "StatusCategory",
        "id": "32f3fc00-2e4c-5728-913c-8f9effb77f56",
        "type": "Choice",
        "displayName": "Status category",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{32f3fc00-2e4c-5728-913c-8f9effb77f56}\" Name=\"StatusCategory\" StaticName=\"StatusCategory\" DisplayName=\"Status category\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"FALSE\" Indexed=\"TRUE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Not started</CHOICE><CHOICE>In progress</CHOICE><CHOICE>Ongoing</CHOICE><CHOICE>Complete</CHOICE><CHOICE>Delayed</CHOICE></CHOICES></Field>"
      },
      {
        "name": "DueDate",
        "id": "909ca9c5-9d57-54ed-8fdd-d0de5e907c11",
        "type": "DateTime",
        "displayName": "Due date",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{909ca9c5-9d57-54ed-8fdd-d0de5e907c11}\" Name=\"DueDate\" StaticName=\"DueDate\" DisplayName=\"Due date\" Type=\"DateTime\" Format=\"DateOnly\" Required=\"FALSE\" Indexed=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "SortOrder",
        "id": "79f60722-f2c4-58be-b446-1e42dec8cd01",
        "type": "Number",
        "displayName": "Order",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{79f60722-f2c4-58be-b446-1e42dec8cd01}\" Name=\"SortOrder\" StaticName=\"SortOrder\" DisplayName=\"Order\" Type=\"Number\" Decimals=\"0\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Origin",
        "id": "95e6ff4e-96a2-4beb-a1e5-f70be6a96222",
        "type": "Text",
        "displayName": "Origin",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{95e6ff4e-96a2-4beb-a1e5-f70be6a96222}\" Name=\"Origin\" StaticName=\"Origin\" DisplayName=\"Origin\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Indexed=\"TRUE\" Group=\"Programme Highlights\" Description=\"Set when the milestone was carried from a phase's close-down: closeDown:(phase id):(row id), the row it came from.\" />"
      },
      {
        "name": "RequestKey",
        "id": "ce1305d9-e6b8-52b8-90e7-cc3b23d8f24b",
        "type": "Text",
        "displayName": "Request key",
        "required": false,
        "indexed": true,
        "unique": true,
        "hidden": true,
        "xml": "<Field ID=\"{ce1305d9-e6b8-52b8-90e7-cc3b23d8f24b}\" Name=\"RequestKey\" StaticName=\"RequestKey\" DisplayName=\"Request key\" Type=\"Text\" MaxLength=\"64\" Required=\"FALSE\" Indexed=\"TRUE\" EnforceUniqueValues=\"TRUE\" Hidden=\"TRUE\" Group=\"Programme Highlights\" Description=\"Set by the product when it creates the item, so that a create repeated after a lost answer is refused instead of adding a duplicate.\" />"
      }
    ]
  },
  {
    "title": "Risks",
    "url": "Lists/Risks",
    "description": "Project risks and their mitigations, from the period raised until closed.",
    "versioning": true,
    "contentType": {
      "id": "0x0100DBE5CFA09CCA5CF1809023D59884D92E",
      "name": "Risk",
      "description": "A risk of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Risk",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Risk\" Required=\"FALSE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "Workstream",
        "id": "a0428ef9-631c-5d0d-a6ef-16a3f7a49e88",
        "type": "Lookup",
        "displayName": "Workstream",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{a0428ef9-631c-5d0d-a6ef-16a3f7a49e88}\" Name=\"Workstream\" StaticName=\"Workstream\" DisplayName=\"Workstream\" Type=\"Lookup\" List=\"Lists/Workstreams\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/Workstreams"
      },
      {
        "name": "RiskNumber",
        "id": "58ff7f92-12f5-59d7-9a69-ffc81ffa2a2c",
        "type": "Text",
        "displayName": "Number",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{58ff7f92-12f5-59d7-9a69-ffc81ffa2a2c}\" Name=\"RiskNumber\" StaticName=\"RiskNumber\" DisplayName=\"Number\" Type=\"Text\" MaxLength=\"16\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RiskDescription",
        "id": "e0b51e5a-f659-59d6-9de7-1a4a19048191",
        "type": "Note",
        "displayName": "Risk description",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{e0b51e5a-f659-59d6-9de7-1a4a19048191}\" Name=\"RiskDescription\" StaticName=\"RiskDescription\" DisplayName=\"Risk description\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Mitigation",
        "id": "16828382-8386-540c-a981-f36905940464",
        "type": "Note",
        "displayName": "Mitigation",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{16828382-8386-540c-a981-f36905940464}\" Name=\"Mitigation\" StaticName=\"Mitigation\" DisplayName=\"Mitigation\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Likelihood",
        "id": "2a7ee19b-b00c-538d-b4a1-316de380a483",
        "type": "Number",
        "displayName": "Likelihood (1-5)",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{2a7ee19b-b00c-538d-b4a1-316de380a483}\" Name=\"Likelihood\" StaticName=\"Likelihood\" DisplayName=\"Likelihood (1-5)\" Type=\"Number\" Decimals=\"0\" Min=\"1\" Max=\"5\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Impact",
        "id": "f269223b-b328-5d74-91bf-bc7ea892e9f7",
        "type": "Number",
        "displayName": "Impact (1-5)",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{f269223b-b328-5d74-91bf-bc7ea892e9f7}\" Name=\"Impact\" StaticName=\"Impact\" DisplayName=\"Impact (1-5)\" Type=\"Number\" Decimals=\"0\" Min=\"1\" Max=\"5\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RiskState",
        "id": "0ae7159b-75df-591d-870e-3a5a60fd5151",
        "type": "Choice",
        "displayName": "State",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{0ae7159b-75df-591d-870e-3a5a60fd5151}\" Name=\"RiskState\" StaticName=\"RiskState\" DisplayName=\"State\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Open</CHOICE><CHOICE>Closed</CHOICE></CHOICES><Default>Open</Default></Field>"
      },
      {
        "name": "RiskOwner",
        "id": "c369e93c-69da-5a5d-9124-53f5e01baf11",
        "type": "Text",
        "displayName": "Owner",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{c369e93c-69da-5a5d-9124-53f5e01baf11}\" Name=\"RiskOwner\" StaticName=\"RiskOwner\" DisplayName=\"Owner\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RaisedPeriod",
        "id": "647a2ad3-e8f1-54eb-b5c2-c0ab0ff35fd3",
        "type": "Lookup",
        "displayName": "Raised in period",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{647a2ad3-e8f1-54eb-b5c2-c0ab0ff35fd3}\" Name=\"RaisedPeriod\" StaticName=\"RaisedPeriod\" DisplayName=\"Raised in period\" Type=\"Lookup\" List=\"Lists/ReportingPeriods\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/ReportingPeriods"
      },
      {
        "name": "ClosedPeriod",
        "id": "18d28032-7a55-5d9c-8238-3bbcfad770c9",
        "type": "Lookup",
        "displayName": "Closed in period",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{18d28032-7a55-5d9c-8238-3bbcfad770c9}\" Name=\"ClosedPeriod\" StaticName=\"ClosedPeriod\" DisplayName=\"Closed in period\" Type=\"Lookup\" List=\"Lists/ReportingPeriods\" ShowField=\"Title\" Required=\"FALSE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/ReportingPeriods"
      },
      {
        "name": "SortOrder",
        "id": "60bd55d6-df9b-5a7d-8864-6adb99d03d55",
        "type": "Number",
        "displayName": "Order",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{60bd55d6-df9b-5a7d-8864-6adb99d03d55}\" Name=\"SortOrder\" StaticName=\"SortOrder\" DisplayName=\"Order\" Type=\"Number\" Decimals=\"0\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RequestKey",
        "id": "76d36579-f1f1-5635-a1fc-08687daa4b3a",
        "type": "Text",
        "displayName": "Request key",
        "required": false,
        "indexed": true,
        "unique": true,
        "hidden": true,
        "xml": "<Field ID=\"{76d36579-f1f1-5635-a1fc-08687daa4b3a}\" Name=\"RequestKey\" StaticName=\"RequestKey\" DisplayName=\"Request key\" Type=\"Text\" MaxLength=\"64\" Required=\"FALSE\" Indexed=\"TRUE\" EnforceUniqueValues=\"TRUE\" Hidden=\"TRUE\" Group=\"Programme Highlights\" Description=\"Set by the product when it creates the item, so that a create repeated after a lost answer is refused instead of adding a duplicate.\" />"
      }
    ]
  },
  {
    "title": "Period Snapshots",
    "url": "Lists/PeriodSnapshots",
    "description": "What each locked period's report showed when it went to the Board: the whole picture, in checksummed parts. Written once by the programme office when the period is locked.",
    "versioning": true,
    "contentType": {
      "id": "0x0100B7D146DDCAA05ADD9BBA1805124AADE9",
      "name": "Period snapshot",
      "description": "A period snapshot of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Title",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Title\" Required=\"FALSE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "ReportingPeriod",
        "id": "c1d53ba5-eca7-5c2e-b2f1-1e4401aee3ac",
        "type": "Lookup",
        "displayName": "Reporting period",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{c1d53ba5-eca7-5c2e-b2f1-1e4401aee3ac}\" Name=\"ReportingPeriod\" StaticName=\"ReportingPeriod\" DisplayName=\"Reporting period\" Type=\"Lookup\" List=\"Lists/ReportingPeriods\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/ReportingPeriods"
      },
      {
        "name": "SnapshotId",
        "id": "9c416adf-8f78-5057-bad7-7fdd1be3122a",
        "type": "Text",
        "displayName": "Snapshot",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{9c416adf-8f78-5057-bad7-7fdd1be3122a}\" Name=\"SnapshotId\" StaticName=\"SnapshotId\" DisplayName=\"Snapshot\" Type=\"Text\" MaxLength=\"64\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Phase",
        "id": "501261d7-5632-4ab5-8dc0-9ca3cb205971",
        "type": "Lookup",
        "displayName": "Phase (a close-down's snapshot)",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{501261d7-5632-4ab5-8dc0-9ca3cb205971}\" Name=\"Phase\" StaticName=\"Phase\" DisplayName=\"Phase (a close-down's snapshot)\" Description=\"Set on the parts of a phase's close-down snapshot; their reporting period is the phase's last.\" Type=\"Lookup\" List=\"Lists/Phases\" ShowField=\"Title\" Required=\"FALSE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/Phases"
      },
      {
        "name": "ChunkIndex",
        "id": "76b1ab7b-1731-577a-b8de-f62cd2c0f9bb",
        "type": "Number",
        "displayName": "Part",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{76b1ab7b-1731-577a-b8de-f62cd2c0f9bb}\" Name=\"ChunkIndex\" StaticName=\"ChunkIndex\" DisplayName=\"Part\" Type=\"Number\" Decimals=\"0\" Required=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ChunkCount",
        "id": "2cb4cedf-4567-5aca-8f3d-c4cc85e68d66",
        "type": "Number",
        "displayName": "Parts",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{2cb4cedf-4567-5aca-8f3d-c4cc85e68d66}\" Name=\"ChunkCount\" StaticName=\"ChunkCount\" DisplayName=\"Parts\" Type=\"Number\" Decimals=\"0\" Required=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Content",
        "id": "b9939f75-ea30-564c-830f-6470aaa4ddcb",
        "type": "Note",
        "displayName": "Content",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{b9939f75-ea30-564c-830f-6470aaa4ddcb}\" Name=\"Content\" StaticName=\"Content\" DisplayName=\"Content\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Sha256",
        "id": "2a749e63-96ce-56c2-9a80-71b40957363d",
        "type": "Text",
        "displayName": "SHA-256 of the whole snapshot",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{2a749e63-96ce-56c2-9a80-71b40957363d}\" Name=\"Sha256\" StaticName=\"Sha256\" DisplayName=\"SHA-256 of the whole snapshot\" Type=\"Text\" MaxLength=\"64\" Required=\"TRUE\" Group=\"Programme Highlights\" />"
      }
    ]
  },
  {
    "title": "Period History",
    "url": "Lists/PeriodHistory",
    "description": "Who locked and reopened each period, when and why.",
    "versioning": true,
    "contentType": {
      "id": "0x01007CA83D957B90513BBB9D22A4B70B4272",
      "name": "Period history entry",
      "description": "A period history entry of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Title",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Title\" Required=\"FALSE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "ReportingPeriod",
        "id": "5052389e-94c9-5b2e-9010-aa6293095b12",
        "type": "Lookup",
        "displayName": "Reporting period",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{5052389e-94c9-5b2e-9010-aa6293095b12}\" Name=\"ReportingPeriod\" StaticName=\"ReportingPeriod\" DisplayName=\"Reporting period\" Type=\"Lookup\" List=\"Lists/ReportingPeriods\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/ReportingPeriods"
      },
      {
        "name": "PeriodAction",
        "id": "23eae7ef-a17f-58f8-95cd-5db32ff483e2",
        "type": "Choice",
        "displayName": "Action",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{23eae7ef-a17f-58f8-95cd-5db32ff483e2}\" Name=\"PeriodAction\" StaticName=\"PeriodAction\" DisplayName=\"Action\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Locked</CHOICE><CHOICE>Reopened</CHOICE><CHOICE>Overridden</CHOICE></CHOICES></Field>"
      },
      {
        "name": "Reason",
        "id": "804af72e-305c-5f1a-bcd2-66f899d2553f",
        "type": "Note",
        "displayName": "Reason",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{804af72e-305c-5f1a-bcd2-66f899d2553f}\" Name=\"Reason\" StaticName=\"Reason\" DisplayName=\"Reason\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "SnapshotId",
        "id": "3edfa0d5-c122-5158-9b17-1a755468abdf",
        "type": "Text",
        "displayName": "Snapshot",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{3edfa0d5-c122-5158-9b17-1a755468abdf}\" Name=\"SnapshotId\" StaticName=\"SnapshotId\" DisplayName=\"Snapshot\" Type=\"Text\" MaxLength=\"64\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "BoardMeetingDate",
        "id": "6554acc1-9075-53a3-a4e4-40d81fe9db33",
        "type": "DateTime",
        "displayName": "Board meeting date",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{6554acc1-9075-53a3-a4e4-40d81fe9db33}\" Name=\"BoardMeetingDate\" StaticName=\"BoardMeetingDate\" DisplayName=\"Board meeting date\" Description=\"For a lock: the date of the Board meeting the period's report went to.\" Type=\"DateTime\" Format=\"DateOnly\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RecordedBy",
        "id": "a4ebd893-29bc-428a-a374-ff5b84cd99d7",
        "type": "User",
        "displayName": "Recorded by",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{a4ebd893-29bc-428a-a374-ff5b84cd99d7}\" Name=\"RecordedBy\" StaticName=\"RecordedBy\" DisplayName=\"Recorded by\" Description=\"Who wrote it on the site it was brought in from by an import; empty for what was written here (Created By says who).\" Type=\"User\" List=\"UserInfo\" ShowField=\"ImnName\" UserSelectionMode=\"PeopleOnly\" UserSelectionScope=\"0\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RecordedOn",
        "id": "5c5b5c49-3f49-4e90-ae06-1a4dc94eacac",
        "type": "DateTime",
        "displayName": "Recorded on",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{5c5b5c49-3f49-4e90-ae06-1a4dc94eacac}\" Name=\"RecordedOn\" StaticName=\"RecordedOn\" DisplayName=\"Recorded on\" Description=\"When it was written on the site it was brought in from by an import; empty for what was written here (Created says when).\" Type=\"DateTime\" Format=\"DateTime\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      }
    ]
  },
  {
    "title": "IIB Feedback",
    "url": "Lists/IIBFeedback",
    "description": "Challenge and feedback from Independent Improvement Board members on a workstream's period.",
    "versioning": true,
    "contentType": {
      "id": "0x0100E184DBC52D095D069BD87FD1E036F070",
      "name": "IIB feedback",
      "description": "A IIB feedback of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Title",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Title\" Required=\"FALSE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "Workstream",
        "id": "9793926e-cbaa-59ea-b91f-723343ffaa51",
        "type": "Lookup",
        "displayName": "Workstream",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{9793926e-cbaa-59ea-b91f-723343ffaa51}\" Name=\"Workstream\" StaticName=\"Workstream\" DisplayName=\"Workstream\" Type=\"Lookup\" List=\"Lists/Workstreams\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/Workstreams"
      },
      {
        "name": "ReportingPeriod",
        "id": "dd5faa2e-16b7-5d85-8927-8a2b63335740",
        "type": "Lookup",
        "displayName": "Reporting period",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{dd5faa2e-16b7-5d85-8927-8a2b63335740}\" Name=\"ReportingPeriod\" StaticName=\"ReportingPeriod\" DisplayName=\"Reporting period\" Type=\"Lookup\" List=\"Lists/ReportingPeriods\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/ReportingPeriods"
      },
      {
        "name": "FeedbackKind",
        "id": "b4835641-d091-5b7e-9742-181b75dc2bad",
        "type": "Choice",
        "displayName": "Kind",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{b4835641-d091-5b7e-9742-181b75dc2bad}\" Name=\"FeedbackKind\" StaticName=\"FeedbackKind\" DisplayName=\"Kind\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"TRUE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Challenge</CHOICE><CHOICE>Feedback</CHOICE></CHOICES><Default>Feedback</Default></Field>"
      },
      {
        "name": "Feedback",
        "id": "ca9fa6a7-7f73-5ba5-b0f8-04b6665d4653",
        "type": "Note",
        "displayName": "Feedback",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{ca9fa6a7-7f73-5ba5-b0f8-04b6665d4653}\" Name=\"Feedback\" StaticName=\"Feedback\" DisplayName=\"Feedback\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "AboutPeriod",
        "id": "eab61796-24d5-47bf-a176-b55f4db0a553",
        "type": "Lookup",
        "displayName": "About period",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{eab61796-24d5-47bf-a176-b55f4db0a553}\" Name=\"AboutPeriod\" StaticName=\"AboutPeriod\" DisplayName=\"About period\" Type=\"Lookup\" List=\"Lists/ReportingPeriods\" ShowField=\"Title\" Required=\"FALSE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" Description=\"The reported (locked) period a challenge is about, when it was raised in a later, open period.\" />",
        "lookupList": "Lists/ReportingPeriods"
      },
      {
        "name": "Response",
        "id": "35e764e2-68d5-4658-a071-11ba8cad935c",
        "type": "Note",
        "displayName": "Response",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{35e764e2-68d5-4658-a071-11ba8cad935c}\" Name=\"Response\" StaticName=\"Response\" DisplayName=\"Response\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RespondedBy",
        "id": "cfbe801f-4e9d-49e0-a9b1-5f51180eb52e",
        "type": "User",
        "displayName": "Responded by",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{cfbe801f-4e9d-49e0-a9b1-5f51180eb52e}\" Name=\"RespondedBy\" StaticName=\"RespondedBy\" DisplayName=\"Responded by\" Type=\"User\" List=\"UserInfo\" ShowField=\"ImnName\" UserSelectionMode=\"PeopleOnly\" UserSelectionScope=\"0\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RespondedAt",
        "id": "c38b9837-30d8-4519-9369-bf71f8272900",
        "type": "DateTime",
        "displayName": "Responded",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{c38b9837-30d8-4519-9369-bf71f8272900}\" Name=\"RespondedAt\" StaticName=\"RespondedAt\" DisplayName=\"Responded\" Type=\"DateTime\" Format=\"DateTime\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ClosedBy",
        "id": "1e205c64-a91d-4fb9-bd88-185e4bbfdfbc",
        "type": "User",
        "displayName": "Closed by",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{1e205c64-a91d-4fb9-bd88-185e4bbfdfbc}\" Name=\"ClosedBy\" StaticName=\"ClosedBy\" DisplayName=\"Closed by\" Type=\"User\" List=\"UserInfo\" ShowField=\"ImnName\" UserSelectionMode=\"PeopleOnly\" UserSelectionScope=\"0\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ClosedAt",
        "id": "4db4d161-96c0-449f-a2df-ed62d3dd19f0",
        "type": "DateTime",
        "displayName": "Closed",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{4db4d161-96c0-449f-a2df-ed62d3dd19f0}\" Name=\"ClosedAt\" StaticName=\"ClosedAt\" DisplayName=\"Closed\" Type=\"DateTime\" Format=\"DateTime\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ClosingNote",
        "id": "85942897-5812-46bb-bbb3-fc8f09475707",
        "type": "Note",
        "displayName": "Closing note",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{85942897-5812-46bb-bbb3-fc8f09475707}\" Name=\"ClosingNote\" StaticName=\"ClosingNote\" DisplayName=\"Closing note\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RecordedBy",
        "id": "d7e048ba-61e1-4a49-82c5-595fbf555db7",
        "type": "User",
        "displayName": "Recorded by",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{d7e048ba-61e1-4a49-82c5-595fbf555db7}\" Name=\"RecordedBy\" StaticName=\"RecordedBy\" DisplayName=\"Recorded by\" Description=\"Who wrote it on the site it was brought in from by an import; empty for what was written here (Created By says who).\" Type=\"User\" List=\"UserInfo\" ShowField=\"ImnName\" UserSelectionMode=\"PeopleOnly\" UserSelectionScope=\"0\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RecordedOn",
        "id": "b4f8a17c-dc49-49b3-8960-e5b2f9762aa9",
        "type": "DateTime",
        "displayName": "Recorded on",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{b4f8a17c-dc49-49b3-8960-e5b2f9762aa9}\" Name=\"RecordedOn\" StaticName=\"RecordedOn\" DisplayName=\"Recorded on\" Description=\"When it was written on the site it was brought in from by an import; empty for what was written here (Created says when).\" Type=\"DateTime\" Format=\"DateTime\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RequestKey",
        "id": "ecd3c6b3-eef2-5d2e-975c-63df1329a226",
        "type": "Text",
        "displayName": "Request key",
        "required": false,
        "indexed": true,
        "unique": true,
        "hidden": true,
        "xml": "<Field ID=\"{ecd3c6b3-eef2-5d2e-975c-63df1329a226}\" Name=\"RequestKey\" StaticName=\"RequestKey\" DisplayName=\"Request key\" Type=\"Text\" MaxLength=\"64\" Required=\"FALSE\" Indexed=\"TRUE\" EnforceUniqueValues=\"TRUE\" Hidden=\"TRUE\" Group=\"Programme Highlights\" Description=\"Set by the product when it creates the item, so that a create repeated after a lost answer is refused instead of adding a duplicate.\" />"
      }
    ]
  },
  {
    "title": "Period Sections",
    "url": "Lists/PeriodSections",
    "description": "The sections the programme's papers carry besides the overview (purpose, background, also to note …), named and ordered once per programme, and each period's text of them.",
    "versioning": true,
    "contentType": {
      "id": "0x0100A876B839B44F35611875585E8D43727A",
      "name": "Period section",
      "description": "A period section of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Title",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Title\" Required=\"FALSE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "SectionScope",
        "id": "6777eb41-798c-44d3-ba0f-9e64e9efa2a5",
        "type": "Choice",
        "displayName": "Scope",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{6777eb41-798c-44d3-ba0f-9e64e9efa2a5}\" Name=\"SectionScope\" StaticName=\"SectionScope\" DisplayName=\"Scope\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\" Description=\"Programme: a section the programme's papers carry (its name and order, once for every period). Period: one period's text of a section.\"><CHOICES><CHOICE>Programme</CHOICE><CHOICE>Period</CHOICE></CHOICES></Field>"
      },
      {
        "name": "SectionKey",
        "id": "8a03ab13-9d61-44ee-a077-82a369b2a954",
        "type": "Text",
        "displayName": "Section key",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{8a03ab13-9d61-44ee-a077-82a369b2a954}\" Name=\"SectionKey\" StaticName=\"SectionKey\" DisplayName=\"Section key\" Type=\"Text\" MaxLength=\"64\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ReportingPeriod",
        "id": "bdad2f5f-7f58-4ee4-aa4d-ac26532864fc",
        "type": "Lookup",
        "displayName": "Reporting period",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{bdad2f5f-7f58-4ee4-aa4d-ac26532864fc}\" Name=\"ReportingPeriod\" StaticName=\"ReportingPeriod\" DisplayName=\"Reporting period\" Type=\"Lookup\" List=\"Lists/ReportingPeriods\" ShowField=\"Title\" Required=\"FALSE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/ReportingPeriods"
      },
      {
        "name": "SortOrder",
        "id": "b89f97e8-5efc-4468-8cfb-13721fba4fdc",
        "type": "Number",
        "displayName": "Order",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{b89f97e8-5efc-4468-8cfb-13721fba4fdc}\" Name=\"SortOrder\" StaticName=\"SortOrder\" DisplayName=\"Order\" Type=\"Number\" Decimals=\"0\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "SectionText",
        "id": "9a77d788-fc3f-4c00-bce2-90efa2e095b2",
        "type": "Note",
        "displayName": "Text",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{9a77d788-fc3f-4c00-bce2-90efa2e095b2}\" Name=\"SectionText\" StaticName=\"SectionText\" DisplayName=\"Text\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "SectionAuthor",
        "id": "f3d9e5b0-7d5a-44f9-b370-d7f951ef13a6",
        "type": "Text",
        "displayName": "Written by",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{f3d9e5b0-7d5a-44f9-b370-d7f951ef13a6}\" Name=\"SectionAuthor\" StaticName=\"SectionAuthor\" DisplayName=\"Written by\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RequestKey",
        "id": "aacd59c6-c8aa-4a50-9d05-bf07e7e5ed8b",
        "type": "Text",
        "displayName": "Request key",
        "required": false,
        "indexed": true,
        "unique": true,
        "hidden": true,
        "xml": "<Field ID=\"{aacd59c6-c8aa-4a50-9d05-bf07e7e5ed8b}\" Name=\"RequestKey\" StaticName=\"RequestKey\" DisplayName=\"Request key\" Type=\"Text\" MaxLength=\"64\" Required=\"FALSE\" Indexed=\"TRUE\" EnforceUniqueValues=\"TRUE\" Hidden=\"TRUE\" Group=\"Programme Highlights\" Description=\"Set by the product when it creates the item, so that a create repeated after a lost answer is refused instead of adding a duplicate.\" />"
      }
    ]
  },
  {
    "title": "Close-down Items",
    "url": "Lists/CloseDownItems",
    "description": "The close-down table of a phase: per theme, its tasks and actions, what was done and its evidence, what is outstanding and where each item goes next.",
    "versioning": true,
    "contentType": {
      "id": "0x0100A4BC24E2030C4601BCDE02C042367FC2",
      "name": "Close-down item",
      "description": "One row of a phase's close-down table: a task or action of a theme, what was done and its evidence, what is outstanding and where it goes next."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Tasks/actions",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Tasks/actions\" Required=\"TRUE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "Phase",
        "id": "21f862d8-c05a-4ef9-baf0-d2deff6784ff",
        "type": "Lookup",
        "displayName": "Phase",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{21f862d8-c05a-4ef9-baf0-d2deff6784ff}\" Name=\"Phase\" StaticName=\"Phase\" DisplayName=\"Phase\" Type=\"Lookup\" List=\"Lists/Phases\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/Phases"
      },
      {
        "name": "Workstream",
        "id": "aa20a056-0d26-46a7-ad89-a1b9713447ec",
        "type": "Lookup",
        "displayName": "Theme",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{aa20a056-0d26-46a7-ad89-a1b9713447ec}\" Name=\"Workstream\" StaticName=\"Workstream\" DisplayName=\"Theme\" Type=\"Lookup\" List=\"Lists/Workstreams\" ShowField=\"Title\" Required=\"FALSE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/Workstreams"
      },
      {
        "name": "ThemeAsWritten",
        "id": "036a1fa9-a2fd-4843-85a5-3e7b636086b7",
        "type": "Text",
        "displayName": "Theme as written",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{036a1fa9-a2fd-4843-85a5-3e7b636086b7}\" Name=\"ThemeAsWritten\" StaticName=\"ThemeAsWritten\" DisplayName=\"Theme as written\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ActivityUndertaken",
        "id": "3a6d0fa0-9b58-4edb-96e6-cbce8d0f74b1",
        "type": "Note",
        "displayName": "Activity undertaken (completed)",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{3a6d0fa0-9b58-4edb-96e6-cbce8d0f74b1}\" Name=\"ActivityUndertaken\" StaticName=\"ActivityUndertaken\" DisplayName=\"Activity undertaken (completed)\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Evidence",
        "id": "cdabec90-536d-4080-ab68-2c603b71b08e",
        "type": "Note",
        "displayName": "Evidence",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{cdabec90-536d-4080-ab68-2c603b71b08e}\" Name=\"Evidence\" StaticName=\"Evidence\" DisplayName=\"Evidence\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "ActivityOutstanding",
        "id": "1de520b4-3859-45e2-bc70-6f743b5adba5",
        "type": "Note",
        "displayName": "Activity outstanding",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{1de520b4-3859-45e2-bc70-6f743b5adba5}\" Name=\"ActivityOutstanding\" StaticName=\"ActivityOutstanding\" DisplayName=\"Activity outstanding\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Destination",
        "id": "c4c61780-4e9c-47ce-9096-9229c3471111",
        "type": "Choice",
        "displayName": "Where it goes next",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{c4c61780-4e9c-47ce-9096-9229c3471111}\" Name=\"Destination\" StaticName=\"Destination\" DisplayName=\"Where it goes next\" Type=\"Choice\" Format=\"Dropdown\" FillInChoice=\"FALSE\" Required=\"FALSE\" Indexed=\"TRUE\" Group=\"Programme Highlights\"><CHOICES><CHOICE>Completed</CHOICE><CHOICE>Next phase theme</CHOICE><CHOICE>Directorate business plans</CHOICE><CHOICE>Keep under review</CHOICE></CHOICES></Field>"
      },
      {
        "name": "DestinationWorkstream",
        "id": "ccfb86d8-9d19-49d1-af2b-5b5d0c9afea9",
        "type": "Lookup",
        "displayName": "Next phase theme",
        "required": false,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{ccfb86d8-9d19-49d1-af2b-5b5d0c9afea9}\" Name=\"DestinationWorkstream\" StaticName=\"DestinationWorkstream\" DisplayName=\"Next phase theme\" Type=\"Lookup\" List=\"Lists/Workstreams\" ShowField=\"Title\" Required=\"FALSE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/Workstreams"
      },
      {
        "name": "DestinationAsWritten",
        "id": "36570fd9-cd4d-481e-acaa-e07286016868",
        "type": "Text",
        "displayName": "Where it goes next, as written",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{36570fd9-cd4d-481e-acaa-e07286016868}\" Name=\"DestinationAsWritten\" StaticName=\"DestinationAsWritten\" DisplayName=\"Where it goes next, as written\" Type=\"Text\" MaxLength=\"255\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "SortOrder",
        "id": "933dccf4-1a77-48f3-80a1-8804dd209092",
        "type": "Number",
        "displayName": "Order",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{933dccf4-1a77-48f3-80a1-8804dd209092}\" Name=\"SortOrder\" StaticName=\"SortOrder\" DisplayName=\"Order\" Type=\"Number\" Decimals=\"0\" Required=\"FALSE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Sources",
        "id": "d5cab6dd-6860-40b9-bf78-e60df8edc5be",
        "type": "Note",
        "displayName": "Drafted from",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{d5cab6dd-6860-40b9-bf78-e60df8edc5be}\" Name=\"Sources\" StaticName=\"Sources\" DisplayName=\"Drafted from\" Type=\"Note\" NumLines=\"3\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"FALSE\" Group=\"Programme Highlights\" Description=\"The phase's records a drafted row came from (milestone:12, risk:3), so that readiness can tell that none was dropped.\" />"
      },
      {
        "name": "RequestKey",
        "id": "ce1305d9-e6b8-52b8-90e7-cc3b23d8f24b",
        "type": "Text",
        "displayName": "Request key",
        "required": false,
        "indexed": true,
        "unique": true,
        "hidden": true,
        "xml": "<Field ID=\"{ce1305d9-e6b8-52b8-90e7-cc3b23d8f24b}\" Name=\"RequestKey\" StaticName=\"RequestKey\" DisplayName=\"Request key\" Type=\"Text\" MaxLength=\"64\" Required=\"FALSE\" Indexed=\"TRUE\" EnforceUniqueValues=\"TRUE\" Hidden=\"TRUE\" Group=\"Programme Highlights\" Description=\"Set by the product when it creates the item, so that a create repeated after a lost answer is refused instead of adding a duplicate.\" />"
      }
    ]
  },
  {
    "title": "Readiness Acknowledgements",
    "url": "Lists/ReadinessAcknowledgements",
    "description": "Readiness findings the programme office has judged not to apply in a period, with its reason: they are listed apart and no longer counted.",
    "versioning": true,
    "contentType": {
      "id": "0x0100A5CB02B0163649C6B37CD279D9B087FB",
      "name": "Readiness acknowledgement",
      "description": "A readiness acknowledgement of Programme Highlights, with every column the product uses, so that SharePoint's own forms show them all."
    },
    "fields": [
      {
        "name": "Title",
        "id": "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
        "type": "Text",
        "displayName": "Title",
        "required": false,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{fa564e0f-0c70-4ab9-b863-0177e6ddd247}\" Type=\"Text\" Name=\"Title\" DisplayName=\"Title\" Required=\"FALSE\" MaxLength=\"255\" StaticName=\"Title\" SourceID=\"http://schemas.microsoft.com/sharepoint/v3\" />"
      },
      {
        "name": "ReportingPeriod",
        "id": "58527dee-8eba-4d89-bc25-46ce41424299",
        "type": "Lookup",
        "displayName": "Reporting period",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{58527dee-8eba-4d89-bc25-46ce41424299}\" Name=\"ReportingPeriod\" StaticName=\"ReportingPeriod\" DisplayName=\"Reporting period\" Type=\"Lookup\" List=\"Lists/ReportingPeriods\" ShowField=\"Title\" Required=\"TRUE\" Indexed=\"TRUE\" RelationshipDeleteBehavior=\"Restrict\" Group=\"Programme Highlights\" />",
        "lookupList": "Lists/ReportingPeriods"
      },
      {
        "name": "FindingKey",
        "id": "50d46a9d-c41d-48c8-8fa5-caad80d58a02",
        "type": "Text",
        "displayName": "Finding",
        "required": true,
        "indexed": true,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{50d46a9d-c41d-48c8-8fa5-caad80d58a02}\" Name=\"FindingKey\" StaticName=\"FindingKey\" DisplayName=\"Finding\" Description=\"The finding acknowledged: its rule, the record it is about (the item, or the workstream) and the field. Once the finding is about another record or field, the acknowledgement no longer applies.\" Type=\"Text\" MaxLength=\"255\" Required=\"TRUE\" Indexed=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "Reason",
        "id": "ca382f71-0539-47e8-9370-f9d8de0983bc",
        "type": "Note",
        "displayName": "Reason",
        "required": true,
        "indexed": false,
        "unique": false,
        "hidden": false,
        "xml": "<Field ID=\"{ca382f71-0539-47e8-9370-f9d8de0983bc}\" Name=\"Reason\" StaticName=\"Reason\" DisplayName=\"Reason\" Description=\"Why the programme office judged that the finding does not apply.\" Type=\"Note\" NumLines=\"6\" RichText=\"FALSE\" UnlimitedLengthInDocumentLibrary=\"FALSE\" Required=\"TRUE\" Group=\"Programme Highlights\" />"
      },
      {
        "name": "RequestKey",
        "id": "17abaafa-aa18-41bf-94dd-4bc904623ed9",
        "type": "Text",
        "displayName": "Request key",
        "required": false,
        "indexed": true,
        "unique": true,
        "hidden": true,
        "xml": "<Field ID=\"{17abaafa-aa18-41bf-94dd-4bc904623ed9}\" Name=\"RequestKey\" StaticName=\"RequestKey\" DisplayName=\"Request key\" Type=\"Text\" MaxLength=\"64\" Required=\"FALSE\" Indexed=\"TRUE\" EnforceUniqueValues=\"TRUE\" Hidden=\"TRUE\" Group=\"Programme Highlights\" Description=\"Set by the product when it creates the item, so that a create repeated after a lost answer is refused instead of adding a duplicate.\" />"
      }
    ]
  }
];
