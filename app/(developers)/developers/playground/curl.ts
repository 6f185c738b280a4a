import { curlCommand, type HttpMethod } from '@/lib/openapi/playground';

/** File names printed for image fields that have no attached file. */
const DEFAULT_FILE_NAMES: Record<string, string> = {
  user_image: 'person.jpg',
  top_image: 'top.jpg',
  bottom_image: 'bottom.jpg',
};

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A value a shell can send as is: an https URL or a data: URI (else a file is meant). */
const sendable = (v: unknown) => typeof v === 'string' && /^(https?:|data:)/i.test(v.trim());

export interface PlaygroundCurl {
  command: string;
  /** The local files the command uploads (to be replaced by the reader's own). */
  files: string[];
}

/**
 * The curl command for the playground's request. A body whose image fields
 * hold a picked file or the example's placeholder is sent the way a shell
 * uploads files, as multipart with `-F user_image=@person.jpg` (the picked
 * file's name, or a stand-in to replace); otherwise as the JSON body.
 */
export function playgroundCurl(input: {
  origin: string;
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  imageFields: string[];
  /** Field → the picked file's name and the placeholder standing for it in the body. */
  attached: Record<string, { name: string; placeholder: string }>;
}): PlaygroundCurl {
  const json = { ...input, body: input.body };
  let parsed: Record<string, unknown> | null = null;
  try {
    const v: unknown = input.body === undefined ? null : JSON.parse(input.body);
    parsed =
      v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    parsed = null;
  }
  const fileFields = parsed
    ? input.imageFields.filter((f) => parsed && f in parsed && !sendable(parsed[f]))
    : [];
  if (!parsed || fileFields.length === 0) return { command: curlCommand(json), files: [] };

  const headers = Object.fromEntries(
    Object.entries(input.headers).filter(([k]) => k.toLowerCase() !== 'content-type'),
  );
  const head = curlCommand({ ...input, headers, body: undefined });
  const parts = [head];
  const files: string[] = [];
  for (const [k, v] of Object.entries(parsed)) {
    if (fileFields.includes(k)) {
      const a = input.attached[k];
      const name = a && v === a.placeholder ? a.name : (DEFAULT_FILE_NAMES[k] ?? `${k}.jpg`);
      files.push(name);
      parts.push(`-F ${q(`${k}=@${name}`)}`);
    } else if (v !== null && v !== undefined) {
      parts.push(`-F ${q(`${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)}`);
    }
  }
  return { command: parts.join(' \\\n  '), files };
}
