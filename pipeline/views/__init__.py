"""HTML views of the results: `pipeline show` (one article highlighted) and `pipeline report` (a corpus overview).

Pages are self-contained (inline CSS, script and images) so they open from disk without a network."""
