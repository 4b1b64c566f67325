import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { Territory } from '../api/types.js';

// Territories rarely change; one lookup per code per page load is plenty.
const cache = new Map<string, Promise<Territory>>();

function lookup(code: string): Promise<Territory> {
  let found = cache.get(code);
  if (!found) {
    found = api.get<Territory>(`/territories/${encodeURIComponent(code)}`);
    found.catch(() => cache.delete(code));
    cache.set(code, found);
  }
  return found;
}

/** A territory shown by name, with its code; just the code until (or unless) the name loads. */
export function TerritoryName({ code }: { code: string }) {
  const [name, setName] = useState<string>();
  useEffect(() => {
    let alive = true;
    lookup(code).then(
      (t) => alive && setName(t.name),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [code]);
  return (
    <span>
      {name && <>{name} </>}
      <code>{code}</code>
    </span>
  );
}
