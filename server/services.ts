// What routes, commands and the sync endpoint share: built once in server.ts.
import type { Config } from './config';
import type { Storage } from './storage/storage';
import type { RoomRegistry } from './sync/rooms';
import type { Fanout } from './scale/fanout';

export interface Services {
  config: Config;
  storage: Storage;
  rooms: RoomRegistry;
  /** How this process hears the others of its deployment (a local one when it is alone). */
  fanout: Fanout;
  /** SHA-256 of the administrator token every process of the deployment accepts. */
  adminTokenHash: string;
  now: () => Date;
}
