// Test-fixture CLI: sign credentials with a GIVEN key (the public 1EdTech test key) via the Digital Bazaar stack.
// stdin: {"credential": {...}, "key": {id, controller, publicKeyMultibase, secretKeyMultibase}, "created": "..."}
// (or an array of such); stdout: the signed credential(s) as one JSON line.
import * as vc from '@digitalbazaar/vc';
import {createDocumentLoader} from './lib/loader.mjs';
import {createSignSuite} from './lib/suites.mjs';
import {readJsonStdin, runCli, writeJsonLine} from './lib/stdio.mjs';

async function signOne({credential, key, created, documents = {}}) {
  if(!credential || !key) {
    throw new TypeError('sign request needs "credential" and "key"');
  }
  const suite = await createSignSuite({key, date: created});
  return vc.issue({credential: structuredClone(credential), suite, documentLoader: createDocumentLoader(documents)});
}

runCli(async () => {
  const input = await readJsonStdin();
  if(Array.isArray(input)) {
    const signed = [];
    for(const request of input) {
      signed.push(await signOne(request));
    }
    await writeJsonLine(signed);
  } else {
    await writeJsonLine(await signOne(input));
  }
});
