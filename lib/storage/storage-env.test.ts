import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';

// The S3 settings of lib/env (image storage): validated once at start-up.
describe('STORAGE_DRIVER and S3_* settings', () => {
  it('defaults to the MongoDB driver without a bucket', () => {
    expect(parseEnv({})).toMatchObject({ STORAGE_DRIVER: 'mongodb', S3_REGION: 'us-east-1' });
  });

  it('refuses the s3 driver without a bucket, and half a key pair', () => {
    expect(() => parseEnv({ STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET/);
    expect(() => parseEnv({ STORAGE_DRIVER: 'gcs' })).toThrow(EnvError);
    expect(() => parseEnv({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'AKIA' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
  });

  it('accepts a full S3 configuration; production wants https unless on loopback', () => {
    const s3 = {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'images',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'a',
      S3_SECRET_ACCESS_KEY: 'b',
      S3_FORCE_PATH_STYLE: 'true',
    };
    expect(parseEnv(s3)).toMatchObject({ STORAGE_DRIVER: 's3', S3_FORCE_PATH_STYLE: true });
    const prod = {
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: 'x'.repeat(32),
      MONGODB_URI: 'mongodb://db/x',
      NEXTAUTH_URL: 'https://app.example.com',
      APP_URL: 'https://app.example.com',
      JOBS_MODE: 'inline',
    };
    expect(() => parseEnv({ ...prod, ...s3, S3_ENDPOINT: 'http://minio:9000' })).toThrow(
      /S3_ENDPOINT/,
    );
    expect(parseEnv({ ...prod, ...s3, S3_ENDPOINT: 'https://r2.example.com' }).S3_BUCKET).toBe(
      'images',
    );
  });
});
