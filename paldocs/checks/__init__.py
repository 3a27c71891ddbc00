"""Drafting checks (lint): what a legal adviser would mark in a draft, as findings with stable ids.

Importing this package registers every rule (the ``rules_*`` modules). Entry points: :func:`check_file`,
:func:`format_text`, :func:`format_json`; the rule table for the docs comes from :data:`RULES`.
"""

from paldocs.checks import (rules_amendments, rules_annexes, rules_closing, rules_data,  # noqa: F401
                            rules_document, rules_legal, rules_programmes, rules_provisions, rules_reports,
                            rules_supervision, rules_text)
from paldocs.checks.engine import RULES, CheckContext, Finding, Report, Rule, check_file, rule
from paldocs.checks.output import format_json, format_text

__all__ = ["RULES", "CheckContext", "Finding", "Report", "Rule", "check_file", "format_json", "format_text", "rule"]
