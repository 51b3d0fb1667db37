// The one error a vendor call (OpenAI, AssemblyAI) throws when it failed in a way worth retrying:
// a timeout, a 5xx or 429, a refused connection, an answer that is not what was asked for. Step
// Functions retries it by name (`VendorError`) with backoff before giving the lead to a person.
export class VendorError extends Error {
  override name = 'VendorError';
  constructor(
    readonly vendor: 'openai' | 'assemblyai',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${vendor}: ${message}`, options);
  }
}

/** Resolves with `work`, or rejects with a VendorError once `ms` have passed. */
export async function withTimeout<T>(vendor: VendorError['vendor'], ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new VendorError(vendor, `no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
