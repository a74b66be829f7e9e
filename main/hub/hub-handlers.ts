import type { Fit, HubFile } from "../../shared/library";
import type { HandlersFor } from "../router";
import type { SecretStore } from "../secrets/secret-store";
import type { HubClient, HubTreeFile } from "./hub-client";
import { isGguf, quantizationOf, splitGroupOf } from "./quantization";

/** Estimates whether a GGUF of this many bytes fits this machine (the hardware module provides it). */
export type GgufFitEstimator = (sizeBytes: number, fileName: string) => Fit | Promise<Fit>;

export const HUB_TOKEN = "hub-token";

export function hubHandlers(client: HubClient, secrets: SecretStore, estimateFit?: GgufFitEstimator): HandlersFor<"hub"> {
  const tokenStatus = async () => ({ tokenSet: (await secrets.get(HUB_TOKEN)) !== undefined, encrypted: secrets.encrypted });
  return {
    "hub.search": ({ query, ggufOnly, limit }) => client.search(query, { ggufOnly, limit }),
    "hub.files": async ({ repo, revision }) => describeFiles(await client.listFiles(repo, revision), estimateFit),
    "hub.tokenStatus": tokenStatus,
    "hub.setToken": async ({ token }) => {
      await secrets.set(HUB_TOKEN, token);
      return tokenStatus();
    },
  };
}

/** Adds quantization and fit to GGUF files; a split model's fit is that of all its parts together. */
export async function describeFiles(files: HubTreeFile[], estimateFit?: GgufFitEstimator): Promise<HubFile[]> {
  const groupSizes = new Map<string, number>();
  for (const file of files) {
    if (isGguf(file.path)) groupSizes.set(splitGroupOf(file.path), (groupSizes.get(splitGroupOf(file.path)) ?? 0) + file.size);
  }
  const described: HubFile[] = [];
  for (const file of files) {
    const out: HubFile = { path: file.path, size: file.size, ...(file.sha256 ? { sha256: file.sha256 } : {}) };
    if (isGguf(file.path)) {
      const quantization = quantizationOf(file.path);
      if (quantization) out.quantization = quantization;
      if (estimateFit) out.fit = await estimateFit(groupSizes.get(splitGroupOf(file.path)) ?? file.size, file.path);
    }
    described.push(out);
  }
  return described;
}
