/** What running one case came to, before the suite adds its id, subject and timing. */
export type CaseOutcome = { readonly status: 'passed' } | { readonly status: 'failed'; readonly reason: string };
