export declare const EMBED_SOURCE: string;
export declare const EMBED_OUTPUT: string;
export declare const EMBED_BUDGET_BYTES: number;
export declare function bundleEmbed(): Promise<string>;
export declare function gzipSize(text: string): number;
