import type { ImsClient } from '../../api/client.js';
import type { ProxyChoice } from '../../api/proxy.js';
import type { LoginCredential } from '../../api/session-types.js';
import type { Settings } from '../../config/settings.js';
import type { UserInfo } from '../../wire/types.js';

/** An authenticated connection to the active profile's IMS API (or the local emulator). */
export interface Connection {
  readonly client: ImsClient;
  readonly settings: Settings;
  readonly local: boolean;
  readonly credential: LoginCredential;
  /** The proxy in force for a remote portal and where it came from (`whoami` shows it). */
  readonly proxy?: ProxyChoice;
  /** The caller's identity, fetched once per run. */
  userinfo(): Promise<UserInfo>;
  isAdmin(): Promise<boolean>;
  /** Releases what the connection holds (the local emulator's database). */
  close(): Promise<void>;
}
