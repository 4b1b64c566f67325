/** One chosen photo: uploading, uploaded (with the server's id) or refused (with the reason). */
export interface PickedPhoto {
  key: string;
  name: string;
  status: 'uploading' | 'done' | 'error';
  percent: number;
  id?: string;
  error?: string;
  preview?: string;
}

/** The ids to attach, in the order chosen; undefined while any photo is still on its way. */
export function photoIdsOf(photos: readonly PickedPhoto[] | undefined): string[] | undefined {
  if (photos?.some((p) => p.status === 'uploading')) return undefined;
  return (photos ?? []).filter((p) => p.status === 'done' && p.id).map((p) => p.id as string);
}
