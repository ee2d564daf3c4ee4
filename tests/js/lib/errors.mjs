// Flatten nested library errors (errors[], cause, details.cause) into one readable, JSON-safe string.
export function describeError(error) {
  const messages = [];
  const seen = new Set();
  const visit = e => {
    if(!e || seen.has(e)) {
      return;
    }
    seen.add(e);
    if(typeof e === 'string') {
      messages.push(e);
      return;
    }
    // skip a message already quoted by an outer one (e.g. "reason: <inner message>")
    if(e.message && !messages.some(m => m.includes(e.message))) {
      messages.push(e.message);
    }
    for(const inner of Array.isArray(e.errors) ? e.errors : []) {
      visit(inner);
    }
    visit(e.cause);
    visit(e.details && e.details.cause);
  };
  visit(error);
  return messages.length ? messages.join('; ') : null;
}
