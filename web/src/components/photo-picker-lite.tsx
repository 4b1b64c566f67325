import { Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText, uploadFile } from '../api/client.js';
import type { PhotoUpload } from '../api/types.js';
import type { PickedPhoto } from './picked-photo.js';

let nextKey = 0;

/**
 * The photo picker for light resident pages: a native file input, native progress bars and no
 * icons, so the page does not pull antd's Upload, Progress or icon set. Like PhotoPicker, it
 * uploads each photo at once, shows each one's progress and keeps a refused photo with the
 * server's reason until removed.
 */
export function PhotoPickerLite({
  max = 6,
  onChange,
  id,
  describedBy,
}: {
  max?: number;
  onChange?: (photos: PickedPhoto[]) => void;
  id?: string;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [tooMany, setTooMany] = useState(false);
  const aborts = useRef(new Map<string, AbortController>());
  const kept = photos.filter((p) => p.status !== 'error').length;
  const hintId = `${id ?? 'photos'}-hint`;

  // Tell the form after each change; its onChange is a new function on every render.
  useEffect(() => onChange?.(photos), [photos]);
  useEffect(
    () => () => {
      for (const a of aborts.current.values()) a.abort();
    },
    [],
  );

  const update = (key: string, patch: Partial<PickedPhoto>) => setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  function choose(files: FileList | null) {
    const chosen = [...(files ?? [])];
    const room = Math.max(0, max - kept);
    setTooMany(chosen.length > room);
    for (const file of chosen.slice(0, room)) {
      const key = `photo-${nextKey++}`;
      const controller = new AbortController();
      aborts.current.set(key, controller);
      setPhotos((list) => [...list, { key, name: file.name, status: 'uploading', percent: 0 }]);
      uploadFile<PhotoUpload>('/photos', file, (f) => update(key, { percent: Math.round(f * 100) }), controller.signal)
        .then((uploaded) => update(key, { status: 'done', percent: 100, id: uploaded.id, preview: URL.createObjectURL(file) }))
        .catch((err: unknown) => {
          if (err instanceof DOMException && err.name === 'AbortError') return;
          update(key, { status: 'error', error: problemText(err) });
        })
        .finally(() => aborts.current.delete(key));
    }
    if (input.current) input.current.value = '';
  }

  function remove(photo: PickedPhoto) {
    aborts.current.get(photo.key)?.abort();
    if (photo.preview) URL.revokeObjectURL(photo.preview);
    setPhotos((list) => list.filter((p) => p.key !== photo.key));
    setTooMany(false);
  }

  return (
    <div className="mh-photo-picker">
      <input
        ref={input}
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        className="mh-visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => choose(e.target.files)}
      />
      <Button size="large" disabled={kept >= max} aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')} onClick={() => input.current?.click()}>
        {t('photos.add', { count: max - kept })}
      </Button>
      <p id={hintId} className="mh-muted mh-photo-hint">
        {t('photos.hint', { max })}
      </p>
      <div aria-live="polite">{tooMany && <p className="mh-photo-error">{t('photos.tooMany', { max })}</p>}</div>
      {photos.length > 0 && (
        <ul className="mh-photo-list" aria-label={t('photos.listLabel')}>
          {photos.map((p) => (
            <li key={p.key} className={`mh-photo-item mh-photo-${p.status}`} data-status={p.status}>
              {p.preview ? <img src={p.preview} alt="" className="mh-photo-thumb" /> : <span className="mh-photo-thumb mh-photo-thumb-empty" aria-hidden="true" />}
              <div className="mh-photo-body">
                <span className="mh-photo-name">{p.name}</span>
                {p.status === 'uploading' && <progress className="mh-photo-progress" max={100} value={p.percent} aria-label={t('photos.progress', { name: p.name })} />}
                {p.status === 'done' && <span className="mh-photo-ok">{t('photos.uploaded')}</span>}
                {p.status === 'error' && (
                  <span className="mh-photo-error" role="alert">
                    {p.error}
                  </span>
                )}
              </div>
              <Button type="text" className="mh-photo-remove" aria-label={t('photos.remove', { name: p.name })} onClick={() => remove(p)}>
                <span aria-hidden="true">✕</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
