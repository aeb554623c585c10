/**
 * Tests read the product's messages as its users do: in the words the dashboard, the task pane
 * and the CLI install (src/ui/messages.ts). Without them a DataError's message is its code.
 */
import { installMessageWords } from '../../src/ui/messages';
import { installRightsWords } from '../../src/ui/rightsWords';
import { installSiteFileWords } from '../../src/ui/siteFileWords';
import { installCloseDownWords } from '../../src/ui/closeDownWords';
import { installWriteWords } from '../../src/ui/writeWords';

installMessageWords();
installRightsWords();
installSiteFileWords();
installCloseDownWords();
installWriteWords();
