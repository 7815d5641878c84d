export declare const NODE24_VERSION: string;
/** Where `node scripts/node24.mjs` puts the Node 24 binary. */
export declare const node24Binary: string;
/** A native addon package built for that Node 24, installed once; answers the package's folder. */
export declare function node24Addon(name: string, version: string): string;
