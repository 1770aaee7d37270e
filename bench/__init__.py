"""Performance benchmark tooling (not part of the product): `bench.data` fills a database,
`bench.run` measures."""
