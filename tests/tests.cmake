# Test list. Each block belongs to one subsystem; keep them separate.
