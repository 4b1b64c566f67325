import { useEffect, useRef } from 'react';

/**
 * Listens to the dashboard stream and calls `onChange` on every `changed` event (the server
 * sends one within 2 s of a change). EventSource reconnects by itself after a drop.
 */
export function useLiveUpdates(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/public/dashboard/stream');
    const changed = () => latest.current();
    source.addEventListener('changed', changed);
    return () => {
      source.removeEventListener('changed', changed);
      source.close();
    };
  }, []);
}
