"""Amending resolutions: unit addresses, change lists in ZTP wording, consolidated texts and comparisons."""
