/** Where an action came from, as recorded in audit entries. */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

/** Reads the client IP (first proxy hop), user agent and request id of a request. */
export function requestMeta(req: Request, requestId?: string): RequestMeta {
  const forwarded = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const ip = forwarded || req.headers.get('x-real-ip')?.trim() || undefined;
  const userAgent = req.headers.get('user-agent') ?? undefined;
  return {
    ...(ip ? { ip: ip.slice(0, 100) } : {}),
    ...(userAgent ? { userAgent: userAgent.slice(0, 500) } : {}),
    ...(requestId ? { requestId: requestId.slice(0, 100) } : {}),
  };
}
