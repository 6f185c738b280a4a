import { z } from 'zod';

/** The dialog's try-on request (multipart): the visitor token, the SKU and the photo. */
export const widgetTryonFormSchema = z.object({
  token: z.string().min(1).max(1000),
  sku: z.string().trim().min(1).max(64),
});

/** `?token=` on the image route (an <img> cannot send a header), and `download=1`. */
export const widgetImageQuerySchema = z.object({
  token: z.string().max(1000).optional(),
  download: z.enum(['1']).optional(),
});

export const frameAncestorsQuerySchema = z.object({ key: z.string().max(100).optional() });

/** The header the dialog sends its visitor token in. */
export const WIDGET_TOKEN_HEADER = 'x-widget-token';

/** The largest photo a shopper may send: the browser downscales to 1536 px first. */
export const MAX_WIDGET_PHOTO_BYTES = 10 * 1024 * 1024;
