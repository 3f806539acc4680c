const startedAt = performance.now();

/** Progress goes to stderr so stdout carries nothing but figure lines. */
export function progress(scope: string, message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${seconds}s] ${scope}: ${message}\n`);
}
