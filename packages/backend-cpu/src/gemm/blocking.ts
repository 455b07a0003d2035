/**
 * Tile and block sizes of the cache-blocked GEMM (the BLIS layering):
 * - MR × NR is the register tile: the micro-kernel keeps MR·NR accumulators in locals.
 * - KC is the depth of one packed panel pair; an MR×KC sliver of A and a KC×NR sliver of B
 *   (2 · 4 · 256 · 4 bytes = 8 KiB) stay in a 32 KiB L1 while the micro-kernel runs.
 * - MC × KC is the packed block of A reused across all of a B panel's columns: 128 · 256 · 4 bytes
 *   = 128 KiB, half of a typical 256-512 KiB L2.
 * - KC × NC is the packed panel of B reused across every block of A; it lives in L2/L3.
 * MC and NC are multiples of MR and NR so only the last block along each axis has edge tiles.
 */
export const GEMM_MR = 4;
export const GEMM_NR = 4;
export const GEMM_KC = 256;
export const GEMM_MC = 128;
export const GEMM_NC = 2048;
