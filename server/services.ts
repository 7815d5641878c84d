// What routes, commands and the sync endpoint share: built once in server.ts.
import type { Config } from './config';
import type { Storage } from './storage/storage';
import type { RoomRegistry } from './sync/rooms';

export interface Services {
  config: Config;
  storage: Storage;
  rooms: RoomRegistry;
  adminToken: string;
  now: () => Date;
}
