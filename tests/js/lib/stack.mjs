// Re-exports of the pinned Digital Bazaar packages, so scripts outside tests/js resolve tests/js/node_modules.
import {readFileSync} from 'node:fs';

export * as vc from '@digitalbazaar/vc';
export {checkStatus, createCredential, createList} from '@digitalbazaar/vc-bitstring-status-list';

// Installed versions of the packages pinned in tests/js/package.json ({name: version}).
export function installedVersions() {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return Object.fromEntries(Object.keys(manifest.dependencies).map(name => {
    const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
    return [name, JSON.parse(readFileSync(url, 'utf8')).version];
  }));
}
