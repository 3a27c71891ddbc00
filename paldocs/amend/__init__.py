"""Amending resolutions: the change list, its wording, the unit tree, consolidated texts and comparisons."""
