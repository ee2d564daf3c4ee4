// Read all of stdin as JSON; write one JSON line to stdout (shared by the verify/sign CLIs).
export async function readJsonStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if(!text.trim()) {
    throw new Error('empty stdin: expected one JSON request or a JSON array of requests');
  }
  return JSON.parse(text);
}

export function writeJsonLine(value) {
  return new Promise(resolve => process.stdout.write(JSON.stringify(value) + '\n', resolve));
}

// Run `main`; harness failures go to stderr with exit code 2.
export function runCli(main) {
  main().then(() => {
    process.exitCode = 0;
  }, error => {
    process.stderr.write(`harness error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  });
}
