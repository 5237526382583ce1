"""Content: typed records, YAML and front matter with lines, loading and cross-reference rules, sanitising, the importer."""
