import { apiRoute } from '@/lib/api';
import { deletePhoto, photoIdParamSchema } from '@/lib/photos';

export const dynamic = 'force-dynamic';

// DELETE /api/photos/{id} — delete a saved photo at once (404 for anyone else's)
export const DELETE = apiRoute<{ id: string }>(
  { auth: 'user', sessionOnly: true, personal: true },
  async ({ params, caller }) => {
    const { id } = photoIdParamSchema.parse(params);
    const res = await deletePhoto(caller.userId, id);
    return { id: res.id, deleted: true, image_deleted: res.imageDeleted };
  },
);
