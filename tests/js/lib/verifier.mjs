// One verification request -> compact JSON-safe verdict, using the unmodified Digital Bazaar libraries.
import * as vc from '@digitalbazaar/vc';
import {checkStatus as bitstringCheckStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {createDocumentLoader} from './loader.mjs';
import {createVerifySuite} from './suites.mjs';
import {describeError} from './errors.mjs';

const skipStatus = async () => ({verified: true, skipped: true});

function compactProof(proof) {
  if(!proof || typeof proof !== 'object') {
    return proof ?? null;
  }
  const {type, cryptosuite, verificationMethod, proofPurpose, created} = proof;
  return {type, cryptosuite, verificationMethod, proofPurpose, created};
}

function compactStatus(statusResult) {
  if(!statusResult) {
    return null;
  }
  if(statusResult.skipped) {
    return {verified: true, skipped: true};
  }
  return {
    verified: statusResult.verified,
    error: describeError(statusResult.error),
    results: (statusResult.results ?? []).map(r => ({
      verified: r.verified,
      status: r.status,
      statusPurpose: r.credentialStatus?.statusPurpose,
      statusListIndex: r.credentialStatus?.statusListIndex,
      statusListCredential: r.credentialStatus?.statusListCredential
    }))
  };
}

// true/false when a checked status entry with this purpose exists, else null.
function purposeFlag(status, purpose) {
  const hits = (status?.results ?? []).filter(r => r.statusPurpose === purpose);
  return hits.length ? hits.some(r => r.status === true) : null;
}

export async function verifyRequest(request) {
  const {credential, documents = {}, checkStatus = true, now} = request ?? {};
  const suite = createVerifySuite();
  const options = {
    credential,
    suite,
    documentLoader: createDocumentLoader(documents),
    checkStatus: checkStatus ? bitstringCheckStatus : skipStatus
  };
  if(now) {
    options.now = now;
  }
  const result = await vc.verifyCredential(options);
  const statusResult = compactStatus(result.statusResult);
  const proofErrors = (result.results ?? []).map(r => describeError(r.error)).filter(Boolean);
  const error = describeError(result.error) || proofErrors.join('; ') || statusResult?.error || null;
  const raw = {
    verified: result.verified,
    error: describeError(result.error),
    results: (result.results ?? []).map(r => ({
      verified: r.verified,
      proof: compactProof(r.proof),
      purposeValid: r.purposeResult?.valid ?? null,
      error: describeError(r.error)
    })),
    statusResult
  };
  const revoked = purposeFlag(statusResult, 'revocation');
  const suspended = purposeFlag(statusResult, 'suspension');
  // `verified` is the library's verdict: a set status bit does NOT make it false (see `valid`).
  const verified = result.verified === true;
  return {
    verified,
    valid: verified && revoked !== true && suspended !== true,
    revoked,
    suspended,
    error,
    statusResult,
    raw
  };
}
