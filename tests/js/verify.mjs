// CLI: stdin = one verification request (or a JSON array of them) -> stdout = one JSON line (object or array).
import {readJsonStdin, runCli, writeJsonLine} from './lib/stdio.mjs';
import {verifyRequest} from './lib/verifier.mjs';

runCli(async () => {
  const input = await readJsonStdin();
  if(Array.isArray(input)) {
    const results = [];
    for(const request of input) {
      results.push(await verifyRequest(request));
    }
    await writeJsonLine(results);
  } else if(input && typeof input === 'object') {
    await writeJsonLine(await verifyRequest(input));
  } else {
    throw new TypeError('request must be a JSON object or an array of objects');
  }
});
