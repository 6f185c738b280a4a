export declare const DEMO_STORE_DIR: string;
export declare function demoStoreKey(secret: string): string;
export declare function startDemoStore(opts: {
  port: number;
  appUrl: string;
  publishableKey: string;
}): Promise<{ url: string; stop(): Promise<void> }>;
