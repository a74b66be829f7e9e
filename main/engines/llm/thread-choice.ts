/**
 * Models smaller than this run fastest on a single thread. Their matrices are so small
 * that splitting each one across threads costs more in synchronisation than it saves:
 * on a 2-core machine stories260K (1 MB) makes roughly ten times more tokens/s on one
 * thread than on two (measured: ~650-950 vs ~70).
 * Above it, per-token work is large enough (several ms of memory traffic) that every
 * math core helps.
 */
export const SINGLE_THREAD_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Threads for a model: the requested count, or when it is 0 (automatic) one thread for
 * small models and `cpuMathCores` (llama.cpp's count of cores useful for math) otherwise.
 */
export function chooseThreads(requested: number, modelBytes: number, cpuMathCores: number): number {
  if (requested > 0) return requested;
  if (modelBytes < SINGLE_THREAD_MAX_BYTES) return 1;
  return Math.max(1, cpuMathCores);
}
