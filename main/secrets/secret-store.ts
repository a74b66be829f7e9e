/** Names of the secrets Atelier keeps. */
export type SecretName = "hub-token";

/**
 * Where secrets live: the OS keychain through Electron's safeStorage on the desktop,
 * a private file in serve mode. Values are never logged or sent to a renderer.
 */
export interface SecretStore {
  /** Whether stored values are encrypted at rest. */
  readonly encrypted: boolean;
  get(name: SecretName): Promise<string | undefined>;
  /** Stores a value, or with null forgets it. */
  set(name: SecretName, value: string | null): Promise<void>;
}
