// Offline JSON-LD document loader: pinned official contexts + caller-supplied documents; refuses anything else.
import {readFileSync} from 'node:fs';

const CONTEXT_DIR = new URL('../contexts/', import.meta.url);

// URL -> local byte-identical copy of the official context (origins: tests/js/contexts/README.md).
export const CONTEXT_FILES = Object.freeze({
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-v3p0-extensions.json',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://www.w3.org/ns/did/v1': 'did-v1.jsonld',
  'https://www.w3.org/ns/credentials/status/v1': 'vc-bitstring-status-list-v1.jsonld'
});

const parsedContexts = new Map();

function loadContext(url) {
  if(!parsedContexts.has(url)) {
    const text = readFileSync(new URL(CONTEXT_FILES[url], CONTEXT_DIR), 'utf8');
    parsedContexts.set(url, Object.freeze(JSON.parse(text)));
  }
  return parsedContexts.get(url);
}

// did:web:example.com:path%3A8080 -> https://example.com/path/did.json (did:web method spec).
export function didWebToUrl(did) {
  if(!did.startsWith('did:web:')) {
    return null;
  }
  const parts = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  const path = parts.length > 1 ? parts.slice(1).join('/') + '/did.json' : '.well-known/did.json';
  return `https://${parts[0]}/${path}`;
}

function findSupplied(documents, url) {
  if(documents.has(url)) {
    return documents.get(url);
  }
  const httpsUrl = didWebToUrl(url);
  return httpsUrl && documents.has(httpsUrl) ? documents.get(httpsUrl) : undefined;
}

// Find a verification method `url` (base#fragment) inside its controller document.
function findMethod(controllerDoc, base, url) {
  const fragment = url.slice(base.length);
  const candidates = [];
  for(const term of ['verificationMethod', 'assertionMethod', 'authentication']) {
    const values = controllerDoc[term];
    candidates.push(...(Array.isArray(values) ? values : values ? [values] : []));
  }
  const method = candidates.find(m => m && typeof m === 'object' && (m.id === url || m.id === fragment));
  if(!method) {
    return undefined;
  }
  const resolved = {...method, id: url};
  if(!resolved.controller) {
    resolved.controller = controllerDoc.id ?? base;
  }
  if(!resolved['@context'] && controllerDoc['@context']) {
    resolved['@context'] = controllerDoc['@context'];
  }
  return resolved;
}

export function refusal(url) {
  return new Error(`offline document loader refused to load "${url}": ` +
    'it is neither a pinned context nor a document supplied with the request');
}

export function createDocumentLoader(documents = {}) {
  const supplied = new Map(Object.entries(documents));
  return async function documentLoader(url) {
    let document;
    if(Object.hasOwn(CONTEXT_FILES, url)) {
      document = loadContext(url);
    } else {
      document = findSupplied(supplied, url);
      const hash = url.indexOf('#');
      if(document === undefined && hash > 0) {
        const base = url.slice(0, hash);
        const controllerDoc = findSupplied(supplied, base);
        document = controllerDoc && findMethod(controllerDoc, base, url);
      }
      if(document === undefined) {
        throw refusal(url);
      }
      document = structuredClone(document);
    }
    return {contextUrl: null, documentUrl: url, document};
  };
}
