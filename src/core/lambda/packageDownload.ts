/** Fetches a deployed package at its presigned link (GetFunction's Code.Location), within a time limit. */
export async function downloadPackage(location: string, signal?: AbortSignal, timeoutMs = 120_000): Promise<Buffer> {
  const limit = signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(location, { signal: limit });
  } catch (error) {
    if (signal?.aborted) throw error;
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new Error(`downloading it from ${new URL(location).host} failed (${cause})`, { cause: error });
  }
  if (!response.ok) throw new Error(`downloading it from ${new URL(location).host} gave HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
