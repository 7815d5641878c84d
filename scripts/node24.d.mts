export declare const NODE24_VERSION: string;
/** Where `node scripts/node24.mjs` puts the Node 24 binary. */
export declare const node24Binary: string;
