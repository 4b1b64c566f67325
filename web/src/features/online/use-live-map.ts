import { useEffect, useRef, useState } from 'react';
import type { OpinionMapView } from '../../api/types.js';
import { fetchMap, onMapVersion } from './participant.js';

/**
 * The consultation's opinion map, kept current: fetched once, then again whenever the server's
 * event stream announces a newer version (no reload). `token` places the viewer on the map.
 */
export function useLiveMap(id: string, token: string | null): { map: OpinionMapView | undefined; error: unknown } {
  const [map, setMap] = useState<OpinionMapView>();
  const [error, setError] = useState<unknown>();
  const version = useRef(-1);
  useEffect(() => {
    const controller = new AbortController();
    let pending = false;
    let again = false;
    const load = async () => {
      // One fetch at a time; a version announced meanwhile fetches once more afterwards.
      if (pending) {
        again = true;
        return;
      }
      pending = true;
      try {
        const m = await fetchMap(id, token, controller.signal);
        if (controller.signal.aborted) return;
        version.current = m.version;
        setMap(m);
        setError(undefined);
      } catch (err) {
        if (!controller.signal.aborted) setError(err);
      } finally {
        pending = false;
        if (again && !controller.signal.aborted) {
          again = false;
          void load();
        }
      }
    };
    void load();
    const stop = onMapVersion(id, (v) => {
      if (v > version.current) void load();
    });
    return () => {
      controller.abort();
      stop();
    };
  }, [id, token]);
  return { map, error };
}
