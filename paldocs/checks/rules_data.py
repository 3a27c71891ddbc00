"""Drafting rules (placeholder module being written)."""
