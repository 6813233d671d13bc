"""Writers of the formats other tools read (no database access: records in, data out)."""
