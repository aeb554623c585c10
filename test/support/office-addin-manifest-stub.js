'use strict';
// office-addin-mock pulls office-addin-manifest, whose dependency chain is ESM only; the mock
// needs just this enum from it.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    Project: 'project',
    PowerPoint: 'powerpoint',
    Word: 'word'
  }
};
