"""Shared pieces of the data model: the strict base class and small value types.

Contract: every model class derives from :class:`StrictModel` (unknown keys are errors, values are not
coerced across types, instances are immutable). :class:`MarkdownText` marks a string that is Markdown on
purpose (program content); every other string is plain text and is escaped before it enters the composed
Markdown (see paldocs.compose).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, StringConstraints
from pydantic_core import CoreSchema, core_schema


class StrictModel(BaseModel):
    # cache_strings off: two fields with equal text stay two objects, so that paldocs.sourcemap can tell by
    # identity which field a printed value came from.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, str_strip_whitespace=False,
                              populate_by_name=True, cache_strings=False)


class MarkdownText(str):
    """A string whose content is paldocs Markdown (emphasis, lists, headings are meant)."""

    __slots__ = ()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        # Validated as a plain string (JSON Schema: "string"), then marked as Markdown; YAML block scalars
        # lose their outer newlines.
        return core_schema.no_info_after_validator_function(
            lambda value: cls(value.strip("\n")), core_schema.str_schema(min_length=1))


Markdown = MarkdownText
"""Field type for Markdown content."""

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A plain-text field that must say something."""
