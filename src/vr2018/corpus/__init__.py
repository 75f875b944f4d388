"""The data layer: the record types, the declarative schema, the TOML loader and the cache."""
