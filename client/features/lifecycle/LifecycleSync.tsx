import { useLifecycleSync } from './use-lifecycle';

/** Keeps the record's details and a head's key in step with the live status; draws nothing. */
export function LifecycleSync() {
  useLifecycleSync();
  return null;
}
