import { safeStorage } from "electron";
import { FileSecretStore, type SecretCodec } from "../main/secrets/file-secret-store";
import type { SecretStore } from "../main/secrets/secret-store";

const ENCRYPTED = "enc:";
const PLAIN = "plain:";

/**
 * Secrets encrypted with the OS keychain (safeStorage) where the platform offers one, else kept
 * plain in the same 0600 file. A prefix says which, so a value survives the keychain appearing later.
 */
export function createSafeStorageSecretStore(file: string): SecretStore {
  const encrypted = safeStorage.isEncryptionAvailable();
  const codec: SecretCodec = {
    encrypted,
    encode: (value) =>
      encrypted ? ENCRYPTED + safeStorage.encryptString(value).toString("base64") : PLAIN + value,
    decode: (stored) => {
      if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
      if (stored.startsWith(ENCRYPTED)) return safeStorage.decryptString(Buffer.from(stored.slice(ENCRYPTED.length), "base64"));
      throw new Error("unknown secret encoding");
    },
  };
  return new FileSecretStore(file, codec);
}
