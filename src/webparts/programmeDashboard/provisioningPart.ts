/**
 * "Set up this site" as one part, loaded only for those who manage the lists (connect.ts): the
 * provisioning code and its messages' words. One module, so that every bundler makes one chunk of
 * them, as SPFx's webpack does for their one `webpackChunkName`.
 */
export { installSiteFileWords } from '../../ui/siteFileWords';
export { checkSite, provisionSite } from '../../data/provisioning/provision';
