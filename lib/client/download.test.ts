import { describe, expect, it } from 'vitest';
import { attachmentName } from './download';

describe('attachmentName', () => {
  it('reads the file name of a Content-Disposition header', () => {
    expect(attachmentName('attachment; filename="trailroom-data-2026-12-01.zip"', 'x.zip')).toBe(
      'trailroom-data-2026-12-01.zip',
    );
    expect(attachmentName("attachment; filename*=UTF-8''my%20data.zip", 'x.zip')).toBe(
      'my data.zip',
    );
    expect(attachmentName(null, 'x.zip')).toBe('x.zip');
  });
});
