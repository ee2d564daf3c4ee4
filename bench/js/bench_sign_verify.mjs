// Benchmark: OB3 micro-credentials signed/verified per second with the Digital Bazaar eddsa-rdfc-2022 stack.
// Usage: node bench/js/bench_sign_verify.mjs [--seconds N]   (prints one JSON line; see bench/js/README.md)
import {readFileSync} from 'node:fs';
import {randomUUID} from 'node:crypto';
import {checkStatus, createCredential, createList, installedVersions, vc} from '../../tests/js/lib/stack.mjs';
import {createDocumentLoader} from '../../tests/js/lib/loader.mjs';
import {createSignSuite, createVerifySuite, generateKey} from '../../tests/js/lib/suites.mjs';

const TEMPLATE = new URL('../../tests/data/js_stack/constructed-ob3-microcredential-unsigned.json', import.meta.url);
const ISSUER = 'https://lms.example.edu/ob3/issuers/1';
const STATUS_LIST = 'https://lms.example.edu/ob3/status/1';
// 5 learning outcomes as alignments: the template's ESCO skill plus 4 course learning outcomes.
const OUTCOMES = [
  'Clean and structure a tabular data set.',
  'Choose a suitable chart for a given question and audience.',
  'Compute and interpret descriptive statistics.',
  'Report findings from data to a non-specialist audience.'
];

function argSeconds() {
  const i = process.argv.indexOf('--seconds');
  const value = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.BENCH_SECONDS ?? 5);
  if(!(value > 0 && value <= 20)) {
    throw new RangeError('--seconds must be in (0, 20]');
  }
  return value;
}

// The constructed example with 5 alignments and a fresh id / status index per credential.
function makeCredential(template, n) {
  const credential = structuredClone(template);
  credential.id = `urn:uuid:${randomUUID()}`;
  const achievement = credential.credentialSubject.achievement;
  achievement.alignment = [achievement.alignment[0], ...OUTCOMES.map((text, k) => ({
    type: ['Alignment'],
    targetName: `Learning outcome ${k + 1}`,
    targetDescription: text,
    targetUrl: `${achievement.id}/learning-outcomes/${k + 1}`,
    targetFramework: 'Course learning outcomes',
    targetType: 'ext:LearningOutcome'
  }))];
  credential.credentialStatus = {
    ...credential.credentialStatus,
    id: `${STATUS_LIST}#${n % 131072}`,
    statusListIndex: String(n % 131072)
  };
  return credential;
}

// Run `fn(i)` repeatedly for `seconds`; returns operations per second.
async function rate(seconds, fn) {
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let count = 0;
  let elapsed = 0n;
  while(elapsed < budget) {
    await fn(count++);
    elapsed = process.hrtime.bigint() - start;
  }
  return count / (Number(elapsed) / 1e9);
}

async function main() {
  const seconds = argSeconds();
  const template = JSON.parse(readFileSync(TEMPLATE, 'utf8'));
  const key = await generateKey({controller: ISSUER});
  const controllerDoc = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: ISSUER,
    verificationMethod: [{id: key.id, type: 'Multikey', controller: ISSUER,
      publicKeyMultibase: key.publicKeyMultibase}],
    assertionMethod: [key.id]
  };
  const signSuite = await createSignSuite({key});
  const unsignedList = await createCredential({id: STATUS_LIST, list: await createList({length: 131072}),
    statusPurpose: 'revocation'});
  unsignedList.issuer = ISSUER;
  unsignedList.validFrom = template.validFrom;
  const loader = createDocumentLoader({[ISSUER]: controllerDoc});
  const statusListVc = await vc.issue({credential: unsignedList, suite: signSuite, documentLoader: loader});
  const documentLoader = createDocumentLoader({[ISSUER]: controllerDoc, [STATUS_LIST]: statusListVc});
  const verifySuite = createVerifySuite();

  const signed = [];
  const sign = async i => {
    const credential = makeCredential(template, i);
    signed.push(await vc.issue({credential, suite: signSuite, documentLoader}));
  };
  const skipStatus = async () => ({verified: true});
  const verifyWith = statusCheck => async i => {
    const result = await vc.verifyCredential({credential: signed[i % signed.length], suite: verifySuite,
      documentLoader, checkStatus: statusCheck});
    if(!result.verified) {
      throw new Error(`benchmark credential failed to verify: ${result.error?.message}`);
    }
  };

  const warmup = Math.min(1, seconds / 2);
  await rate(warmup, sign);
  await rate(warmup, verifyWith(skipStatus));
  const signPerS = await rate(seconds, sign);
  const verifyPerS = await rate(seconds, verifyWith(skipStatus));
  const verifyWithStatusPerS = await rate(seconds / 2, verifyWith(checkStatus));
  const bytes = Buffer.byteLength(JSON.stringify(signed[signed.length - 1]));
  process.stdout.write(JSON.stringify({
    sign_per_s: Number(signPerS.toFixed(1)),
    verify_per_s: Number(verifyPerS.toFixed(1)),
    verify_with_status_per_s: Number(verifyWithStatusPerS.toFixed(1)),
    stack: installedVersions(),
    credential_bytes: bytes,
    alignments: signed[0].credentialSubject.achievement.alignment.length,
    seconds_per_phase: seconds,
    node: process.version
  }) + '\n');
}

main().catch(error => {
  process.stderr.write(`bench error: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
