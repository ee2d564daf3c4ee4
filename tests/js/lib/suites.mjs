// Digital Bazaar eddsa-rdfc-2022 DataIntegrityProof suites for verifying and (test-key) signing.
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';

export function createVerifySuite() {
  return new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
}

// key: {id, controller, publicKeyMultibase, secretKeyMultibase}; date: proof `created` (optional).
export async function createSignSuite({key, date}) {
  const keyPair = await Ed25519Multikey.from({type: 'Multikey', ...key});
  return new DataIntegrityProof({signer: keyPair.signer(), date, cryptosuite: eddsaRdfc2022});
}

// Fresh Ed25519 Multikey key pair ({id, controller, publicKeyMultibase, secretKeyMultibase}), e.g. for benchmarks.
export async function generateKey({controller}) {
  const keyPair = await Ed25519Multikey.generate({controller});
  const {id, publicKeyMultibase, secretKeyMultibase} = await keyPair.export({publicKey: true, secretKey: true});
  return {id, controller, publicKeyMultibase, secretKeyMultibase};
}
