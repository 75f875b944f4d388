"""Language tools: folding and tokens, the two stemmers, name matching, terminal-safe text."""
